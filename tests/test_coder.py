"""The coder as a whole: contract fields, stable ids, exact evidence, errors per document."""

from __future__ import annotations

import json

import pytest

from dyadwatch.errors import InputError
from dyadwatch.model import PLOVER_TYPES, Document, Event

TEXT = (
    "Lithuania banned the transit of Russian steel on June 17. In retaliation, Moscow "
    "threatened to cut Lithuania off from the power grid.\n\nThe next day Russia expelled "
    "two Lithuanian diplomats, the ministry in Vilnius said."
)


def doc(text: str = TEXT, doc_id: str = "t1") -> Document:
    return Document(id=doc_id, text=text, date="2022-06-25")


def test_events_follow_the_contract(coder):
    events = coder.code(doc())
    assert events
    for ev in events:
        assert ev.event in PLOVER_TYPES
        assert TEXT[ev.evidence.start : ev.evidence.end] == ev.evidence.text
        assert ev.quad_code in (1, 2, 3, 4) and -10 <= ev.intensity <= 10
        assert 0 <= ev.confidence <= 1
        assert Event.from_dict(ev.to_dict()).to_dict() == ev.to_dict()


def test_same_text_gives_same_ids(coder):
    first = [e.id for e in coder.code(doc())]
    second = [e.id for e in coder.code(doc())]
    assert first == second and len(set(first)) == len(first)


def test_relative_date_and_response_link(coder):
    events = coder.code(doc())
    expel = next(e for e in events if e.mode == "expel")
    assert (expel.date, expel.date_precision) == ("2022-06-18", "day")
    threat = next(e for e in events if e.event == "THREATEN")
    ban = next(e for e in events if e.actor.country == "LTU")
    assert threat.in_response_to == [ban.id]


@pytest.mark.parametrize("text", ["", "   \n  "])
def test_empty_text_is_an_input_error(coder, text):
    with pytest.raises(InputError, match="empty"):
        coder.code(doc(text))


def test_a_failing_document_does_not_end_the_batch(coder, monkeypatch):
    real = coder._code

    def flaky(document, sdoc):
        if document.id == "bad":
            raise ValueError("boom")
        return real(document, sdoc)

    monkeypatch.setattr(coder, "_code", flaky)
    items = [doc(doc_id="a"), doc(doc_id="bad"), InputError("not JSON", doc="f.jsonl", line=3),
             doc(doc_id="b")]  # fmt: skip
    outcomes = list(coder.code_many(items))
    assert [o.doc_id for o in outcomes] == ["a", "bad", "f.jsonl", "b"]
    assert [o.ok for o in outcomes] == [True, False, False, True]
    assert "ValueError: boom" in str(outcomes[1].error)


def test_own_country_is_the_recipient_only_when_no_other_state_is_near(coder):
    alone = coder.code(doc("Belarusian workers rejected the wage offer.", "home-1"))
    after = coder.code(doc("Warsaw says Minsk is pushing migrants toward the frontier. "
                           "Belarus rejected the accusations.", "home-2"))  # fmt: skip
    [rejected] = [e for e in alone if e.event == "REJECT"]
    assert rejected.recipient is not None and rejected.recipient.code == "BLRGOV"
    [later] = [e for e in after if e.event == "REJECT"]
    assert later.recipient is None or later.recipient.country != "BLR"


def test_a_state_does_not_address_itself(coder):
    [rejected] = [e for e in coder.code(doc("Belarus rejected the accusations.", "home-3"))
                  if e.event == "REJECT"]  # fmt: skip
    assert rejected.recipient is None


def test_a_news_agency_is_never_a_party_to_the_act_it_reports(coder):
    text = ("Guards boarded two Chilean boats, Reuters reported. "
            "Peruvian forces also seized their nets.")  # fmt: skip
    events = coder.code(doc(text, "agency-1"))
    assert all(e.recipient is None or e.recipient.sector != "MED" for e in events)
    assert all(e.actor.sector != "MED" for e in events)


