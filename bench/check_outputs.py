"""Figures of a build's client-facing files, checked with each client's schema (no timings).

    ruzh build -o out && python bench/check_outputs.py out

Prints, for ``glossary.tbx`` and ``glossary.xcs``: entries, terms, the ``xml:lang`` values used and
declared, data-category uses not declared in the XCS (should be 0), term types, statuses; for
``glossary-omegat.txt``: lines and what was left out; for ``findings.sarif``: results and SARIF 2.1.0
schema errors (should be 0); for ``ruzh check --format junit``: validity against the Jenkins xUnit
schema at each ``--fail-on``. The schemas are the ones in ``tests/schemas/`` (jsonschema comes with
the test extra).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from lxml import etree

REPO = Path(__file__).resolve().parents[1]
SCHEMAS = REPO / "tests" / "schemas"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def tbx_figures(out: Path) -> dict[str, object]:
    """What the TBX holds and whether its XCS declares every language and data category used."""
    tbx = etree.parse(str(out / "glossary.tbx"))
    xcs = etree.parse(str(out / "glossary.xcs"))
    declared = {str(c.text) for c in xcs.iterfind("languages/langInfo/langCode")}
    specs = {str(s.get("name")): s.find("contents") for s in xcs.iterfind("datCatSet/*")}
    used = Counter(str(e.get(XML_LANG)) for e in tbx.iter() if e.get(XML_LANG))
    uses = list(tbx.iter("descrip", "termNote"))
    undeclared = [
        e
        for e in uses
        if (spec := specs.get(str(e.get("type")))) is None
        or (spec.get("datatype") == "picklist" and e.text not in (spec.text or "").split())
    ]
    notes = Counter(str(e.get("type")) for e in uses)
    by = {
        kind: Counter(e.text for e in uses if e.get("type") == kind)
        for kind in ("termType", "administrativeStatus")
    }
    return {
        "doctype": tbx.docinfo.doctype,
        "entries": len(tbx.findall(".//termEntry")),
        "terms": len(tbx.findall(".//tig")),
        "xml:lang used": dict(used),
        "xml:lang not declared in the XCS": sorted(set(used) - declared),
        "data category uses": len(uses),
        "uses not declared in the XCS": len(undeclared),
        "uses by category": dict(notes),
        "termType": dict(by["termType"]),
        "administrativeStatus": dict(by["administrativeStatus"]),
        "terms without a status": sum(
            t.find("termNote[@type='administrativeStatus']") is None for t in tbx.iter("tig")
        ),
    }


def omegat_figures(out: Path) -> dict[str, object]:
    """Glossary lines for OmegaT and the comment that lists what was left out."""
    lines = (out / "glossary-omegat.txt").read_text(encoding="utf-8").splitlines()
    return {
        "lines": sum(not line.startswith("#") for line in lines),
        "left out": [line for line in lines if line.startswith("# Left out")],
    }


def sarif_figures(out: Path) -> dict[str, object]:
    """Results of findings.sarif and its errors against the SARIF 2.1.0 schema."""
    import jsonschema

    schema = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    doc = json.loads((out / "findings.sarif").read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
    return {"results": len(doc["runs"][0]["results"]), "schema errors": len(list(validator.iter_errors(doc)))}


def junit_figures(documents: list[str]) -> dict[str, object]:
    """``ruzh check --format junit`` at each --fail-on, validated against the Jenkins xUnit schema."""
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "junit-10.xsd")))
    figures: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for fail_on in ("error", "warning", "never"):
            report = Path(tmp) / f"{fail_on}.xml"
            command = [
                "ruzh",
                "check",
                *documents,
                "--format",
                "junit",
                "--fail-on",
                fail_on,
                "-o",
                str(report),
            ]
            subprocess.run(command, check=False)
            root = etree.parse(str(report)).getroot()
            figures[fail_on] = {
                "valid": schema.validate(root),
                "tests": root.get("tests"),
                "failures": root.get("failures"),
                "errors": root.get("errors"),
                "skipped": sum(int(s.get("skipped", "0")) for s in root.iter("testsuite")),
            }
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("out", type=Path, help="a folder written by ruzh build")
    parser.add_argument("documents", nargs="*", help="documents for the JUnit report (default: the seeds)")
    args = parser.parse_args()
    figures = {
        "tbx": tbx_figures(args.out),
        "omegat": omegat_figures(args.out),
        "sarif": sarif_figures(args.out),
        "junit": junit_figures(args.documents),
    }
    json.dump(figures, sys.stdout, ensure_ascii=False, indent=2)
    print()


if __name__ == "__main__":
    main()
