"""``provcite catalog``: the volumes provcite knows (bibliographic data, persons, abbreviations)."""

from __future__ import annotations

from typing import Annotated

import typer

from provcite.catalog import default_catalog, save_entry
from provcite.cli.common import dump_json, err, handle_errors
from provcite.errors import InputError
from provcite.model import to_dict
from provcite.readers.source import read_input
from provcite.readers.tei import VolumeState, iter_tei, open_tei

app = typer.Typer(help="Volumes known to provcite: list them, add one from a TEI volume.", no_args_is_help=True)


@app.command("list")
@handle_errors
def list_(fmt: Annotated[str, typer.Option("--format", "-f", help="table or json")] = "table") -> None:
    """List catalog volumes with their persons and abbreviations counts."""
    entries = default_catalog().entries.values()
    rows = [{"id": e.volume.id, "title": e.volume.title, "persons": len(e.persons.persons),
             "abbreviations": len(e.abbreviations), "path": str(e.path) if e.path else None} for e in entries]
    if fmt == "json":
        print(dump_json(rows))
        return
    for r in rows:
        print(f"{r['id']}\t{r['persons']} persons\t{r['abbreviations']} abbreviations\t{r['title']}")


@app.command("show")
@handle_errors
def show(volume: str) -> None:
    """Show one volume's catalog entry as JSON."""
    entry = default_catalog().get(volume)
    if entry is None:
        raise InputError(f"volume {volume!r} is not in the catalog (add it with 'provcite catalog add VOLUME.xml')")
    print(dump_json(entry.to_json()))


@app.command("add")
@handle_errors
def add(path: str) -> None:
    """Add a TEI volume's header, persons, abbreviations and sources to the user catalog."""
    inp = read_input(path)
    if inp.kind != "tei":
        raise InputError("not a TEI volume", path=path)
    state = VolumeState()
    with open_tei(inp.data, inp.path, inp.name) as stream:
        for _ in iter_tei(stream, inp.name, state=state):
            pass
    entry = state.entry()
    if entry is None:
        raise InputError("no teiHeader with volume data", path=path)
    known = default_catalog().get(entry.volume.id)
    if known is not None:  # an excerpt without front matter keeps the lists already known
        entry.persons = entry.persons if entry.persons.persons else known.persons
        entry.abbreviations = entry.abbreviations or known.abbreviations
        entry.sources = entry.sources or known.sources
    out = save_entry(entry)
    err.print(f"added {entry.volume.id}: {len(entry.persons.persons)} persons, "
              f"{len(entry.abbreviations)} abbreviations → {out}", markup=False)
    print(dump_json(to_dict(entry.volume)))