def test_the_name_a_doer_gives_its_own_act_is_no_second_act(coder):
    text = ("Chile began the operation at dawn, firing missiles into Peru in what it called "
            "precision strikes on rebel camps.")  # fmt: skip
    events = coder.code(doc(text, "own-name"))
    assert [(e.event, e.event_text, e.actor.country) for e in events] == [
        ("ASSAULT", "firing", "CHL")
    ]


def test_a_purpose_clause_of_an_act_of_the_same_type_is_not_another_act(coder):
    text = "The foreign ministry of Chile summoned a Peruvian diplomat to protest against the raid."
    events = coder.code(doc(text, "purpose-1"))
    assert [(e.event, e.actor.country) for e in events] == [("ACCUSE", "CHL")]


def test_a_scheduled_act_named_by_a_noun_is_not_coded(coder):
    text = "Chile withdrew its bid to host the climate negotiations with Peru next year."
    events = coder.code(Document(id="sched", text=text, date="2024-05-10"))
    assert [e.event for e in events] == ["RETREAT"]


UNREAL = ("Chile did not attack Peru. Bolivia could close the border to Peru. "
          "Peru expelled two Chilean diplomats.")  # fmt: skip


def test_acts_denied_or_only_possible_are_left_out_unless_asked_for(coder, full_coder):
    told = [(e.event_text, e.factuality) for e in coder.code(doc(UNREAL))]
    assert told == [("expelled", "asserted")]
    kept = {(e.event_text, e.factuality) for e in full_coder.code(doc(UNREAL))}
    assert {("attack", "negated"), ("close", "hypothetical")} <= kept


@pytest.mark.parametrize(
    ("flag", "expected"), [([], {"asserted"}), (["--keep-unrealised"], {"asserted", "negated"})]
)
def test_the_code_command_keeps_unrealised_acts_only_when_asked(tmp_path, flag, expected):
    from typer.testing import CliRunner

    from dyadwatch.commands import app

    path = tmp_path / "in.txt"
    path.write_text("Chile did not attack Peru. Peru expelled two Chilean diplomats.\n")
    out = tmp_path / "e.jsonl"
    result = CliRunner().invoke(app, ["code", str(path), "--date", "2024-03-05", "-o", str(out),
                                      "--workers", "1", *flag])  # fmt: skip
    assert result.exit_code == 0, result.output
    got = {json.loads(line)["factuality"] for line in out.read_text().splitlines()}
    assert got == expected


def test_a_meeting_that_names_no_one_met_is_the_actors_own_session(coder):
    story = "Chile accused Peru of shelling the border. Peru denied shelling Chile. "
    own = coder.code(doc(story + "Chile's National Security Committee met on Thursday.", "s1"))
    met = next(e for e in own if e.event == "CONSULT")
    assert met.recipient is None
    other = coder.code(doc(story + "Chile's foreign minister met his Peruvian counterpart.", "s2"))
    met = next(e for e in other if e.event == "CONSULT")
    assert met.recipient is not None and met.recipient.country == "PER"


def test_a_participle_spelling_out_a_decision_is_the_decision_makers_act(coder):
    text = ("Chile met to respond to the decision taken by Peru on Monday, suspending the "
            "fisheries treaty and downgrading its ties with Santiago.")  # fmt: skip
    events = {e.event_text: e for e in coder.code(doc(text, "decision"))}
    assert events["suspending"].actor.country == "PER"
    assert events["downgrading"].actor.country == "PER"


def test_ordering_another_states_people_to_leave_is_an_expulsion(coder):
    events = coder.code(doc("Chile ordered the Peruvian diplomats to leave the country.", "o1"))
    left = next(e for e in events if e.event_text == "leave")
    assert (left.event, left.mode, left.actor.country, left.recipient.country) == (
        "SANCTION",
        "expel",
        "CHL",
        "PER",
    )


def test_a_report_of_the_victims_is_the_toll_of_the_act_told_before(coder):
    text = ("Peru accused Chile of shelling the border. Chile fired missiles into Peru on Monday. "
            "Peru said eight civilians had been killed.")  # fmt: skip
    attacks = [e for e in coder.code(doc(text, "toll")) if e.event == "ASSAULT"]
    assert len(attacks) == 1 and attacks[0].event_text == "fired"
    assert any("civilians" in s.evidence for s in attacks[0].sources)
