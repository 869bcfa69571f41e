"""Errors that carry the place they happened, so the CLI can print one clear line."""

from __future__ import annotations


class ProvciteError(Exception):
    """Base class: a user-facing error with an optional file and line."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = self.path or ""
        if self.line is not None:
            where = f"{where}:{self.line}" if where else f"line {self.line}"
        return f"{where}: {self.message}" if where else self.message


class InputError(ProvciteError):
    """The input cannot be read: missing, empty, binary, malformed or hostile."""


class UnsafeXMLError(InputError):
    """XML that declares entities or a DTD; refused without fetching anything."""


class NoteError(ProvciteError):
    """A source note that cannot be parsed at all (e.g. empty)."""
