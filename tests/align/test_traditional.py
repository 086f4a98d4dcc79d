"""Traditional Chinese finds the (Simplified) lexicon too."""

from __future__ import annotations

from ruzh.align.aligner import align_sentences
from ruzh.align.aligner.features import simplified


def test_traditional_text_is_matched_in_simplified() -> None:
    assert simplified("數字經濟與「一帶一路」") == "数字经济与「一带一路」"
    assert simplified("数字经济") == "数字经济"  # Simplified text is left as it is


def test_traditional_sentences_align_by_their_words() -> None:
    ru = ["Экономика Китая быстро растет.", "Мы любим читать книги.", "Погода сегодня очень холодная."]
    zh = ["我們喜歡讀書。", "今天天氣很冷。"]  # the first Russian sentence has no translation
    scores = {(b.src, b.tgt): b.score for b in align_sentences(ru, zh)}
    # 我們喜歡讀書 matches любить/читать/книга only once converted (without: 0.74)
    assert scores[((1,), (0,))] > 0.9
    assert scores[((2,), (1,))] > 0.9
    assert ((0,), ()) in scores
