"""``python -m ruzh`` runs the command line."""

from ruzh.cli import main

raise SystemExit(main())
