"""Strict/lax precision and recall on hand-made alignments, and the bead file format."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ruzh.align.aligner.beadfile import format_bead, parse_beads
from ruzh.align.aligner.evaluate import confusion, score
from ruzh.align.types import Bead
from ruzh.core.errors import InputError

GOLD = [((0,), (0,)), ((1, 2), (1,)), ((3,), ()), ((4,), (2,))]


def test_identical_alignment_scores_one() -> None:
    s = score([GOLD], [GOLD])
    assert (s.precision_strict, s.recall_strict, s.f1_lax) == (1.0, 1.0, 1.0)


def test_split_bead_is_lax_but_not_strict() -> None:
    # test splits the 2-1 bead into 1-1 + 1-0 and keeps the rest
    test = [((0,), (0,)), ((1,), (1,)), ((2,), ()), ((3,), ()), ((4,), (2,))]
    s = score([GOLD], [test])
    # precision: 5 test beads, strict hits 0-0, 3-(), 4-2 → 3/5; lax: ((1,),(1,)) links a gold pair → 4/5
    assert s.precision_strict == pytest.approx(3 / 5)
    assert s.precision_lax == pytest.approx(4 / 5)
    # recall over gold beads with both sides (3): strict 2/3; lax: the 2-1 gold bead is linked → 3/3
    assert s.recall_strict == pytest.approx(2 / 3)
    assert s.recall_lax == pytest.approx(1.0)


def test_deletions_count_for_precision_only() -> None:
    test = [((0,), (0,)), ((1, 2), (1,)), ((4,), (2,)), ((3,), ())]
    missing_deletion = [((0,), (0,)), ((1, 2), (1,)), ((3, 4), (2,))]
    assert score([GOLD], [test]).recall_strict == 1.0
    s = score([GOLD], [missing_deletion])
    assert s.precision_strict == pytest.approx(2 / 3)
    assert s.recall_strict == pytest.approx(2 / 3)


def test_documents_are_pooled() -> None:
    s = score([GOLD, [((0,), (0,))]], [GOLD, [((0,), ())]])
    assert s.precision_strict == pytest.approx(4 / 5)


def test_mismatched_document_counts() -> None:
    with pytest.raises(ValueError):
        score([GOLD], [])


# a bead covers adjacent sentences: a run of 0-4 consecutive indices
indices = st.tuples(st.integers(0, 10_000), st.integers(0, 4)).map(
    lambda sn: tuple(range(sn[0], sn[0] + sn[1]))
)
bead_sides = st.tuples(indices, indices).filter(lambda st_: bool(st_[0] or st_[1]))


@settings(deadline=None)  # a loaded machine must not fail a property test
@given(st.lists(st.tuples(bead_sides, st.floats(0, 1)).map(lambda x: (*x[0], x[1])), max_size=20))
def test_bead_file_round_trip(raw: list[tuple[tuple[int, ...], tuple[int, ...], float]]) -> None:
    beads = [Bead(s, t, round(p, 3)) for s, t, p in raw]
    back = parse_beads([format_bead(b) for b in beads])
    assert [(b.src, b.tgt) for b in back] == [(b.src, b.tgt) for b in beads]
    assert all(abs(a.score - b.score) < 1e-9 for a, b in zip(back, beads, strict=True))


def test_bead_format_matches_vecalign() -> None:
    assert format_bead(Bead((0,), (0, 1), 0.8734)) == "[0]:[0, 1]:0.873"
    assert parse_beads(["[]:[3]", "", "[1, 2]:[4]:0.5"]) == [Bead((), (3,), 1.0), Bead((1, 2), (4,), 0.5)]


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("[]:[]:0.5", "no sentence"),  # a bead must cover something
        ("[0]:[0]:inf", "bad score"),
        ("[0]:[0]:nan", "bad score"),
        ("[0]:[0]:1.5", "bad score"),
        ("[0,]:[0]", "empty index"),
        ("[1, 0]:[0]", "not consecutive"),
        ("[0, 2]:[0]", "not consecutive"),
    ],
)
def test_impossible_beads_are_refused(line: str, words: str) -> None:
    with pytest.raises(InputError, match=words) as info:
        parse_beads(["[0]:[0]:0.9", line], "b.beads")
    assert info.value.line == 2


def test_malformed_bead_line() -> None:
    with pytest.raises(InputError) as info:
        parse_beads(["[0]:[0]", "0 - 0"], "gold.beads")
    assert info.value.location() == "gold.beads:2"


def test_confusion_counts_split_and_exact_beads() -> None:
    # the 2-1 bead is cut into 1-1 + 1-0; the deletion is found; the last bead is shifted into a 1-1
    test = [((0,), (0,)), ((1,), (1,)), ((2,), ()), ((3,), ()), ((4,), (2,))]
    cells, exact = confusion([GOLD], [test])
    assert cells == {("1-1", "1-1"): 2, ("2-1", "1-1"): 1, ("1-0", "1-0"): 1}
    assert exact == {"1-1": 2, "2-1": 0, "1-0": 1}
