"""Exports: records → BibTeX, BibLaTeX, CSL-JSON, RIS, W3C PROV (PROV-JSON, PROV-N, DOT).

:func:`export` is the one entry point (the CLI's ``provcite export``); the format modules can be
used on their own: :mod:`~provcite.export.bibtex`, :mod:`~provcite.export.csljson`,
:mod:`~provcite.export.ris`, :mod:`~provcite.export.prov`; :func:`atomic_write` writes a file
all at once.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from provcite.errors import ProvciteError
from provcite.export.atomic import atomic_write
from provcite.fields import Warn
from provcite.model import Record

__all__ = ["FORMATS", "atomic_write", "export", "normalize_accessed"]

FORMATS = ("bibtex", "biblatex", "csl-json", "ris", "prov-json", "prov-n", "dot")


def export(records: Iterable[Record], fmt: str, *, accessed: str | None = None, ascii: bool = False,
           original: bool = False, svg: bool = False, warn: Warn | None = None) -> str | bytes:
    """All records in one file of format ``fmt`` (one of :data:`FORMATS`).

    ``accessed``: access date (``YYYY-MM-DD`` or ``today``; ``None``: left out) for ``urldate`` / ``Y2`` /
    ``accessed``; ``ascii``: BibTeX/BibLaTeX with LaTeX commands instead of UTF-8; ``original``:
    CSL-JSON with the archival original (``archive*``), as ``provcite cite --original``;
    ``svg``: the DOT graph drawn by Graphviz (bytes). ``warn`` gets one line per record that
    lacks a field the format requires. Returns text (bytes for SVG).
    """
    if fmt not in FORMATS:
        raise ProvciteError(f"unknown format {fmt!r} (choose {', '.join(FORMATS)})")
    accessed = normalize_accessed(accessed)
    if fmt in ("bibtex", "biblatex"):
        from provcite.export.bibtex import to_bibtex

        return to_bibtex(records, biblatex=fmt == "biblatex", ascii=ascii, accessed=accessed, warn=warn)
    if fmt == "ris":
        from provcite.export.ris import to_ris

        return to_ris(records, accessed=accessed, warn=warn)
    if fmt == "csl-json":
        from provcite.export.csljson import to_csl_json

        return to_csl_json(records, accessed=accessed, original=original)
    from provcite.export import prov

    doc = prov.records_to_prov(records)
    if fmt == "prov-json":
        return prov.to_prov_json(doc)
    if fmt == "prov-n":
        return prov.to_prov_n(doc)
    return prov.to_svg(doc) if svg else prov.to_dot(doc)


def normalize_accessed(accessed: str | None) -> str | None:
    """``today`` → today's ISO date; ``YYYY-MM-DD`` checked; ``None``/``none`` → ``None``."""
    if accessed is None or accessed.strip().lower() in ("", "none"):
        return None
    text = accessed.strip()
    if text.lower() == "today":
        return date.today().isoformat()
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise ProvciteError(f"access date {accessed!r} is not YYYY-MM-DD, 'today' or 'none'") from None
