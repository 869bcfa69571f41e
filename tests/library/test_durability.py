"""Durability: an add killed mid-way leaves whole documents only; concurrent adders both succeed."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from provcite.library import BATCH_SIZE, open_library
from provcite.model import Record, from_dict
from tests.conftest import D53_TEXT
from tests.support.frus_volume import write_volume

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")


def popen_add(*args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "provcite", "library", "add", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def count(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:  # not created yet
        return 0


def check_whole(db: Path, base: dict[str, Record]) -> int:
    """integrity_check ok; every stored document whole and indexed; returns the count."""
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.execute("INSERT INTO search (search) VALUES ('integrity-check')")  # raises if the index is off
    n = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert conn.execute("SELECT count(*) FROM search").fetchone()[0] == n
    assert conn.execute("SELECT count(*) FROM repositories WHERE doc NOT IN (SELECT n FROM documents)").fetchone()[0] == 0
    ids = [row[0] for row in conn.execute("SELECT id FROM documents")]
    assert len(ids) == len(set(ids))
    for rid, data in conn.execute("SELECT id, record FROM documents"):
        record = from_dict(Record, json.loads(data))
        assert record.id == rid
        original = base[f"d{(int(record.doc[1:]) - 1) % 120 + 1}"]
        assert record.heading == original.heading
        assert record.source_note == original.source_note
        assert record.footnotes == original.footnotes
    conn.close()
    return n


def test_killed_add_leaves_whole_documents(tmp_path: Path, volume_records: list) -> None:
    base = {r.doc: r for r in volume_records}
    # 12,000 documents: long enough an add (two reader processes) to be caught mid-way
    volume = write_volume(tmp_path / "frus1961-63v06.xml", copies=100)
    db = tmp_path / "lib.sqlite"
    proc = popen_add(str(volume), "--library", str(db))
    deadline = time.monotonic() + 60
    while count(db) < BATCH_SIZE and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the add finished before it could be killed"
    n = check_whole(db, base)
    assert 0 < n < 12000 and n % BATCH_SIZE == 0  # whole batches: nothing half-written
    # the library is usable: the same add, run again, completes it without duplicates
    done = subprocess.run([sys.executable, "-m", "provcite", "library", "add", str(volume), "--library", str(db)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert f"({12000 - n} new, {n} updated)" in done.stderr
    assert check_whole(db, base) == 12000


def test_two_concurrent_adders(tmp_path: Path, volume_records: list) -> None:
    base = {r.doc: r for r in volume_records}
    volume = write_volume(tmp_path / "frus1961-63v06.xml", copies=10)  # 1,200 documents
    db = tmp_path / "new" / "lib.sqlite"  # neither process finds a library: both race to create it
    a = popen_add(str(volume), "--library", str(db))
    b = popen_add(str(D53_TEXT), str(volume), "--library", str(db))
    for p in (a, b):
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err.decode()
        assert b"documents stored" in err
    assert check_whole(db, base) == 1200
    lib = open_library(db)
    assert len(lib) == 1200
    assert [h.id for h in lib.search("Fisher ACDA", limit=1)] == ["frus1961-63v06/d53"]
