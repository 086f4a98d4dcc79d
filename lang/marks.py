"""Quote and bracket pairs of Russian and Chinese text, as one table for every rule that needs them.

Russian quotes with «ёлочки» (inner „лапки“) and “English” quotes; Chinese with “”, 「」, 『』 and
title marks 《》 〈〉; both bracket with half- and full-width parentheses and square brackets, Chinese
also with 【】. Marks of one family close each other: （ may close with ). The low-9 quote „ opens a
Russian inner quotation that “ closes, though “ also opens “…”: :data:`LOW_QUOTE` says so apart.
"""

from __future__ import annotations

# (opening mark, closing mark, family)
PAIRS: tuple[tuple[str, str, str], ...] = (
    ("(", ")", "paren"),
    ("（", "）", "paren"),
    ("[", "]", "square"),
    ("［", "］", "square"),
    ("【", "】", "lenticular"),
    ("《", "》", "book"),
    ("〈", "〉", "angle"),
    ("«", "»", "guillemet"),
    ("“", "”", "dquote"),
    ("「", "」", "corner"),
    ("『", "』", "white corner"),
)
LOW_QUOTE = ("„", "“")  # Russian inner quotes: „ opens, “ closes

OPENERS: dict[str, str] = {o: family for o, _, family in PAIRS} | {LOW_QUOTE[0]: "low"}
CLOSERS: dict[str, str] = {c: family for _, c, family in PAIRS}


def families() -> list[tuple[str, str]]:
    """(openers, closers) of each family, in table order: ``("(（", ")）")``, ``("«", "»")`` …"""
    grouped: dict[str, tuple[str, str]] = {}
    for o, c, family in PAIRS:
        opening, closing = grouped.get(family, ("", ""))
        grouped[family] = (opening + o, closing + c)
    return list(grouped.values())


# Every character that marks a quotation in either language (pairs, the low-9 quote, the straight one).
QUOTE_MARKS = '«»“”《》〈〉「」『』„"'
