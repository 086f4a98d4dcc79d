"""OmegaT 3.6 console mode fills the Chinese of every Russian sentence found in a TMX built by ruzh.

Follows ``../shared/spec/omegat/README``: project in a temporary folder, the TMX in ``tm/auto/``,
``--mode=console-translate``; OmegaT exits 0 even when it rejects a TMX, so the test judges by its log,
``omegat/project_stats.txt`` and ``target/doc.txt``. Takes about 4 s.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from ruzh.cli import main

pytestmark = pytest.mark.omegat
SHARED_SPEC = Path(__file__).resolve().parents[3] / "shared" / "spec" / "omegat"


def single_sentences(data: Path, count: int) -> list[tuple[str, str]]:
    """FLORES pairs whose Russian side is one sentence, so OmegaT's segmentation keeps it whole."""
    folder = data / "flores200_devtest"
    ru = (folder / "rus_Cyrl.devtest").read_text(encoding="utf-8").splitlines()
    zh = (folder / "zho_Hans.devtest").read_text(encoding="utf-8").splitlines()
    pairs = [
        (r.strip(), z.strip())
        for r, z in zip(ru, zh, strict=True)
        if len(re.findall(r"[.!?…]", r)) == 1 and r.strip().endswith(".") and not re.search('["«»]', r)
    ]
    return pairs[:count]


@pytest.fixture
def omegat() -> str:
    found = shutil.which("omegat")
    if not found:
        pytest.skip("omegat is not installed (Debian package omegat); CI installs it")
    if not (SHARED_SPEC / "omegat.project").is_file():
        pytest.skip(f"OmegaT recipe not found at {SHARED_SPEC}")
    return found


def test_omegat_fills_translations_from_ruzh_tmx(
    omegat: str, shared_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pairs = single_sentences(shared_data, 8)
    in_tm, not_in_tm = pairs[:6], pairs[6:]
    project = tmp_path / "proj"
    for sub in ("source", "target", "glossary", "dictionary", "omegat", "tm/auto"):
        (project / sub).mkdir(parents=True)
    shutil.copy(SHARED_SPEC / "omegat.project", project / "omegat.project")
    (project / "source" / "doc.txt").write_text("\n\n".join(r for r, _ in pairs) + "\n", encoding="utf-8")
    # One Chinese side carries a control character: ruzh must report it and still write a loadable file.
    rows = [f"0.9\t{ru}\t{zh[:3] + chr(1) + zh[3:] if k == 2 else zh}" for k, (ru, zh) in enumerate(in_tm)]
    aligned = tmp_path / "aligned.tsv"
    aligned.write_text("\n".join(rows) + "\n", encoding="utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert (
        main(["tmx", "build", "--aligned", str(aligned), "-o", str(project / "tm" / "auto" / "ruzh.tmx")])
        == 0
    )

    run = subprocess.run(
        [
            omegat,
            str(project),
            "--mode=console-translate",
            "--disable-project-locking",
            f"--config-dir={tmp_path / 'config'}",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    log = run.stdout + run.stderr
    assert run.returncode == 0, log[-2000:]
    assert "TF_TM_LOAD_ERROR" not in log and "XMLStreamException" not in log, log[-2000:]
    stats = (project / "omegat" / "project_stats.txt").read_text(encoding="utf-8")
    remaining = re.search(r"^Remaining:\s+(\d+)", stats, re.M)
    assert remaining and int(remaining.group(1)) == len(not_in_tm), stats
    target = (project / "target" / "doc.txt").read_text(encoding="utf-8")
    for _, zh in in_tm:
        assert zh in target
    for ru, _ in not_in_tm:
        assert ru in target  # untranslated segments keep their source
    assert "\x01" not in target
