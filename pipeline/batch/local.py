"""Running the tasks here, one after the other, or in worker processes that each receive the mandates once."""

from __future__ import annotations

from collections.abc import Callable

from ..config import Config
from .on_dask import _on_dask
from .tasks import MemberResult, MemberTask, _result_of, run_member


def execute(tasks: list[MemberTask], mandates, config: Config, model_path: str | None, *, jobs: int = 1,
            scheduler: str | None = None, on_done: Callable[[int, MemberResult], None] | None = None,
            debug: bool = False) -> list[MemberResult]:
    """Every task's result, in the order of the tasks: here (jobs 1), in `jobs` worker processes, or on a Dask
    cluster (`scheduler`: an address, or "local" for a LocalCluster of `jobs` workers). `on_done(index, result)` is
    called as each result arrives (in order, except on Dask)."""
    done = on_done or (lambda index, result: None)
    if not tasks:
        return []
    if scheduler:
        return _on_dask(tasks, mandates, config, model_path, scheduler, jobs, done, debug)
    if jobs > 1 and len(tasks) > 1:
        return _in_processes(tasks, mandates, config, model_path, jobs, done, debug)
    out = []
    for i, t in enumerate(tasks):
        out.append(run_member(t, mandates, config, model_path, debug))
        done(i, out[-1])
    return out


# A worker process's share of the batch, set once by its initializer: the mandates go to each worker once, not
# with every report.
_WORKER: dict = {}


def _init_worker(mandates, config: Config, model_path: str | None, debug: bool) -> None:
    _WORKER.update(mandates=mandates, config=config, model_path=model_path, debug=debug)


def _run_in_worker(task: MemberTask) -> MemberResult:
    return run_member(task, _WORKER["mandates"], _WORKER["config"], _WORKER["model_path"], _WORKER["debug"])


def _in_processes(tasks, mandates, config, model_path, jobs, done, debug) -> list[MemberResult]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # "spawn": a fresh interpreter per worker, never a copy of this one's threads and locks (BLAS, spaCy).
    with ProcessPoolExecutor(max_workers=min(jobs, len(tasks)), mp_context=multiprocessing.get_context("spawn"),
                             initializer=_init_worker, initargs=(mandates, config, model_path, debug)) as pool:
        futures = [pool.submit(_run_in_worker, t) for t in tasks]
        out = []
        for i, (t, f) in enumerate(zip(tasks, futures)):
            out.append(_result_of(t, f.result, debug))
            done(i, out[-1])
    return out
