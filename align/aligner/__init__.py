"""Russian–Chinese sentence alignment without neural models: lexicon, anchors and lengths in a banded DP."""

from align.aligner.core import align_sentences, default_lexicon, signature
from align.aligner.dp import Params

__all__ = ["Params", "align_sentences", "default_lexicon", "signature"]
