"""The aligner's scorers and how to install the optional one: here, outside ``align.aligner`` (numpy), so
that ``ruzh align --help`` can list them without importing the aligner."""

from __future__ import annotations

SCORERS = ("lexical", "embeddings", "hybrid")
INSTALL = "pip install 'ruzh[embeddings]'"  # from a checkout: pip install -e '.[embeddings]'
