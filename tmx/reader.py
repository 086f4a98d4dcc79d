"""Streaming TMX reader: ``iterparse`` one ``<tu>`` at a time, clearing what it has read.

Accepts the TMX other tools write: ``srclang="*all*"``, language variants (``zh_CN``, ``ZH-CN``, ``zh-Hans``,
``ru-RU``), TMX 1.1 ``lang``, notes and props, inline elements, a BOM, a DOCTYPE (never fetched), gzip.
Entities are not expanded and nothing is loaded from the network. Units that are not a Russian–Chinese
pair are reported, never dropped silently.
"""

from __future__ import annotations

import math
import os
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from lxml import etree
from ruzh.core.errors import InputError
from ruzh.core.langtags import RU, ZH, canonical, pair_side
from ruzh.tmx.safexml import error_line, iterparse_safely, open_input, release
from ruzh.tmx.types import TranslationUnit

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XML_LANG_KEY = XML_LANG.encode()  # lxml skips re-encoding and checking a bytes key: cheaper per call
# Inline elements whose content is native markup (TMX 1.4b section 3.7), not text: their content is
# left out, as OmegaT does, and the tags are reported. ``<hi>`` and ``<sub>`` hold text and keep it.
CODE_ELEMENTS = frozenset({"bpt", "ept", "ph", "it", "ut"})
# Units read between two releases of the tree built so far (a few hundred kB at most): one call
# frees a batch, cheaper than one per unit.
RELEASE_EVERY = 64
# The props a unit keeps, in the order ``_build`` unpacks them (``x-doc`` may repeat and is kept apart).
PROP_SLOTS = {"x-zh-doc": 0, "x-role": 1, "x-bead": 2, "x-score": 3, "x-ru-line": 4, "x-zh-line": 5}


@dataclass(frozen=True, slots=True)
class ReadProblem:
    """Something in the input worth telling the user: where and what."""

    file: str
    line: int
    message: str

    def render(self) -> str:
        """``file:line: message`` for the log."""
        return f"{self.file}:{self.line}: {self.message}" if self.line else f"{self.file}: {self.message}"


