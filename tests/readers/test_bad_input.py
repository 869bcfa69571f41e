"""Bad input: one clear line on stderr naming the file (and line), exit 1, no traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from provcite.errors import InputError, UnsafeXMLError
from provcite.readers import read_records


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "provcite", *args], input=stdin, capture_output=True, timeout=60)


CASES = {
    "empty.txt": (b"", "empty file"),
    "blank.txt": (b"  \n\n ", "empty file"),
    "binary.txt": (bytes(range(256)) * 4, "binary file"),
    "noheading.txt": (b"Just some words\nwith no FRUS heading\n", "no recognizable FRUS heading"),
    "latin1.txt": ("53. Letter From Chairman Khrushchev to President Kennedy0\n\nÀ bientôt\n".encode("latin-1"),
                   "not UTF-8"),
    "malformed.xml": (b'<?xml version="1.0"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<text>\n</TEI>\n',
                      "malformed XML"),
    "xxe.xml": (b'<?xml version="1.0"?>\n<!DOCTYPE TEI [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
                b"<TEI>&xxe;</TEI>\n", "refused"),
    "bomb.xml": (b'<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY a "aaaaaaaaaa">\n'
                 b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\n<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">\n]>\n'
                 b"<TEI>&c;</TEI>\n", "refused"),
    "undeclared.xml": (b'<?xml version="1.0"?>\n<TEI>&nbsp;</TEI>\n', "entity"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_cli_one_line_error(tmp_path: Path, name: str) -> None:
    data, expected = CASES[name]
    path = tmp_path / name
    path.write_bytes(data)
    result = run("parse", str(path))
    err = result.stderr.decode()
    assert result.returncode == 1
    assert result.stdout == b""
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"provcite: error: {path}")
    assert expected in lines[0]


def test_malformed_xml_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.xml"
    path.write_bytes(CASES["malformed.xml"][0])
    err = run("parse", str(path)).stderr.decode()
    assert f"{path}:4:" in err


def test_missing_file_and_directory(tmp_path: Path) -> None:
    assert "no such file" in run("parse", str(tmp_path / "nope.txt")).stderr.decode()
    assert "is a directory" in run("parse", str(tmp_path)).stderr.decode()


def test_entity_refusal_fetches_nothing(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    path = tmp_path / "xxe.xml"
    path.write_text(f'<?xml version="1.0"?><!DOCTYPE TEI [<!ENTITY x SYSTEM "file://{secret}">]><TEI>&x;</TEI>')
    with pytest.raises(UnsafeXMLError):
        list(read_records(str(path)))
    result = run("parse", str(path))
    assert b"TOP-SECRET-CONTENT" not in result.stdout + result.stderr


def test_error_after_good_input_leaves_stdout_clean(tmp_path: Path) -> None:
    from tests.conftest import D53_TEXT

    result = run("parse", str(D53_TEXT), str(tmp_path / "missing.txt"))
    assert result.returncode == 1 and result.stdout == b""


def test_library_api_raises_input_error(tmp_path: Path) -> None:
    path = tmp_path / "e.txt"
    path.write_bytes(b"")
    with pytest.raises(InputError) as info:
        list(read_records(str(path)))
    assert str(info.value) == f"{path}: empty file"
