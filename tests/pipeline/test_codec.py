"""The cache's JSON codec: real results round-trip; anything of another shape is refused."""

from __future__ import annotations

import json
from typing import Any

import pytest
from ruzh.align.reader import read_document
from ruzh.align.types import Bead, Document, Sentence
from ruzh.glossary.entries import Entry
from ruzh.seeds import seed_paths

from ruzh.pipeline.codec import CodecError, decode, dumps, encode


def test_a_read_seed_document_round_trips() -> None:
    document = read_document(seed_paths()[0])
    assert decode(Document, json.loads(json.dumps(encode(document)))) == document


SENTENCE = {"doc": "a.txt", "lang": "ru", "role": "body", "block": 0, "text": "Да.", "line": 1, "column": 1}


@pytest.mark.parametrize(
    ("kind", "data"),
    [
        (Sentence, {**SENTENCE, "line": "1"}),  # a string where an int belongs
        (Sentence, {**SENTENCE, "line": True}),  # JSON true is not the number 1
        (Sentence, {**SENTENCE, "extra": 1}),  # a field the type does not have
        (Sentence, {k: v for k, v in SENTENCE.items() if k != "text"}),  # a missing field
        (Sentence, [SENTENCE]),  # a list where an object belongs
        (Bead, {"src": [0], "tgt": [1], "score": float("nan")}),  # NaN is not a score
        (Bead, {"src": [0], "tgt": [1], "score": 1e999}),  # nor is infinity (json reads 1e999 as inf)
        (Bead, {"src": "01", "tgt": [1], "score": 0.5}),  # a string is not a list of indices
        (Bead, {"src": [0.5], "tgt": [1], "score": 0.5}),  # an index is an int
        (tuple[Bead, ...], {"py/object": "os.system"}),  # a type tag means nothing here
    ],
)
def test_wrong_shapes_are_refused(kind: Any, data: Any) -> None:
    with pytest.raises(CodecError):
        decode(kind, data)


def test_values_that_json_cannot_carry_are_not_stored() -> None:
    with pytest.raises(CodecError):
        encode(Bead((0,), (1,), float("inf")))
    with pytest.raises(CodecError):
        encode(object())


def test_dumps_writes_what_encode_gives() -> None:
    document = read_document(seed_paths()[0])
    assert json.loads(dumps(document)) == encode(document)
    assert decode(Document, json.loads(dumps(document))) == document


def test_a_nan_is_never_read_back_as_a_value() -> None:
    # orjson writes NaN as null: a float field refuses it on reading (a miss) ...
    with pytest.raises(CodecError):
        decode(Bead, json.loads(dumps(Bead((0,), (1,), float("nan")))))
    # ... and a type where null means None is checked before writing
    entry = Entry("c1", ru="слово", zh="词", termhood=float("nan"))
    with pytest.raises(CodecError):
        dumps(entry)
    with pytest.raises(CodecError):
        dumps(object())
