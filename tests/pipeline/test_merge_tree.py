"""The glossary counts merged as a tree (documents combined by groups, the groups merged in order)
give exactly the flat merge of every document's part, on real documents: the seeds, the seeds again
under other names (the same contexts in other documents) and FLORES-200 articles."""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from ruzh.align.aligner.perturb import read_flores
from ruzh.align.reader import read_document
from ruzh.align.testcorpus import group_by_url
from ruzh.glossary.attest import Attester, _Tally
from ruzh.glossary.build import build_glossary, corpus_concepts
from ruzh.glossary.parts import DocumentPart, combined, count_document
from ruzh.seeds import seed_paths

from ruzh.pipeline.codec import decode, encode
from ruzh.pipeline.partdata import StoredPart, restored, stored


@pytest.fixture(scope="module")
def parts(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> list[DocumentPart]:
    folder = tmp_path_factory.mktemp("tree")
    paths = list(seed_paths())
    for path in seed_paths():  # the same text in another document: its contexts repeat
        paths.append(folder / f"copy_{path.name}")
        paths[-1].write_bytes(path.read_bytes())
    ru, zh, urls = read_flores(shared_data)
    for k, article in enumerate(group_by_url(urls)[:10]):
        for lang, lines in (("ru", ru), ("zh", zh)):
            paths.append(folder / f"flores{k:02d}_{lang}.txt")
            paths[-1].write_text("\n\n".join(lines[i] for i in article) + "\n", encoding="utf-8")
    attester = Attester(corpus_concepts())
    return [count_document(read_document(p), attester) for p in paths]


def _cached(part: DocumentPart) -> DocumentPart:
    """A combined part as the cache gives it back."""
    return restored(decode(StoredPart, json.loads(json.dumps(encode(stored(part)), ensure_ascii=False))))


def _tree(parts: Sequence[DocumentPart], size: int) -> list[DocumentPart]:
    return [_cached(combined(parts[k : k + size])) for k in range(0, len(parts), size)]


@pytest.mark.parametrize("size", [3, 16])
def test_groups_merge_like_every_document(parts: list[DocumentPart], size: int, merged_state: Any) -> None:
    flat = merged_state(parts)
    assert merged_state(_tree(parts, size)) == flat
    assert merged_state(_tree(_tree(parts, size), 2)) == flat  # groups of groups too


def test_the_tree_gives_the_same_glossary(parts: list[DocumentPart]) -> None:
    flat = build_glossary((), parts=parts)
    tree = build_glossary((), parts=_tree(parts, 5))
    assert tree.entries == flat.entries and tree.attestations == flat.attestations
    assert tree.documents == flat.documents == tuple(p.name for p in parts)
    assert len(flat.entries) > 20 and any(len(a.examples) == 3 for a in flat.attestations.values())


def test_attestation_offers_are_a_merge_in_any_split(parts: list[DocumentPart]) -> None:
    """Real tallies whose offers share contexts across documents, cut into parts at random: the
    joined parts leave the examples and spares of one after another."""
    keys = {k for p in parts for k in p.attested}
    busy = [k for k in keys if sum(k in p.attested for p in parts) >= 4]
    assert len(busy) >= 5
    rng = random.Random(7)
    for key in sorted(busy):
        tallies = [p.attested[key] for p in parts if key in p.attested]
        for _ in range(20):
            order = rng.sample(tallies, len(tallies))
            flat = _Tally()
            for t in order:
                flat.merge(t)
            cut = sorted(rng.sample(range(1, len(order)), rng.randint(1, len(order) - 1)))
            merged = _Tally()
            for a, b in zip([0, *cut], [*cut, len(order)], strict=True):
                joined = _Tally()
                for t in order[a:b]:
                    joined.joined(t)
                merged.merge(joined)
            assert (merged.examples, merged.spare, merged.freq) == (flat.examples, flat.spare, flat.freq)
