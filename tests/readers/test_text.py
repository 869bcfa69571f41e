"""The web text copy reader on layouts beyond the bundled example."""

from __future__ import annotations

from pathlib import Path

from provcite.readers import read_records

TELEGRAM = """9. Telegram From the Embassy in the Soviet Union to the Department of State0

Moscow, April 18, 1961, 2 p.m.

2536. Following is text of Khrushchev message delivered 1961 at 1 p.m. today:1

1. Mr. President, I send you this message in an hour of alarm.

2. It is a secret to no one that the armed bands invading this country were trained.

[Page 9]

3. As far as the Soviet Union is concerned, there should be no mistake about our position.

  1. Source: Department of State, Presidential Correspondence: Lot 66 D 204. Secret; Niact; Limit Distribution. Another copy of this message is in the Kennedy Library, National Security Files, Countries Series, USSR, Khrushchev Correspondence.
  2. The Russian-language text was transmitted as an enclosure to despatch 747 from Moscow, May 3.
"""


def test_numbered_paragraphs_dateline_and_years_are_not_notes(tmp_path: Path) -> None:
    path = tmp_path / "frus1961-63v06-d9.txt"
    path.write_text(TELEGRAM, encoding="utf-8")
    (record,) = read_records(str(path))
    assert (record.volume, record.doc, record.number) == ("frus1961-63v06", "d9", "9")
    assert record.heading == "Telegram From the Embassy in the Soviet Union to the Department of State"
    assert [(p.kind, p.text) for p in record.from_] == [("post", "the Embassy in the Soviet Union")]
    assert record.place == "Moscow"
    assert (record.date.text, record.date.start) == ("April 18, 1961, 2 p.m.", "1961-04-18")
    # two notes (numbered paragraphs 1–3 of the body are not notes); markers 0 and 1, not "1961"
    assert [(f.marker, f.n) for f in record.footnotes] == [("0", "1"), ("1", "2")]
    assert record.footnotes[1].anchor.endswith("1 p.m. today:")
    assert record.source_note.classification.caveats == ["Limit Distribution"]
    # "[Page 9]" after text: the document starts on page 8
    assert (record.pages.first, record.pages.last, record.pages.breaks) == ("8", "9", ["9"])
    assert record.warnings == []


def test_markers_and_notes_that_differ_in_number(tmp_path: Path) -> None:
    text = TELEGRAM.replace("today:1", "today:")
    path = tmp_path / "frus1961-63v06-d9.txt"
    path.write_text(text, encoding="utf-8")
    (record,) = read_records(str(path))
    assert [f.marker for f in record.footnotes] == ["0", "?"]
    (notice,) = record.warnings
    assert notice.code == "footnote-count" and notice.data == {"notes": "2", "markers": "1"}


def test_windows_line_endings_and_bom(tmp_path: Path) -> None:
    path = tmp_path / "frus1961-63v06-d9.txt"
    path.write_bytes(b"\xef\xbb\xbf" + TELEGRAM.replace("\n", "\r\n").encode("utf-8"))
    (record,) = read_records(str(path))
    assert record.number == "9" and len(record.footnotes) == 2
