"""The abstracts of a corpus's documents are bagged together (on the build's pool), each document's
pair still scored as if alone."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ruzh.align.aligner.features import Bag
from ruzh.align.aligner.pairing import Passage, find_parallel_passages, passage_bags
from ruzh.align.lexicon import Lexicon
from ruzh.align.reader import read_document

from ruzh.lexicon import aligner_lexicon
from ruzh.pipeline.corpus import named


def test_every_documents_abstracts_are_bagged_in_one_call_a_language(seeds_dir: Path) -> None:
    seed = read_document(seeds_dir / "000_2dc469592fe3b189.txt")
    documents = [named(seed, f"copy{k}/000.txt") for k in range(3)]
    lexicon = aligner_lexicon()
    calls: list[list[str]] = []

    def bagger(passages: Sequence[Passage], lex: Lexicon) -> list[Bag]:
        calls.append([f"{p.doc} {p.lang} {p.kind}" for p in passages])
        return passage_bags(passages, lex)

    pairs = find_parallel_passages(documents, lexicon, bagger=bagger)
    abstracts = sorted((p for p in pairs if p.ru.kind == "abstract"), key=lambda p: p.ru.doc)
    assert [p.ru.doc for p in abstracts] == [d.name for d in documents]
    assert calls[0] == [f"copy{k}/000.txt ru abstract" for k in range(3)]  # all three at once
    assert calls[1] == [f"copy{k}/000.txt zh abstract" for k in range(3)]
    alone = [p for p in find_parallel_passages(documents[:1], lexicon) if p.ru.kind == "abstract"]
    assert alone and alone[0].text_score > 0.3  # the abstracts translate each other
    assert [(p.text_score, p.score) for p in abstracts] == [(alone[0].text_score, alone[0].score)] * 3
