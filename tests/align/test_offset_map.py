"""The offset map a block keeps: from a character of the rebuilt paragraph back to line:column, and
from a sentence's line:column to where it starts in the paragraph, on every sentence of the seeds."""

from __future__ import annotations

from ruzh.align.positions import OffsetMap
from ruzh.align.reader import read_document, running_text
from ruzh.seeds import seed_paths


def test_every_seed_sentence_is_found_in_its_block_and_maps_back() -> None:
    checked = 0
    for path in seed_paths():
        document = read_document(path)
        lines = document.lines
        for block in document.blocks:
            for sentence in block.sentences:
                start = block.sentence_offset(sentence)
                assert block.text[start : start + len(sentence.text)] == sentence.text
                assert block.locate(start) == (sentence.line, sentence.column)
                line, column = block.locate(start)
                assert lines[line - 1][column - 1] == sentence.text[0]
                checked += 1
    assert checked > 400


def test_running_text_maps_each_paragraph_back_to_the_file() -> None:
    document = read_document(seed_paths()[0])
    run = running_text(document)
    for block in document.blocks:
        if block.role == "furniture" or not block.text:
            continue
        at = run.text.index(block.text)
        assert run.locate(at) == block.locate(0)


def test_a_place_between_pieces_gives_the_next_piece() -> None:
    # pieces "ab" at 1:1 and "cd" at 3:5 (a line dropped between them)
    where = OffsetMap((0, 2), (1, 3), (1, 5))
    assert where.offset_of(1, 2, 4) == 1
    assert where.offset_of(2, 1, 4) == 2
    assert where.offset_of(3, 6, 4) == 3
    assert where.offset_of(9, 1, 4) == 4
    assert where.locate(3) == (3, 6)
