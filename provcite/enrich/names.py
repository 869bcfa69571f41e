"""Resolve names against a volume's persons list: ``Bundy`` → McGeorge Bundy (``p_BMG2``).

Persons lists give ``Surname, Given`` with a description of offices held. A reference resolves
by surname, narrowed by given name (``Robert Kennedy``) or by title against the description
(``Attorney General Kennedy``, ``President Kennedy``). Several candidates left → ``ambiguous``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

_SUFFIX = re.compile(r",?\s+(?:Jr\.|Sr\.|III|II)$")
_TITLE_WORDS = {"Prince", "Lord", "Generalissimo", "General", "Sir", "Dr.", "Mr.", "Mrs."}


@dataclass(slots=True)
class Person:
    """One entry of a persons list."""

    id: str | None
    name: str  # as listed: "Khrushchev, Nikita S."
    description: str = ""
    surname: str = ""
    given: str = ""
    display: str = ""  # "Nikita S. Khrushchev"


def _split_listed(name: str) -> tuple[str, str, str]:
    """``Thompson, Llewellyn E., Jr.`` → (Thompson, Llewellyn E., Llewellyn E. Thompson Jr.)."""
    clean = re.sub(r"\s*\([^)]*\)", "", name).strip()
    if "," in clean:
        surname, given = (s.strip() for s in clean.split(",", 1))
        suffix = ""
        if sm := re.search(r",\s*(Jr\.|Sr\.|III|II)$", given):
            suffix, given = " " + sm.group(1), given[: sm.start()].strip()
        return surname, given, f"{given} {surname}{suffix}".strip()
    parts = clean.split()
    if len(parts) >= 2 and re.fullmatch(r"(?:[A-Z][a-z]+\s?)+[A-Z]\.", " ".join(parts[1:])):
        # "Bolshakov Georgi N." — a list entry missing its comma.
        surname, given = parts[0], " ".join(parts[1:])
        return surname, given, f"{given} {surname}"
    return parts[-1] if parts else clean, " ".join(parts[:-1]), clean


def make_person(id: str | None, name: str, description: str = "") -> Person:
    surname, given, display = _split_listed(name)
    return Person(id=id, name=name, description=description, surname=surname, given=given, display=display)


@dataclass(slots=True)
class PersonIndex:
    """Look-up of persons by surname and id."""

    persons: list[Person] = field(default_factory=list)
    by_surname: dict[str, list[Person]] = field(default_factory=lambda: defaultdict(list))
    by_id: dict[str, Person] = field(default_factory=dict)

    @classmethod
    def from_entries(cls, entries: list[dict]) -> PersonIndex:
        """From ``[{"id", "name", "description"}]`` (the front-matter JSON shape)."""
        index = cls()
        for e in entries:
            index.add(make_person(e.get("id"), e["name"], e.get("description", "")))
        return index

    def add(self, person: Person) -> None:
        self.persons.append(person)
        keys = {person.surname.lower()}
        if " " in person.surname:
            keys.add(person.surname.split()[-1].lower())
            keys.add(person.surname.split()[0].lower())
        for k in keys:
            self.by_surname[k].append(person)
        if person.id:
            self.by_id[person.id] = person

    def resolve(self, name: str | None, title: str | None = None) -> tuple[list[Person], str]:
        """Candidates for a name as written, and the status ``resolved|ambiguous|unresolved``."""
        if not name:
            return [], "unresolved"
        clean = _SUFFIX.sub("", name.strip())
        tokens = [t for t in clean.replace(".", ". ").split() if t not in _TITLE_WORDS]
        if not tokens:
            return [], "unresolved"
        surname = tokens[-1].lower()
        candidates = list(self.by_surname.get(surname, []))
        if not candidates and len(tokens) > 1:
            candidates = list(self.by_surname.get(" ".join(tokens).lower(), []))
        given = " ".join(tokens[:-1])
        if given and candidates:
            candidates = [p for p in candidates if _given_matches(given, p.given)]
        if len(candidates) > 1 and title:
            narrowed = [p for p in candidates if _title_matches(title, p.description)]
            candidates = narrowed or candidates
        if len(candidates) == 1:
            return candidates, "resolved"
        return candidates, "ambiguous" if candidates else "unresolved"


def _given_matches(written: str, listed: str) -> bool:
    """``Robert`` matches ``Robert F.``; ``R. F.`` matches ``Robert F.``; ``McGeorge`` ≠ ``John F.``."""
    w = [t.rstrip(".").lower() for t in written.split()]
    listed_tokens = [t.rstrip(".").lower() for t in listed.split()]
    if not listed_tokens:
        return False
    return all(any(lt.startswith(t) or t.startswith(lt) for lt in listed_tokens) for t in w if t)


def _title_matches(title: str, description: str) -> bool:
    """Whether a title (``Attorney General``) fits the person's listed offices."""
    t = {"chairmen": "chairman", "president-elect": "president"}.get(title.lower(), title.lower())
    desc = description.lower()
    if t == "president":
        return bool(re.search(r"(?<!vice )\bpresident\b(?! of (?!the united states))", desc))
    return t in desc
