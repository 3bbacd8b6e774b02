"""Fuzzing the parsers with mutations of our own corpus files (DOCX, PDF, text).

Each case is one mutated file parsed by `parse_bytes` (parsing only, no judge) in a forked child under the
limits of `tests.fuzz.limits` (1 GB of address space, 20 s of CPU). A case ends in one of:

- `parsed`: a Document came back;
- `refused`: an InputError with a documented exit code (the user sees one line);
- `internal`: any other exception, or the exit code 70: a bug;
- `over_limits`: the child ran out of memory or CPU time, or hung.

Acceptance (#18): 0 internal errors and 0 over limits. Mutations are drawn from a seeded generator, so a run
can be repeated exactly; failing cases can be saved to a folder for reproduction.
"""

from __future__ import annotations

import io
import random
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.errors import ExitCode, InputError
from pipeline.parse import parse_bytes

from .limits import Outcome, run_limited

ROOT = Path(__file__).resolve().parents[2]
SEED_FOLDERS = (ROOT / "corpora" / "mandates", ROOT / "corpora" / "reports")
FORMATS = ("docx", "pdf", "txt")
DOCUMENTED = {int(c) for c in ExitCode} - {int(ExitCode.INTERNAL)}
# Junk that has made parsers backtrack or loop in the past: long runs of one character, deep nesting.
JUNK = (b" " * 4096, b"\t" * 2048, b"#" * 64 + b" " * 3000 + b"x", b"(" * 5000, b"[" * 5000, b"." * 5000,
        b"1." * 2000, b"- " * 2000, b"\x00" * 512, b"\xff\xfe" * 256, b"<w:p>" * 2000, b"9" * 400,
        b"99999999999999999999 ", b"-1e308 ", b"<<" * 500)


@dataclass
class Report:
    """Counts per format and outcome, and the failing cases (format, case number, mutation, detail)."""

    counts: dict[str, Counter] = field(default_factory=dict)
    failures: list[tuple[str, int, str, str, bytes]] = field(default_factory=list)

    def add(self, fmt: str, n: int, mutation: str, data: bytes, outcome: str, detail: str) -> None:
        self.counts.setdefault(fmt, Counter())[outcome] += 1
        if outcome in ("internal", "over_limits"):
            self.failures.append((fmt, n, mutation, detail, data))

    @property
    def bad(self) -> int:
        return sum(c["internal"] + c["over_limits"] for c in self.counts.values())

    def lines(self) -> list[str]:
        out = []
        for fmt, c in sorted(self.counts.items()):
            out.append(f"{fmt}: {sum(c.values())} cases: {c['parsed']} parsed, {c['refused']} refused with a "
                       f"documented code, {c['internal']} internal errors, {c['over_limits']} over limits")
        for fmt, n, mutation, detail, _ in self.failures[:20]:
            out.append(f"  {fmt} case {n} ({mutation}): {detail}")
        return out


def seeds(fmt: str) -> list[tuple[str, bytes]]:
    """Our corpus files of one format, as (name, bytes), in a fixed order."""
    files = sorted(p for folder in SEED_FOLDERS for p in folder.glob(f"*.{fmt}"))
    return [(p.name, p.read_bytes()) for p in files]


# --- mutations ----------------------------------------------------------------------------------------------------

def flip_bytes(rng: random.Random, data: bytes) -> tuple[str, bytes]:
    out = bytearray(data)
    n = rng.choice((1, 2, 4, 16, 64))
    for _ in range(n):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return f"flip {n} bytes", bytes(out)


def truncate(rng: random.Random, data: bytes) -> tuple[str, bytes]:
    cut = rng.randrange(1, len(data))
    return f"truncate at {cut}", data[:cut]


def insert_junk(rng: random.Random, data: bytes) -> tuple[str, bytes]:
    at = rng.randrange(len(data) + 1)
    junk = rng.choice(JUNK) if rng.random() < 0.6 else rng.randbytes(rng.choice((8, 256, 4096)))
    return f"insert {len(junk)} junk bytes at {at}", data[:at] + junk + data[at:]


def splice(rng: random.Random, data: bytes) -> tuple[str, bytes]:
    """A stretch of the file copied over another place (repeated structures, shifted offsets)."""
    a, b = sorted(rng.randrange(len(data)) for _ in range(2))
    at = rng.randrange(len(data))
    return f"splice {a}:{b} at {at}", data[:at] + data[a:b] + data[at:]


def big_numbers(rng: random.Random, data: bytes) -> tuple[str, bytes]:
    """Numbers in the file (PDF coordinates, font sizes, lengths; XML attributes) replaced by extreme ones."""
    import re

    spots = [m.span() for m in re.finditer(rb"-?\d+(?:\.\d+)?", data[:200_000])]
    if not spots:
        return flip_bytes(rng, data)
    out = data
    picks = sorted(rng.sample(spots, min(len(spots), rng.choice((1, 3, 10)))), reverse=True)
    for start, end in picks:
        out = out[:start] + rng.choice((b"999999999", b"-999999999", b"1e30", b"0", b"-0.0001", b"65535",
                                        b"2147483648")) + out[end:]
    return f"extreme numbers at {len(picks)} places", out


def zip_member(rng: random.Random, data: bytes) -> tuple[str, bytes]:
    """A DOCX with one member damaged inside the ZIP: its XML flipped, cut, emptied, duplicated or removed."""
    try:
        return _zip_member(rng, data)
    except Exception:  # noqa: BLE001 - an earlier mutation left no readable ZIP: damage the bytes instead
        return flip_bytes(rng, data)


