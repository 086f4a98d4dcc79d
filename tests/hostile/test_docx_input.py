"""Items 7 and 14: .docx bombs and endless devices are refused with exit 3 in bounded memory; .docx
text is read exactly once, in reading order (entities, comments, text boxes, footnotes)."""

from __future__ import annotations

import importlib.util
import json
import os
import resource
import subprocess
import sys
import threading
import zipfile
from pathlib import Path
from typing import Any

import pytest
from ruzh.align import docx
from ruzh.align.docx import docx_paragraphs

BODY_NS = docx.W


def _bench() -> Any:
    """bench/bench_docx_bombs.py, whose bomb writers the tests share."""
    path = Path(__file__).resolve().parents[2] / "bench" / "bench_docx_bombs.py"
    spec = importlib.util.spec_from_file_location("bench_docx_bombs", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BENCH = _bench()


def _bomb(path: Path, mib: int, element: bytes = b"<w:p/>", zip64: bool = True) -> Path:
    BENCH.write_bomb(path, mib, element, zip64)
    return path


def test_small_caps_refuse_size_and_paragraph_bombs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ruzh: Any, kit: Any
) -> None:
    monkeypatch.setattr(docx, "MAX_XML_BYTES", 1 << 20)
    monkeypatch.setattr(docx, "MAX_PARAGRAPHS", 10_000)
    kit.refused(ruzh("segment", _bomb(tmp_path / "size.docx", 2, b"<w:bookmarkEnd/>")), 3, "MiB of XML")
    kit.refused(ruzh("check", _bomb(tmp_path / "paras.docx", 1)), 3, "more than 10,000 paragraphs")


def test_a_declared_size_that_lies_is_still_capped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx, "MAX_XML_BYTES", 1 << 20)
    bomb = _bomb(tmp_path / "liar.docx", 3, b"<w:bookmarkEnd/>", zip64=False)
    BENCH.lie_about_sizes(bomb)
    with pytest.raises(docx.InputError, match=r"MiB of XML|not a valid \.docx"):
        docx_paragraphs(bomb.read_bytes(), "liar.docx")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("mib", "element", "words"), [(200, b"<w:p/>", "MiB of XML"), (64, b"<w:p/>", "paragraphs")]
)
def test_real_bombs_are_refused_in_flat_memory(tmp_path: Path, mib: int, element: bytes, words: str) -> None:
    """With the shipped caps: a child process's peak memory stays far below the XML's size."""
    bomb = _bomb(tmp_path / "bomb.docx", mib, element)
    run = subprocess.run(
        [sys.executable, "-m", "ruzh", "segment", str(bomb)], capture_output=True, text=True, timeout=900
    )
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert run.returncode == 3 and words in run.stderr and run.stderr.count("\n") == 1, run.stderr
    assert peak_mib < 200, peak_mib


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
@pytest.mark.parametrize("command", ["segment", "check", "build"])
def test_endless_devices_are_refused(ruzh: Any, tmp_path: Path, device: str, command: str, kit: Any) -> None:
    extra = ("-o", tmp_path / "out", "-q") if command == "build" else ()
    kit.refused(ruzh(command, device, *extra), 3, device, "is a device")
    assert not (tmp_path / "out").exists() or kit.no_part_files(tmp_path / "out")


def test_a_fifo_is_read_up_to_its_end(ruzh: Any, tmp_path: Path, seed_path: Any) -> None:
    fifo = tmp_path / "doc.txt"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_bytes(seed_path("000").read_bytes()))
    writer.start()
    result = ruzh("segment", fifo)
    writer.join(timeout=60)
    assert result.code == 0 and result.out.count("\n") > 20, result.err


def _texts(kit: Any, tmp_path: Path, body: str, parts: dict[str, str] | None = None) -> list[str]:
    path = kit.write_docx(tmp_path / "doc.docx", body, parts)
    return [p for p in docx_paragraphs(path.read_bytes(), "doc.docx") if p.strip()]


