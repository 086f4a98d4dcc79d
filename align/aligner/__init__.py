"""Russian–Chinese sentence alignment without neural models: lexicon, anchors and lengths in a banded DP.

Entry points:

- :func:`align_sentences` (ru sentences, zh sentences) → beads (:class:`align.types.Bead`), each sentence in
  exactly one bead, monotone, with a calibrated confidence in [0, 1];
- :func:`find_parallel_passages` (documents) → :class:`PassagePair` list: abstracts paired inside a
  document, documents paired across, each with its beads and a score;
- :func:`score_documents` for ranking candidate document pairs given as sentence lists;
- :mod:`align.aligner.evaluate` (vecalign-style strict/lax scores) and :mod:`align.aligner.beadfile`
  (``[0]:[0, 1]:0.873`` files);
- :class:`Weights` (what a bead costs) and :class:`Search` (how the path is searched), both recorded
  by :func:`signature`, the settings that change results;
- :mod:`align.aligner.recurrence`, the banded search as a pure function of cost arrays.
"""

from ruzh.align.aligner.core import align_sentences, default_lexicon, signature
from ruzh.align.aligner.pairing import PassagePair, find_parallel_passages, score_documents
from ruzh.align.aligner.params import Search, Weights

__all__ = [
    "PassagePair",
    "Search",
    "Weights",
    "align_sentences",
    "default_lexicon",
    "find_parallel_passages",
    "score_documents",
    "signature",
]
