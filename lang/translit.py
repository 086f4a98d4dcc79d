"""Transliteration between Russian and Chinese names, both ways the corpus needs.

- **Palladius** (:func:`palladius`): Chinese names are written in Russian by the Palladius system
  (习近平 → Си Цзиньпин, 贵州 → Гуйчжоу); pinyin comes from pypinyin, syllable by syllable.
- **Consonant skeletons** (:func:`ru_name_key`, :func:`zh_name_keys`), cheap enough for the aligner:
  Chinese renders a foreign name with a small set of characters (明斯克 for Минск, 布热津斯基 for
  Бжезинский). Both sides are reduced to a skeleton of consonant classes (labials, sibilants,
  velars…), vowels dropped and repeats collapsed; the first three classes are the key. Nasal finals
  of Chinese syllables count as н, which is how Chinese writes Russian н after a vowel. The
  character table is named data: ``data/translit_chars.tsv``.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import regex
from ruzh.lang.ru import fold_yo

# Palladius: pinyin initials and finals (the finals after an initial; the zero-initial forms below).
_INITIALS = {
    "zh": "чж", "ch": "ч", "sh": "ш", "b": "б", "p": "п", "m": "м", "f": "ф", "d": "д", "t": "т",
    "n": "н", "l": "л", "g": "г", "k": "к", "h": "х", "j": "цз", "q": "ц", "x": "с", "r": "ж",
    "z": "цз", "c": "ц", "s": "с",
}  # fmt: skip
_FINALS = {
    "a": "а", "o": "о", "e": "э", "ai": "ай", "ei": "эй", "ao": "ао", "ou": "оу", "an": "ань",
    "en": "энь", "ang": "ан", "eng": "эн", "ong": "ун", "er": "эр", "i": "и", "ia": "я", "ie": "е",
    "iao": "яо", "iu": "ю", "ian": "янь", "in": "инь", "iang": "ян", "ing": "ин", "iong": "юн",
    "u": "у", "ua": "уа", "uo": "о", "uai": "уай", "ui": "уй", "uan": "уань", "un": "унь",
    "uang": "уан", "v": "юй", "ve": "юэ", "van": "юань", "vn": "юнь", "ue": "юэ",
}  # fmt: skip
_ZERO = {
    "a": "а", "o": "о", "e": "э", "ai": "ай", "ei": "эй", "ao": "ао", "ou": "оу", "an": "ань",
    "en": "энь", "ang": "ан", "eng": "эн", "er": "эр", "yi": "и", "ya": "я", "ye": "е", "yao": "яо",
    "you": "ю", "yan": "янь", "yin": "инь", "yang": "ян", "ying": "ин", "yong": "юн", "yu": "юй",
    "yue": "юэ", "yuan": "юань", "yun": "юнь", "wu": "у", "wa": "ва", "wo": "во", "wai": "вай",
    "wei": "вэй", "wan": "вань", "wen": "вэнь", "wang": "ван", "weng": "вэн",
}  # fmt: skip
# After zh, ch, sh, r the final -i is ы-like but written и; after z, c, s it is ы.
_BUZZING = {"zi": "цзы", "ci": "цы", "si": "сы"}
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
    text = (resources.files("ruzh.lang") / "data" / "translit_chars.tsv").read_text(encoding="utf-8")
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
    collapsed = _collapsed(classes)
    return "T:" + collapsed[:KEY_LENGTH] if len(collapsed) >= KEY_LENGTH else None


def ru_name_key(word: str) -> str | None:
    """Key of a Russian word read as a name (inflected forms share it: the key is a prefix)."""
    low = _RU_R_BEFORE_CONSONANT.sub("", word.lower().replace("дж", "ж"))
    return _key("".join(RU_CLASSES.get(ch, "") for ch in low))


@lru_cache(maxsize=100_000)
def ru_skeleton(word: str) -> str:
    """A Russian word's whole consonant skeleton (classes, repeats collapsed: самоа → SM)."""
    low = _RU_R_BEFORE_CONSONANT.sub("", word.lower().replace("дж", "ж"))
    return _collapsed("".join(RU_CLASSES.get(ch, "") for ch in low))


@lru_cache(maxsize=100_000)
def zh_skeleton(text: str) -> str | None:
    """The whole skeleton of a Chinese word made of transliteration characters only (萨摩亚 → SM),
    else None (a word with any other character is not a transliteration)."""
    chars = table()
    if len(text) < 2 or any(ch not in chars for ch in text):
        return None
    return _collapsed("".join(chars[ch] for ch in text))


def transliterates(word: str, chinese: str) -> bool:
    """Whether a Chinese word of transliteration characters has the Russian word's whole skeleton, of
    two classes at least (самоа ~ 萨摩亚, саами ~ 萨米; not апиа ~ 萨摩亚)."""
    skeleton = zh_skeleton(chinese)
    return skeleton is not None and len(skeleton) >= 2 and skeleton == ru_skeleton(word)


def _collapsed(classes: str) -> str:
    return "".join(c for k, c in enumerate(classes) if k == 0 or c != classes[k - 1])


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


def syllable(pinyin: str) -> str | None:
    """One toneless pinyin syllable in Palladius Cyrillic, or ``None`` when it is not pinyin."""
    s = pinyin.lower().replace("ü", "v")
    if s in _BUZZING:
        return _BUZZING[s]
    if s in _ZERO:
        return _ZERO[s]
    for size in (2, 1):
        initial, final = s[:size], s[size:]
        if initial in _INITIALS and final:
            if initial in ("j", "q", "x") and final.startswith("u"):
                final = "v" + final[1:]  # ju, qu, xu are jü, qü, xü
            if final in _FINALS:
                return _INITIALS[initial] + _FINALS[final]
    return None


@lru_cache(maxsize=50_000)
def palladius(chinese: str) -> str | None:
    """A Chinese name in Palladius Cyrillic (lower case, joined), or ``None`` if a syllable fails."""
    from pypinyin import lazy_pinyin

    parts = [syllable(p) for p in lazy_pinyin(chinese)]
    if not parts or any(p is None for p in parts):
        return None
    return "".join(p for p in parts if p)


def normal(text: str) -> str:
    """Letters only, lower case, without soft and hard signs and ё: what spelling conventions vary."""
    low = fold_yo(text.lower())
    return regex.sub(r"[^\p{L}]|[ьъ]", "", low)
