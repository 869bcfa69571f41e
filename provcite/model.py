"""The provenance record: one data model that every reader fills and every renderer reads.

Each class is a slotted dataclass; :func:`to_dict` turns a record into the JSON shape documented
in the README and :func:`from_dict` reads that shape back, so a record survives a JSON round trip
unchanged (the library relies on it).
"""

from __future__ import annotations

import dataclasses
import sys
import types
import typing
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal, TypeVar

T = TypeVar("T")


def _key(name: str) -> dict[str, str]:
    """Field metadata for a JSON key that differs from the attribute name."""
    return {"key": name}


@dataclass(slots=True)
class Span:
    """A half-open character range ``[start, end)`` in the source note text."""

    start: int
    end: int


@dataclass(slots=True)
class Lot:
    """A State Department lot file, e.g. ``Lot 66 D 204`` or ``Lot 92D630``."""

    raw: str
    normalized: str
    year: int | None = None
    designator: str | None = None  # D: a Department office; F: a post's files
    number: str | None = None


@dataclass(slots=True)
class Job:
    """A CIA records job number, e.g. ``Job 80–B01285A``."""

    raw: str
    normalized: str


@dataclass(slots=True)
class CentralFile:
    """A State Department central file reference.

    ``system`` is ``decimal`` (to January 1963, ``611.61/1–2355``), ``subject-numeric``
    (``POL 27 VIET S``) or ``film`` (Central Foreign Policy File, ``D800532–1105``).
    """

    raw: str
    system: Literal["decimal", "subject-numeric", "film"]
    file: str  # the class (611.61, 711.11-KE) or the subject (POL 27 VIET S) or the film number
    date: str | None = None  # ISO date coded in a decimal file number (1–2355 → 1955-01-23)
    date_code: str | None = None  # the part after the slash, as written
    valid: bool = True


@dataclass(slots=True)
class RecordGroup:
    """A National Archives record group; ``inferred`` when the note does not name it."""

    value: str  # "RG 59"
    inferred: bool = False


@dataclass(slots=True)
class Location:
    """One archival location named in a source note."""

    role: Literal["original", "copy", "related"]
    text: str
    span: Span | None = None
    what: str | None = None  # for copies: what sits there ("Russian-language text")
    repository: str | None = None
    repository_normalized: str | None = None
    record_group: RecordGroup | None = None
    collection: str | None = None
    series: list[str] = field(default_factory=list)
    folder: str | None = None
    box: str | None = None
    lot: Lot | None = None
    job: Job | None = None
    central_file: CentralFile | None = None
    ibid: bool = False  # written as "ibid." and resolved from an earlier location
    ibid_resolved: bool | None = None


@dataclass(slots=True)
class Classification:
    """Security classification, handling caveats and telegram precedence."""

    raw: str
    level: str | None = None
    caveats: list[str] = field(default_factory=list)
    precedence: str | None = None
    unknown: list[str] = field(default_factory=list)  # markings no vocabulary knows
    span: Span | None = None


@dataclass(slots=True)
class PersonRef:
    """A person (or office) named in a note, resolved against the persons list when possible."""

    name: str | None
    affiliation: str | None = None
    title: str | None = None
    qualifier: str | None = None  # "in draft", "on May 7"
    resolved: str | None = None  # "McGeorge Bundy"
    person_id: str | None = None  # TEI id, "p_BMG2"
    affiliation_expanded: str | None = None  # ACDA → Arms Control and Disarmament Agency
    status: Literal["resolved", "unresolved", "ambiguous", "office", "unchecked"] = "unchecked"
    candidates: list[str] = field(default_factory=list)
    span: Span | None = None  # the name (or the item) in the text it was read from


@dataclass(slots=True)
class Party:
    """A writer or recipient named in a document heading."""

    text: str
    name: str | None = None
    title: str | None = None
    kind: Literal["person", "office", "post"] = "person"
    resolved: str | None = None
    person_id: str | None = None
    status: Literal["resolved", "unresolved", "ambiguous", "office", "unchecked"] = "unchecked"


