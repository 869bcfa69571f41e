"""``provcite parse``, ``provcite note`` and ``provcite catalog`` from the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from provcite.cli import app
from provcite.model import Record, from_dict, to_dict
from tests.conftest import D53_TEI, D53_TEXT

runner = CliRunner()


def test_parse_text_copy_prints_the_record() -> None:
    result = runner.invoke(app, ["parse", str(D53_TEXT)])
    assert result.exit_code == 0, result.output
    (record,) = json.loads(result.stdout)
    assert record["doc"] == "d53" and record["from"][0]["resolved"] == "Nikita S. Khrushchev"
    assert from_dict(Record, record) == from_dict(Record, to_dict(from_dict(Record, record)))


def test_parse_jsonl_and_stdin() -> None:
    result = runner.invoke(app, ["parse", "-", "--format", "jsonl", "--volume", "frus1961-63v06"],
                           input=D53_TEXT.read_bytes())
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["volume"] == "frus1961-63v06"


def test_parse_tei_volume_in_document_order(volume_tei: Path) -> None:
    result = runner.invoke(app, ["parse", str(volume_tei), "-f", "jsonl"])
    assert result.exit_code == 0
    docs = [json.loads(line)["doc"] for line in result.stdout.splitlines()]
    assert docs == [f"d{i}" for i in range(1, 121)]


def test_volume_from_url_or_flag(tmp_path: Path) -> None:
    copy = tmp_path / "copied.txt"
    copy.write_bytes(D53_TEXT.read_bytes())
    plain = json.loads(runner.invoke(app, ["parse", str(copy)]).stdout)[0]
    assert plain["volume"] is None and plain["warnings"][0]["code"] == "volume-unknown"
    url = "https://history.state.gov/historicaldocuments/frus1961-63v06/d53"
    rec = json.loads(runner.invoke(app, ["parse", str(copy), "--url", url]).stdout)[0]
    assert (rec["volume"], rec["doc"], rec["url"]) == ("frus1961-63v06", "d53", url)
    assert rec["volume_info"]["volume_title"] == "Kennedy-Khrushchev Exchanges"


def test_persons_option_resolves_names(tmp_path: Path) -> None:
    persons = tmp_path / "persons.json"
    persons.write_text(json.dumps({"persons": [{"id": "p_FA1", "name": "Fisher, Adrian S.", "description": "Deputy Director, ACDA"}]}))
    rec = json.loads(runner.invoke(app, ["parse", str(D53_TEXT), "--persons", str(persons)]).stdout)[0]
    fisher = rec["source_note"]["distribution"][2]
    assert (fisher["resolved"], fisher["person_id"]) == ("Adrian S. Fisher", "p_FA1")
    assert rec["source_note"]["distribution"][1]["status"] == "unresolved"  # Bundy is not in this list


def test_note_one_object_per_line_in_order(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("Source: Department of State, Central Files, 611.61/1–2355. Secret.\n"
                     "gibberish without structure\n"
                     "\n"
                     "Source: Kennedy Library, President’s Office Files, Cuba. Top Secret.\n")
    result = runner.invoke(app, ["note", "--file", str(notes)])
    assert result.exit_code == 0
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(out) == 4
    assert out[0]["locations"][0]["central_file"]["date"] == "1955-01-23" and "error" not in out[0]
    assert out[1]["error"] and out[1]["remarks"] == ["gibberish without structure"]
    assert out[2]["error"] == "empty line"
    assert out[3]["locations"][0]["collection"] == "President’s Office Files"


def test_note_argument_and_json_array() -> None:
    result = runner.invoke(app, ["note", "Source: CIA, Job 80–B01285A, DCI Files. Secret.", "--format", "json"])
    (note,) = json.loads(result.stdout)
    assert note["locations"][0]["job"]["normalized"] == "80B01285A"


def test_unknown_format_is_one_line() -> None:
    result = runner.invoke(app, ["parse", str(D53_TEXT), "--format", "xml"])
    assert result.exit_code == 1 and "unknown format" in result.stderr


def test_catalog_list_and_add(tmp_path: Path) -> None:
    listed = json.loads(runner.invoke(app, ["catalog", "list", "--format", "json"]).stdout)
    assert {"id": "frus1961-63v06", "persons": 58, "abbreviations": 19}.items() <= listed[0].items()
    result = runner.invoke(app, ["catalog", "add", str(D53_TEI)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["id"] == "frus1961-63v06"


def test_python_m_and_console_script() -> None:
    out = subprocess.run([sys.executable, "-m", "provcite", "--help"], capture_output=True, text=True)
    assert out.returncode == 0 and "parse" in out.stdout


def test_progress_on_a_terminal_leaves_stdout_clean(volume_tei: Path) -> None:
    """With stderr on a terminal the progress bar draws there; stdout still carries every record."""
    import os

    primary, secondary = os.openpty()
    try:
        out = subprocess.run([sys.executable, "-m", "provcite", "parse", str(volume_tei), "-f", "jsonl"],
                             stdout=subprocess.PIPE, stderr=secondary, timeout=120, check=True)
    finally:
        os.close(secondary)
        os.close(primary)
    lines = out.stdout.decode().splitlines()
    assert len(lines) == 120
    assert all(json.loads(line)["volume"] == "frus1961-63v06" for line in lines)


def test_note_without_input_on_a_terminal_says_so() -> None:
    """``provcite note`` with nothing to read and stdin a terminal: one line, not a hang."""
    import os

    primary, secondary = os.openpty()
    try:
        out = subprocess.run([sys.executable, "-m", "provcite", "note"], stdin=secondary, capture_output=True, timeout=60)
    finally:
        os.close(secondary)
        os.close(primary)
    assert out.returncode == 1
    assert out.stderr.decode().strip() == ("provcite: error: no note given: pass TEXT, --file F, or pipe notes on "
                                           "stdin (one a line)")
