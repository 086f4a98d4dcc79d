"""The wheel as a new user installs it: in a fresh venv, beside the PyPI packages ``tmx`` and ``glossary``.

Before the libraries moved under the ``ruzh`` namespace, ``pip install glossary`` beside ruzh made
``ruzh --version`` crash and ``pip install tmx`` overwrote ``tmx/__init__.py``. Building and installing
takes a few minutes (the dependencies come from the package index, usually from pip's cache).
"""

from __future__ import annotations

import base64
import csv
import hashlib
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from ruzh.pipeline import OUTPUT_FILES

REPO = Path(__file__).resolve().parents[1]
NEIGHBOURS = ("tmx", "glossary")  # PyPI packages whose import names the libraries' folders share


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=False, timeout=900)


def _record_intact(site: Path, distribution: str, name: str) -> bool:
    """True when ``name`` (e.g. ``tmx/__init__.py``) still has the hash pip recorded for ``distribution``."""
    (info,) = site.glob(f"{distribution}-*.dist-info")
    with open(info / "RECORD", encoding="utf-8", newline="") as handle:
        recorded = {row[0]: row[1] for row in csv.reader(handle) if len(row) > 1}
    digest = base64.urlsafe_b64encode(hashlib.sha256((site / name).read_bytes()).digest()).rstrip(b"=")
    return recorded[name] == f"sha256={digest.decode()}"


@pytest.mark.slow
def test_wheel_in_a_fresh_venv_beside_tmx_and_glossary(tmp_path: Path) -> None:
    built = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", "dist", str(REPO)], tmp_path)
    assert built.returncode == 0, built.stderr[-2000:]
    (wheel,) = (tmp_path / "dist").glob("ruzh-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        top = {name.split("/")[0] for name in archive.namelist()}
    assert {t for t in top if not t.endswith(".dist-info")} == {"ruzh"}

    venv.create(tmp_path / "venv", with_pip=True)
    bin_dir = tmp_path / "venv" / "bin"
    pip = [str(bin_dir / "python"), "-m", "pip", "install", "-q"]
    for neighbour in NEIGHBOURS:
        done = _run([*pip, neighbour], tmp_path)
        if done.returncode != 0:
            pytest.skip(f"cannot install {neighbour} from the package index: {done.stderr.strip()[-300:]}")
    done = _run([*pip, str(wheel)], tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]

    (site,) = (tmp_path / "venv" / "lib").glob("python*/site-packages")
    assert _record_intact(site, "tmx", "tmx/__init__.py")
    assert _record_intact(site, "glossary", "glossary/__init__.py")

    version = _run([str(bin_dir / "ruzh"), "--version"], tmp_path)
    assert (version.returncode, version.stdout.strip(), version.stderr) == (0, "ruzh 0.1.0", "")

    build = _run([str(bin_dir / "ruzh"), "build", "-o", "out"], tmp_path)
    assert build.returncode == 0, build.stderr[-2000:]
    assert sorted(p.name for p in (tmp_path / "out").iterdir() if p.is_file()) == sorted(OUTPUT_FILES)
    # The same summary as the checkout's own build of the seeds (documents, passages, units, rows, findings).
    here = _run([sys.executable, "-m", "ruzh", "build", "--no-cache", "-o", "here"], tmp_path)
    assert here.returncode == 0, here.stderr[-2000:]
    summary = build.stderr.strip().splitlines()[-1]
    assert summary.startswith("ruzh build: 5 documents")
    assert summary.replace("-> out/", "") == here.stderr.strip().splitlines()[-1].replace("-> here/", "")
