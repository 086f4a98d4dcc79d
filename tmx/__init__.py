"""TMX 1.4b translation memories: streaming writer and reader, TM operations, fuzzy lookup.

- ``tmx.units``: ``units_from_beads`` (aligner beads → units), ``units_from_tsv`` (aligned TSV → units)
- ``tmx.writer``: ``write_tmx`` / ``write_stream`` / ``TmxWriter`` with ``TmxSettings``; ``stable_tuid``
- ``tmx.reader``: ``TmxReader`` (units plus header, problems, language counts), ``read_tmx``
- ``tmx.ops``: ``merge``, ``dedupe``, ``filter_units``, ``split``, ``collect_stats``
- ``tmx.lookup``: ``TmIndex`` (trigram candidates, chrF ranking)
- ``tmx.validate``: ``validate_tmx`` (problems with file, line and severity)
- ``tmx.safexml``: the safe streaming XML input the reader and the validator share

Language tags and the XML 1.0 character rules are shared with the glossary's TBX: ``core.langtags``,
``core.xmlchars``.
"""
