"""TMX 1.4b translation memories: streaming writer and reader, TM operations, fuzzy lookup."""
