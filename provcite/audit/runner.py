"""Run the rules over a stream of records.

Records are read once, in order. Each record goes through every document rule (their findings
are kept) and is fed to every volume rule, which keeps only the small summary it needs (page
numbers, lot numbers, cross-references …); the record itself is dropped before the next one is
read, so memory stays bounded by the findings and those summaries, not by the volume. After the
last record the volume rules report.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import provcite.audit.rules  # noqa: F401 - registers the rules
from provcite.audit.base import RULES, AuditContext, DocumentRule, Rule, VolumeRule, sorted_findings
from provcite.audit.findings import Finding, reaches, split_input
from provcite.errors import ProvciteError
from provcite.model import Record


class UnknownRuleError(ProvciteError):
    """A rule id no rule has (bad usage: the CLI exits 2)."""


def rule_ids() -> list[str]:
    return list(RULES)


def get_rule(rule_id: str) -> type[Rule]:
    try:
        return RULES[rule_id]
    except KeyError:
        raise UnknownRuleError(f"unknown rule {rule_id!r} (known: {', '.join(RULES)})") from None


def select_rules(ids: Sequence[str] | None = None) -> list[type[Rule]]:
    """The rules to run: all, or those named (in registry order); unknown ids raise."""
    if not ids:
        return list(RULES.values())
    wanted = {get_rule(i).id for i in ids}
    return [cls for rid, cls in RULES.items() if rid in wanted]


@dataclass
class AuditResult:
    """Findings of a run, in document order, with what the run covered."""

    findings: list[Finding]
    documents: int
    rules: list[type[Rule]]
    inputs: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, Counter[str]]:
        """Findings per rule and severity (every rule that ran, zero counts included)."""
        out: dict[str, Counter[str]] = {r.id: Counter() for r in self.rules}
        for f in self.findings:
            out.setdefault(f.rule, Counter())[f.severity] += 1
        return out

    def by_severity(self) -> Counter[str]:
        return Counter(f.severity for f in self.findings)

    def fails(self, fail_on: str = "error") -> bool:
        """Whether a finding reaches ``fail_on`` (error, warning or never)."""
        return any(reaches(f.severity, fail_on) for f in self.findings)


def audit(records: Iterable[Record], *, rules: Sequence[str] | None = None,
          ctx: AuditContext | None = None) -> AuditResult:
    """Audit ``records`` (any iterable, consumed once) with the named rules (default: all)."""
    ctx = ctx or AuditContext()
    selected = select_rules(rules)
    doc_rules = [cls() for cls in selected if issubclass(cls, DocumentRule)]
    vol_rules = [cls() for cls in selected if issubclass(cls, VolumeRule)]
    findings: list[Finding] = []
    inputs: dict[str, None] = {}
    n = 0
    for n, record in enumerate(records, 1):
        ctx._seq.setdefault(record.id, n)
        path, _ = split_input(record.input)
        if path:
            inputs.setdefault(path)
        for rule in doc_rules:
            for f in rule.check(record, ctx):
                f.seq = n
                findings.append(f)
        for vrule in vol_rules:
            vrule.feed(record, ctx)
    for vrule in vol_rules:
        findings.extend(vrule.finish(ctx))
    return AuditResult(findings=list(sorted_findings(findings)), documents=n, rules=selected, inputs=list(inputs))
