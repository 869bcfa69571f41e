"""Write a file all at once: a temporary file in the same directory, then ``os.replace``.

Readers of the path see the old file or the new one, never half of it; on any error the
temporary file is removed and the old file (if any) is left as it was.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from provcite.errors import ProvciteError

__all__ = ["atomic_write"]


def atomic_write(path: str | Path, data: str | bytes) -> None:
    """Write ``data`` (text as UTF-8) to ``path`` atomically; a one-line :class:`ProvciteError`
    when the directory is missing or not writable (nothing is left behind)."""
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    directory = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise ProvciteError("is a directory", path=str(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise ProvciteError(f"cannot write ({exc.strerror or exc})", path=str(path)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            with contextlib.suppress(OSError):
                os.chmod(tmp, path.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise ProvciteError(f"cannot write ({exc.strerror or exc})", path=str(path)) from None
        raise
