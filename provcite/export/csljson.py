"""CSL-JSON: the items :func:`provcite.cite.csl_json.record_to_csl` makes, exactly as
``provcite cite`` renders them, as one JSON array (Zotero, pandoc ``--citeproc``, citeproc-js).

Only ids are touched: when two records would get the same id, the later ones get ``-2``,
``-3`` … (the keys of the BibTeX export).
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from provcite import fields as c
from provcite.errors import ProvciteError
from provcite.model import Record

__all__ = ["to_csl_items", "to_csl_json"]


def to_csl_items(records: Iterable[Record], *, accessed: str | None = None, original: bool = False) -> list[dict]:
    from provcite.cite.csl_json import record_to_csl

    items = []
    used: set[str] = set()
    for record in records:
        try:
            item = record_to_csl(record, accessed=accessed, original=original)
        except ValueError as exc:
            raise ProvciteError(str(exc)) from None
        key = candidate = str(item.get("id") or c.base_key(record))
        n = 1
        while candidate in used:
            n += 1
            candidate = f"{key}-{n}"
        used.add(candidate)
        item["id"] = candidate
        items.append(item)
    return items


def to_csl_json(records: Iterable[Record], *, accessed: str | None = None, original: bool = False) -> str:
    return json.dumps(to_csl_items(records, accessed=accessed, original=original), ensure_ascii=False, indent=2) + "\n"
