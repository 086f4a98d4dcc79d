"""Paragraph text of a .docx file (WordprocessingML), read with lxml from the ZIP container.

A dedicated library (python-docx) would add a dependency for what is one XML part and three
elements; entity expansion and network access are off, as for every XML ruzh reads.
"""

from __future__ import annotations

import zipfile
from io import BytesIO

from lxml import etree
from ruzh.core.errors import InputError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_paragraphs(data: bytes, name: str) -> list[str]:
    """The text of each paragraph of the document body, in order (tables included, cell by cell)."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            xml = archive.read("word/document.xml")
    except zipfile.BadZipFile:
        raise InputError(
            "not a valid .docx (ZIP) file",
            file=name,
            offset=0,
            hint="open it in a word processor and save it again as .docx",
        ) from None
    except KeyError:
        raise InputError(
            "the .docx has no word/document.xml part",
            file=name,
            hint="save it again as a Word document (.docx)",
        ) from None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, load_dtd=False)
    try:
        root = etree.fromstring(xml, parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(
            f"word/document.xml is not well-formed: {exc.msg}",
            file=name,
            line=exc.lineno,
            hint="save the document again as .docx",
        ) from None
    paragraphs = []
    for paragraph in root.iter(f"{W}p"):
        parts = []
        for node in paragraph.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}cr"):
            parts.append(node.text or "" if node.tag == f"{W}t" else " ")
        paragraphs.append("".join(parts))
    return paragraphs
