"""Write the CSL-JSON items of all 120 documents of FRUS 1961–63, vol. VI, as provcite maps them.

    python benchmarks/frus_corpus.py [--out benchmarks/out/frus_items.json] [--original] [--accessed DATE]

Builds the TEI volume from tests/fixtures (``tests.support.frus_volume.write_volume``), reads it
with ``read_records`` and maps each record with ``provcite.cite.record_to_csl``: the input of the
engine's citeproc-js reference check and speed benchmark (``--items``).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from provcite.cite import record_to_csl  # noqa: E402
from provcite.readers import read_records  # noqa: E402
from tests.support.frus_volume import write_volume  # noqa: E402


def build_items(*, original: bool = False, accessed: str | None = None) -> list[dict]:
    """The 120 CSL-JSON items, in document order."""
    with tempfile.TemporaryDirectory() as tmp:
        volume = write_volume(Path(tmp) / "frus1961-63v06.xml")
        return [record_to_csl(r, original=original, accessed=accessed) for r in read_records(str(volume))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out" / "frus_items.json")
    parser.add_argument("--original", action="store_true", help="add the archival original (archive* variables)")
    parser.add_argument("--accessed", help="access date for every item (YYYY-MM-DD)")
    args = parser.parse_args()
    items = build_items(original=args.original, accessed=args.accessed)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(items, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(items)} items to {args.out}")


if __name__ == "__main__":
    main()
