"""The recoding steps (decisions.py), each through the whole coder: the step that decided an
act's type and factuality is named in its steps, and an act told plainly names none."""

from __future__ import annotations

import pytest

from dyadwatch.decisions import RECODING_STEPS
from dyadwatch.model import Document

# (text, trigger as coded, the recoding step named or None, (event, actor, recipient, label))
CASES = [
    ("Peru said Chile planned to expel the Peruvian ambassador.", "expel", "alleged",
     ("ACCUSE", "PER", "CHL", "asserted")),
    ("Chile did not recognise the new government of Peru.", "recognise", "negated-cooperation",
     ("REJECT", "CHL", "PERGOV", "asserted")),
    ("Chile recognised the new government of Peru.", "recognised", None,
     ("SUPPORT", "CHL", "PERGOV", "asserted")),
    ("Chile did not attack Peru.", "attack", "negated", ("ASSAULT", "CHL", "PER", "negated")),
    ("Chile would not attack Peru.", "attack", "negated",
     ("ASSAULT", "CHL", "PER", "hypothetical")),
    ("Chile attacked Peru.", "attacked", None, ("ASSAULT", "CHL", "PER", "asserted")),
    ("Chile may be planning to expel the Peruvian ambassador.", "expel", "hedged-intent",
     ("SANCTION", "CHL", "PERGOV", "hedged")),
    ("Chile said it may weigh expelling the Peruvian ambassador.", "expelling", "hedged-threat",
     ("THREATEN", "CHL", "PERGOV", "hedged")),
    ("Chile plans to expel the Peruvian ambassador.", "expel", "threat",
     ("THREATEN", "CHL", "PERGOV", "asserted")),
    ("Chile said it would free the Peruvian prisoners.", "free", "cooperative-intent",
     ("AGREE", "CHL", "PERCVL", "asserted")),
    ("Chile freed the Peruvian prisoners.", "freed", None,
     ("RETREAT", "CHL", "PERCVL", "asserted")),
    ("Chile will close the border with Peru on Friday.", "close", "announced-measure",
     ("SANCTION", "CHL", "PER", "asserted")),
    ("Chile will close the border with Peru if Lima does not pay.", "close", "threat",
     ("THREATEN", "CHL", "PER", "asserted")),
    ("Chile will withdraw its peacekeepers from Peru unless Lima agrees to a ceasefire.",
     "withdraw", "ultimatum", ("THREATEN", "CHL", "PER", "asserted")),
    ("Chile said it would expel the Peruvian ambassador.", "expel", "threat",
     ("THREATEN", "CHL", "PERGOV", "asserted")),
    ("Chile said it would demand an apology from Peru.", "demand apology", "stated-act",
     ("REQUEST", "CHL", "PER", "asserted")),
    ("Chile demanded an apology from Peru.", "demanded apology", None,
     ("REQUEST", "CHL", "PER", "asserted")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "trigger", "step", "coded"), CASES)
def test_recoding_step(full_coder, text, trigger, step, coded):
    events = [e for e in full_coder.code(Document(id="t", text=text, date="2024-03-05"))
              if e.event_text == trigger]  # fmt: skip
    assert len(events) == 1, [e.event_text for e in events]
    event = events[0]
    assert [s for s in event.steps if s.startswith("recode:")] == (
        [f"recode:{step}"] if step else []
    )
    recipient = event.recipient.code if event.recipient else None
    assert (event.event, event.actor.code, recipient, event.factuality) == coded


def test_every_recoding_step_has_a_case():
    named = {name for name, _ in RECODING_STEPS if name != "unstated"} | {"stated-act"}
    assert named == {step for _, _, step, _ in CASES if step}
