"""A Ctrl-C that lands in a finalizer is not lost: the next phase step stops the command."""

from __future__ import annotations

import gc
import signal

import pytest

from ruzh.interrupt import interruptible
from ruzh.progress import Progress


class _InterruptedWhileCollected:
    """An object whose finalizer receives the SIGINT, as a regex pattern's did during a build."""

    def __del__(self) -> None:
        signal.raise_signal(signal.SIGINT)


def test_an_interrupt_swallowed_by_a_finalizer_stops_the_next_phase_step(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with interruptible():
        with Progress("pairing", 3, quiet=True) as bar:
            bar.advance()
            _InterruptedWhileCollected()  # collected at once: Python ignores what its finalizer raises
            gc.collect()
            with pytest.raises(KeyboardInterrupt):
                bar.advance()
        with pytest.raises(KeyboardInterrupt), Progress("glossary", 1, quiet=True):
            pass
    err = capsys.readouterr().err
    assert "Exception ignored" not in err
    assert "KeyboardInterrupt" not in err


def test_a_new_command_starts_without_the_previous_interrupt() -> None:
    with interruptible():
        _InterruptedWhileCollected()
        gc.collect()
    with interruptible(), Progress("reading", 1, quiet=True) as bar:
        bar.advance()


def test_after_the_command_no_interrupt_is_left_over() -> None:
    with interruptible():
        _InterruptedWhileCollected()
        gc.collect()
    with Progress("reading", 1, quiet=True) as bar:  # a library call outside any command
        bar.advance()
