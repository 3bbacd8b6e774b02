"""Extraction quality against corpora/gold/requirements: recall, precision, actor and label accuracy per format."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, fields
from pathlib import Path

from ..config import Config
from ..corpus import CORPUS_DIR, Alignment, align, load_manifest, norm_label, normalize, resolve_corpus_path
from ..errors import InputError
from ..extract import extract
from ..kb import KnowledgeBase, load_kb
from ..model import Facet
from ..parse import parse_file


@dataclass(slots=True)
class Counts:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    actor_ok: int = 0
    label_ok: int = 0
    kind_ok: int = 0
    check_ok: int = 0
    facets_gold: int = 0  # over matched requirements: the facets a reader ticks off
    facets_predicted: int = 0
    facets_matched: int = 0

    def add(self, a: Alignment, n_gold: int, n_pred: int, kb: KnowledgeBase | None = None) -> None:
        self.gold += n_gold
        self.predicted += n_pred
        self.matched += len(a.pairs)
        for g, r in a.pairs:
            self.actor_ok += g["actor"].lower() == r.actor.lower()
            self.label_ok += norm_label(g.get("label")) == norm_label(r.source.label)
            self.kind_ok += g["kind"] == r.kind.value
            self.check_ok += g.get("checkability", "content") == r.checkability.value
            gold_f, hits = facet_match(g.get("facets", []), r.facets, kb or load_kb())
            self.facets_gold += len(gold_f)
            self.facets_predicted += len(r.facets)
            self.facets_matched += hits

    def metrics(self) -> dict:
        m = max(self.matched, 1)
        return {"gold": self.gold, "predicted": self.predicted, "matched": self.matched,
                "recall": round(self.matched / max(self.gold, 1), 4),
                "precision": round(self.matched / max(self.predicted, 1), 4),
                "actor_accuracy": round(self.actor_ok / m, 4), "label_accuracy": round(self.label_ok / m, 4),
                "kind_accuracy": round(self.kind_ok / m, 4), "checkability_accuracy": round(self.check_ok / m, 4),
                "facet_recall": round(self.facets_matched / max(self.facets_gold, 1), 4),
                "facet_precision": round(self.facets_matched / max(self.facets_predicted, 1), 4)}


FACET_PREFIXES = re.compile(r"^(?:wsis target|advocacy target|connect 2030 goal|target|goal)\s+")


def facet_keys(facet: Facet, kb: KnowledgeBase) -> set[str]:
    """The names a reader may give a facet: its label, its bare letter or number, the concept's name."""
    keys = {normalize(facet.label), FACET_PREFIXES.sub("", normalize(facet.label))}
    if facet.concept:
        try:
            c = kb.concept(facet.concept)
            keys |= {normalize(c.id), normalize(c.label), normalize(c.title)}
        except KeyError:
            pass
    return keys


def facet_match(gold: list[str], predicted: tuple[Facet, ...], kb: KnowledgeBase) -> tuple[list[str], int]:
    """One-to-one matches between gold facet names and extracted facets."""
    used: set[int] = set()
    keys = [facet_keys(f, kb) for f in predicted]
    for g in gold:
        k = normalize(g)
        hit = next((i for i, ks in enumerate(keys) if i not in used and k in ks), None)
        if hit is not None:
            used.add(hit)
    return gold, len(used)


def evaluate_extraction(config: Config | None = None, *, corpus_dir: Path | None = None) -> dict:
    """Figures per format and per document, plus the errors, for every mandate with gold requirements."""
    cfg = config or Config()
    docs = load_manifest(corpus_dir) if corpus_dir else load_manifest()
    by_format: dict[str, Counts] = defaultdict(Counts)
    per_document: list[dict] = []
    errors: list[dict] = []
    for cd in docs:
        if cd.role != "mandate" or cd.gold is None:
            continue
        gold = json.loads(cd.gold.read_text(encoding="utf-8"))["requirements"]
        for fmt, path in cd.renderings().items():
            try:
                reqs = list(extract(parse_file(path, cfg), kb_files=cfg.kb_files).requirements)
            except InputError as exc:
                errors.append({"document": cd.id, "format": fmt, "error": exc.line()})
                by_format[fmt].gold += len(gold)
                continue
            a = align(gold, reqs)
            by_format[fmt].add(a, len(gold), len(reqs))
            c = Counts()
            c.add(a, len(gold), len(reqs))
            per_document.append({"document": cd.id, "format": fmt, **c.metrics()})
            errors += _errors(cd.id, fmt, a)
    overall = Counts()
    for c in by_format.values():
        for f in fields(Counts):
            setattr(overall, f.name, getattr(overall, f.name) + getattr(c, f.name))
    return {"overall": overall.metrics(), "by_format": {f: c.metrics() for f, c in sorted(by_format.items())},
            "per_document": per_document, "errors": errors}


def evaluate_external(path: Path, gold_path: Path, config: Config | None = None) -> dict:
    """The same figures on a document outside the corpus (the real example contribution)."""
    cfg = config or Config()
    gold = json.loads(gold_path.read_text(encoding="utf-8"))["requirements"]
    reqs = list(extract(parse_file(path, cfg), kb_files=cfg.kb_files).requirements)
    a = align(gold, reqs)
    c = Counts()
    c.add(a, len(gold), len(reqs))
    return {"document": str(path), **c.metrics(), "errors": _errors(path.name, "txt", a)}


def external_gold() -> tuple[Path, Path] | None:
    """The real contribution and its gold file, when both are present."""
    gold = CORPUS_DIR / "gold" / "requirements" / "external-contribution.json"
    if not gold.exists():
        return None
    doc = resolve_corpus_path(json.loads(gold.read_text(encoding="utf-8"))["document"])
    return (doc, gold) if doc.exists() else None


def _errors(doc_id: str, fmt: str, a: Alignment) -> list[dict]:
    out = [{"document": doc_id, "format": fmt, "error": "missed", "gold": g["id"], "quote": g["quote"]} for g in a.missed]
    out += [{"document": doc_id, "format": fmt, "error": "spurious", "label": r.source.label, "text": r.text[:100]}
            for r in a.spurious]
    for g, r in a.pairs:
        if g["actor"].lower() != r.actor.lower():
            out.append({"document": doc_id, "format": fmt, "error": "actor", "gold": g["id"],
                        "expected": g["actor"], "got": r.actor})
        if norm_label(g.get("label")) != norm_label(r.source.label):
            out.append({"document": doc_id, "format": fmt, "error": "label", "gold": g["id"],
                        "expected": g.get("label"), "got": r.source.label})
    return out
