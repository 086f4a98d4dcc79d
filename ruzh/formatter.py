"""Shared argparse pieces so every subcommand documents exit codes the same way."""

from __future__ import annotations

import argparse
from typing import Any

from ruzh.align.docx import MAX_PARAGRAPHS, MAX_XML_BYTES
from ruzh.align.encoding import text_codec
from ruzh.core.errors import ConfigError

EXIT_CODES = f"""exit codes:
  0  success
  1  findings at or above the --fail-on level (check, tmx validate, build)
  2  usage or configuration error
  3  unreadable or invalid input
  70 internal error (a bug in ruzh: run again with --debug and report it)
  130 interrupted (Ctrl-C); no half-written output is left behind

files: an output file is replaced atomically (a character device or FIFO is written through, a symbolic
link followed; a folder, block device or socket is refused); inputs must be regular files, FIFOs or -;
.docx files are capped at {MAX_XML_BYTES >> 20} MiB of XML and {MAX_PARAGRAPHS:,} paragraphs;
control characters from documents are shown as \\xNN on terminals; spreadsheet cells that would run
as formulas start with '.
"""


def add_command(subparsers: Any, name: str, help_text: str, description: str) -> argparse.ArgumentParser:
    """A subcommand parser whose --help ends with the exit codes."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        name,
        help=help_text,
        description=description,
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    return parser


def encoding_name(value: str) -> str:
    """``--encoding``: a codec that decodes bytes to text, checked before any file is read."""
    try:
        text_codec(value)
    except ConfigError as exc:
        raise argparse.ArgumentTypeError(f"{exc.what} ({exc.hint})") from None
    return value
