"""ruzh: the command-line application over the ``align``, ``tmx`` and ``glossary`` libraries."""

__version__ = "0.1.0"
