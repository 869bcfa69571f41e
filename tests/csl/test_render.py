"""Renderer API, output formats, warnings, and fast == compat on the FRUS corpus."""

import json
from pathlib import Path

import pytest

from provcite.csl import CitationWarning, StyleError, get_engine, render_bibliography, render_citations

FIXTURES = Path(__file__).parent / "fixtures"
ITEMS = json.loads((FIXTURES / "frus_items.json").read_text(encoding="utf-8"))
STYLES = ["chicago-notes-bibliography", "chicago-shortened-notes-bibliography", "chicago-author-date",
          "modern-language-association", "apa", "turabian-notes-bibliography",
          "chicago-notes-bibliography-frus", "frus-office-of-the-historian"]


def quiet(*_):
    pass


def test_citations_in_input_order():
    out = render_citations(ITEMS[:5], "chicago-notes-bibliography", on_warning=quiet)
    assert len(out) == 5
    assert all(f"/d{n}." in text for n, text in zip(range(1, 6), out, strict=True))


def test_d53_chicago_note():
    (out,) = render_citations([ITEMS[52]], "chicago-notes-bibliography", on_warning=quiet)
    assert out.startswith("Nikita S. Khrushchev, “Informal Communication from Chairman Khrushchev"
                          " to President Kennedy,” to John F. Kennedy, in Kennedy-Khrushchev Exchanges")
    assert "ed. Charles S. Sampson" in out


def test_formats():
    item = ITEMS[0]
    html = render_citations([item], "chicago-notes-bibliography", fmt="html", on_warning=quiet)[0]
    md = render_citations([item], "chicago-notes-bibliography", fmt="markdown", on_warning=quiet)[0]
    text = render_citations([item], "chicago-notes-bibliography", on_warning=quiet)[0]
    assert "<i>Kennedy-Khrushchev Exchanges</i>" in html
    assert "*Kennedy-Khrushchev Exchanges*" in md
    assert "Kennedy-Khrushchev Exchanges" in text and "*" not in text
    with pytest.raises(ValueError, match="unknown output format"):
        render_citations([item], "apa", fmt="rtf")  # type: ignore[arg-type]


def test_bibliography_sorted():
    out = render_bibliography(ITEMS[:30], "chicago-notes-bibliography", on_warning=quiet)
    assert len(out) == 30
    assert out == sorted(out, key=lambda s: s.lower()) or out[0] < out[-1]


def test_warnings_callback_and_default():
    seen = []
    render_citations([{"id": "bad", "type": "book", "frobnicate": "x"}], "apa",
                     on_warning=lambda i, m: seen.append((i, m)))
    assert any(i == "bad" and "frobnicate" in m for i, m in seen)
    with pytest.warns(CitationWarning, match="rendered nothing|frobnicate"):
        render_citations([{"id": "bad", "type": "book", "frobnicate": "x"}], "apa")


def test_invalid_input():
    with pytest.raises(StyleError):
        render_citations(ITEMS[:1], "no-such-style")
    with pytest.raises(ValueError, match="position"):
        render_citations(ITEMS[:1], "apa", position="ibid")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="type"):
        render_citations([{"id": "x"}], "apa")


@pytest.mark.parametrize("style", STYLES)
def test_fast_equals_compat(style):
    fast = get_engine(style, mode="fast")
    slow = get_engine(style, mode="compat")
    for position in ("first", "subsequent"):
        assert fast.citations(ITEMS, position, quiet) == slow.citations(ITEMS, position, quiet)
    assert fast.bibliography(ITEMS, quiet) == slow.bibliography(ITEMS, quiet)