@dataclass
class TmxHeader:
    """The header's attributes, its props (type → values) and notes."""

    attrs: dict[str, str] = field(default_factory=dict)
    props: dict[str, list[str]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    line: int = 0

    @property
    def signature(self) -> str:
        """The settings signature a ruzh writer recorded, or ``""``."""
        return (self.props.get("x-ruzh-signature") or [""])[0]


@dataclass
class _Tuv:
    lang: str
    text: str
    element: Any

    @property
    def line(self) -> int:
        """Looked up only when a problem is reported (``sourceline`` costs a call per element)."""
        return int(self.element.sourceline or 0)


def seg_text(seg: Any, tags: Counter[str]) -> str:
    """The text of a ``<seg>``: its own text and that of ``<hi>``/``<sub>``; native codes left out.

    Every inline tag met is counted in ``tags`` so the caller can report it. Walked with an explicit
    stack, not recursion: a hostile file nests ``<hi>`` thousands deep.
    """
    parts: list[str] = []
    stack: list[Any] = [seg]  # elements whose text and children are read, and tails (str) to append
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            parts.append(item)
            continue
        parts.append(item.text or "")
        pending: list[Any] = []
        for child in item:
            tag = child.tag
            if tag is etree.Entity:
                tags[f"&{child.name};"] += 1
            elif isinstance(tag, str):
                tags[tag] += 1
                if tag not in CODE_ELEMENTS:
                    pending.append(child)
                elif tag in ("bpt", "ph", "it"):
                    # ``<sub>`` inside native code is translatable text (e.g. a footnote or alt text).
                    pending.extend(child.iter("sub"))
            pending.append(child.tail or "")
        stack.extend(reversed(pending))
    return "".join(parts)


class TmxReader:
    """Iterate the Russian–Chinese units of a TMX file; ``header``, ``problems`` and counts fill up."""

    def __init__(self, source: str | os.PathLike[str] | IO[bytes], name: str | None = None) -> None:
        self.source = source
        self.name = name or (str(source) if isinstance(source, (str, os.PathLike)) else "<stdin>")
        self.header = TmxHeader()
        self.problems: list[ReadProblem] = []
        self._langs: Counter[str] = Counter()  # tags counted on the general path
        self._pair_langs: dict[tuple[str, str], int] = {}  # (ru tag, zh tag) counted on the fast path
        self.inline_tags: Counter[str] = Counter()
        self.read = 0
        self.skipped = 0
        self.last_line = 0  # line of the <tu> of the unit just yielded
        self._last_tu: Any = None

    def text_line(self, text: str, side: str | None = None) -> int:
        """The line where ``text`` starts inside a ``<seg>`` of the unit just yielded, looking first in
        the ``side`` (``ru``/``zh``) named; the ``<tu>`` line when it is not found. A finding then
        points at the offending text, not at its unit. Looked up only for units with findings: the
        element stays in memory until a later unit releases it."""
        tu = self._last_tu
        if tu is None or not text:
            return self.last_line
        tuvs = sorted(
            tu.iterchildren("tuv"), key=lambda t: pair_side(t.get(XML_LANG) or t.get("lang") or "") != side
        )
        for tuv in tuvs:
            for seg in tuv.iterchildren("seg"):
                content = "".join(seg.itertext())
                at = content.find(text)
                if at >= 0:
                    return int(seg.sourceline or self.last_line) + content.count("\n", 0, at)
        return self.last_line

    @property
    def lang_counts(self) -> Counter[str]:
        """How often each ``xml:lang`` value was seen, as written in the file."""
        counts = Counter(self._langs)
        for (ru, zh), n in self._pair_langs.items():
            counts[ru] += n
            counts[zh] += n
        return counts

    def _problem(self, line: int, message: str) -> None:
        self.problems.append(ReadProblem(self.name, line, message))

    def __iter__(self) -> Iterator[TranslationUnit]:
        try:
            with open_input(self.source) as stream:
                yield from self._parse(stream)
        except etree.XMLSyntaxError as exc:
            raise InputError(
                f"malformed TMX: {exc.msg}",
                file=self.name,
                line=error_line(exc),
                hint="fix the XML there (an unescaped '&' or '<', a control character, a tag left open)",
            ) from None
        except (OSError, EOFError, zlib.error) as exc:
            raise InputError(
                f"cannot read TMX: {exc}",
                file=self.name,
                hint="check that the file is TMX or gzip-compressed TMX",
            ) from None

    def _parse(self, stream: IO[bytes]) -> Iterator[TranslationUnit]:
        # Only these two elements raise events: the others are read from their <tu> in one go.
        # On a million ruzh units (perf counters), libxml2's parsing and tree building take about half
        # the instructions, the lxml calls of ``_unit`` a quarter, building the frozen units a tenth.
        events = iterparse_safely(stream, tag=("header", "tu"))
        unit_of = self._unit
        checked_root = False
        pending = 0
        for _, el in events:
            if not checked_root:
                checked_root = True
                self._check_root(el.getroottree().getroot())
            if el.tag == "tu":
                self.last_line = el.sourceline or 0
                self._last_tu = el
                unit = unit_of(el)
                pending += 1
                if pending == RELEASE_EVERY:
                    pending = 0
                    release(el)
                if unit is not None:
                    self.read += 1
                    yield unit
            elif el.tag == "header":
                self._read_header(el)
                el.clear(keep_tail=True)
        if not checked_root:
            self._check_root(events.root)

    def _check_root(self, root: Any) -> None:
        if root is None or root.tag != "tmx":
            raise InputError(
                f"not a TMX file: the root element is <{getattr(root, 'tag', '?')}>",
                file=self.name,
                line=getattr(root, "sourceline", None),
                hint="give a TMX file whose root element is <tmx>",
            )

    def _read_header(self, el: Any) -> None:
        self.header.attrs = {str(k): str(v) for k, v in el.attrib.items()}
        self.header.line = el.sourceline or 0
        for child in el:
            if child.tag == "prop":
                self.header.props.setdefault(child.get("type", ""), []).append(child.text or "")
            elif child.tag == "note":
                self.header.notes.append(child.text or "")

    def _unit(self, tu: Any) -> TranslationUnit | None:
        """One unit from a ``<tu>``, or ``None`` (reported) when it is not a Russian–Chinese pair.

        One pass over the children reads the props and the common unit's texts (one ru and one zh
        variant, each a ``<seg>`` of plain text); any other unit goes to ``_odd_pair``. Written flat on
        purpose: it runs once per unit on million-unit files, where each lxml call costs ~0.3 µs.
        """
        slot_of = PROP_SLOTS.get
        props = [""] * len(PROP_SLOTS)  # the first non-empty value of each prop type kept
        docs: list[str] = []  # every x-doc in order: the unit's own, then where it recurs
        ru: str | None = None
        zh: str | None = None
        ru_lang = zh_lang = ""
        plain = True
        for child in tu:
            tag = child.tag
            if tag == "prop":
                kind, value = child.get(b"type"), child.text
                slot = slot_of(kind)
                if slot is not None:
                    if value and not props[slot]:
                        props[slot] = value.strip()
                elif kind == "x-doc":
                    docs.append(value.strip() if value else "")
            elif tag == "tuv":
                lang = child.get(XML_LANG_KEY) or child.get(b"lang")
                if plain and lang and len(child) == 1:
                    seg = child[0]  # a lone <seg>; anything else (notes, two segs) takes the long way
                    if seg.tag == "seg" and not len(seg):
                        side = pair_side(lang)
                        if side == RU and ru is None:
                            ru, ru_lang = seg.text or "", lang
                            continue
                        if side == ZH and zh is None:
                            zh, zh_lang = seg.text or "", lang
                            continue
                plain = False
        if plain and ru is not None and zh is not None:
            key = (ru_lang, zh_lang)
            self._pair_langs[key] = self._pair_langs.get(key, 0) + 1
            return self._build(tu, props, docs, ru, zh)
        pair = self._odd_pair(tu)
        return None if pair is None else self._build(tu, props, docs, *pair)

    def _build(self, tu: Any, props: list[str], docs: list[str], ru: str, zh: str) -> TranslationUnit:
        zh_doc, role, bead, score_text, ru_line, zh_line = props
        score: float | None = None
        if score_text:
            try:
                score = float(score_text)
            except ValueError:
                self._problem(tu.sourceline or 0, f"x-score {score_text!r} is not a number; ignored")
            else:
                if not math.isfinite(score):  # NaN passes every comparison and breaks JSON
                    self._problem(
                        tu.sourceline or 0, f"x-score {score_text!r} is not a finite number; ignored"
                    )
                    score = None
        return TranslationUnit(
            ru,
            zh,
            docs[0] if docs else "",
            zh_doc,
            role,
            bead,
            score,
            int(ru_line) if ru_line.isdecimal() else 0,
            int(zh_line) if zh_line.isdecimal() else 0,
            tu.get(b"tuid", ""),
            tu.get(b"creationdate", ""),
            tuple(docs[1:]),
        )

    def _odd_pair(self, tu: Any) -> tuple[str, str] | None:
        """The texts of a unit with inline markup, other languages or several variants of a side (the
        first is used), each reported; ``None`` (reported, skipped) when a side is missing."""
        sides: dict[str, list[_Tuv]] = {RU: [], ZH: []}
        for element in tu.iterchildren("tuv"):
            tuv = self._tuv(element)
            if tuv is None:
                continue
            side = pair_side(tuv.lang)
            if side is None:
                self._problem(tuv.line, f"language {tuv.lang!r} is neither Russian nor Chinese; ignored")
            else:
                sides[side].append(tuv)
        line = tu.sourceline or 0
        if not sides[RU] or not sides[ZH]:
            missing = " and ".join(n for n, s in (("Russian", RU), ("Chinese", ZH)) if not sides[s])
            self._problem(line, f"unit skipped: no {missing} variant")
            self.skipped += 1
            return None
        for side, found in sides.items():
            if len(found) > 1:
                langs = ", ".join(t.lang for t in found)
                self._problem(line, f"{len(found)} variants for {side} ({langs}); the first is used")
        return sides[RU][0].text, sides[ZH][0].text

    def _tuv(self, tuv: Any) -> _Tuv | None:
        lang = tuv.get(XML_LANG) or tuv.get("lang") or ""
        if not lang:
            self._problem(tuv.sourceline or 0, "<tuv> without xml:lang; ignored")
            return None
        self._langs[lang] += 1
        segs = tuv.findall("seg")
        if not segs:
            self._problem(tuv.sourceline or 0, f"<tuv xml:lang={lang!r}> without <seg>; ignored")
            return None
        seg = segs[0]
        for extra in segs[1:]:
            text = "".join(extra.itertext())
            self._problem(
                extra.sourceline or 0,
                f"a second <seg> in the {canonical(lang)} variant is left out ({text[:60]!r}); "
                "TMX allows one <seg> per <tuv>",
            )
        if not len(seg):  # plain text
            return _Tuv(lang, seg.text or "", tuv)
        tags: Counter[str] = Counter()
        text = seg_text(seg, tags)
        self.inline_tags.update(tags)
        listed = ", ".join(f"<{t}>" if not t.startswith("&") else t for t in sorted(tags))
        self._problem(
            tuv.sourceline or 0,
            f"inline markup in the {canonical(lang)} segment ({listed}): text kept, codes left out",
        )
        return _Tuv(lang, text, tuv)


def read_tmx(
    source: str | os.PathLike[str] | IO[bytes], name: str | None = None
) -> Iterator[TranslationUnit]:
    """The units of a TMX file, streamed (problems are dropped: use :class:`TmxReader` to see them)."""
    return iter(TmxReader(source, name))