@dataclass(slots=True)
class Transmission:
    """How a telegram or message travelled."""

    telegram: str | None = None  # "2562"
    via: str | None = None  # "telegram", "despatch", "commercial telegram"
    sent_from: str | None = None
    sent_to: list[str] = field(default_factory=list)
    sent: str | None = None
    received: str | None = None
    repeated_to: list[str] = field(default_factory=list)
    pouched_to: list[str] = field(default_factory=list)
    passed_to: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)


@dataclass(slots=True)
class People:
    """Who drafted, cleared, approved and prepared a document."""

    drafted_by: list[PersonRef] = field(default_factory=list)
    cleared_by: list[PersonRef] = field(default_factory=list)
    approved_by: list[PersonRef] = field(default_factory=list)
    prepared_by: list[PersonRef] = field(default_factory=list)
    signed_by: list[PersonRef] = field(default_factory=list)


@dataclass(slots=True)
class Printing:
    """Another printing of the document (Public Papers, Department of State Bulletin…)."""

    text: str
    title: str
    title_normalized: str | None = None
    author: str | None = None
    date: str | None = None  # issue date or year as written
    volume: str | None = None
    pages: str | None = None
    partial: bool = False
    is_source: bool = False  # the note's "Source:" is this publication
    found_in: str = "source_note"  # or "footnote 1"
    span: Span | None = None  # in the text named by found_in


@dataclass(slots=True)
class CrossReference:
    """A reference to another FRUS document ("Document 34", "vol. V, Document 28")."""

    text: str
    doc: str | None = None  # "d34"
    volume: str | None = None  # None: this volume; else as written ("vol. V")
    pages: str | None = None
    found_in: str = "source_note"
    span: Span | None = None  # in the text named by found_in


@dataclass(slots=True)
class SourceNote:
    """A parsed FRUS source note; ``text`` is kept verbatim."""

    text: str
    locations: list[Location] = field(default_factory=list)
    classification: Classification | None = None
    transmission: Transmission | None = None
    people: People = field(default_factory=People)
    distribution: list[PersonRef] = field(default_factory=list)
    published_in: list[Printing] = field(default_factory=list)
    source_text: list[str] = field(default_factory=list)  # sentences describing the source text
    cross_references: list[CrossReference] = field(default_factory=list)
    remarks: list[str] = field(default_factory=list)  # sentences no rule claimed, verbatim
    residue: int = 0  # characters of note text no rule claimed


@dataclass(slots=True)
class Footnote:
    """A footnote of the document; ``anchor`` holds the words just before its marker."""

    marker: str
    text: str
    anchor: str | None = None
    is_source: bool = False
    n: str | None = None  # the number as the note list prints it


@dataclass(slots=True)
class DocDate:
    """The document's date; ``start``/``end`` are ISO 8601, ``text`` as printed (dateline)."""

    start: str | None = None
    end: str | None = None
    text: str | None = None


@dataclass(slots=True)
class Pages:
    """First and last printed page of the document, and the page breaks inside it, in order."""

    first: str | None = None
    last: str | None = None
    breaks: list[str] = field(default_factory=list)  # TEI pb / text "[Page N]" inside the document


@dataclass(slots=True)
class Editor:
    """A volume editor with the TEI role (primary, general…)."""

    name: str
    role: str | None = None


@dataclass(slots=True)
class Volume:
    """Bibliographic data of a FRUS volume."""

    id: str
    title: str | None = None  # complete title
    series: str | None = None
    sub_series: str | None = None
    volume_number: str | None = None
    volume_title: str | None = None
    editors: list[Editor] = field(default_factory=list)
    publisher: str | None = None
    place: str | None = None
    year: str | None = None
    isbn: list[str] = field(default_factory=list)
    coverage: DocDate | None = None


