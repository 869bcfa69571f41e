"""Library benchmark: parse rate vs add rate, search latency and size at ~50,000 documents.

    python benchmarks/library_bench.py [--copies 417] [--keep DIR]

Builds a TEI volume of ``copies`` × 120 real documents of frus1961-63v06 (``write_volume``: the
shared volume repeated under new ids d121, d122 …), then

* parses it (``read_records``) — the parse rate;
* adds it to a new library as ``provcite library add`` does (``Library.add`` on ``read_for_add``:
  parse + store, the parsing and row building in reader processes when there is more than one
  core) — the add rate, and the store-only rate (adding 6,000 records already parsed);
* runs realistic searches (20 results, snippets included) on a fresh connection, each
  repeated after one warm-up — median and p95 latency;
* reports the database size (after a WAL checkpoint).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from provcite.library import open_library, read_for_add  # noqa: E402
from provcite.readers import read_records  # noqa: E402
from provcite.readers.parallel import parallel_workers  # noqa: E402
from tests.support.frus_volume import write_volume  # noqa: E402

QUERIES = [
    "Khrushchev",
    '"Lot 66 D 204"',
    "Bundy",
    "Kennedy Library",
    "Eyes Only",
    "Fisher ACDA",
    "Presidential Files",
    "Khrush*",
    "Bundy OR Rusk",
    "711.11-KE/1-2161",
    "people:Thompson",
    "Cuba missile -Berlin",
]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--copies", type=int, default=417, help="volume copies of 120 documents (417 ≈ 50,000)")
    ap.add_argument("--repeat", type=int, default=20, help="runs of each query")
    ap.add_argument("--keep", type=Path, help="build in this directory and keep the files")
    args = ap.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="provcite-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    volume = work / "frus1961-63v06.xml"
    db = work / "library.sqlite"
    for p in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        p.unlink(missing_ok=True)

    t = time.perf_counter()
    write_volume(volume, copies=args.copies)
    print(f"volume: {args.copies} × 120 documents, {volume.stat().st_size / 2**20:.1f} MiB TEI "
          f"(built in {time.perf_counter() - t:.1f} s)")

    t = time.perf_counter()
    n_parsed = sum(1 for _ in read_records(str(volume)))
    parse_s = time.perf_counter() - t
    print(f"parse:  {n_parsed} documents in {parse_s:.1f} s = {n_parsed / parse_s:,.0f} docs/s")

    lib = open_library(db)
    t = time.perf_counter()
    result = lib.add(read_for_add([str(volume)]))
    add_s = time.perf_counter() - t
    workers = parallel_workers(str(volume))
    how = f"{workers} reader processes" if workers else "in-process"
    print(f"add:    {result.total} documents in {add_s:.1f} s = {result.total / add_s:,.0f} docs/s "
          f"(parse + store, {how}; {add_s / parse_s:.2f} × the parse time)")

    sample = list(islice(read_records(str(volume)), 6000))
    store_lib = open_library(work / "store-only.sqlite")
    t = time.perf_counter()
    store_lib.add(sample)
    store_s = time.perf_counter() - t
    print(f"store:  {len(sample)} parsed records in {store_s:.2f} s = {len(sample) / store_s:,.0f} docs/s "
          f"(store only, new library)")
    t = time.perf_counter()
    store_lib.add(sample)
    update_s = time.perf_counter() - t
    print(f"update: {len(sample)} parsed records again in {update_s:.2f} s = {len(sample) / update_s:,.0f} docs/s "
          f"(all updates)")
    store_lib.close()

    lib.close()  # search as a new process would: a fresh connection (closing checkpoints the WAL)
    lib = open_library(db)
    print(f"search: {len(lib)} documents, {len(QUERIES)} queries × {args.repeat} runs, limit 20")
    every: list[float] = []
    for q in QUERIES:
        hits = lib.search(q)  # warm-up
        times = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            lib.search(q)
            times.append((time.perf_counter() - t) * 1000)
        every.extend(times)
        total = sum(1 for _ in lib._connect().execute(  # all matches, for context
            "SELECT rowid FROM search WHERE search MATCH ?", (_expr(q),)))
        print(f"  {q:<22} median {statistics.median(times):6.2f} ms   max {max(times):6.2f} ms   "
              f"{total:>6} matches   top {hits[0].id if hits else '-'}")
    every.sort()
    p95 = every[min(len(every) - 1, int(0.95 * len(every)))]
    print(f"search latency: median {statistics.median(every):.2f} ms, p95 {p95:.2f} ms")

    t = time.perf_counter()
    n_get = 0
    for i in range(1, 2001):
        n_get += lib.get(f"frus1961-63v06/d{i * 20}") is not None
    print(f"get:    {n_get} records by id in {(time.perf_counter() - t) * 1000:.0f} ms")

    lib._connect().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    stats = lib.stats()
    print(f"size:   {stats['size_bytes'] / 2**20:.1f} MiB for {stats['documents']} documents "
          f"({stats['size_bytes'] / max(1, stats['documents']) / 1024:.1f} KiB/doc); TEI input "
          f"{volume.stat().st_size / 2**20:.1f} MiB")
    lib.close()
    if not args.keep:
        for p in work.iterdir():
            p.unlink()
        work.rmdir()


def _expr(q: str) -> str:
    from provcite.library import build_query

    return build_query(q)


if __name__ == "__main__":
    main()
