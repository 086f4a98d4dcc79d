"""Exports: TBX-Basic read back by translate-toolkit and OmegaT, OmegaT's tab-separated glossary."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree
from ruzh.core.errors import InputError
from ruzh.core.langtags import OutputTags
from ruzh.glossary.build import Glossary
from ruzh.glossary.entries import Entry
from ruzh.glossary.export import exportable, omegat_lines, write_outputs
from ruzh.glossary.tbx import tbx_tree

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
    lines = [
        line
        for line in (outputs / "glossary-omegat.txt").read_text(encoding="utf-8").splitlines()
        if not line.startswith("#")  # OmegaT's comment lines
    ]
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


def omegat_probe(tmp_path: Path, source: str, glossaries: list[Path]) -> str:
    """Run OmegaT's console on a one-file project with these glossaries; the probe's output."""
    if shutil.which("omegat") is None or not (SPEC / "probe.groovy").is_file():
        pytest.skip("omegat or ../shared/spec/omegat/probe.groovy not available (apt-get install omegat)")
    project = tmp_path / "proj"
    for sub in ("source", "target", "glossary", "dictionary", "omegat", "tm/auto"):
        (project / sub).mkdir(parents=True)
    shutil.copy(SPEC / "omegat.project", project)
    (project / "source" / "doc.txt").write_text(source, encoding="utf-8")
    for glossary in glossaries:
        shutil.copy(glossary, project / "glossary")
    run = subprocess.run(
        ["omegat", str(project), "--mode=console-translate", "--disable-project-locking",
         f"--config-dir={tmp_path / 'cfg'}", f"--script={SPEC / 'probe.groovy'}"],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    return run.stdout + run.stderr


@pytest.mark.omegat
def test_omegat_reads_both_glossaries(outputs: Path, tmp_path: Path) -> None:
    out = omegat_probe(
        tmp_path,
        "Развитие цифровой экономики и больших данных.\n\nОблачные вычисления в Китае.\n",
        [outputs / "glossary.tbx", outputs / "glossary-omegat.txt"],
    )
    tsv = (outputs / "glossary-omegat.txt").read_text(encoding="utf-8").splitlines()
    tsv_count = sum(not line.startswith("#") for line in tsv)
    assert f"PROBE GLOSSARY glossary-omegat.txt: {tsv_count} entries" in out
    assert "PROBE GLOSSARY glossary.tbx: FAILED" not in out
    assert "PROBE GLOSSARY glossary.tbx: null" not in out
    assert "term 'цифровая экономика' -> 数字经济" in out  # OmegaT's own matching finds the inflected form
    assert "term 'облачные вычисления' -> 云计算" in out


def test_tbx_has_a_doctype_and_names_the_xcs_written_beside_it(outputs: Path) -> None:
    tree = etree.parse(str(outputs / "glossary.tbx"))
    assert tree.docinfo.doctype == '<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">'
    assert tree.findtext("martifHeader/encodingDesc/p[@type='XCSURI']") == "glossary.xcs"
    xcs = etree.parse(str(outputs / "glossary.xcs"))
    assert xcs.getroot().tag == "TBXXCS" and xcs.docinfo.doctype.startswith("<!DOCTYPE TBXXCS")


def _declared(xcs: etree._ElementTree) -> tuple[set[str], dict[str, set[str] | None]]:
    """Language codes and data categories (name -> picklist values, None for free text) of an XCS."""
    langs = {str(code.text) for code in xcs.iterfind("languages/langInfo/langCode")}
    cats: dict[str, set[str] | None] = {}
    for spec in xcs.iterfind("datCatSet/*"):
        contents = spec.find("contents")
        picklist = contents is not None and contents.get("datatype") == "picklist"
        cats[str(spec.get("name"))] = set((contents.text or "").split()) if picklist else None
    return langs, cats


def _check_against_xcs(folder: Path) -> int:
    """Every xml:lang and every data category (with its value, for picklists) is declared in the XCS."""
    tbx = etree.parse(str(folder / "glossary.tbx"))
    langs, cats = _declared(etree.parse(str(folder / "glossary.xcs")))
    used = {str(v) for v in tbx.xpath("//@xml:lang")}
    assert used and used <= langs, used - langs
    checked = 0
    for el in tbx.iter("descrip", "termNote"):
        name = str(el.get("type"))
        assert name in cats, name
        values = cats[name]
        assert values is None or el.text in values, (name, el.text)
        checked += 1
    return checked


def test_every_language_and_data_category_is_declared_in_the_xcs(outputs: Path) -> None:
    assert _check_against_xcs(outputs) > 1000


def test_tags_asked_for_reach_the_tbx_and_its_xcs(seed_glossary: Glossary, tmp_path: Path) -> None:
    write_outputs(seed_glossary, tmp_path, tags=OutputTags(ru="ru-RU", zh="zh-Hans"))
    used = {str(v) for v in etree.parse(str(tmp_path / "glossary.tbx")).xpath("//langSet/@xml:lang")}
    assert used == {"ru-RU", "zh-Hans", "en"}
    _check_against_xcs(tmp_path)


def test_definitions_term_types_and_statuses(outputs: Path) -> None:
    root = etree.parse(str(outputs / "glossary.tbx")).getroot()
    entry = root.find(".//termEntry[@id='DE0001']")
    assert entry is not None and entry.find("note") is None
    definition = entry.findtext("langSet/descrip[@type='definition']") or ""
    assert definition.startswith("Economy in which digital data")
    ai = root.find(".//termEntry[@id='DE0045']")
    assert ai is not None
    types = {t.findtext("term"): t.findtext("termNote[@type='termType']") for t in ai.iter("tig")}
    assert types["ИИ"] == "abbreviation" and types["искусственный интеллект"] == "fullForm"
    statuses = [t.findtext("termNote[@type='administrativeStatus']") for t in root.iter("tig")]
    assert None not in statuses and "deprecatedTerm-admn-sts" in statuses
    forbidden = root.find(".//termEntry[@id='DE0054']")  # IоT with a Cyrillic о: forbidden
    assert forbidden is not None and "forbidden: do not use" in [n.text for n in forbidden.iter("note")]


def test_the_tbx_is_valid_tbx_basic(outputs: Path) -> None:
    rng = Path(__file__).resolve().parents[2].parent / "shared" / "spec" / "TBXBasicRNGV02.rng"
    if not rng.is_file():
        pytest.skip(f"the TBX-Basic RNG is not at {rng} (TBXBasicRNGV02.rng of the TBX-Basic package)")
    schema = etree.RelaxNG(etree.parse(str(rng)))
    tree = etree.parse(str(outputs / "glossary.tbx"))
    assert schema.validate(tree), schema.error_log


def test_omegat_never_offers_deprecated_renderings_nor_word_like_abbreviations(
    outputs: Path, seed_glossary: Glossary
) -> None:
    text = (outputs / "glossary-omegat.txt").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if not line.startswith("#")]
    sources, renderings = {r[0] for r in rows}, {r[1] for r in rows}
    assert {"ПО", "ИИ"}.isdisjoint(sources) and "цифровая экономика" in sources
    note = next(line for line in text.splitlines() if line.startswith("# Left out"))
    assert "ПО (" in note and "ИИ (人工智能" in note
    unusable = {
        t.text for c in seed_glossary.concepts for t in c.terms if t.status in ("deprecated", "forbidden")
    }
    assert unusable and not (renderings & unusable)


def test_a_deprecated_chinese_cell_is_not_offered() -> None:
    entry = Entry("X", ru="цифровая экономика", zh_variants=("数码经济 (deprecated)",), status="approved")
    assert omegat_lines([entry]) == []


@pytest.mark.omegat
def test_omegat_offers_no_abbreviation_on_common_words(outputs: Path, tmp_path: Path) -> None:
    text = "Работа по плану и в срок.\n\nОн говорит, что это ПО и ИИ для цифровой экономики.\n"
    tbx_only = omegat_probe(tmp_path / "tbx", text, [outputs / "glossary.tbx"])
    tsv_only = omegat_probe(tmp_path / "tsv", text, [outputs / "glossary-omegat.txt"])
    hits = [line for line in tbx_only.splitlines() if "PROBE HIT seg#1 " in line]
    assert any("term 'ИИ'" in h or "term 'ПО'" in h for h in hits)  # the TBX still names them
    tsv_hits = [line for line in tsv_only.splitlines() if line.startswith("PROBE HIT")]
    assert not any(f"term '{a}'" in h for h in tsv_hits for a in ("ИИ", "ПО", "ОН", "ЭТО"))
    assert any("term 'цифровая экономика' -> 数字经济" in h for h in tsv_hits)
