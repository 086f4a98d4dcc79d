"""Streaming TMX 1.4b writer: one ``<tu>`` at a time through ``lxml.etree.xmlfile``, memory flat.

The header carries the seven attributes TMX 1.4b requires (section 3 of the specification): ``o-tmf``
names the format the memory came from (not an encoding), ``srclang`` is Russian, ``segtype`` is
``sentence`` and ``datatype`` ``plaintext`` because every segment is one plain sentence (Level 1, no inline
tags). Each unit gets a stable ``tuid``, a ``creationdate`` (pinned by ``SOURCE_DATE_EPOCH``) and ``x-``
props for its provenance. Characters XML 1.0 cannot carry are reported and never written.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import re
import time
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, ExitStack, contextmanager
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import IO, Any

from lxml import etree

from align.atomicio import atomic_write
from align.errors import ConfigError
from tmx.langtags import DEFAULT_ZH_TAG, RU
from tmx.types import TranslationUnit
from tmx.xmlchars import strip_illegal

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DOCTYPE = '<!DOCTYPE tmx SYSTEM "tmx14.dtd">'
TMX_DATE = re.compile(r"^\d{8}T\d{6}Z$")
SIGNATURE_PROP = "x-ruzh-signature"


def _version() -> str:
    try:
        return metadata.version("ruzh")
    except metadata.PackageNotFoundError:
        return "0+unknown"


def tmx_date(epoch: float | None = None) -> str:
    """A TMX date (``YYYYMMDDThhmmssZ``, UTC) for ``epoch``, ``SOURCE_DATE_EPOCH`` or now, in that order."""
    if epoch is None:
        pinned = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
        if pinned:
            try:
                epoch = int(pinned)
            except ValueError:
                raise ConfigError(
                    f"SOURCE_DATE_EPOCH={pinned!r} is not an integer",
                    hint="set it to seconds since 1970-01-01 UTC, e.g. SOURCE_DATE_EPOCH=1700000000",
                ) from None
        else:
            epoch = time.time()
    return time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(epoch))


def normalise_text(text: str) -> str:
    """NFC with runs of whitespace folded to one space: the form identity and ``tuid`` are computed on."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def stable_tuid(ru: str, zh: str, doc: str = "") -> str:
    """A ``tuid`` that depends only on the normalised pair and its document, so re-runs give the same ids."""
    key = "\x1f".join((doc, normalise_text(ru), normalise_text(zh)))
    return hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class TmxSettings:
    """What goes into the header and how units are written."""

    zh_tag: str = DEFAULT_ZH_TAG
    adminlang: str = "en"
    o_tmf: str = "ruzh"
    signature: str = ""
    creationtool: str = "ruzh"
    creationtoolversion: str = field(default_factory=_version)
    strict: bool = False


@dataclass(frozen=True, slots=True)
class WriteProblem:
    """Something changed or left out while writing: where it came from and what happened."""

    file: str
    line: int
    tuid: str
    message: str

    def render(self) -> str:
        """``file:line: message`` for the log."""
        where = self.file or "<unknown>"
        if self.line:
            where += f":{self.line}"
        return f"{where}: {self.message}"


@dataclass
class WriteReport:
    """How many units were written or skipped, and every problem found on the way."""

    written: int = 0
    skipped: int = 0
    problems: list[WriteProblem] = field(default_factory=list)


def _clean_side(
    text: str, side: str, unit: TranslationUnit, tuid: str, report: WriteReport
) -> tuple[str, bool]:
    """Trimmed text without illegal characters; ``True`` when characters had to go (each reported)."""
    cleaned, found = strip_illegal(text)
    file, line = (unit.doc, unit.ru_line) if side == "ru" else (unit.zh_doc or unit.doc, unit.zh_line)
    name = "Russian" if side == "ru" else "Chinese"
    for bad in found:
        report.problems.append(
            WriteProblem(
                file,
                line,
                tuid,
                f"{bad.describe()} at column {bad.offset + 1} of the {name} text cannot be written in XML",
            )
        )
    return cleaned.strip(), bool(found)


def _prop(parent: etree._Element, kind: str, value: str) -> None:
    prop = etree.SubElement(parent, "prop", type=kind)
    prop.text = strip_illegal(value)[0]
    prop.tail = "\n      "


def _tu_element(unit: TranslationUnit, ru: str, zh: str, tuid: str, created: str, zh_tag: str) -> Any:
    """The ``<tu>`` element of one unit, indented, with ``x-`` props for its provenance."""
    tu = etree.Element("tu", tuid=tuid, creationdate=created)
    tu.text = "\n      "
    for doc in (unit.doc, *unit.also_in):
        if doc:
            _prop(tu, "x-doc", doc)
    if unit.zh_doc and unit.zh_doc != unit.doc:
        _prop(tu, "x-zh-doc", unit.zh_doc)
    if unit.role:
        _prop(tu, "x-role", unit.role)
    if unit.bead:
        _prop(tu, "x-bead", unit.bead)
    if unit.score is not None:
        _prop(tu, "x-score", f"{unit.score:.4f}")
    if unit.ru_line:
        _prop(tu, "x-ru-line", str(unit.ru_line))
    if unit.zh_line:
        _prop(tu, "x-zh-line", str(unit.zh_line))
    for lang, text in ((RU, ru), (zh_tag, zh)):
        tuv = etree.SubElement(tu, "tuv", {XML_LANG: lang})
        etree.SubElement(tuv, "seg").text = text
        tuv.tail = "\n      "
    tuv.tail = "\n    "
    return tu


