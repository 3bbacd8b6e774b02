"""Extraction: every requirement of a mandate document, with its actor, label, kind and facets.

`extractor.py` (the pass over a document), `clauses.py` (segments), `walk*.py` (one handler per kind of segment),
`actors.py`, `facets.py`, `cues.py`, `nlp.py` (spaCy components), `lexicon.py` (the words matching reads).
"""

from .extractor import EXTRACTOR_VERSION, BatchExtraction, ExtractionResult, extract, extract_many, sub_item_children

__all__ = ["BatchExtraction", "EXTRACTOR_VERSION", "ExtractionResult", "extract", "extract_many", "sub_item_children"]
