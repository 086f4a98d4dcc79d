"""Russian-Chinese digital-economy terminology: termbase, attestation, candidates, exports, checks.

- :mod:`glossary.termbase` — the curated termbase ``data/termbase.csv``: ``Concept``, ``Term``.
- :mod:`glossary.matching` — Aho-Corasick matchers: Russian by lemma sequence, Chinese as text.
- :mod:`glossary.attest` — per concept and language: frequency, documents, forms used, examples.
- :mod:`glossary.candidates_ru`, :mod:`glossary.candidates_zh` — new term candidates.
- :mod:`glossary.pairing`, :mod:`glossary.translit` — ru↔zh pairs: association, composition, names.
- :mod:`glossary.build` — ``build_glossary(documents, …)``: everything above, one review row per concept.
- :mod:`glossary.entries` — the review CSV (read, write, merge); :mod:`glossary.export` — TBX and OmegaT.
"""
