"""Check a TMX file the way a CAT tool will meet it: XML characters, structure, languages, duplicates.

OmegaT drops a whole file for one illegal character, compares only the first two letters of the source
language and takes any other variant as the target, and lets the later of two units with the same source
win; this module reports each of those cases instead of letting a tool decide silently. Structure is
checked against the TMX 1.4 DTD when one is given, unit by unit, so memory stays flat.
"""

from __future__ import annotations

import codecs
import gzip
import hashlib
import os
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import IO, Any, cast

from lxml import etree
from ruzh.core.errors import ConfigError, InputError
from ruzh.core.langtags import RU, ZH, OutputTags, canonical, is_well_formed, pair_side
from ruzh.core.xmlchars import blank_illegal, find_illegal, find_illegal_refs
from ruzh.tmx.reader import XML_LANG
from ruzh.tmx.safexml import error_line, iterparse_safely, open_input, release
from ruzh.tmx.writer import normalise_text

ERROR = "error"
WARNING = "warning"
REQUIRED_HEADER = (
    "creationtool",
    "creationtoolversion",
    "segtype",
    "o-tmf",
    "adminlang",
    "srclang",
    "datatype",
)
SEGTYPES = frozenset({"block", "paragraph", "sentence", "phrase"})
ENCODING_NAME = re.compile(
    r"^(utf-?8|utf-?16|iso-?8859.*|windows-?125\d|cp125\d|ascii|gb2312|gbk|koi8-?r)$", re.I
)


@dataclass(frozen=True, slots=True)
class Problem:
    """One finding of the validator."""

    severity: str
    file: str
    line: int
    code: str
    message: str

    def render(self) -> str:
        """``file:line: severity [code] message``."""
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.severity} [{self.code}] {self.message}"


def _decoded_lines(stream: IO[bytes]) -> Iterator[str]:
    """Lines of the raw file, decoded as UTF-8 (or UTF-16 when it starts with a UTF-16 BOM)."""
    head = stream.read(4)
    encoding = "utf-16" if head[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE) else "utf-8-sig"
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    pending = decoder.decode(head)
    for chunk in iter(lambda: stream.read(1 << 20), b""):
        pending += decoder.decode(chunk)
        *lines, pending = pending.split("\n")
        yield from lines
    pending += decoder.decode(b"", final=True)
    yield pending


def scan_characters(source: str | os.PathLike[str] | IO[bytes], name: str) -> list[Problem]:
    """Every XML-illegal character or character reference in the raw file, with line and column."""
    problems: list[Problem] = []
    number = 0
    try:
        with open_input(source) as stream:
            for number, line in enumerate(_decoded_lines(stream), start=1):
                chars, refs = find_illegal(line.rstrip("\r")), find_illegal_refs(line)
                if not chars and not refs:
                    continue
                found = [("", bad) for bad in chars] + [("character reference to ", bad) for bad in refs]
                problems.extend(
                    Problem(
                        ERROR,
                        name,
                        number,
                        "illegal-char",
                        f"{what}{bad.describe()} at column {bad.offset + 1} is not allowed in XML 1.0",
                    )
                    for what, bad in found
                )
    except UnicodeDecodeError as exc:
        problems.append(Problem(ERROR, name, number + 1, "encoding", f"not valid UTF-8/UTF-16: {exc.reason}"))
    return problems


def _digest(text: str) -> bytes:
    return hashlib.blake2b(normalise_text(text).encode("utf-8", "surrogatepass"), digest_size=12).digest()


