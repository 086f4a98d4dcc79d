"""One reproducibility signature type: the aligner's (TMX header), the glossary's and lookup's parse back."""

from __future__ import annotations

import pytest
from ruzh.align.aligner import signature as aligner_signature
from ruzh.core.signature import Signature
from ruzh.glossary.build import BuildOptions
from ruzh.tmx.lookup import signature as lookup_signature


@pytest.mark.parametrize(
    "made",
    [
        lambda: aligner_signature(),
        lambda: lookup_signature(),
        lambda: Signature.parse(BuildOptions().signature()),
        lambda: Signature.of(ruzh="0.1.0") + aligner_signature() + Signature.of(zh_tag="zh-CN"),
    ],
    ids=["aligner", "lookup", "glossary", "build"],
)
def test_format_parses_back(made) -> None:
    sig = made()
    assert Signature.parse(sig.format()) == sig
    assert str(sig) == sig.format() and "|" in str(sig)


def test_fields() -> None:
    sig = aligner_signature()
    assert sig.get("aligner") == "ruzh-dp-6" and sig.get("scorer") == "lexical"
    assert ":" in (sig.get("lexicon") or "")  # sources:size: a colon inside a value
    assert lookup_signature().get("chrF2") == "c6w0"
    assert Signature.parse(BuildOptions(min_docs=3).signature()).get("min_docs") == "3"


@pytest.mark.parametrize(("key", "value"), [("a", "x|y"), ("a b", "x"), ("", "x"), ("a", "two\nlines")])
def test_fields_that_would_not_parse_back_are_refused(key: str, value: str) -> None:
    with pytest.raises(ValueError):
        Signature(((key, value),))
