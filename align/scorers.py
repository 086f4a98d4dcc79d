"""The aligner's scorers and how to install the optional one: here, outside ``align.aligner`` (numpy), so
that ``ruzh align --help`` can list them without importing the aligner."""

from __future__ import annotations

SCORERS = ("lexical", "embeddings", "hybrid")
INSTALL = "pip install 'ruzh[embeddings]'"  # from a checkout: pip install -e '.[embeddings]'
# What each scorer weighs, for the help of every command that aligns.
HELP = (
    "evidence for the sentence-level search: lexical (lexicon, anchors, lengths; the default, fast), "
    "embeddings (multilingual-e5-small similarity of the merged sentences plus lengths) or hybrid "
    f"(both; best on short conversational text, hundreds of times slower); the last two need the "
    f"optional extra: {INSTALL}"
)
