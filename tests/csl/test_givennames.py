"""Given-name disambiguation within one item (citeproc-js's global name register).

Every expectation below was checked against citeproc-js 2.4.63 (benchmarks/node/render.js,
one item registered per citation). Under ``primary-name`` (Chicago author-date) the first
author gets initials when another first-listed person the citation or the bibliography
sort keys render shares the family name with other initials, the full given name when
the initials are the same; ``primary-name-with-initials`` (APA) gives nothing here
because APA renders no second person with the author.
"""

import pytest

from provcite.csl import compat, get_engine

AD, APA = "chicago-author-date", "apa"


def person(given, family="Kennedy"):
    return {"family": family, "given": given} if given else {"family": family}


RFK, JFK = person("Robert F."), person("John F.")
MEMO = {
    "type": "personal_communication", "title": "Memo", "genre": "memorandum",
    "container-title": "Kennedy-Khrushchev Exchanges", "collection-title": "FRUS", "volume": "6",
    "editor": [person("Charles S.", "Sampson")], "publisher": "GPO",
    "issued": {"date-parts": [[1996]]}, "original-date": {"date-parts": [[1963, 4, 3]]},
}
BOOK = {"type": "book", "title": "Book", "issued": {"date-parts": [[1963]]}}

CASES = [  # (item, Chicago author-date, APA) -- first and subsequent cites alike
    ({**MEMO, "author": [RFK], "recipient": [JFK]},
     "(R. F. Kennedy [1963] 1996)", "(Kennedy, 1963/1996)"),
    ({**MEMO, "author": [RFK], "recipient": [person("Robert F.")]},
     "(Kennedy [1963] 1996)", "(Kennedy, 1963/1996)"),
    ({**MEMO, "author": [RFK], "recipient": [person("Richard F.")]},  # same initials
     "(Robert F. Kennedy [1963] 1996)", "(Kennedy, 1963/1996)"),
    ({**MEMO, "author": [RFK], "recipient": [person("R. F.")]},
     "(Robert F. Kennedy [1963] 1996)", "(Kennedy, 1963/1996)"),
    ({**MEMO, "author": [person("Robert")], "recipient": [person("John")]},
     "(R. Kennedy [1963] 1996)", "(Kennedy, 1963/1996)"),
    ({**MEMO, "author": [RFK], "recipient": [person("Dean", "Rusk"), JFK]},  # not first listed
     "(Kennedy [1963] 1996)", "(Kennedy, 1963/1996)"),
    ({**MEMO, "author": [RFK, person("Dean", "Rusk")], "recipient": [JFK]},
     "(R. F. Kennedy and Rusk [1963] 1996)", "(Kennedy & Rusk, 1963/1996)"),
    ({**MEMO, "author": [RFK], "recipient": [person(None)]},  # no given name: no clash
     "(Kennedy [1963] 1996)", "(Kennedy, 1963/1996)"),
    ({**MEMO, "author": [RFK]}, "(Kennedy [1963] 1996)", "(Kennedy, 1963/1996)"),
    ({**BOOK, "author": [RFK], "editor": [JFK]}, "(R. F. Kennedy 1963)", "(Kennedy, 1963)"),
    ({**BOOK, "author": [RFK], "translator": [JFK]}, "(R. F. Kennedy 1963)", "(Kennedy, 1963)"),
    ({**BOOK, "author": [RFK], "illustrator": [JFK]}, "(R. F. Kennedy 1963)", "(Kennedy, 1963)"),
    ({**BOOK, "author": [RFK], "composer": [JFK]}, "(Kennedy 1963)", "(Kennedy, 1963)"),
    ({**BOOK, "author": [RFK], "editor": [person("Ann", "Smith"), JFK]},
     "(Kennedy 1963)", "(Kennedy, 1963)"),
    ({**BOOK, "author": [RFK, JFK]}, "(Kennedy and Kennedy 1963)", "(Kennedy & Kennedy, 1963)"),
    ({**BOOK, "type": "letter", "author": [RFK], "recipient": [JFK]},  # letter: recipient not rendered
     "(Kennedy 1963)", "(Kennedy, 1963)"),
]


@pytest.mark.parametrize("mode", ["fast", "compat"])
@pytest.mark.parametrize("position", ["first", "subsequent"])
@pytest.mark.parametrize(("style", "column"), [(AD, 1), (APA, 2)])
def test_given_names_within_one_item(style, column, position, mode):
    items = [case[0] for case in CASES]
    expected = [case[column] for case in CASES]
    engine = get_engine(style, mode=mode)
    assert engine.citations(items, position, lambda *_: None) == expected
    # cached results do not leak between items with and without a clash
    assert engine.citations(items[::-1], position, lambda *_: None) == expected[::-1]


def test_long_form_gets_full_given_name_not_initials():
    item = {"type": "interview", "title": "I", "issued": {"date-parts": [[1963]]},
            "author": [RFK], "interviewer": [JFK]}
    engine = get_engine(AD)
    assert engine.citations([item], "first", lambda *_: None) == ["(Robert F. Kennedy, “I,” 1963)"]
    assert engine.citations([item], "subsequent", lambda *_: None) == ["(R. F. Kennedy, “I”)"]


def test_register_keys():
    assert compat.person_keys({"family": "Kennedy", "given": "Robert F."}) == ("Kennedy", "R F", "Robert F")
    assert compat.person_keys({"literal": "Department of State"}) is None
    lists = [[RFK], [JFK], [person("Ann", "Smith")]]
    assert compat.GivenNames.from_lists("primary-name", lists).register == {
        "Kennedy": {"R F": {"Robert F"}, "J F": {"John F"}}}
    assert compat.GivenNames.from_lists("primary-name", [[RFK], [RFK]]) is None
    assert compat.GivenNames.from_lists("primary-name", [[person("Ann", "Smith"), JFK], [RFK]]) is None
    assert compat.GivenNames.from_lists("all-names", [[person("Ann", "Smith"), JFK], [RFK]]) is not None
