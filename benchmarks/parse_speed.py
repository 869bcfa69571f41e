"""Parse speed, memory and grammar coverage.

Builds a volume-sized TEI file from the real documents of frus1961-63v06 (repeated under new
ids, with body text), then prints: TEI parse rate in MB/s (records, notes and enrichment
included), notes parsed per second (cold caches and warm), peak memory, and — over the 117 real
source notes — the share of note text no rule claimed (residue) and counts per field.

    python benchmarks/parse_speed.py [--copies 100] [--filler 25]
"""

from __future__ import annotations

import argparse
import collections
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from provcite.notes import locations as _locations
from provcite.notes import parse_note
from provcite.notes import people as _people
from provcite.notes import printings as _printings
from provcite.notes.fragments import read_segment
from provcite.notes.segment import segment
from tests.support.frus_volume import load_documents


def clear_caches() -> None:
    for f in (segment, read_segment, _locations._components, _people.parse_person, _printings.normalize_title):
        f.cache_clear()


def coverage(notes: list[str]) -> None:
    counts: collections.Counter[str] = collections.Counter()
    total = residue = 0
    for text in notes:
        n = parse_note(text)
        total += len(text)
        residue += n.residue
        for loc in n.locations:
            counts[f"locations.{loc.role}"] += 1
            for f in ("collection", "folder", "box", "lot", "job", "central_file", "record_group"):
                if getattr(loc, f):
                    counts[f"locations.{f}"] += 1
            if loc.series:
                counts["locations.series"] += 1
            if loc.ibid:
                counts["locations.ibid"] += 1
        if n.classification:
            counts["classification"] += 1
            counts["classification.caveats"] += len(n.classification.caveats)
            counts["classification.precedence"] += n.classification.precedence is not None
        for role in ("drafted_by", "cleared_by", "approved_by", "prepared_by"):
            counts[f"people.{role}"] += len(getattr(n.people, role))
        counts["distribution"] += len(n.distribution)
        counts["transmission"] += n.transmission is not None
        counts["published_in"] += len(n.published_in)
        counts["source_text"] += len(n.source_text)
        counts["cross_references"] += len(n.cross_references)
        counts["remarks"] += len(n.remarks)
    print(f"notes: {len(notes)}  residue: {residue}/{total} characters = {residue / total:.1%}")
    for key in sorted(counts):
        print(f"  {key:28} {counts[key]}")


def note_rate(notes: list[str], rounds: int) -> None:
    """Cold: every cache cleared before each note. Stream: the volume's notes in order, again and
    again, as a corpus run sees them (sentences repeat across notes)."""
    batch = notes * rounds
    t = time.perf_counter()
    for text in batch[: len(notes) * 10]:
        clear_caches()
        parse_note(text)
    cold = len(notes) * 10 / (time.perf_counter() - t)
    clear_caches()
    t = time.perf_counter()
    for text in notes:
        parse_note(text)
    first = len(notes) / (time.perf_counter() - t)
    t = time.perf_counter()
    for text in batch:
        parse_note(text)
    stream = len(batch) / (time.perf_counter() - t)
    print(f"notes/s: cold (caches cleared before each note) {cold:,.0f}; first pass over the volume's "
          f"{len(notes)} notes {first:,.0f}; stream of {len(batch):,} notes {stream:,.0f}")


_BUILD = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[4])
from tests.support.frus_volume import write_volume
write_volume(Path(sys.argv[1]), copies=int(sys.argv[2]), filler=int(sys.argv[3]))
"""
_PARSE = """
import resource, sys, time
from provcite.readers import read_records
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t = time.perf_counter(); docs = notes = 0
for r in read_records(sys.argv[1]):
    docs += 1; notes += r.source_note is not None
print(docs, notes, time.perf_counter() - t, base, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def tei_rate(copies: int, filler: int) -> None:
    """Parse in a fresh process, so its speed and peak memory are the parse's own."""
    root = str(Path(__file__).resolve().parent.parent)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "volume.xml"
        subprocess.run([sys.executable, "-c", _BUILD, str(path), str(copies), str(filler), root], check=True)
        size = path.stat().st_size
        out = subprocess.run([sys.executable, "-c", _PARSE, str(path)], capture_output=True, text=True, check=True)
    docs, notes, elapsed, base, peak = out.stdout.split()
    elapsed = float(elapsed)
    print(f"TEI: {size / 1e6:.1f} MB, {int(docs):,} documents, {int(notes):,} source notes in {elapsed:.2f} s "
          f"= {size / 1e6 / elapsed:.1f} MB/s, {int(docs) / elapsed:,.0f} documents/s")
    print(f"peak memory of the parsing process: max RSS {int(peak) / 1024:.0f} MB "
          f"({int(base) / 1024:.0f} MB after start-up) for a {size / 1e6:.0f} MB file")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=100, help="repeat the 120 documents this often")
    ap.add_argument("--filler", type=int, default=25, help="body sentences per paragraph")
    ap.add_argument("--rounds", type=int, default=100, help="passes over the 117 notes for notes/s")
    args = ap.parse_args()
    notes = [d["source_note"] for d in load_documents() if d["source_note"]]
    coverage(notes)
    note_rate(notes, args.rounds)
    tei_rate(args.copies, args.filler)


if __name__ == "__main__":
    main()
