"""Streaming TMX reader: ``iterparse`` one ``<tu>`` at a time, clearing what it has read.

Accepts the TMX other tools write: ``srclang="*all*"``, language variants (``zh_CN``, ``ZH-CN``, ``zh-Hans``,
``ru-RU``), TMX 1.1 ``lang``, notes and props, inline elements, a BOM, a DOCTYPE (never fetched), gzip.
Entities are not expanded and nothing is loaded from the network. Units that are not a Russian–Chinese
pair are reported, never dropped silently.
"""

from __future__ import annotations

import gzip
import io
import os
import zlib
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from lxml import etree

from align.errors import InputError
from tmx.langtags import RU, ZH, canonical, pair_side
from tmx.types import TranslationUnit

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Inline elements whose content is native markup (TMX 1.4b section 3.7), not text: their content is
# left out, as OmegaT does, and the tags are reported. ``<hi>`` and ``<sub>`` hold text and keep it.
CODE_ELEMENTS = frozenset({"bpt", "ept", "ph", "it", "ut"})
GZIP_MAGIC = b"\x1f\x8b"


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


@contextmanager
def open_input(source: str | os.PathLike[str] | IO[bytes]) -> Iterator[IO[bytes]]:
    """A binary stream over ``source``, gunzipped when it starts with the gzip magic."""
    with ExitStack() as stack:
        raw: Any = source
        if isinstance(source, (str, os.PathLike)):
            raw = stack.enter_context(open(Path(source), "rb"))
        if not hasattr(raw, "peek"):
            raw = io.BufferedReader(raw)
            stack.callback(raw.detach)  # the caller's stream stays open
        if raw.peek(2)[:2] == GZIP_MAGIC:
            raw = stack.enter_context(gzip.GzipFile(fileobj=raw, mode="rb"))
        yield raw


