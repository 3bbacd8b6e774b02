"""The annotated corpus made ready for learning: reports parsed, requirements aligned to gold, retrievers fitted."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace

from ..config import Config
from ..corpus import CORPUS_DIR, align, load_manifest, normalize, report_group, resolve_corpus_path
from ..extract import extract
from ..kb import load_kb
from ..match.passages import make_passages
from ..match.retrieve import Retriever, units_for
from ..model import Requirement
from ..parse import parse_file


@dataclass(slots=True)
class PreparedReport:
    """One annotated report, parsed, with its requirements aligned to gold and its retriever fitted."""

    report_id: str
    group: str
    requirements: list[Requirement]
    gold_by_req: dict[str, dict]  # extracted requirement id -> gold assessment (with gold requirement record)
    unaligned: list[dict]  # gold assessments whose requirement the extractor missed
    retriever: Retriever
    passage_norm: list[str]


def prepare_corpus(config: Config | None = None, *, semantic: str | None = None,
                   disabled: tuple[str, ...] = ()) -> list[PreparedReport]:
    """Every report of the manifest with gold assessments, ready for training and evaluation (text renderings)."""
    cfg = config or Config()
    kb = load_kb(cfg.kb_files)
    gold_reqs: dict[str, dict] = {}
    for p in sorted((CORPUS_DIR / "gold" / "requirements").glob("*.json")):
        data = json.loads(p.read_text(encoding="utf-8"))
        gold_reqs[data["document"]] = data
    mandate_cache: dict[str, list[Requirement]] = {}
    out = []
    for cd in load_manifest():
        if cd.role != "report" or cd.gold is None:
            continue
        gold = json.loads(cd.gold.read_text(encoding="utf-8"))
        report = parse_file(resolve_corpus_path(gold["report"]), cfg)
        reqs: list[Requirement] = []
        gold_by_req: dict[str, dict] = {}
        gold_assess = {a["requirement"]: a for a in gold["assessments"]}
        unaligned = []
        for m in gold["mandates"]:
            if m not in mandate_cache:
                mandate_cache[m] = list(extract(parse_file(resolve_corpus_path(m), cfg), kb_files=cfg.kb_files)
                                        .requirements)
            extracted = mandate_cache[m]
            reqs.extend(extracted)
            g_list = gold_reqs[m]["requirements"]
            a = align(g_list, extracted)
            for g, r in a.pairs:
                if g["id"] in gold_assess:
                    gold_by_req[r.id] = {**gold_assess[g["id"]], "gold_requirement": g, "mandate": m}
            unaligned += [{**gold_assess[g["id"]], "mandate": m} for g in a.missed if g["id"] in gold_assess]
        passages = make_passages(report, max_words=cfg.passage_max_words, overlap=cfg.passage_overlap_words)
        units = [u for r in reqs for u in units_for(r, kb)]
        retriever = Retriever(semantic=semantic or cfg.semantic, disabled=disabled).fit(passages, units, cfg.kb_files)
        pr = PreparedReport(report_id=cd.id, group=report_group(cd.id), requirements=reqs, gold_by_req=gold_by_req,
                            unaligned=unaligned, retriever=retriever,
                            passage_norm=[normalize(p.text) for p in passages])
        out.append(pr)
    return out


def restrict(r: PreparedReport, keep) -> PreparedReport:
    """The same report with only the gold pairs whose mandate document passes `keep` (training and scoring sets of
    the leave-one-mandate-out evaluation)."""
    return replace(r, gold_by_req={k: g for k, g in r.gold_by_req.items() if keep(g["mandate"])},
                   unaligned=[g for g in r.unaligned if keep(g["mandate"])])
