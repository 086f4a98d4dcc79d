"""The language resources and word parses a build's workers use, prepared once in the main process.

Each pool forks its workers from the main process. A dictionary the main process has not loaded yet
is loaded again by every worker of every pool that needs it (pymorphy3's, jieba's and its word tags,
wordfreq's lists: ~1.3 s of CPU a worker); loaded before the pools fork, it is shared by all of them.
The same holds for the parses of the corpus's Russian words: parsed here while the reading workers
read, before the pairing's pool forks, they are parsed once for the pairing's bags, the aligner and
every later pool, where a worker of each pool would parse its share again (and the pairing's
workers, which serve bags and alignments in any order, most of them twice).
The main process needs them itself later in the build (the glossary's lemma choice and scores).
"""

from __future__ import annotations

from ruzh.align.aligner.pairing import passages
from ruzh.align.morphology import analyzer, warm
from ruzh.align.types import Document
from ruzh.glossary.candidates_zh import load_segmenter
from ruzh.glossary.scoring import general_frequencies


def load_language_resources() -> None:
    """Load the Russian analyzer, the Chinese segmenter and the general-language frequencies."""
    analyzer()
    load_segmenter()
    for lang in ("ru", "zh"):
        general_frequencies(lang)


def parse_russian(document: Document) -> None:
    """Parse the words of the Russian passages the pairing will bag and align (into the memos of
    :mod:`ruzh.align.morphology`)."""
    warm(s.text for p in passages(document) if p.lang == "ru" for s in p.sentences)
