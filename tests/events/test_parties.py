"""The party steps (events/parties.py), each through the whole coder: a sentence where the
step fires and one where it must not, read from the event's named steps."""

from __future__ import annotations

import pytest

from dyadwatch.events.parties import STEPS
from dyadwatch.model import Document

SANCTIONS = "Peru imposed sanctions on Chile. "
STORY = "Peru accused Bolivia of shelling the border. "
KILLED = STORY + "Peru said two of its soldiers had been killed. Bolivia denied the claim."

# (text, trigger as coded, step, fires, (actor, recipient, factuality) of that event)
CASES = [
    ("Chile said it would send aid to Peru.", "send aid", "speaker", True,
     ("CHL", "PER", "asserted")),
    ("Peru said Bolivia had closed the border.", "closed", "speaker", False,
     ("BOL", "PER", "reported")),
    ("The Peruvian defence minister said Bolivia planned to strike Peruvian ports.", "strike",
     "alleged-plan", True, ("PERMIL", "BOL", "asserted")),
    ("Bolivia planned to shell the border posts, according to Peru.", "shell", "alleged-plan",
     True, ("PER", "BOL", "asserted")),
    ("The Bolivian defence minister said Bolivia planned to strike Peruvian ports.", "strike",
     "alleged-plan", False, ("BOLMIL", "PER", "asserted")),
    (KILLED, "killed", "victims-report", True,
     ("BOL", "PERMIL", "asserted")),
    # victims whose country the text leaves to a guess are the reporting side's own
    (STORY + "Gen. Luis Vega, the Peruvian military spokesman, has claimed that at least eight "
     "people were killed when Bolivia carried out the operation.", "killed", "victims-report",
     True, ("BOL", "PERCVL", "reported")),
    ("Peru said two of its farmers had been killed in a flood.", "killed", "victims-report",
     False, ("PER", "PERCVL", "asserted")),
    ("The Peruvian minister said the raid could lead to a war.", "raid", "speaker-warning", True,
     ("PERGOV", None, "asserted")),
    ("The Peruvian minister said Bolivia could invade the region.", "invade", "speaker-warning",
     False, ("BOL", "PERGOV", "hypothetical")),
    (SANCTIONS + "The decision was reversed on Monday.", "reversed", "anaphora-actor", True,
     ("PER", "CHL", "asserted")),
    (SANCTIONS + "The decision was reversed by Chile.", "reversed", "anaphora-actor", False,
     ("CHL", "PER", "asserted")),
    (SANCTIONS + "Bolivia condemned the decision.", "condemned", "anaphora-recipient", True,
     ("BOL", "PER", "asserted")),
    # another party's decision, though the condemner acted last
    (SANCTIONS + "Chile expelled a Peruvian diplomat. Chile condemned the decision.", "condemned",
     "anaphora-recipient", True, ("CHL", "PER", "asserted")),
    (SANCTIONS + "The decision was praised by Peruvian farmers.", "praised",
     "anaphora-recipient", False, ("PERCVL", None, "asserted")),
    (KILLED + " All trade with Bolivia was halted.", "halted trade",
     "story-measure", True, ("PER", "BOL", "asserted")),
    ("Peru closed the border with Chile.", "closed", "story-measure", False,
     ("PER", "CHL", "asserted")),
    ("Rockets fired from Bolivia hit a Peruvian village on Monday, killing two farmers.",
     "killing", "fired-from", True, None),
    ("Bolivian rockets hit a Peruvian village on Monday, killing two farmers.", "killing",
     "fired-from", False, None),
    ("A car bomb near Kandahar killed four soldiers.", "killed", "unattributed", True,
     ("AFG", "AFGMIL", "asserted")),
    ("Bolivian troops killed two Peruvian soldiers near the border.", "killed", "unattributed",
     False, ("BOLMIL", "PERMIL", "asserted")),
    ("Peru said two of its soldiers had been killed on the border.", "killed",
     "same-side-dropped", True, None),
    ("Chilean police arrested protesters in Santiago.", "arrested", "same-side-dropped", False,
     ("CHLGOV", "CHLOPP", "asserted")),
    ("The Peruvian president said the aggression by Bolivian troops had to stop.",
     "aggression", "charged-act", True, ("PERGOV", "BOLMIL", "asserted")),
    ("The Bolivian president said the aggression by Bolivian troops had to stop.",
     "aggression", "charged-act", False, None),
    ("Peru said Bolivia had closed the border.", "closed", "reported-by-other", True,
     ("BOL", "PER", "reported")),
    ("Peruvian officials said Peru had closed the border.", "closed", "reported-by-other", False,
     None),
    # a teller the text names with no state
    ("Bolivian guards beat Peruvian migrants, a rights group said.", "beat",
     "reported-by-other", True, ("BOL", "PERCVL", "reported")),
    ("Two Bolivian air raids in which it said ten people were killed hit Peru.", "killed",
     "antecedent-act", True, ("BOL", "PERCVL", "asserted")),
    ("Peru said two of its farmers had been killed.", "killed", "antecedent-act", False,
     ("PER", "PERCVL", "asserted")),
]  # fmt: skip


