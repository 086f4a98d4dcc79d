"""Listing a corpus resolves each folder once: with links to files and folders, identities and
duplicates come out as resolving every file with pathlib would make them."""

from __future__ import annotations

import os
from pathlib import Path

from ruzh.align.reader import expand_inputs

from ruzh.pipeline import OUTPUT_FILES
from ruzh.pipeline.corpus import corpus_files


def _layout(root: Path) -> Path:
    corpus = root / "c"
    for name in ("a/x.txt", "b/x.txt", "top.TXT", "out/doc.txt", "out/glossary-omegat.txt"):
        (corpus / name).parent.mkdir(parents=True, exist_ok=True)
        (corpus / name).write_text("Текст.\n", encoding="utf-8")
    (root / "elsewhere").mkdir()
    (root / "elsewhere/real.txt").write_text("Текст.\n", encoding="utf-8")
    os.symlink(root / "elsewhere/real.txt", corpus / "a/link.txt")  # a file outside the corpus
    os.symlink(corpus / "a/x.txt", corpus / "b/dup.txt")  # the same file twice
    os.symlink(corpus / "a", corpus / "alias")  # a folder twice
    return corpus


def test_links_resolve_as_pathlib_resolves_them(tmp_path: Path) -> None:
    corpus = _layout(tmp_path)
    files = corpus_files([corpus], corpus / "out", None, OUTPUT_FILES)
    seen, expected = set(), []
    for path in expand_inputs([corpus]):
        real = path.resolve()
        if real in seen or real.parent == corpus / "out":
            continue
        seen.add(real)
        ident = real.relative_to(corpus).as_posix() if real.is_relative_to(corpus) else path.name
        expected.append((path, ident))
    assert [(f.path, f.ident) for f in files] == expected
    assert {f.ident for f in files} == {"a/x.txt", "b/x.txt", "top.TXT", "link.txt"}
