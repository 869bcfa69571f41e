"""Helpers for the audit tests: plant faults in real FRUS documents and read them back."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from provcite.audit import AuditResult, audit
from provcite.readers import read_records
from tests.support import frus_volume

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
D53_TEXT = FIXTURES / "frus1961-63v06-d53.txt"


def build_tei(docs: list[dict]) -> str:
    """A TEI volume of ``docs`` (JSONL-shaped documents), with the real header and front matter."""
    fm = json.loads(frus_volume.FRONTMATTER.read_text(encoding="utf-8"))
    body = "".join(frus_volume._document(d, d["id"], 0) for d in docs)
    vol = fm["volume"]["frus_idno"]
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0" '
            f'xmlns:frus="http://history.state.gov/frus/ns/1.0" xml:id="{vol}">{frus_volume._header(fm)}<text>'
            f'{frus_volume._front(fm)}<body><div type="compilation" xml:id="comp1"><pb n="1"/>{body}</div></body>'
            f"</text></TEI>\n")


@pytest.fixture
def planted_volume(tmp_path: Path, shared_documents: list[dict]) -> Callable[..., Path]:
    """``planted_volume(edit)``: the whole real volume with ``edit(docs_by_id)`` applied, as a TEI file."""

    def make(edit: Callable[[dict[str, dict]], None], name: str = "frus1961-63v06.xml") -> Path:
        docs = copy.deepcopy(shared_documents)
        edit({d["id"]: d for d in docs})
        path = tmp_path / name
        path.write_text(build_tei(docs), encoding="utf-8")
        return path

    return make


@pytest.fixture
def planted_text(tmp_path: Path) -> Callable[..., Path]:
    """``planted_text(old, new, dateline=...)``: d53's web text copy with ``old`` replaced by ``new``."""

    def make(old: str = "", new: str = "", *, dateline: str | None = None, text: str | None = None) -> Path:
        body = text if text is not None else D53_TEXT.read_text(encoding="utf-8")
        if old:
            assert old in body, old
            body = body.replace(old, new, 1)
        if dateline:
            head, _, rest = body.partition("\n")
            body = f"{head}\n\n{dateline}\n{rest}"
        path = tmp_path / "frus1961-63v06-d53.txt"
        path.write_text(body, encoding="utf-8")
        return path

    return make


def run(path: Path, rules: list[str] | None = None) -> AuditResult:
    return audit(read_records(str(path)), rules=rules)


def only(result: AuditResult, rule: str, doc: str | None = None) -> list:
    return [f for f in result.findings if f.rule == rule and (doc is None or f.doc.endswith("/" + doc))]
