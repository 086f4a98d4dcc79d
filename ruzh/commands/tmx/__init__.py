"""``ruzh tmx``: build, merge, dedupe, filter, split, inspect, validate and search TMX memories."""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable
from typing import Any

from ruzh.commands.tmx.spec import HELP, OPTIONS
from ruzh.formatter import add_command

# Subcommand -> (module in ruzh.commands.tmx, handler): imported when the subcommand runs, so that
# ``ruzh tmx --help`` loads no TMX, XML or aligner code.
HANDLERS: dict[str, tuple[str, str]] = {
    "build": ("build", "run_build"),
    "merge": ("transform", "run_merge"),
    "dedupe": ("transform", "run_dedupe"),
    "filter": ("transform", "run_filter"),
    "split": ("transform", "run_split"),
    "stats": ("inspect", "run_stats"),
    "validate": ("inspect", "run_validate"),
    "cat": ("inspect", "run_cat"),
    "lookup": ("inspect", "run_lookup"),
}


def handler(name: str) -> Callable[[argparse.Namespace], int]:
    """The function that runs ``ruzh tmx NAME``, importing its module only when called."""
    module, function = HANDLERS[name]

    def run(args: argparse.Namespace) -> int:
        run_it: Callable[[argparse.Namespace], int] = getattr(
            importlib.import_module(f"ruzh.commands.tmx.{module}"), function
        )
        return run_it(args)

    return run


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
        parser.set_defaults(handler=handler(name))
