"""A large TEI volume read on every core: worker processes, results in document order.

Each worker parses the whole file — lxml's part is cheap, about 10 µs a document — but builds
records (``tei._document`` and enrichment, the costly part) only for its share of the documents:
chunks of ``chunk`` documents dealt round-robin. Every worker thus learns the volume's header,
persons, terms, sources and pages exactly as the single-process reader does, and its records are
the same. A worker also runs ``convert`` (named ``"module:function"``, e.g. the library's row
builder) on each record, so that work is spread too; the parent gets the converted items, in
document order, from :func:`read_parallel`.

Workers are subprocesses (``sys.executable``, this provcite) that read the file and write framed
pickles to their stdout — nothing else: the parent does any storing. A worker whose parent
has gone (killed) stops at its next write (broken pipe); the parent kills its workers when it stops
reading, whatever the reason. A worker's error (malformed XML, a record ``convert`` refuses) reaches
the parent in order: every item before it first, as the single-process reader would yield them.
"""

from __future__ import annotations

import importlib
import itertools
import os
import pickle
import queue
import signal
import struct
import subprocess
import sys
import tempfile
import threading
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from provcite.errors import InputError, ProvciteError
from provcite.model import Record
from provcite.readers import read_tei_share
from provcite.readers.source import read_input
from provcite.readers.tei import open_tei

__all__ = ["CHUNK", "MAX_WORKERS", "MIN_BYTES", "iter_share", "parallel_workers", "read_parallel"]

CHUNK = 250  # documents a worker converts before handing them over
MIN_BYTES = 2 << 20  # smaller TEI files (~2,000 documents) are read in-process: workers take ~0.1 s to start
MAX_WORKERS = 4  # past this the parent (unpickling, storing) is the bottleneck
_FRAME = struct.Struct(">cQ")  # kind, payload length
_ITEMS, _DONE, _ERROR, _CRASH = b"C", b"D", b"E", b"X"


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def parallel_workers(path: str) -> int:
    """How many workers should read ``path``: 0 (read it in-process) for stdin, a text copy, a
    small TEI file, or a machine with one core; else one per core, at most ``MAX_WORKERS``.
    ``$PROVCITE_WORKERS`` overrides the count (0 or 1: in-process)."""
    env = os.environ.get("PROVCITE_WORKERS", "").strip()
    wanted = int(env) if env.isdigit() else min(_cores(), MAX_WORKERS)
    if wanted < 2 or path == "-" or not sys.executable:
        return 0
    try:
        if os.path.getsize(path) < MIN_BYTES:
            return 0
    except OSError:
        return 0
    try:
        return wanted if read_input(path).kind == "tei" else 0
    except InputError:
        return 0  # the in-process reader reports it


# ---------------------------------------------------------------- worker side


def iter_share(path: str, volume: str | None, owns: Callable[[int], bool]) -> Iterator[tuple[int, Record]]:
    """``(index, record)`` of the documents ``owns(index)`` accepts, in order, enriched exactly as
    :func:`provcite.readers.read_records` does (it is the same reading loop)."""
    owned = (i for i in itertools.count() if owns(i))
    yield from zip(owned, read_tei_share(path, owns, volume=volume), strict=False)


