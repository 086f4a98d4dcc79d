"""On FLORES with a few words taken out of the lexicon: phrases paired by their known words'
renderings and a rest for the unknown word, and a tie with a partner that can never be kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruzh.align.lexicon import shipped_entries
from ruzh.glossary.linking import link_terms

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
# Phrase: the word taken out of the lexicon, and the phrase's Chinese unit, made of the known
# word's rendering and a rest (карта ~ 卡 known, 信用 left; путь ~ 银河 known, 系 left). Without the
# rest counting, the known rendering alone (信用, 银河) or nothing is the partner.
PHRASES = {
    ("кредитный", "карта"): ("кредитный", "信用卡"),
    ("млечный", "путь"): ("млечный", "银河系"),
}


@pytest.fixture(scope="module")
def links() -> dict:
    if not (DATA / "flores200_devtest").is_dir():
        pytest.skip("../shared/data is not here")
    from ruzh.align.aligner.perturb import read_flores

    ru, zh, _ = read_flores(DATA)
    held = {word for word, _ in PHRASES.values()} | {"крыло"}
    prior = {e.ru: e.zh for e in shipped_entries() if e.ru not in held}
    found, _ = link_terms(zip(ru, zh, strict=True), prior)
    return found


@pytest.mark.parametrize("phrase", sorted(PHRASES))
def test_a_phrase_with_an_unknown_word_takes_the_unit_holding_its_known_word_and_more(
    links: dict, phrase: tuple[str, ...]
) -> None:
    assert links[phrase][0].zh == PHRASES[phrase][1]


def test_a_rival_the_term_can_never_keep_does_not_make_a_tie(links: dict) -> None:
    """крыло shares its two sentences with 翅膀 and with the verb 折叠 («сложить крылья»): a verb
    seen with it twice can never be kept, so it is no rival and 翅膀 is not a mere tie."""
    assert links[("крыло",)][0].zh == "翅膀"
