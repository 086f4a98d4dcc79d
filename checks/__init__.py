"""Consistency checks for people and CI: typography, scripts, numbers, terminology, TM consistency.

The entry point is :func:`checks.runner.run_checks` (documents, units, termbase, configuration,
baseline): it runs every rule of the registry (:mod:`checks.rules`: each rule's scope and check) and
returns a report whose findings :mod:`checks.formats` renders as text, JSON, JUnit, SARIF or GitHub
annotations.
"""
