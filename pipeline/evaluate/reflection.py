"""`wsis-audit eval reflection`: amendment outcomes and proposal reflections against the annotated pairs.

Each pair folder (corpora/reflection-blind/, corpora/reflection-dev/) holds a contribution, the draft it amends, the
final text and gold.json (format: corpora/reflection-brief.md). Nothing is learned: the thresholds are fixed in
pipeline/reflect/outcome.py, so the figures need no cross-validation; the blind pairs were never read while the
rules were written, the development pairs were.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path

from ..config import Config
from ..corpus import CORPUS_DIR
from ..extract import extract
from ..model import RequirementKind
from ..parse import parse_file
from ..reflect.align import Index, reflect
from ..reflect.outcome import judge
from ..amendments import contribution_amendments
from ..reflect.tokens import tokens

REFLECTION_BLIND_DIR = CORPUS_DIR / "reflection-blind"
REFLECTION_DEV_DIR = CORPUS_DIR / "reflection-dev"
OUTCOMES = ("adopted", "adopted_with_changes", "not_adopted")
CLASSES = ("verbatim", "edited", "paraphrased", "absent")
# The bands a reflection should fall in for each gold class (issue 21: verbatim >= 0.9, absent <= 0.1).
BANDS = {"verbatim": (0.9, 1.0), "edited": (0.1, 0.9), "paraphrased": (0.0, 0.5), "absent": (0.0, 0.1)}


def pair_dirs(root: Path) -> list[Path]:
    return sorted(p for p in root.iterdir() if (p / "gold.json").is_file()) if root.is_dir() else []


def evaluate_reflection(config: Config, root: Path = REFLECTION_BLIND_DIR) -> dict:
    """Outcome precision and recall, reading recall, and reflection scores by gold class, over every pair."""
    amend_rows, prop_rows = [], []
    for d in pair_dirs(root):
        a, p = _pair(d, config)
        amend_rows += a
        prop_rows += p
    return {"pairs": len(pair_dirs(root)), "amendments": _amendment_figures(amend_rows),
            "proposals": _proposal_figures(prop_rows),
            "errors": [r for r in amend_rows if "gold" in r and r["gold"] != r["predicted"]]}


def _contribution(d: Path) -> Path:
    """The Word rendering when there is one (tracked changes), else the text."""
    return d / "contribution.docx" if (d / "contribution.docx").is_file() else d / "contribution.txt"


def _pair(d: Path, config: Config) -> tuple[list[dict], list[dict]]:
    """One pair's amendment rows (gold against predicted) and proposal rows (gold class against score)."""
    gold = json.loads((d / "gold.json").read_text(encoding="utf-8"))
    doc, found = contribution_amendments(_contribution(d), config)
    draft, final = parse_file(d / "draft.txt", config), parse_file(d / "final.txt", config)
    index = Index.of(final)
    matched = _match([g["text"] for g in gold["amendments"]], [a.text for a in found])
    rows = []
    for g, k in zip(gold["amendments"], matched):
        predicted = judge(found[k], index, draft).outcome if k is not None else "missed"
        rows.append({"pair": d.name, "label": g["label"], "form": g["form"], "gold": g["outcome"],
                     "predicted": predicted, "read_as": found[k].label if k is not None else None})
    spurious = len(found) - sum(k is not None for k in matched)
    rows.append({"pair": d.name, "spurious": spurious})
    extracted = [r for r in extract(doc, kb_files=config.kb_files).requirements
                 if r.kind in (RequirementKind.PROPOSAL, RequirementKind.EXPECTATION)]
    got = _match([g["text"] for g in gold["proposals"]], [r.text for r in extracted])
    props = [{"pair": d.name, "label": g["label"], "gold": g["reflection"], "score": reflect(g["text"], index).score,
              "extracted": k is not None} for g, k in zip(gold["proposals"], got)]
    return rows, props


def _match(gold: list[str], found: list[str]) -> list[int | None]:
    """For each gold text, the found text sharing most of its words (at least half of the shorter one's), each
    found text used once."""
    keys = [{t.key for t in tokens(t)} for t in found]
    out: list[int | None] = []
    used: set[int] = set()
    for text in gold:
        want = {t.key for t in tokens(text)}
        best, best_k = 0.5, None
        for k, have in enumerate(keys):
            if k in used or not want or not have:
                continue
            score = len(want & have) / min(len(want), len(have))
            if score > best or (score == best and best_k is None):
                best, best_k = score, k
        if best_k is not None:
            used.add(best_k)
        out.append(best_k)
    return out


def _amendment_figures(rows: list[dict]) -> dict:
    spurious = sum(r.get("spurious", 0) for r in rows)
    rows = [r for r in rows if "gold" in r]
    n = len(rows)
    per = {}
    for c in OUTCOMES:
        tp = sum(r["gold"] == c and r["predicted"] == c for r in rows)
        pred = sum(r["predicted"] == c for r in rows)
        gold = sum(r["gold"] == c for r in rows)
        per[c] = {"precision": round(tp / pred, 3) if pred else None, "recall": round(tp / gold, 3) if gold else None,
                  "gold": gold, "predicted": pred}
    confusion = Counter(f"{r['gold']} -> {r['predicted']}" for r in rows)
    read = [r for r in rows if r["predicted"] != "missed"]
    return {"amendments": n, "accuracy": round(sum(r["gold"] == r["predicted"] for r in rows) / n, 3) if n else None,
            "read": len(read), "spurious": spurious, "per_outcome": per,
            "accuracy_of_read": round(sum(r["gold"] == r["predicted"] for r in read) / len(read), 3) if read else None,
            "confusion": dict(sorted(confusion.items()))}


def _proposal_figures(rows: list[dict]) -> dict:
    by = defaultdict(list)
    for r in rows:
        by[r["gold"]].append(r["score"])
    classes = {}
    for c in CLASSES:
        s = sorted(by.get(c, []))
        lo, hi = BANDS[c]
        classes[c] = {"n": len(s), "mean": round(sum(s) / len(s), 3) if s else None, "min": s[0] if s else None,
                      "max": s[-1] if s else None, "in_band": sum(lo <= x <= hi for x in s), "band": [lo, hi]}
    return {"proposals": len(rows), "extracted": sum(r["extracted"] for r in rows), "by_class": classes,
            "rows": rows}


__all__ = ["REFLECTION_BLIND_DIR", "REFLECTION_DEV_DIR", "evaluate_reflection"]
