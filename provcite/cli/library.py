"""``provcite library``: add, list, show, search, remove and count the documents of the library."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from provcite.cli.common import dump_json, err, handle_errors, progress
from provcite.cli.inputs import LibraryOpt, VolumeOpt
from provcite.errors import InputError, ProvciteError
from provcite.library import AddResult, Library, open_library, read_for_add
from provcite.model import Record, to_dict
from provcite.readers.source import read_input

app = typer.Typer(help="The library: FRUS documents kept in SQLite, searchable, usable by id in every command.",
                  no_args_is_help=True)

Format = Annotated[str, typer.Option("--format", "-f", help="table or json")]


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="library")


def _check_format(fmt: str) -> None:
    if fmt not in ("table", "json"):
        raise InputError(f"unknown format {fmt!r} (choose table or json)")


def _open(library: Path | None) -> Library:
    return open_library(library)


def _count_documents(path: str) -> int | None:
    """Documents in a TEI file, counted cheaply for the progress bar (only shown on a terminal)."""
    if path == "-":
        return None
    needle, count, tail = b'type="document"', 0, b""
    try:
        with open(path, "rb") as f:
            while chunk := f.read(1 << 20):
                block = tail + chunk
                count += block.count(needle)
                tail = block[-(len(needle) - 1):]
                count -= tail.count(needle)  # counted again with the next block
    except OSError:
        return None
    return count or 1


def _n(count: int) -> str:
    return f"{count} document" if count == 1 else f"{count} documents"


@app.command("add")
@handle_errors
def add(
    paths: Annotated[list[str], typer.Argument(help="Text copies, TEI documents or whole TEI volumes; - reads stdin.")],
    volume: VolumeOpt = None,
    library: LibraryOpt = None,
) -> None:
    """Add documents to the library; a document already there is updated, never duplicated."""
    for path in paths:  # every file is checked before anything is stored
        if path != "-":
            read_input(path)
    total = sum(_count_documents(p) or 1 for p in paths) if sys.stderr.isatty() else None
    result = AddResult()
    with _open(library) as lib:
        try:
            lib.add(progress(read_for_add(paths, volume=volume), "adding", total=total), result=result)
        except ProvciteError as exc:
            if result.total:
                exc.message += f" ({_n(result.total)} read before it stayed stored, in whole batches)"
            raise
        err.print(f"library: {_n(result.total)} stored ({result.added} new, {result.updated} updated) "
                  f"in {lib.path}", markup=False)


@app.command("list")
@handle_errors
def list_(volume: VolumeOpt = None, fmt: Format = "table", library: LibraryOpt = None) -> None:
    """List the library's documents in volume and document order."""
    _check_format(fmt)
    with _open(library) as lib:
        if fmt == "json":
            print(dump_json([e.to_json() for e in lib.entries(volume)]))
            return
        for e in lib.entries(volume):
            sys.stdout.write(f"{e.id:<24} {_day(e.date):<10} {e.heading or ''}\n")


def _day(date: str | None) -> str:
    """``1962-09-04`` of an ISO date-time; a date as printed stays as it is."""
    if not date:
        return "-"
    return date[:10] if re.match(r"\d{4}-\d\d-\d\dT", date) else date


@app.command("show")
@handle_errors
def show(
    doc_id: Annotated[str, typer.Argument(metavar="ID", help="Library id, e.g. frus1961-63v06/d53.")],
    fmt: Format = "table",
    library: LibraryOpt = None,
) -> None:
    """Show one document: a summary, or with --format json the full record (as parse gives it)."""
    _check_format(fmt)
    with _open(library) as lib:
        record = lib.get(doc_id)
        if record is None:
            raise InputError(f"{doc_id}: not in the library {lib.path}")
    if fmt == "json":
        print(dump_json(to_dict(record)))
        return
    sys.stdout.write("".join(f"{k:<15} {v}\n" for k, v in _summary(record)))


def _summary(r: Record) -> list[tuple[str, Any]]:
    rows: list[tuple[str, Any]] = [("id", r.id), ("heading", r.heading)]
    if r.date is not None:
        rows.append(("date", r.date.start or r.date.text))
    if r.place:
        rows.append(("place", r.place))
    if r.pages is not None and r.pages.first:
        rows.append(("pages", r.pages.first if r.pages.last in (None, r.pages.first)
                     else f"{r.pages.first}–{r.pages.last}"))
    if r.url:
        rows.append(("url", r.url))
    note = r.source_note
    if note is not None:
        for loc in note.locations:
            parts = [loc.repository_normalized or loc.repository, loc.collection, *loc.series, loc.folder, loc.box,
                     loc.lot.raw if loc.lot else None, loc.job.raw if loc.job else None,
                     loc.central_file.raw if loc.central_file else None]
            rows.append((loc.role, ", ".join(p for p in parts if p)))
        if note.classification is not None:
            rows.append(("classification", note.classification.raw))
        for role in ("drafted_by", "cleared_by", "approved_by"):
            people = getattr(note.people, role)
            if people:
                rows.append((role.replace("_", " "), "; ".join(p.resolved or p.name or "?" for p in people)))
        rows.append(("source note", note.text))
    if r.input:
        rows.append(("input", r.input))
    return rows


@app.command("search")
@handle_errors
def search(
    query: Annotated[str, typer.Argument(help='Words, "phrases", prefix*, OR, -word, column:word.')],
    fmt: Format = "table",
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="At most this many results.")] = 20,
    raw: Annotated[bool, typer.Option("--raw", help="QUERY is FTS5 syntax, passed as is.")] = False,
    library: LibraryOpt = None,
) -> None:
    """Full-text search over headings, notes, people, repositories and lots, best match first."""
    _check_format(fmt)
    with _open(library) as lib:
        hits = lib.search(query, limit=limit, raw=raw)
    if fmt == "json":
        print(dump_json([h.to_json() for h in hits]))
        return
    if not hits:
        err.print("no matches", markup=False)
    for h in hits:
        sys.stdout.write(f"{h.score:6.2f}  {h.id:<24} {h.heading or ''}\n        {h.snippet}\n")


@app.command("rm")
@handle_errors
def rm(
    ids: Annotated[list[str], typer.Argument(metavar="ID...", help="Library ids, e.g. frus1961-63v06/d53.")],
    library: LibraryOpt = None,
) -> None:
    """Remove documents (all or none: an unknown id removes nothing)."""
    with _open(library) as lib:
        n = lib.remove(ids)
        err.print(f"library: {_n(n)} removed from {lib.path}", markup=False)


@app.command("stats")
@handle_errors
def stats(fmt: Format = "table", library: LibraryOpt = None) -> None:
    """Documents, volumes, documents per volume, repositories, database size."""
    _check_format(fmt)
    with _open(library) as lib:
        s = lib.stats()
    if fmt == "json":
        print(dump_json(s))
        return
    lines = [f"library       {s['path']}{'' if s['exists'] else ' (not created yet)'}",
             f"schema        version {s['schema_version']}",
             f"documents     {s['documents']}",
             f"volumes       {s['volumes']}",
             *(f"  {v:<24} {n}" for v, n in s["per_volume"].items()),
             f"repositories  {len(s['repositories'])}",
             *(f"  {name:<40} {n}" for name, n in s["repositories"].items()),
             f"size          {_size(s['size_bytes'])}"]
    sys.stdout.write("\n".join(lines) + "\n")


def _size(n: int) -> str:
    size = float(n)
    for unit in ("bytes", "KiB", "MiB", "GiB"):
        if size < 1024 or unit == "GiB":
            return f"{n} bytes" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{n} bytes"