def _event(coder, text, trigger):
    events = [e for e in coder.code(Document(id="t", text=text, date="2024-03-05"))
              if e.event_text == trigger]  # fmt: skip
    assert len(events) == 1, [e.event_text for e in events]
    return events[0]


@pytest.mark.parametrize(("text", "trigger", "step", "fires", "coded"), CASES)
def test_party_step(full_coder, text, trigger, step, fires, coded):
    event = _event(full_coder, text, trigger)
    assert (f"party:{step}" in event.steps) is fires
    if coded is not None:
        recipient = event.recipient.code if event.recipient else None
        assert (event.actor.code, recipient, event.factuality) == coded


def test_an_alleged_plan_is_the_tellers_accusation(coder):
    text = "Peru said Bolivia planned to strike its ports."
    event = _event(coder, text, "strike")
    assert (event.event, event.mode) == ("ACCUSE", "allege")
    assert "recode:alleged" in event.steps


def test_every_step_has_a_positive_and_a_negative_case():
    names = [name for name, _ in STEPS]
    assert len(names) == len(set(names))
    assert {(step, fires) for _, _, step, fires, _ in CASES} == {
        (name, fires) for name in names for fires in (True, False)
    }


def test_fired_steps_are_recorded_in_order_before_the_actor_step(coder):
    event = _event(coder, KILLED, "killed")
    fired = [s for s in event.steps if s.startswith("party:")]
    assert fired == ["party:speaker", "party:victims-report"]
    assert event.steps.index("party:victims-report") < event.steps.index("actor:speaker")


def test_explain_names_the_party_steps(coder):
    from dyadwatch.commands.code import explanation

    line = explanation(_event(coder, "Peru said Bolivia had closed the border.", "closed"))
    assert "factuality:reported, party:reported-by-other, actor:subject" in line


def test_the_means_a_passive_names_are_no_victims(coder):
    from dyadwatch.events.parties import _instrument_subject
    from dyadwatch.events.triggers import find_candidates

    def first(text):
        return find_candidates(coder.nlp(text), coder.lexicon)[0]

    assert _instrument_subject(first("Heavy weapons were used against the posts."))
    assert not _instrument_subject(first("Two soldiers were killed at the posts."))


def test_a_passive_whose_by_phrase_names_the_doer_takes_no_actor_from_before(coder):
    text = SANCTIONS + "The decision was reversed by a vote of the trade tribunal."
    events = coder.code(Document(id="t", text=text, date="2024-03-05"))
    assert [e.event_text for e in events] == ["imposed sanctions"]


def test_a_target_whose_country_is_only_guessed_is_never_the_attackers_own(coder):
    text = ("The Peruvian ministry said Chilean guns began a bombardment on Tuesday, striking "
            "military as well as civilian targets.")  # fmt: skip
    events = coder.code(Document(id="t", text=text, date="2024-03-05"))
    assert events and all(e.recipient is None or e.recipient.country != "CHL" for e in events)


def _mention(code, sector, form, direct):
    from dyadwatch.actors import ActorMention

    return ActorMention(0, 1, code, code + (sector or ""), code, sector, code, None,
                        "role" if form == "role" else "country", form, False, direct)  # fmt: skip


def test_which_would_be_recipient_is_on_the_actors_side():
    from dyadwatch.events.clauses import same_side

    guns, guessed_targets = (
        _mention("CHL", None, "modified", True),
        _mention("CHL", "MIL", "role", False),
    )
    assert same_side(guessed_targets, guns)  # "Chilean guns struck military targets"
    officials, assembly = (
        _mention("CHL", "GOV", "role", False),
        _mention("CHL", None, "modified", True),
    )
    assert not same_side(
        assembly, officials
    )  # "officials demanded support from the Chilean Assembly"


def test_the_speaker_does_not_act_for_a_doer_its_clause_names(coder):
    # Guaido names no actor, yet the aid is his to bring, not the speaker's
    text = "Caracas said on Saturday it cut ties with Bogota after Guaido tried to bring in aid."
    events = coder.code(Document(id="t", text=text, date="2019-02-23"))
    assert [e.event_text for e in events if "aid" in e.event_text.split()] == []


@pytest.mark.parametrize(
    "text",
    [
        "Peru said Chile had tried to block a fair deal.",
        "Peru rejected the statement, saying Chile had tried to block a fair deal.",
    ],
)
def test_an_attempt_another_state_tells_of_stays_reported(coder, text):
    events = coder.code(Document(id="t", text=text, date="2024-05-10"))
    blocked = [e for e in events if e.actor.country == "CHL"]
    assert [e.factuality for e in blocked] == ["reported"]
