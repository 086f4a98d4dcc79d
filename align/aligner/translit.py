"""Names by transliteration, cheaply: Russian names and Chinese transliterations share consonants.

Chinese renders a foreign name with a small set of characters (明斯克 for Минск, 布热津斯基 for
Бжезинский). Both sides are reduced to a skeleton of consonant classes (labials, sibilants, velars…),
vowels dropped and repeats collapsed; the first three classes are the key. Nasal finals of Chinese
syllables count as н, which is how Chinese writes Russian н after a vowel. The character table is
named data: ``translit.tsv`` beside this module.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import regex

KEY_LENGTH = 3
# Russian letters → consonant class; vowels, й, ь, ъ have none.
RU_CLASSES = {
    **dict.fromkeys("бп", "B"),
    "м": "M",
    **dict.fromkeys("фв", "F"),
    **dict.fromkeys("дт", "D"),
    "н": "N",
    **dict.fromkeys("лр", "L"),
    **dict.fromkeys("гкх", "G"),
    **dict.fromkeys("жзсцчшщ", "S"),
}
# Pinyin initials → the same classes (r as in 热 renders ж; 尔 er renders р and is handled apart).
PINYIN_INITIALS = (
    ("zh", "S"),
    ("ch", "S"),
    ("sh", "S"),
    ("b", "B"),
    ("p", "B"),
    ("m", "M"),
    ("f", "F"),
    ("w", "F"),
    ("d", "D"),
    ("t", "D"),
    ("n", "N"),
    ("l", "L"),
    ("g", "G"),
    ("k", "G"),
    ("h", "G"),
    ("j", "S"),
    ("q", "S"),
    ("x", "S"),
    ("r", "S"),
    ("z", "S"),
    ("c", "S"),
    ("s", "S"),
    ("y", ""),
)
# Chinese leaves out р before a consonant (Картер 卡特, Мартин 马丁) and writes дж as one sound.
_RU_R_BEFORE_CONSONANT = regex.compile(r"р(?=[бвгджзклмнпрстфхцчшщ])")
_RU_NAME = regex.compile(r"(?<!\p{L})[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)*")


@lru_cache(maxsize=1)
def table() -> dict[str, str]:
    """Transliteration character → consonant classes of its reading."""
    text = (resources.files("ruzh.align.aligner") / "translit.tsv").read_text(encoding="utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            char, pinyin = line.split("\t")
            out[char] = _pinyin_classes(pinyin)
    return out


@lru_cache(maxsize=1)
def _zh_run() -> regex.Pattern[str]:
    return regex.compile("[" + regex.escape("".join(table())) + "]{2,}")


def _pinyin_classes(pinyin: str) -> str:
    if pinyin == "er":
        return "L"
    if pinyin == "wu":
        return ""  # 乌 renders the vowel у
    classes = ""
    for initial, cls in PINYIN_INITIALS:
        if pinyin.startswith(initial):
            classes = cls
            break
    if pinyin.endswith(("n", "ng")):
        classes += "N"
    return classes


def _key(classes: str) -> str | None:
    collapsed = "".join(c for k, c in enumerate(classes) if k == 0 or c != classes[k - 1])
    return "T:" + collapsed[:KEY_LENGTH] if len(collapsed) >= KEY_LENGTH else None


def ru_name_key(word: str) -> str | None:
    """Key of a Russian word read as a name (inflected forms share it: the key is a prefix)."""
    low = _RU_R_BEFORE_CONSONANT.sub("", word.lower().replace("дж", "ж"))
    return _key("".join(RU_CLASSES.get(ch, "") for ch in low))


def ru_names(text: str) -> list[str]:
    """Capitalised Russian words of a sentence (candidate names)."""
    return _RU_NAME.findall(text)


def zh_name_keys(text: str) -> set[str]:
    """Keys of the runs of transliteration characters in a Chinese sentence."""
    chars = table()
    keys = set()
    for run in _zh_run().findall(text):
        key = _key("".join(chars[ch] for ch in run))
        if key:
            keys.add(key)
    return keys
