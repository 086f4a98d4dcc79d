"""The validator: clean output passes; each kind of problem is found with its line."""

from __future__ import annotations

import io
from pathlib import Path

from ruzh.core.langtags import OutputTags
from ruzh.tmx.types import TranslationUnit
from ruzh.tmx.validate import has_errors, validate_tmx
from ruzh.tmx.writer import TmxSettings, write_stream

HEADER = (
    '<header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" '
    'srclang="{src}" datatype="plaintext"/>'
)


def tmx(body: str, src: str = "ru") -> bytes:
    head = f'<?xml version="1.0"?>\n<tmx version="1.4">\n{HEADER.format(src=src)}\n'
    return f"{head}<body>\n{body}</body>\n</tmx>\n".encode()


def tu(ru: str, zh: str, lang: str = "zh-CN", tuid: str = "") -> str:
    attr = f' tuid="{tuid}"' if tuid else ""
    return f"<tu{attr}>{tuv('ru', ru)}{tuv(lang, zh)}</tu>\n"


def tuv(lang: str, seg: str) -> str:
    return f'<tuv xml:lang="{lang}"><seg>{seg}</seg></tuv>'


def found(data: bytes, dtd: Path | None = None, zh_tag: str = "zh-CN") -> list[tuple[str, int, str]]:
    return [
        (p.severity, p.line, p.code)
        for p in validate_tmx(io.BytesIO(data), name="t.tmx", dtd=dtd, tags=OutputTags(zh=zh_tag))
    ]


def test_written_output_is_clean(tmx_dtd: Path) -> None:
    out = io.BytesIO()
    units = [
        TranslationUnit("Привет & <мир>.", "你好，世界。", doc="a", score=0.9),
        TranslationUnit("Да.", "是。"),
    ]
    write_stream(out, units, TmxSettings(zh_tag="zh-Hans", signature="s"))
    assert found(out.getvalue(), tmx_dtd, zh_tag="zh-Hans") == []


def test_each_problem_is_found(tmx_dtd: Path) -> None:
    body = (
        tu("Один.", "一。", tuid="1")  # line 5: fine
        + tu("Два.", "二。", lang="zh_CN", tuid="1")  # line 6: duplicate tuid, non-BCP 47 tag
        + tu("Три.", "三。", lang="zh-TW")  # line 7: another Chinese than expected
        + tu("Один.", "一。")  # line 8: duplicate pair
        + tu("Один.", "壹。")  # line 9: same source, other target
        + tu("Четыре.", "Four.", lang="en")  # line 10: not the pair
        + tu(" Пять.", "五。")  # line 11: whitespace inside <seg>
        + f"<tu>{tuv('ru', 'Шесть <ph>{1}</ph>.')}{tuv('zh-CN', '六。')}</tu>\n"  # line 12: inline code
        + f"<tu><prop>no type</prop>{tuv('ru', 'Семь.')}{tuv('zh-CN', '七。')}</tu>\n"  # line 13: DTD
    )
    problems = found(tmx(body), tmx_dtd)
    assert ("error", 6, "duplicate-tuid") in problems
    assert ("warning", 6, "language") in problems
    assert ("warning", 7, "language") in problems
    assert ("warning", 8, "duplicate") in problems
    assert ("warning", 9, "conflict") in problems
    assert ("error", 10, "language") in problems
    assert ("warning", 11, "whitespace") in problems
    assert ("warning", 12, "inline") in problems
    assert ("error", 13, "dtd") in problems
    assert not any(line == 5 for _, line, _ in problems)


def test_header_and_characters() -> None:
    data = tmx(tu("Восемь\x01.", "八。") + tu("Девять&#x1F;.", "九。"), src="en").replace(
        b'o-tmf="x"', b'o-tmf="UTF-8"'
    )
    problems = found(data)
    assert ("error", 3, "language") in problems  # srclang is not Russian
    assert ("warning", 3, "header") in problems  # o-tmf holding an encoding
    assert ("error", 5, "illegal-char") in problems and ("error", 6, "illegal-char") in problems
    assert has_errors(validate_tmx(io.BytesIO(data)))


def test_malformed_xml_is_an_error_with_its_line() -> None:
    data = tmx(tu("Десять", "十") + tu("A & B", "甲乙"))
    assert ("error", 6, "xml") in found(data)
    assert ("error", 0, "structure") in found(b'<tmx version="1.4"><body></body></tmx>')


def test_dates_and_scores_are_checked() -> None:
    data = (
        b'<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="x" '
        b'creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="ru" '
        b'datatype="plaintext"/>\n<body>\n<tu creationdate="garbage"><prop type="x-score">abc</prop>'
        b'<tuv xml:lang="ru"><seg>a</seg></tuv><tuv xml:lang="zh-CN"><seg>b</seg></tuv></tu>\n'
        b'<tu creationdate="20240229T120000Z"><prop type="x-score">0.5</prop>'
        b'<tuv xml:lang="ru"><seg>c</seg></tuv><tuv xml:lang="zh-CN"><seg>d</seg></tuv></tu>\n</body></tmx>'
    )
    problems = validate_tmx(io.BytesIO(data), name="odd.tmx")
    assert sorted((p.line, p.code) for p in problems if p.code in ("date", "score")) == [
        (4, "date"),
        (4, "score"),
    ]


def test_illegal_characters_are_blanked_at_their_own_length_for_the_structure_checks() -> None:
    """The checks read past each illegal character (reported by the character scan) to the rest."""
    from ruzh.core.xmlchars import blank_illegal

    raw = "a\x01&#x1F;&#1;&#65;&#x000B;\n八\x1f".encode()
    assert blank_illegal(raw) == "a &#x20;&#9;&#65;&#x0020;\n八 ".encode()


def test_a_reference_cut_by_a_read_is_blanked_whole() -> None:
    """The structure checks read past illegal characters chunk by chunk, and a reference split by a
    chunk's end is blanked once both halves are in."""
    from ruzh.tmx.validate import _Blanked

    raw = b"<a>\x01&#x1F;&amp;&#65;</a>"
    for size in range(1, len(raw) + 1):
        stream, out = _Blanked(io.BytesIO(raw)), b""
        while chunk := stream.read(size):
            out += chunk
        assert out == b"<a> &#x20;&amp;&#65;</a>", size
