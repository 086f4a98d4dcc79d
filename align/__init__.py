"""Reading Russian/Chinese documents into blocks and sentences, and aligning them.

The library never prints, exits or parses arguments: the ``ruzh`` application does that.
"""
