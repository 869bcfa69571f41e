"""RIS: the d53 record by hand; every record of the volume well formed."""

from __future__ import annotations

import re

from provcite.export.ris import to_ris
from tests.export.conftest import ACCESSED

LINE = re.compile(r"^([A-Z][A-Z0-9])  - (.*)$")


def parse_ris(text: str) -> list[list[tuple[str, str]]]:
    """A strict reader: ``TAG  - value`` lines, ``TY`` first, ``ER`` last, blank lines between."""
    records, current = [], None
    for line in text.splitlines():
        if not line.strip():
            assert current is None
            continue
        m = LINE.match(line) or re.match(r"^(ER)  -()$", line)
        assert m, line
        tag, value = m.groups()
        if tag == "TY":
            assert current is None
            current = []
        assert current is not None
        current.append((tag, value))
        if tag == "ER":
            records.append(current)
            current = None
    assert current is None
    return records


def test_d53_ris_by_hand(d53_tei_record):
    (record,) = parse_ris(to_ris([d53_tei_record], accessed=ACCESSED))
    assert record == [
        ("TY", "CHAP"),
        ("ID", "frus1961-63v06-d53"),
        ("AU", "Khrushchev, Nikita S."),
        ("A2", "Sampson, Charles S."),
        ("TI", "Informal Communication From Chairman Khrushchev to President Kennedy"),
        ("T2", "Kennedy-Khrushchev Exchanges"),
        ("T3", "Foreign Relations of the United States, 1961–1963"),
        ("VL", "VI"),
        ("SP", "148"),
        ("EP", "150"),
        ("PY", "1996"),
        ("PB", "United States Government Printing Office"),
        ("CY", "Washington"),
        ("SN", "0160420180"),
        ("SN", "9780160420184"),
        ("DA", "1962/09/04/"),
        ("UR", "https://history.state.gov/historicaldocuments/frus1961-63v06/d53"),
        ("Y2", "2024/05/01/"),
        ("AV", "Department of State, Presidential Correspondence, Lot 66 D 204"),
        ("N1", "Moscow, September 4, 1962. Document 53. Secret; Eyes Only. Source: Department of State, "
               "Presidential Correspondence, Lot 66 D 204. Other copies: Department of State, Presidential "
               "Correspondence, Lot 77 D 163; John F. Kennedy Presidential Library, National Security Files, "
               "Countries Series, USSR, Khrushchev Correspondence."),
        ("LA", "English"),
        ("ER", ""),
    ]


def test_volume_ris_is_well_formed(volume_records):
    warnings: list[str] = []
    records = parse_ris(to_ris(volume_records, accessed=ACCESSED, warn=warnings.append))
    assert len(records) == 120
    assert len({dict(r)["ID"] for r in records}) == 120
    # the five documents without a writer (editorial notes, memoranda for the files) are named
    assert sorted(w.split(":")[0] for w in warnings) == sorted(
        f"frus1961-63v06/{d}" for d in ("d20", "d76", "d80", "d86", "d116"))
    assert all("no author" in w for w in warnings)
    d4 = dict(next(r for r in records if dict(r)["ID"] == "frus1961-63v06-d4"))
    assert d4["AV"] == "Department of State, Central Files, 711.11-KE/1-2161"


def test_no_access_date_no_y2(d53_tei_record):
    assert "Y2  -" not in to_ris([d53_tei_record])