class _Checker:
    """Structure, language and duplicate checks over one parse."""

    def __init__(self, name: str, tags: OutputTags, dtd: Any) -> None:
        self.name = name
        self.expected = {RU: canonical(tags.ru), ZH: canonical(tags.zh)}
        self.dtd = dtd
        self.problems: list[Problem] = []
        self.srclang = ""
        self.pairs: dict[bytes, int] = {}  # digests keep memory small on large memories
        self.sources: dict[bytes, tuple[bytes, int]] = {}
        self.tuids: dict[str, int] = {}

    def add(self, severity: str, line: int, code: str, message: str) -> None:
        self.problems.append(Problem(severity, self.name, line, code, message))

    def check_dtd(self, el: Any) -> None:
        if self.dtd is None or self.dtd.validate(el):
            return
        for entry in self.dtd.error_log:
            if "xmlns:xml" not in entry.message:
                self.add(ERROR, el.sourceline or 0, "dtd", entry.message)

    def header(self, el: Any) -> None:
        line = el.sourceline or 0
        self.check_dtd(el)
        for attr in REQUIRED_HEADER:
            if not el.get(attr):
                self.add(ERROR, line, "header", f"the header lacks the required attribute {attr!r}")
        segtype = el.get("segtype", "")
        if segtype and segtype not in SEGTYPES:
            self.add(
                ERROR, line, "header", f"segtype {segtype!r} is not one of {', '.join(sorted(SEGTYPES))}"
            )
        if ENCODING_NAME.match(el.get("o-tmf", "")):
            self.add(WARNING, line, "header", "o-tmf names the original TM format, not an encoding")
        self.srclang = el.get("srclang", "")
        if self.srclang and self.srclang != "*all*" and pair_side(self.srclang) != RU:
            self.add(ERROR, line, "language", f"srclang {self.srclang!r} is not Russian (expected ru)")

    def tu(self, el: Any) -> None:
        line = el.sourceline or 0
        self.check_dtd(el)
        tuid = el.get("tuid")
        if tuid:
            if tuid in self.tuids:
                self.add(
                    ERROR, line, "duplicate-tuid", f"tuid {tuid!r} already used at line {self.tuids[tuid]}"
                )
            else:
                self.tuids[tuid] = line
        self.attributes(el, line)
        texts = self.variants(el)
        if self.srclang and self.srclang != "*all*" and RU not in texts:
            self.add(ERROR, line, "language", f"no variant in the header's srclang {self.srclang!r}")
        if RU in texts and ZH in texts:
            self.duplicates(line, texts[RU], texts[ZH])
        elif texts or el.find("tuv") is None:
            missing = " and ".join(n for n, s in (("Russian", RU), ("Chinese", ZH)) if s not in texts)
            self.add(ERROR, line, "language", f"the unit has no {missing} variant")

    def attributes(self, el: Any, line: int) -> None:
        """Dates in TMX's form (YYYYMMDDThhmmssZ) and scores that are numbers in [0, 1]."""
        for name in ("creationdate", "changedate", "lastusagedate"):
            value = el.get(name)
            if value is not None and not _valid_date(value):
                self.add(WARNING, line, "date", f"{name}={value!r} is not a TMX date (YYYYMMDDThhmmssZ)")
        for prop in el.iterchildren("prop"):
            if prop.get("type") == "x-score" and not _valid_score(prop.text or ""):
                self.add(WARNING, prop.sourceline or line, "score", f"x-score {prop.text!r} is not in [0, 1]")

    def variants(self, el: Any) -> dict[str, str]:
        texts: dict[str, str] = {}
        for tuv in el.iterchildren("tuv"):
            line = tuv.sourceline or 0
            lang = tuv.get(XML_LANG) or tuv.get("lang") or ""
            side = pair_side(lang) if lang else None
            if not lang:
                self.add(ERROR, line, "language", "a <tuv> without xml:lang")
            elif side is None:
                self.add(ERROR, line, "language", f"{lang!r} is neither Russian nor Chinese")
            elif not is_well_formed(lang):
                self.add(
                    WARNING, line, "language", f"{lang!r} is not a BCP 47 tag (write {canonical(lang)!r})"
                )
            elif canonical(lang) != self.expected[side]:
                name = "Chinese" if side == ZH else "Russian"
                self.add(
                    WARNING, line, "language", f"{name} tagged {lang!r}, expected {self.expected[side]!r}"
                )
            seg = tuv.find("seg")
            if seg is None:
                continue
            if len(seg):
                tags = sorted({c.tag for c in seg if isinstance(c.tag, str)})
                self.add(WARNING, line, "inline", f"inline elements {tags} (not Level 1 plain text)")
            text = "".join(seg.itertext())
            if not text.strip():
                self.add(WARNING, line, "empty", f"empty segment in {lang!r}")
            elif text != text.strip():
                self.add(
                    WARNING, line, "whitespace", "leading or trailing whitespace (tools copy it into targets)"
                )
            if side and side not in texts:
                texts[side] = text
        return texts

    def duplicates(self, line: int, ru: str, zh: str) -> None:
        ru_key, zh_key = _digest(ru), _digest(zh)
        pair_key = ru_key + zh_key
        if pair_key in self.pairs:
            self.add(WARNING, line, "duplicate", f"same pair as the unit at line {self.pairs[pair_key]}")
            return
        self.pairs[pair_key] = line
        first = self.sources.setdefault(ru_key, (zh_key, line))
        if first[0] != zh_key:
            self.add(
                WARNING,
                line,
                "conflict",
                f"same source as the unit at line {first[1]} with another target (tools keep only one)",
            )


def _valid_date(value: str) -> bool:
    try:
        datetime.strptime(value, "%Y%m%dT%H%M%SZ")
    except ValueError:
        return False
    return True


def _valid_score(text: str) -> bool:
    try:
        value = float(text)
    except ValueError:
        return False
    return 0.0 <= value <= 1.0


