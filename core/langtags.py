"""Language tags as other tools write them (``zh_CN``, ``ZH-CN``, ``zh-Hans``, ``ru-RU``) and as we do.

One policy for every output: :func:`output_tags` checks the tags asked for (``--ru-tag``, ``--zh-tag``)
once, and the TMX writer, the TBX writer and its XCS all use the :class:`OutputTags` it returns, so a
memory and a termbase of one build always name the languages alike.

TMX 1.4b takes ``xml:lang`` values from RFC 3066 / BCP 47: subtags joined by hyphens, language
lower-case, region upper-case, script title-case. OmegaT matches the source language on its first two
letters only and takes any other ``tuv`` as the target, so the reader maps variants to the pair itself
and the validator reports tags that differ from the expected ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ruzh.core.errors import ConfigError

RU = "ru"
ZH = "zh"
DEFAULT_RU_TAG = "ru"
DEFAULT_ZH_TAG = "zh-CN"
EN = "en"

# ISO 639 codes other tools use for Chinese: macrolanguage zh/zho/chi and the members cmn (Mandarin),
# yue (Cantonese), lzh (Literary Chinese) that Tatoeba labels carry.
_CHINESE_PRIMARY = frozenset({"zh", "zho", "chi", "cmn", "yue", "lzh", "wuu"})
_RUSSIAN_PRIMARY = frozenset({"ru", "rus"})
_TAG_SHAPE = re.compile(r"^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$")


def canonical(tag: str) -> str:
    """BCP 47 case and separators: ``zh_cn`` → ``zh-CN``, ``ZH-HANS`` → ``zh-Hans``; ``*all*`` unchanged."""
    tag = tag.strip()
    if tag.lower() == "*all*":
        return "*all*"
    parts = [p for p in re.split(r"[-_]", tag) if p]
    if not parts:
        return ""
    out = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha():
            out.append(part.title())  # script: Hans, Hant, Cyrl
        elif (len(part) == 2 and part.isalpha()) or (len(part) == 3 and part.isdigit()):
            out.append(part.upper())  # region: CN, TW, 419
        else:
            out.append(part.lower())
    return "-".join(out)


def is_well_formed(tag: str) -> bool:
    """Whether ``tag`` has the BCP 47 shape (hyphens, ASCII alphanumerics, 1-8 letters per subtag)."""
    return bool(_TAG_SHAPE.match(tag.strip()))


@lru_cache(maxsize=256)
def pair_side(tag: str) -> str | None:
    """``ru`` or ``zh`` for any variant of the two languages, ``None`` for any other language."""
    primary = canonical(tag).split("-", 1)[0]
    if primary in _RUSSIAN_PRIMARY:
        return RU
    if primary in _CHINESE_PRIMARY:
        return ZH
    return None


@dataclass(frozen=True, slots=True)
class OutputTags:
    """The ``xml:lang`` values written for each language (checked by :func:`output_tags`)."""

    ru: str = DEFAULT_RU_TAG
    zh: str = DEFAULT_ZH_TAG
    en: str = EN

    def of(self, lang: str) -> str:
        """The tag written for ``ru``, ``zh`` or ``en``."""
        return {RU: self.ru, ZH: self.zh, EN: self.en}[lang]


_SIDE_NAMES = {RU: ("Russian", "ru, ru-RU or ru-Cyrl"), ZH: ("Chinese", "zh-CN, zh-Hans, zh-TW or zh")}


def output_tag(tag: str | None, side: str) -> str:
    """Check and canonicalise the tag asked for one side; ``None`` gives the default.

    A given tag must be well formed BCP 47 and name the side's language: an empty tag, ``zh CN`` or
    ``en`` for the Chinese side are usage errors, never written (ruzh's validator would reject them).
    """
    if tag is None:
        return DEFAULT_RU_TAG if side == RU else DEFAULT_ZH_TAG
    name, examples = _SIDE_NAMES[side]
    result = canonical(tag)
    if not tag.strip() or not is_well_formed(result) or result == "*all*" or pair_side(result) != side:
        raise ConfigError(
            f"{tag!r} is not a {name} language tag", hint=f"use a BCP 47 tag such as {examples}"
        )
    return result


def output_tags(ru: str | None = None, zh: str | None = None) -> OutputTags:
    """The checked tags of every output (TMX, TBX and its XCS) from ``--ru-tag`` and ``--zh-tag``."""
    return OutputTags(output_tag(ru, RU), output_tag(zh, ZH))
