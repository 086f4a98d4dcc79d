"""Benchmark the .docx reader against bombs: time and peak memory of ``ruzh segment`` until refusal.

Each case runs in a child process (so its peak resident memory is its own, from ``wait4``):

* ``size``: word/document.xml of N MiB of empty paragraphs, its size declared truthfully;
* ``liar``: the same with every declared size rewritten as 1 byte (the stream is still counted);
* ``paragraphs``: just under the size cap, many more paragraphs than the paragraph cap;
* ``real``: a real-text document (seed sentences) of 20,000 paragraphs, which must be read.

    python bench/bench_docx_bombs.py [--mib 200] [--work bench/work/docx]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

from ruzh.align import docx
from ruzh.seeds import seed_paths

HEAD = f'<w:document xmlns:w="{docx.W[1:-1]}"><w:body>'.encode()


def write_bomb(path: Path, mib: int, element: bytes, zip64: bool = True) -> None:
    """``mib`` MiB of ``element`` streamed into word/document.xml (never held in memory)."""
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open("word/document.xml", "w", force_zip64=zip64) as handle,
    ):
        handle.write(HEAD)
        chunk = element * (1 << 16)
        for _ in range(mib * (1 << 20) // len(chunk)):
            handle.write(chunk)
        handle.write(b"</w:body></w:document>")


def lie_about_sizes(path: Path) -> None:
    """Declare 1 KiB as the uncompressed size of every entry, in the local and central headers
    (a plain ZIP, not ZIP64: the sizes sit at fixed offsets)."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        offsets = [info.header_offset for info in archive.infolist()]
    for offset in offsets:
        data[offset + 22 : offset + 26] = (1024).to_bytes(4, "little")
    end = data.rindex(b"PK\x05\x06")
    central = int.from_bytes(data[end + 16 : end + 20], "little")
    while data[central : central + 4] == b"PK\x01\x02":
        data[central + 24 : central + 28] = (1024).to_bytes(4, "little")
        lengths = (int.from_bytes(data[central + i : central + i + 2], "little") for i in (28, 30, 32))
        central += 46 + sum(lengths)
    path.write_bytes(bytes(data))


def write_real(path: Path, paragraphs: int) -> None:
    """A document of real seed lines, one per paragraph, repeated up to ``paragraphs``."""
    lines = [
        line.strip().replace("&", "&amp;").replace("<", "&lt;")
        for seed in seed_paths()
        for line in seed.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    body = "".join(f"<w:p><w:r><w:t>{lines[i % len(lines)]}</w:t></w:r></w:p>" for i in range(paragraphs))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", HEAD + body.encode() + b"</w:body></w:document>")


def run(path: Path) -> tuple[int, float, float, str]:
    """Exit code, seconds, peak MiB and last stderr line of ``ruzh segment path``."""
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "ruzh", "segment", str(path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stderr is not None
    err = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    last = err.strip().splitlines()[-1] if err.strip() else ""
    return os.waitstatus_to_exitcode(status), seconds, usage.ru_maxrss / 1024, last


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--mib", type=int, default=200, help="XML size of the size bombs (default 200)")
    parser.add_argument("--work", type=Path, default=Path("bench/work/docx"))
    args = parser.parse_args()
    if args.work.exists():
        shutil.rmtree(args.work)
    args.work.mkdir(parents=True)
    cases = {
        "size": lambda p: write_bomb(p, args.mib, b"<w:p/>"),
        "liar": lambda p: (write_bomb(p, args.mib, b"<w:bookmarkEnd/>", zip64=False), lie_about_sizes(p)),
        "paragraphs": lambda p: write_bomb(p, docx.MAX_XML_BYTES // (1 << 20) - 1, b"<w:p/>"),
        "real": lambda p: write_real(p, 20_000),
    }
    print(f"caps: {docx.MAX_XML_BYTES // (1 << 20)} MiB of XML, {docx.MAX_PARAGRAPHS:,} paragraphs")
    print(f"{'case':<11} {'docx KB':>8} {'exit':>4} {'seconds':>8} {'peak MiB':>9}  message")
    for name, make in cases.items():
        path = args.work / f"{name}.docx"
        make(path)
        code, seconds, peak, last = run(path)
        print(
            f"{name:<11} {path.stat().st_size // 1024:>8} {code:>4} {seconds:>8.2f} {peak:>9.1f}  {last[:90]}"
        )


if __name__ == "__main__":
    main()
