"""Russian-Chinese digital-economy terminology: termbase, attestation, candidates, exports, checks.

- :mod:`glossary.termbase` — the curated termbase ``data/termbase.csv``: ``Concept``, ``Term``.
- :mod:`glossary.matching` — Aho-Corasick matchers: Russian by lemma sequence, Chinese as text.
- :mod:`glossary.attest` — per concept and language: frequency, documents, forms used, examples.
- :mod:`glossary.candidates_ru`, :mod:`glossary.candidates_zh` — new term candidates;
  :mod:`glossary.scoring` — C-value, termhood against general language, Dice and log-likelihood.
- :mod:`glossary.units` — the competing units of an aligned pair (cacheable per passage);
  :mod:`glossary.cooccurrence` — their counts over the sentence pairs; :mod:`glossary.linking` — ru↔zh
  pairs over them (competitive linking);
  :mod:`glossary.pairing` — composition with the lexicon; :mod:`glossary.translit` — names;
  :mod:`glossary.context` — context vectors across comparable documents.
- :mod:`glossary.build` — ``build_glossary(documents, …)``: everything above; :mod:`glossary.rows` — its rows.
- :mod:`glossary.entries` — review rows, CSV writing and merge; :mod:`glossary.review_csv` — reading a
  reviewed CSV as spreadsheets save it; :mod:`glossary.export` — TBX and OmegaT.
"""
