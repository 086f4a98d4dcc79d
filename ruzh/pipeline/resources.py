"""The language resources a build's workers use, loaded once in the main process.

Each pool forks its workers from the main process. A dictionary the main process has not loaded yet
is loaded again by every worker of every pool that needs it (pymorphy3's, jieba's and its word tags,
wordfreq's lists: ~1.3 s of CPU a worker); loaded before the pools fork, it is shared by all of them.
The main process needs them itself later in the build (the glossary's lemma choice and scores).
"""

from __future__ import annotations

from ruzh.align.morphology import analyzer
from ruzh.glossary.candidates_zh import load_segmenter
from ruzh.glossary.scoring import general_frequencies


def load_language_resources() -> None:
    """Load the Russian analyzer, the Chinese segmenter and the general-language frequencies."""
    analyzer()
    load_segmenter()
    for lang in ("ru", "zh"):
        general_frequencies(lang)
