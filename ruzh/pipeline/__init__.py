"""``ruzh build``: from a folder of documents to TMX, glossary, findings and a review report."""

# What a build writes into its output folder (here, so that ``ruzh build --help`` imports nothing else).
OUTPUT_FILES = (
    "memory.tmx",
    "glossary.csv",
    "glossary.tbx",
    "glossary.xcs",
    "glossary-omegat.txt",
    "findings.json",
    "findings.sarif",
    "unaligned.tsv",
    "report.html",  # the entry page; the other pages are in report/
)
