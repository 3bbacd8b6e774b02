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
    actor_ok: int = 0  # right, or explicitly unknown (None) where the text does not name the actor
    actor_unknown: int = 0  # of those, unknown
    actor_wrong: int = 0
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
            verdict = actor_verdict(g.get("actor"), r.actor, kb)
            self.actor_ok += verdict != "wrong"
            self.actor_unknown += verdict == "unknown"
            self.actor_wrong += verdict == "wrong"
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
                "actor_accuracy": round(self.actor_ok / m, 4),
                "actor_right": round((self.actor_ok - self.actor_unknown) / m, 4),
                "actor_unknown": round(self.actor_unknown / m, 4),
                "label_accuracy": round(self.label_ok / m, 4),
                "kind_accuracy": round(self.kind_ok / m, 4), "checkability_accuracy": round(self.check_ok / m, 4),
                "facet_recall": round(self.facets_matched / max(self.facets_gold, 1), 4),
                "facet_precision": round(self.facets_matched / max(self.facets_predicted, 1), 4)}


def actor_verdict(gold: str | None, got: str | None, kb: KnowledgeBase | None = None) -> str:
    """'right', 'unknown' (the extractor said it cannot tell: never wrong) or 'wrong'.

    Where the gold actor is None (the chapeau is not in the text), only None is right.
    """
    if got is None:
        return "right" if gold is None else "unknown"
    return "right" if gold is not None and same_body(gold, got, kb or load_kb()) else "wrong"


NAME_LINKS = {"of", "on", "for", "the", "and", "to", "in"}


def same_body(a: str, b: str, kb: KnowledgeBase) -> bool:
    """Two names of one body: equal; a name and one of its knowledge-base aliases; a name and its initials
    ("Telecommunication Development Advisory Group", "TDAG"); or a body's full name and its short form, the full
    name's first words, when the short form is not a body of its own in the knowledge base ("Expert Group on WSIS
    Measurement", "Expert Group"; but never "Secretary-General of the United Nations", "Secretary-General").

    Writers of the gold files chose full or short names either way until the brief said which (set 27). A name's
    singular and plural, and "TDAG Chair" and "Chair of TDAG", are one body too (since set 52); an article inside a list
    of bodies, and "ESCAP secretariat" for "secretariat of the Economic and Social Commission …", since set 57."""
    a, b = (re.sub(r"^the\s+", "", x.strip(), flags=re.I).lower() for x in (a, b))
    names = {x.canonical.lower(): {x.canonical.lower(), *x.aliases, *(n.removeprefix("the ") for n in x.aliases)}
             for x in kb.actors}
    if _same_name(a, b, names) or _same_name(_name_form(a), _name_form(b), names):
        return True
    # (an article inside a list is no part of it: "Governments and the private sector", "Governments and private
    # sector"; a name's own "the" stays: "… Latin America and the Caribbean")
    listed = [re.sub(r"(,\s+|\s+and\s+)the\s+", r"\1", x) for x in (a, b)]
    if listed != [a, b] and listed[0] == listed[1]:
        return True
    # "Chair of the Working Group" and "Chair of the Council Working Group on WSIS and the SDGs": one officer of one body
    # ("ESCAP secretariat" and "secretariat of the Economic and Social Commission for Asia and the Pacific" too)
    officers = [re.fullmatch(r"(?P<title>(?:vice-|co-)?chair(?:person)?|president|secretariat)\s+of\s+(?:the\s+)?(?P<body>.+)",
                             _name_form(x)) for x in (a, b)]
    return bool(all(officers) and officers[0].group("title") == officers[1].group("title")
                and same_body(officers[0].group("body"), officers[1].group("body"), kb))


def _same_name(a: str, b: str, names: dict[str, set[str]]) -> bool:
    if a == b or any(a in ns and b in ns for ns in names.values()):
        return True
    short, full = sorted((a, b), key=len)
    initials = "".join(w[0] for w in re.findall(r"[\w&-]+", full) if w not in NAME_LINKS)
    if " " not in short and len(short) >= 3 and short == initials:
        return True
    known = short in names or any(short in ns for ns in names.values())
    return not known and full.startswith(short + " ")


def _name_form(name: str) -> str:
    """One spelling of a name for comparison: its head in the singular ("lead ministries" and "lead ministry" are one
    role) and an officer after the body ("TDAG Chair" is the "chair of TDAG")."""
    officer = re.fullmatch(r"(?P<body>.+?)\s+(?P<title>(?:vice-|co-)?chair(?:person)?|secretariat|president)", name)
    if officer and " of " not in name:
        name = f"{officer.group('title')} of {officer.group('body').removeprefix('the ')}"
    words = name.split()
    for i, w in enumerate(words):
        if i + 1 == len(words) or words[i + 1] in ("of", "on", "for", "in"):
            words[i] = re.sub(r"ies$", "y", w) if w.endswith("ies") else re.sub(r"(?<=[^s])s$", "", w)
            break
    return " ".join(words)


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
            _score(cd.id, fmt, path, gold, cfg, by_format, per_document, errors)
    overall = _sum(by_format.values())
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


