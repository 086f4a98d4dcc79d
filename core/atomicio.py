"""Open an output for writing without ever replacing what the name points at by something else.

A regular file (or a new name) is written to a temporary file beside it and renamed into place,
so an interrupted run or an error half-way never leaves a half-written output. A character
device (``/dev/null``, a terminal) or a FIFO is written to directly: renaming over it would
replace the device node itself. ``-`` is standard output. A symbolic link is followed to its
target. Anything else (a folder, a block device, a socket) is refused with a usage error.

Files ruzh names itself inside its own folders (cache entries: :func:`write_own_file`) are never
written through: a link or FIFO planted there is replaced, so it can neither redirect the write
outside the folder nor block the run.
"""

from __future__ import annotations

import contextlib
import errno
import itertools
import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

from ruzh.core.errors import ConfigError

STDOUT = "-"


@lru_cache(maxsize=1)
def _umask() -> int:
    """The process umask (read by setting it, so once, and restored at once)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _status(target: Path, follow: bool) -> os.stat_result | None:
    """What stands at ``target`` now (``None``: nothing); a loop or an unreadable folder is refused."""
    try:
        return target.stat() if follow else target.lstat()
    except FileNotFoundError:
        return None
    except NotADirectoryError:
        raise ConfigError(
            "a file stands where the output folder should be",
            file=str(target),
            hint="choose another output path",
        ) from None
    except OSError as exc:
        what = "a loop of symbolic links" if exc.errno == errno.ELOOP else f"cannot inspect: {exc.strerror}"
        raise ConfigError(
            f"the output is {what}", file=str(target), hint="choose another output path"
        ) from None


def output_kind(path: str | os.PathLike[str]) -> str:
    """``"stdout"``, ``"file"`` (regular or new: written atomically) or ``"stream"`` (a character
    device or FIFO: written through); anything else raises :class:`ConfigError` (exit 2)."""
    if str(path) == STDOUT:
        return "stdout"
    target = Path(path)
    status = _status(target, follow=True)
    if status is None or stat.S_ISREG(status.st_mode):
        return "file"
    if stat.S_ISCHR(status.st_mode) or stat.S_ISFIFO(status.st_mode):
        return "stream"
    if stat.S_ISDIR(status.st_mode):
        raise ConfigError("the output is a folder", file=str(target), hint="give a file name inside it")
    kind = "a block device" if stat.S_ISBLK(status.st_mode) else "a socket or other special file"
    raise ConfigError(
        f"the output is {kind}; ruzh writes only files, character devices, FIFOs and -",
        file=str(target),
        hint="choose a regular file as output",
    )


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike[str], mode: str = "w", **kwargs: Any) -> Iterator[IO[Any]]:
    """Open ``path`` for writing as the module docstring says; on failure a regular file is untouched.

    ``mode`` is ``"w"`` (text, UTF-8 unless ``encoding`` is given) or ``"wb"``.
    """
    if "b" not in mode:
        kwargs.setdefault("encoding", "utf-8")
        kwargs.setdefault("newline", "")
    kind = output_kind(path)
    if kind == "stdout":
        yield from _to_stdout(mode)
    elif kind == "stream":
        with open(path, mode, **kwargs) as handle:
            yield handle
    else:
        yield from _replace(Path(os.path.realpath(path)), mode, kwargs)


def _to_stdout(mode: str) -> Iterator[IO[Any]]:
    sys.stdout.flush()
    handle: IO[Any] = sys.stdout.buffer if "b" in mode else sys.stdout
    yield handle
    handle.flush()


def _prepare_folder(target: Path) -> None:
    if target.parent.exists() and not target.parent.is_dir():
        raise ConfigError(
            "the output's folder is a file", file=str(target.parent), hint="choose another output path"
        )
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise ConfigError(
            "a file stands where the output folder should be",
            file=str(target),
            hint="choose another output path",
        ) from None


def _replace(target: Path, mode: str, kwargs: dict[str, Any]) -> Iterator[IO[Any]]:
    """Write a temporary file beside ``target`` and rename it over ``target`` on success."""
    _prepare_folder(target)
    old = _status(target, follow=False)
    keep = stat.S_IMODE(old.st_mode) if old is not None and stat.S_ISREG(old.st_mode) else None
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    # mkstemp makes 0600 files: a replaced file keeps its mode, a new one gets the usual mode.
    os.chmod(tmp_name, keep if keep is not None else 0o666 & ~_umask())
    try:
        with os.fdopen(fd, mode, **kwargs) as handle:
            yield handle
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise


_SERIAL = itertools.count()  # temporary names unique within the process (the pid tells processes apart)


def write_own_file(path: str, data: bytes) -> None:
    """Write ``data`` to a new temporary file beside ``path`` and rename it over ``path``.

    For files ruzh names itself (module docstring): whatever stands at the name (a link, a FIFO, a
    file) is replaced, never opened; a reader never sees half an entry. Four system calls, and the
    folder is made only when the first write into it finds none, because a 500-pair build writes
    ~5,000 cache entries (2,000 writes of 8 kB: 0.60 -> 0.27 s CPU against :func:`atomic_write`).
    """
    folder, base = os.path.split(path)
    tmp = os.path.join(folder, f".{base}.{os.getpid()}-{next(_SERIAL)}.part")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(tmp, flags, 0o666)  # the umask applies, as for any new file
    except FileNotFoundError:
        os.makedirs(folder or ".", exist_ok=True)
        fd = os.open(tmp, flags, 0o666)
    try:
        with open(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
