"""Normalize repository names and infer record groups.

``Kennedy Library`` → ``John F. Kennedy Presidential Library``. Department of State records
sit in the National Archives: central files and Department (``D``) lots in RG 59, post (``F``)
lots in RG 84; an inferred record group says so.
"""

from __future__ import annotations

from provcite.model import Location, RecordGroup
from provcite.notes.vocab import PRESIDENTIAL_LIBRARIES, PRESIDENTIAL_LIBRARY_RE, REPOSITORIES

_KNOWN = {p.lower(): (n, rg) for p, n, rg in REPOSITORIES}


def normalize_repository(name: str | None) -> tuple[str | None, bool]:
    """The normalized repository name and whether it is a known repository."""
    if not name:
        return None, False
    key = " ".join(name.split()).removeprefix("the ").strip()
    if key.lower() in _KNOWN:
        return _KNOWN[key.lower()][0], True
    if m := PRESIDENTIAL_LIBRARY_RE.fullmatch(key):
        return PRESIDENTIAL_LIBRARIES[m.group("pres").lower()], True
    return key, False


def infer_record_group(loc: Location) -> RecordGroup | None:
    """RG 59 for Department of State files, RG 84 for a post's (``F``) lot."""
    if loc.record_group is not None:
        return loc.record_group
    if loc.repository_normalized != "Department of State":
        return None
    if loc.lot is not None and loc.lot.designator == "F":
        return RecordGroup("RG 84", inferred=True)
    return RecordGroup("RG 59", inferred=True)


def normalize_locations(locations: list[Location]) -> None:
    """Fill ``repository_normalized`` and inferred record groups in place."""
    for loc in locations:
        if loc.repository and not loc.repository_normalized:
            loc.repository_normalized = normalize_repository(loc.repository)[0]
        loc.record_group = infer_record_group(loc)
