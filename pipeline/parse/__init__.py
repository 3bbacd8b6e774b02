"""Parsing: DOCX, PDF, text and Markdown into Documents of blocks with provenance.

`files.py` (reading a file with limits, detecting its format from content, the cache), `text.py` and `reflow.py`,
`docx/`, `pdf/` (one parser each), `base.py` (building a Document from raw blocks), `detect.py`.
"""

from .detect import detect_format
from .files import (PARSER_VERSIONS, ParseResult, parse_bytes, parse_cached, parse_file, parse_many, read_and_parse,
                    read_bytes)

__all__ = ["PARSER_VERSIONS", "ParseResult", "detect_format", "parse_bytes", "parse_cached", "parse_file", "parse_many",
           "read_and_parse", "read_bytes"]
