"""Exports: TBX-Basic read back by translate-toolkit and OmegaT, OmegaT's tab-separated glossary."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree
from ruzh.core.errors import InputError
from ruzh.glossary.build import Glossary
from ruzh.glossary.entries import Entry
from ruzh.glossary.export import exportable, omegat_lines, tbx_tree, write_outputs

SPEC = Path(__file__).resolve().parents[2].parent / "shared" / "spec" / "omegat"


@pytest.fixture(scope="module")
def outputs(seed_glossary: Glossary, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("glossary")
    write_outputs(seed_glossary, out)
    return out


def test_tbx_is_martif_with_status_pos_and_context(outputs: Path) -> None:
    root = etree.parse(str(outputs / "glossary.tbx")).getroot()
    assert root.tag == "martif" and root.get("type") == "TBX-Basic"
    entry = root.find(".//termEntry[@id='DE0001']")
    assert entry is not None
    ru = entry.find("langSet[@{http://www.w3.org/XML/1998/namespace}lang='ru']/tig")
    assert ru is not None and ru.findtext("term") == "цифровая экономика"
    assert ru.findtext("termNote[@type='administrativeStatus']") == "preferredTerm-admn-sts"
    assert ru.findtext("termNote[@type='partOfSpeech']") == "noun"
    assert "цифров" in (ru.findtext("descrip[@type='context']") or "")


def test_translate_toolkit_reads_the_tbx(outputs: Path, seed_glossary: Glossary) -> None:
    from translate.storage import tbx

    store = tbx.tbxfile.parsestring((outputs / "glossary.tbx").read_bytes())
    pairs = {u.getid(): (u.source, u.target) for u in store.units}
    assert len(pairs) == len(exportable(seed_glossary.entries))
    assert pairs["DE0001"] == ("цифровая экономика", "数字经济")


def test_omegat_tsv_has_no_header_and_three_columns(outputs: Path) -> None:
    lines = (outputs / "glossary-omegat.txt").read_text(encoding="utf-8").splitlines()
    assert lines and all(len(line.split("\t")) == 3 for line in lines)
    assert lines[0].split("\t")[:2] == ["цифровая экономика", "数字经济"]
    assert not any(line.startswith(("id\t", "ru\t", "source\t")) for line in lines)


def test_every_russian_variant_maps_to_the_preferred_chinese() -> None:
    entry = Entry(
        "X",
        ru="информационно-коммуникационные технологии",
        zh="信息和通信技术",
        ru_variants=("ИКТ",),
        zh_variants=("信息通信技术",),
        status="approved",
        en="ICT",
    )
    lines = omegat_lines([entry])
    assert lines == [
        "информационно-коммуникационные технологии\t信息和通信技术\tICT",
        "ИКТ\t信息和通信技术\tICT; admitted",
    ]


def test_control_characters_are_reported_not_written() -> None:
    with pytest.raises(InputError) as info:
        tbx_tree([Entry("BAD", ru="цифра\x01", zh="数字", status="approved")])
    assert "BAD" in info.value.what


def test_exports_leave_out_candidates_and_rejected_by_default() -> None:
    rows = [
        Entry("A", ru="а", zh="甲", status="termbase"),
        Entry("B", ru="б", zh="乙", status="candidate"),
        Entry("C", ru="в", zh="丙", status="rejected"),
        Entry("D", ru="г", status="approved"),  # no Chinese: nothing to translate into
    ]
    assert [e.id for e in exportable(rows)] == ["A"]
    assert [e.id for e in exportable(rows, candidates=True)] == ["A", "B"]


@pytest.mark.omegat
def test_omegat_reads_both_glossaries(outputs: Path, tmp_path: Path) -> None:
    if shutil.which("omegat") is None or not (SPEC / "probe.groovy").is_file():
        pytest.skip("omegat or ../shared/spec/omegat/probe.groovy not available (apt-get install omegat)")
    project = tmp_path / "proj"
    for sub in ("source", "target", "glossary", "dictionary", "omegat", "tm/auto"):
        (project / sub).mkdir(parents=True)
    shutil.copy(SPEC / "omegat.project", project)
    (project / "source" / "doc.txt").write_text(
        "Развитие цифровой экономики и больших данных.\n\nОблачные вычисления в Китае.\n", encoding="utf-8"
    )
    shutil.copy(outputs / "glossary.tbx", project / "glossary")
    shutil.copy(outputs / "glossary-omegat.txt", project / "glossary")
    run = subprocess.run(
        ["omegat", str(project), "--mode=console-translate", "--disable-project-locking",
         f"--config-dir={tmp_path / 'cfg'}", f"--script={SPEC / 'probe.groovy'}"],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    out = run.stdout + run.stderr
    tsv_count = len((outputs / "glossary-omegat.txt").read_text(encoding="utf-8").splitlines())
    assert f"PROBE GLOSSARY glossary-omegat.txt: {tsv_count} entries" in out
    assert "PROBE GLOSSARY glossary.tbx: FAILED" not in out
    assert "PROBE GLOSSARY glossary.tbx: null" not in out
    assert "term 'цифровая экономика' -> 数字经济" in out  # OmegaT's own matching finds the inflected form
    assert "term 'облачные вычисления' -> 云计算" in out