class TmxWriter(AbstractContextManager["TmxWriter"]):
    """Write units to a binary stream one by one: ``with TmxWriter(out, settings) as w: w.write(unit)``."""

    def __init__(self, stream: IO[bytes], settings: TmxSettings | None = None) -> None:
        self.settings = settings or TmxSettings()
        self.report = WriteReport()
        self.created = tmx_date()
        self._stream = stream
        self._stack = ExitStack()
        self._xf: Any = None
        self._tmx: Any = None
        self._body: Any = None

    def __enter__(self) -> TmxWriter:
        self._xf = self._stack.enter_context(etree.xmlfile(self._stream, encoding="UTF-8"))
        self._xf.write_declaration()
        self._xf.write_doctype(DOCTYPE)
        self._tmx = self._xf.element("tmx", version="1.4")
        self._tmx.__enter__()
        self._xf.write("\n  ", self._header())
        self._xf.write("\n  ")
        self._body = self._xf.element("body")
        self._body.__enter__()
        return self

    def _header(self) -> Any:
        """The ``<header>`` with all seven required attributes and the settings signature."""
        s = self.settings
        header = etree.Element(
            "header",
            {
                "creationtool": s.creationtool,
                "creationtoolversion": s.creationtoolversion,
                "segtype": "sentence",
                "o-tmf": s.o_tmf,
                "adminlang": s.adminlang,
                "srclang": RU,
                "datatype": "plaintext",
                "creationdate": self.created,
            },
        )
        if s.signature:
            header.text = "\n    "
            prop = etree.SubElement(header, "prop", type=SIGNATURE_PROP)
            prop.text = strip_illegal(s.signature)[0]
            prop.tail = "\n  "
        return header

    def write(self, unit: TranslationUnit) -> bool:
        """Write one unit; ``False`` when it was skipped (reason in ``report.problems``)."""
        tuid = unit.tuid or stable_tuid(unit.ru, unit.zh, unit.doc)
        ru, ru_bad = _clean_side(unit.ru, "ru", unit, tuid, self.report)
        zh, zh_bad = _clean_side(unit.zh, "zh", unit, tuid, self.report)
        reason = ""
        if self.settings.strict and (ru_bad or zh_bad):
            reason = "unit skipped (--strict) because of characters XML cannot carry"
        elif not ru or not zh:
            reason = "unit skipped because its " + ("Russian" if not ru else "Chinese") + " side is empty"
        if reason:
            self.report.skipped += 1
            self.report.problems.append(WriteProblem(unit.doc, unit.ru_line, tuid, reason))
            return False
        created = unit.created if TMX_DATE.match(unit.created) else self.created
        self._xf.write("\n    ", _tu_element(unit, ru, zh, tuid, created, self.settings.zh_tag))
        self.report.written += 1
        return True

    def __exit__(self, *exc: Any) -> None:
        try:
            if exc[0] is None:
                self._xf.write("\n  ")
                self._body.__exit__(None, None, None)
                self._xf.write("\n")
                self._tmx.__exit__(None, None, None)
        finally:
            self._stack.__exit__(*exc)
        if exc[0] is None:
            self._stream.write(b"\n")


def write_stream(
    stream: IO[bytes], units: Iterable[TranslationUnit], settings: TmxSettings | None = None
) -> WriteReport:
    """Write all ``units`` as one TMX document to an open binary stream."""
    with TmxWriter(stream, settings) as writer:
        for unit in units:
            writer.write(unit)
    return writer.report


@contextmanager
def open_output(path: str | os.PathLike[str]) -> Iterator[IO[bytes]]:
    """Yield a binary stream that lands atomically at ``path``, gzip-compressed when it ends in ``.gz``."""
    target = Path(path)
    with ExitStack() as stack:
        handle: Any = stack.enter_context(atomic_write(target, "wb"))
        if target.suffix == ".gz":
            # mtime 0 and no inner file name keep compressed output byte-identical run to run.
            handle = stack.enter_context(gzip.GzipFile(filename="", mode="wb", fileobj=handle, mtime=0))
        yield handle


def write_tmx(
    path: str | os.PathLike[str], units: Iterable[TranslationUnit], settings: TmxSettings | None = None
) -> WriteReport:
    """Write ``units`` to ``path`` (atomically; gzip for ``.gz``) and return what happened."""
    with open_output(path) as handle:
        return write_stream(handle, units, settings)
