"""``ruzh build``: from a folder of documents to TMX, glossary, findings and a review report."""
