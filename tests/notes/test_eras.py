"""Source notes of other eras and archives, written from FRUS practice: 1950s decimal files,
presidential libraries with boxes and folders, CIA jobs, subject-numeric files, film numbers,
four-digit lots, post (F) lots, semicolon lists with ibid."""

from __future__ import annotations

from provcite.notes import parse_note


def test_decimal_file_of_the_1950s() -> None:
    note = parse_note("Source: Department of State, Central Files, 611.61/1–2355. Secret; Priority. "
                      "Drafted by Bohlen. Repeated to London and Paris.")
    (loc,) = note.locations
    cf = loc.central_file
    assert (cf.system, cf.file, cf.date_code, cf.date, cf.valid) == ("decimal", "611.61", "1–2355", "1955-01-23", True)
    assert (loc.collection, loc.record_group.value, loc.record_group.inferred) == ("Central Files", "RG 59", True)
    assert (note.classification.level, note.classification.precedence) == ("Secret", "Priority")
    assert [p.name for p in note.people.drafted_by] == ["Bohlen"]
    assert note.transmission.repeated_to == ["London", "Paris"]
    assert note.residue == 0


def test_decimal_file_with_country_letter_and_impossible_date() -> None:
    cf = parse_note("Source: Department of State, Central Files, 794A.5/1–351. Top Secret.").locations[0].central_file
    assert (cf.file, cf.date) == ("794A.5", "1951-01-03")
    bad = parse_note("Source: Department of State, Central Files, 711.11-KE/7J461. Unclassified.").locations[0]
    assert bad.central_file.file == "711.11-KE" and bad.central_file.valid is False


def test_two_files_in_one_location() -> None:
    locs = parse_note("Source: Department of State, Central Files, 711.5611/3–1254 and 711.5611/3–1554. Secret.").locations
    assert [loc.central_file.date for loc in locs] == ["1954-03-12", "1954-03-15"]
    assert {loc.collection for loc in locs} == {"Central Files"}


def test_presidential_library_with_box_and_folder() -> None:
    loc = parse_note("Source: Johnson Library, National Security File, Country File, Vietnam, Memos, Box 45. "
                     "Secret; Sensitive.").locations[0]
    assert loc.repository_normalized == "Lyndon Baines Johnson Presidential Library"
    assert (loc.collection, loc.series, loc.folder, loc.box) == ("National Security File", ["Country File", "Vietnam"],
                                                                 "Memos", "45")
    nixon = parse_note("Source: Nixon Library, NSC Files, Box 1025, Presidential/HAK MemCons, "
                       "MemCon—Kissinger/Dobrynin, February 21, 1972. Top Secret; Sensitive; Exclusively Eyes Only.")
    loc = nixon.locations[0]
    assert loc.box == "1025" and loc.folder == "February 21, 1972"
    assert nixon.classification.caveats == ["Sensitive", "Exclusively Eyes Only"]


def test_cia_job_number() -> None:
    loc = parse_note("Source: Central Intelligence Agency, Job 80–B01285A, DCI Files, Box 6, Folder 7. "
                     "Secret; Eyes Only.").locations[0]
    assert (loc.job.raw, loc.job.normalized) == ("Job 80–B01285A", "80B01285A")
    assert (loc.collection, loc.box, loc.folder) == ("DCI Files", "6", "7")
    assert loc.record_group is None


def test_subject_numeric_file_and_explicit_record_group() -> None:
    note = parse_note("Source: National Archives, RG 59, Central Files 1964–66, POL 27 VIET S. "
                      "Secret; Immediate; Nodis. Received at 5:14 a.m.")
    loc = note.locations[0]
    assert loc.repository_normalized == "National Archives and Records Administration"
    assert (loc.record_group.value, loc.record_group.inferred) == ("RG 59", False)
    assert (loc.central_file.system, loc.central_file.file) == ("subject-numeric", "POL 27 VIET S")
    assert (note.classification.precedence, note.classification.caveats) == ("Immediate", ["Nodis"])
    assert note.transmission.received == "5:14 a.m."


def test_film_number_and_clearances_in_offices() -> None:
    note = parse_note("Source: Department of State, Central Foreign Policy File, D800532–1105. Confidential; "
                      "Niact Immediate. Drafted by Smith (EUR/SOV); cleared by Jones (S/S) and in INR; approved by Vance.")
    cf = note.locations[0].central_file
    assert (cf.system, cf.file) == ("film", "D800532-1105")
    assert note.classification.precedence == "Niact Immediate"
    assert [(p.name, p.affiliation) for p in note.people.cleared_by] == [("Jones", "S/S"), (None, "INR")]
    assert [p.name for p in note.people.approved_by] == ["Vance"]


def test_four_digit_lot_and_post_lot() -> None:
    lot = parse_note("Source: National Archives, RG 59, S/P Files: Lot 92D630, Policy Planning Staff Director's "
                     "Files. Secret.").locations[0].lot
    assert (lot.normalized, lot.year, lot.designator, lot.number) == ("92D630", 1992, "D", "630")
    post = parse_note("Source: Department of State, Moscow Embassy Files: Lot 64 F 75, 350 Soviet Union. Secret.").locations[0]
    assert post.lot.designator == "F"
    assert (post.record_group.value, post.record_group.inferred) == ("RG 84", True)  # a post's files
    m = parse_note("Source: Department of State, Conference Files: Lot M–88, CF 1234. Secret.").locations[0].lot
    assert (m.normalized, m.year, m.designator) == ("M88", None, "M")


def test_semicolon_list_with_ibid() -> None:
    locs = parse_note("Source: Department of State, Central Files, 611.61/1–2355; ibid., 611.61/1–2455. "
                      "Confidential.").locations
    assert [loc.central_file.date for loc in locs] == ["1955-01-23", "1955-01-24"]
    assert locs[1].ibid and locs[1].ibid_resolved and locs[1].repository == "Department of State"


def test_transmission_and_printing() -> None:
    note = parse_note("Source: Department of State, Central Files, POL 27 VIET S. Secret; Flash; Exdis. "
                      "Transmitted in telegram 1234 from Saigon, March 3, 1965. Sent to Paris and repeated to London and Bonn.")
    t = note.transmission
    assert (t.telegram, t.sent_from, t.sent) == ("1234", "Saigon", "March 3, 1965")
    assert (t.sent_to, t.repeated_to) == (["Paris"], ["London", "Bonn"])
    carter = parse_note("Source: Carter Library, National Security Affairs, Brzezinski Material, Subject File, Box 35. "
                        "No classification marking. Printed in Public Papers of the Presidents of the United States: "
                        "Jimmy Carter, 1977, Book I, pp. 100–101.")
    assert carter.locations[0].repository_normalized == "Jimmy Carter Presidential Library"
    assert carter.published_in[0].pages == "100–101"
    assert carter.published_in[0].title_normalized.startswith("Public Papers of the Presidents of the United States: Jimmy Carter")


def test_unknown_repository_is_kept_as_written() -> None:
    loc = parse_note("Source: Russian Ministry of Foreign Affairs, Department of History and Records. Secret.").locations[0]
    assert loc.repository == "Russian Ministry of Foreign Affairs"
    assert loc.collection == "Department of History and Records"
    odd = parse_note("Source: Foo Bar Papers, Box 3. Secret.").locations[0]
    assert odd.repository == "Foo Bar Papers" and odd.box == "3"
