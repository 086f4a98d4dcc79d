"""ruzh: the command line, build pipeline and report over the ``ruzh.align``, ``ruzh.tmx``, ``ruzh.glossary``
and ``ruzh.checks`` libraries."""

__version__ = "0.1.0"
