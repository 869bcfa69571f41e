"""Chicago (18th ed.) notes for FRUS documents, each checked by hand against CMOS 14.111/14.120
(letters and documents in a published collection) and the CMOS Q&A on FRUS documents."""

from __future__ import annotations

from provcite.cite.render import bibliography, cite_records
from tests.cite.conftest import FRUS

URL = "https://history.state.gov/historicaldocuments/frus1961-63v06/"
D53 = ("Nikita S. Khrushchev to John F. Kennedy, informal communication, Moscow, September 4, 1962, in "
       f"{FRUS}, doc. 53, {URL}d53.")


def one(record, **kw) -> str:
    warnings: list = []
    (out,) = cite_records([record], kw.pop("style", "chicago"), warn=lambda i, m: warnings.append(m), **kw)
    assert warnings == []
    return out


def test_full_note_from_tei(d53_tei_record):
    assert one(d53_tei_record) == D53


def test_full_note_from_text_copy_has_no_dateline(d53_text_record):
    assert one(d53_text_record) == (
        f"Nikita S. Khrushchev to John F. Kennedy, informal communication, in {FRUS}, doc. 53, {URL}d53.")


def test_titles_italic_in_html_and_markdown(d53_tei_record):
    html = one(d53_tei_record, fmt="html")
    assert "in <i>Foreign Relations of the United States, 1961–1963</i>, vol. 6, <i>Kennedy-Khrushchev Exchanges</i>, ed." in html
    md = one(d53_tei_record, fmt="markdown")
    assert "in *Foreign Relations of the United States, 1961–1963*, vol. 6, *Kennedy-Khrushchev Exchanges*, ed." in md


def test_short_note(d53_tei_record):
    assert one(d53_tei_record, form="short") == "Khrushchev to Kennedy, September 4, 1962, FRUS, 1961–1963, vol. 6, doc. 53."


def test_telegram_from_a_post(by_doc):
    assert one(by_doc["d9"]) == (
        "Telegram from the Embassy in the Soviet Union to the Department of State, Moscow, April 18, 1961, "
        f"2 p.m., in {FRUS}, doc. 9, {URL}d9.")


def test_memorandum_of_conversation_and_editorial_note(by_doc):
    assert one(by_doc["d116"]) == f"Memorandum of conversation, Moscow, September 10, 1963, in {FRUS}, doc. 116, {URL}d116."
    assert one(by_doc["d20"]) == f"Editorial note, in {FRUS}, doc. 20, {URL}d20."


def test_letters_omit_the_word_letter_and_join_writers(by_doc):
    assert one(by_doc["d18"]).startswith(
        "Nikita S. Khrushchev and Leonid I. Brezhnev to John F. Kennedy, Moscow, July 3, 1961, in ")


def test_undated_documents_get_bracketed_conjectural_dates(by_doc):
    assert one(by_doc["d14"]).startswith("John F. Kennedy to Nikita S. Khrushchev, Washington, [May 6, 1962?], in ")
    assert one(by_doc["d98"]).startswith(
        "Nikita S. Khrushchev to John F. Kennedy, message, Moscow, [April 23–29, 1963?], in ")
    assert one(by_doc["d98"], form="short") == "Khrushchev to Kennedy, [April 23–29, 1963?], FRUS, 1961–1963, vol. 6, doc. 98."


def test_original_in_state_department_lot_file(d53_tei_record):
    assert one(d53_tei_record, original=True, accessed="2024-03-01") == (
        "Nikita S. Khrushchev to John F. Kennedy, informal communication, Moscow, September 4, 1962, "
        "Presidential Correspondence, Lot 66 D 204, Department of State, Record Group 59, National Archives, "
        f"College Park, MD, reprinted in {FRUS}, doc. 53, accessed March 1, 2024, {URL}d53.")


def test_original_in_kennedy_library(by_doc):
    assert one(by_doc["d55"], original=True) == (
        "John F. Kennedy to Nikita S. Khrushchev, message, Washington, September 15, 1962, Khrushchev "
        "Correspondence, USSR, Countries Series, National Security Files, John F. Kennedy Presidential Library, "
        f"Boston, MA, reprinted in {FRUS}, doc. 55, {URL}d55.")


def test_original_in_central_files(by_doc):
    assert "6:34 p.m., 711.11-KE/1-2161, Central Files, Department of State, Record Group 59, National Archives" \
        in one(by_doc["d4"], original=True)


def test_bibliography_one_volume_entry(volume_records):
    assert bibliography(volume_records) == [
        "Sampson, Charles S., ed. Foreign Relations of the United States, 1961–1963. Vol. 6, Kennedy-Khrushchev "
        "Exchanges. Washington, DC: Government Printing Office, 1996. "
        "https://history.state.gov/historicaldocuments/frus1961-63v06."]


def test_bibliography_of_originals_lists_each_collection_once(volume_records):
    entries = bibliography(volume_records[:60], original=True)
    assert "Presidential Correspondence, Lot 66 D 204. Department of State, Record Group 59. National Archives, College Park, MD." in entries
    assert "National Security Files. John F. Kennedy Presidential Library, Boston, MA." in entries
    assert len(entries) == len(set(entries))
    # as the style sorts (and citeproc-js with it): alphabetically by the first element, the
    # collections by their title (substituted for the missing author), the volume (for d1, d2, d20,
    # which have no archival original) under its editor's name
    assert [e.split(".")[0] for e in entries] == [
        "Central Files", "National Security Files", "Presidential Correspondence, Lot 66 D 204",
        "Presidential Correspondence, Lot 77 D 163", "Sampson, Charles S"]
