"""Consistency checks for people and CI: typography, scripts, numbers, terminology, TM consistency.

The entry points are :func:`checks.runner.check_documents` (monolingual documents, the
corpus as a whole) and :func:`checks.runner.check_units` (translation units from a TMX or
aligned pairs); both yield :class:`~checks.findings.Finding` objects that
:mod:`checks.formats` renders as text, JSON, JUnit, SARIF or GitHub annotations.
"""
