"""Work shared with a forked child: the child computes one share while this process does its own, and sends its
result back pickled (the mandates beside the report, pipeline/batch/overlap.py; half of the judge's views,
pipeline/judge/assess.py; Word and HTML beside the other formats, pipeline/report/formats.py).

Only where a fork is safe and gains (serial_reason), and never at the cost of a run: a child that fails, dies or
stays silent far too long is stopped and its share computed in this process, where any error is raised as it always
was. How the work is scheduled never changes a result: each share is a pure function of what both processes hold.
"""

from __future__ import annotations

import os
import sys
import threading
import time
import warnings
from collections.abc import Callable
from typing import Any

# Set to anything but "" or "0" to do all the work in this process, one share after the other: the mandates, the
# judge's views, the report's formats (a run-time switch like --jobs, not a Config setting: how the work is scheduled
# never changes a result, so it stays out of coverage.json).
OFF_VARIABLE = "WSIS_AUDIT_NO_OVERLAP"

# How long a child may stay silent once this process's own share is done before it is taken as stuck, stopped, and
# its share computed here: ten times what this process's share took, and never less than five minutes (a child
# reading many mandates beside a short report is slow, not stuck).
PATIENCE_FACTOR = 10
PATIENCE_MIN_S = 300.0

Work = Callable[[Callable[[], bool]], None]  # work(done): this process's share; done() true once the child answered


def serial_reason(overlap: bool = True) -> str | None:
    """Why the work must be done here, one share after the other; None when a forked child may do a share."""
    if not overlap:
        return "turned off by the caller"
    if os.environ.get(OFF_VARIABLE, "") not in ("", "0"):
        return f"turned off by {OFF_VARIABLE}"
    # macOS has fork, but its system frameworks are not safe in a forked child (why Python spawns there).
    if not sys.platform.startswith("linux"):
        return f"no safe fork on {sys.platform}"
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        return "no fork start method"
    if len(os.sched_getaffinity(0)) < 2:  # one core: the shares would only take turns on it
        return "one CPU"
    if multiprocessing.current_process().daemon:  # a pool worker, a Dask worker: it may not have children
        return "a daemonic process"
    if threading.current_thread() is not threading.main_thread():
        # Called from a worker thread: other threads run this process's own work, and a fork copies their locks.
        return "not the main thread"
    return None


def beside(compute: Callable[[], Any], work: Work, *, name: str = "wsis-audit-child") -> tuple[Any] | None:
    """(compute()'s result,) from a forked child, while `work(done)` runs here (`done()` turns true once the child
    has answered); the warnings the child raised are shown from here, as it would have shown them. None when the
    child failed (it raised, died, or sent nothing that can be read) or could not be started: the caller then
    computes it here, where any error is raised as it always was. `work` is done either way. Call only when
    serial_reason() is None."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    # Daemonic: a parent that exits (an error in `work`, Ctrl-C) takes the child with it.
    child = context.Process(target=_child, args=(send, compute), name=name, daemon=True)
    answered = False
    try:
        try:
            child.start()
        except OSError:  # no memory or no process left to fork: the caller computes it here
            child = None
        send.close()  # the child's end only: when the child dies without a word, recv() sees the end of the pipe
        started = time.monotonic()
        work(receive.poll if child is not None else (lambda: True))
        if child is None:
            return None
        patience = max(PATIENCE_MIN_S, PATIENCE_FACTOR * (time.monotonic() - started))
        if not receive.poll(patience):  # alive but silent far longer than its share could take: stuck
            warnings.warn(f"{name}: no answer after {patience:.0f} s; computing its share here", RuntimeWarning,
                          stacklevel=2)
            return None  # (stopped below: it never answered)
        try:
            outcome = receive.recv()
        except Exception:  # noqa: BLE001  (it died, or its result cannot be read: the caller computes it here)
            outcome = None
        answered = True
        if outcome is None:
            return None
        result, caught = outcome
        for message, category, filename, lineno in caught:  # as the child would have shown them, now, from here
            warnings.showwarning(_warning(category, message), category, filename, lineno)
        return (result,)
    finally:
        receive.close()  # a child still sending (`work` raised) gets a broken pipe and exits
        if child is not None:
            if not answered:  # `work` raised (Ctrl-C, an error) before the child answered: stop it now
                child.terminate()
            child.join()


def _child(send, compute: Callable[[], Any]) -> None:
    """In the forked child: (compute(), warnings) or None sent back."""
    import signal

    outcome = None
    try:
        _own_std_streams()
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle; it stops this process
        with warnings.catch_warnings(record=True) as caught:  # shown by the parent, through its own showwarning
            result = compute()
        outcome = (result, [(str(w.message), w.category, w.filename, w.lineno) for w in caught])
    except BaseException:  # noqa: BLE001  (the parent computes it again and raises it there, as it always did)
        outcome = None
    try:
        send.send(outcome)  # pickled whole before a byte is written
    except Exception:  # noqa: BLE001  (a result that cannot be pickled: the parent computes it itself)
        try:
            send.send(None)
        except Exception:  # noqa: BLE001  (the parent is gone)
            pass
    finally:
        send.close()


def _own_std_streams() -> None:
    """Standard output and error as new objects on the same descriptors: another thread of the parent (a progress
    bar's) may have held the old ones' locks when it forked, and a lock held by a thread that does not exist here
    would never be released."""
    for name, fd in (("stdout", 1), ("stderr", 2)):
        old = getattr(sys, name)
        try:
            setattr(sys, name, open(fd, "w", encoding=getattr(old, "encoding", None) or "utf-8",
                                    errors=getattr(old, "errors", None) or "backslashreplace", buffering=1,
                                    closefd=False))
        except (OSError, ValueError):  # no such descriptor (a daemon): nothing is written there
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))


def _warning(category, message: str):
    """The warning object again, from its category and text (a category whose constructor wants more: the text)."""
    try:
        return category(message)
    except Exception:  # noqa: BLE001
        return message
