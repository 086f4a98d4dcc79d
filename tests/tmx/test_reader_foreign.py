"""The reader on TMX written the way other tools write it, and on broken files."""

from __future__ import annotations

import gzip
import io

import pytest
from ruzh.core.errors import InputError
from ruzh.tmx.reader import TmxReader

TRADOS_LIKE = """\ufeff<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE tmx SYSTEM "http://example.invalid/tmx14.dtd">
<tmx version="1.4">
  <header creationtool="SDL Language Platform" creationtoolversion="8.0" o-tmf="SDL TM8 Format"
          datatype="xml" segtype="sentence" adminlang="en-US" srclang="*all*">
    <prop type="x-Domain:SinglePicklist">Law</prop>
    <note>exported for review</note>
  </header>
  <body>
    <tu tuid="7" creationdate="20190305T101010Z">
      <note>checked</note>
      <prop type="x-Client">ACME</prop>
      <tuv xml:lang="RU-RU"><seg>Статья <bpt i="1" x="1">&lt;b&gt;</bpt>5<ept i="1">&lt;/b&gt;</ept>\
 договора.</seg></tuv>
      <tuv xml:lang="ZH_CN"><seg>合同第<ph x="2">{1}</ph>5条。</seg></tuv>
    </tu>
    <tu>
      <tuv xml:lang="zh-Hans"><seg>先写中文。</seg></tuv>
      <tuv xml:lang="ru"><seg>Сначала <hi type="b">китайский</hi>.</seg></tuv>
    </tu>
    <tu>
      <tuv xml:lang="en-US"><seg>English only.</seg></tuv>
      <tuv xml:lang="ru"><seg>Только русский и английский.</seg></tuv>
    </tu>
    <tu>
      <tuv lang="ru"><seg>Старый атрибут lang из TMX 1.1.</seg></tuv>
      <tuv lang="zh-TW"><seg>舊的 lang 屬性。</seg></tuv>
      <tuv xml:lang="zh-CN"><seg>旧的 lang 属性。</seg></tuv>
    </tu>
  </body>
</tmx>
"""


def read(text: str | bytes, name: str = "foreign.tmx") -> TmxReader:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return TmxReader(io.BytesIO(data), name)


def test_units_of_a_foreign_file() -> None:
    reader = read(TRADOS_LIKE)
    units = list(reader)
    assert [(u.ru, u.zh) for u in units] == [
        ("Статья 5 договора.", "合同第5条。"),  # native codes left out, text kept
        ("Сначала китайский.", "先写中文。"),  # zh first, <hi> text kept
        ("Старый атрибут lang из TMX 1.1.", "舊的 lang 屬性。"),  # first Chinese variant is used
    ]
    assert units[0].tuid == "7" and units[0].created == "20190305T101010Z"
    assert reader.header.attrs["srclang"] == "*all*"
    assert reader.header.props["x-Domain:SinglePicklist"] == ["Law"]
    assert reader.header.notes == ["exported for review"]
    assert reader.lang_counts["ZH_CN"] == 1 and reader.lang_counts["en-US"] == 1
    assert reader.inline_tags == {"bpt": 1, "ept": 1, "ph": 1, "hi": 1}
    messages = [p.render() for p in reader.problems]
    assert any(m.startswith("foreign.tmx:13:") and "<bpt>, <ept>" in m for m in messages)
    assert any(m.startswith("foreign.tmx:20:") and "no Chinese variant" in m for m in messages)
    assert any("2 variants for zh" in m for m in messages)
    assert reader.skipped == 1 and reader.read == 3


def test_utf16_and_gzip_inputs() -> None:
    text = TRADOS_LIKE.lstrip("\ufeff").replace('encoding="utf-8"', 'encoding="UTF-16"')
    assert len(list(read(text.encode("utf-16")))) == 3
    assert len(list(read(gzip.compress(TRADOS_LIKE.encode("utf-8"))))) == 3


def test_entities_are_not_expanded() -> None:
    bomb = """<?xml version="1.0"?>
<!DOCTYPE tmx [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>
<tmx version="1.4"><header creationtool="x" creationtoolversion="1" o-tmf="x" datatype="plaintext"
 segtype="sentence" adminlang="en" srclang="ru"/><body>
<tu><tuv xml:lang="ru"><seg>Смех: &c;!</seg></tuv><tuv xml:lang="zh"><seg>笑：&c;！</seg></tuv></tu>
</body></tmx>"""
    reader = read(bomb)
    (unit,) = list(reader)
    assert unit.ru == "Смех: !" and "ha" not in unit.zh
    assert reader.inline_tags["&c;"] == 2


