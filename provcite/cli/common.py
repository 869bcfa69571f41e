"""Shared CLI plumbing: one-line errors, clean stdout, progress on a terminal only."""

from __future__ import annotations

import functools
import json
import shutil
import sys
import tempfile
import textwrap
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

import orjson
import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from provcite.errors import ProvciteError

err = Console(stderr=True, highlight=False, soft_wrap=True)
F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print ``provcite: error: MESSAGE`` on stderr and return the exit to raise."""
    err.print(f"provcite: error: {message}", markup=False)
    return typer.Exit(code)


def handle_errors(func: F) -> F:
    """Turn provcite errors into one line on stderr and exit 1; never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ProvciteError as exc:
            raise fail(str(exc)) from None
        except BrokenPipeError:
            sys.stderr.close()
            raise typer.Exit(0) from None
        except KeyboardInterrupt:
            raise fail("interrupted", 130) from None

    return wrapper  # type: ignore[return-value]


def warn(message: str) -> None:
    err.print(f"provcite: warning: {message}", markup=False)


def dump_json(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2)


def write_json_stream(items: Iterable[Any], fmt: str) -> None:
    """``jsonl``: one object per line as items arrive. ``json``: one array, spooled (to a
    temporary file past 16 MB, so memory stays flat) and copied to stdout only once every item is
    ready: an error half-way leaves stdout empty rather than holding broken JSON."""
    if fmt == "jsonl":
        for item in items:
            sys.stdout.write(orjson.dumps(item).decode() + "\n")
        return
    with tempfile.SpooledTemporaryFile(max_size=16 << 20, mode="w+", encoding="utf-8") as spool:
        spool.write("[")
        first = True
        for item in items:
            spool.write("\n" if first else ",\n")
            spool.write(textwrap.indent(dump_json(item), "  "))
            first = False
        spool.write("]\n" if first else "\n]\n")
        spool.seek(0)
        shutil.copyfileobj(spool, sys.stdout)


def progress(items: Iterable[T], label: str, total: int | None = None) -> Iterator[T]:
    """A progress bar on stderr when it is a terminal; silent otherwise."""
    if not sys.stderr.isatty():
        yield from items
        return
    columns = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]
    # never redirect stdout: it carries the output other tools read, and must stay clean
    with Progress(*columns, console=err, transient=True, redirect_stdout=False, redirect_stderr=False) as bar:
        task = bar.add_task(label, total=total)
        for item in items:
            yield item
            bar.advance(task)