def test_comment_and_entity_inside_text_keep_the_rest(kit: Any, tmp_path: Path, seed_path: Any) -> None:
    first, second = kit.seed_sentences(seed_path("000"), 2)
    half = len(first) // 2
    body = kit.paragraph(f"{first[:half]}<!-- a comment -->{first[half:]}") + kit.paragraph(second)
    assert _texts(kit, tmp_path, body) == [first, second]
    path = tmp_path / "entity.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "word/document.xml",
            f'<!DOCTYPE w:document [<!ENTITY e "EXPANDED">]><w:document xmlns:w={BODY_NS[1:-1]!r}><w:body>'
            f"<w:p><w:r><w:t>{first[:half]}&e;{first[half:]}</w:t></w:r></w:p></w:body></w:document>",
        )
    (text,) = docx_paragraphs(path.read_bytes(), "entity.docx")
    assert text == f"{first[:half]}&e;{first[half:]}"  # kept as written, never expanded


def test_text_box_is_read_once_after_its_anchor(kit: Any, tmp_path: Path, seed_path: Any) -> None:
    anchor, boxed, after = kit.seed_sentences(seed_path("001"), 3)
    box = kit.paragraph(boxed)
    body = (
        f"<w:p><w:r><w:t>{anchor}</w:t></w:r><w:r><mc:AlternateContent>"
        f'<mc:Choice Requires="wps"><w:drawing><wps:txbx xmlns:wps="urn:wps"><w:txbxContent>{box}'
        f"</w:txbxContent></wps:txbx></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:textbox xmlns:v='urn:v'><w:txbxContent>{box}</w:txbxContent></v:textbox>"
        f"</w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>" + kit.paragraph(after)
    )
    assert _texts(kit, tmp_path, body) == [anchor, boxed, after]


def test_footnotes_and_endnotes_follow_the_body(kit: Any, tmp_path: Path, seed_path: Any) -> None:
    body_text, note, endnote = kit.seed_sentences(seed_path("002"), 3)
    ns = f"xmlns:w={BODY_NS[1:-1]!r}"
    notes = (
        f'<w:footnotes {ns}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        f'</w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:t>SEP</w:t></w:r>'
        f'</w:p></w:footnote><w:footnote w:id="1">{kit.paragraph(note)}</w:footnote></w:footnotes>'
    )
    ends = f'<w:endnotes {ns}><w:endnote w:id="1">{kit.paragraph(endnote)}</w:endnote></w:endnotes>'
    parts = {"word/footnotes.xml": notes, "word/endnotes.xml": ends}
    assert _texts(kit, tmp_path, kit.paragraph(body_text), parts) == [body_text, note, endnote]


def test_tables_tabs_and_breaks_in_order(kit: Any, tmp_path: Path, seed_path: Any) -> None:
    a, b, c = kit.seed_sentences(seed_path("003"), 3)
    cell = "<w:tc>{}</w:tc>"
    body = (
        kit.paragraph(a)
        + f"<w:tbl><w:tr>{cell.format(kit.paragraph(b))}{cell.format(kit.paragraph(c))}</w:tr></w:tbl>"
        + f"<w:p><w:r><w:t>{a[:10]}</w:t><w:tab/><w:t>{b[:10]}</w:t><w:br/><w:t>{c[:10]}</w:t></w:r></w:p>"
    )
    assert _texts(kit, tmp_path, body) == [a, b, c, f"{a[:10]} {b[:10]} {c[:10]}"]


def test_segment_of_a_docx_keeps_every_sentence_once(
    ruzh: Any, kit: Any, tmp_path: Path, seed_path: Any
) -> None:
    sentences = kit.seed_sentences(seed_path("004"), 30)
    path = kit.write_docx(tmp_path / "doc.docx", "".join(kit.paragraph(s) for s in sentences))
    result = ruzh("segment", "--format", "jsonl", path)
    assert result.code == 0, result.err
    read = "".join("".join(json.loads(line)["text"].split()) for line in result.out.splitlines())
    given = "".join("".join(s.split()) for s in sentences)
    assert read == given
