"""Grammar of document headings: genre, writer and recipient.

``Informal Communication From Chairman Khrushchev to President Kennedy`` → genre
``Informal Communication``, from ``Chairman Khrushchev``, to ``President Kennedy``. Also
``Telegram From the Embassy in the Soviet Union to the Department of State`` (posts and
offices), ``Memorandum From the President’s Special Assistant … (Bundy) to …`` (an office with
the holder's name in parentheses), ``Oral Statement by …``, ``Memorandum of Conversation`` and
``Editorial Note`` (no parties).
"""

from __future__ import annotations

import re

from provcite.model import Party
from provcite.notes.vocab import PERSON_TITLES

_NUMBER = re.compile(r"^\s*(?P<n>\d+)\.\s+")
_FROM = re.compile(r"\s+(?:From|from|By|by)\s+")
_TITLE = re.compile(r"^(?P<title>" + "|".join(re.escape(t) for t in PERSON_TITLES) + r")\s+(?=[A-Z])")
_POST = re.compile(r"^(?:the\s+)?(?:Embassy|Mission|Consulate(?: General)?|Legation|Delegation|Office|Interests Section)\b")
_OFFICE = re.compile(
    r"^(?:the\s+)?(?:(?:Soviet|British|French|German|Chinese|Cuban|[A-Z][a-z]+ese|[A-Z][a-z]+an)\s+)?"
    r"(?:Department|Ministry|Foreign Ministry|White House|Files|National Security Council|Joint Chiefs|"
    r"Central Intelligence|Government|Bureau|Executive Secretariat|Policy Planning|Council|Committee|Staff)\b"
)
_HOLDER = re.compile(r"^(?P<office>.+?)\s*\((?P<name>[^()]+)\)$")
_AT_PLACE = re.compile(r"\s+(?:at|in)\s+(?P<place>[A-Z][\w ]+)$")


def split_number(heading: str) -> tuple[str | None, str]:
    """``53. Informal …`` → (``53``, ``Informal …``)."""
    m = _NUMBER.match(heading)
    return (m.group("n"), heading[m.end() :].strip()) if m else (None, heading.strip())


def _top_level_to(text: str) -> list[int]:
    """Positions of `` to `` outside parentheses."""
    out, depth = [], 0
    for m in re.finditer(r"[()]| to ", text):
        g = m.group()
        if g == "(":
            depth += 1
        elif g == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append(m.start())
    return out


def parse_parties(text: str) -> list[Party]:
    """``Chairmen Khrushchev and Brezhnev`` → two parties with the title ``Chairman``."""
    text = text.strip()
    if _POST.match(text):
        return [Party(text=text, name=None, kind="post", status="office")]
    if _OFFICE.match(text):
        return [Party(text=text, name=None, kind="office", status="office")]
    if hm := _HOLDER.match(text):
        office = hm.group("office").removeprefix("the ").strip()
        return [Party(text=text, name=hm.group("name").strip(), title=office)]
    title = None
    rest = text
    if tm := _TITLE.match(text):
        title, rest = tm.group("title"), text[tm.end() :]
    rest = _AT_PLACE.sub("", rest)
    names = [n.strip() for n in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", rest) if n.strip()]
    if title in ("Chairmen", "Presidents", "Prime Ministers"):
        title = {"Chairmen": "Chairman", "Presidents": "President", "Prime Ministers": "Prime Minister"}[title]
    if len(names) > 1:
        return [Party(text=f"{title} {n}" if title else n, name=n, title=title) for n in names]
    return [Party(text=text, name=rest or None, title=title)]


def parse_heading(heading: str) -> tuple[str | None, list[Party], list[Party]]:
    """Genre, writers and recipients of a heading (without its number)."""
    heading = " ".join(heading.split())
    m = _FROM.search(heading)
    if not m:
        tos = _top_level_to(heading)
        if tos and heading.lower().startswith(("message", "letter", "telegram", "note", "oral statement")):
            return heading[: tos[0]], [], parse_parties(heading[tos[0] + 4 :])
        return heading, [], []
    genre = heading[: m.start()].strip()
    rest = heading[m.end() :]
    tos = _top_level_to(rest)
    if not tos:
        return genre, parse_parties(rest), []
    cut = tos[0]
    if "(" in rest and rest.index("(") > cut and ")" in rest:
        # "the Special Assistant to the President (Bundy) to …": cut after the holder's name.
        after = [t for t in tos if t > rest.index(")")]
        cut = after[0] if after else cut
    return genre, parse_parties(rest[:cut]), parse_parties(rest[cut + 4 :])