def seg_text(seg: Any, tags: Counter[str]) -> str:
    """The text of a ``<seg>``: its own text and that of ``<hi>``/``<sub>``; native codes left out.

    Every inline tag met is counted in ``tags`` so the caller can report it.
    """
    parts = [seg.text or ""]
    for child in seg:
        tag = child.tag
        if tag is etree.Entity:
            tags[f"&{child.name};"] += 1
        elif isinstance(tag, str):
            tags[tag] += 1
            if tag not in CODE_ELEMENTS:
                parts.append(seg_text(child, tags))
            elif tag in ("bpt", "ph", "it"):
                # ``<sub>`` inside native code is translatable text (e.g. a footnote or alt text).
                parts.extend(seg_text(sub, tags) for sub in child.iter("sub"))
        parts.append(child.tail or "")
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
            line = exc.position[0] if exc.position else exc.lineno
            raise InputError(
                f"malformed TMX: {exc.msg}",
                file=self.name,
                line=line,
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
        events = etree.iterparse(
            stream,
            events=("end",),
            tag=("header", "tu"),
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            remove_comments=True,
            remove_pis=True,
            huge_tree=True,
        )
        checked_root = False
        for _, el in events:
            if not checked_root:
                checked_root = True
                self._check_root(el.getroottree().getroot())
            if el.tag == "tu":
                self.last_line = el.sourceline or 0
                unit = self._plain_unit(el)
                if unit is None:
                    unit = self._unit(el)
                el.clear(keep_tail=True)
                parent = el.getparent()
                while el.getprevious() is not None:
                    del parent[0]
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

    def _plain_unit(self, tu: Any) -> TranslationUnit | None:
        """Fast path for the common unit: one plain ru and one zh variant; ``None`` sends it to ``_unit``.

        Written flat on purpose (no dicts, no helper calls): it runs once per unit on million-unit files.
        """
        docs: list[str] = []
        zh_doc = role = bead = score_text = ru_line = zh_line = ""
        ru: str | None = None
        zh: str | None = None
        ru_lang = zh_lang = ""
        for child in tu:
            tag = child.tag
            if tag == "prop":
                kind, value = child.get("type"), child.text
                value = value.strip() if value else ""
                if kind == "x-doc":
                    docs.append(value)
                elif kind == "x-score":
                    score_text = score_text or value
                elif kind == "x-ru-line":
                    ru_line = ru_line or value
                elif kind == "x-zh-line":
                    zh_line = zh_line or value
                elif kind == "x-bead":
                    bead = bead or value
                elif kind == "x-role":
                    role = role or value
                elif kind == "x-zh-doc":
                    zh_doc = zh_doc or value
            elif tag == "tuv":
                lang = child.get(XML_LANG) or child.get("lang")
                if not lang or not len(child):
                    return None
                seg = child[-1]  # the DTD puts <seg> last; find() would cost 2 µs
                if seg.tag != "seg" or len(seg):
                    return None
                side = pair_side(lang)
                if side == RU and ru is None:
                    ru, ru_lang = seg.text or "", lang
                elif side == ZH and zh is None:
                    zh, zh_lang = seg.text or "", lang
                else:
                    return None
        if ru is None or zh is None or (score_text and not _is_number(score_text)):
            return None
        key = (ru_lang, zh_lang)
        self._pair_langs[key] = self._pair_langs.get(key, 0) + 1
        return TranslationUnit(
            ru,
            zh,
            docs[0] if docs else "",
            zh_doc,
            role,
            bead,
            float(score_text) if score_text else None,
            _int(ru_line),
            _int(zh_line),
            tu.get("tuid", ""),
            tu.get("creationdate", ""),
            tuple(docs[1:]),
        )

    def _unit(self, tu: Any) -> TranslationUnit | None:
        """One unit from a ``<tu>``, or ``None`` (reported) when it is not a Russian–Chinese pair."""
        props: dict[str, str] = {}
        docs: list[str] = []
        sides: dict[str, list[_Tuv]] = {RU: [], ZH: []}
        for child in tu:
            tag = child.tag
            if tag == "tuv":
                tuv = self._tuv(child)
                if tuv is None:
                    continue
                side = pair_side(tuv.lang)
                if side is None:
                    self._problem(tuv.line, f"language {tuv.lang!r} is neither Russian nor Chinese; ignored")
                else:
                    sides[side].append(tuv)
            elif tag == "prop":
                kind, value = child.get("type"), (child.text or "").strip()
                if kind == "x-doc":
                    docs.append(value)
                elif kind:
                    props.setdefault(kind, value)
        ru, zh = sides[RU], sides[ZH]
        if len(ru) != 1 or len(zh) != 1:
            return self._odd_unit(tu, props, docs, sides)
        return self._build(tu, props, docs, ru[0].text, zh[0].text)

    def _odd_unit(
        self, tu: Any, props: dict[str, str], docs: list[str], sides: dict[str, list[_Tuv]]
    ) -> TranslationUnit | None:
        """A unit missing a side (reported and skipped) or with several variants of one (first used)."""
        line = tu.sourceline or 0
        if not sides[RU] or not sides[ZH]:
            missing = " and ".join(n for n, s in (("Russian", RU), ("Chinese", ZH)) if not sides[s])
            self._problem(line, f"unit skipped: no {missing} variant")
            self.skipped += 1
            return None
        for side, tuvs in sides.items():
            if len(tuvs) > 1:
                langs = ", ".join(t.lang for t in tuvs)
                self._problem(line, f"{len(tuvs)} variants for {side} ({langs}); the first is used")
        return self._build(tu, props, docs, sides[RU][0].text, sides[ZH][0].text)

    def _tuv(self, tuv: Any) -> _Tuv | None:
        lang = tuv.get(XML_LANG) or tuv.get("lang") or ""
        if not lang:
            self._problem(tuv.sourceline or 0, "<tuv> without xml:lang; ignored")
            return None
        self._langs[lang] += 1
        seg = tuv.find("seg")
        if seg is None:
            self._problem(tuv.sourceline or 0, f"<tuv xml:lang={lang!r}> without <seg>; ignored")
            return None
        if not len(seg):  # plain text, the common case
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

    def _build(self, tu: Any, props: dict[str, str], docs: list[str], ru: str, zh: str) -> TranslationUnit:
        score: float | None = None
        if "x-score" in props:
            try:
                score = float(props["x-score"])
            except ValueError:
                self._problem(tu.sourceline or 0, f"x-score {props['x-score']!r} is not a number; ignored")
        get = props.get
        return TranslationUnit(
            ru=ru,
            zh=zh,
            doc=docs[0] if docs else "",
            zh_doc=get("x-zh-doc", ""),
            role=get("x-role", ""),
            bead=get("x-bead", ""),
            score=score,
            ru_line=_int(get("x-ru-line")),
            zh_line=_int(get("x-zh-line")),
            tuid=tu.get("tuid", ""),
            created=tu.get("creationdate", ""),
            also_in=tuple(docs[1:]),
        )


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _int(value: str | None) -> int:
    return int(value) if value and value.isdigit() else 0


def read_tmx(
    source: str | os.PathLike[str] | IO[bytes], name: str | None = None
) -> Iterator[TranslationUnit]:
    """The units of a TMX file, streamed (problems are dropped: use :class:`TmxReader` to see them)."""
    return iter(TmxReader(source, name))
