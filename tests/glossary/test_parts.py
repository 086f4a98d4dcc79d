"""Counting documents apart (and in processes) gives exactly the glossary of one serial pass."""

from __future__ import annotations

from ruzh.align.reader import read_document
from ruzh.glossary.attest import Attester
from ruzh.glossary.build import build_glossary
from ruzh.glossary.parts import count_document
from ruzh.glossary.termbase import load_termbase
from ruzh.seeds import seed_paths


def test_parallel_parts_give_the_serial_glossary() -> None:
    documents = [read_document(p) for p in seed_paths()]
    serial = build_glossary(documents)
    parallel = build_glossary(documents, workers=2)
    assert parallel.entries == serial.entries
    assert parallel.attestations == serial.attestations


def test_a_document_part_keeps_few_examples_but_every_count(seed_path) -> None:
    document = read_document(seed_path("004"))
    part = count_document(document, Attester(load_termbase()))
    tally = part.attested[("DE0001", "ru")]  # цифровая экономика, about fifty times in 004
    assert tally.freq == tally.docs[document.name] == sum(tally.variants.values()) >= 40
    assert 1 <= len(tally.spare) <= 10  # only would-be examples are located in the file
    assert len({o.context for o in tally.spare}) == len(tally.spare)


def test_an_attester_that_saw_the_texts_counts_the_same(seed_path, monkeypatch) -> None:
    from ruzh.glossary import attest

    document = read_document(seed_path("004"))
    fresh = Attester(load_termbase()).document_part(document)
    again = Attester(load_termbase())
    again.document_part(read_document(seed_path("003")))
    assert again.document_part(document) == fresh  # the hits it keeps by text are the same hits
    monkeypatch.setattr(attest, "SEEN_TEXTS", 3)  # a full memory starts afresh
    assert Attester(load_termbase()).document_part(document) == fresh
