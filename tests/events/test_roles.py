"""Actor and recipient from the parse, on sentences written for these tests."""

from __future__ import annotations

import pytest

from dyadwatch.model import Document

# text, trigger word, expected (event type, actor code prefix, recipient code prefix)
CASES = [
    ("Kazakhstan rejected Russia's request for troops.", "rejected", ("REJECT", "KAZ", "RUS")),
    ("Kazakhstan rejected Russia's request for troops.", "request", ("REQUEST", "RUS", "KAZ")),
    (
        "A Russian court ordered the Caspian Pipeline Consortium to suspend operations.",
        "suspend",
        ("*", "RUSJUD", "CPC"),
    ),
    (
        "Tokayev refused to recognise the breakaway republics in Ukraine.",
        "refused",
        ("REJECT", "KAZ", "UKR"),
    ),
    ("Ukrainian towns were shelled by Russian troops.", "shelled", ("ASSAULT", "RUSMIL", "UKR")),
    (
        "Poland closed its border with Belarus and deployed troops.",
        "deployed",
        ("MOBILIZE", "POL", "BLR"),
    ),
    (
        "Moscow announced the suspension of Kazakh oil shipments.",
        "suspension",
        ("*", "RUSGOV", "KAZ"),
    ),
    (
        "Lithuania banned the transit of Russian goods to Kaliningrad.",
        "banned",
        ("*", "LTU", "RUS"),
    ),
    (
        "The Kremlin condemned the decision of the Estonian government.",
        "condemned",
        ("ACCUSE", "RUSGOV", "EST"),
    ),
    # the state an envoy is recalled from, before the over-phrase's state
    (
        "Chile recalled its ambassador from Lima over the arrest of Bolivian sailors.",
        "recalled",
        ("SANCTION", "CHL", "PER"),
    ),
]


@pytest.mark.parametrize(("text", "word", "expected"), CASES)
def test_roles(coder, text, word, expected):
    events = coder.code(Document(id="t", text=text, date="2022-07-01"))
    mine = [e for e in events if word in e.event_text.split()]
    assert mine, [(e.event, e.event_text) for e in events]
    ev = mine[0]
    kind, actor, recipient = expected
    assert kind in ("*", ev.event)
    assert ev.actor is not None and ev.actor.code.startswith(actor)
    assert ev.recipient is not None
    assert ev.recipient.code.startswith(recipient) or ev.recipient.country == recipient


def test_participle_agent_only_for_doing_verbs(nlp):
    from dyadwatch.events.clauses import participle_agent

    done = nlp("Officials reported killings carried out by the police.")
    assert participle_agent(done[2]).text == "police"
    assert participle_agent(done[0]) is None
    brokered = nlp("A truce brokered by Qatar ended the fighting.")
    assert participle_agent(brokered[1]) is None


def test_company_in_the_act_is_no_recipient(coder):
    text = ("The raids carried out by Chilean ships together with Bolivian militias against "
            "Peruvian trawlers continued.")  # fmt: skip
    events = coder.code(Document(id="t", text=text, date="2022-07-01"))
    raids = [e for e in events if e.event_text == "raids"]
    assert raids and all(e.recipient is None or e.recipient.country != "BOL" for e in raids)


def test_a_tensed_verb_is_not_coordinated_with_an_infinitive(coder):
    text = ("Peru rejected the request for Peruvian troops to join the campaign and refused "
            "to recognise Chile.")  # fmt: skip
    events = coder.code(Document(id="t", text=text, date="2022-07-01"))
    refused = [e for e in events if "refused" in e.event_text.split()]
    assert refused and refused[0].actor.code == "PER"  # Peru refused, not its troops


# the parser takes the navy for the object of "after" and "seized" for a conjunct
NAVY = "Lima reacted after the Chilean navy, citing a border dispute, seized two Peruvian trawlers."
COURT = (
    "The row deepened after a Chilean court, citing environmental violations, banned "
    "offloading for 30 days from a pipeline linking Peru's oil fields with a port."
)


@pytest.mark.parametrize(("text", "actor"), [(NAVY, "CHLMIL"), (COURT, "CHLJUD")])
def test_a_participle_set_off_by_commas_leaves_the_clause_its_subject(coder, text, actor):
    events = coder.code(Document(id="t", text=text, date="2022-07-01"))
    acts = [e for e in events if e.event == "COERCE"]
    assert acts and acts[0].actor.code == actor


@pytest.mark.parametrize(
    "text",
    [
        "Peru protested after the talks, citing the border, angered by the closure.",
        "Peru protested after the talks, citing the border, and closed the crossing.",
    ],
)
def test_a_passive_participle_or_a_joined_verb_keeps_the_parsed_subject(nlp, text):
    from dyadwatch.events.clauses import interrupted_subject

    assert all(interrupted_subject(t) is None for t in nlp(text))


def test_a_verb_after_a_comma_and_and_is_not_the_subordinate_clauses(coder):
    text = ("Peru deployed 12,000 soldiers to its border with Chile on Tuesday after hundreds "
            "of migrants tried to force their way across, and accused Santiago of orchestrating "
            "the crisis.")  # fmt: skip
    events = coder.code(Document(id="t", text=text, date="2022-07-01"))
    accused = [e for e in events if e.event == "ACCUSE"]
    assert accused and accused[0].actor.code == "PER"


def test_a_verb_the_parser_hangs_from_its_subject_after_an_aside_is_the_predicate(coder):
    text = "Bolivia, which lies upstream, called on Peru to return to talks."
    events = coder.code(Document(id="t", text=text, date="2022-07-01"))
    assert [(e.event, e.actor.code, e.recipient.code) for e in events] == [
        ("REQUEST", "BOL", "PER")
    ]


# a phrase that names no party is no subject: a series of the main subject's acts
AMID = (
    "Peru sent troops to the border amid protests, citing unrest, closed two crossings "
    "and expelled a Chilean diplomat."
)
# the subordinate clause's own subject names a party: its conjunct is its act
WARSHIPS = (
    "Tension rose after Chilean warships entered Peruvian waters on Monday, and fired on "
    "a fishing boat."
)


@pytest.mark.parametrize(
    ("text", "word", "actor"), [(AMID, "closed", "PER"), (WARSHIPS, "fired", "CHLMIL")]
)
def test_the_subject_rules_leave_the_parse_where_no_party_is_named(coder, text, word, actor):
    events = coder.code(Document(id="t", text=text, date="2022-07-01"))
    mine = [e for e in events if word in e.event_text.split()]
    assert mine and mine[0].actor.code == actor


def test_a_participle_right_after_its_noun_describes_it(coder):
    events = coder.code(Document(id="t", text="Peruvian trawlers, detained in Chilean waters.",
                                 date="2022-07-01"))  # fmt: skip
    assert [e for e in events if e.actor.country == "PER"] == []
