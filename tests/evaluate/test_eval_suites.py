"""The PLOVER GSR and PETR-2 GSR loaders and scorers, on small samples written here."""

from __future__ import annotations

import json

import pytest
from eval_fakes import TableCoder, event

from dyadwatch.errors import DataError
from dyadwatch.evaluate.codes import code_matches, normalise_code
from dyadwatch.evaluate.petr_gsr import load_petr_gsr, parse_petr_gsr, score_petr
from dyadwatch.evaluate.plover_gsr import (
    dyad_matches,
    load_plover_gsr,
    most_confident,
    plover_record,
    score_plover,
)  # fmt: skip
from dyadwatch.evaluate.run import code_documents
from dyadwatch.model import Actor

PLOVER_SAMPLE = [
    {"id": "S-DOCUMENT-0001", "event": "DOCUMENT", "comment": "about this file"},
    {
        "id": "S-DEMAND-0001", "date": "2000-01-01", "event": "DEMAND",
        "source": [{"actorText": "Chilean", "code": "CHL", "sector": "GOV"}],
        "target": [{"actorText": "Peru", "code": "PER"}],
        "text": "Chilean ministers pressed Peru on Friday to reopen the border crossing.",
        "textInfo": {"markup": "(SRC: Chilean) ministers (EVT: pressed) (TAR: Peru)"},
    },
    {
        "id": "S-AGREE-0001", "date": "2000-01-01", "event": "AGREE",
        "source": [{"actorText": "Norway", "code": "NOR"}, {"actorText": "Japan", "code": "JAP"}],
        "target": "",
        "text": "Norway and Japan signed a fisheries accord in Oslo.",
        "textInfo": {"markup": "(SRC/TAR: Norway) and (SRC/TAR: Japan) (EVT: signed)"},
    },
    {
        "id": "S-FIGHT-0001", "date": "2000-01-01", "event": "FIGHT",
        "source": [{"actorText": "peacekeepers", "code": "IGO", "sector": "MIL"}],
        "target": [{"actorText": "militia", "code": "COD", "sector": "REB"}],
        "text": "Peacekeepers exchanged fire with a militia near the lake.",
        "textInfo": "(SRC: Peacekeepers) (EVT: exchanged fire) with a (TAR: militia)",
    },
]  # fmt: skip


@pytest.fixture
def plover_file(tmp_path):
    path = tmp_path / "gsr.txt"
    path.write_text(json.dumps(PLOVER_SAMPLE, indent=1))
    return path


def test_plover_loader_maps_old_labels_and_skips_document(plover_file):
    records = load_plover_gsr(plover_file)
    assert [(r.id, r.event) for r in records] == [
        ("S-DEMAND-0001", "REQUEST"), ("S-AGREE-0001", "AGREE"), ("S-FIGHT-0001", "ASSAULT"),
    ]  # fmt: skip
    assert records[1].sources == ("NOR", "JAP") and records[1].targets == ()
    assert records[1].reciprocal and not records[0].reciprocal
    assert records[0].document().date == "2000-01-01"


def test_plover_loader_gives_a_repeated_id_a_number(tmp_path):
    twice = [PLOVER_SAMPLE[1], {**PLOVER_SAMPLE[3], "id": "S-DEMAND-0001"}]
    path = tmp_path / "twice.txt"
    path.write_text(json.dumps(twice))
    assert [r.id for r in load_plover_gsr(path)] == ["S-DEMAND-0001", "S-DEMAND-0001#2"]


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"id": "x", "event": "AGREE"}, "missing field 'text'"),
        ({"id": "x", "event": "HUG", "text": "t"}, "unknown event type"),
    ],
)
def test_plover_record_rejects_bad_records(raw, message):
    with pytest.raises(ValueError, match=message):
        plover_record(raw)


