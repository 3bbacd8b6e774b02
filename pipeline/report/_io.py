"""Writing files so that no reader, and no second run, ever sees half of one.

- `write_atomic`: every file goes through a uniquely named temporary file beside it, then one rename.
- `exclusive_lock`: an `fcntl` lock on a lock file, removed when released (two runs never both hold it).
- `publish`: a whole run is written into a fresh folder beside `--out`, then moved into place under the output
  folder's lock; files an earlier run left there that this run did not rewrite are removed, by name.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import OutputError

# The lock file of an output folder; a hidden name so that it is never taken for an output.
LOCK_NAME = ".wsis-audit.lock"


def write_atomic(path: Path | str, data: bytes | str, *, encoding: str = "utf-8", newline: str | None = None) -> Path:
    """Write data to path through a temporary file in the same folder and one rename; OutputError on failure."""
    path = Path(path)
    if isinstance(data, str):
        if newline is None:
            data = data.encode(encoding)
        else:
            data = data.replace("\n", newline).encode(encoding)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise OutputError.cannot_write(str(path), exc) from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise OutputError.cannot_write(str(path), exc) from None
        raise
    return path


@contextlib.contextmanager
def exclusive_lock(lock_path: Path, *, wait: bool, busy: Callable[[], Exception]) -> Iterator[None]:
    """Hold an exclusive lock on lock_path (created if needed, removed on release); `busy()` is raised when
    `wait` is false and another process holds it."""
    while True:
        try:
            fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise OutputError.cannot_write(str(lock_path.parent), exc) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            os.close(fd)
            raise busy() from None
        except BaseException:
            os.close(fd)
            raise
        # The holder before us removes the file as it releases it: if ours is no longer the file at that
        # name, we locked a removed file and must start again on the new one.
        try:
            same = os.path.samestat(os.fstat(fd), os.stat(lock_path))
        except FileNotFoundError:
            same = False
        if same:
            break
        os.close(fd)
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            os.unlink(lock_path)
        os.close(fd)  # closing releases the lock, after the name is gone


@dataclass(frozen=True)
class Published:
    """What a run left in its output folder: the files it wrote, and the earlier ones it removed."""

    written: list[Path]
    removed: list[Path]


def publish(out_dir: Path, write: Callable[[Path], list[Path]], *, owned: tuple[str, ...],
            keep: tuple[str, ...] = ()) -> Published:
    """Run `write(folder)` into a fresh temporary folder beside out_dir, then move its files into out_dir.

    Under the output folder's lock (another run: OutputError.locked, exit 21). `owned` names every file our
    tool writes there; those this run did not write, except `keep`, are removed so that no folder mixes two
    runs. Interrupting the run (Ctrl-C) before the move leaves out_dir as it was; the move itself is a few
    renames, with Ctrl-C and SIGTERM held until it ends.
    """
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError.cannot_write(str(out_dir), exc) from None
    with exclusive_lock(out_dir / LOCK_NAME, wait=False, busy=lambda: OutputError.locked(str(out_dir))):
        stage = _stage_folder(out_dir)
        try:
            files = [Path(p) for p in write(stage)]
            targets = [out_dir / p.name for p in files]
            for t in targets:
                if t.is_dir() and not t.is_symlink():
                    raise OutputError.cannot_write(str(t), IsADirectoryError(errno.EISDIR, "is a directory"))
            stale = [out_dir / name for name in owned
                     if name not in keep and name not in {p.name for p in files} and (out_dir / name).is_file()]
            with _signals_held():
                for src, dst in zip(files, targets):
                    _move(src, dst)
                for old in stale:
                    with contextlib.suppress(FileNotFoundError):
                        old.unlink()
        except OSError as exc:
            raise OutputError.cannot_write(str(out_dir), exc) from None
        finally:
            shutil.rmtree(stage, ignore_errors=True)
    return Published(written=targets, removed=stale)


def _stage_folder(out_dir: Path) -> Path:
    """A fresh folder beside out_dir (same file system, so the move is a rename), else inside it."""
    for parent in (out_dir.parent, out_dir):
        try:
            return Path(tempfile.mkdtemp(dir=parent, prefix=f".{out_dir.name}.", suffix=".tmp"))
        except OSError as exc:
            last = exc
    raise OutputError.cannot_write(str(out_dir), last)


def _move(src: Path, dst: Path) -> None:
    try:
        os.replace(src, dst)
    except OSError as exc:
        if exc.errno != errno.EXDEV:  # another file system (--out is a mount point): copy, then rename
            raise
        write_atomic(dst, src.read_bytes())


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Defer SIGINT and SIGTERM while the block runs (main thread only), then deliver them."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = {s: signal.signal(s, lambda n, _f: caught.append(n)) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
        for s in caught:
            os.kill(os.getpid(), s)