def validate_tmx(
    source: str | os.PathLike[str] | IO[bytes],
    *,
    name: str | None = None,
    tags: OutputTags | None = None,
    dtd: str | os.PathLike[str] | None = None,
) -> list[Problem]:
    """Every problem found in a TMX file (``source`` must be a path to be read twice, or seekable).

    ``tags`` are the languages expected (default: what ``ruzh`` writes by default). A truncated or
    corrupt gzip stream is an :class:`InputError`; a missing or broken DTD a :class:`ConfigError`.
    """
    label = name or (str(source) if isinstance(source, (str, os.PathLike)) else "<stdin>")
    checker = _Checker(label, tags or OutputTags(), load_dtd(dtd) if dtd else None)
    problems: list[Problem] = []
    try:
        problems = scan_characters(source, label)
        if not isinstance(source, (str, os.PathLike)):
            source.seek(0)
        _walk(source, checker, blank=bool(problems))
    except etree.XMLSyntaxError as exc:
        line = error_line(exc)
        if not any(p.code == "illegal-char" and p.line == line for p in problems):
            checker.add(ERROR, line, "xml", f"malformed XML: {exc.msg}")
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        raise InputError(
            f"cannot read the compressed TMX: {exc or 'the stream ends early'}",
            file=label,
            hint="the .gz file is truncated or damaged: compress the TMX again",
        ) from None
    return problems + checker.problems


class _Blanked:
    """A binary stream read through :func:`blank_illegal` chunk by chunk, for the structure checks of a
    file with illegal characters (reported already): the parser stops at the first one (libxml2 2.14
    before it hands over any of what it read). A character reference cut by a chunk's end waits for
    the next chunk."""

    LONGEST_REF = 16  # bytes of the longest reference held back (&#x10FFFF; is 10)

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream, self.held = stream, b""

    def read(self, size: int = -1) -> bytes:
        while True:
            chunk = self.stream.read(size)
            data, self.held = self.held + chunk, b""
            if not chunk:
                return blank_illegal(data)
            cut = data.rfind(b"&")
            if cut != -1 and b";" not in data[cut:] and len(data) - cut <= self.LONGEST_REF:
                data, self.held = data[:cut], data[cut:]
            if data:  # an empty read would end the parse
                return blank_illegal(data)


def load_dtd(path: str | os.PathLike[str]) -> Any:
    """The TMX DTD to check against; a missing or unparsable file is a usage error (exit 2)."""
    try:
        with open(path, "rb") as handle:
            return etree.DTD(handle)
    except OSError as exc:
        raise ConfigError(
            f"cannot read the DTD: {exc.strerror or exc}", file=str(path), hint="give the path of tmx14.dtd"
        ) from None
    except etree.DTDParseError as exc:
        raise ConfigError(
            f"the DTD does not parse: {exc}", file=str(path), hint="give the TMX 1.4 DTD (tmx14.dtd)"
        ) from None


def _walk(source: str | os.PathLike[str] | IO[bytes], checker: _Checker, blank: bool = False) -> None:
    """The structure checks in one pass; ``blank``: past illegal characters (:class:`_Blanked`), unless
    the file is UTF-16, whose bytes are no ASCII (then the parser's error ends the checks)."""
    with open_input(source) as raw:
        utf16 = cast(Any, raw).peek(2)[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)  # buffered
        stream: Any = _Blanked(raw) if blank and not utf16 else raw
        events = iterparse_safely(stream, events=("start", "end"))
        seen_root = seen_header = seen_body = False
        for event, el in events:
            if not seen_root:
                seen_root = True
                if el.tag != "tmx":
                    raise InputError(
                        f"not a TMX file: the root element is <{el.tag}>",
                        file=checker.name,
                        line=el.sourceline,
                        hint="give a TMX file whose root element is <tmx>",
                    )
                if el.get("version") not in ("1.4", "1.4b"):
                    checker.add(
                        WARNING,
                        el.sourceline or 0,
                        "version",
                        f"TMX version {el.get('version')!r}, expected 1.4",
                    )
            if event == "start":
                seen_body = seen_body or el.tag == "body"
                continue
            if el.tag == "header":
                seen_header = True
                checker.header(el)
                el.clear(keep_tail=True)
            elif el.tag == "tu":
                checker.tu(el)
                release(el)
        if not seen_header:
            checker.add(ERROR, 0, "structure", "no <header>")
        if not seen_body:
            checker.add(ERROR, 0, "structure", "no <body>")


def has_errors(problems: list[Problem]) -> bool:
    """Whether any problem is an error (the command then exits 1)."""
    return any(p.severity == ERROR for p in problems)
