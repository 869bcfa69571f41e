"""Grammar of archival locations: ``REPOSITORY, COLLECTION, SERIES…, FOLDER: IDENTIFIER``.

A location starts with a repository (``Department of State``, ``Kennedy Library``) or with
``ibid.``; a list of locations is joined by ``and`` / ``, and in the`` / ``;``. Components after
the repository are separated by commas, colons or semicolons and classified in turn: lot, job,
record group, box, folder, central file, else a collection/series/folder name. A component that
starts in lower case (``along with the Russian-language text``) ends the location.
"""

from __future__ import annotations

import dataclasses
import re
from functools import lru_cache

from provcite.model import CentralFile, Location, Span
from provcite.notes import identifiers as ids
from provcite.notes.vocab import PRESIDENTIAL_LIBRARY_RE, REPOSITORIES

_REPO_NAMES = sorted((re.escape(p) for p, _, _ in REPOSITORIES), key=len, reverse=True)
_GENERIC = r"(?:[A-Z][\w.’'-]*\s+){1,4}(?:Library|Archives?)(?![\w])"
REPOSITORY_RE = re.compile(
    rf"(?:{PRESIDENTIAL_LIBRARY_RE.pattern}|(?:{'|'.join(_REPO_NAMES)})(?![\w])|{_GENERIC})"
)
_IBID = r"[Ii]bid\.?"
_START = rf"(?:{_IBID}|{REPOSITORY_RE.pattern})"
START_RE = re.compile(rf"(?:(?:in|at)\s+)?(?:the\s+)?(?={_START})")
_SEPARATOR = re.compile(rf"(?:,?\s+and\s+|;\s+(?:and\s+)?)(?:(?:in|at)\s+)?(?:the\s+)?(?={_START})")
_COMPONENT_SPLIT = re.compile(r"\s*[,:;]\s*|\s+and\s+(?=\d{3}[\dA-Z.-]*/|Lot\s)")
_MONTH_DAY = re.compile(r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2}$")
_BOX = re.compile(r"^Boxe?s?\s+(\S.*)$")
_FOLDER = re.compile(r"^(?:Folder|File)\s+(\S.*)$")
_CENTRAL = re.compile(r"^(?:Central (?:Foreign Policy )?Files?|Decimal Files?)\b")


def starts_location(text: str) -> bool:
    """Whether ``text`` begins with a repository or ``ibid.`` (after ``in``/``at the``)."""
    m = START_RE.match(text)
    return m is not None


def _repository(body: str) -> tuple[str | None, int]:
    """The repository at the start of ``body`` and where it ends."""
    m = REPOSITORY_RE.match(body)
    if m:
        return m.group(0), m.end()
    return None, 0


@lru_cache(maxsize=8192)
def _components(body: str) -> tuple[tuple[str, int, int], ...]:
    """Split the part after the repository into ``(component, start, end)``."""
    out: list[tuple[str, int, int]] = []
    pos = 0
    for m in [*_COMPONENT_SPLIT.finditer(body), None]:
        end = m.start() if m else len(body)
        if end > pos:
            piece = body[pos:end]
            if out and piece.isdigit() and len(piece) == 4 and _MONTH_DAY.search(out[-1][0]):
                # "February 21, 1972" is one component, not two.
                _, a, _ = out.pop()
                piece, pos = body[a:end], a
            out.append((piece, pos, end))
        if m:
            pos = m.end()
    return tuple(out)


def parse_location(
    text: str, *, role: str = "original", what: str | None = None, offset: int = 0, allow_unknown: bool = False
) -> tuple[Location | None, int]:
    """Parse one location at the start of ``text``; see :func:`_parse_one`."""
    loc, used, _extra = _parse_one(text, role=role, what=what, offset=offset, allow_unknown=allow_unknown)
    return loc, used


