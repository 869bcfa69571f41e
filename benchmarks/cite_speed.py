"""Citation rendering speed: stock citeproc-py vs provcite's compat (slow) and fast paths.

    python benchmarks/cite_speed.py [-n 1000] [--style a,b|all] [--position first]

Default styles: chicago-notes-bibliography and chicago-notes-bibliography-frus (what
``provcite cite`` uses by default).

Builds N distinct FRUS items from tests/csl/fixtures/frus_items.json (document number,
URL, dates and archive data vary per copy), renders them one citation per item with
each path on a fresh engine (cold caches), checks fast == compat, prints rates.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from provcite.csl.render import Engine  # noqa: E402
from provcite.csl.styles import resolve_style  # noqa: E402

ITEMS = ROOT / "tests" / "csl" / "fixtures" / "frus_items.json"


def build_items(n: int) -> list[dict]:
    """N distinct items: copies of the corpus with varied number, URL, dates, archive."""
    base = json.loads(ITEMS.read_text(encoding="utf-8"))
    out = []
    for i in range(n):
        copy_no, item = divmod(i, len(base))
        item = json.loads(json.dumps(base[item]))
        number = int(item["number"]) + copy_no * len(base)
        item["id"] = f"{item['id']}-{copy_no}"
        item["number"] = str(number)
        item["URL"] = item["URL"].rsplit("/d", 1)[0] + f"/d{number}"
        if copy_no % 3 == 1:
            for key in ("archive", "archive_location", "archive_collection", "archive-place"):
                item.pop(key, None)
        if copy_no % 3 == 2:
            item["accessed"] = {"date-parts": [[2023 + copy_no % 3, 1 + i % 12, 1 + i % 28]]}
        for key in ("issued", "original-date"):
            parts = item.get(key, {}).get("date-parts")
            if parts and len(parts[0]) == 3:
                item[key] = {"date-parts": [[p[0], p[1], 1 + (p[2] + copy_no) % 28] for p in parts]}
        out.append(item)
    return out


def timed(engine: Engine, items: list[dict], position: str) -> tuple[list[str], float]:
    start = time.perf_counter()
    out = engine.citations(items, position, on_warning=lambda *_: None)  # type: ignore[arg-type]
    return out, time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=1000)
    parser.add_argument("--style", default="chicago-notes-bibliography,chicago-notes-bibliography-frus")
    parser.add_argument("--position", default="first", choices=["first", "subsequent"])
    parser.add_argument("--skip-stock", action="store_true", help="skip plain citeproc-py (slowest)")
    args = parser.parse_args()
    items = build_items(args.n)
    if args.style == "all":
        from provcite.csl import list_styles

        names = [s["name"] for s in list_styles()]
    else:
        names = args.style.split(",")
    ok = True
    for name in names:
        if len(names) > 1:
            print(f"== {name}")
        ok = run_style(name, items, args) and ok
    return 0 if ok else 1


def run_style(name: str, items: list[dict], args) -> bool:
    style = resolve_style(name)
    rates = {}
    outputs = {}
    for mode in ("stock", "compat", "fast"):
        if mode == "stock" and args.skip_stock:
            continue
        engine = Engine(style, "en-US", "text", mode)  # fresh: no warm caches
        try:
            outputs[mode], seconds = timed(engine, items, args.position)
        except Exception as exc:  # stock citeproc-py crashes on some inputs (date ranges)
            print(f"{mode:7} failed: {type(exc).__name__}: {exc}")
            continue
        rates[mode] = args.n / seconds
        print(f"{mode:7} {rates[mode]:9.1f} citations/s  ({args.n} in {seconds:.2f} s)")
    identical = outputs["fast"] == outputs["compat"]
    print(f"fast/compat ratio {rates['fast'] / rates['compat']:.1f}x"
          + (f", fast/stock ratio {rates['fast'] / rates['stock']:.1f}x" if "stock" in rates else ""))
    print(f"fast output identical to compat (slow) output: {identical}")
    if "stock" in outputs:
        differ = sum(a != b for a, b in zip(outputs["stock"], outputs["compat"], strict=True))
        print(f"compat fixes change {differ}/{args.n} citations vs stock citeproc-py")
    return identical


if __name__ == "__main__":
    sys.exit(main())
