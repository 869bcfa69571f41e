"""Controlled vocabularies of the note grammar: markings, repositories, publications.

Extend these tables, not the rules, when a new volume names a new repository or marking.
"""

from __future__ import annotations

import re

# ------------------------------------------------------------------ classification markings
LEVELS: dict[str, str] = {
    "top secret": "Top Secret",
    "secret": "Secret",
    "confidential": "Confidential",
    "limited official use": "Limited Official Use",
    "official use only": "Official Use Only",
    "restricted": "Restricted",
    "unclassified": "Unclassified",
    "no classification marking": "No classification marking",
    "administratively confidential": "Administratively Confidential",
}

CAVEATS: dict[str, str] = {
    "eyes only": "Eyes Only",
    "eyes only ban": "Eyes Only Ban",
    "exclusively eyes only": "Exclusively Eyes Only",
    "literally eyes only": "Literally Eyes Only",
    "ban": "Ban",
    "nodis": "Nodis",
    "exdis": "Exdis",
    "limdis": "Limdis",
    "limit distribution": "Limit Distribution",
    "limited distribution": "Limited Distribution",
    "sensitive": "Sensitive",
    "roger channel": "Roger Channel",
    "cherokee": "Cherokee",
    "elite": "Elite",
    "verbatim text": "Verbatim Text",
    "presidential handling": "Presidential Handling",
    "noforn": "Noforn",
    "nocontract": "Nocontract",
    "orcon": "Orcon",
    "wnintel": "Wnintel",
    "special handling": "Special Handling",
    "personal": "Personal",
    "personal and confidential": "Personal and Confidential",
    "strictly personal": "Strictly Personal",
    "personal and private": "Personal and Private",
    "exclusive distribution": "Exclusive Distribution",
    "no distribution": "No Distribution",
    "no foreign dissem": "No Foreign Dissem",
    "codeword": "Codeword",
    "umbra": "Umbra",
    "handle via comint channels only": "Handle via COMINT Channels Only",
    "outside system": "Outside System",
    "eyes only for the secretary": "Eyes Only for the Secretary",
    "eyes only for the president": "Eyes Only for the President",
}

PRECEDENCE: dict[str, str] = {
    "flash": "Flash",
    "niact immediate": "Niact Immediate",
    "niact": "Niact",
    "operational immediate": "Operational Immediate",
    "immediate": "Immediate",
    "priority": "Priority",
    "routine": "Routine",
    "deferred": "Deferred",
}

# ------------------------------------------------------------------ repositories
# (pattern as written in notes, normalized name, default record group)
REPOSITORIES: list[tuple[str, str, str | None]] = [
    ("Department of State", "Department of State", "RG 59"),
    ("National Archives and Records Administration", "National Archives and Records Administration", None),
    ("National Archives", "National Archives and Records Administration", None),
    ("Washington National Records Center", "Washington National Records Center", None),
    ("Central Intelligence Agency", "Central Intelligence Agency", None),
    ("CIA", "Central Intelligence Agency", None),
    ("National Security Council", "National Security Council", None),
    ("Department of Defense", "Department of Defense", None),
    ("Department of the Army", "Department of the Army", None),
    ("Department of the Navy", "Department of the Navy", None),
    ("Joint Chiefs of Staff", "Joint Chiefs of Staff", None),
    ("Library of Congress", "Library of Congress", None),
    ("Naval Historical Center", "Naval Historical Center", None),
    ("Naval History and Heritage Command", "Naval History and Heritage Command", None),
    ("Hoover Institution", "Hoover Institution Archives", None),
    ("Seeley G. Mudd Manuscript Library", "Seeley G. Mudd Manuscript Library, Princeton University", None),
    ("Princeton University", "Princeton University", None),
    ("Yale University", "Yale University", None),
    ("Columbia University", "Columbia University", None),
    ("Russian Ministry of Foreign Affairs", "Russian Ministry of Foreign Affairs", None),
    ("Archive of the President of the Russian Federation", "Archive of the President of the Russian Federation", None),
    ("United Nations Archives", "United Nations Archives", None),
    ("Nixon Presidential Materials", "Richard Nixon Presidential Library", None),
    ("Nixon Presidential Materials Project", "Richard Nixon Presidential Library", None),
    ("White House Central Files", "White House Central Files", None),
]

