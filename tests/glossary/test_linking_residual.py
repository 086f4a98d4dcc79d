"""The residual round: Russian terms the linking left without a partner, against spans of the
Chinese characters that no kept pair claimed, inside or across jieba's words (FLORES, with the
terms taken out of the lexicon)."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruzh.align.lexicon import shipped_entries
from ruzh.glossary.linking import link_terms
from ruzh.glossary.residual import _covered, residual_units, span_counts, span_holders
from ruzh.glossary.units import sentence_units

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
# Term: its rendering, which jieba never writes as a word of its own in enough of the term's
# sentences (天 inside 今天, 三天; 村 inside 村庄, 乡村; 塔 inside 塔楼; 铁轨 split as 铁 + 轨).
SPANS = {"день": "天", "деревня": "村", "башня": "塔", "рельс": "铁轨"}


@pytest.fixture(scope="module")
def links() -> dict:
    if not (DATA / "flores200_devtest").is_dir():
        pytest.skip("../shared/data is not here")
    from ruzh.align.aligner.perturb import read_flores

    ru, zh, _ = read_flores(DATA)
    prior = {e.ru: e.zh for e in shipped_entries() if e.ru not in SPANS}
    found, _ = link_terms(zip(ru, zh, strict=True), prior)
    return found


@pytest.mark.parametrize("term", sorted(SPANS))
def test_a_term_whose_rendering_is_no_unit_is_paired_with_the_span(links: dict, term: str) -> None:
    first = links[(term,)][0]
    assert (first.zh, first.part) == (SPANS[term], True)
    assert first.links >= 2


def test_spans_are_the_unclaimed_characters_inside_and_across_words() -> None:
    units = sentence_units("В деревне стоит старая башня.", "村庄里有一座古老的塔楼。")
    zh = {u[0]: u for u in units.zh}
    claimed = bytearray(max(u[2] for u in units.zh))
    start, end = zh["古老"][1], zh["古老"][2]
    claimed[start:end] = b"\x01" * (end - start)  # a kept pair took 古老
    ru = [u for u in units.ru if u[0][0]]
    places, (rest,) = residual_units([units], [(ru, bytes(claimed))], {u[0] for u in ru})
    spans = {z for z, _, _ in rest.zh}
    assert places == [0]
    assert {"村", "村庄", "塔", "塔楼"} <= spans
    assert not {z for z in spans if "古" in z or "老" in z}  # claimed characters are no span
    assert "村" in rest.verbal and "塔楼" in rest.nominal  # one character needs a verb's links
    holders = span_holders([units], places, [rest], {"村", "塔楼"})
    assert holders == {"村": {"村庄"}, "塔楼": {"塔楼"}}
    runs = [_covered(units)] * 2
    found = span_counts(runs, {"村", "塔", "牛", "里有", "座古老"})  # inside and across words
    assert found == {"村": 2, "塔": 2, "里有": 2, "座古老": 2}
    # a sentence pair counted once with its number of occurrences: the same counts, in the same order
    assert list(span_counts(runs[:1], {"村", "塔", "牛", "里有", "座古老"}, [2]).items()) == list(
        found.items()
    )
