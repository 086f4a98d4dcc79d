"""The rule registry: stable ids, default severities, scopes, check functions, descriptions, fixes.

Ids are part of the interface (configuration files, baselines and SARIF reports name them), so a
rule may be added or deprecated but never renamed. Each rule names the check that finds it, as
``module.NAME`` inside this package (resolved only when checks run, so listing the rules imports
nothing heavy), and its scope, which says what the check is given:

- ``document``: one document alone (a function of :class:`~checks.text.DocumentText`);
- ``corpus``: every document, through one summary per document (a :class:`~checks.summary.CorpusCheck`);
- ``termbase``: the same with the termbase (a :class:`~checks.summary.TermbaseCheck`);
- ``unit`` and ``tm``: translation units one by one and the memory as a whole (one streaming pass,
  :func:`checks.units.check_units`).
"""

from __future__ import annotations

from dataclasses import dataclass

from ruzh.checks.findings import Finding


@dataclass(frozen=True, slots=True)
class Rule:
    """A check: its id, default severity, scope (see above), check function and texts."""

    id: str
    severity: str
    scope: str
    check: str
    description: str
    help: str


SCOPES = ("document", "corpus", "termbase", "unit", "tm")


RULES: tuple[Rule, ...] = (
    Rule(
        "zh-halfwidth-punct",
        "warning",
        "document",
        "typography.halfwidth_punctuation",
        "Half-width punctuation in Chinese text where the document (or the standard) uses full width.",
        "Use the full-width mark (，。；：（）) as the rest of the document does.",
    ),
    Rule(
        "unbalanced-pair",
        "warning",
        "document",
        "typography.unbalanced_pairs",
        "A quote or bracket opened and never closed, or closed without being opened (document or segment).",
        "Add the missing partner or remove the stray mark.",
    ),
    Rule(
        "zh-stray-space",
        "warning",
        "document",
        "typography.stray_spaces",
        "A space between two Han characters in running Chinese text, usually left over from PDF extraction.",
        "Delete the space; Chinese prose has no spaces between characters.",
    ),
    Rule(
        "han-for-dash",
        "warning",
        "corpus",
        "typography.HAN_FOR_DASH",
        "The Han character 一 stands where the same corpus writes a dash (中国一中东欧 vs 中国—中东欧).",
        "Replace 一 with the dash (—) used elsewhere.",
    ),
    Rule(
        "mixed-script-word",
        "error",
        "document",
        "homoglyphs.mixed_script",
        "A word mixes Latin and Cyrillic letters (a look-alike slip such as IоT with a Cyrillic о); "
        "it breaks search and term matching.",
        "Retype the word in one script.",
    ),
    Rule(
        "lookalike-acronym",
        "error",
        "corpus",
        "homoglyphs.LOOKALIKE_ACRONYMS",
        "An acronym with digits typed entirely in Cyrillic look-alikes of its Latin letters (Р2Р, В2С for "
        "P2P, B2C); it looks right but matches nothing in search, the termbase or a TM.",
        "Retype it in Latin letters, as the standard acronym is written.",
    ),
    Rule(
        "name-punctuation-variants",
        "warning",
        "document",
        "punctuation.punctuation_variants",
        "One name (a slogan, an initiative, a quoted title) is punctuated two ways in one document: a dash "
        "in one place and a comma in another, or different quotation marks.",
        "Write the name one way throughout the document.",
    ),
    Rule(
        "name-two-spellings",
        "warning",
        "corpus",
        "names.TWO_SPELLINGS",
        "A name written two ways one letter apart across the corpus (Haier and Hair).",
        "Use the usual spelling everywhere.",
    ),
    Rule(
        "term-forbidden",
        "error",
        "termbase",
        "variants.TERMS",
        "A term marked forbidden in the glossary is used.",
        "Replace it with the preferred term of its concept.",
    ),
    Rule(
        "term-deprecated",
        "warning",
        "termbase",
        "variants.TERMS",
        "A term marked deprecated in the glossary is used.",
        "Replace it with the preferred term, or mark the variant admitted in the reviewed glossary.",
    ),
    Rule(
        "term-variants-mixed",
        "warning",
        "termbase",
        "variants.TERMS",
        "One concept is written several ways across or within the documents without a decision.",
        "Choose one form, or mark the variant admitted in the reviewed glossary to accept it.",
    ),
    Rule(
        "unit-empty-target",
        "error",
        "unit",
        "memory.check_units",
        "A translation unit has an empty Chinese side.",
        "Translate the segment or remove the unit.",
    ),
    Rule(
        "unit-untranslated",
        "error",
        "unit",
        "memory.check_units",
        "The Chinese side is identical to the Russian side.",
        "Translate the segment.",
    ),
    Rule(
        "unit-wrong-script",
        "error",
        "unit",
        "memory.check_units",
        "A segment is in the wrong script (Cyrillic words on the Chinese side, none on the Russian side).",
        "Check that the two sides are not swapped and that the text is translated.",
    ),
    Rule(
        "unit-length-ratio",
        "info",
        "unit",
        "memory.check_units",
        "The length ratio of the two sides is far outside the norm of this memory.",
        "Check for a missing or extra sentence in the unit (a misalignment).",
    ),
    Rule(
        "unit-number-mismatch",
        "warning",
        "unit",
        "memory.check_units",
        "A quantity on one side has no equal on the other (万/亿 and тыс./млн/млрд are converted).",
        "Check the number, its unit of magnitude, its decimal separator and the percent sign.",
    ),
    Rule(
        "unit-term-missing",
        "warning",
        "unit",
        "memory.check_units",
        "A glossary term is in the Russian source, but no admitted Chinese rendering of it is in the target.",
        "Use the preferred Chinese term of the glossary.",
    ),
    Rule(
        "unit-term-forbidden",
        "error",
        "unit",
        "memory.check_units",
        "The Chinese target uses a rendering the glossary marks forbidden or deprecated.",
        "Use the preferred Chinese term of the glossary.",
    ),
    Rule(
        "tmx-read-problem",
        "warning",
        "unit",
        "memory.check_units",
        "The TMX reader skipped a unit or part of it (no Russian or Chinese variant, inline codes left out).",
        "Fix the unit in the TMX, or accept that it is not checked.",
    ),
    Rule(
        "tm-inconsistent-target",
        "warning",
        "tm",
        "memory.check_units",
        "The same source segment has different translations in the memory.",
        "Keep one translation, or confirm that the contexts differ.",
    ),
    Rule(
        "tm-inconsistent-source",
        "info",
        "tm",
        "memory.check_units",
        "Different source segments have the same translation in the memory.",
        "Check whether one of the translations is wrong (a copy-paste slip).",
    ),
)

BY_ID: dict[str, Rule] = {r.id: r for r in RULES}


def rule(rule_id: str) -> Rule:
    """The rule with this id (``KeyError`` for an unknown id: a programming error)."""
    return BY_ID[rule_id]


def finding(
    rule_id: str,
    message: str,
    file: str,
    line: int,
    column: int,
    text: str,
    related: tuple[str, ...] = (),
    context: str = "",
) -> Finding:
    """A finding of a registered rule at its default severity (configuration may change it later)."""
    return Finding(
        rule=rule_id,
        severity=BY_ID[rule_id].severity,
        message=message,
        file=file,
        line=line,
        column=column,
        text=text,
        related=related,
        context=context,
    )
