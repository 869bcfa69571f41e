"""Headings: genre, writers and recipients (real headings of frus1961-63v06 and FRUS practice)."""

from __future__ import annotations

import pytest

from provcite.heading import parse_heading, split_number


@pytest.mark.parametrize(("heading", "genre", "frm", "to"), [
    ("Informal Communication From Chairman Khrushchev to President Kennedy", "Informal Communication",
     [("Chairman", "Khrushchev", "person")], [("President", "Kennedy", "person")]),
    ("Message From Chairmen Khrushchev and Brezhnev to President Kennedy", "Message",
     [("Chairman", "Khrushchev", "person"), ("Chairman", "Brezhnev", "person")], [("President", "Kennedy", "person")]),
    ("Telegram From the Embassy in the Soviet Union to the Department of State", "Telegram",
     [(None, None, "post")], [(None, None, "office")]),
    ("Telegram From the Department of State to Secretary of State Rusk at Geneva", "Telegram",
     [(None, None, "office")], [("Secretary of State", "Rusk", "person")]),
    ("Memorandum From the President’s Special Assistant for National Security Affairs (Bundy) to the Executive "
     "Secretary of the Department of State (Brubeck)", "Memorandum",
     [("President’s Special Assistant for National Security Affairs", "Bundy", "person")],
     [("Executive Secretary of the Department of State", "Brubeck", "person")]),
    ("Memorandum From the Special Assistant to the President for National Security Affairs (Bundy) to President "
     "Johnson", "Memorandum", [("Special Assistant to the President for National Security Affairs", "Bundy", "person")],
     [("President", "Johnson", "person")]),
    ("Message From the Soviet Ministry of Foreign Affairs to the Soviet Ambassador to the United States (Dobrynin)",
     "Message", [(None, None, "office")], [("Soviet Ambassador to the United States", "Dobrynin", "person")]),
    ("Oral Statement by Chairman Khrushchev to President Kennedy", "Oral Statement",
     [("Chairman", "Khrushchev", "person")], [("President", "Kennedy", "person")]),
    ("Letter From Jacqueline Kennedy to Chairman Khrushchev", "Letter",
     [(None, "Jacqueline Kennedy", "person")], [("Chairman", "Khrushchev", "person")]),
    ("Memorandum of Conversation", "Memorandum of Conversation", [], []),
    ("Editorial Note", "Editorial Note", [], []),
])
def test_heading(heading: str, genre: str, frm: list, to: list) -> None:
    g, f, t = parse_heading(heading)
    assert g == genre
    assert [(p.title, p.name, p.kind) for p in f] == frm
    assert [(p.title, p.name, p.kind) for p in t] == to


def test_split_number() -> None:
    assert split_number("53. Informal Communication") == ("53", "Informal Communication")
    assert split_number("Editorial Note") == (None, "Editorial Note")
