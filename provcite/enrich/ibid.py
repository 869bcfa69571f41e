"""Resolve ``ibid.``: a location written as ``ibid.`` stands for the location cited just before it.

``ibid.`` alone repeats that location; ``ibid.: Lot 77 D 163`` keeps its repository and
collection and names another lot; ``ibid., Central Files, DEF 18-4`` keeps only its repository.
"""

from __future__ import annotations

from provcite.model import Location

_INHERIT_ALL = ("repository", "repository_normalized", "record_group", "collection", "series", "folder", "box",
                "lot", "job", "central_file")


def _has_own_parts(loc: Location) -> bool:
    return any((loc.collection, loc.series, loc.folder, loc.box, loc.lot, loc.job, loc.central_file))


def resolve_ibid(locations: list[Location]) -> None:
    """Fill every ``ibid.`` location in place from the location before it (in note order)."""
    previous: Location | None = None
    for loc in locations:
        if loc.ibid:
            if previous is None or previous.repository is None:
                loc.ibid_resolved = False
                continue
            loc.ibid_resolved = True
            if not _has_own_parts(loc):
                for name in _INHERIT_ALL:
                    value = getattr(previous, name)
                    setattr(loc, name, list(value) if isinstance(value, list) else value)
            else:
                loc.repository = previous.repository
                loc.repository_normalized = previous.repository_normalized
                if loc.collection is None and not loc.series:
                    # ``ibid.: Lot 77 D 163`` — same collection, another file.
                    loc.collection = previous.collection
                    loc.series = list(previous.series)
                if loc.record_group is None:
                    loc.record_group = previous.record_group
        previous = loc
