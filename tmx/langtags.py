"""Language tags as other tools write them (``zh_CN``, ``ZH-CN``, ``zh-Hans``, ``ru-RU``) and as we do.

TMX 1.4b takes ``xml:lang`` values from RFC 3066 / BCP 47: subtags joined by hyphens, language lower-case,
region upper-case, script title-case. OmegaT matches the source language on its first two letters only and
takes any other ``tuv`` as the target, so the reader maps variants to the pair itself and the validator
reports tags that differ from the expected ones.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ruzh.core.errors import ConfigError

RU = "ru"
ZH = "zh"
DEFAULT_ZH_TAG = "zh-CN"

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


def zh_output_tag(tag: str | None) -> str:
    """Check and canonicalise the Chinese tag asked for on the command line (default ``zh-CN``)."""
    if tag is None or not tag.strip():
        return DEFAULT_ZH_TAG
    result = canonical(tag)
    if not is_well_formed(result) or pair_side(result) != ZH:
        raise ConfigError(
            f"{tag!r} is not a Chinese language tag",
            hint="use a BCP 47 tag such as zh-CN, zh-Hans, zh-TW or zh",
        )
    return result
