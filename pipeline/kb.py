"""The domain knowledge base (corpora/kb): actors, Action Lines, targets, goals, SDGs, key documents, expansions."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .errors import ArtifactError, ConfigError
from .resources import kb_dir

KB_DIR = kb_dir()
KB_VERSION = "1"
# (file, list key, concept kind, id field, label field, title field)
CONCEPT_FILES = (
    ("action_lines.json", "action_lines", "action_line", "code", "code", "title"),
    ("wsis_targets.json", "wsis_targets", "wsis_target", "id", "label", "text"),
    ("broadband_targets.json", "broadband_targets", "bb_target", "id", "label", "text"),
    ("connect2030.json", "goals", "c2030_goal", "id", "label", "name"),
    ("sdgs.json", "sdgs", "sdg", "id", "label", "short"),
    ("instruments.json", "instruments", "instrument", "id", "name", "text"),
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Actor:
    canonical: str
    kind: str  # secretariat | governing | membership | un | regional
    aliases: tuple[str, ...]
    # Known only where a text names it whole ("ECLAC" as the addressee), never inside a phrase: "UNESCO" in "National
    # Commissions for UNESCO" or "together with UNESCO, UNDP and UNCTAD" names no one who acts.
    whole_name: bool = False
    # Names every stakeholder, the report's author among them ("all stakeholders"): what the author did counts.
    includes_author: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Concept:
    """Something a requirement can name and a report can address: an Action Line, a target, a goal, an SDG."""

    id: str
    kind: str
    label: str
    title: str
    short: str
    topics: tuple[str, ...]
    attrs: tuple[tuple[str, str], ...] = ()  # e.g. (("itu_role", "lead"),)


@dataclass(frozen=True, slots=True, kw_only=True)
class Expansion:
    id: str
    patterns: tuple[str, ...]
    concept_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class KnowledgeBase:
    actors: tuple[Actor, ...]
    concepts: tuple[Concept, ...]
    expansions: tuple[Expansion, ...]
    documents: tuple[dict, ...]
    sha256: str

    def concept(self, concept_id: str) -> Concept:
        for c in self.concepts:
            if c.id == concept_id:
                return c
        raise KeyError(concept_id)

    def actor(self, canonical: str) -> Actor | None:
        for a in self.actors:
            if a.canonical.lower() == canonical.lower():
                return a
        return None


def _read(path: Path, *, user: bool) -> dict:
    # A user's own file is configuration (exit 4); a bundled one is a shipped artifact (exit 5).
    error = ConfigError if user else ArtifactError
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, IsADirectoryError):
        raise error("knowledge-base file missing",
                    hint="check the --kb path" if user else "restore corpora/kb from the repository",
                    location=str(path)) from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise error(f"knowledge-base file is not valid JSON: {exc}", hint="fix the file", location=str(path)) from None
    if not isinstance(data, dict) or str(data.get("version")) != KB_VERSION:
        version = data.get("version") if isinstance(data, dict) else None
        raise error(f"knowledge-base version {version!r}, expected {KB_VERSION!r}",
                    hint="follow the schema in corpora/kb/README.md", location=str(path))
    return data


@lru_cache(maxsize=8)
def load_kb(extra_files: tuple[str, ...] = ()) -> KnowledgeBase:
    """The bundled knowledge base, with the user's files (same schema) merged over it; cached per process."""
    digest = hashlib.sha256()
    files: dict[str, list[dict]] = {}
    bundled = sorted(KB_DIR.glob("*.json"))
    for path in [*bundled, *map(Path, extra_files)]:
        data = _read(path, user=path not in bundled)
        digest.update(path.name.encode() + b"\0" + json.dumps(data, sort_keys=True).encode())
        for key, value in data.items():
            if isinstance(value, list):
                files.setdefault(key, [])
                # A user's entry with the same id or canonical name replaces the bundled one.
                for entry in value:
                    ident = entry.get("id") or entry.get("code") or entry.get("canonical")
                    files[key] = [e for e in files[key]
                                  if (e.get("id") or e.get("code") or e.get("canonical")) != ident] + [entry]
    concepts: list[Concept] = []
    for _file, key, kind, id_field, label_field, title_field in CONCEPT_FILES:
        for e in files.get(key, []):
            attrs = tuple((k, str(v)) for k, v in e.items() if k in ("itu_role",))
            concepts.append(Concept(id=str(e[id_field]), kind=kind, label=str(e[label_field]),
                                    title=e.get(title_field) or e.get("text", ""), short=e.get("short") or e.get("name", ""),
                                    topics=tuple(t.lower() for t in e.get("topics", ())), attrs=attrs))
    actors = tuple(Actor(canonical=a["canonical"], kind=a["kind"], aliases=tuple(x.lower() for x in a["aliases"]),
                         includes_author=a.get("includes_author") is True,  # JSON true only, not "false"
                         whole_name=a.get("match") == "whole")
                   for a in files.get("actors", []))
    by_file = {f: key for f, key, *_ in CONCEPT_FILES}
    expansions = []
    for e in files.get("expansions", []):
        target = e["expands_to"]
        key = by_file.get(target["file"])
        entries = files.get(key, [])
        where = target.get("where", {})
        ids = [str(x.get("code") or x.get("id")) for x in entries
               if all(str(x.get(k)) in map(str, v) for k, v in where.items())]
        expansions.append(Expansion(id=e["id"], patterns=tuple(p.lower() for p in e["patterns"]), concept_ids=tuple(ids)))
    return KnowledgeBase(actors=actors, concepts=tuple(concepts), expansions=tuple(expansions),
                         documents=tuple(files.get("documents", [])), sha256=digest.hexdigest())
