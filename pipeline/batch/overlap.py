"""The mandates read in a forked process while this one reads the reports: two halves of a cold audit at once.

Reading a report (its parse and its passages' signals) does not depend on reading the mandates (their parse and
spaCy's extraction, audit.prepare_mandates), and each takes seconds of single-threaded Python: in a thread they
share the interpreter's lock and gain nothing, in a forked process they use a second core (benchmarks/
bench_overlap.py, 300 pages x 500 requirements: 5.91 s one after the other, 3.52 s forked; docs/history.md, round
6). Nothing the child computes changes: it sends back the MandateSet prepare_mandates gives here, pickled as the
worker processes of a batch receive it.

The mandates are read here, before the reports as they always were, where a fork is not safe or not wanted
(serial_reason). When the child fails in any way (an error, a crash, a result that cannot be sent), this process
reads the mandates again itself, so an error reaches the user exactly as it always did (its line, exit code and
traceback) and a run is never lost.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from ..config import Config
# (OFF_VARIABLE and serial_reason are read from here by the audit, the batch and the benchmarks)
from ..fork import OFF_VARIABLE, Work, beside, serial_reason  # noqa: F401


def mandates_beside(mandates: Sequence[str | Path], config: Config, *, cache=None, work: Work,
                    on_document: Callable[[str], None] | None = None):
    """audit.prepare_mandates(mandates, config, cache=cache), read in a forked child while `work(done)` runs here
    (`done()` turns true once the child has answered: work may stop early). Call only when serial_reason() is None.
    `on_document(path)` is called here for each mandate once the child has answered, as prepare_mandates calls it
    before each; when the child fails, the mandates are read here, serially, with the same calls."""
    from ..audit import prepare_mandates

    outcome = _in_child(list(mandates), config, cache, work)
    if outcome is None:  # the child failed: read them here, where any error is raised as it always was
        return prepare_mandates(list(mandates), config, on_document=on_document, cache=cache)
    mandate_set, writable = outcome
    if cache is not None and not writable:  # the child found the folder unwritable and said so: said once
        cache.writable = False
    for p in mandates:
        if on_document:
            on_document(str(p))
    return mandate_set


def _in_child(mandates: list, config: Config, cache, work: Work):
    """(MandateSet, cache writable) from a forked child, once `work` is done here (its warnings shown from here);
    None if the child failed (it raised, died, or sent nothing that can be read) or could not be started (`work` is
    done all the same)."""
    from ..audit import prepare_mandates

    def read() -> tuple:
        mandate_set = prepare_mandates(mandates, config, cache=cache)
        return mandate_set, cache is None or cache.writable

    outcome = beside(read, work, name="wsis-audit-mandates")
    return None if outcome is None else outcome[0]
