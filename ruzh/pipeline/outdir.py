"""The output folder of a build: one build at a time, and the set of outputs replaced together.

A build holds an exclusive lock on ``DIR/.ruzh-lock`` for its whole run, so two builds into one
folder cannot mix their outputs; the second stops at once with exit 2. Outputs are written into
``DIR/.ruzh-staging/``; when all of them are there, a ``COMPLETE`` marker listing them is written
and only then are they renamed into place. A build that is interrupted before the marker leaves the
old set untouched (its staging folder is removed by the next build); one killed while renaming (a
few renames, microseconds) leaves a marked staging folder that the next build finishes moving
before anything else, so a mixed set never survives a run. Stale ``.part`` files of earlier, killed
runs are removed under the lock.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import shutil
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from ruzh.core.errors import ConfigError
from ruzh.interrupt import stop_if_interrupted

MANIFEST = ".ruzh-manifest.json"
LOCK = ".ruzh-lock"
STAGING = ".ruzh-staging"
MARKER = "COMPLETE"
HIDDEN = (LOCK, STAGING, MANIFEST)


@contextlib.contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Hold the folder's build lock (created with the folder when needed)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(folder / LOCK, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    except OSError as exc:
        raise ConfigError(
            f"cannot use the output folder: {exc.strerror or exc}", file=str(folder), hint="choose another -o"
        ) from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise ConfigError(
                "another ruzh build is writing into this output folder",
                file=str(folder),
                hint="wait for it to finish, or give another folder with -o",
            ) from None
        yield
    finally:
        os.close(fd)  # closing releases the lock


def recover(folder: Path) -> None:
    """Finish the moves of a build killed while renaming, or drop an unfinished staging folder; then
    remove stale ``.part`` files left by killed runs (call with the lock held)."""
    staging = folder / STAGING
    marker = staging / MARKER
    if marker.is_file():
        names = marker.read_text(encoding="utf-8").split("\n")
        _move(staging, folder, [n for n in names if n and (staging / n).is_file()])
    if staging.exists():
        shutil.rmtree(staging, ignore_errors=True)
    for part in folder.glob(".*.part"):
        with contextlib.suppress(OSError):
            part.unlink()


def staging_folder(folder: Path) -> Path:
    """A fresh, empty folder for the outputs of this build."""
    staging = folder / STAGING
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir()
    return staging


def commit(folder: Path, names: Sequence[str]) -> None:
    """Mark the staged set complete, then move every file into place and drop the staging folder."""
    staging = folder / STAGING
    marker = staging / MARKER
    tmp = staging / f".{MARKER}.part"
    stop_if_interrupted()  # the last moment a Ctrl-C can still leave the previous outputs as they were
    tmp.write_text("\n".join(names) + "\n", encoding="utf-8")
    with open(tmp, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(tmp, marker)
    _move(staging, folder, names)
    shutil.rmtree(staging, ignore_errors=True)


def _move(staging: Path, folder: Path, names: Sequence[str]) -> None:
    for name in names:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)  # report/ pages
        os.replace(staging / name, folder / name)


def _digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_manifest(
    staging: Path,
    build_key: str,
    names: Sequence[str],
    pages: Mapping[str, str] | None = None,
    left: Mapping[str, str] | None = None,
) -> None:
    """Record which build made the set, each file's hash, and the key of each report page that a
    later build may keep (staged with the set). ``left``: files of the set left in the output
    folder rather than staged (kept report pages), with the hashes they were checked to have."""
    kept = left or {}
    files = {name: kept[name] if name in kept else _digest(staging / name) for name in names}
    data = {"build": build_key, "files": files, "pages": dict(pages or {})}
    text = json.dumps(data, indent=1, sort_keys=True)
    (staging / MANIFEST).write_text(text + "\n", encoding="utf-8")


def previous_pages(folder: Path) -> dict[str, tuple[str, str]]:
    """The report pages of the folder's last build: name → (key, hash), from its manifest (empty
    when there is none or it is not one of ours)."""
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        files, pages = data["files"], data.get("pages", {})
        return {
            name: (page_key, files[name])
            for name, page_key in pages.items()
            if isinstance(page_key, str) and isinstance(files.get(name), str)
        }
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def current_files(folder: Path, build_key: str, required: Sequence[str]) -> list[str] | None:
    """The files of the set this build would write, if the folder holds exactly that set: its
    manifest names this build, lists every ``required`` file, and every listed file still has its
    recorded hash (then nothing needs rewriting). ``None`` otherwise."""
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        files = data["files"]
        if data["build"] != build_key or not isinstance(files, dict) or not set(required) <= set(files):
            return None
        names = sorted(files)
        return names if all(_digest(folder / name) == files[name] for name in names) else None
    except (OSError, ValueError, KeyError, TypeError):
        return None
