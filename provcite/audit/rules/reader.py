"""``reader-warning``: what the readers noticed and no other rule reports."""

from __future__ import annotations

from collections.abc import Iterator

from provcite.audit.base import AuditContext, DocumentRule, register
from provcite.audit.findings import Finding
from provcite.audit.rules.footnotes import _COUNT_WARNING
from provcite.audit.rules.persons import _WRONG_TAG
from provcite.model import Record


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
        for warning in record.warnings:
            if _COUNT_WARNING.match(warning) or _WRONG_TAG.match(warning):
                continue
            yield self.finding(record, warning, fix="see the message")