def _parse_one(
    text: str, *, role: str = "original", what: str | None = None, offset: int = 0, allow_unknown: bool = False
) -> tuple[Location | None, int, list[CentralFile]]:
    """Parse one location at the start of ``text``.

    Returns the location, further central files named with ``and`` (one location each), and how many characters of ``text`` it used (0 when ``text`` is not a
    location). With ``allow_unknown`` the first component counts as a repository even when no
    vocabulary knows it (the ``Source:`` sentence always names one).
    """
    m = START_RE.match(text)
    lead = m.end() if m else 0
    body = text[lead:]
    loc = Location(role=role, text="", what=what)  # type: ignore[arg-type]
    ibid = re.match(r"[Ii]bid\.?", body)
    if ibid:
        loc.ibid = True
        rest_start = ibid.end()
    else:
        repo, end = _repository(body)
        if repo is None:
            if not allow_unknown:
                return None, 0, []
            first = _COMPONENT_SPLIT.search(body)
            end = first.start() if first else len(body)
            repo = body[:end].strip().rstrip(".")
            if not repo or not repo[0].isupper():
                return None, 0, []
        loc.repository = repo
        rest_start = end
    used = rest_start
    names: list[str] = []
    extra_files: list[CentralFile] = []
    in_central = False
    rest = body[rest_start:]
    for comp, _a, b in _components(rest):
        comp = comp.strip().rstrip(".")
        if not comp:
            used = rest_start + b
            continue
        if comp[0].islower() and not comp.startswith(("ibid",)):
            break
        # Each identifier grammar is tried only where its first word can start it.
        head = comp[:3]
        if head == "Lot" and (lot := ids.parse_lot(comp)) is not None:
            loc.lot = lot
        elif head == "Job" and (job := ids.parse_job(comp)) is not None:
            loc.job = job
        elif head in ("RG ", "Rec") and (rg := ids.parse_record_group(comp)) is not None:
            loc.record_group = rg
        elif head == "Box" and (bm := _BOX.match(comp)):
            loc.box = bm.group(1)
        elif head in ("Fol", "Fil") and (fm := _FOLDER.match(comp)):
            loc.folder = fm.group(1)
        elif head in ("Cen", "Dec") and _CENTRAL.match(comp):
            loc.collection = comp
            in_central = True
        elif (cf := ids.parse_central_file(comp, in_central_files=in_central)) is not None:
            if loc.central_file is None:
                loc.central_file = cf
            else:
                extra_files.append(cf)
        elif comp[0].isupper() or comp[0].isdigit() or comp[0] in "“\"'‘":
            names.append(comp)
        else:
            break
        used = rest_start + b
    _assign_names(loc, names)
    end = lead + used
    while end > 0 and text[end - 1] in " ,;:":
        end -= 1
    loc.text = text[:end].strip()
    start_ws = len(text) - len(text.lstrip())
    loc.span = Span(offset + start_ws, offset + end)
    return loc, end, extra_files


def _assign_names(loc: Location, names: list[str]) -> None:
    """Collection, then series, then the last name as folder (collection → series → folder)."""
    if not names:
        return
    if loc.collection is None:
        loc.collection, names = names[0], names[1:]
    if len(names) >= 2 and loc.folder is None:
        loc.series, loc.folder = names[:-1], names[-1]
    else:
        loc.series = names


def parse_location_list(
    text: str, *, role: str = "copy", what: str | None = None, offset: int = 0, allow_unknown: bool = False
) -> tuple[list[Location], int]:
    """Parse ``LOC (, and in the LOC)*`` at the start of ``text``; returns locations and length used."""
    pieces: list[tuple[int, int]] = []
    pos = 0
    for m in _SEPARATOR.finditer(text):
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, len(text)))
    locations: list[Location] = []
    used = 0
    for i, (a, b) in enumerate(pieces):
        loc, n, extra = _parse_one(
            text[a:b], role=role, what=what, offset=offset + a, allow_unknown=allow_unknown and i == 0
        )
        if loc is None:
            break
        locations.append(loc)
        # "Central Files, 711.5611/3–1254 and 711.5611/3–1554": one location per file.
        locations.extend(dataclasses.replace(loc, central_file=cf, series=list(loc.series)) for cf in extra)
        used = a + n
        if a + n < b and text[a + n : b].strip(" .,;:"):
            break  # trailing words end the list
    return locations, used
