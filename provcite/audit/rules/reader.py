"""``reader-warning``: what the readers noticed and no other rule reports."""

from __future__ import annotations

from collections.abc import Iterator

from provcite.audit.base import AuditContext, DocumentRule, register
from provcite.audit.findings import Finding
from provcite.model import Record

_REPORTED_ELSEWHERE = {"footnote-count", "person-tag"}  # footnote-mismatch, unresolved-person


@register
class ReaderWarning(DocumentRule):
    id = "reader-warning"
    title = "Reader warning"
    severity = "warning"
    explanation = (
        "Readers record what they could not settle in the record's warnings (e.g. 'volume unknown: "
        "name it with --volume or --url' for a text copy whose file name does not say its volume). "
        "Warnings other rules already report (footnote counts, wrong persName tags) are left to them."
    )

    def check(self, record: Record, ctx: AuditContext) -> Iterator[Finding]:
        for notice in record.warnings:
            if notice.code in _REPORTED_ELSEWHERE:
                continue
            yield self.finding(record, notice.message, fix="see the message")
