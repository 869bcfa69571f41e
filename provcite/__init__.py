"""provcite: FRUS documents and source notes into provenance records, citations, exports, audits.

The library API, loaded on first use (``import provcite`` stays cheap)::

    from provcite import read_records, parse_note, cite_records, export_records, audit_records, open_library

    records = list(read_records("frus1961-63v06.xml"))      # readers → model → grammar → enrichment
    parse_note("Source: Department of State, Central Files, 611.61/1–2355. Secret.")
    cite_records(records, "chicago")                         # citations (CSL)
    export_records(records, "bibtex")                        # BibTeX, BibLaTeX, CSL-JSON, RIS, PROV
    audit_records(records).findings                          # provenance audit

(``export_records`` and ``audit_records`` are ``provcite.export.export`` and ``provcite.audit.audit``:
a package's own subpackages ``provcite.export`` and ``provcite.audit`` own the shorter names.)
    open_library().add(records)                              # the SQLite library
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_API = {
    "read_records": "provcite.readers",
    "load_persons": "provcite.readers",
    "parse_note": "provcite.notes",
    "Record": "provcite.model",
    "SourceNote": "provcite.model",
    "Location": "provcite.model",
    "to_dict": "provcite.model",
    "from_dict": "provcite.model",
    "enrich": "provcite.enrich.pipeline",
    "Catalog": "provcite.catalog",
    "default_catalog": "provcite.catalog",
    "record_to_csl": "provcite.cite.csl_json",
    "cite_records": "provcite.cite.render",
    "bibliography": "provcite.cite.render",
    "export_records": "provcite.export:export",
    "audit_records": "provcite.audit:audit",
    "open_library": "provcite.library",
    "ProvciteError": "provcite.errors",
    "InputError": "provcite.errors",
}
__all__ = ["__version__", *_API]


def __getattr__(name: str) -> Any:
    """Import the API's names lazily, so the CLI and ``import provcite`` start fast."""
    if name in _API:
        module, _, attr = _API[name].partition(":")
        value = getattr(importlib.import_module(module), attr or name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'provcite' has no attribute {name!r}")
