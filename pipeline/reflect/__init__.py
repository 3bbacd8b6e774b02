"""Reflection: was a proposal"s wording taken over, and were proposed amendments adopted (issue 21).

`requirements.py` (requirements" reflections in coverage.json), `align.py` and `tokens.py` (word alignment),
`amendments.py`, `forms.py`, `tracked.py` (amendments read), `outcome.py` (what became of them), `record.py`.
"""

from .requirements import REFLECTION_VERSION, PROPOSING, reflect_requirements, reflection_record
from .align import Index, reflect

__all__ = ["Index", "PROPOSING", "REFLECTION_VERSION", "reflect", "reflect_requirements", "reflection_record"]
