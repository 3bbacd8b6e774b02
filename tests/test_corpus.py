"""The annotated corpus keeps the rules of corpora/README.md ("Checks"): a broken gold file would skew every figure."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.corpus import CORPUS_DIR, load_manifest, normalize, resolve_corpus_path

STATUSES = {"addressed", "partial", "not_addressed", "manual_check"}
HARD_CASES = {None, "paraphrase", "distractor", "events_links", "negation", "duplicate", "other_actor", "restatement",
              "plan"}
REPORTS = [d for d in load_manifest() if d.role == "report" and d.gold is not None]


def _gold_requirements() -> dict[str, dict]:
    out = {}
    for p in sorted((CORPUS_DIR / "gold" / "requirements").glob("*.json")):
        data = json.loads(p.read_text(encoding="utf-8"))
        out[data["document"]] = data
    return out


def _lines(path: Path) -> list[str]:
    return [normalize(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("document", sorted(_gold_requirements()), ids=lambda d: Path(d).stem)
def test_requirement_quotes_occur_once_in_their_mandate(document):
    data = _gold_requirements()[document]
    path = resolve_corpus_path(document)
    if not path.exists():
        pytest.skip(f"{path} is not here (the real example lives in ../shared)")
    text = normalize(path.read_text(encoding="utf-8"))
    ids = [r["id"] for r in data["requirements"]]
    assert len(ids) == len(set(ids)), "requirement ids repeat"
    for r in data["requirements"]:
        assert text.count(normalize(r["quote"])) == 1, f"{r['id']}: quote found {text.count(normalize(r['quote']))} times"
        assert r["checkability"] in ("content", "procedural"), r["id"]


@pytest.mark.parametrize("report", REPORTS, ids=lambda d: d.id)
def test_every_pair_is_annotated_once_and_consistently(report):
    check_assessments(report.gold)


def check_assessments(gold_path: Path | str) -> None:
    """All checks on one gold assessment file (also usable on a file not yet in the manifest:
    `python -c "from tests.test_corpus import check_assessments as c; c('corpora/gold/assessments/x.json')"`)."""
    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    reqs = _gold_requirements()
    lines = _lines(resolve_corpus_path(gold["report"]))
    expected = {r["id"]: r for m in gold["mandates"] for r in reqs[m]["requirements"]}
    seen = [a["requirement"] for a in gold["assessments"]]
    assert sorted(seen) == sorted(expected), (
        f"missing {sorted(set(expected) - set(seen))}, extra or repeated "
        f"{sorted(x for x in seen if seen.count(x) > 1 or x not in expected)}")

    def check_evidence(quotes: list[str], where: str) -> None:
        for q in quotes:
            n = len(q.split())
            assert 10 <= n <= 25, f"{where}: evidence of {n} words: {q!r}"
            hits = sum(normalize(q) in line for line in lines)
            assert hits == 1, f"{where}: evidence found on {hits} lines: {q!r}"

    for a in gold["assessments"]:
        rid, status = a["requirement"], a["status"]
        req = expected[rid]
        assert status in STATUSES, rid
        assert a.get("hard_case") in HARD_CASES, rid
        if req["checkability"] == "procedural":
            assert status == "manual_check", f"{rid} is procedural but {status}"
        if status == "not_addressed":
            assert not a["evidence"], f"{rid}: not_addressed with evidence"
        check_evidence(a["evidence"], rid)
        facets = a.get("facets", [])
        for f in facets:
            assert f["status"] in STATUSES - {"manual_check"} or status == "manual_check", f"{rid}/{f['facet']}"
            check_evidence(f.get("evidence", []), f"{rid}/{f['facet']}")
        judged = [f["status"] for f in facets if f["status"] != "manual_check"]
        if judged and status in ("addressed", "not_addressed"):
            assert all(s == status for s in judged), f"{rid}: {status} but facets {judged}"
        if judged and status == "partial":
            # partial: either the facets are mixed, or every facet is only touched
            assert not all(s == "not_addressed" for s in judged), f"{rid}: partial but no facet touched"


def test_renderings_are_reproducible():
    # Re-rendering an unchanged text gives the same bytes, so `python corpora/render.py` does not churn the repo.
    import importlib.util

    from pipeline.parse import parse_bytes

    spec = importlib.util.spec_from_file_location("render", CORPUS_DIR / "render.py")
    render = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(render)
    doc = parse_bytes(b"Report\n1\tIntroduction\nITU connected 1,200 schools in 2025.\n2.1\tTo report on C2.\n",
                      path="r.txt")
    import io
    import zipfile

    docx_bytes, pdf_bytes = render.render_docx(doc), render.render_pdf(doc)
    assert docx_bytes == render.render_docx(doc) and pdf_bytes == render.render_pdf(doc)
    # Not today's date anywhere: the package entries, the document properties and the PDF metadata are fixed.
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as z:
        assert {i.date_time for i in z.infolist()} == {(2026, 1, 1, 0, 0, 0)}
        assert b"2026-01-01T00:00:00Z" in z.read("docProps/core.xml")
    assert b"D:20260101000000" in pdf_bytes
