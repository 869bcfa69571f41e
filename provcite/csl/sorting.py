"""Bibliography order as citeproc-js computes it (used by the compat and fast paths).

citeproc-py compares its raw ``cs:key`` values with Python string order; citeproc-js
renders each key as plain text and compares with locale collation, with these
rules reproduced here:

- markup, quote marks and the quote markers of :mod:`provcite.csl.compat` are
  ignored, letters compare case- and accent-insensitively;
- digit runs compare as numbers ("No. 4" before "No. 103");
- dates inside macro keys render as sortable ``YYYYMMDD`` strings
  (see ``compat.Date``);
- an empty key sorts after every non-empty one; ties keep the input order.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from provcite.csl import compat

_TAGS = re.compile(r"<[^>]+>")
_QUOTES = re.compile("[\u201c\u201d\u2018\u2019\"" + compat.OPEN_MARK + compat.CLOSE_MARK + "]")
_DIGITS = re.compile(r"\d+")


_DATE_KEY = re.compile(f"[^\\w{compat.DATE_OPEN}{compat.DATE_CLOSE}]*{compat.DATE_OPEN}(\\d*){compat.DATE_CLOSE}"
                       f"[^\\w{compat.DATE_OPEN}{compat.DATE_CLOSE}]*")


def _text(value) -> str | None:
    if value is None:
        return None
    text = _QUOTES.sub("", _TAGS.sub("", str(value)))
    # date keys join up with no affix or delimiter around them, as in citeproc-js
    text = _DATE_KEY.sub(lambda m: m.group(1), text).strip()
    if not text:
        return None
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    # numeric collation: digit runs compare as numbers
    return _DIGITS.sub(lambda m: m.group().zfill(64), text.casefold())


def _key_values(key, items: list, layout) -> list:
    """citeproc-py's ``Key.sort_keys`` with the sort options reaching nested macros
    (through the style root) and citeproc-js's date keys."""
    if "macro" in key.attrib:
        root = key.get_root()
        options = {"name-as-sort-order": "all"}
        for option in ("names-min", "names-use-first", "names-use-last"):
            if option in key.attrib:
                options[option.replace("names", "et-al")] = key.get(option)
        macro = key.get_macro(key.get("macro"))
        out = []
        root.__dict__[compat.SORTING] = options
        try:
            for item in items:
                layout.repressed = {}
                out.append(macro.render(item, context=layout, sort_options=options))
        finally:
            root.__dict__.pop(compat.SORTING, None)
        return out
    variable = (key.get("variable") or "").replace("-", "_")
    if variable in compat.model.DATES:
        return [compat.date_sort_key(item.reference.get(variable)) for item in items]
    return key.sort_keys(items, layout)


def sort_items(bibliography, items: list) -> list:
    """``items`` (citation items) in the order of the bibliography's ``cs:sort``."""
    layout = bibliography.layout
    sort = bibliography.find(f"{{{compat.CSL_NS}}}sort")
    if sort is None:
        return list(items)
    columns = []
    for key in sort.findall(f"{{{compat.CSL_NS}}}key"):
        descending = key.get("sort", "ascending").lower() == "descending"
        columns.append((descending, [_text(v) for v in _key_values(key, items, layout)]))
    layout.repressed = {}

    def compare(a: int, b: int) -> int:
        for descending, column in columns:
            x, y = column[a], column[b]
            if x == y:
                continue
            if x is None:
                return 1
            if y is None:
                return -1
            result = -1 if x < y else 1
            return -result if descending else result
        return 0

    order = sorted(range(len(items)), key=functools.cmp_to_key(compare))
    return [items[n] for n in order]
