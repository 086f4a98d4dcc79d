"""Russian line-end hyphenation: drop the hyphen of a word split across lines, keep a real compound's.

``инфраструкту-`` + ``ры`` → ``инфраструктуры``; ``научно-иссле-`` + ``довательские`` →
``научно-исследовательские``; ``во-`` + ``вторых`` → ``во-вторых``. The decision asks the Russian
dictionary (pymorphy3) whether the joined word exists, not a list of words.
"""

from __future__ import annotations

import regex
from ruzh.align.morphology import is_known_word

# The last word of a line (letters joined by hyphens) ending in a hyphen, and the first of the next.
LINE_END_WORD = regex.compile(r"(\p{L}+(?:-\p{L}+)*)-$")
LINE_START_WORD = regex.compile(r"^(\p{L}+)")


WORD = regex.compile(r"\p{L}+(?:-\p{L}+)*")


def vocabulary(text: str) -> frozenset[str]:
    """Lower-cased words of a document: its own spelling is the best evidence for a split word
    (``блок-``/``чейн`` is ``блокчейн`` when the document writes ``блокчейн`` elsewhere)."""
    return frozenset(word.lower() for word in WORD.findall(text))


def should_keep_hyphen(left: str, right: str, known: frozenset[str] = frozenset()) -> bool:
    """Given ``left`` (the word fragment before the line-end hyphen, e.g. ``научно-иссле``) and
    ``right`` (the fragment that starts the next line), decide whether the hyphen is part of the word.
    ``known`` is the document's own vocabulary (see :func:`vocabulary`), consulted first.
    """
    head = left.rsplit("-", 1)[-1]
    if not head or not right:
        return False
    if (head + right).lower() in known:
        return False
    if f"{head}-{right}".lower() in known:
        return True
    if not (regex.match(r"\p{Cyrillic}", head[-1]) and regex.match(r"\p{Cyrillic}", right[0])):
        # Latin or mixed fragments (e.g. ``ИТ-`` + ``индустрия``): keep the hyphen only before a capital.
        return right[0].isupper()
    if right[0].isupper():
        return True  # a capital after the break starts a new word (``Северо-`` + ``Запад``)
    if is_known_word(head + right):
        return False
    # Both halves are words on their own: a compound such as ``во-вторых`` or ``бизнес-процессы``.
    return is_known_word(right) and (is_known_word(head) or len(head) <= 2)
