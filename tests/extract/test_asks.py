"""The asks model: what the rules leave, a trained model reads (actor unknown, and said so); what only recalls or
notes, it leaves; the shipped model is the one its training texts give."""

from __future__ import annotations

import json

import pytest

from corpora.render import blind_paragraphs, render_blind_docx, render_blind_pdf
from pipeline.config import Config
from pipeline.extract import asks, extract
from pipeline.extract.clauses import segment_blocks
from pipeline.learn.asks import annotated_texts, train_asks, training_sha256
from pipeline.modelcard import render_model_card
from pipeline.parse import parse_bytes

FORMATS = ("txt", "docx", "pdf")


def _extract(text: str, fmt: str = "txt", **kw):
    if fmt == "txt":
        data = text.encode("utf-8")
    else:
        paras = blind_paragraphs(text, "lines")
        data = render_blind_docx(paras, "test") if fmt == "docx" else render_blind_pdf(paras, {"pdf_columns": 1})
    return extract(parse_bytes(data, path=f"doc.{fmt}"), **kw)


# Terms of reference whose tasks are bullets in the base form, under a lead-in the rules do not read as a chapeau.
TASKS = """Terms of reference of the Correspondence Group on Rural Skills
1. Purpose
The Correspondence Group was set up by TDAG at its thirty-second meeting.
2. Tasks
The Correspondence Group will, in particular:
- map the digital skills programmes that Member States run in rural areas;
- identify the three programmes with the best results and describe them in a short note;
- present its findings to TDAG at its next meeting.
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_task_no_rule_reads_is_read_by_the_model_with_actor_unknown_and_a_warning(fmt):
    result = _extract(TASKS, fmt)
    read = [r for r in result.requirements if r.read_by == "model"]
    assert read and read[0].text.startswith("map the digital skills programmes")
    assert all(r.actor is None and r.actor_printed is None for r in read)  # never a guessed actor
    assert not any("set up by TDAG" in r.text for r in result.requirements)  # background is not asked of anyone
    warning = next(w for w in result.warnings if "trained model" in w)
    assert warning.startswith(f"{len(read)} sentence(s) no rule reads were read as requirements by the trained model")
    assert "actor unknown" in warning


def test_without_the_model_only_the_rules_read():
    assert not [r for r in _extract(TASKS, model_reads=False).requirements if r.read_by == "model"]
    assert all(r.read_by == "rules" for r in _extract(TASKS, model_reads=False).requirements)


@pytest.mark.parametrize("fmt", FORMATS)
def test_what_only_recalls_or_reports_a_view_is_not_read_even_with_should_in_it(fmt):
    text = ("Report of the regional meeting\n"
            "1. We recall that no one should be left without access to information.\n"
            "2. Several members considered that the Bureau should publish its figures twice a year.\n"
            "3. Recognizes that the cost of devices should fall further in developing countries;\n")
    assert [r.text for r in _extract(text, fmt).requirements if r.read_by == "model"] == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_paragraphs_under_revision_keep_their_numbers_after_the_mark(fmt):
    # "MOD⇥2⇥to …": the mark of a resolution under revision stands before the item's number.
    text = ("Resolution 1602 (Mod. 2029)\nThe Council,\ninstructs the Secretary-General\n"
            "1\tto publish the annual report in all six languages;\n"
            "MOD\t2\tto update each year the roadmap of each Action Line that ITU facilitates;\n"
            "ADD\t2bis\tto publish with the report a table of the latest figure for each WSIS target;\n"
            "SUP\t3\n")
    rows = [(r.source.label, r.actor, r.read_by) for r in _extract(text.replace("\t", " ") if fmt != "txt" else text,
                                                                    fmt).requirements]
    assert rows == [("1", "Secretary-General", "rules"), ("2", "Secretary-General", "rules"),
                    ("2bis", "Secretary-General", "rules")]


def test_units_cover_every_sentence_and_no_rule_read_span_is_scored_again():
    document = parse_bytes(TASKS.encode(), path="doc.txt")
    units = asks.units(segment_blocks(document.blocks))
    assert all(document.text[u.start:u.end] == u.text for u in units)
    first = next(u for u in units if u.text.startswith("map the digital"))
    assert asks.unread_units(units, [(first.start, first.end)]).count(first) == 0


def test_the_shipped_model_is_the_one_its_training_texts_give():
    meta = json.loads((asks.ASKS_DIR / "meta.json").read_text(encoding="utf-8"))
    assert meta["training_sha256"] == training_sha256(annotated_texts()), (
        "the development excerpts or the corpus changed: run `wsis-audit train asks`")
    model = asks.load_asks()
    assert model.threshold == meta["threshold"] and len(model.weights) == meta["features"]
    assert (asks.ASKS_DIR / "README.md").read_text(encoding="utf-8") == render_model_card(meta)


def _excerpt(root, name: str, lines: list[str], asks_at: list[int]) -> None:
    (root / f"{name}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    gold = [{"id": f"{name}-{i}", "label": None, "quote": " ".join(lines[i].split()[:6]), "actor": None,
             "kind": "expectation"} for i in asks_at]
    (root / f"{name}.json").write_text(json.dumps({"document": f"{name}.txt", "requirements": gold}), encoding="utf-8")


def test_training_writes_a_model_its_card_and_figures_grouped_by_excerpt_and_by_writer(tmp_path):
    corpus = tmp_path / "corpora"
    dev = corpus / "extraction-dev"
    dev.mkdir(parents=True)
    bodies = ["Regulators", "Operators", "Donors", "Ministries", "Schools", "Libraries", "Universities", "Banks"]
    for i, who in enumerate(bodies):
        _extract_lines = [f"Note {i} of the working group",
                          f"The group met in Geneva on {i + 2} May 2028 and heard {i + 3} presentations.",
                          f"{who} should publish their connectivity figures every year.",
                          "The presentations are on the meeting page.",
                          f"{who} ought to share the data with the regional office by June.",
                          "Lunch was offered by the host."]
        _excerpt(dev, f"w{i % 4}-note-{i}", _extract_lines, [2, 4])
    out = tmp_path / "model"
    meta = train_asks(Config(), out, corpus_dir=corpus)
    assert meta["texts"] == 8 and meta["writers"] == 4 and meta["positive_units"] >= 16
    assert set(meta["cross_validated"]) == {"by_excerpt", "by_writer"}
    assert meta["threshold"] in [f["threshold"] for f in meta["cross_validated"]["by_writer"]]
    model = json.loads((out / "model.json").read_text(encoding="utf-8"))
    assert model["threshold"] == meta["threshold"] and model["weights"]
    assert (out / "README.md").read_text(encoding="utf-8") == render_model_card(meta)
    again = tmp_path / "again"
    train_asks(Config(), again, corpus_dir=corpus)
    assert (again / "model.json").read_bytes() == (out / "model.json").read_bytes()  # deterministic
    assert meta["threshold_rule"] == "spurious_budget" and meta["replay"]["sets"] == []
    # A blind set as its rules read it then: nothing in w1's notes. A model trained without w1 reads them, and the
    # threshold is chosen on what it finds there.
    replay = corpus / "extraction-replay"
    replay.mkdir()
    (replay / "set-7.json").write_text(json.dumps({"set": 7, "code": "abc1234", "excerpts": {
        "w1-note-1": [], "w1-note-5": []}}), encoding="utf-8")
    replayed = train_asks(Config(), tmp_path / "replayed", corpus_dir=corpus)
    assert replayed["threshold_rule"] == "replay" and replayed["training_sha256"] != meta["training_sha256"]
    (entry,) = replayed["replay"]["sets"]
    assert (entry["set"], entry["code"], entry["gold"], entry["recall_rules"]) == (7, "abc1234", 4, 0.0)
    best = max(replayed["replay"]["thresholds"], key=lambda f: f["recall"])
    assert best["recall"] == 1.0  # the two "should"/"ought to" sentences of each note, read by the model alone
    assert replayed["threshold"] == min(f["threshold"] for f in replayed["replay"]["thresholds"]
                                        if f["precision"] >= replayed["replay_precision"])
    card = (tmp_path / "replayed" / "README.md").read_text(encoding="utf-8")
    assert "Replayed blind sets" in card and "7 (abc1234)" in card


NUMBERED_ELSEWHERE = """Summary of the C3 facilitation meeting
The meeting agreed on the following next steps.
| No. | Action | Lead | By |
| 1 | Revise the C3 roadmap so that each activity has one indicator | UNESCO | 30 June 2028 |
| 2 | Send the draft roadmap to the co-facilitators for comment | UNESCO | 31 May 2028 |
Proposals
Proposal 1 (MOD resolves 2)
To replace the two-year cycle in resolves 2 with a yearly cycle.
Proposal 2 (ADD instructs the Secretary-General)
That the Secretary-General be instructed to publish each year a table of the WSIS targets.
"""


def test_what_the_model_reads_keeps_the_number_of_its_row_or_of_the_proposal_title_above_it():
    result = _extract(NUMBERED_ELSEWHERE)
    read = [(r.source.label, r.text[:20]) for r in result.requirements if r.read_by == "model"]
    assert ("1", "To replace the two-y") in read
    # (a "That" proposal under its title the rules read, with the title's number)
    assert [(r.source.label, r.read_by) for r in result.requirements if r.text.startswith("That the Secretary-G")] == [
        ("2", "rules")]
    assert all(label for label, _ in read)  # a row's number from its first cell: "2" for "Send the draft …"


def test_the_noting_guard_reads_verbs_not_names_and_lets_a_second_clause_that_asks_through():
    noting = asks.NOTING_RE.match
    assert noting("We recall that no one should be left without access") and noting("Recognizes that the cost")
    assert not noting("Member States should ensure that every school is connected")  # "States" is no "state"
    assert not noting("Several Member States asked for clearer reporting")
    assert not noting("We recognize the value of public infrastructure, and we commit to fund it")
    assert not noting("Notes the report, and requests the secretariat to publish it")
