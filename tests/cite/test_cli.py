"""``provcite cite`` and ``provcite styles`` through the real CLI."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from provcite.cli import app
from tests.conftest import D53_TEI, D53_TEXT

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args))


def test_cite_text_copy_default_chicago():
    r = run("cite", str(D53_TEXT))
    assert r.exit_code == 0, r.output
    assert r.stdout.startswith("Nikita S. Khrushchev to John F. Kennedy, informal communication, in ")
    assert r.stdout.count("\n") == 1


def test_cite_tei_doc_markdown():
    r = run("cite", str(D53_TEI), "--doc", "d53", "--format", "markdown")
    assert r.exit_code == 0
    assert "Moscow, September 4, 1962, in *Foreign Relations of the United States, 1961–1963*" in r.stdout


def test_cite_whole_volume_in_order_and_bib_deduplicated(volume_tei):
    r = run("cite", str(volume_tei), "--form", "short")
    lines = r.stdout.splitlines()
    assert len(lines) == 120
    assert lines[52] == "Khrushchev to Kennedy, September 4, 1962, FRUS, 1961–1963, vol. 6, doc. 53."
    assert lines[0].endswith("doc. 1.")
    bib = run("cite", str(volume_tei), "--form", "bib").stdout.splitlines()
    assert len(bib) == 1 and bib[0].startswith("Sampson, Charles S., ed.")


def test_cite_original_and_oh_accessed():
    r = run("cite", str(D53_TEI), "--doc", "53", "--original", "--style", "oh", "--accessed", "2024-03-01")
    assert r.exit_code == 0
    assert r.stdout.rstrip().endswith("frus1961-63v06/d53 [accessed 1 Mar 2024]")


def test_errors_are_one_line_exit_1(tmp_path):
    for args in (["--style", "nope"], ["--style", str(tmp_path / "missing.csl")], ["--form", "long"],
                 ["--format", "rtf"], ["--accessed", "soon"], ["--doc", "d999"]):
        r = run("cite", str(D53_TEI), *args)
        assert r.exit_code == 1, args
        assert r.stdout == ""
        assert r.stderr.startswith("provcite: error: ") and r.stderr.count("\n") == 1, r.stderr
    bad = tmp_path / "bad.csl"
    bad.write_text("<style")
    r = run("cite", str(D53_TEXT), "--style", str(bad))
    assert r.exit_code == 1 and "not well-formed" in r.stderr and "Traceback" not in r.output


def test_styles_list_json_and_show():
    r = run("styles", "list", "--format", "json")
    rows = json.loads(r.stdout)
    names = {row["name"]: row for row in rows}
    assert {"name", "title", "path", "shipped"} <= set(rows[0])
    assert names["chicago-notes-bibliography-frus"]["shipped"] is True
    assert "chicago" in names["chicago-notes-bibliography-frus"]["aliases"]
    show = run("styles", "show", "turabian")
    assert show.exit_code == 0
    assert "title: Turabian 9th edition (notes and bibliography, FRUS documents)" in show.stdout
    assert "parent: " in show.stdout and "chicago-notes-bibliography-frus.csl" in show.stdout
    r = run("styles", "show", "nope")
    assert r.exit_code == 1 and r.stderr.startswith("provcite: error: unknown style")
