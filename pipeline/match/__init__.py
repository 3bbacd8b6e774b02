"""Matching: split a report into passages and retrieve, for each requirement and facet, the passages that address it."""
