"""Russian and Chinese language rules, each in one place: number notation, quote and bracket pairs,
character classes, normalisation, paper labels, transliteration. The reader, the aligner, the glossary and
the checks all call these.

- :mod:`lang.numbers` — a quantity as written and its value; clock times; ranges sharing one scale.
- :mod:`lang.ru` — Russian numbers (decimal comma, grouped thousands, тыс./млн/млрд/трлн, number words,
  Roman numerals), ё→е folding.
- :mod:`lang.zh` — Chinese numbers (decimal point, comma groups, 万/亿, numerals, 世纪/年代).
- :mod:`lang.marks` — quote and bracket pairs of both languages.
- :mod:`lang.labels` — section labels and numbers, caption names, source lines and notes, references headings.
- :mod:`lang.script` — character classes (Han, Cyrillic, CJK punctuation, display width) and language by
  script.
"""
