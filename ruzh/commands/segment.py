"""``ruzh segment``: print the blocks and sentences the reader finds, with their positions."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any, TextIO

from ruzh.core.terminal import visible
from ruzh.exitcodes import EXIT_INPUT, EXIT_OK, render
from ruzh.formatter import add_command, encoding_name

if TYPE_CHECKING:
    from ruzh.align.types import Document
    from ruzh.core.errors import InputError


def register(subparsers: Any) -> None:
    """Add ``segment`` to the command line."""
    parser = add_command(
        subparsers,
        "segment",
        "split documents into blocks and sentences",
        "Read .txt (UTF-8/UTF-16 with BOM/cp1251/GB18030, detected) and .docx documents, rebuild their "
        "paragraphs, give each block a language and a role, and split sentences. Every sentence keeps "
        "the line and column where it starts in the original file. Page numbers and running headers "
        "(«– 34 –», «С. 34», 第34页, a journal title repeated at page starts) are taken out of the text "
        "flow, so a sentence runs on across a page break, and listed as 'furniture' blocks.",
    )
    parser.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="documents or folders (their .txt and .docx files, any case); - is standard input "
        "(default: the bundled seed documents)",
    )
    parser.add_argument(
        "--format",
        choices=("text", "jsonl"),
        default="text",
        help="text: blocks and sentences for people; jsonl: one JSON object per sentence "
        "with doc, block, lang, role, line, column, text (default: text)",
    )
    parser.add_argument(
        "--encoding",
        metavar="NAME",
        type=encoding_name,
        help="force the encoding of .txt inputs (e.g. cp1251, gb18030) instead of detecting it",
    )
    parser.add_argument(
        "--keep-going",
        action="store_true",
        help="report unreadable files and go on with the others (exit 3 at the end)",
    )
    parser.set_defaults(handler=run)


def write_jsonl(document: Document, out: TextIO) -> None:
    """One object per sentence, in the format other commands and tools rely on."""
    for block in document.blocks:
        for sentence in block.sentences:
            record = {
                "doc": document.name,
                "block": block.index,
                "lang": block.lang,
                "role": block.role,
                "line": sentence.line,
                "column": sentence.column,
                "text": sentence.text,
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def write_text(document: Document, out: TextIO) -> None:
    """Blocks with their language and role, sentences indented with their line:column (control
    characters of the document shown as ``\\xNN``: this output is for people's terminals)."""
    out.write(f"# {visible(document.name)} ({document.encoding}, {len(document.blocks)} blocks)\n")
    for block in document.blocks:
        out.write(f"[{block.index}] {block.lang} {block.role} {block.line}:{block.column}\n")
        if block.role == "furniture":
            out.write(f"    {block.line}:{block.column}\t{block.text}\n")
        for sentence in block.sentences:
            out.write(f"    {sentence.line}:{sentence.column}\t{visible(sentence.text)}\n")


def run(args: argparse.Namespace) -> int:
    """Segment every input; with --keep-going, unreadable files are reported after the others."""
    from ruzh.commands.stdin import read_inputs

    errors: list[InputError] = []
    from ruzh.seeds import seed_paths

    paths = args.files or seed_paths()
    writer = write_jsonl if args.format == "jsonl" else write_text
    for document in read_inputs(paths, args.encoding, keep_going=args.keep_going, errors=errors):
        writer(document, sys.stdout)
    for error in errors:
        print(visible(render(error)), file=sys.stderr)
    return EXIT_INPUT if errors else EXIT_OK
