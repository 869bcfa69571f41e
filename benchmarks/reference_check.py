"""Compare provcite's CSL renderer with citeproc-js (the reference processor).

    python benchmarks/reference_check.py [--styles a,b] [--forms first,subsequent,bibliography]
                                         [--items FILE] [--show N] [--freeze]

Needs node and ``npm install`` in benchmarks/node. Prints, per style and form, the
share of outputs identical to citeproc-js and the differences. ``--freeze`` writes
citeproc-js's outputs to tests/csl/fixtures/citeproc_js_outputs.json for the
offline test suite.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from provcite.csl import get_engine, list_styles, resolve_style  # noqa: E402

NODE_DIR = ROOT / "benchmarks" / "node"
ITEMS = ROOT / "tests" / "csl" / "fixtures" / "frus_items.json"
FROZEN = ROOT / "tests" / "csl" / "fixtures" / "citeproc_js_outputs.json"
FORMS = ("first", "subsequent", "bibliography")
SUBSEQUENT_EXCLUDED = {"apa", "chicago-author-date", "modern-language-association"}


def locale_xml(lang: str = "en-US") -> str:
    from citeproc import LOCALES_PATH

    return Path(LOCALES_PATH, f"locales-{lang}.xml").read_text(encoding="utf-8")


def citeproc_js(style_xml: str, items: list[dict], form: str, fmt: str = "text") -> list[str]:
    """Render with citeproc-js through benchmarks/node/render.js."""
    request = {"style": style_xml, "locales": {"en-US": locale_xml()}, "lang": "en-US",
               "items": items, "form": form, "format": fmt}
    done = subprocess.run(["node", str(NODE_DIR / "render.js")], input=json.dumps(request),
                          capture_output=True, text=True, check=False)
    if done.returncode:
        raise RuntimeError(f"citeproc-js failed: {done.stderr.strip()[:2000]}")
    return json.loads(done.stdout)


def provcite(style: str, items: list[dict], form: str, fmt: str = "text") -> list[str]:
    engine = get_engine(style, fmt=fmt)
    if form == "bibliography":
        return engine.bibliography(items, on_warning=lambda *_: None)
    return engine.citations(items, form, on_warning=lambda *_: None)  # type: ignore[arg-type]


def forms_for(style: str) -> list[str]:
    """Forms worth checking: 'subsequent' only where a note style has a short form."""
    engine = get_engine(style)
    forms = ["first"]
    if style not in SUBSEQUENT_EXCLUDED and engine.root.get("class") == "note":
        forms.append("subsequent")
    if engine.has_bibliography:
        forms.append("bibliography")
    return forms


def reference_outputs(styles: list[str], items: list[dict], forms: list[str]) -> dict:
    out: dict = {}
    for style in styles:
        xml = resolve_style(style).xml.decode("utf-8")
        for form in forms_for(style):
            if form in forms:
                out[f"{style}|{form}"] = citeproc_js(xml, items, form)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--styles", help="comma-separated style names (default: all shipped)")
    parser.add_argument("--forms", default=",".join(FORMS))
    parser.add_argument("--items", type=Path, default=ITEMS)
    parser.add_argument("--show", type=int, default=10, help="differences to print per style/form")
    parser.add_argument("--freeze", action="store_true", help=f"write {FROZEN.relative_to(ROOT)}")
    args = parser.parse_args()
    if shutil.which("node") is None or not (NODE_DIR / "node_modules" / "citeproc").is_dir():
        print("needs node and `npm install` in benchmarks/node", file=sys.stderr)
        return 2
    items = json.loads(args.items.read_text(encoding="utf-8"))
    styles = args.styles.split(",") if args.styles else [s["name"] for s in list_styles()]
    forms = args.forms.split(",")
    reference = reference_outputs(styles, items, forms)
    if args.freeze:
        FROZEN.write_text(json.dumps({"items": args.items.name, "outputs": reference},
                                     ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {FROZEN}")
    total = same_total = 0
    for key, expected in reference.items():
        style, form = key.split("|")
        got = provcite(style, items, form)
        same = sum(a == b for a, b in zip(got, expected, strict=False)) if len(got) == len(expected) else 0
        total += len(expected)
        same_total += same
        print(f"{style:70} {form:13} {same:4}/{len(expected):<4} {100 * same / max(len(expected), 1):6.1f}%")
        shown = 0
        for n, (a, b) in enumerate(zip(got, expected, strict=False)):
            if a != b and shown < args.show:
                shown += 1
                print(f"   [{n}] provcite:    {a}\n   [{n}] citeproc-js: {b}")
    print(f"TOTAL identical: {same_total}/{total} ({100 * same_total / max(total, 1):.2f}%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
