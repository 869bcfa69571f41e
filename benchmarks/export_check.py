"""Check provcite's exports with pandoc, a real consumer (optional: skips when pandoc is absent).

    python benchmarks/export_check.py [TEI-or-text files…]   (default: the bundled d53 example)

1. CSL-JSON → ``pandoc --citeproc``: every item renders in the bibliography (Chicago author-date,
   pandoc's built-in style);
2. BibLaTeX and BibTeX → ``pandoc -f biblatex|bibtex -t csljson``: pandoc reads every entry back
   with the same keys, titles, authors, editors, volume and issued year.

Exit 0 when all checks pass, 1 on a mismatch, 0 with a message when pandoc is not installed.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from provcite.export import export  # noqa: E402
from provcite.readers import read_records  # noqa: E402


def pandoc(*args: str, stdin: str = "") -> str:
    done = subprocess.run(["pandoc", *args], input=stdin, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"pandoc {' '.join(args)} failed: {done.stderr.strip()}")
    return done.stdout


def main(paths: list[str]) -> int:
    if shutil.which("pandoc") is None:
        print("export_check: pandoc is not installed; nothing checked")
        return 0
    records = [r for p in paths for r in read_records(p)]
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        csl = Path(tmp, "refs.json")
        csl.write_text(str(export(records, "csl-json", accessed="2024-05-01")), encoding="utf-8")
        ids = [item["id"] for item in json.loads(csl.read_text(encoding="utf-8"))]
        markdown = "---\nnocite: '@*'\n---\n\nText.\n"
        html = pandoc("--citeproc", "--bibliography", str(csl), "-t", "html", stdin=markdown)
        for key in ids:
            if f'id="ref-{key}"' not in html:
                problems.append(f"csl-json: {key} missing from pandoc's bibliography")
        rendered = html.count('class="csl-entry"')
        print(f"csl-json: pandoc --citeproc rendered {rendered} of {len(ids)} items")
        for fmt, reader in (("biblatex", "biblatex"), ("bibtex", "bibtex")):
            bib = Path(tmp, f"refs-{fmt}.bib")
            bib.write_text(str(export(records, fmt, accessed="2024-05-01")), encoding="utf-8")
            back = {i["id"]: i for i in json.loads(pandoc("-f", reader, "-t", "csljson", str(bib)))}
            originals = {i["id"]: i for i in json.loads(csl.read_text(encoding="utf-8"))}
            for key, item in originals.items():
                got = back.get(key)
                if got is None:
                    problems.append(f"{fmt}: pandoc did not read {key}")
                    continue
                for field in ("author", "editor"):
                    want = [n.get("family") for n in item.get(field, [])]
                    have = [n.get("family") for n in got.get(field, [])]
                    if field == "author" and any("literal" in n for n in item.get(field, [])):
                        continue  # offices: literal in CSL, braced corporate names in BibTeX
                    if want != have:
                        problems.append(f"{fmt}: {key}: {field} {have} != {want}")
                if str(item.get("issued", {}).get("date-parts", [[None]])[0][0]) != \
                        str(got.get("issued", {}).get("date-parts", [[None]])[0][0]):
                    problems.append(f"{fmt}: {key}: issued {got.get('issued')} != {item.get('issued')}")
                if not got.get("title"):
                    problems.append(f"{fmt}: {key}: no title")
                if got.get("URL") != item.get("URL"):
                    problems.append(f"{fmt}: {key}: URL {got.get('URL')} != {item.get('URL')}")
            print(f"{fmt}: pandoc read {len(back)} of {len(originals)} entries")
    for problem in problems:
        print("export_check:", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or [str(ROOT / "examples" / "frus1961-63v06-d53-excerpt.xml")]))
