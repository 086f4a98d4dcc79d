"""Russian line-end hyphenation: drop the hyphen of a word split across lines, keep a real compound's.

``инфраструкту-`` + ``ры`` → ``инфраструктуры``; ``научно-иссле-`` + ``довательские`` →
``научно-исследовательские``; ``во-`` + ``вторых`` → ``во-вторых``. The decision asks the Russian
dictionary (pymorphy3) whether the joined word exists, not a list of words.
"""

from __future__ import annotations

from collections.abc import Container
from typing import Any

import regex
from ruzh.align.morphology import is_known_word, parses
from ruzh.align.script import CYRILLIC

# The last word of a line (letters joined by hyphens) ending in a hyphen, and the first of the next.
LINE_END_WORD = regex.compile(r"(\p{L}+(?:-\p{L}+)*)-$")
LINE_START_WORD = regex.compile(r"^(\p{L}+)")
WORD = regex.compile(r"\p{L}+(?:-\p{L}+)*")


def vocabulary(text: str) -> frozenset[str]:
    """Lower-cased words of a document: its own spelling is the best evidence for a split word
    (``блок-``/``чейн`` is ``блокчейн`` when the document writes ``блокчейн`` elsewhere)."""
    return frozenset(word.lower() for word in WORD.findall(text))


# Combining forms written solid with the next word (авиапарк, видеосвязь, пятиматчевый): a line-end
# hyphen after them is hyphenation even though both halves are words.
SOLID_PREFIXES = frozenset(
    {
        "авиа",
        "авто",
        "агро",
        "аудио",
        "био",
        "вело",
        "видео",
        "гео",
        "гидро",
        "кино",
        "космо",
        "макро",
        "медиа",
        "мега",
        "микро",
        "мини",
        "мото",
        "нано",
        "нео",
        "радио",
        "супер",
        "теле",
        "термо",
        "фото",
        "эко",
        "электро",
        "двух",
        "трех",
        "трёх",
        "четырех",
        "четырёх",
        "пяти",
        "шести",
        "семи",
        "восьми",
        "девяти",
        "десяти",
        "много",
    }
)
# Short words that keep a hyphen before the next part (во-вторых, по-русски, из-за, кое-как).
HYPHENATED_PREFIXES = frozenset({"во", "по", "из", "кое", "кой", "как"})
# Compass compounds keep their hyphen although северо/юго are not words on their own.
COMPASS_HEADS = frozenset({"северо", "юго"})
COMPASS_TAILS = ("восток", "восточ", "запад")
# Second parts of hyphenated names (Даунинг-стрит, Уолл-стрит, Гайд-парк).
NAME_TAILS = frozenset({"стрит", "авеню", "сквер", "сити", "хаус", "парк", "холл"})
# What a first part of a hyphenated compound looks like: a linking form (научно-, социально-) or a
# common noun in its bare form (бизнес-, рок-); names, abbreviations and indeclinables are not.
NOT_COMPOUND_HEAD = frozenset({"Name", "Surn", "Patr", "Abbr", "Fixd", "Geox", "Orgn"})
MIN_COMPOUND_HEAD = 3
# Particles written after a hyphen (что-то, кто-либо, где-нибудь, всё-таки), after a pronoun or an
# adverb of at least this many letters (``Но-то``, ``То-то`` at a line end are names: Ното, Тото).
PARTICLE_TAILS = frozenset({"то", "либо", "нибудь", "таки"})
PARTICLE_HEAD_POS = frozenset({"NPRO", "ADVB", "PRCL"})
MIN_PARTICLE_HEAD = 3
# After a capitalised first part, only a second part this long that is a noun or an adjective makes
# a compound (Рок-группа); shorter ones are the rest of a name (Гол-даст, Сен-Сан-сом).
MIN_TAIL_AFTER_CAPITAL = 5
NOMINAL_POS = frozenset({"NOUN", "ADJF"})


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and not word.isupper()


