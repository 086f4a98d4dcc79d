"""Write outputs to a temporary file beside the target and rename it into place.

An interrupted run or an error half-way therefore never leaves a half-written output file.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

from ruzh.core.errors import ConfigError


@lru_cache(maxsize=1)
def _umask() -> int:
    """The process umask (read by setting it, so once, and restored at once)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike[str], mode: str = "w", **kwargs: Any) -> Iterator[IO[Any]]:
    """Open a temporary file for writing; on success rename it to ``path``, on failure delete it.

    ``mode`` is ``"w"`` (text, UTF-8 unless ``encoding`` is given) or ``"wb"``.
    """
    target = Path(path)
    if target.is_dir():
        raise ConfigError("the output is a folder", file=str(target), hint="give a file name inside it")
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
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.chmod(tmp_name, 0o666 & ~_umask())  # mkstemp makes 0600 files; outputs get the usual mode
    if "b" not in mode:
        kwargs.setdefault("encoding", "utf-8")
        kwargs.setdefault("newline", "")
    try:
        with os.fdopen(fd, mode, **kwargs) as handle:
            yield handle
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