PRESIDENTIAL_LIBRARIES: dict[str, str] = {
    "hoover": "Herbert Hoover Presidential Library",
    "roosevelt": "Franklin D. Roosevelt Presidential Library",
    "truman": "Harry S. Truman Presidential Library",
    "eisenhower": "Dwight D. Eisenhower Presidential Library",
    "kennedy": "John F. Kennedy Presidential Library",
    "johnson": "Lyndon Baines Johnson Presidential Library",
    "nixon": "Richard Nixon Presidential Library",
    "ford": "Gerald R. Ford Presidential Library",
    "carter": "Jimmy Carter Presidential Library",
    "reagan": "Ronald Reagan Presidential Library",
    "bush": "George H. W. Bush Presidential Library",
    "clinton": "William J. Clinton Presidential Library",
}

_LIB_WORDS = r"(?:(?:John F\.|Lyndon B(?:aines)?\.?|Dwight D\.|Harry S\.|Franklin D\.|Herbert|Richard|Gerald R\.|Jimmy|Ronald|George H\.\s?W\.|William J\.)\s+)?"
PRESIDENTIAL_LIBRARY_RE = re.compile(
    _LIB_WORDS
    + r"(?P<pres>Hoover|Roosevelt|Truman|Eisenhower|Kennedy|Johnson|Nixon|Ford|Carter|Reagan|Bush|Clinton)"
    + r"\s+(?:Presidential\s+)?Library"
)

# ------------------------------------------------------------------ publications
# Known serial titles, lower-cased for matching, mapped to their proper form.
PUBLICATIONS: dict[str, str] = {
    "public papers of the presidents of the united states": "Public Papers of the Presidents of the United States",
    "public papers of the presidents": "Public Papers of the Presidents of the United States",
    "department of state bulletin": "Department of State Bulletin",
    "american foreign policy: current documents": "American Foreign Policy: Current Documents",
    "american foreign policy, current documents": "American Foreign Policy: Current Documents",
    "american foreign policy: basic documents": "American Foreign Policy: Basic Documents",
    "american foreign policy, 1950-1955: basic documents": "American Foreign Policy, 1950–1955: Basic Documents",
    "documents on disarmament": "Documents on Disarmament",
    "documents on american foreign relations": "Documents on American Foreign Relations",
    "documents on germany": "Documents on Germany",
    "foreign relations of the united states": "Foreign Relations of the United States",
    "problems of communism": "Problems of Communism",
    "weekly compilation of presidential documents": "Weekly Compilation of Presidential Documents",
    "congressional record": "Congressional Record",
    "united nations treaty series": "United Nations Treaty Series",
    "united states treaties and other international agreements": "United States Treaties and Other International Agreements",
    "pravda": "Pravda",
    "izvestia": "Izvestia",
    "the new york times": "The New York Times",
    "new york times": "The New York Times",
}

# Titles and offices that precede a surname in headings and notes.
PERSON_TITLES: tuple[str, ...] = (
    "Acting Secretary General",
    "Secretary General",
    "Acting Secretary of State",
    "Secretary of State",
    "Secretary of Defense",
    "Under Secretary of State",
    "Under Secretary",
    "Assistant Secretary",
    "Attorney General",
    "President-elect",
    "Vice President",
    "President",
    "Chairmen",
    "Chairman",
    "Prime Minister",
    "Foreign Minister",
    "First Deputy Premier",
    "Premier",
    "Chancellor",
    "Ambassador",
    "Senator",
    "General",
    "Admiral",
    "Secretary",
    "Minister",
    "Director",
    "Mrs.",
    "Mr.",
    "Ms.",
    "Dr.",
)
