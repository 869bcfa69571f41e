"""``provcite audit``: check every link of every document's provenance chain."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from provcite.cli.common import dump_json, fail, handle_errors, progress
from provcite.cli.inputs import LibraryOpt, Paths, PersonsOpt, QueryOpt, UrlOpt, VolumeOpt, records_from

FAIL_ON = ("error", "warning", "never")


@handle_errors
def audit_cmd(
    paths: Paths = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text (findings and a summary table), json or sarif.")] = "text",
    fail_on: Annotated[str, typer.Option("--fail-on", help="Exit 1 when a finding reaches: error, warning or never.")] = "error",
    rule: Annotated[list[str] | None, typer.Option("--rule", "-r", help="Run only this rule (repeatable).")] = None,
    explain: Annotated[str | None, typer.Option("--explain", help="Print what rule ID checks, and exit.")] = None,
    list_rules: Annotated[bool, typer.Option("--list-rules", help="List every rule: id, severity, title.")] = False,
    min_severity: Annotated[str, typer.Option("--min-severity", help="Text output: show findings at or above "
                                                                   "info, warning or error (the table counts all).")] = "info",
    registry: Annotated[bool, typer.Option("--registry", help="List every repository, collection, lot and job cited, "
                                                              "with citing documents and spellings (text or json).")] = False,
    volume: VolumeOpt = None,
    url: UrlOpt = None,
    persons: PersonsOpt = None,
    query: QueryOpt = None,
    library: LibraryOpt = None,
) -> None:
    """Audit provenance: which claims of the source notes hold, and what to fix where.

    Exit status: 0 when no finding reaches --fail-on, 1 when one does (or the input cannot be
    read), 2 on bad usage (unknown rule, format or --fail-on value).
    """
    from provcite.audit import RULES, AuditContext, UnknownRuleError, audit, build_registry, select_rules
    from provcite.audit.formats import FORMATS, registry_json, to_json, to_sarif, write_registry_text, write_text

    if fmt not in FORMATS:
        raise fail(f"unknown format {fmt!r} (choose {', '.join(FORMATS)})", 2)
    if min_severity not in ("info", "warning", "error"):
        raise fail(f"unknown --min-severity value {min_severity!r} (choose info, warning or error)", 2)
    if fail_on not in FAIL_ON:
        raise fail(f"unknown --fail-on value {fail_on!r} (choose {', '.join(FAIL_ON)})", 2)
    try:
        if explain is not None:
            cls = select_rules([explain])[0]
            print(f"{cls.id} ({cls.severity}, {cls.scope} rule): {cls.title}\n\n{cls.explanation}")
            return
        selected = select_rules(rule)
    except UnknownRuleError as exc:
        raise fail(str(exc), 2) from None
    if list_rules:
        for cls in RULES.values():
            print(f"{cls.id:<26} {cls.severity:<8} {cls.title}")
        return
    if registry and fmt == "sarif":
        raise fail("--registry prints text or json, not sarif", 2)

    records = progress(records_from(paths, volume=volume, url=url, persons=persons, query=query, library=library),
                       "auditing")
    if registry:
        reg = build_registry(records)
        if fmt == "json":
            sys.stdout.write(dump_json(registry_json(reg)) + "\n")
        else:
            write_registry_text(reg, sys.stdout)
        return

    ctx = AuditContext()
    if persons:
        from provcite.readers import load_persons

        ctx.abbreviations = load_persons(persons)[1] or None
    result = audit(records, rules=[r.id for r in selected], ctx=ctx)
    if fmt == "json":
        sys.stdout.write(dump_json(to_json(result)) + "\n")
    elif fmt == "sarif":
        sys.stdout.write(json.dumps(to_sarif(result), ensure_ascii=False, indent=2) + "\n")
    else:
        write_text(result, sys.stdout, min_severity=min_severity)
    if result.fails(fail_on):
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add ``provcite audit`` to the command line."""
    app.command("audit")(audit_cmd)
