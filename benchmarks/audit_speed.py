"""How long the audit adds to a parse: parse alone vs parse + audit over a large TEI volume.

    python benchmarks/audit_speed.py [--copies N] [--filler N] [--repeat N]

Builds the real volume (120 documents of frus1961-63v06) repeated ``copies`` times with
``tests.support.frus_volume.write_volume`` and times, best of ``repeat`` runs:
``list(read_records(path))`` (parse) and ``audit(read_records(path))`` (parse + audit, streaming).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from provcite.audit import audit  # noqa: E402
from provcite.readers import read_records  # noqa: E402
from tests.support.frus_volume import write_volume  # noqa: E402


def best(fn, repeat: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return min(times), out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=50, help="repeat the 120 documents N times (default 50: 6,000)")
    ap.add_argument("--filler", type=int, default=2, help="body paragraphs of filler text per page (default 2)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement; the best counts (default 3)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = write_volume(Path(tmp) / "frus1961-63v06.xml", copies=args.copies, filler=args.filler)
        size = path.stat().st_size / 1e6
        parse, records = best(lambda: list(read_records(str(path))), args.repeat)
        full, result = best(lambda: audit(read_records(str(path))), args.repeat)
        rules_only, _ = best(lambda: audit(records), args.repeat)  # type: ignore[arg-type]
    n = len(records)  # type: ignore[arg-type]
    print(f"volume: {n} documents, {size:.1f} MB ({args.copies} copies, filler {args.filler})")
    print(f"parse:          {parse:7.3f} s  ({n / parse:,.0f} documents/s)")
    print(f"parse + audit:  {full:7.3f} s  ({full / parse:.2f}× the parse; {len(result.findings)} findings)")  # type: ignore[attr-defined]
    print(f"rules alone:    {rules_only:7.3f} s  (on records already parsed)")


if __name__ == "__main__":
    main()