@dataclass(slots=True)
class Notice:
    """Something a reader or enricher could not settle, for the user and the audit.

    ``code``: ``footnote-count`` (data: notes, markers), ``person-tag`` (data: text, tag,
    resolved — a TEI ``persName`` pointing at another person than the heading's title names),
    ``volume-unknown``.
    """

    code: str
    message: str
    data: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class Record:
    """The structured provenance record of one FRUS document."""

    volume: str | None
    doc: str | None
    number: str | None = None
    url: str | None = None
    heading: str | None = None
    genre: str | None = None
    from_: list[Party] = field(default_factory=list, metadata=_key("from"))
    to: list[Party] = field(default_factory=list)
    date: DocDate | None = None
    place: str | None = None
    pages: Pages | None = None
    footnotes: list[Footnote] = field(default_factory=list)
    source_note: SourceNote | None = None
    published_in: list[Printing] = field(default_factory=list)
    cross_references: list[CrossReference] = field(default_factory=list)
    volume_info: Volume | None = None
    input: str | None = None  # the file the record was read from, with its kind
    warnings: list[Notice] = field(default_factory=list)

    @property
    def id(self) -> str:
        """Library id, ``frus1961-63v06/d53``."""
        return f"{self.volume or 'unknown'}/{self.doc or 'unknown'}"


def history_url(volume: str | None, doc: str | None) -> str | None:
    """The document's address on history.state.gov."""
    if not volume or not doc:
        return None
    return f"https://history.state.gov/historicaldocuments/{volume}/{doc}"


# ---------------------------------------------------------------- JSON conversion
# Each class gets a plan, built once from its type hints: (attribute, JSON key, kind, nested
# class). Converting then needs no per-call introspection, so storing and reading records keeps
# pace with the readers.

_SCALAR, _SCALARS, _NESTED, _NESTED_LIST = 0, 1, 2, 3
_Plan = tuple[tuple[str, str, int, Any], ...]


def _json_key(f: dataclasses.Field[Any]) -> str:
    return f.metadata.get("key", f.name)


def _kind(tp: Any) -> tuple[int, Any]:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _kind(args[0]) if len(args) == 1 else (_SCALAR, None)
    if origin is list:
        (inner,) = typing.get_args(tp)
        return (_NESTED_LIST, inner) if dataclasses.is_dataclass(inner) else (_SCALARS, None)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _NESTED, tp
    return _SCALAR, None


@cache
def _plan(cls: type) -> _Plan:
    hints = typing.get_type_hints(cls, vars(sys.modules[cls.__module__]))
    return tuple((f.name, _json_key(f), *_kind(hints[f.name])) for f in dataclasses.fields(cls))


def _encode(obj: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"id": obj.id} if type(obj) is Record else {}
    for name, key, kind, _cls in _plan(type(obj)):
        value = getattr(obj, name)
        if value is None or kind == _SCALAR:
            out[key] = value
        elif kind == _SCALARS:
            out[key] = list(value)
        elif kind == _NESTED:
            out[key] = _encode(value)
        else:
            out[key] = [_encode(x) for x in value]
    return out


def to_dict(obj: Any) -> Any:
    """Convert a model object (or list of them) to plain JSON data, keys as documented.

    A record's data starts with its library ``id`` (``frus1961-63v06/d53``), which
    :func:`from_dict` ignores.
    """
    if isinstance(obj, list):
        return [to_dict(x) for x in obj]
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return _encode(obj)
    return obj


def from_dict(cls: type[T], data: dict[str, Any]) -> T:
    """Build a model object of ``cls`` from JSON data produced by :func:`to_dict`."""
    kwargs = {}
    for name, key, kind, nested in _plan(cls):
        if key in data:
            value = data[key]
            if value is None or kind in (_SCALAR, _SCALARS):
                kwargs[name] = list(value) if kind == _SCALARS and value is not None else value
            elif kind == _NESTED:
                kwargs[name] = from_dict(nested, value)
            else:
                kwargs[name] = [from_dict(nested, x) for x in value]
    return cls(**kwargs)