@pytest.mark.parametrize(
    ("text", "line", "what"),
    [
        # an unescaped ampersand, as hand-edited files often have
        (
            '<tmx version="1.4"><body>\n<tu><tuv xml:lang="ru">\n<seg>A & B</seg></tuv></tu></body></tmx>',
            3,
            "Entity",
        ),
        # a raw control character (OmegaT drops the whole file for it)
        (
            '<tmx version="1.4"><body>\n\n<tu><tuv xml:lang="ru"><seg>a\x01b</seg></tuv></tu></body></tmx>',
            3,
            "Char",
        ),
        # a character reference to an illegal code point
        (
            '<tmx version="1.4"><body><tu>\n<tuv xml:lang="ru"><seg>a&#1;b</seg></tuv></tu></body></tmx>',
            2,
            "Char",
        ),
        # a tag left open
        ('<tmx version="1.4"><body>\n<tu><tuv xml:lang="ru"><seg>a</tuv></tu>\n</body></tmx>', 2, "mismatch"),
        # a truncated file
        ('<tmx version="1.4"><body>\n<tu><tuv xml:lang="ru"><seg>a</seg></tuv>\n', 3, ""),
    ],
)
def test_malformed_files_give_file_and_line(text: str, line: int, what: str) -> None:
    with pytest.raises(InputError) as caught:
        list(read(text, "broken.tmx"))
    assert caught.value.file == "broken.tmx" and caught.value.line == line
    assert what.lower() in caught.value.what.lower()
    assert caught.value.render().startswith("error: malformed TMX")


def test_not_a_tmx_and_empty_and_bad_gzip() -> None:
    with pytest.raises(InputError, match="root element is <xliff>"):
        list(read('<xliff version="1.2"/>'))
    with pytest.raises(InputError):
        list(read(b""))
    with pytest.raises(InputError, match="cannot read TMX"):
        list(read(gzip.compress(b"<tmx>")[:12]))


def test_last_line_follows_each_unit() -> None:
    reader = read(TRADOS_LIKE)
    lines = [(unit.ru[:6], reader.last_line) for unit in reader]
    assert lines == [("Статья", 10), ("Сначал", 16), ("Старый", 24)]  # the lines of their <tu>


def test_bad_score_prop_is_reported_and_ignored() -> None:
    text = (
        '<tmx version="1.4"><body>\n<tu><prop type="x-score">high</prop><prop type="x-role">body</prop>'
        '<tuv xml:lang="ru"><seg>Да.</seg></tuv><tuv xml:lang="zh"><seg>是。</seg></tuv></tu></body></tmx>'
    )
    reader = read(text)
    (unit,) = list(reader)
    assert (unit.ru, unit.zh, unit.score, unit.role) == ("Да.", "是。", None, "body")
    assert [p.render() for p in reader.problems] == ["foreign.tmx:2: x-score 'high' is not a number; ignored"]
    assert reader.lang_counts == {"ru": 1, "zh": 1}


def test_props_read_alike_on_the_plain_and_the_inline_path() -> None:
    # The same props on a plain unit and on one with inline markup: the first non-empty value of each
    # type counts, line numbers in any decimal script are read, odd ones (superscript two) give 0.
    props = (
        '<prop type="x-role"> </prop><prop type="x-role">body</prop><prop type="x-doc">a.txt</prop>'
        '<prop type="x-ru-line">١٢</prop><prop type="x-zh-line">²</prop><prop type="x-doc">b.txt</prop>'
    )
    text = (
        '<tmx version="1.4"><body>\n'
        f'<tu>{props}<tuv xml:lang="ru"><seg>Да.</seg></tuv><tuv xml:lang="zh"><seg>是。</seg></tuv></tu>\n'
        f'<tu>{props}<tuv xml:lang="ru"><seg>Да<ph>{{1}}</ph>.</seg></tuv>'
        '<tuv xml:lang="zh"><seg>是。</seg></tuv></tu>\n</body></tmx>'
    )
    plain, inline = list(read(text))
    assert plain == inline
    assert (plain.role, plain.doc, plain.also_in) == ("body", "a.txt", ("b.txt",))
    assert (plain.ru_line, plain.zh_line) == (12, 0)


def test_many_units_stream_in_order_with_their_lines() -> None:
    # More units than the reader keeps between two releases of the tree, some of them odd.
    rows = []
    for i in range(300):
        zh = f"<seg>第{i}句<ph>x</ph></seg>" if i % 7 == 0 else f"<seg>第{i}句。</seg>"
        rows.append(
            f'<tu tuid="{i}"><prop type="x-score">0.{i % 10}</prop>\n'
            f'<tuv xml:lang="ru"><seg>Фраза {i}.</seg></tuv><tuv xml:lang="zh-CN">{zh}</tuv></tu>'
        )
    text = '<tmx version="1.4"><header srclang="ru"/><body>\n' + "\n".join(rows) + "\n</body></tmx>"
    reader = read(text)
    seen = [(unit.tuid, unit.ru, unit.zh, unit.score, reader.last_line) for unit in reader]
    assert [s[0] for s in seen] == [str(i) for i in range(300)]
    assert [s[4] for s in seen] == [2 + 2 * i for i in range(300)]
    assert seen[7][1:4] == ("Фраза 7.", "第7句", 0.7) and seen[8][1:4] == ("Фраза 8.", "第8句。", 0.8)
    assert reader.read == 300 and reader.lang_counts == {"ru": 300, "zh-CN": 300}
    assert reader.inline_tags == {"ph": 43}