def _compound_head(word: str) -> bool:
    """Whether a dictionary reading of ``word`` can be the first part of a hyphenated compound."""
    low = word.lower()
    if len(low) < MIN_COMPOUND_HEAD:
        return False
    for p in parses(low):
        if not p.is_known or p.tag.grammemes & NOT_COMPOUND_HEAD:
            continue
        pos, grammemes = p.tag.POS, p.tag.grammemes
        if pos == "ADVB" or (pos == "ADJS" and "neut" in grammemes):
            return True
        if pos == "NOUN" and {"nomn", "sing"} <= grammemes:
            return True
    return False


def _readings(word: str) -> list[Any]:
    """Dictionary readings of a word that are not names or abbreviations."""
    return [p for p in parses(word.lower()) if p.is_known and not p.tag.grammemes & NOT_COMPOUND_HEAD]


def _particle_compound(head: str, right: str) -> bool:
    """``что-то``, ``где-нибудь``, ``всё-таки``."""
    return (
        right.lower() in PARTICLE_TAILS
        and len(head) >= MIN_PARTICLE_HEAD
        and any(p.tag.POS in PARTICLE_HEAD_POS or "Apro" in p.tag.grammemes for p in _readings(head))
    )


def _agreeing_nouns(head: str, right: str) -> bool:
    """Two nouns in one case and number (страна-участница: ``стран-участниц``, ``государством-членом``)."""
    forms = {
        (p.tag.case, p.tag.number) for p in _readings(head) if p.tag.POS == "NOUN" and p.tag.case != "nomn"
    }
    return len(right) >= MIN_TAIL_AFTER_CAPITAL and any(
        p.tag.POS == "NOUN" and (p.tag.case, p.tag.number) in forms for p in _readings(right)
    )


def should_keep_hyphen(left: str, right: str, known: Container[str] = frozenset()) -> bool:
    """Given ``left`` (the word fragment before the line-end hyphen, e.g. ``научно-иссле``) and
    ``right`` (the fragment that starts the next line), decide whether the hyphen is part of the word.
    ``known`` is the document's own vocabulary (see :func:`vocabulary`), consulted first; then the
    dictionary and the compound patterns: both halves words → a compound, a fragment → a join.
    """
    head = left.rsplit("-", 1)[-1]
    if not head or not right:
        return False
    if (head + right).lower() in known:
        return False
    if f"{head}-{right}".lower() in known:
        return True
    if not (CYRILLIC.match(head[-1]) and CYRILLIC.match(right[0])):
        # Latin or mixed fragments (e.g. ``ИТ-`` + ``индустрия``): keep the hyphen only before a capital.
        return right[0].isupper()
    if head.isupper() and right.isupper():
        return False  # an abbreviation cut in two (НА-СА)
    if right[0].isupper():
        return True  # a capital after the break starts a new word (``Северо-`` + ``Запад``)
    low = head.lower()
    if low in COMPASS_HEADS and right.lower().startswith(COMPASS_TAILS):
        return True
    if is_known_word(head + right) or low in SOLID_PREFIXES:
        return False
    if _particle_compound(head, right) or (low in HYPHENATED_PREFIXES and is_known_word(right)):
        return True
    if head.isupper():
        return is_known_word(right)  # an abbreviation and a word: ИТ-индустрия
    if _capitalised(head):
        # A name cut in two (Гос-линг, Джей-ми) unless a name's second part or a compound's first.
        long_nominal = len(right) >= MIN_TAIL_AFTER_CAPITAL and any(
            p.tag.POS in NOMINAL_POS for p in _readings(right)
        )
        return right.lower() in NAME_TAILS or (_compound_head(head) and long_nominal)
    # Both halves are words on their own: a compound such as ``во-вторых`` or ``бизнес-процессы``.
    return is_known_word(right) and (_compound_head(head) or _agreeing_nouns(head, right))
