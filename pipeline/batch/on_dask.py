"""Running the tasks on a Dask cluster (a scheduler's address, or "local" for a LocalCluster)."""

from __future__ import annotations

from ..errors import ConfigError
from .tasks import MemberResult, _result_of, run_member

# How long a client waits for a Dask scheduler to answer before saying it cannot reach it.
CONNECT_TIMEOUT_S = 15


def _on_dask(tasks, mandates, config, model_path, scheduler, jobs, done, debug) -> list[MemberResult]:
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise ConfigError("--scheduler runs the audit on Dask, which is not installed",
                          hint='pip install -e ".[dask]" (or pip install "dask[distributed]")') from None
    import logging

    cluster = None
    try:
        if scheduler == "local":
            # One thread per worker: each report's work is single-threaded Python and numpy.
            cluster = LocalCluster(n_workers=max(1, jobs), threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=logging.ERROR)
            client = Client(cluster)
        else:
            client = Client(scheduler, timeout=_connect_timeout())
    except (OSError, TimeoutError, ValueError) as exc:
        if cluster is not None:
            cluster.close()
        raise ConfigError(f"cannot reach the Dask scheduler at {scheduler} ({type(exc).__name__}: {exc})"[:300],
                          hint="check the address (tcp://HOST:8786), or use --scheduler local") from None
    try:
        shared = client.scatter(mandates, broadcast=True) if mandates is not None else None
        futures = [client.submit(run_member, t, shared, config, model_path, debug, pure=False) for t in tasks]
        index = {f.key: i for i, f in enumerate(futures)}
        out: list[MemberResult | None] = [None] * len(tasks)
        for f in as_completed(futures):
            i = index[f.key]
            out[i] = _result_of(tasks[i], f.result, debug)
            f.release()  # the worker may forget it now
            done(i, out[i])
        return out
    finally:
        client.close()
        if cluster is not None:
            cluster.close()



def _connect_timeout() -> float:
    """CONNECT_TIMEOUT_S as `pipeline.batch` shows it at call time: a caller (or a test) may lower it there."""
    from .. import batch

    return batch.CONNECT_TIMEOUT_S
