"""Learning the judge from the annotated corpus.

Learning the judge from the annotated corpus: training data, the fit, and cross-validation (by report family
and by mandate document). Run-time judging (pipeline/judge) never imports this package."""

from .training import (PreparedReport, cross_validate, cross_validate_by_mandate, fit, predict_pairs, prepare_corpus,
                       save_model, train_judge)

__all__ = ["PreparedReport", "cross_validate", "cross_validate_by_mandate", "fit", "predict_pairs", "prepare_corpus",
           "save_model", "train_judge"]
