"""Find and read input files without trusting what stands at their names.

Three hostile cases meet every reader: a file name whose bytes are not UTF-8 (Python keeps them
as lone surrogates, which no UTF-8 output can carry), a folder that cannot be listed (``rglob``
skips it without a word), and a name that is not a regular file (``/dev/zero`` never ends).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import IO

from ruzh.core.errors import InputError

# What a FIFO or standard input may hold: non-regular inputs have no size to check beforehand.
MAX_STREAM_BYTES = 256 * 1024 * 1024
_CHUNK = 1024 * 1024


def printable(path: str | os.PathLike[str]) -> str:
    """The name as text any output can carry: bytes that are not UTF-8 become ``\\xNN``."""
    return os.fspath(path).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def find_files(paths: Iterable[str | os.PathLike[str]], suffixes: Iterable[str]) -> list[Path]:
    """Files as given; folders searched recursively, in sorted order, for names ending in ``suffixes``
    (case-insensitive). A folder that cannot be listed is kept in the list, so that reading it
    reports why (see :func:`read_input`) like any other unreadable input."""
    wanted = tuple(s.lower() for s in suffixes)
    files: list[Path] = []
    for path in map(Path, paths):
        files.extend(_search(path, wanted) if path.is_dir() else [path])
    return files


def _search(root: Path, wanted: tuple[str, ...]) -> list[Path]:
    found: list[Path] = []
    unreadable: list[Path] = []
    for folder, subfolders, names in os.walk(root, onerror=lambda exc: unreadable.append(Path(exc.filename))):
        subfolders.sort()
        found.extend(p for p in (Path(folder, n) for n in names if n.lower().endswith(wanted)) if p.is_file())
    return sorted(found + unreadable)


def _refuse(name: str, what: str, hint: str) -> InputError:
    return InputError(what, file=name, hint=hint)


def read_stream(handle: IO[bytes], name: str, limit: int = MAX_STREAM_BYTES) -> bytes:
    """All bytes of a stream (standard input, a FIFO), refused beyond ``limit``."""
    chunks: list[bytes] = []
    size = 0
    while chunk := handle.read(_CHUNK):
        size += len(chunk)
        if size > limit:
            raise _refuse(
                name,
                f"the input does not end within {limit // (1024 * 1024)} MiB",
                "save the document to a file and give the file",
            )
        chunks.append(chunk)
    return b"".join(chunks)


def read_input(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a regular file or a FIFO; a folder, a device or a missing file raises
    :class:`InputError` that says which and what to do."""
    name = printable(path)
    try:
        status = os.stat(path)
        if stat.S_ISDIR(status.st_mode):
            os.listdir(path)
            raise _refuse(name, "is a directory", "give the files in it, or use ruzh build")
        if stat.S_ISFIFO(status.st_mode):
            with open(path, "rb") as handle:
                return read_stream(handle, name)
        if not stat.S_ISREG(status.st_mode):
            kind = "a device" if stat.S_ISCHR(status.st_mode) or stat.S_ISBLK(status.st_mode) else "a socket"
            raise _refuse(name, f"is {kind}, not a document", "give a regular file, or - for standard input")
        with open(path, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        raise _refuse(name, "no such file", "check the path") from None
    except OSError as exc:
        what = "folder" if os.path.isdir(path) else "file"
        raise _refuse(name, f"cannot read the {what}: {exc.strerror}", "check its permissions") from None
