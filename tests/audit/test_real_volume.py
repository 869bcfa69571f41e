"""The real volume (all 120 documents of frus1961-63v06) audits without false errors.

Every error- and warning-level finding below was checked by hand against the volume's text:
d19 '711.11-KE/7J461' has no valid date code (the document is of 4 July 1961: 7-461);
d75 prints two notes numbered 1; d14 is dated 1962-05-06 between documents of May 1961; d18
'Khrushchev Correspond-ence' keeps a line-break hyphen; d108 alone calls the collection of Lot
66 D 204 'Presidential Files'; d63 cites Lot 66 D 304, cited nowhere else (66 D 204: 77
documents); d21 footnote 3 reads 'Pubic Papers'; d103's drafter office 'S/S-S' is not in the
abbreviations list; d52's recipient Brubeck and d120's writer Jacqueline Kennedy are not in the
persons list.
"""

from __future__ import annotations

from collections import Counter

from provcite.audit import audit


def test_exact_error_set(volume_records):
    result = audit(volume_records)
    errors = {(f.doc, f.rule, f.span.text) for f in result.findings if f.severity == "error"}
    assert errors == {
        ("frus1961-63v06/d19", "malformed-identifier", "711.11-KE/7J461"),
        ("frus1961-63v06/d75", "footnote-mismatch", "Printed from an unsigned copy."),
    }


def test_exact_warning_set(volume_records):
    result = audit(volume_records)
    warnings = {(f.doc.split("/")[1], f.rule, f.span.text) for f in result.findings if f.severity == "warning"}
    assert warnings == {
        ("d14", "date-order", "undated"),
        ("d18", "series-name-variance", "Khrushchev Correspond-ence"),
        ("d21", "printing-title-typo", "Pubic Papers of the Presidents of the United States"),
        ("d52", "unresolved-person", "the Executive Secretary of the Department of State (Brubeck)"),
        ("d63", "lot-typo", "Lot 66 D 304"),
        ("d103", "unknown-acronym", "S/S-S"),
        ("d108", "series-name-variance", "Presidential Files"),
        ("d120", "unresolved-person", "Jacqueline Kennedy"),
    }


def test_counts_per_rule(volume_records):
    result = audit(volume_records)
    counts = Counter((f.rule, f.severity) for f in result.findings)
    assert counts == Counter({
        ("unparsed-residue", "info"): 52,
        ("unresolved-person", "info"): 9,  # Goodpaster, Spiers, Fisher, Brubeck ×2, Goodby ×2, Clifton, Read
        ("missing-source-note", "info"): 3,  # the editorial notes d20, d76, d80
        ("series-name-variance", "warning"): 2,
        ("unresolved-person", "warning"): 2,
        ("date-order", "warning"): 1,
        ("printing-title-typo", "warning"): 1,
        ("lot-typo", "warning"): 1,
        ("unknown-acronym", "warning"): 1,
        ("malformed-identifier", "error"): 1,
        ("footnote-mismatch", "error"): 1,
    })
    assert result.documents == 120


def test_every_span_points_at_its_text(volume_records):
    by_id = {r.id: r for r in volume_records}
    for f in audit(volume_records).findings:
        if f.span is None or f.span.start is None:
            continue
        r = by_id[f.doc]
        if f.span.where == "source_note":
            text = r.source_note.text
        elif f.span.where == "heading":
            text = r.heading
        elif f.span.where == "dateline":
            text = r.date.text
        else:
            n = f.span.where.removeprefix("footnote ")
            text = next(fn.text for fn in r.footnotes if fn.n == n and f.span.text in fn.text)
        assert text[f.span.start : f.span.end] == f.span.text, f


def test_audit_streams_records_once(volume_records):
    consumed = []

    def gen():
        for r in volume_records:
            consumed.append(r.doc)
            yield r

    assert audit(gen()).documents == 120 and len(consumed) == 120
