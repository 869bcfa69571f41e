"""``unknown-repository``: a repository no vocabulary of provcite knows."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from provcite.audit.base import AuditContext, DocumentRule, register
from provcite.audit.findings import Finding
from provcite.audit.rules.identifiers import located
from provcite.enrich.repositories import normalize_repository
from provcite.model import Record
from provcite.notes.vocab import PRESIDENTIAL_LIBRARIES, REPOSITORIES

KNOWN_NAMES = sorted({p for p, _, _ in REPOSITORIES} | {n for _, n, _ in REPOSITORIES}
                     | {f"{k.title()} Library" for k in PRESIDENTIAL_LIBRARIES} | set(PRESIDENTIAL_LIBRARIES.values()))


@register
class UnknownRepository(DocumentRule):
    id = "unknown-repository"
    title = "Repository no vocabulary knows"
    severity = "warning"
    explanation = (
        "The first part of a location names the repository (Department of State, Kennedy Library, "
        "National Archives …). A name provcite does not know is either a misspelling ('Kenedy "
        "Library') or an archive missing from provcite's vocabulary (provcite/notes/vocab.py "
        "REPOSITORIES). Either way the record's repository cannot be normalized or linked."
    )

    def check(self, record: Record, ctx: AuditContext) -> Iterator[Finding]:
        note = record.source_note
        if note is None:
            return
        for loc in note.locations:
            if not loc.repository or normalize_repository(loc.repository)[1]:
                continue
            span = located(record, loc, loc.repository)
            if span is None:  # inherited through ibid.: reported where it is written
                continue
            close = difflib.get_close_matches(loc.repository, KNOWN_NAMES, n=1, cutoff=0.8)
            yield self.finding(
                record, f"unknown repository {loc.repository!r}", span=span,
                fix=f"did you mean {close[0]!r}?" if close else
                "check the name; if it is right, add it to REPOSITORIES in provcite/notes/vocab.py",
            )
