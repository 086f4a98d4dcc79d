"""``python -m ruzh`` runs the command line."""

from ruzh.cli import run

run()
