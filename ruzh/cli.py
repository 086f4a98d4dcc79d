"""The ``ruzh`` command: subcommands, error rendering and exit codes.

Each subcommand lives in ``ruzh.commands.<name>`` with ``register(subparsers)`` (which sets
``handler=run`` as its default) and ``run(args) -> int``; handlers only parse, call the
libraries and render.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import NoReturn

from ruzh import __version__
from ruzh.core.errors import RuzhError
from ruzh.core.terminal import guarded_terminals, visible
from ruzh.exitcodes import (
    EXIT_INPUT,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    exit_code,
    render,
)
from ruzh.formatter import EXIT_CODES
from ruzh.interrupt import interruptible
from ruzh.leave import leave

# Order is the order in ``ruzh --help``.
COMMAND_MODULES: tuple[str, ...] = ("build", "segment", "align", "eval", "tmx", "glossary", "check")


class Parser(argparse.ArgumentParser):
    """argparse with usage errors in the one-line form of every other error (subparsers inherit it)."""

    def error(self, message: str) -> NoReturn:
        what = " ".join(message.split())
        self.exit(EXIT_USAGE, visible(f"error: {what} — see {self.prog} --help") + "\n")


def build_parser(only: str | None = None, commands: bool = True) -> argparse.ArgumentParser:
    """The argument parser with every subcommand registered (or just ``only``, or none).

    Registering a subcommand imports its module; ``ruzh build --help`` and ``ruzh --version`` need one
    module or none, so start-up stays short (``bench/bench_startup.py``).
    """
    parser = Parser(
        prog="ruzh",
        description="Russian-Chinese parallel text: segment, align, TMX, glossary, checks.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"ruzh {__version__}")
    parser.add_argument("--debug", action="store_true", help="show a traceback on errors")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in (only,) if only else COMMAND_MODULES if commands else ():
        importlib.import_module(f"ruzh.commands.{name}").register(subparsers)
    return parser


def _parser_for(argv: Sequence[str]) -> argparse.ArgumentParser:
    """The parser ``argv`` needs: its subcommand alone, none for a bare ``--version``, else all."""
    command = next((arg for arg in argv if not arg.startswith("-")), None)
    if command in COMMAND_MODULES:
        return build_parser(only=command)
    if command is None and "--version" in argv and not {"-h", "--help"} & set(argv):
        return build_parser(commands=False)
    return build_parser()


def run() -> NoReturn:
    """The ``ruzh`` console command: :func:`main`, then :func:`ruzh.leave.leave` with its code."""
    leave(main())


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``ruzh`` and return its exit code; errors become one line on stderr."""
    parser = _parser_for(sys.argv[1:] if argv is None else argv)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 for --help
        return int(exc.code) if isinstance(exc.code, int) else EXIT_USAGE
    if not getattr(args, "handler", None):
        print("error: no command given — see ruzh --help", file=sys.stderr)
        return EXIT_USAGE
    with guarded_terminals():
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    """Call the subcommand's handler and turn every failure into one line and its exit code."""
    try:
        with interruptible():
            return int(args.handler(args))
    except RuzhError as exc:
        if args.debug:
            raise
        print(visible(render(exc)), file=sys.stderr)
        return exit_code(exc)
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_OK
    except OSError as exc:
        if args.debug:
            raise
        where = f" ({exc.filename})" if exc.filename else ""
        message = f"error: {exc.strerror or exc}{where} — check the path and permissions"
        print(visible(message), file=sys.stderr)
        return EXIT_INPUT
    except Exception as exc:  # a bug, not the user's input: never report it as findings (exit 1)
        if args.debug:
            raise
        message = (
            f"error: internal error: {type(exc).__name__}: {exc} — please report it with the output of "
            "the same command run with --debug"
        )
        print(visible(" ".join(message.split())), file=sys.stderr)
        return EXIT_INTERNAL