def _zip_member(rng: random.Random, data: bytes) -> tuple[str, bytes]:
    src = zipfile.ZipFile(io.BytesIO(data))
    infos = src.infolist()
    victim = rng.choice(infos).filename
    how = rng.choice(("flip", "cut", "empty", "duplicate", "remove", "junk", "stored"))
    buf = io.BytesIO()

    def kept(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
        # the member's own date: a name alone would be stamped with the clock, and the same seed would give other
        # bytes across a two-second boundary
        return zipfile.ZipInfo(info.filename, date_time=info.date_time)

    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in infos:
            body = src.read(info.filename)
            if info.filename != victim:
                dst.writestr(kept(info), body, compress_type=zipfile.ZIP_DEFLATED)
                continue
            if how == "remove":
                continue
            if how == "flip" and body:
                b = bytearray(body)
                for _ in range(rng.choice((1, 8, 64))):
                    b[rng.randrange(len(b))] = rng.randrange(256)
                body = bytes(b)
            elif how == "cut" and body:
                body = body[:rng.randrange(len(body))]
            elif how == "empty":
                body = b""
            elif how == "junk":
                at = rng.randrange(len(body) + 1)
                body = body[:at] + rng.choice(JUNK) + body[at:]
            if how == "stored":
                dst.writestr(zipfile.ZipInfo(info.filename), body, compress_type=zipfile.ZIP_STORED)
            else:
                dst.writestr(kept(info), body, compress_type=zipfile.ZIP_DEFLATED)
            if how == "duplicate":
                dst.writestr(zipfile.ZipInfo(info.filename), body)
    return f"{how} member {victim}", buf.getvalue()


def zip_headers(rng: random.Random, data: bytes) -> tuple[str, bytes]:
    """A byte of a ZIP header flipped: versions, flags, methods, sizes, offsets, name lengths."""
    out = bytearray(data)
    headers = [i for sig in (b"PK\x03\x04", b"PK\x01\x02", b"PK\x05\x06") for i in _find_all(data, sig)]
    if not headers:
        return flip_bytes(rng, data)
    at = rng.choice(headers) + rng.randrange(4, 46)
    if at < len(out):
        out[at] = rng.randrange(256)
    return f"zip header byte {at}", bytes(out)


def _find_all(data: bytes, sig: bytes) -> Iterator[int]:
    at = data.find(sig)
    while at != -1:
        yield at
        at = data.find(sig, at + 1)


MUTATIONS: dict[str, tuple[Callable[[random.Random, bytes], tuple[str, bytes]], ...]] = {
    "docx": (flip_bytes, truncate, insert_junk, zip_member, zip_member, zip_headers, splice),
    "pdf": (flip_bytes, truncate, insert_junk, big_numbers, big_numbers, splice),
    "txt": (flip_bytes, truncate, insert_junk, insert_junk, splice),
}


def cases(fmt: str, count: int, seed: int) -> Iterator[tuple[int, str, bytes]]:
    """`count` mutated files of one format, the same for the same seed: (case number, mutation, bytes)."""
    rng = random.Random(f"{seed}-{fmt}")
    pool = seeds(fmt)
    for n in range(count):
        name, data = pool[rng.randrange(len(pool))]
        steps = []
        for _ in range(rng.choice((1, 1, 1, 2, 3))):  # mostly one mutation, sometimes stacked
            what, data = rng.choice(MUTATIONS[fmt])(rng, data)
            steps.append(what)
            if not data:
                break
        yield n, f"{name}: {'; '.join(steps)}", data


# --- running ------------------------------------------------------------------------------------------------------

def parse_case(data: bytes, name: str) -> tuple[str, str]:
    """Runs in the child: ('parsed', format) or ('refused', line); anything else propagates."""
    try:
        return "parsed", parse_bytes(data, path=name).format
    except InputError as exc:
        return "refused", f"{exc.code} {exc.line()}"


def classify(outcome: Outcome) -> tuple[str, str]:
    """(outcome name, detail) of a limited child's result."""
    if outcome.kind == "over_limits":
        return "over_limits", outcome.detail
    if outcome.kind == "raised":
        exc = outcome.value
        return "internal", f"{type(exc).__name__}: {str(exc)[:200]}"
    kind, detail = outcome.value
    if kind == "refused":
        code = int(detail.split(" ", 1)[0])
        if code not in DOCUMENTED:
            return "internal", f"undocumented exit code: {detail}"
        if "memory" in detail and "more memory than" in detail:
            return "over_limits", detail  # a MemoryError the parser turned into a message still broke the limit
    return kind, detail


def run(per_format: int, *, seed: int = 18, formats: tuple[str, ...] = FORMATS, save: Path | None = None,
        progress: Callable[[str], None] | None = None) -> Report:
    """Fuzz each format with `per_format` cases; failing cases are written to `save` when given."""
    report = Report()
    for fmt in formats:
        for n, mutation, data in cases(fmt, per_format, seed):
            outcome, detail = classify(run_limited(parse_case, data, f"fuzz-{fmt}-{n}.{fmt}"))
            report.add(fmt, n, mutation, data, outcome, detail)
            if progress and (n + 1) % 1000 == 0:
                progress(f"{fmt}: {n + 1} cases, {report.bad} failing so far")
    if save and report.failures:
        save.mkdir(parents=True, exist_ok=True)
        for fmt, n, mutation, detail, data in report.failures:
            (save / f"case-{fmt}-{n}.{fmt}").write_bytes(data)
            (save / f"case-{fmt}-{n}.txt").write_text(f"{mutation}\n{detail}\n", encoding="utf-8")
    return report
