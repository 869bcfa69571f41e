"""Opening inputs: files, stdin, and the checks every reader needs (missing, empty, binary).

Also names the volume and document of an input from ``--volume``, ``--url`` or the file name
(``frus1961-63v06-d53.txt``, ``…/historicaldocuments/frus1961-63v06/d53``).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from provcite.errors import InputError

VOLUME_RE = re.compile(r"frus\d{4}(?:-\d{2,4})?[A-Za-z0-9]*")
_URL_RE = re.compile(r"historicaldocuments/(?P<vol>[^/\s]+)(?:/(?P<doc>[^/\s?#]+))?")
_DOC_RE = re.compile(r"(?:^|[-_/.])(?P<doc>d\d+[a-z]?)(?:$|[-_./])")


@dataclass(slots=True)
class Input:
    """One input: its display name, kind, and its bytes (``None`` for a TEI file read as a stream)."""

    name: str
    kind: str  # "tei" or "text"
    data: bytes | None
    path: str | None = None


def read_input(path: str) -> Input:
    """Open a path (``-`` for stdin), refusing missing, empty and binary input.

    A TEI file is not read into memory here: the TEI reader streams it from ``path``.
    """
    if path == "-":
        data = sys.stdin.buffer.read()
        return Input(name="<stdin>", kind=sniff(data, "<stdin>"), data=data)
    try:
        with open(path, "rb") as f:
            head = f.read(65536)
            if not head.strip():
                raise InputError("empty file", path=path)
            kind = sniff(head, path)
            data = head + f.read() if kind == "text" else None
    except FileNotFoundError:
        raise InputError("no such file", path=path) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a file", path=path) from None
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror})", path=path) from None
    return Input(name=path, kind=kind, data=data, path=path)


def sniff(data: bytes, name: str) -> str:
    """``tei`` for XML, ``text`` for a text copy; errors for empty and binary data."""
    if not data.strip():
        raise InputError("empty file", path=name)
    head = data[:4096]
    if b"\x00" in head or _binary_share(head) > 0.1:
        raise InputError("binary file, not FRUS text or TEI XML", path=name)
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return "tei" if stripped.startswith(b"<") else "text"


def _binary_share(head: bytes) -> float:
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls / max(1, len(head))


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM); a clear error for anything else."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(f"not UTF-8 text (byte {exc.start})", path=name, line=line) from None


def identify(name: str, volume: str | None = None, url: str | None = None) -> tuple[str | None, str | None]:
    """Volume id and document id from ``--volume``, ``--url`` or the file name."""
    vol = doc = None
    if url:
        m = _URL_RE.search(url)
        if not m:
            raise InputError(f"not a history.state.gov document address: {url}")
        vol, doc = m.group("vol"), m.group("doc")
    base = Path(name).name
    if vol is None:
        m = VOLUME_RE.search(base)
        vol = m.group(0) if m else None
    if doc is None:
        m = _DOC_RE.search(base.removeprefix(vol or ""))
        doc = m.group("doc") if m else None
    return volume or vol, doc
