"""TBX-Basic export (TBX 2008 ``martif``) and the XCS file that declares its languages and data categories.

OmegaT 3.6 and translate-toolkit read the 2008 ``martif`` form, not TBX v3 ``<tbx>``, so that is what
we write (ISO 30042:2008, TBX-Basic). The TBX Checker wants a DOCTYPE and checks every ``xml:lang``
and data category against the XCS the header names; the stock ``TBXBasicXCSV02.xcs`` declares only
English, French and German, so :func:`xcs_tree` writes one beside the TBX that declares the tags of
:class:`~ruzh.core.langtags.OutputTags` (the same tags as the TMX) and every category used here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import regex
from lxml import etree
from ruzh.core.atomicio import atomic_write
from ruzh.core.errors import InputError
from ruzh.core.langtags import EN, RU, ZH, OutputTags
from ruzh.glossary.attest import Attestation
from ruzh.glossary.entries import Entry
from ruzh.glossary.termbase import Concept, Term

XML_NS = "http://www.w3.org/XML/1998/namespace"
XML_LANG = f"{{{XML_NS}}}lang"
DOCTYPE = '<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">'
XCS_DOCTYPE = '<!DOCTYPE TBXXCS SYSTEM "tbxxcsdtd.dtd">'
XCS_NAME = "glossary.xcs"
ADMIN_STATUS = {
    "preferred": "preferredTerm-admn-sts",
    "admitted": "admittedTerm-admn-sts",
    "deprecated": "deprecatedTerm-admn-sts",
    "forbidden": "deprecatedTerm-admn-sts",  # TBX-Basic has no "forbidden"; a note says so
}
# TBX-Basic picklists (ISO 12620 values), declared in the XCS exactly as written in the TBX.
PARTS_OF_SPEECH = ("noun", "verb", "adjective", "adverb", "properNoun", "other")
TERM_TYPES = ("fullForm", "acronym", "abbreviation", "shortForm", "variant", "phrase")
LANGUAGE_NAMES = {RU: "Russian", ZH: "Chinese", EN: "English"}
# Data categories: (element, name, contents datatype, levels or "", picklist values).
DATA_CATEGORIES: tuple[tuple[str, str, str, str, tuple[str, ...]], ...] = (
    ("descripSpec", "subjectField", "plainText", "termEntry", ()),
    ("descripSpec", "definition", "noteText", "langSet", ()),
    ("descripSpec", "context", "noteText", "term", ()),
    ("termNoteSpec", "partOfSpeech", "picklist", "", PARTS_OF_SPEECH),
    ("termNoteSpec", "administrativeStatus", "picklist", "", tuple(dict.fromkeys(ADMIN_STATUS.values()))),
    ("termNoteSpec", "termType", "picklist", "", TERM_TYPES),
)
_NOT_XML = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ABBREVIATION = regex.compile(r"^(?=(?:.*\p{Lu}){2})[\p{Lu}\p{Ll}\d]{2,8}$")


def _check_xml(entry: Entry, *texts: str) -> None:
    for text in texts:
        if _NOT_XML.search(text):
            raise InputError(
                f"entry {entry.id} holds a control character that XML cannot carry: {text!r}",
                hint="remove it from the glossary CSV or the termbase",
            )


def terms_of(entry: Entry, concepts: Mapping[str, Concept]) -> tuple[Term, ...]:
    """The curated concept's terms (with parts of speech) when the row is unchanged from it."""
    concept = concepts.get(entry.id)
    if entry.status == "termbase" and concept is not None:
        return concept.terms
    return entry.terms()


def is_abbreviation(term: Term) -> bool:
    """An abbreviation by the termbase's part of speech, or by shape (ИКТ, IoT, 5G) when none is given."""
    pos = term.pos.lower()
    if pos:
        return pos == "abbr"
    return " " not in term.text and bool(_ABBREVIATION.match(term.text)) and term.text != term.text.title()


def part_of_speech(term: Term, entry: Entry) -> str | None:
    """The TBX-Basic part of speech: from the termbase, else what the candidate's evidence shows, else
    ``None`` (left out rather than guessed)."""
    pos = term.pos.lower()
    if "propn" in pos or "name" in pos or "proper" in pos:
        return "properNoun"
    if pos.startswith(("verb", "infn")):
        return "verb"
    if pos in ("adj", "adjf", "adjective"):
        return "adjective"
    if pos:
        return "noun"  # termbase rows are noun phrases and abbreviations
    if entry.domain == "names":
        return "properNoun"
    if entry.evidence.startswith(("compound ", "NOUN", "ADJ")):
        return "noun"  # Russian noun-phrase patterns and Chinese nominal compounds
    return None


def _definition(entry: Entry, concepts: Mapping[str, Concept]) -> str:
    """The curated concept's note is its definition; a reviewer's note on another row is a note."""
    concept = concepts.get(entry.id)
    return entry.note if concept is not None and entry.note == concept.note else ""