BLIND_DIR = CORPUS_DIR / "extraction-blind"  # held out: measured, never tuned on
EXCERPTS_DEV_DIR = CORPUS_DIR / "extraction-dev"  # earlier blind sets, tuned on once measured
BLIND_FORMATS = ("txt", "docx", "pdf")


def evaluate_blind(config: Config | None = None, *, blind_dir: Path = BLIND_DIR) -> dict:
    """The same figures on the blind excerpts (texts no rule was written beside), per format and per form.

    A requirement counts towards the form its gold entry names; precision per form counts the spurious
    requirements of the excerpts that carry the form. Quoted instruments and printed actors are scored too.
    """
    cfg = config or Config()
    by_format: dict[str, Counts] = defaultdict(Counts)
    by_form: dict[str, Counts] = defaultdict(Counts)
    extra = defaultdict(int)
    per_document: list[dict] = []
    errors: list[dict] = []
    for gold_path in sorted(blind_dir.glob("*.json")):
        meta = json.loads(gold_path.read_text(encoding="utf-8"))
        gold = meta["requirements"]
        txt = blind_dir / meta["document"]
        for fmt in BLIND_FORMATS:
            path = txt.with_suffix(f".{fmt}")
            if not path.exists():
                continue
            a = _score(txt.stem, fmt, path, gold, cfg, by_format, per_document, errors, forms=meta.get("forms", []))
            if a is None:
                continue
            for form in sorted({g.get("form") or "plain" for g in gold} | set(meta.get("forms", []))):
                mine = [g for g in gold if (g.get("form") or "plain") == form]
                sub = Alignment(pairs=tuple(p for p in a.pairs if (p[0].get("form") or "plain") == form),
                                missed=tuple(g for g in a.missed if (g.get("form") or "plain") == form),
                                spurious=a.spurious if form in meta.get("forms", []) else ())
                by_form[form].add(sub, len(mine), len(sub.pairs) + len(sub.spurious))
            for g, r in a.pairs:
                if "quoted_from" in g:
                    extra["quoted_gold"] += 1
                    extra["quoted_ok"] += _same_instrument(g["quoted_from"], r.quoted_from)
                    if not _same_instrument(g["quoted_from"], r.quoted_from):
                        errors.append({"document": txt.stem, "format": fmt, "error": "quoted_from", "gold": g["id"],
                                       "expected": g["quoted_from"], "got": r.quoted_from})
                if g.get("actor_printed") and g.get("actor"):
                    extra["printed_gold"] += 1
                    extra["printed_ok"] += normalize(g["actor_printed"]).removeprefix("the ") == normalize(
                        r.actor_printed or "").removeprefix("the ")
    overall = _sum(by_format.values())
    return {"overall": overall.metrics() | {
                "quoted_from_accuracy": round(extra["quoted_ok"] / max(extra["quoted_gold"], 1), 4),
                "actor_printed_accuracy": round(extra["printed_ok"] / max(extra["printed_gold"], 1), 4)},
            "by_format": {f: c.metrics() for f, c in sorted(by_format.items())},
            "by_form": {f: c.metrics() for f, c in sorted(by_form.items())},
            "documents": len({d["document"] for d in per_document}),
            "per_document": per_document, "errors": errors}


def _score(doc_id: str, fmt: str, path: Path, gold: list[dict], cfg: Config, by_format: dict[str, Counts],
           per_document: list[dict], errors: list[dict], *, forms: list[str] | None = None) -> Alignment | None:
    """Extract one rendering, align it with the gold, add its counts and errors; None when it could not be read."""
    try:
        reqs = list(extract(parse_file(path, cfg), kb_files=cfg.kb_files).requirements)
    except InputError as exc:
        errors.append({"document": doc_id, "format": fmt, "error": exc.line()})
        by_format[fmt].gold += len(gold)
        return None
    a = align(gold, reqs)
    by_format[fmt].add(a, len(gold), len(reqs))
    c = Counts()
    c.add(a, len(gold), len(reqs))
    per_document.append({"document": doc_id, "format": fmt, **({"forms": forms} if forms is not None else {}),
                         **c.metrics()})
    errors += _errors(doc_id, fmt, a)
    return a


def _same_instrument(gold: str | None, got: str | None) -> bool:
    """'Council Resolution 1332 (Mod. 2024)' and 'Council Resolution 1332 (Mod 2024)' name one instrument."""
    def key(x: str | None) -> str:
        return re.sub(r"[^a-z0-9/]+", " ", normalize(x or "")).strip()
    return key(gold) == key(got)


def _sum(counts) -> Counts:
    total = Counts()
    for c in counts:
        for f in fields(Counts):
            setattr(total, f.name, getattr(total, f.name) + getattr(c, f.name))
    return total


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
        if actor_verdict(g.get("actor"), r.actor) == "wrong":
            out.append({"document": doc_id, "format": fmt, "error": "actor", "gold": g["id"],
                        "expected": g["actor"], "got": r.actor})
        if norm_label(g.get("label")) != norm_label(r.source.label):
            out.append({"document": doc_id, "format": fmt, "error": "label", "gold": g["id"],
                        "expected": g.get("label"), "got": r.source.label})
    return out
