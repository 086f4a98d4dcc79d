"""The termbase's concepts are taken in id order by every check, built once when already in order."""

from __future__ import annotations

from ruzh.checks.units import in_id_order
from ruzh.checks.variants import Glossary
from ruzh.glossary.termbase import load_termbase


def test_a_glossary_already_in_id_order_is_kept_with_its_matchers() -> None:
    shipped = Glossary(tuple(sorted(load_termbase(), key=lambda c: c.id)))
    built = shipped.matchers()
    ordered = in_id_order(shipped)
    assert ordered is shipped and ordered.matchers() is built


def test_a_glossary_in_another_order_is_sorted_by_id() -> None:
    concepts = tuple(reversed(sorted(load_termbase(), key=lambda c: c.id)))
    ordered = in_id_order(Glossary(concepts, frozenset({("x", "y")})))
    assert [c.id for c in ordered.concepts] == sorted(c.id for c in concepts)
    assert ordered.accepted == frozenset({("x", "y")})
