"""Evidence from a word's relatives in the lexicon: the renderings it gives for the words that share
the word's stem (сезонный ~ 季节 for сезон, загрязнять ~ 污染 for загрязнение, кислый ~ 酸 for
кислота).

A corpus sees most of its terms two or three times, too few for co-occurrence to tell a rare word's
translation from a neighbour, while a general lexicon rarely lacks every word of a derivational
family: the adjective, the verb or the noun it is made from. A Chinese unit that renders a relative
(or, of two characters or more, lies inside or around such a rendering) is then a likely
translation, and the linking needs less from the counts to accept it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

# A relative shares the first letters of the word, at least this many ...
MIN_STEM = 4
# ... and all of the shorter word's but at most this many (сезон/сезонный, not предложение/
# председатель, which share a prefix only). Four letters can still be a coincidence (водород/
# водопад): the Chinese unit must render the relative as well, which the coincidence rarely does.
MAX_ENDING = 3


class Relatives:
    """The lexicon's renderings of the words sharing a Russian word's stem, by lemma."""

    def __init__(self, prior: Mapping[str, Sequence[str]]) -> None:
        self._prior = prior
        self._by_start: dict[str, list[str]] = {}
        for key in prior:
            if " " not in key and len(key) >= MIN_STEM:
                self._by_start.setdefault(key[:MIN_STEM], []).append(key)
        self._cache: dict[str, frozenset[str]] = {}
        # :func:`glossary.prior.lexicon_support`'s answers by pair (it fills them)
        self.supports: dict[tuple[tuple[str, ...], str], float] = {}

    def renderings(self, word: str) -> frozenset[str]:
        """The renderings of ``word``'s relatives (not its own)."""
        found = self._cache.get(word)
        if found is None:
            found = frozenset(
                z
                for other in self._by_start.get(word[:MIN_STEM], ())
                if other != word and _related(word, other)
                for z in self._prior[other]
            )
            self._cache[word] = found
        return found

    def renders(self, key: tuple[str, ...], zh: str) -> bool:
        """Whether ``zh`` is exactly what the lexicon gives for a relative of the one-word term ``key``
        (strong enough to waive log-likelihood's threshold; a unit merely holding one, 一个 inside
        一个月 for месяц, is not)."""
        return self._unknown(key) and zh in self.renderings(key[0])

    def support(self, key: tuple[str, ...], zh: str) -> bool:
        """Whether a relative of the one-word term ``key``, which the lexicon lacks, is rendered by
        ``zh``, or by a word of two characters or more that holds ``zh`` or lies inside it."""
        if not self._unknown(key):
            return False
        found = self.renderings(key[0])
        if zh in found:
            return True
        return len(zh) >= 2 and any(len(z) >= 2 and (z in zh or zh in z) for z in found)

    def _unknown(self, key: tuple[str, ...]) -> bool:
        """A single word the lexicon lacks: a known word has its own renderings as evidence, which
        its relatives' (意大利 for италия, 大利 inside итальянский's 意大利人) must not rival."""
        return len(key) == 1 and key[0] not in self._prior


def _related(a: str, b: str) -> bool:
    return _stem(a, b) >= max(MIN_STEM, min(len(a), len(b)) - MAX_ENDING)


def _stem(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n
