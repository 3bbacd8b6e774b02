"""The reports of a run and what the run did with each: its folder, its record as shown or its error, its files."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import WsisAuditError


@dataclass(slots=True, kw_only=True)
class Member:
    """One report of a run: where its outputs go, its record as shown (decisions applied) or its error, and what
    was written, kept (already up to date) or removed in its folder."""

    path: Path
    name: str  # its folder under OUT in a batch; "" for a single audit, whose folder is OUT itself
    folder: Path | None  # None: standard output
    shown: dict | None = None
    error: WsisAuditError | None = None
    computed: bool = False  # False: its record came from the cache
    written: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    sha: str | None = None  # the hash of `shown` (_shown_sha)


@dataclass(slots=True, kw_only=True)
class AuditRun:
    """What a run did: the mandates (read once), every report, and in a batch the coverage matrix."""

    mandates: object  # audit.MandateSet
    members: list[Member]
    matrix: dict | None = None
    matrix_written: list[Path] = field(default_factory=list)

    @property
    def failures(self) -> list[WsisAuditError]:
        """Every error of the run, in order: unreadable mandates, mandates without requirements, then reports."""
        m = self.mandates
        return [*m.failures, *m.empty_mandates, *(x.error for x in self.members if x.error is not None)]