def test_plover_loader_reports_bad_json(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_text("[\n{oops}\n]")
    with pytest.raises(DataError, match="line 2"):
        load_plover_gsr(path)


@pytest.mark.parametrize(
    ("record", "source", "target", "expected"),
    [
        (0, "CHLGOV", "PER", True),
        (0, "PER", "CHLGOV", False),  # not reciprocal: direction counts
        (0, "CHL", None, False),
        (1, "JPNGOV", "USA", True),  # no target: only the source; JAP is Japan
        (1, "NORGOV", "JPN", True),
        (1, "SWE", "NOR", False),
        (2, "UNMIL", "CODREB", True),  # IGO accepts an organisation
        (2, "FRAMIL", "COD", False),
    ],
)
def test_plover_dyad(plover_file, record, source, target, expected):
    rec = load_plover_gsr(plover_file)[record]
    assert dyad_matches(event(source=source, target=target), rec) is expected


def test_plover_reciprocal_accepts_either_direction():
    rec = plover_record({
        "id": "r", "event": "CONSULT", "text": "t",
        "source": [{"code": "EGY"}], "target": [{"code": "JOR"}],
        "textInfo": {"markup": "(SRC/TAR: Egypt) and (SRC/TAR: Jordan)"},
    })  # fmt: skip
    assert rec is not None
    assert dyad_matches(event(source="JOR", target="EGYGOV"), rec)


def test_plover_score(plover_file):
    records = load_plover_gsr(plover_file)
    coder = TableCoder(
        {
            "S-DEMAND-0001": [event(type="REQUEST", source="USA", target="PER"),
                              event(type="ACCUSE", source="CHL", target="PER", n=1)],
            "S-AGREE-0001": [event(type="AGREE", source="NOR", target="JPN")],
        },
        failing=["S-FIGHT-0001"],
    )  # fmt: skip
    events, failed = code_documents(coder, (r.document() for r in records))
    score = score_plover(records, events, failed)
    assert (score.type_hits, score.dyad_hits, score.both_hits) == (2, 2, 1)
    assert score.errors == 1 and score.records == 3
    assert score.figures()["both"] == round(1 / 3, 4)
    rows = {r[0]: r for r in score.type_rows()}
    assert rows["REQUEST"] == ("REQUEST", 1, 1.0, 0.0)
    assert rows["ASSAULT"][2] == 0.0
    # the most confident event alone (the first of equals): REQUEST USA>PER, AGREE NOR>JPN
    assert (score.top_type_hits, score.top_dyad_hits, score.top_both_hits) == (2, 1, 1)
    assert (score.events, score.events_right_type) == (3, 2)
    figures = score.figures()
    assert figures["event_type_precision"] == round(2 / 3, 4)
    assert figures["events_per_record"] == 1.0


@pytest.mark.parametrize(
    ("confidences", "top"),
    [((0.5, 0.5), 0), ((0.4, 0.9), 1), ((0.9, 0.4), 0), ((), None)],
)
def test_most_confident_event(confidences, top):
    events = [event(n=i) for i in range(len(confidences))]
    for e, c in zip(events, confidences, strict=True):
        e.confidence = c
    found = most_confident(events)
    assert found is (None if top is None else events[top])


PETR_SAMPLE = """<?xml version='1.0' encoding='utf-8'?>
<Validation>
########################
#  a header in the style of the original: <not> & well-formed
########################
<Sentences>
<Sentence category="TEST" date="20190312" id="T_1" evaluate="true"/>
<EventCoding eventcode="036" sourcecode="FINGOV" targetcode="EST" />
<EventCoding eventcode="173" sourcecode="---JUD" targetcode="ESTBUS" />
<Text>
Finland's government offered to meet Estonian
ministers &amp; a court later detained a shipping executive.
</Text>
<Parse>
1	x	x	X	X	_	0	root	_	_
</Parse></Sentence>
<Sentence category="TEST" date="2019031" id="T_2" evaluate="true">
<!-- nothing to code here -->
<EventCoding noevents="True" />
<Text>
The weather in Tallinn stayed mild all week.
</Text>
</Sentence>
<Sentence category="TEST" date="20190314" id="T_3" evaluate="false"/>
<EventCoding eventcode="010" sourcecode="EST" targetcode="FIN" />
<Text>
Not evaluated.
</Text>
<Sentence category="TEST" date="20190315" id="T_4" evaluate="true"/>
<EventCoding eventcode="190" sourcecode="EST" targetcode="FIN" />
<Text>
</Text>
</Sentences>
</Validation>
"""


def test_petr_parser_reads_records_skips_empty_text_and_comments():
    data = parse_petr_gsr(PETR_SAMPLE)
    assert [r.id for r in data.records] == ["T_1", "T_2"]
    assert data.skipped == ["T_4"]
    first, second = data.records
    assert first.date == "2019-03-12" and first.text.endswith("shipping executive.")
    assert "&" in first.text and "\n" not in first.text
    assert [(c.root, c.source, c.target) for c in first.codings] == [
        ("03", "FINGOV", "EST"), ("17", "---JUD", "ESTBUS"),
    ]  # fmt: skip
    assert second.codings == () and second.date is None
    assert second.document().date == "2000-01-01"


def test_petr_parser_needs_event_codes():
    with pytest.raises(DataError, match="T_9"):
        parse_petr_gsr('<Sentence id="T_9" evaluate="true"/>\n<EventCoding sourcecode="X"/>')


@pytest.mark.parametrize(
    ("predicted", "root", "triple"),
    [
        # both roots right, both triples right (--- accepts any country)
        # (T_4's coding is missed in every row: the record has no text)
        ({"T_1": [("0361", "FINGOV", "EST"), ("173", "RUSJUD", "ESTBUS")]},
         (2, 0, 1), (2, 0, 1)),
        # right root, wrong actor; one root missed; an event on a noevents record
        ({"T_1": [("036", "SWE", "EST")], "T_2": [("010", "EST", None)]},
         (1, 1, 2), (0, 2, 3)),
        # events without a CAMEO code are ignored
        ({"T_1": [(None, "FIN", "EST")]}, (0, 0, 3), (0, 0, 3)),
        # one coding is matched by one event: a second event of the same triple is extra
        ({"T_1": [("036", "FIN", "EST"), ("0361", "FINGOV", "EST")]}, (1, 1, 2), (1, 1, 2)),
    ],
)  # fmt: skip
def test_petr_score(predicted, root, triple):
    data = parse_petr_gsr(PETR_SAMPLE)
    events = {
        rid: [event(doc=rid, cameo=c, source=s, target=t, n=i) for i, (c, s, t) in enumerate(rows)]
        for rid, rows in predicted.items()
    }
    score = score_petr(data, events)
    assert (score.root.tp, score.root.fp, score.root.fn) == root
    assert (score.triple.tp, score.triple.fp, score.triple.fn) == triple
    assert score.skipped == 1


def test_the_codings_of_a_skipped_record_count_as_missed():
    data = parse_petr_gsr(PETR_SAMPLE)
    assert data.skipped_codings == 1  # T_4: one coding, no text
    score = score_petr(data, {})
    assert (score.root.fn, score.triple.fn) == (3, 3)


PARSED_ONLY = """<Sentence category="TEST" date="20190316" id="T_5" evaluate="true"/>
<EventCoding eventcode="190" sourcecode="EST" targetcode="FIN" />
<Text>
</Text>
<Parse>
1	Estonia	Estonia	PROPN	NNP	_	2	nsubj	_	_
2	did	do	AUX	VBD	_	4	aux	_	_
3	n't	not	PART	RB	_	4	neg	_	_
4	stop	stop	VERB	VB	_	0	root	_	_
5	Finland	Finland	PROPN	NNP	_	7	nmod:poss	_	_
6	's	's	PART	POS	_	5	case	_	_
7	ships	ship	NOUN	NNS	_	4	dobj	_	_
8	,	,	PUNCT	,	_	4	punct	_	_
9	it	it	PRON	PRP	_	10	nsubj	_	_
10	said	say	VERB	VBD	_	4	parataxis	_	_
11	.	.	PUNCT	.	_	4	punct	_	_
</Parse></Sentence>
"""


def test_a_record_without_text_is_read_from_its_parse():
    data = parse_petr_gsr(PARSED_ONLY)
    assert data.skipped == [] and data.skipped_codings == 0
    assert [r.text for r in data.records] == ["Estonia didn't stop Finland's ships, it said."]


def test_petr_loader_reads_a_file(tmp_path):
    path = tmp_path / "v.xml"
    path.write_text(PETR_SAMPLE)
    assert len(load_petr_gsr(path).records) == 2
    with pytest.raises(DataError, match="cannot be read"):
        load_petr_gsr(tmp_path / "missing.xml")


@pytest.mark.parametrize(
    ("code", "expected"),
    [("JAP", "JPN"), ("JAPGOV", "JPNGOV"), ("itl", "ITA"), ("VTN", "VNM"), ("USAGOV", "USAGOV"),
     ("KOS", "XKX")],
)  # fmt: skip
def test_normalise_legacy_codes(code, expected):
    assert normalise_code(code) == expected


@pytest.mark.parametrize(
    ("actor", "gold", "expected"),
    [
        (Actor("x", "NATO"), "IGO", True),
        (Actor("x", "RUSGOV", country="RUS", sector="GOV"), "IGO", False),
        (Actor("x", "UNOMIL", sector="IGO"), "IGOUNO", True),
        (Actor("x", "ITA"), "ITL", True),
        (Actor("x", "EU"), "EU", True),
        (Actor("x", "EU"), "EUR", False),
        (Actor("x", "KAZMIL"), "---MIL", True),
        (Actor("x", "---"), "IGO", False),  # country unknown is not "an organisation"
        (Actor("x", "---"), "NGO", False),
        (Actor("x", "---", sector="IGO"), "IGO", True),
        (None, "USA", False),
    ],
)
def test_code_matches(actor, gold, expected):
    assert code_matches(actor, gold) is expected


@pytest.mark.parametrize("note", ["", "These are development sets."])
def test_benchmark_record_keeps_the_section_note(tmp_path, note):
    from dyadwatch.evaluate.benchdoc import record_run

    path = tmp_path / "benchmarks.md"
    record_run(path, "acc", "Accuracy", "cmd one", "first figures")
    if note:
        text = path.read_text()
        path.write_text(text.replace("## Accuracy\n\n", f"## Accuracy\n\n{note}\n\n"))
    record_run(path, "acc", "Accuracy", "cmd two", "second figures")
    text = path.read_text()
    assert text.index("second figures") < text.index("first figures")
    assert text.count(note) == 1 if note else "\n\n\n" not in text
    if note:
        assert text.index("## Accuracy") < text.index(note) < text.index("second figures")
