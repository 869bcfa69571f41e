"""Output formats of an audit: text (findings and a summary table), JSON and SARIF 2.1.0; and
the registry view as a table or JSON."""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path
from typing import IO, Any
from urllib.parse import quote

from rich import box
from rich.console import Console
from rich.table import Table

import provcite
from provcite.audit.base import Rule
from provcite.audit.findings import Finding, reaches
from provcite.audit.registry_view import Registry
from provcite.audit.runner import AuditResult

FORMATS = ("text", "json", "sarif")
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _console(file: IO[str]) -> Console:
    tty = hasattr(file, "isatty") and file.isatty()
    return Console(file=file, highlight=False, soft_wrap=False, width=None if tty else 120, no_color=not tty)


# ------------------------------------------------------------------ text


def finding_text(f: Finding) -> str:
    where = f" {f.span.label()} {f.span.text!r}" if f.span else ""
    out = f"{f.doc}  {f.severity}  {f.rule}{where}\n    {f.message}"
    if f.fix:
        out += f"\n    fix: {f.fix}"
    return out


def write_text(result: AuditResult, file: IO[str] | None = None, *, min_severity: str = "info") -> None:
    """Findings at or above ``min_severity``, then the summary table of all findings."""
    file = file or sys.stdout
    shown = [f for f in result.findings if reaches(f.severity, min_severity)]
    for f in shown:
        file.write(finding_text(f) + "\n")
    if shown:
        file.write("\n")
    table = Table(title=None, box=box.SIMPLE_HEAD, show_footer=True)
    totals = result.by_severity()
    table.add_column("rule", footer="total")
    table.add_column("severity")
    for sev in ("error", "warning", "info"):
        table.add_column(sev, justify="right", footer=str(totals.get(sev, 0)))
    for rule in result.rules:
        c = result.counts().get(rule.id, {})
        table.add_row(rule.id, rule.severity, *(str(c.get(s, 0)) if c.get(s) else "·" for s in ("error", "warning", "info")))
    console = _console(file)
    console.print(table)
    console.print(f"{result.documents} document{'s' if result.documents != 1 else ''} audited, "
                  f"{len(result.findings)} finding{'s' if len(result.findings) != 1 else ''}: "
                  f"{totals.get('error', 0)} errors, {totals.get('warning', 0)} warnings, {totals.get('info', 0)} info",
                  markup=False)


# ------------------------------------------------------------------ JSON


def to_json(result: AuditResult) -> dict[str, Any]:
    counts = result.counts()
    return {
        "tool": {"name": "provcite", "version": provcite.__version__},
        "documents": result.documents,
        "inputs": result.inputs,
        "findings": [f.to_dict() for f in result.findings],
        "summary": {
            "total": len(result.findings),
            "by_severity": {s: result.by_severity().get(s, 0) for s in ("error", "warning", "info")},
            "by_rule": {r.id: {"severity": r.severity, **{s: counts[r.id].get(s, 0) for s in ("error", "warning", "info")}}
                        for r in result.rules},
        },
    }


# ------------------------------------------------------------------ SARIF 2.1.0


def rule_name(rule_id: str) -> str:
    """``missing-source-note`` → ``MissingSourceNote`` (SARIF's reportingDescriptor.name)."""
    return "".join(part.capitalize() for part in re.split(r"[-_]", rule_id))


def artifact_uri(path: str) -> str:
    p = Path(path)
    if p.is_absolute():
        return p.as_uri()
    return quote(p.as_posix())


def sarif_rule(rule: type[Rule]) -> dict[str, Any]:
    return {
        "id": rule.id,
        "name": rule_name(rule.id),
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": rule.explanation},
        "help": {"text": f"{rule.explanation}\n\nExplain: provcite audit --explain {rule.id}"},
        "defaultConfiguration": {"level": _SARIF_LEVEL[rule.severity]},
        "properties": {"scope": rule.scope},
    }


def sarif_result(f: Finding, rule_index: dict[str, int], artifact_index: dict[str, int]) -> dict[str, Any]:
    location: dict[str, Any] = {"logicalLocations": [{"name": f.doc.rsplit("/", 1)[-1], "fullyQualifiedName": f.doc,
                                                      "kind": "object"}]}
    if f.path:
        physical: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(f.path), "index": artifact_index[f.path]}}
        if f.line:
            physical["region"] = {"startLine": f.line}
        location["physicalLocation"] = physical
    text = f.message + (f" Fix: {f.fix}" if f.fix else "")
    if f.span:
        text = f"{f.span.where} {f.span.text!r}: {text}"
    fingerprint = hashlib.sha256(
        "\x1f".join([f.rule, f.doc, f.span.where if f.span else "", f.span.text if f.span else "", f.message]).encode()
    ).hexdigest()[:32]
    return {
        "ruleId": f.rule,
        "ruleIndex": rule_index[f.rule],
        "level": _SARIF_LEVEL[f.severity],
        "message": {"text": text},
        "locations": [location],
        "partialFingerprints": {"provciteFinding/v1": fingerprint},
        "properties": {"doc": f.doc, "severity": f.severity, "span": f.span.to_dict() if f.span else None, "fix": f.fix},
    }


def to_sarif(result: AuditResult) -> dict[str, Any]:
    rule_index = {r.id: i for i, r in enumerate(result.rules)}
    paths = list(dict.fromkeys([*result.inputs, *(f.path for f in result.findings if f.path)]))
    artifact_index = {p: i for i, p in enumerate(paths)}
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "provcite",
                "version": provcite.__version__,
                "semanticVersion": provcite.__version__,
                "rules": [sarif_rule(r) for r in result.rules],
            }},
            "artifacts": [{"location": {"uri": artifact_uri(p)}} for p in paths],
            "results": [sarif_result(f, rule_index, artifact_index) for f in result.findings],
            "columnKind": "unicodeCodePoints",
            "properties": {"documents": result.documents},
        }],
    }


# ------------------------------------------------------------------ registry view


def _doc_list(docs: list[str], limit: int = 12) -> str:
    short = [d.rsplit("/", 1)[-1] for d in docs]
    return ", ".join(short[:limit]) + (f" … (+{len(short) - limit})" if len(short) > limit else "")


def write_registry_text(reg: Registry, file: IO[str] | None = None) -> None:
    file = file or sys.stdout
    table = Table(box=box.SIMPLE_HEAD)
    for col in ("kind", "name", "in", "docs", "documents", "spellings / collections"):
        table.add_column(col, overflow="fold")
    for e in reg.sorted_entries():
        variants = dict(e.spellings) if len(e.spellings) > 1 else {}
        if e.kind == "lot" and e.collections:
            variants = {**variants, **{f"in {c}": len(d) for c, d in e.collections.items()}} \
                if len(e.collections) > 1 or variants else variants
        detail = "; ".join(f"{k} ({v})" for k, v in variants.items())
        flag = "! " if e.inconsistent else ""
        table.add_row(e.kind, flag + e.name, e.repository or "", str(len(e.documents)), _doc_list(list(e.documents)), detail)
    console = _console(file)
    console.print(table)
    n = sum(1 for e in reg.entries.values() if e.inconsistent)
    console.print(f"{len(reg.entries)} entries; {n} with more than one spelling or collection (marked !)", markup=False)


def registry_json(reg: Registry) -> list[dict[str, Any]]:
    return [e.to_dict() for e in reg.sorted_entries()]
