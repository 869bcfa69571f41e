"""The grammar never raises: random and mutated notes (hypothesis)."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from provcite.model import to_dict
from provcite.notes import parse_note
from tests.conftest import FIXTURES

REAL = [json.loads(line)["source_note"] for line in (FIXTURES / "frus1961-63v06-documents.jsonl").read_text().splitlines()]
REAL = [n for n in REAL if n]
PIECES = ["Source:", "ibid.", "Ibid.", "Lot", " 66 D 204", "Job 80–", "Box", "(", ")", ";", ",", ".", ": ",
          "Drafted by", " and ", "cleared by", "Copies were sent to", "Secret", "Eyes Only", "Repeated to",
          "Printed in", "pp. 1-2", "Document 12", "vol. V", "Kennedy Library", "Department of State", "“", "”"]


def _check(text: str) -> None:
    note = parse_note(text)
    json.dumps(to_dict(note))
    assert 0 <= note.residue <= len(text)
    for loc in note.locations:
        if loc.span is not None:
            assert 0 <= loc.span.start <= loc.span.end <= len(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_random_text(text: str) -> None:
    _check(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=8), max_size=40))
def test_note_shaped_noise(pieces: list[str]) -> None:
    _check("".join(pieces))


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(REAL), st.data())
def test_mutated_real_notes(note: str, data: st.DataObject) -> None:
    chars = list(note)
    for _ in range(data.draw(st.integers(1, 8))):
        op = data.draw(st.sampled_from(["delete", "insert", "swap"]))
        i = data.draw(st.integers(0, max(0, len(chars) - 1)))
        if op == "delete" and chars:
            del chars[i]
        elif op == "insert":
            chars.insert(i, data.draw(st.sampled_from(list(".,;:() ibid0123456789—“”"))))
        elif chars:
            j = data.draw(st.integers(0, len(chars) - 1))
            chars[i], chars[j] = chars[j], chars[i]
    _check("".join(chars))
