"""The five seed documents of the project: the default corpus of ``ruzh build``.

They are kept byte for byte as extracted from their PDFs (page breaks, hyphenation and all),
because the reader is judged on exactly this kind of text.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def seed_paths() -> list[Path]:
    """Paths of the bundled seed documents, sorted by name."""
    root = resources.files(__name__)
    return sorted(Path(str(entry)) for entry in root.iterdir() if entry.name.endswith(".txt"))
