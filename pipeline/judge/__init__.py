"""The judge: a status for every requirement from this report"s passages, evidence first.

`assess.py` (the status from passage verdicts, evidence first), `features.py` (pair and requirement features
by name), `model.py` (the trained judge, read from JSON), `reading.py` (each passage"s verdict).
"""

from .assess import JUDGE_RULES_VERSION, assess_all, author_actor, combine, requirement_ranking, unit_scores, views

__all__ = ["JUDGE_RULES_VERSION", "assess_all", "author_actor", "combine", "requirement_ranking", "unit_scores",
           "views"]
