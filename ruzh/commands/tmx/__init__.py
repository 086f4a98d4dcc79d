"""``ruzh tmx``: build, merge, dedupe, filter, split, inspect, validate and search TMX memories."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from ruzh.commands.tmx import build, inspect, transform
from ruzh.commands.tmx.spec import HELP, OPTIONS
from ruzh.formatter import add_command

HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "build": build.run_build,
    "merge": transform.run_merge,
    "dedupe": transform.run_dedupe,
    "filter": transform.run_filter,
    "split": transform.run_split,
    "stats": inspect.run_stats,
    "validate": inspect.run_validate,
    "cat": inspect.run_cat,
    "lookup": inspect.run_lookup,
}


def register(subparsers: Any) -> None:
    """Add ``tmx`` and its subcommands to the command line."""
    top = add_command(
        subparsers, "tmx", "TMX translation memories", "Build, transform, check and search TMX 1.4b."
    )
    sub = top.add_subparsers(dest="tmx_command", metavar="SUBCOMMAND", required=True)
    for name, (help_text, description) in HELP.items():
        parser = add_command(sub, name, help_text, description)
        for flags, kwargs in OPTIONS[name]:
            parser.add_argument(*flags, **kwargs)
        parser.set_defaults(handler=HANDLERS[name])
