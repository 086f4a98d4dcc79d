"""Cells of the CSV/TSV files ruzh writes for spreadsheets, safe from formula injection.

A spreadsheet evaluates a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and, in some
programs, a leading tab or carriage return) as a formula: a document named ``=HYPERLINK(…).txt``
would otherwise become a live link in glossary.csv. OWASP's rule ("CSV injection") is to prefix
such a cell with a single quote, which spreadsheets show as text. To keep the round trip
lossless, a cell that already starts with quotes followed by a formula character gets one more
quote, and :func:`restore` removes exactly one quote from such cells when ruzh reads its own files
back. Other cells pass unchanged in both directions.
"""

from __future__ import annotations

from collections.abc import Iterable

from ruzh.core.errors import InputError

FORMULA_START = frozenset("=+-@\t\r")
QUOTE = "'"


def _looks_like_formula(cell: str) -> bool:
    """The cell, once leading quotes are ignored, starts with a formula character."""
    return cell.lstrip(QUOTE)[:1] in FORMULA_START


def neutralise(cell: str) -> str:
    """The cell as written to a CSV/TSV meant for spreadsheets."""
    return QUOTE + cell if _looks_like_formula(cell) else cell


def restore(cell: str) -> str:
    """The cell as it was before :func:`neutralise` (the inverse on everything ruzh writes)."""
    return cell[1:] if cell.startswith(QUOTE) and _looks_like_formula(cell) else cell


def neutralise_row(row: Iterable[str]) -> list[str]:
    """Every cell of a row, neutralised."""
    return [neutralise(cell) for cell in row]


def restore_row(row: Iterable[str]) -> list[str]:
    """Every cell of a row, restored."""
    return [restore(cell) for cell in row]


def refuse_formula_terms(terms: Iterable[str], *, file: str, line: int) -> None:
    """A term that starts like a formula would reach OmegaT and TBX files (which are not spreadsheets,
    so a quote there would corrupt the term), and no real ru or zh term starts so: refuse the row."""
    for term in terms:
        if term[:1] in FORMULA_START:
            raise InputError(
                f"the term {term!r} starts with {term[:1]!r}, which spreadsheets run as a formula",
                file=file,
                line=line,
                hint="remove the leading character from the term (or set the row's status to rejected "
                "and clear the cell)",
            )
