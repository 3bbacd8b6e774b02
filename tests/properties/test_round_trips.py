"""Properties over random inputs beyond parsing (issue 22): decisions survive their CSV, every coverage record
renders and reads back, extracted requirements index their document exactly."""

from __future__ import annotations

import csv
import io
import json
import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.extract import extract
from pipeline.model import DECISIONS, STATUSES
from pipeline.parse import parse_bytes
from pipeline.report.csv_report import render_csv
from pipeline.report.json_report import dumps, validate_coverage
from pipeline.report.markdown import render_markdown
from pipeline.review import Decision, load_decisions, save_decisions

# Text a reviewer or a document may hold: letters, accents, quotes, commas, line breaks, a formula-looking start.
TEXT = st.text(alphabet=string.ascii_letters + string.digits + " ,;:\"'=+-\n\u00e9\u2019\u201c\u201d", max_size=60)
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(st.lists(st.builds(Decision, key=st.from_regex(r"key-[0-9a-f]{12}", fullmatch=True),
                          facet=st.sampled_from(["", "a)", "C5", "Connect 2030 goal 2"]),
                          requirement_id=st.from_regex(r"req-[0-9a-f]{12}", fullmatch=True),
                          text_sha=st.from_regex(r"[0-9a-f]{16}", fullmatch=True),
                          evidence_sha=st.from_regex(r"[0-9a-f]{16}", fullmatch=True),
                          decision=st.sampled_from(DECISIONS), reason=TEXT, reviewer=TEXT),
                unique_by=lambda d: (d.key, d.facet), max_size=8))
def test_decisions_survive_their_csv(tmp_path_factory, decisions):
    path = tmp_path_factory.mktemp("d") / "decisions.csv"
    save_decisions(path, decisions)
    assert load_decisions(path) == sorted(decisions, key=lambda d: (d.key, d.facet))


def _evidence(text: str) -> dict:
    return {"text": text or "x", "locator": "para. 3", "score": 0.5, "passage_id": "p-1", "verdict": "substance",
            "reading": "gives figures", "matched_terms": [], "heading_trail": []}


@st.composite
def records(draw):
    reqs = []
    for n in range(draw(st.integers(min_value=1, max_value=5))):
        status = draw(st.sampled_from(STATUSES))
        evidence = [_evidence(draw(TEXT))] if status in ("addressed", "partial") else []
        text = draw(TEXT).strip() or "to report"
        reqs.append({"id": f"req-{n:012x}", "key": f"key-{n:012x}",
                     "source": {"document": "/m/res.docx", "locator": f"para. {n + 1}",
                                "label": draw(st.sampled_from([None, "1", "2 a)", "=3"])), "clause_path": ["Res. 1"],
                                "span": [0, len(text)], "heading_trail": []},
                     "kind": "instruction", "actor": draw(st.sampled_from([None, "Secretary-General"])),
                     "actor_printed": None, "quoted_from": None, "verb": "report", "text": text, "statement": text,
                     "checkability": "content", "frequency": None, "deadline": None, "references": [],
                     "status": status, "confidence": 0.5, "probabilities": {}, "rationale": "",
                     "evidence_profile": False, "evidence": evidence, "reflection": None, "facets": []})
    summary = {s: sum(r["status"] == s for r in reqs) for s in STATUSES}
    return {"schema_version": "1", "report": {"path": "/r/report.pdf", "sha256": "a" * 64, "format": "pdf",
                                              "passages": 3, "warnings": [], "incomplete": False},
            "mandates": [{"path": "/m/res.docx", "sha256": "b" * 64, "requirements": len(reqs), "warnings": []}],
            "failures": [], "warnings": [], "requirements": reqs, "summary": summary,
            "run": {"config": {}, "versions": {}}}


@SETTINGS
@given(records())
def test_every_record_renders_and_reads_back(record):
    validate_coverage(record)
    assert json.loads(dumps(record)) == record
    rows = list(csv.DictReader(io.StringIO(render_csv(record))))
    assert [r["id"] for r in rows] == [r["id"] for r in record["requirements"]]
    assert all(not v.startswith(("=", "+", "@")) for row in rows for v in row.values())  # never a formula
    md = render_markdown(record)
    assert all(f"{r['confidence']:.2f}" in md for r in record["requirements"])


# ("3 Member States to share …" is left out: after a number it reads as a count of States, and is.)
ITEM = st.sampled_from(["to report annually on the activities of the Union", "to publish the roadmaps",
                        "to share their data with the Partnership", "to convene a meeting of experts in 2027",
                        "to continue its work on measurement"])


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(["instructs the Secretary-General", "invites Member States", "resolves"]),
       st.lists(ITEM, min_size=1, max_size=5), st.sampled_from(["\n\n", "\n"]))
def test_extracted_requirements_index_their_document(chapeau, items, gap):
    body = gap.join(f"{n} {text};" for n, text in enumerate(items, start=1))
    doc = parse_bytes(f"The Council,\n\n{chapeau}\n\n{body}\n".encode(), path="res.txt")
    result = extract(doc)
    for r in result.requirements:
        assert doc.text[r.source.start:r.source.end] == r.text
    assert [r.source.label for r in result.requirements] == [str(n) for n in range(1, len(items) + 1)]