class _Sender:
    """Writes frames to the parent in a thread, so the worker reads on while the parent is busy
    (a chunk is bigger than a pipe holds). At most ``ahead`` frames wait; a parent that has gone
    ends the worker at once."""

    def __init__(self, out: IO[bytes], ahead: int = 8) -> None:
        self._out = out
        self._queue: queue.Queue[tuple[bytes, bytes] | None] = queue.Queue(maxsize=ahead)
        self._thread = threading.Thread(target=self._run, name="provcite-reader-sender", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            while (frame := self._queue.get()) is not None:
                kind, payload = frame
                self._out.write(_FRAME.pack(kind, len(payload)))
                self._out.write(payload)
                self._out.flush()
        except OSError:  # broken pipe: the parent has gone (or closed us); nobody is left to tell
            os._exit(0)

    def send(self, kind: bytes, payload: bytes) -> None:
        self._queue.put((kind, payload))

    def close(self) -> None:
        self._queue.put(None)
        self._thread.join()


def _function(spec: str) -> Callable[[Record], Any]:
    module, _, name = spec.partition(":")
    return getattr(importlib.import_module(module), name)


def _work(path: str, volume: str | None, convert_spec: str, k: int, n: int, chunk: int,
          send: Callable[[bytes, bytes], None]) -> None:
    """Worker ``k`` of ``n``: convert the documents of chunks k, k + n, k + 2n … and send them."""
    items: list[Any] = []
    try:
        convert = _function(convert_spec)
        for _index, record in iter_share(path, volume, lambda i: (i // chunk) % n == k):
            items.append(convert(record))
            if len(items) == chunk:
                send(_ITEMS, pickle.dumps(items, pickle.HIGHEST_PROTOCOL))
                items = []
        if items:
            send(_ITEMS, pickle.dumps(items, pickle.HIGHEST_PROTOCOL))
        send(_DONE, b"")
    except ProvciteError as exc:
        if items:  # the documents before the error, as the in-process reader yields them
            send(_ITEMS, pickle.dumps(items, pickle.HIGHEST_PROTOCOL))
        try:
            payload = pickle.dumps(exc)
        except Exception:
            payload = pickle.dumps(ProvciteError(exc.message, path=exc.path, line=exc.line))
        send(_ERROR, payload)
    except Exception:
        send(_CRASH, traceback.format_exc().encode())


def main(argv: list[str]) -> None:
    """A worker: ``main([PATH, VOLUME, CONVERT, K, N, CHUNK])`` (VOLUME ``-``: none); frames on stdout."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and ends its workers
    path, volume, convert_spec, k, n, chunk = argv
    sender = _Sender(sys.stdout.buffer)
    _work(path, None if volume == "-" else volume, convert_spec, int(k), int(n), int(chunk), sender.send)
    sender.close()


# ---------------------------------------------------------------- parent side


_ROOT = str(Path(__file__).resolve().parent.parent.parent)  # where this process found provcite
# A worker runs the same provcite as its parent: its directory goes first on the path unless the
# interpreter finds it there anyway (an installed provcite).
_BOOT = ("import sys; root = sys.argv.pop(1); root in sys.path or sys.path.insert(0, root); "
         "from provcite.readers.parallel import main; main(sys.argv[1:])")


class _Worker:
    def __init__(self, path: str, volume: str | None, convert: str, k: int, n: int, chunk: int) -> None:
        self.k = k
        self.stderr = tempfile.TemporaryFile()  # noqa: SIM115 - closed in close()
        # -P: the current directory's files never shadow a module
        self.proc = subprocess.Popen(
            [sys.executable, "-P", "-c", _BOOT, _ROOT, path, volume or "-", convert, str(k), str(n), str(chunk)],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=self.stderr)
        assert self.proc.stdout is not None
        self.out = self.proc.stdout

    def frame(self, path: str) -> tuple[bytes, bytes]:
        head = self.out.read(_FRAME.size)
        if len(head) == _FRAME.size:
            kind, size = _FRAME.unpack(head)
            payload = self.out.read(size)
            if len(payload) == size:
                return kind, payload
        code = self.proc.wait()
        self.stderr.seek(0)
        lines = self.stderr.read().decode(errors="replace").strip().splitlines()
        detail = f": {lines[-1]}" if lines else ""
        raise ProvciteError(f"reader process {self.k} ended unexpectedly (exit code {code}){detail}", path=path)

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        self.out.close()
        self.stderr.close()


def read_parallel(path: str, *, volume: str | None = None, convert: str, workers: int,
                  chunk: int = CHUNK) -> Iterator[Any]:
    """``convert(record)`` for every document of the TEI file at ``path``, in document order, the
    records read (as ``read_records(path, volume=volume)`` reads them) and converted by ``workers``
    processes. ``convert`` is ``"module:function"``; what it returns must pickle. Errors are those
    of the in-process reader, raised after the items before them."""
    inp = read_input(path)  # missing, empty, binary, unsafe prolog: refused before any worker starts
    if inp.kind != "tei" or inp.path is None:
        raise InputError("not a TEI file (the parallel reader reads TEI volumes)", path=path)
    open_tei(None, inp.path, inp.name).close()
    pool: list[_Worker] = []
    try:
        for k in range(workers):
            pool.append(_Worker(path, volume, convert, k, workers, chunk))
        j = 0
        while True:
            worker = pool[j % workers]
            kind, payload = worker.frame(path)
            if kind == _ITEMS:
                items = pickle.loads(payload)
                yield from items
                if len(items) == chunk:
                    j += 1
                    continue
                kind, payload = worker.frame(path)  # a short chunk is the last: then done, or the error
            if kind == _DONE:
                return
            if kind == _ERROR:
                raise pickle.loads(payload)
            raise RuntimeError(f"provcite reader process {worker.k} failed:\n{payload.decode(errors='replace')}")
    finally:
        for worker in pool:
            worker.close()