def tbx_tree(
    entries: Iterable[Entry],
    concepts: Mapping[str, Concept] | None = None,
    attestations: Mapping[tuple[str, str], Attestation] | None = None,
    signature: str = "",
    tags: OutputTags | None = None,
) -> etree._ElementTree:
    """A TBX-Basic document of the rows: definitions, statuses, term types, parts of speech, contexts."""
    concepts, attestations, tags = concepts or {}, attestations or {}, tags or OutputTags()
    root = etree.Element("martif", {"type": "TBX-Basic", XML_LANG: tags.en})
    header = etree.SubElement(root, "martifHeader")
    file_desc = etree.SubElement(header, "fileDesc")
    etree.SubElement(etree.SubElement(file_desc, "titleStmt"), "title").text = "ruzh glossary"
    source = etree.SubElement(file_desc, "sourceDesc")
    etree.SubElement(source, "p").text = (
        f"ruzh glossary export ({signature})" if signature else "ruzh glossary"
    )
    etree.SubElement(etree.SubElement(header, "encodingDesc"), "p", type="XCSURI").text = XCS_NAME
    body = etree.SubElement(etree.SubElement(root, "text"), "body")
    for entry in entries:
        _term_entry(body, entry, terms_of(entry, concepts), _definition(entry, concepts), attestations, tags)
    return etree.ElementTree(root)


def _term_entry(
    body: etree._Element,
    entry: Entry,
    terms: Sequence[Term],
    definition: str,
    attestations: Mapping[tuple[str, str], Attestation],
    tags: OutputTags,
) -> None:
    _check_xml(entry, entry.domain, entry.note, *(t.text for t in terms))
    te = etree.SubElement(body, "termEntry", id=entry.id)
    if entry.domain:
        etree.SubElement(te, "descrip", type="subjectField").text = entry.domain
    if entry.note and not definition:
        etree.SubElement(te, "note").text = entry.note
    langs = [lang for lang in (RU, ZH, EN) if any(t.lang == lang for t in terms)]
    for lang in langs:
        own = [t for t in terms if t.lang == lang]
        ls = etree.SubElement(te, "langSet", {XML_LANG: tags.of(lang)})
        if definition and lang == (EN if EN in langs else langs[0]):
            descrip = etree.SubElement(ls, "descrip", type="definition")
            descrip.text = definition
            if lang != EN:
                descrip.set(XML_LANG, tags.en)  # the termbase's definitions are in English
        has_abbreviation = any(is_abbreviation(t) for t in own)
        for term in own:
            _tig(ls, term, entry, attestations.get((entry.id, lang)), has_abbreviation)


def _tig(parent: etree._Element, term: Term, entry: Entry, att: Attestation | None, full: bool) -> None:
    tig = etree.SubElement(parent, "tig")
    etree.SubElement(tig, "term").text = term.text  # then termNotes, then descrips and notes (the DTD)
    if is_abbreviation(term):
        etree.SubElement(tig, "termNote", type="termType").text = "abbreviation"
    elif full:
        etree.SubElement(tig, "termNote", type="termType").text = "fullForm"
    pos = part_of_speech(term, entry)
    if pos is not None:
        etree.SubElement(tig, "termNote", type="partOfSpeech").text = pos
    etree.SubElement(tig, "termNote", type="administrativeStatus").text = ADMIN_STATUS[term.status]
    if att is not None:
        example = next((o for o in att.examples if o.term == term.text), None)
        if example is not None:
            _check_xml(entry, example.context)
            etree.SubElement(tig, "descrip", type="context").text = example.context
    if term.status == "forbidden":
        etree.SubElement(tig, "note").text = "forbidden: do not use"


def xcs_tree(tags: OutputTags | None = None) -> etree._ElementTree:
    """The XCS the TBX names: its languages (the output tags) and its data categories with picklists."""
    tags = tags or OutputTags()
    root = etree.Element("TBXXCS", name="ruzh TBX-Basic", version="2", lang=tags.en)
    etree.SubElement(
        etree.SubElement(root, "header"), "title"
    ).text = "TBX-Basic data categories and languages of the ruzh glossary"
    languages = etree.SubElement(root, "languages")
    for lang in (RU, ZH, EN):
        info = etree.SubElement(languages, "langInfo")
        etree.SubElement(info, "langCode").text = tags.of(lang)
        etree.SubElement(info, "langName").text = LANGUAGE_NAMES[lang]
    categories = etree.SubElement(root, "datCatSet")
    for element, name, datatype, levels, values in DATA_CATEGORIES:
        spec = etree.SubElement(categories, element, name=name)
        contents = etree.SubElement(spec, "contents", datatype=datatype)
        if values:
            contents.text = " ".join(values)
        if levels:
            etree.SubElement(spec, "levels").text = levels
    return etree.ElementTree(root)


def write_tbx(
    path: str | Path,
    entries: Iterable[Entry],
    concepts: Mapping[str, Concept] | None = None,
    attestations: Mapping[tuple[str, str], Attestation] | None = None,
    signature: str = "",
    tags: OutputTags | None = None,
) -> Path:
    """Write the TBX and, beside it, the XCS it names (each atomically); returns the XCS path."""
    tree = tbx_tree(entries, concepts, attestations, signature, tags)
    xcs = Path(path).with_name(XCS_NAME)
    for target, doc, doctype in ((xcs, xcs_tree(tags), XCS_DOCTYPE), (Path(path), tree, DOCTYPE)):
        data: bytes = etree.tostring(
            doc, encoding="UTF-8", xml_declaration=True, pretty_print=True, doctype=doctype
        )
        with atomic_write(target, "wb") as handle:
            handle.write(data)
    return xcs
