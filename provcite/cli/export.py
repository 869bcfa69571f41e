"""``provcite export``: records → BibTeX, BibLaTeX, CSL-JSON, RIS, PROV-JSON, PROV-N, DOT."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from provcite.cli.common import fail, handle_errors, progress, warn
from provcite.cli.inputs import LibraryOpt, Paths, PersonsOpt, QueryOpt, UrlOpt, VolumeOpt, records_from
from provcite.export import FORMATS, atomic_write, export, normalize_accessed

ToOpt = Annotated[str | None, typer.Option("--to", "-t", help=f"Output format: {', '.join(FORMATS)}.")]
OutputOpt = Annotated[Path | None, typer.Option(
    "--output", "-o", help="Write to this file (all at once) instead of stdout; with --to dot, a .svg name "
                           "draws the graph (needs Graphviz's dot).")]
AsciiOpt = Annotated[bool, typer.Option("--ascii", help="BibTeX/BibLaTeX: LaTeX commands for non-ASCII text "
                                                        "instead of UTF-8.")]
AccessedOpt = Annotated[str, typer.Option("--accessed", help="Access date of the web edition: YYYY-MM-DD, "
                                                             "'today' or 'none'.")]
OriginalOpt = Annotated[bool, typer.Option("--original", help="CSL-JSON: add the archival original "
                                                              "(archive, archive_location …) as 'cite --original'.")]


@handle_errors
def export_cmd(
    paths: Paths = None,
    to: ToOpt = None,
    output: OutputOpt = None,
    ascii: AsciiOpt = False,
    accessed: AccessedOpt = "today",
    original: OriginalOpt = False,
    volume: VolumeOpt = None,
    url: UrlOpt = None,
    persons: PersonsOpt = None,
    query: QueryOpt = None,
    library: LibraryOpt = None,
) -> None:
    """Export records for LaTeX, Zotero, pandoc and provenance tools (stdout, or -o FILE)."""
    if to is None:
        raise fail(f"choose a format with --to ({', '.join(FORMATS)})", 2)
    fmt = to.strip().lower()
    if fmt not in FORMATS:
        raise fail(f"unknown format {to!r} for --to (choose {', '.join(FORMATS)})", 2)
    accessed_iso = normalize_accessed(accessed)
    svg = fmt == "dot" and output is not None and output.suffix.lower() == ".svg"
    records = list(progress(records_from(paths, volume=volume, url=url, persons=persons, query=query,
                                         library=library), "exporting"))
    data = export(records, fmt, accessed=accessed_iso, ascii=ascii, original=original, svg=svg, warn=warn)
    if output is None or str(output) == "-":
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.write(data)
        sys.stdout.flush()
        return
    atomic_write(output, data)


def register(app: typer.Typer) -> None:
    app.command("export")(export_cmd)
