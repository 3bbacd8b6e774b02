"""The bundled annotated corpus (corpora/manifest.json): documents, their renderings and gold annotations."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .errors import ArtifactError
from .model import Requirement
from .resources import corpus_dir

ROOT = Path(__file__).resolve().parents[1]
CORPUS_DIR = corpus_dir()
RENDERING_FORMATS = ("txt", "docx", "pdf")


@dataclass(frozen=True, slots=True, kw_only=True)
class CorpusDocument:
    id: str
    path: Path  # the text version
    role: str  # mandate | report
    type: str
    gold: Path | None

    def renderings(self) -> dict[str, Path]:
        """The text file and its DOCX/PDF renderings that exist, by format."""
        out = {}
        for fmt in RENDERING_FORMATS:
            p = self.path.with_suffix(f".{fmt}")
            if p.exists():
                out[fmt] = p
        return out


def load_manifest(corpus_dir: Path = CORPUS_DIR) -> list[CorpusDocument]:
    """Documents listed in the manifest, in manifest order."""
    path = corpus_dir / "manifest.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError) as exc:
        raise ArtifactError(f"corpus manifest unreadable: {exc}", hint="restore corpora/ from the repository",
                            location=str(path)) from None
    return [CorpusDocument(id=d["id"], path=corpus_dir / d["path"], role=d["role"], type=d["type"],
                           gold=corpus_dir / d["gold"] if d.get("gold") else None) for d in data["documents"]]


def resolve_corpus_path(rel: str, corpus_dir: Path = CORPUS_DIR) -> Path:
    """Gold files name documents relative to corpora/ (the real example as ../shared/...)."""
    p = corpus_dir / rel
    if rel.startswith("../shared/"):
        p = ROOT.parent / rel[len("../"):]
    return p


def normalize(text: str) -> str:
    """Comparison form: NFKC, one kind of quote and dash, no soft hyphens, collapsed spaces, lower case."""
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "")
    text = re.sub(r"[\u2018\u2019\u02bc`]", "'", text)
    text = re.sub(r"[\u201c\u201d]", '"', text)
    text = re.sub(r"[\u2010-\u2015]", "-", text)
    return re.sub(r"\s+", " ", text).strip().lower()


def norm_label(label: str | None) -> str:
    """'a)', '(a)', 'a' and '2.1.' compare equal to their bare forms; '5 (a)' and '5 a)' to '5 a'."""
    if label is None:
        return ""
    label = re.sub(r"^(?:Para(?:graph)?s?\.?)\s*(?=\d)", "", label)  # "Para. 12" is paragraph 12, as "12" is
    return " ".join(t.strip("()").rstrip(".)") for t in label.split()).strip()


def corpus_sha256(corpus_dir: Path = CORPUS_DIR) -> str:
    """Hash of the manifest, every text document and every gold file: the training corpus's identity."""
    import hashlib

    h = hashlib.sha256()
    files = [corpus_dir / "manifest.json", *sorted(corpus_dir.glob("mandates/*.txt")),
             *sorted(corpus_dir.glob("reports/*.txt")), *sorted(corpus_dir.glob("gold/**/*.json"))]
    for f in files:
        if f.exists():
            h.update(f.relative_to(corpus_dir).as_posix().encode() + b"\0" + f.read_bytes())
    return h.hexdigest()


@dataclass(frozen=True, slots=True, kw_only=True)
class Alignment:
    """Gold requirements paired with extracted ones (by quote), and the leftovers on both sides."""

    pairs: tuple[tuple[dict, Requirement], ...]
    missed: tuple[dict, ...]
    spurious: tuple[Requirement, ...]


def match_quotes(quotes: list[str], texts: list[str]) -> list[int | None]:
    """For each normalised gold quote, the index of the first unused normalised text that contains it (or that the
    quote contains the first 40 characters of: the quote may span a label or a sentence start the extractor trimmed);
    None where there is none. One to one."""
    used: set[int] = set()
    out: list[int | None] = []
    for quote in quotes:
        hit = next((i for i, t in enumerate(texts) if i not in used and quote in t), None)
        if hit is None:
            hit = next((i for i, t in enumerate(texts) if i not in used and t[:40] and t[:40] in quote), None)
        if hit is not None:
            used.add(hit)
        out.append(hit)
    return out


def align(gold: list[dict], predicted: list[Requirement]) -> Alignment:
    """One-to-one: a gold entry matches the first unused requirement whose text contains its quote."""
    hits = match_quotes([normalize(g["quote"]) for g in gold], [normalize(r.text) for r in predicted])
    pairs = tuple((g, predicted[h]) for g, h in zip(gold, hits) if h is not None)
    missed = tuple(g for g, h in zip(gold, hits) if h is None)
    used = {h for h in hits if h is not None}
    spurious = tuple(r for i, r in enumerate(predicted) if i not in used)
    return Alignment(pairs=pairs, missed=missed, spurious=spurious)


def report_group(report_id: str) -> str:
    """Family of a report: 'wsis20-draft' and 'wsis20-rev1' are one group (never split between training and test)."""
    return re.sub(r"-(?:draft|rev\d*)$", "", report_id)
