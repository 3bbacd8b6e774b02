"""The actor check: a trained model that says how likely the actor the rules gave a requirement is wrong.

The rules name who must act from a chapeau, a table's Lead column, a sentence's subject, a document's convention. On
texts nobody here wrote they give a wrong name for about one requirement in 25, and which ones depends on the
writer's conventions more than on any rule. Where the model (logistic weights over the features below, trained by
`wsis-audit train actor-check` on the development excerpts, cross-validated grouped by writer) puts the chance that
the name is wrong at or above its threshold, the requirement's actor is unknown, the name the rules gave is kept as
`actor_guess`, and a warning names the items: a guess is never shown as fact.

Features are plain strings and numbers from the requirement, the rule that read it and its document: which rule
emitted it, whether its chapeau named the actor, whether the text prints the name and where, the name's own words,
the kind, the block, the label's shape, the document's genre words and how many bodies it names.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..model import Document, Requirement
from ..resources import model_dir
from .linear import LinearModel, read_linear
from .walk_state import Candidate

NAME = "wsis-actor-check"
VERSION = 1
ACTOR_CHECK_DIR = model_dir(f"{NAME}-v{VERSION}")

# Words that say what kind of document it is (its title and first lines)
GENRE_WORDS = ("resolution", "decision", "minutes", "summary", "report", "plan", "declaration", "statement",
               "contribution", "terms", "communiqu", "letter", "outcome", "recommendation", "conclusion", "action",
               "agenda", "proposal", "work", "programme", "mail", "note", "review", "initiative", "roadmap",
               "charter", "guidelines", "framework", "strategy", "memorandum", "draft", "annex")
LABEL_SHAPES = ((r"\d+", "number"), (r"\d+(?:\.\d+)+", "dotted"), (r"[ivxl]+", "roman"), (r"[A-Za-z]", "letter"),
                (r"[A-Z]{1,4}\d+(?:[./-]\d+)*", "code"))


def _label_shape(label: str | None) -> str:
    if not label:
        return "none"
    last = label.split()[-1].strip("().")
    for pattern, name in LABEL_SHAPES:
        if re.fullmatch(pattern, last):
            return name + ("-sub" if " " in label else "")
    return "other"


def _bucket(x: float, edges: tuple[float, ...]) -> str:
    return str(sum(x >= e for e in edges))


@dataclass(frozen=True, slots=True)
class DocumentView:
    """What the features need of the whole document, computed once."""

    genre: tuple[str, ...]
    actors: Counter
    n: int
    text: str  # the document's text in lower case


def document_view(document: Document, actors: list[str | None]) -> DocumentView:
    head = " ".join([document.title or "", *(b.text for b in document.blocks[:6])]).lower()
    genre = tuple(w for w in GENRE_WORDS if re.search(rf"\b{w}", head))
    return DocumentView(genre=genre, actors=Counter(a for a in actors if a), n=len(actors), text=document.text.lower())


def features(document: Document, c: Candidate, req: Requirement, view: DocumentView, position: int
             ) -> dict[str, float]:
    """The actor check's features for one requirement whose actor the rules gave (c: the candidate it was built
    from)."""
    extra, printed, block = c.extra, c.printed, c.segment.block
    actor = req.actor or ""
    own = req.text.lower()
    statement = req.statement.lower()
    printed_l = (printed or "").strip().lower()
    f: dict[str, float] = {
        f"rule={extra.get('rule', 'model')}": 1.0,
        f"ctx={extra.get('ctx', 'none')}": 1.0,
        f"kind={req.kind.value}": 1.0,
        f"label={_label_shape(req.source.label)}": 1.0,
        f"actor={actor.lower()}": 1.0,
        "ctx_actor": float(bool(extra.get("ctx_actor"))),
        "changed_after": float(extra.get("rule_actor", actor) != actor),
        "column_owner": float(bool(extra.get("column_owner"))),
        "printed_none": float(not printed_l),
        "printed_in_own": float(bool(printed_l) and printed_l in own),
        "printed_in_statement": float(bool(printed_l) and printed_l in statement),
        "actor_in_own": float(actor.lower() in own),
        "actor_in_text": float(actor.lower() in view.text),
        "statement_we": float(bool(re.match(r"\W*we\b", statement))),
        f"block={block.kind.value}": 1.0,
        "in_table": float(block.table is not None),
        f"n_actors={_bucket(len(view.actors), (2, 3, 5, 8))}": 1.0,
        f"share={_bucket(view.actors[req.actor] / max(view.n, 1), (0.1, 0.3, 0.6, 0.9))}": 1.0,
        f"pos={_bucket(position / max(view.n, 1), (0.25, 0.5, 0.75))}": 1.0,
    }
    chapeau = req.source.clause_path[1] if len(req.source.clause_path) > 1 else ""
    if " and " in actor or "," in actor:
        f["actor_several"] = 1.0  # "ITU and UNESCO": writers split between the list and its first body
    if re.search(r"\b(?:and|as well as)\b", chapeau):
        f["chapeau_several"] = 1.0
    if printed_l and re.sub(r"^the\s+", "", printed_l) != actor.lower():
        f["printed_differs"] = 1.0  # a printed name the knowledge base or a rule turned into another
    for w in set(re.findall(r"[a-z][a-z\-]+", actor.lower())):
        f[f"aw={w}"] = 1.0
    for g in view.genre:
        f[f"genre={g}"] = 1.0
    verb = (req.source.clause_path[1].split()[0].lower() if len(req.source.clause_path) > 1
            and req.source.clause_path[1].split() else "none")
    f[f"chapeau={verb}"] = 1.0
    return _crossed(f)


def _crossed(f: dict[str, float]) -> dict[str, float]:
    """The reading rule crossed with what it rests on (a rule's name is sound where its chapeau named it, doubtful
    where the text prints no name): the model is linear, the doubt is not."""
    rule = next(k for k in f if k.startswith("rule="))[5:]
    out = dict(f)
    for k in ("printed_none", "ctx_actor", "printed_in_own", "actor_in_own", "in_table", "changed_after"):
        if f.get(k):
            out[f"{rule}&{k}"] = 1.0
    for prefix in ("kind=", "ctx=", "actor="):
        out[f"{rule}&{next(k for k in f if k.startswith(prefix))}"] = 1.0
    return out


# Logistic weights over named features, and the chance of a wrong name at which the actor is left unknown.
ActorCheck = LinearModel


def model_path(directory: Path | None = None) -> Path:
    return Path(directory or ACTOR_CHECK_DIR) / "model.json"


@lru_cache(maxsize=2)
def load_actor_check(directory: str | None = None) -> ActorCheck:
    """The shipped model (models/wsis-actor-check-v1/model.json)."""
    return read_linear(model_path(Path(directory) if directory else None), "actor check model",
                       "wsis-audit train actor-check")
