"""One BLAS thread for the matrix work of an audit.

The products and decompositions of one audit are small (a few thousand passages by a few hundred units, 30 LSA
components): OpenBLAS splits them across every core and its idle threads then spin, waiting for the next call,
on the cores the rest of the audit runs on. Measured with benchmarks/bench_audit.py on the shared 2-core machine:
fitting retrieval took 1.7 s with two BLAS threads and 0.4 s with one, and the stages after it slowed as well; the
same coverage.json bytes for the corpus audits either way.
"""

from __future__ import annotations

from contextlib import contextmanager
from collections.abc import Iterator


@contextmanager
def one_thread() -> Iterator[None]:
    """BLAS limited to one thread inside the block (threadpoolctl, which scikit-learn brings); unchanged without it."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # scikit-learn brings it; without it BLAS keeps its own thread count
        yield
        return
    with threadpool_limits(limits=1, user_api="blas"):
        yield
