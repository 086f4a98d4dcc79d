"""Exports for translation tools: TBX-Basic (TBX 2008 ``martif``) and OmegaT's tab-separated glossary.

OmegaT 3.6 and translate-toolkit read the 2008 ``martif`` form, not TBX v3 ``<tbx>``, so that is
what we write (ISO 30042:2008, TBX-Basic data categories: ``administrativeStatus``,
``partOfSpeech``, ``context``, ``subjectField``). OmegaT's own glossary format is a UTF-8 text
file with ``source<TAB>target<TAB>comment`` lines and no header row.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

import regex
from lxml import etree
from ruzh.core.atomicio import atomic_write
from ruzh.core.errors import InputError
from ruzh.glossary.attest import Attestation
from ruzh.glossary.build import Glossary
from ruzh.glossary.entries import Entry, write_csv
from ruzh.glossary.termbase import Concept, Term

XML_NS = "http://www.w3.org/XML/1998/namespace"
ADMIN_STATUS = {
    "preferred": "preferredTerm-admn-sts",
    "admitted": "admittedTerm-admn-sts",
    "deprecated": "deprecatedTerm-admn-sts",
    "forbidden": "deprecatedTerm-admn-sts",  # TBX-Basic has no "forbidden"; the note says so
}
EXPORTED = ("termbase", "approved")
_NOT_XML = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def exportable(entries: Iterable[Entry], candidates: bool = False) -> list[Entry]:
    """Rows for translators: curated and approved (candidates when asked), with both ru and zh."""
    allowed = (*EXPORTED, "candidate") if candidates else EXPORTED
    return [e for e in entries if e.status in allowed and e.ru and e.zh]


def _pos(term: Term) -> str:
    pos = term.pos.lower()
    if "propn" in pos or "name" in pos or "proper" in pos:
        return "properNoun"
    if pos.startswith(("verb", "infn")):
        return "verb"
    if pos in ("adj", "adjf", "adjective"):
        return "adjective"
    return "noun"  # termbase rows are noun phrases, abbreviations and names


def _check_xml(entry: Entry, *texts: str) -> None:
    for text in texts:
        if _NOT_XML.search(text):
            raise InputError(
                f"entry {entry.id} holds a control character that XML cannot carry: {text!r}",
                hint="remove it from the glossary CSV or the termbase",
            )


def _terms(entry: Entry, concepts: Mapping[str, Concept]) -> tuple[Term, ...]:
    """The curated concept's terms (with parts of speech) when the row is unchanged from it."""
    concept = concepts.get(entry.id)
    if entry.status == "termbase" and concept is not None:
        return concept.terms
    return entry.terms()


def tbx_tree(
    entries: Iterable[Entry],
    concepts: Mapping[str, Concept] | None = None,
    attestations: Mapping[tuple[str, str], Attestation] | None = None,
    signature: str = "",
) -> etree._ElementTree:
    """A TBX-Basic document of the rows (each term with status, part of speech and a context)."""
    concepts, attestations = concepts or {}, attestations or {}
    root = etree.Element("martif", {"type": "TBX-Basic", f"{{{XML_NS}}}lang": "ru"})
    header = etree.SubElement(root, "martifHeader")
    source = etree.SubElement(etree.SubElement(header, "fileDesc"), "sourceDesc")
    etree.SubElement(source, "p").text = (
        f"ruzh glossary export ({signature})" if signature else "ruzh glossary"
    )
    etree.SubElement(etree.SubElement(header, "encodingDesc"), "p", type="XCSURI").text = "TBXBasicXCSV02.xcs"
    body = etree.SubElement(etree.SubElement(root, "text"), "body")
    for entry in entries:
        terms = _terms(entry, concepts)
        _check_xml(entry, entry.domain, entry.note, *(t.text for t in terms))
        te = etree.SubElement(body, "termEntry", id=entry.id)
        if entry.domain:
            etree.SubElement(te, "descrip", type="subjectField").text = entry.domain
        if entry.note:
            etree.SubElement(te, "note").text = entry.note
        for lang in ("ru", "zh", "en"):
            own = [t for t in terms if t.lang == lang]
            if not own:
                continue
            ls = etree.SubElement(te, "langSet", {f"{{{XML_NS}}}lang": lang})
            att = attestations.get((entry.id, lang))
            for term in own:
                _tig(ls, term, att, entry)
    return etree.ElementTree(root)


def _tig(parent: etree._Element, term: Term, att: Attestation | None, entry: Entry) -> None:
    tig = etree.SubElement(parent, "tig")
    etree.SubElement(tig, "term").text = term.text
    etree.SubElement(tig, "termNote", type="partOfSpeech").text = _pos(term)
    etree.SubElement(tig, "termNote", type="administrativeStatus").text = ADMIN_STATUS[term.status]
    if term.status == "forbidden":
        etree.SubElement(tig, "note").text = "forbidden: do not use"
    if att is not None:
        example = next((o for o in att.examples if o.term == term.text), None)
        if example is not None:
            _check_xml(entry, example.context)
            etree.SubElement(tig, "descrip", type="context").text = example.context


def write_tbx(
    path: str | Path,
    entries: Iterable[Entry],
    concepts: Mapping[str, Concept] | None = None,
    attestations: Mapping[tuple[str, str], Attestation] | None = None,
    signature: str = "",
) -> None:
    """Write TBX-Basic atomically."""
    tree = tbx_tree(entries, concepts, attestations, signature)
    with atomic_write(path, "wb") as handle:
        tree.write(handle, encoding="UTF-8", xml_declaration=True, pretty_print=True)


def _cell(text: str) -> str:
    return " ".join(text.split())


def omegat_lines(entries: Iterable[Entry], concepts: Mapping[str, Concept] | None = None) -> list[str]:
    """``ru<TAB>zh<TAB>comment`` lines: every usable Russian form of a concept → its preferred Chinese."""
    concepts = concepts or {}
    lines: list[str] = []
    for entry in entries:
        terms = _terms(entry, concepts)
        zh = next((t.text for t in terms if t.lang == "zh" and t.status == "preferred"), entry.zh)
        for term in (t for t in terms if t.lang == "ru"):
            comment = "; ".join(
                p for p in (entry.en, entry.domain, "" if term.status == "preferred" else term.status) if p
            )
            lines.append(f"{_cell(term.text)}\t{_cell(zh)}\t{_cell(comment)}")
    return lines


def write_omegat(
    path: str | Path, entries: Iterable[Entry], concepts: Mapping[str, Concept] | None = None
) -> None:
    """Write OmegaT's tab-separated glossary (UTF-8, no header) atomically."""
    with atomic_write(path, "w", encoding="utf-8") as handle:
        for line in omegat_lines(entries, concepts):
            handle.write(line + "\n")


def write_outputs(glossary: Glossary, out_dir: str | Path, candidates: bool = False) -> list[Path]:
    """``glossary.csv`` (every row), ``glossary.tbx`` and ``glossary-omegat.txt`` (exportable rows)."""
    out = Path(out_dir)
    concepts = {c.id: c for c in glossary.concepts}
    chosen = exportable(glossary.entries, candidates)
    paths = [out / "glossary.csv", out / "glossary.tbx", out / "glossary-omegat.txt"]
    write_csv(glossary.entries, paths[0])
    write_tbx(
        paths[1], chosen, concepts=concepts, attestations=glossary.attestations, signature=glossary.signature
    )
    write_omegat(paths[2], chosen, concepts)
    return paths
