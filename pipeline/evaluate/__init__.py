"""Measured quality: extraction against gold requirements; judgement cross-validated by document."""
