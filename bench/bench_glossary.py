"""Benchmark: attest a 1,000-concept termbase over a ~200 MB corpus; report MB/s and peak memory.

The corpus is the seed documents and the ``../shared/data`` sentences (FLORES-200 devtest and
Tatoeba, Russian and Chinese), each read once with the project's reader and then repeated with
variations until the wanted size is reached: sentence order rotated, sentence-initial capitals
flipped, and a numbered clause added, so the matcher never sees two identical documents. The
termbase is the shipped one plus generated concepts (Russian adjective + noun from the lexicon,
the Chinese renderings joined) up to the wanted number of concepts.

    python bench/bench_glossary.py                 # 200 MB, 1,000 concepts
    python bench/bench_glossary.py --mb 20          # a quicker run
    python bench/bench_glossary.py --reader-mb 10   # also time the reader on 10 MB written to disk
"""

from __future__ import annotations

import argparse
import itertools
import resource
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from ruzh.align.lexicon import shipped_entries  # noqa: E402
from ruzh.align.reader import document_from_text, read_documents  # noqa: E402
from ruzh.align.types import Block, Document  # noqa: E402
from ruzh.glossary.attest import Attester  # noqa: E402
from ruzh.glossary.termbase import Concept, Term, load_termbase  # noqa: E402
from ruzh.seeds import seed_paths  # noqa: E402

SHARED = REPO.parent / "shared" / "data"


def base_documents() -> list[Document]:
    """The seeds and the shared sentence files, read once."""
    docs = list(read_documents(seed_paths()))
    for path in sorted(SHARED.glob("*/*")):
        if path.suffix in (".devtest", ".rus", ".zho"):
            docs.append(document_from_text(path.read_text(encoding="utf-8"), path.name, str(path)))
    if len(docs) <= 5:
        print(f"note: {SHARED} not found; the corpus is the seeds only", file=sys.stderr)
    return docs


def doc_bytes(doc: Document) -> int:
    """UTF-8 size of a document's sentence text."""
    return sum(len(s.text.encode("utf-8")) + 1 for b in doc.blocks for s in b.sentences)


def _vary_block(block: Block, copy: int) -> Block:
    sentences = list(block.sentences)
    if sentences:
        k = copy % len(sentences)
        sentences = sentences[k:] + sentences[:k]
    out = []
    for i, s in enumerate(sentences):
        text = s.text
        if copy % 2 and text[:1].isalpha():
            text = text[:1].swapcase() + text[1:]
        if i == 0:
            text = f"{text} ({copy}-{i})" if block.lang != "zh" else f"{text}（{copy}）"
        out.append(replace(s, text=text))
    return replace(block, sentences=tuple(out))


def corpus(docs: list[Document], target_bytes: int) -> Iterator[tuple[Document, int]]:
    """Varied copies of the base documents until ``target_bytes`` of text have been produced."""
    produced = 0
    for copy in itertools.count():
        for doc in docs:
            if produced >= target_bytes:
                return
            varied = replace(
                doc, name=f"{doc.name}#{copy}", blocks=tuple(_vary_block(b, copy) for b in doc.blocks)
            )
            size = doc_bytes(varied)
            produced += size
            yield varied, size


def termbase(size: int) -> list[Concept]:
    """The shipped termbase plus generated adjective+noun concepts up to ``size`` concepts."""
    concepts = load_termbase()
    adjs = [e for e in shipped_entries() if e.pos == "ADJF"]
    nouns = [e for e in shipped_entries() if e.pos == "NOUN"]
    for n, (adj, noun) in enumerate(zip(itertools.cycle(adjs), nouns, strict=False)):
        if len(concepts) >= size:
            break
        concepts.append(
            Concept(
                f"GEN{n:04d}",
                "generated",
                terms=(Term("ru", f"{adj.ru} {noun.ru}"), Term("zh", adj.zh[0] + noun.zh[0])),
            )
        )
    return concepts


def peak_mb() -> float:
    """Peak resident memory of this process (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--mb", type=float, default=200.0, help="corpus size in MB of UTF-8 text (default 200)"
    )
    parser.add_argument("--concepts", type=int, default=1000, help="termbase size in concepts (default 1000)")
    parser.add_argument("--reader-mb", type=float, default=0.0, help="also time reader+attestation on N MB")
    args = parser.parse_args()

    docs = base_documents()
    concepts = termbase(args.concepts)
    terms = sum(len(c.terms) for c in concepts)
    t0 = time.perf_counter()
    attester = Attester(concepts)
    build_s = time.perf_counter() - t0
    print(f"termbase: {len(concepts)} concepts, {terms} terms; automata built in {build_s:.2f} s")
    print(f"base corpus: {len(docs)} documents, {sum(map(doc_bytes, docs)) / 1e6:.2f} MB")
    mem_before = peak_mb()
    total = 0
    elapsed = cpu = 0.0
    for doc, size in corpus(docs, int(args.mb * 1e6)):
        t0, c0 = time.perf_counter(), time.process_time()
        attester.add(doc)
        elapsed += time.perf_counter() - t0
        cpu += time.process_time() - c0
        total += size
    result = attester.result()
    occurrences = sum(a.freq for a in result.values())
    print(
        f"attestation: {total / 1e6:.1f} MB in {elapsed:.1f} s = {total / 1e6 / elapsed:.2f} MB/s "
        f"(CPU {cpu:.1f} s = {total / 1e6 / cpu:.2f} MB/s of one core); "
        f"{occurrences} occurrences of {len({c for c, _ in result})} concepts"
    )
    print(f"peak memory: {peak_mb():.0f} MB (before the corpus pass: {mem_before:.0f} MB)")
    if args.reader_mb:
        _reader_run(docs, concepts, args.reader_mb)
    return 0


def _reader_run(docs: list[Document], concepts: list[Concept], mb: float) -> None:
    """End to end from files: write ``mb`` of seed text to disk, read it back, attest."""
    raw = b"".join(Path(p).read_bytes() for p in seed_paths())
    with tempfile.TemporaryDirectory() as tmp:
        count = max(1, int(mb * 1e6 / len(raw)))
        for i in range(count):
            (Path(tmp) / f"doc{i:04d}.txt").write_bytes(raw)
        attester = Attester(concepts)
        t0 = time.perf_counter()
        for doc in read_documents([tmp]):
            attester.add(doc)
        elapsed = time.perf_counter() - t0
        size = count * len(raw) / 1e6
        print(
            f"reader + attestation from files: {size:.1f} MB in {elapsed:.1f} s = {size / elapsed:.2f} MB/s"
        )


if __name__ == "__main__":
    raise SystemExit(main())
