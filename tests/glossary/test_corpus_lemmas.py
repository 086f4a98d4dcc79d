"""The Russian lemma of an ambiguous noun chosen from the corpus's own forms: «белки» is белок in a
corpus that also writes «белков», белка where the corpus writes «белкой»."""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path

from ruzh.glossary.collect_ru import RuCollector
from ruzh.glossary.corpus_lemmas import corpus_lemmas, corpus_spellings, rekey, rekeyed
from ruzh.glossary.units import sentence_units

from ruzh.cli import main

PROTEIN = ["Белки состоят из аминокислот.", "Синтез белков идёт в клетке.", "Растительные белки полезны."]
SQUIRREL = ["Белки живут в лесу.", "Белка прыгнула на сосну.", "Мы любовались белкой."]


def test_the_forms_seen_choose_the_paradigm() -> None:
    assert corpus_lemmas(corpus_spellings(PROTEIN)) == {"белка": "белок"}
    assert "белка" not in corpus_lemmas(corpus_spellings(SQUIRREL))  # «белкой» is only белка's


def test_a_lemma_with_a_likelier_reading_keeps_it() -> None:
    # часы: часы 0.67, час 0.33; «гор» is гора's; a hyphenated word is only guessed
    texts = ["Часы остановились.", "Прошло два часа.", "Вершины гор.", "Страна-участница согласилась."]
    assert corpus_lemmas(corpus_spellings(texts)) == {}


def test_the_collector_and_the_pairing_units_take_the_choice() -> None:
    collector = RuCollector()
    collector.extend(("doc", i, text) for i, text in enumerate(PROTEIN))
    choice = corpus_lemmas(collector.spellings)
    assert choice == {"белка": "белок"}
    collector.relemmatize(choice)
    assert ("белок",) in collector.tallies and ("белка",) not in collector.tallies
    assert collector.tallies[("белок",)].freq == 3  # белки twice and белков
    assert collector.tallies[("белок",)].forms == {"белок": 3}  # the headword too
    assert ("растительный", "белок") in collector.tallies
    assert collector.spellings["белок"] >= {"белки", "белков"}
    assert collector.words["белок"] == 3
    units = rekeyed([sentence_units(PROTEIN[0], "蛋白质由氨基酸组成。")], choice)
    assert ("белок",) in {key for key, _, _ in units[0].ru}


def test_the_glossary_of_a_corpus_on_proteins_has_protein(tmp_path: Path) -> None:
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(" ".join(PROTEIN) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["glossary", "build", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-o", str(out)]) == 0
    with (out / "glossary.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = {r["ru"]: r for r in csv.DictReader(handle)}
    assert "белок" in rows and "белка" not in rows
    assert rows["белок"]["ru_freq"] == "6" and rows["белок"]["ru_variants"] == ""


def test_repeated_sentences_are_rekeyed_as_each_alone() -> None:
    zh = ["蛋白质由氨基酸组成。", "蛋白质在细胞中合成。", "植物蛋白质有益。"]
    pairs = [sentence_units(ru, z) for ru, z in zip(PROTEIN + SQUIRREL, zh + zh, strict=True)]
    pairs.append(sentence_units("Мы шли по лесу.", "我们在森林里走。"))
    sentences = pairs + pairs[::-1] + pairs
    choice = corpus_lemmas(corpus_spellings(PROTEIN))
    one_by_one = [replace(u, ru=tuple((rekey(k, choice), a, b) for k, a, b in u.ru)) for u in sentences]
    found = rekeyed(sentences, choice)
    assert found == one_by_one and found != sentences
    # a sentence without a chosen lemma is kept as it is
    kept = [f is s for f, s in zip(found, sentences, strict=True) if f == s]
    assert kept and all(kept)
