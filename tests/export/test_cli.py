"""``provcite export``: stdout, -o written all at once, errors on one line."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import bibtexparser
import pytest
from prov.model import ProvDocument
from typer.testing import CliRunner

from provcite.cli import app
from tests.conftest import D53_TEI, D53_TEXT

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, ["export", *args])


def test_bibtex_to_stdout():
    result = run(str(D53_TEXT), "--to", "bibtex", "--accessed", "2024-05-01")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    entry = bibtexparser.parse_string(result.stdout).entries_dict["frus1961-63v06-d53"]
    assert entry.fields_dict["editor"].value == "Sampson, Charles S."
    assert entry.fields_dict["urldate"].value == "2024-05-01"


@pytest.mark.parametrize("fmt", ["bibtex", "biblatex", "csl-json", "ris", "prov-json", "prov-n", "dot"])
def test_every_format_to_a_file(tmp_path, fmt):
    if fmt == "dot":
        pytest.importorskip("pydot", reason="DOT export needs pydot (prov[dot])")
    out = tmp_path / f"out.{fmt}"
    result = run(str(D53_TEI), "--to", fmt, "-o", str(out), "--accessed", "2024-05-01")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    text = out.read_text(encoding="utf-8")
    assert "frus1961-63v06" in text
    assert os.listdir(tmp_path) == [out.name]  # no temporary file left
    if fmt == "csl-json":
        assert [i["id"] for i in json.loads(text)] == [f"frus1961-63v06-d{n}" for n in (52, 53, 54)]
    if fmt == "prov-json":
        ProvDocument.deserialize(content=text, format="json")


def test_volume_with_missing_authors_warns_and_exports_all(volume_tei):
    result = run(str(volume_tei), "--to", "biblatex")
    assert result.exit_code == 0
    assert result.stdout.count("@incollection{") == 120
    lines = result.stderr.splitlines()
    assert "provcite: warning: frus1961-63v06/d20: biblatex: no author (writer); @incollection requires it" in lines
    assert len(lines) == 5


def test_unknown_format_is_a_usage_error():
    result = run(str(D53_TEXT), "--to", "endnote")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("provcite: error: unknown format 'endnote' for --to (choose bibtex, biblatex")


def test_no_format_is_a_usage_error():
    result = run(str(D53_TEXT))
    assert result.exit_code == 2
    assert result.stderr.startswith("provcite: error: choose a format with --to")


def test_bad_access_date():
    result = run(str(D53_TEXT), "--to", "ris", "--accessed", "yesterday")
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "access date" in result.stderr


def test_unwritable_output_leaves_nothing(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    target = blocker / "out.bib"
    result = run(str(D53_TEXT), "--to", "bibtex", "-o", str(target))
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"provcite: error: {target}: cannot write")
    assert "Traceback" not in result.stderr
    assert sorted(os.listdir(tmp_path)) == ["file"]
    missing = tmp_path / "no" / "such" / "dir" / "out.bib"
    result = run(str(D53_TEXT), "--to", "bibtex", "-o", str(missing))
    assert result.exit_code == 1 and "cannot write" in result.stderr


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root writes into read-only directories")
def test_read_only_directory(tmp_path):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    try:
        result = run(str(D53_TEXT), "--to", "bibtex", "-o", str(ro / "out.bib"))
        assert result.exit_code == 1
        assert os.listdir(ro) == []
    finally:
        ro.chmod(0o700)


def test_failed_export_keeps_the_old_file(tmp_path):
    out = tmp_path / "refs.bib"
    out.write_text("% the old bibliography\n")
    result = run(str(D53_TEXT), str(tmp_path / "missing.txt"), "--to", "bibtex", "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert out.read_text() == "% the old bibliography\n"
    assert sorted(os.listdir(tmp_path)) == ["refs.bib"]


def test_output_replaces_atomically(tmp_path):
    out = tmp_path / "refs.ris"
    out.write_text("old")
    assert run(str(D53_TEXT), "--to", "ris", "-o", str(out)).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("TY  - CHAP\n")


def test_output_to_a_directory_is_an_error(tmp_path):
    result = run(str(D53_TEXT), "--to", "ris", "-o", str(tmp_path))
    assert result.exit_code == 1
    assert "is a directory" in result.stderr


def test_svg_needs_graphviz(tmp_path):
    pytest.importorskip("pydot", reason="DOT export needs pydot (prov[dot])")
    out = tmp_path / "graph.svg"
    result = run(str(D53_TEXT), "--to", "dot", "-o", str(out))
    if shutil.which("dot") is None:
        assert result.exit_code == 1
        assert "Graphviz" in result.stderr
        assert not out.exists()
    else:
        assert result.exit_code == 0
        assert out.read_bytes().lstrip().startswith((b"<?xml", b"<svg"))


def test_stdin(tmp_path):
    result = runner.invoke(app, ["export", "-", "--to", "ris", "--url",
                                 "https://history.state.gov/historicaldocuments/frus1961-63v06/d53"],
                           input=Path(D53_TEXT).read_text(encoding="utf-8"))
    assert result.exit_code == 0, result.stderr
    assert "ID  - frus1961-63v06-d53" in result.stdout
