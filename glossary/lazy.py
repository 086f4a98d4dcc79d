"""A sequence made on first use, for inputs that a cached result often makes unneeded.

An edited rebuild finds the glossary's links in the cache by the texts of the translation units
alone, so the units themselves (a thousand cache entries to read) and their re-keying are not
needed at all; handing them over as a :class:`Later` leaves that work undone unless the links must
be made again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Generic, TypeVar, overload

T = TypeVar("T")


class Later(Sequence[T], Generic[T]):
    """The items ``make()`` returns, made when first asked for, once."""

    def __init__(self, make: Callable[[], Sequence[T]]) -> None:
        self._make: Callable[[], Sequence[T]] | None = make
        self._items: Sequence[T] = ()

    @property
    def made(self) -> bool:
        """Whether the items have been made."""
        return self._make is None

    def make_now(self) -> None:
        """Make the items now (when they will be needed anyway and now is cheaper than later)."""
        self._get()

    def _get(self) -> Sequence[T]:
        if self._make is not None:
            self._items, self._make = self._make(), None
        return self._items

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[T]: ...
    def __getitem__(self, index: int | slice) -> T | Sequence[T]:
        return self._get()[index]

    def __len__(self) -> int:
        return len(self._get())

    def __iter__(self) -> Iterator[T]:
        return iter(self._get())
