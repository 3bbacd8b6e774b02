"""Run one function in a forked child under memory and CPU limits, and say how it ended.

The parent stays warm (libraries imported once); each case costs a fork, not an interpreter start. Used by the
fuzz harness and by the tests of inputs that once hung or exhausted memory.
"""

from __future__ import annotations

import os
import pickle
import resource
import signal
from dataclasses import dataclass
from typing import Any, Callable

# The acceptance limits (#18): no case may need more than 1 GB of address space or 20 s of CPU. The memory
# is counted beyond what the child maps when it starts: a warm test process (models loaded, libraries imported)
# already maps over 1 GB, and a limit below that made any new allocation fail, so a case "broke the limit" by
# chance, as it did once in CI.
MEMORY_LIMIT = 1 << 30
CPU_LIMIT_S = 20
# A child blocked without using CPU (a FIFO read) is stopped after this many seconds of waiting; a guard only.
WAIT_LIMIT_S = 60


@dataclass(frozen=True)
class Outcome:
    """How a limited call ended: 'ok' with its value, 'raised' with the exception, or 'over_limits' with why."""

    kind: str
    value: Any = None
    detail: str = ""


def run_limited(fn: Callable[..., Any], *args: Any, memory: int = MEMORY_LIMIT, cpu_s: int = CPU_LIMIT_S,
                wait_s: int = WAIT_LIMIT_S) -> Outcome:
    """fn(*args) in a forked child that may map `memory` bytes more than it starts with (RLIMIT_AS) and use cpu_s
    seconds of CPU (RLIMIT_CPU); the value must pickle."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # child
        code = 0
        try:
            os.close(read_fd)
            limit = _mapped() + memory
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
            resource.setrlimit(resource.RLIMIT_CPU, (cpu_s, cpu_s + 1))
            signal.alarm(wait_s)
            try:
                payload = ("ok", fn(*args), "")
            except MemoryError as exc:
                payload = ("over_limits", None, f"MemoryError {exc}")
            except BaseException as exc:  # noqa: BLE001 - the parent classifies it
                payload = ("raised", _picklable(exc), "")
            data = pickle.dumps(payload)
            with os.fdopen(write_fd, "wb") as f:
                f.write(data)
        except BaseException:  # noqa: BLE001 - nothing may escape a forked child
            code = 3
        finally:
            os._exit(code)
    os.close(write_fd)
    with os.fdopen(read_fd, "rb") as f:
        data = f.read()
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        sig = signal.Signals(os.WTERMSIG(status)).name
        return Outcome("over_limits", detail=f"killed by {sig}")
    try:
        kind, value, detail = pickle.loads(data)
    except Exception:  # noqa: BLE001 - a child that died writing its answer
        return Outcome("over_limits", detail=f"no answer (exit status {os.WEXITSTATUS(status)})")
    return Outcome(kind, value, detail)


def _mapped() -> int:
    """Bytes of address space this process maps now (Linux's VmSize); 0 where /proc cannot tell."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _picklable(exc: BaseException) -> BaseException:
    """The exception itself if it pickles, else a RuntimeError naming it (with the original cause's type)."""
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:  # noqa: BLE001
        return RuntimeError(f"{type(exc).__name__}: {exc}")
