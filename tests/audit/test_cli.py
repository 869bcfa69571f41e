"""``provcite audit`` on the command line: formats, exit codes, rule filter, explain, registry."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from provcite.audit import RULES
from provcite.cli import app
from tests.audit.conftest import D53_TEXT
from tests.support.schemas import SARIF

runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(app, ["audit", *args])


def test_text_report_with_summary_and_exit_1_on_errors(volume_tei: Path):
    result = invoke(str(volume_tei))
    assert result.exit_code == 1
    out = result.stdout
    assert "frus1961-63v06/d19  error  malformed-identifier source_note[44:59] '711.11-KE/7J461'" in out
    assert "fix: probably 711.11-KE/7-461" in out
    assert "120 documents audited, 74 findings: 2 errors, 8 warnings, 64 info" in out
    for rid in RULES:
        assert rid in out  # the summary table lists every rule


@pytest.mark.parametrize(("fail_on", "code"), [("error", 1), ("warning", 1), ("never", 0)])
def test_fail_on(volume_tei: Path, fail_on: str, code: int):
    assert invoke(str(volume_tei), "--fail-on", fail_on, "-f", "json").exit_code == code


def test_fail_on_warning_without_errors(volume_tei: Path):
    args = [str(volume_tei), "--rule", "lot-typo", "--rule", "date-order"]
    assert invoke(*args).exit_code == 0
    assert invoke(*args, "--fail-on", "warning").exit_code == 1


def test_clean_document_exits_0():
    assert invoke(str(D53_TEXT), "--fail-on", "warning").exit_code == 0


def test_json_is_clean_stdout(volume_tei: Path):
    result = invoke(str(volume_tei), "--format", "json")
    data = json.loads(result.stdout)
    assert data["documents"] == 120 and data["summary"]["by_severity"] == {"error": 2, "warning": 8, "info": 64}
    f = next(f for f in data["findings"] if f["rule"] == "malformed-identifier")
    assert set(f) >= {"rule", "severity", "doc", "span", "message", "fix"}
    assert f["doc"] == "frus1961-63v06/d19"
    assert f["span"] == {"in": "source_note", "start": 44, "end": 59, "text": "711.11-KE/7J461"}


def test_d53_ibid_span_in_json(tmp_path: Path):
    text = D53_TEXT.read_text(encoding="utf-8").replace("Secret; Eyes Only. Other copies are ibid.: Lot 77 D 163, and in",
                                                        "Secret; Eyes Only. Other copies are in")
    text = text.replace("Source: Department of State, Presidential Correspondence: Lot 66 D 204.",
                        "Source: ibid.: Lot 77 D 163.")
    path = tmp_path / "frus1961-63v06-d53.txt"
    path.write_text(text, encoding="utf-8")
    data = json.loads(invoke(str(path), "-f", "json", "--rule", "unresolved-ibid").stdout)
    assert [f["span"] for f in data["findings"]] == [{"in": "source_note", "start": 8, "end": 27,
                                                      "text": "ibid.: Lot 77 D 163"}]


def test_sarif_validates_against_the_2_1_0_schema(volume_tei: Path):
    result = invoke(str(volume_tei), "--format", "sarif")
    sarif = json.loads(result.stdout)
    jsonschema.Draft7Validator(SARIF).validate(sarif)
    run = sarif["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == list(RULES)
    assert all(r["shortDescription"]["text"] and r["fullDescription"]["text"] and r["help"]["text"] for r in rules)
    res = next(r for r in run["results"] if r["ruleId"] == "malformed-identifier")
    assert res["level"] == "error" and rules[res["ruleIndex"]]["id"] == "malformed-identifier"
    loc = res["locations"][0]
    assert loc["physicalLocation"]["artifactLocation"]["uri"] == volume_tei.as_uri()
    line = loc["physicalLocation"]["region"]["startLine"]
    assert 'xml:id="d19"' in volume_tei.read_text(encoding="utf-8").splitlines()[line - 1]
    assert loc["logicalLocations"][0]["fullyQualifiedName"] == "frus1961-63v06/d19"
    assert {r["level"] for r in run["results"]} == {"error", "warning", "note"}


def test_sarif_for_a_text_copy_validates(tmp_path: Path):
    path = tmp_path / "frus1961-63v06-d53.txt"
    path.write_text(D53_TEXT.read_text(encoding="utf-8").replace("Eyes Only", "Eyes Onyl"), encoding="utf-8")
    result = invoke(str(path), "-f", "sarif")
    assert result.exit_code == 1
    sarif = json.loads(result.stdout)
    jsonschema.Draft7Validator(SARIF).validate(sarif)
    (res,) = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "invalid-marking"]
    assert "region" not in res["locations"][0]["physicalLocation"]  # no line numbers for text copies
    assert res["properties"]["span"]["text"] == "Eyes Onyl"


def test_rule_filter(volume_tei: Path):
    data = json.loads(invoke(str(volume_tei), "-f", "json", "--rule", "lot-typo").stdout)
    assert {f["rule"] for f in data["findings"]} == {"lot-typo"}
    assert list(data["summary"]["by_rule"]) == ["lot-typo"]


def test_explain():
    result = invoke("--explain", "lot-before-document")
    assert result.exit_code == 0
    assert result.stdout.startswith("lot-before-document (error, document rule)")
    assert "1966" in result.stdout


def test_list_rules():
    result = invoke("--list-rules")
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == len(RULES)


@pytest.mark.parametrize("args", [["--rule", "no-such-rule"], ["--explain", "no-such-rule"], ["--format", "xml"],
                                  ["--fail-on", "sometimes"]])
def test_bad_usage_exits_2(args: list[str]):
    result = invoke(str(D53_TEXT), *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("provcite: error:") and "Traceback" not in result.stderr


def test_unreadable_input_is_one_line_exit_1(tmp_path: Path):
    result = invoke(str(tmp_path / "missing.xml"))
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.strip().count("\n") == 0 and "no such file" in result.stderr


def test_registry_text(volume_tei: Path):
    result = invoke("--registry", str(volume_tei))
    assert result.exit_code == 0
    assert "! Lot 66 D 204" in result.stdout
    assert "19 entries; 2 with more than one spelling or collection" in result.stdout  # "Central Files, US-USSR" is a subject-numeric file, not a series
    assert "Khrushchev Correspond-ence (1)" in " ".join(result.stdout.split())


def test_registry_json(volume_tei: Path):
    data = json.loads(invoke("--registry", "-f", "json", str(volume_tei)).stdout)
    lot = next(e for e in data if e["kind"] == "lot" and e["name"] == "Lot 66 D 204")
    assert lot["inconsistent"] and set(lot["collections"]) == {"Presidential Correspondence", "Presidential Files"}
    assert lot["collections"]["Presidential Files"] == ["frus1961-63v06/d108"]
    typo = next(e for e in data if e["kind"] == "lot" and e["name"] == "Lot 66 D 304")
    assert typo["documents"] == ["frus1961-63v06/d63"]
    folder = next(e for e in data if e["kind"] == "folder" and "Khrushchev Correspondence" in e["spellings"])
    assert folder["inconsistent"] and "Khrushchev Correspond-ence" in folder["spellings"]
    repos = {e["name"] for e in data if e["kind"] == "repository"}
    assert {"Department of State", "Kennedy Library", "Russian Ministry of Foreign Affairs"} <= repos


def test_registry_refuses_sarif(volume_tei: Path):
    assert invoke("--registry", "-f", "sarif", str(volume_tei)).exit_code == 2


def test_audit_never_changes_its_input(volume_tei: Path, tmp_path: Path):
    before = hashlib.sha256(volume_tei.read_bytes()).hexdigest(), volume_tei.stat().st_mtime_ns
    for fmt in ("text", "json", "sarif"):
        invoke(str(volume_tei), "-f", fmt)
    invoke("--registry", str(volume_tei))
    assert (hashlib.sha256(volume_tei.read_bytes()).hexdigest(), volume_tei.stat().st_mtime_ns) == before


def test_min_severity_hides_lower_findings_but_counts_them(volume_tei: Path) -> None:
    """--min-severity warning shows no info findings; the summary still counts them."""
    vol = volume_tei
    result = CliRunner().invoke(app, ["audit", str(vol), "--min-severity", "warning", "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    body, _, summary = result.stdout.partition("\n\n")
    assert "  info  " not in body and "unparsed-residue" not in body
    assert "  error  malformed-identifier" in body
    assert "info" in summary and "3 errors" not in summary
    bad = CliRunner().invoke(app, ["audit", str(vol), "--min-severity", "loud"])
    assert bad.exit_code == 2


def test_sarif_schema_rejects_what_sarif_forbids():
    """The schema the SARIF tests use is strict where SARIF is: SARIF has no level 'info'."""
    bad = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "provcite"}},
                                         "results": [{"ruleId": "x", "level": "info", "message": {"text": "m"}}]}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft7Validator(SARIF).validate(bad)
