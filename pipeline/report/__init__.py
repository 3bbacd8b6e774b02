"""Writers of audit results, one module per format, and the step that writes them as one run.

`formats.py` dispatches by format name; `_io.py` writes whole files or none.
"""

from .formats import FORMATS, OUTPUT_FILES, parse_formats, publish_formats, write_formats

__all__ = ["FORMATS", "OUTPUT_FILES", "parse_formats", "publish_formats", "write_formats"]
