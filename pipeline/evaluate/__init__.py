"""Measured quality: extraction against gold requirements; judgement cross-validated by report family."""

from .run import run_evaluation

__all__ = ["run_evaluation"]
