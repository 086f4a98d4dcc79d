"""Safe XML input for TMX files: (gunzipped) streams and an ``iterparse`` that never expands entities,
loads a DTD or touches the network, plus the two helpers every streaming pass needs. The reader and
the validator share it, so both refuse the same hostile files the same way.
"""

from __future__ import annotations

import gzip
import io
import os
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import IO, Any

from lxml import etree

GZIP_MAGIC = b"\x1f\x8b"


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


def iterparse_safely(stream: IO[bytes], events: tuple[str, ...] = ("end",), tag: Any = None) -> Any:
    """``lxml.etree.iterparse`` that never expands entities, loads a DTD or touches the network.

    Comments and processing instructions are dropped; ``huge_tree`` lets long segments through.
    """
    return etree.iterparse(
        stream,
        events=events,
        tag=tag,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        remove_comments=True,
        remove_pis=True,
        huge_tree=True,
    )


def release(el: Any) -> None:
    """Free what ``iterparse`` built before ``el`` (its earlier siblings), so memory stays flat."""
    parent = el.getparent()
    if parent is not None:
        del parent[: parent.index(el)]


def error_line(exc: etree.XMLSyntaxError) -> int:
    """The line libxml2 blames for a syntax error."""
    return int(exc.position[0] if exc.position else exc.lineno or 0)
