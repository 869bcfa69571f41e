"""The parallel TEI reader: the same records as ``read_records``, in order, errors in their place."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from provcite.errors import InputError, ProvciteError
from provcite.model import Record, to_dict
from provcite.readers import parallel, read_records
from provcite.readers.parallel import parallel_workers, read_parallel
from tests.conftest import D53_TEI, D53_TEXT
from tests.support.frus_volume import write_volume

TO_JSON = "tests.readers.test_parallel:as_json"


def as_json(record: Record) -> str:
    """The record as ``provcite parse`` writes it, key order included (run in the workers)."""
    return json.dumps(to_dict(record), ensure_ascii=False)


def refuse_d57(record: Record) -> str:
    if record.doc == "d57":
        raise InputError("refused d57", path="x.xml", line=57)
    return record.doc or ""


def die_at_d57(record: Record) -> str:
    if record.doc == "d57":
        os._exit(3)
    return record.doc or ""


def serial(path: Path, volume: str | None = None) -> list[str]:
    return [as_json(r) for r in read_records(str(path), volume=volume)]


@pytest.mark.parametrize(("workers", "chunk"), [(2, 7), (3, 1), (2, 500)])
def test_same_records_in_the_same_order(volume_tei: Path, workers: int, chunk: int) -> None:
    expected = serial(volume_tei)
    assert list(read_parallel(str(volume_tei), convert=TO_JSON, workers=workers, chunk=chunk)) == expected


def test_pages_and_volume_option(tmp_path: Path) -> None:
    # the excerpt: d52 has no pb of its own and takes its page from d51's last one, across chunks
    assert list(read_parallel(str(D53_TEI), convert=TO_JSON, workers=3, chunk=1)) == serial(D53_TEI)
    vol = write_volume(tmp_path / "v.xml", copies=2)
    got = list(read_parallel(str(vol), volume="frus-other", convert=TO_JSON, workers=2, chunk=50))
    assert got == serial(vol, "frus-other")
    assert json.loads(got[0])["volume"] == "frus-other"


def test_malformed_xml_after_the_items_before_it(tmp_path: Path) -> None:
    vol = write_volume(tmp_path / "v.xml", copies=1)
    data = vol.read_bytes()
    cut = data.index(b'xml:id="d90"')
    vol.write_bytes(data[:cut] + b"<<" + data[cut:])
    got: list[str] = []
    with pytest.raises(InputError) as parallel_error:
        got.extend(read_parallel(str(vol), convert=TO_JSON, workers=2, chunk=20))
    before: list[str] = []
    with pytest.raises(InputError) as serial_error:
        before.extend(as_json(r) for r in read_records(str(vol)))
    assert str(parallel_error.value) == str(serial_error.value)
    assert str(vol) in str(parallel_error.value) and "malformed XML" in str(parallel_error.value)
    assert got == before and len(got) == 89


def test_convert_error_after_the_items_before_it(volume_tei: Path) -> None:
    got: list[str] = []
    with pytest.raises(InputError, match="refused d57") as exc:
        got.extend(read_parallel(str(volume_tei), convert="tests.readers.test_parallel:refuse_d57", workers=2,
                                 chunk=10))
    assert (exc.value.path, exc.value.line) == ("x.xml", 57)
    assert got == [f"d{i}" for i in range(1, 57)]


def test_a_worker_that_dies_is_an_error(volume_tei: Path) -> None:
    with pytest.raises(ProvciteError, match=r"reader process 1 ended unexpectedly \(exit code 3\)"):
        list(read_parallel(str(volume_tei), convert="tests.readers.test_parallel:die_at_d57", workers=2, chunk=10))


def test_bad_input_is_refused_before_workers_start(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        list(read_parallel(str(tmp_path / "missing.xml"), convert=TO_JSON, workers=2))
    with pytest.raises(InputError, match="not a TEI file"):
        list(read_parallel(str(D53_TEXT), convert=TO_JSON, workers=2))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc")
def test_workers_end_when_the_reader_is_closed(volume_tei: Path) -> None:
    items = read_parallel(str(volume_tei), convert=TO_JSON, workers=2, chunk=5)
    next(items)
    assert _children()
    items.close()
    assert not _children()


def _children() -> list[str]:
    found: list[str] = []
    for task in Path(f"/proc/{os.getpid()}/task").iterdir():
        found += (task / "children").read_text().split()
    return found


def test_when_workers_are_used(tmp_path: Path, volume_tei: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PROVCITE_WORKERS", "2")
    assert parallel_workers(str(volume_tei)) == 0  # small: in-process
    monkeypatch.setattr(parallel, "MIN_BYTES", 1000)
    assert parallel_workers(str(volume_tei)) == 2
    assert parallel_workers(str(D53_TEXT)) == 0  # a text copy
    assert parallel_workers("-") == 0
    assert parallel_workers(str(tmp_path / "missing.xml")) == 0  # the in-process reader words the error
    monkeypatch.setenv("PROVCITE_WORKERS", "1")
    assert parallel_workers(str(volume_tei)) == 0
    monkeypatch.delenv("PROVCITE_WORKERS")
    monkeypatch.setattr(parallel, "_cores", lambda: 1)
    assert parallel_workers(str(volume_tei)) == 0  # one core: in-process
    monkeypatch.setattr(parallel, "_cores", lambda: 16)
    assert parallel_workers(str(volume_tei)) == parallel.MAX_WORKERS
