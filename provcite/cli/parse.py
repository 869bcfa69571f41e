"""``provcite parse`` and ``provcite note``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from provcite.cli.common import handle_errors, progress, write_json_stream
from provcite.cli.inputs import LibraryOpt, Paths, PersonsOpt, QueryOpt, UrlOpt, VolumeOpt, records_from
from provcite.errors import InputError
from provcite.model import to_dict
from provcite.notes import parse_note

Format = Annotated[str, typer.Option("--format", "-f", help="json (an array) or jsonl (one object a line).")]


def _check_format(fmt: str) -> None:
    if fmt not in ("json", "jsonl"):
        raise InputError(f"unknown format {fmt!r} (choose json or jsonl)")


@handle_errors
def parse(
    paths: Paths = None,
    fmt: Format = "json",
    volume: VolumeOpt = None,
    url: UrlOpt = None,
    persons: PersonsOpt = None,
    query: QueryOpt = None,
    library: LibraryOpt = None,
) -> None:
    """Read FRUS documents into provenance records (JSON)."""
    _check_format(fmt)
    records = progress(records_from(paths, volume=volume, url=url, persons=persons, query=query, library=library),
                       "parsing")
    write_json_stream((to_dict(r) for r in records), fmt)


@handle_errors
def note(
    text: Annotated[str | None, typer.Argument(help="A source note; omit to read --file or stdin.")] = None,
    file: Annotated[Path | None, typer.Option("--file", help="One note per line.")] = None,
    fmt: Format = "jsonl",
) -> None:
    """Parse bare source notes: one JSON object per input note, in order."""
    _check_format(fmt)
    if text is not None:
        lines = [text]
    else:
        if file is not None:
            try:
                raw = file.read_bytes()
            except OSError as exc:
                raise InputError(f"cannot read ({exc.strerror})", path=str(file)) from None
            name = str(file)
        else:
            if sys.stdin.isatty():
                raise InputError("no note given: pass TEXT, --file F, or pipe notes on stdin (one a line)")
            raw, name = sys.stdin.buffer.read(), "<stdin>"
        if b"\x00" in raw:
            raise InputError("binary file, not source notes", path=name)
        try:
            lines = raw.decode("utf-8-sig").splitlines()
        except UnicodeDecodeError as exc:
            raise InputError(f"not UTF-8 text (byte {exc.start})", path=name) from None
    write_json_stream((_note_json(line) for line in lines), fmt)


def _note_json(line: str) -> dict:
    parsed = to_dict(parse_note(line.strip()))
    if not line.strip():
        parsed["error"] = "empty line"
    elif not parsed["locations"] and not parsed["published_in"] and parsed["classification"] is None:
        parsed["error"] = "no location, printing or classification recognized"
    return parsed
