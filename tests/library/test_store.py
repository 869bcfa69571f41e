"""The store: round trip, idempotent adds, order, removal, statistics, location, bad databases."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

from provcite.errors import InputError
from provcite.library import Library, LibraryError, default_library_path, open_library
from provcite.model import Record, from_dict, to_dict


def test_round_trip_all_120_records(full_lib: Library, volume_records: list) -> None:
    assert len(volume_records) == 120
    assert len(full_lib) == 120
    for record in volume_records:
        stored = full_lib.get(record.id)
        assert stored == record, record.id
    # the stored JSON is exactly to_dict(record)
    conn = sqlite3.connect(full_lib.path)
    data = dict(conn.execute("SELECT id, record FROM documents"))
    for record in volume_records:
        assert json.loads(data[record.id]) == to_dict(record)
        assert from_dict(Record, json.loads(data[record.id])) == record
    conn.close()


def test_text_and_tei_copies_of_d53(lib: Library, d53_text_record, d53_tei_record) -> None:
    assert d53_text_record.id == d53_tei_record.id == "frus1961-63v06/d53"
    lib.add([d53_tei_record])
    assert lib.get("frus1961-63v06/d53") == d53_tei_record
    r = lib.add([d53_text_record])
    assert (r.added, r.updated) == (0, 1)
    assert lib.get("frus1961-63v06/d53") == d53_text_record
    assert len(lib) == 1


def test_adding_twice_updates_never_duplicates(lib: Library, volume_records: list) -> None:
    first = lib.add(volume_records)
    assert (first.added, first.updated) == (120, 0)
    before = {e.id: e for e in lib.entries()}
    second = lib.add(volume_records[:50], batch_size=7)
    assert (second.added, second.updated) == (0, 50)
    after = {e.id: e for e in lib.entries()}
    assert len(after) == len(lib) == 120
    for i, e in after.items():
        assert e.added_at == before[i].added_at
        changed = i in {r.id for r in volume_records[:50]}
        assert (e.updated_at > before[i].updated_at) if changed else (e.updated_at == before[i].updated_at)
    # the search index holds one row per document, not one per add
    conn = lib._connect()
    assert conn.execute("SELECT count(*) FROM search").fetchone()[0] == 120
    assert conn.execute("SELECT count(*) FROM search WHERE search MATCH 'Fisher AND ACDA'").fetchone()[0] == 1
    assert [h.id for h in lib.search("Fisher ACDA")] == ["frus1961-63v06/d53"]


def test_same_document_twice_in_one_batch(lib: Library, d53_text_record, d53_tei_record) -> None:
    r = lib.add([d53_tei_record, d53_text_record])
    assert (r.added, r.updated) == (1, 0)
    assert lib.get("frus1961-63v06/d53") == d53_text_record


def test_entries_in_document_order_and_by_volume(full_lib: Library, d53_text_record) -> None:
    other = from_dict(Record, {**to_dict(d53_text_record), "volume": "frus1958-60v10p1", "doc": "d7"})
    full_lib.add([other])
    ids = [e.id for e in full_lib.entries()]
    assert ids[:3] == ["frus1958-60v10p1/d7", "frus1961-63v06/d1", "frus1961-63v06/d2"]
    assert ids.index("frus1961-63v06/d9") < ids.index("frus1961-63v06/d10") < ids.index("frus1961-63v06/d100")
    assert [e.id for e in full_lib.entries("frus1958-60v10p1")] == ["frus1958-60v10p1/d7"]
    assert len(list(full_lib.entries("frus1961-63v06"))) == 120
    assert list(full_lib.entries("nope")) == []
    e = next(full_lib.entries())
    assert e.to_json()["id"] == "frus1958-60v10p1/d7"
    assert [r.id for r in full_lib.records("frus1958-60v10p1")] == ["frus1958-60v10p1/d7"]


def test_remove_is_all_or_nothing(full_lib: Library) -> None:
    with pytest.raises(LibraryError, match="frus1961-63v06/d999"):
        full_lib.remove(["frus1961-63v06/d1", "frus1961-63v06/d999"])
    assert "frus1961-63v06/d1" in full_lib
    assert full_lib.remove(["frus1961-63v06/d1", "frus1961-63v06/d53"]) == 2
    assert len(full_lib) == 118
    assert full_lib.get("frus1961-63v06/d53") is None
    assert full_lib.search("Fisher ACDA") == []
    conn = full_lib._connect()
    assert conn.execute("SELECT count(*) FROM search").fetchone()[0] == 118
    assert conn.execute("SELECT count(*) FROM repositories WHERE doc NOT IN (SELECT n FROM documents)").fetchone()[0] == 0


def test_stats(full_lib: Library) -> None:
    s = full_lib.stats()
    assert s["documents"] == 120 and s["volumes"] == 1
    assert s["per_volume"] == {"frus1961-63v06": 120}
    assert s["repositories"]["Department of State"] > 100
    assert s["repositories"]["John F. Kennedy Presidential Library"] > 100
    assert s["schema_version"] == 2
    assert s["size_bytes"] > 100_000


def test_error_midway_keeps_whole_batches_only(lib: Library, volume_records: list) -> None:
    def records():
        for i, r in enumerate(volume_records):
            if i == 110:
                raise InputError("broken", path="x.xml", line=3)
            yield r

    with pytest.raises(InputError):
        lib.add(records(), batch_size=50)
    assert len(lib) == 100
    assert [e.id for e in lib.entries()] == sorted((r.id for r in volume_records[:100]),
                                                    key=lambda i: int(i.rsplit("/d", 1)[1]))


def test_record_without_volume_is_refused(lib: Library, d53_text_record) -> None:
    nameless = from_dict(Record, {**to_dict(d53_text_record), "volume": None})
    with pytest.raises(InputError, match="volume") as exc:
        lib.add([nameless])
    assert exc.value.path and exc.value.path.endswith("frus1961-63v06-d53.txt")
    assert len(lib) == 0


def test_location_env_and_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert default_library_path() == Path(os.environ["PROVCITE_LIBRARY"])
    monkeypatch.setenv("PROVCITE_LIBRARY", str(tmp_path / "env.sqlite"))
    assert open_library().path == tmp_path / "env.sqlite"
    assert open_library(tmp_path / "x.sqlite").path == tmp_path / "x.sqlite"
    monkeypatch.delenv("PROVCITE_LIBRARY")
    from platformdirs import user_data_dir

    assert default_library_path() == Path(user_data_dir("provcite")) / "library.sqlite"


def test_reading_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "none.sqlite"
    lib = open_library(path)
    assert lib.get("frus1961-63v06/d53") is None
    assert list(lib.entries()) == [] and lib.search("Khrushchev") == []
    assert list(lib.query("Khrushchev")) == []
    assert lib.stats()["documents"] == 0
    assert not path.exists() and not path.parent.exists()


def test_wal_mode(full_lib: Library) -> None:
    conn = sqlite3.connect(full_lib.path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


@pytest.mark.parametrize("content", [os.urandom(8192), b"SQLite format 3\x00" + os.urandom(4000), b"hello\n"])
def test_corrupt_database_is_a_library_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.sqlite"
    path.write_bytes(content)
    with pytest.raises(LibraryError) as exc:
        open_library(path).get("frus1961-63v06/d53")
    assert str(path) in str(exc.value)
    assert path.read_bytes() == content  # never touched


def test_other_sqlite_database_is_refused(tmp_path: Path, volume_records: list) -> None:
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(LibraryError, match="not a provcite library"):
        open_library(path).add(volume_records[:1])


def test_newer_schema_is_refused(lib: Library, lib_path: Path, volume_records: list) -> None:
    lib.add(volume_records[:1])
    lib.close()
    conn = sqlite3.connect(lib_path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(LibraryError, match="newer"):
        open_library(lib_path).get(volume_records[0].id)


def test_directory_is_refused(tmp_path: Path, volume_records: list) -> None:
    with pytest.raises(LibraryError, match="directory"):
        open_library(tmp_path).add(volume_records[:1])


def test_record_json_round_trip(volume_records: list, d53_text_record) -> None:
    """What the store writes (the model's JSON) reads back as an equal record."""
    for record in [*volume_records, d53_text_record]:
        data = json.loads(json.dumps(to_dict(record)))
        assert data["id"] == record.id
        assert from_dict(Record, data) == record
