"""The catalog of FRUS volumes: bibliographic data, persons and abbreviations per volume.

provcite ships the catalog entries it has (``provcite/data/catalog/*.json``); users add more
from any TEI volume (``provcite catalog add VOLUME.xml``) into their data directory
(``$PROVCITE_CATALOG`` or the platform's user data dir). A text copy of a document gets its
volume data and resolved names from here.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir

from provcite.enrich.names import PersonIndex
from provcite.errors import InputError
from provcite.model import Volume, from_dict, to_dict

BUNDLED = Path(__file__).parent / "data" / "catalog"


def user_catalog_dir() -> Path:
    """Where ``catalog add`` writes: ``$PROVCITE_CATALOG`` or ``<user data dir>/provcite/catalog``."""
    env = os.environ.get("PROVCITE_CATALOG")
    return Path(env) if env else Path(user_data_dir("provcite")) / "catalog"


@dataclass(slots=True)
class VolumeEntry:
    """One volume's catalog entry."""

    volume: Volume
    persons: PersonIndex = field(default_factory=PersonIndex)
    abbreviations: dict[str, str] = field(default_factory=dict)
    sources: list[dict[str, Any]] = field(default_factory=list)
    path: Path | None = None

    @classmethod
    def from_json(cls, data: dict[str, Any], path: Path | None = None) -> VolumeEntry:
        return cls(
            volume=from_dict(Volume, data["volume"]),
            persons=PersonIndex.from_entries(data.get("persons", [])),
            abbreviations={a["term"]: a["expansion"] for a in data.get("abbreviations", [])},
            sources=data.get("sources", []),
            path=path,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "volume": to_dict(self.volume),
            "persons": [{"id": p.id, "name": p.name, "description": p.description} for p in self.persons.persons],
            "abbreviations": [{"term": k, "expansion": v} for k, v in self.abbreviations.items()],
            "sources": self.sources,
        }


class Catalog:
    """Volume entries by FRUS id (``frus1961-63v06``)."""

    def __init__(self, entries: dict[str, VolumeEntry] | None = None) -> None:
        self.entries: dict[str, VolumeEntry] = entries or {}

    def get(self, volume_id: str | None) -> VolumeEntry | None:
        return self.entries.get(volume_id) if volume_id else None

    def add(self, entry: VolumeEntry) -> None:
        self.entries[entry.volume.id] = entry

    @classmethod
    def load(cls, *dirs: Path) -> Catalog:
        """Entries from the bundled catalog, then each directory (later ones win)."""
        catalog = cls()
        for d in (BUNDLED, *dirs):
            if not d.is_dir():
                continue
            for path in sorted(d.glob("*.json")):
                try:
                    data = json.loads(path.read_text(encoding="utf-8"))
                    catalog.add(VolumeEntry.from_json(data, path))
                except (OSError, ValueError, KeyError, TypeError) as exc:
                    raise InputError(f"broken catalog entry ({exc})", path=str(path)) from None
        return catalog


@cache
def default_catalog() -> Catalog:
    """The bundled catalog plus the user's entries (cached for the process)."""
    return Catalog.load(user_catalog_dir())


def save_entry(entry: VolumeEntry, directory: Path | None = None) -> Path:
    """Write a volume entry atomically into the user catalog; returns its path."""
    directory = directory or user_catalog_dir()
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{entry.volume.id}.json"
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(entry.to_json(), ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, path)
    return path
