"""``provcite library …`` end to end: every command, every format, library ids in parse, bad input."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from provcite.cli import app
from provcite.model import to_dict
from tests.conftest import D53_TEXT
from tests.library.conftest import assert_one_line_error, run

runner = CliRunner()


def cli(*args: str):
    return runner.invoke(app, list(args))


@pytest.fixture
def filled(volume_tei: Path) -> Path:
    result = cli("library", "add", str(volume_tei))
    assert result.exit_code == 0, result.output
    return Path(os.environ["PROVCITE_LIBRARY"])


def snapshot(path: Path) -> list[tuple]:
    conn = sqlite3.connect(path)
    rows = conn.execute("SELECT id, record, added_at, updated_at FROM documents ORDER BY id").fetchall()
    conn.close()
    return rows


def test_add_volume_then_again(volume_tei: Path) -> None:
    first = cli("library", "add", str(volume_tei))
    assert first.exit_code == 0
    assert first.stdout == ""
    assert "120 documents stored (120 new, 0 updated)" in first.stderr
    assert os.environ["PROVCITE_LIBRARY"] in first.stderr
    again = cli("library", "add", str(volume_tei), str(D53_TEXT))
    assert again.exit_code == 0
    # d53 twice in one batch (TEI, then the text copy): stored once, the last copy wins
    assert "120 documents stored (0 new, 120 updated)" in again.stderr
    assert json.loads(cli("library", "show", "frus1961-63v06/d53", "-f", "json").stdout)["input"].endswith("(text)")
    assert len(json.loads(cli("library", "list", "--format", "json").stdout)) == 120


def test_library_option_wins_over_env(tmp_path: Path) -> None:
    own = tmp_path / "own" / "lib.sqlite"
    result = cli("library", "add", str(D53_TEXT), "--library", str(own))
    assert result.exit_code == 0 and own.exists()
    assert not Path(os.environ["PROVCITE_LIBRARY"]).exists()
    assert cli("library", "list", "--library", str(own)).stdout.startswith("frus1961-63v06/d53")
    assert cli("library", "list").stdout == ""


def test_add_text_with_volume_option(tmp_path: Path) -> None:
    copy = tmp_path / "d53.txt"  # the file name no longer names the volume
    copy.write_bytes(D53_TEXT.read_bytes())
    result = cli("library", "add", str(copy))
    assert result.exit_code == 1 and "--volume" in result.stderr
    result = cli("library", "add", str(copy), "--volume", "frus1961-63v06")
    assert result.exit_code == 0, result.stderr
    assert json.loads(cli("library", "list", "--format", "json").stdout)[0]["id"] == "frus1961-63v06/d53"


def test_list(filled: Path) -> None:
    lines = cli("library", "list").stdout.splitlines()
    assert len(lines) == 120
    assert lines[0].split()[:2] == ["frus1961-63v06/d1", "1960-11-09"]
    assert "Message From Chairman Khrushchev to President-elect Kennedy" in lines[0]
    rows = json.loads(cli("library", "list", "--format", "json").stdout)
    assert [r["id"] for r in rows[:3]] == ["frus1961-63v06/d1", "frus1961-63v06/d2", "frus1961-63v06/d3"]
    assert set(rows[0]) == {"id", "volume", "doc", "heading", "date", "added_at", "updated_at"}
    assert cli("library", "list", "--volume", "frus1961-63v06", "-f", "json").stdout == \
        cli("library", "list", "--format", "json").stdout
    assert json.loads(cli("library", "list", "--volume", "frus1964-68v14", "--format", "json").stdout) == []


def test_show_json_equals_parse(filled: Path, volume_tei: Path, volume_records: list) -> None:
    shown = json.loads(cli("library", "show", "frus1961-63v06/d53", "--format", "json").stdout)
    d53 = next(r for r in volume_records if r.doc == "d53")
    assert shown == to_dict(d53)
    parsed = json.loads(cli("parse", str(volume_tei)).stdout)
    assert shown == next(p for p in parsed if p["doc"] == "d53")
    table = cli("library", "show", "frus1961-63v06/d53").stdout
    assert "frus1961-63v06/d53" in table and "Lot 66 D 204" in table and "Secret; Eyes Only" in table


def test_parse_cite_inputs_by_library_id_and_query(filled: Path, volume_records: list) -> None:
    d53 = to_dict(next(r for r in volume_records if r.doc == "d53"))
    result = cli("parse", "frus1961-63v06/d53")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == [d53]
    result = cli("parse", "--query", "Fisher ACDA")
    assert json.loads(result.stdout) == [d53]
    result = cli("parse", "frus1961-63v06/d999")
    assert result.exit_code == 1 and "not in the library" in result.stderr


def test_parse_library_id_in_subprocess(filled: Path) -> None:
    result = run("parse", "frus1961-63v06/d53", "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["heading"] == "Informal Communication From Chairman Khrushchev to President Kennedy"


def test_search(filled: Path) -> None:
    out = cli("library", "search", "Fisher ACDA").stdout.splitlines()
    assert "frus1961-63v06/d53" in out[0] and "[Fisher (ACDA]" in out[1]
    hits = json.loads(cli("library", "search", "Presidential Files", "--format", "json", "--limit", "5").stdout)
    assert len(hits) == 5 and hits[0]["id"] == "frus1961-63v06/d108"
    assert set(hits[0]) == {"id", "volume", "doc", "heading", "date", "score", "snippet"}
    assert hits[0]["score"] >= hits[1]["score"]
    none = cli("library", "search", "zanzibar")
    assert none.exit_code == 0 and none.stdout == "" and "no matches" in none.stderr
    raw = json.loads(cli("library", "search", "NEAR(Fisher ACDA, 2)", "--raw", "-f", "json").stdout)
    assert [h["id"] for h in raw] == ["frus1961-63v06/d53"]


@pytest.mark.parametrize("query", ["(", 'Lot "66', "NEAR(", "^", "*", "a:b:c", "-", "OR"])
def test_search_syntax_characters_never_crash(filled: Path, query: str) -> None:
    result = cli("library", "search", query)
    assert result.exit_code in (0, 1)
    assert "Traceback" not in result.output
    if result.exit_code == 1:
        assert result.stderr.startswith("provcite: error: ") and len(result.stderr.strip().splitlines()) == 1


def test_bad_raw_query_is_one_line(filled: Path) -> None:
    assert_one_line_error(run("library", "search", "--raw", "Fisher AND ("), "bad search query")


def test_rm(filled: Path) -> None:
    result = cli("library", "rm", "frus1961-63v06/d1", "frus1961-63v06/d2")
    assert result.exit_code == 0 and "2 documents removed" in result.stderr
    assert len(cli("library", "list").stdout.splitlines()) == 118
    before = snapshot(filled)
    assert_one_line_error(run("library", "rm", "frus1961-63v06/d3", "frus1961-63v06/d1"),
                          "frus1961-63v06/d1", "nothing was removed")
    assert snapshot(filled) == before


def test_show_unknown_id(filled: Path) -> None:
    assert_one_line_error(run("library", "show", "frus1961-63v06/d999"), "frus1961-63v06/d999", "not in the library")
    assert_one_line_error(run("library", "show", "frus1961-63v06/d999", "--library", str(filled.parent / "none")),
                          "not in the library")


def test_stats(filled: Path) -> None:
    table = cli("library", "stats").stdout
    assert "documents     120" in table and "frus1961-63v06           120" in table
    assert "John F. Kennedy Presidential Library" in table and "KiB" in table
    s = json.loads(cli("library", "stats", "--format", "json").stdout)
    assert s["documents"] == 120 and s["per_volume"] == {"frus1961-63v06": 120} and s["size_bytes"] > 0


def test_bad_format() -> None:
    for cmd in (["list"], ["stats"], ["search", "x"], ["show", "frus1961-63v06/d53"]):
        result = cli("library", *cmd, "--format", "xml")
        assert result.exit_code == 1 and "unknown format 'xml'" in result.stderr


def test_missing_or_bad_file_during_add_changes_nothing(filled: Path, tmp_path: Path, volume_tei: Path) -> None:
    before = snapshot(filled)
    missing = tmp_path / "missing.xml"
    assert_one_line_error(run("library", "add", str(D53_TEXT), str(missing)), str(missing), "no such file")
    binary = tmp_path / "binary.xml"
    binary.write_bytes(bytes(range(256)) * 8)
    assert_one_line_error(run("library", "add", str(volume_tei), str(binary)), str(binary), "binary file")
    malformed = tmp_path / "malformed.xml"
    malformed.write_bytes(b'<?xml version="1.0"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<text>\n</TEI>\n')
    assert_one_line_error(run("library", "add", str(D53_TEXT), str(malformed)), f"{malformed}:4", "malformed XML")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert_one_line_error(run("library", "add", str(empty)), str(empty), "empty file")
    assert_one_line_error(run("library", "add", str(tmp_path)), str(tmp_path), "directory")
    assert snapshot(filled) == before


@pytest.mark.parametrize("command", [
    ["library", "add", str(D53_TEXT)], ["library", "list"], ["library", "show", "frus1961-63v06/d53"],
    ["library", "search", "Khrushchev"], ["library", "rm", "frus1961-63v06/d53"], ["library", "stats"],
    ["parse", "frus1961-63v06/d53"],
])
def test_corrupt_database_is_one_line(tmp_path: Path, command: list[str]) -> None:
    bad = tmp_path / "bad.sqlite"
    data = os.urandom(16384)
    bad.write_bytes(data)
    assert_one_line_error(run(*command, "--library", str(bad)), str(bad))
    assert bad.read_bytes() == data


def test_library_without_a_command_shows_help() -> None:
    result = cli("library")
    assert "add" in result.output and "search" in result.output


def test_error_late_in_a_volume_keeps_whole_batches(tmp_path: Path) -> None:
    from provcite.library import BATCH_SIZE
    from tests.support.frus_volume import write_volume

    volume = write_volume(tmp_path / "frus1961-63v06.xml", copies=5)  # 600 documents
    volume.write_bytes(volume.read_bytes()[:-40])  # cut off: malformed at the very end
    db = tmp_path / "lib.sqlite"
    line = assert_one_line_error(run("library", "add", str(volume), "--library", str(db)), str(volume))
    assert f"{BATCH_SIZE} documents read before it stayed stored" in line
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == BATCH_SIZE
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
