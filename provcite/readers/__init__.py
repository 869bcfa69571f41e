"""Readers: web text copies and TEI volumes → enriched records.

:func:`read_records` is the one entry point: it opens a path (``-`` for stdin), tells TEI from
text, runs the matching reader and the enrichment pipeline with the volume's catalog entry.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from provcite.catalog import Catalog, VolumeEntry, default_catalog
from provcite.enrich.names import PersonIndex
from provcite.enrich.pipeline import Context, enrich
from provcite.errors import InputError
from provcite.model import Notice, Record, history_url
from provcite.readers.source import decode_text, identify, read_input, sniff
from provcite.readers.tei import VolumeState, iter_tei, open_tei
from provcite.readers.text import read_text

__all__ = ["load_persons", "read_records"]


def load_persons(path: str) -> tuple[PersonIndex, dict[str, str]]:
    """A persons list (and abbreviations) from a front-matter JSON file or a TEI volume."""
    data = Path(path).read_bytes() if Path(path).exists() else None
    if data is None:
        raise InputError("no such file", path=path)
    if sniff(data, path) == "tei":
        state = VolumeState()
        for _ in iter_tei(open_tei(data, None, path), path, state=state):
            pass
        return state.persons, state.abbreviations
    try:
        obj = json.loads(decode_text(data, path))
        persons = obj["persons"] if isinstance(obj, dict) else obj
        abbreviations = {a["term"]: a["expansion"] for a in obj.get("abbreviations", [])} if isinstance(obj, dict) else {}
        return PersonIndex.from_entries(persons), abbreviations
    except (ValueError, KeyError, TypeError) as exc:
        raise InputError(f"not a persons list (JSON with 'persons': [{{id, name, description}}]): {exc}",
                         path=path) from None


def _entry_for(volume: str | None, catalog: Catalog, state: VolumeState | None,
               persons: tuple[PersonIndex, dict[str, str]] | None) -> VolumeEntry | None:
    entry = catalog.get(volume)
    if state is not None and state.volume is not None:
        own = state.entry()
        if entry is not None and own is not None:
            # The TEI's own lists win; the catalog fills what an excerpt lacks.
            if not own.persons.persons:
                own.persons = entry.persons
            if not own.abbreviations:
                own.abbreviations = entry.abbreviations
            own.sources = own.sources or entry.sources
        entry = own or entry
    if persons is not None:
        base = entry.volume if entry else None
        entry = VolumeEntry(volume=base, persons=persons[0],  # type: ignore[arg-type]
                            abbreviations=persons[1] or (entry.abbreviations if entry else {}))
    return entry


def read_records(path: str, *, volume: str | None = None, url: str | None = None, persons: str | None = None,
                 catalog: Catalog | None = None) -> Iterator[Record]:
    """Every document in the input at ``path``, enriched, in document order."""
    catalog = catalog or default_catalog()
    person_list = load_persons(persons) if persons else None
    inp = read_input(path)
    vol, doc = identify(inp.name, volume, url)
    if inp.kind == "tei":
        # A TEI volume names itself (idno type="frus", or the root's xml:id); the file name is only
        # the fallback, and --volume overrides both.
        with open_tei(inp.data, inp.path, inp.name) as stream:
            yield from _tei_records(stream, inp.name, volume, catalog, person_list, fallback=vol)
        return
    assert inp.data is not None
    record = read_text(decode_text(inp.data, inp.name), inp.name, volume=vol, doc=doc)
    if vol is None:
        record.warnings.append(Notice("volume-unknown", "volume unknown: name it with --volume or --url"))
    yield enrich(record, Context(entry=_entry_for(vol, catalog, None, person_list)))


def read_tei_share(path: str, owns: Callable[[int], bool], *, volume: str | None = None) -> Iterator[Record]:
    """The documents of a TEI file whose index ``owns`` accepts, enriched as :func:`read_records`
    enriches them (a parallel reader's share of a volume)."""
    inp = read_input(path)
    vol, _doc = identify(inp.name, volume, None)
    with open_tei(inp.data, inp.path, inp.name) as stream:
        yield from _tei_records(stream, inp.name, volume, default_catalog(), None, owns, fallback=vol)


def _tei_records(stream: IO[bytes], name: str, volume: str | None, catalog: Catalog,
                 person_list: tuple[PersonIndex, dict[str, str]] | None,
                 owns: Callable[[int], bool] | None = None, *, fallback: str | None = None) -> Iterator[Record]:
    """Records of a TEI stream; the catalog entry is rebuilt only when the front matter grew.
    ``fallback`` names the volume when the TEI does not (from the file name)."""
    entry: VolumeEntry | None = None
    seen = -1
    for record, state, hints in iter_tei(stream, name, volume=volume, owns=owns):
        if record.volume in (None, "unknown") and fallback:
            record.volume = fallback
            record.url = history_url(record.volume, record.doc)
            if state.volume is not None and state.volume.id == "unknown":
                state.volume.id = fallback
        size = len(state.persons.persons) + len(state.abbreviations) + (state.volume is not None)
        if size != seen:
            entry, seen = _entry_for(record.volume, catalog, state, person_list), size
        yield enrich(record, Context(entry=entry, person_hints=hints))
