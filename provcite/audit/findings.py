"""What an audit reports: a :class:`Finding` — rule, severity, document, the span it points at,
what is wrong and how to fix it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
_RANK = {"error": 2, "warning": 1, "info": 0}
_TEI_LINE = re.compile(r"^(?P<path>.+):(?P<line>\d+) \((?P<kind>tei)\)$")
_TEXT_INPUT = re.compile(r"^(?P<path>.+) \((?P<kind>text)\)$")


def rank(severity: str) -> int:
    """``error`` 2, ``warning`` 1, ``info`` 0."""
    return _RANK[severity]


def reaches(severity: str, fail_on: str) -> bool:
    """Whether a finding of ``severity`` makes a run with ``--fail-on fail_on`` fail."""
    return fail_on != "never" and rank(severity) >= rank(fail_on)


@dataclass(slots=True)
class FindingSpan:
    """What a finding points at: a character range ``[start, end)`` in ``where``.

    ``where`` is ``source_note``, ``footnote N`` (the footnote with marker N), ``heading``,
    ``dateline`` or ``pages``; ``start``/``end`` index that text (``None`` when the value is not
    text of the document, e.g. page numbers), ``text`` is the text they cover.
    """

    where: str
    start: int | None
    end: int | None
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"in": self.where, "start": self.start, "end": self.end, "text": self.text}

    def label(self) -> str:
        if self.start is None:
            return self.where
        return f"{self.where}[{self.start}:{self.end}]"


@dataclass(slots=True)
class Finding:
    """One problem found by one rule in one document (or across a volume)."""

    rule: str
    severity: Severity
    doc: str  # "frus1961-63v06/d53"
    message: str
    fix: str | None = None
    span: FindingSpan | None = None
    input: str | None = None  # the record's input: "path:line (tei)" or "path (text)"
    seq: int = 0  # position of the document in the run, for ordering

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "doc": self.doc,
            "span": self.span.to_dict() if self.span else None,
            "message": self.message,
            "fix": self.fix,
            "input": self.input,
        }

    @property
    def path(self) -> str | None:
        """The input file the document came from."""
        path, _ = split_input(self.input)
        return path

    @property
    def line(self) -> int | None:
        """The line of the document in a TEI input."""
        _, line = split_input(self.input)
        return line


def split_input(value: str | None) -> tuple[str | None, int | None]:
    """``vol.xml:58 (tei)`` → (``vol.xml``, 58); ``d53.txt (text)`` → (``d53.txt``, None)."""
    if not value:
        return None, None
    if m := _TEI_LINE.match(value):
        return m["path"], int(m["line"])
    if m := _TEXT_INPUT.match(value):
        return m["path"], None
    return value, None
