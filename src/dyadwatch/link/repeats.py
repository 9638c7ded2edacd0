"""One act, one event, within a document.

A report names its main act several times: in the headline, in the lede, again in a quote.
Later mentions in other sentences with the same trigger word and a content word near it that
the cross-document rules
would merge (same dyad and type, compatible factuality and dates: see
:func:`dyadwatch.link.merge.compatible`) join the first mention, which takes the best date among them and keeps every mention's evidence in its
``sources``. So does one side's part of a clash told before as both sides' act. A headline,
caption or byline line stands for the body's act of the same type and dyad when the body has
one.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Event, Source
from .merge import CONTROL_STEMS, PRECISION_RANK, STEM, compare, compatible, near_trigger, party

STATE_FORCES = {None, "GOV", "MIL"}  # the sectors that fight a state's side of a clash
STOPS = ".!?"  # a sentence of the body ends in one of these; a headline does not
CLOSERS = "\"'”’)"  # quotes and brackets that may close after the stop
MAX_CLOSING_LINE_WORDS = 12  # a closing byline or credit line is short


def is_line_unit(event: Event, text: str) -> bool:
    """Whether the event's evidence is a whole line without closing punctuation: a headline,
    a caption or a byline rather than a sentence of the body."""
    ev = event.evidence
    quoted = ev.text.rstrip()  # the parser may keep the line break in the sentence
    end = ev.start + len(quoted)
    starts_line = ev.start == 0 or text[ev.start - 1] == "\n"
    ends_line = end >= len(text) or text[end : end + 1] in ("\n", "")
    if not (starts_line and ends_line and quoted) or _ends_sentence(quoted):
        return False  # "... over 'hostile actions'" is a headline still
    # the long last line of a text cut off in mid-sentence, after sentences of the body, is
    # one more sentence of the body
    closing = text[end:].strip() == "" and len(quoted.split()) > MAX_CLOSING_LINE_WORDS
    return not (closing and _has_body(text[: ev.start]))


def _ends_sentence(line: str) -> bool:
    """Whether a line ends with a stop, before any closing quotes or brackets."""
    bare = line.rstrip().rstrip(CLOSERS)
    return bool(bare) and bare[-1] in STOPS


def _has_body(text: str) -> bool:
    """Whether ``text`` holds a line that ends as a sentence of the body does."""
    return any(_ends_sentence(line) for line in text.splitlines() if line.strip())


def _with_evidence(kept: Event, other: Event) -> Event:
    """``kept`` with ``other``'s evidence among its sources and the finer of the two dates."""
    given = next((s for s in kept.sources if s.doc_id == kept.doc_id), None)
    extra = Source(other.doc_id, given.url if given else None, given.outlet if given else None,
                   other.evidence.text)  # fmt: skip
    sources = kept.sources if any(s.evidence == extra.evidence for s in kept.sources) else [
        *kept.sources, extra]  # fmt: skip
    finer = PRECISION_RANK.get(other.date_precision or "year", 3) < PRECISION_RANK.get(
        kept.date_precision or "year", 3
    )
    if finer:
        kept = replace(kept, date=other.date, date_precision=other.date_precision,
                       date_basis=other.date_basis)  # fmt: skip
    steps = kept.steps if "joined-repeat" in kept.steps else [*kept.steps, "joined-repeat"]
    return replace(kept, sources=sources, steps=steps)


def _trigger_stems(event: Event) -> set[str]:
    words = (w.lower() for w in event.event_text.split())
    return {w[:STEM] for w in words if len(w) >= 3} - CONTROL_STEMS


def is_repeat(first: Event, later: Event) -> bool:
    """Whether ``later`` mentions ``first``'s act again: another sentence, the same trigger
    word (a stem) and a content word near it ("shut the airspace" and "airspace was shut",
    not "shut the border post"), and nothing the cross-document rules would keep apart."""
    if first.evidence.sentence == later.evidence.sentence:
        return False
    shared = _trigger_stems(first) & _trigger_stems(later)
    if not shared:
        return False
    near = (near_trigger(first) & near_trigger(later)) - shared
    return bool(near) and compatible(first, later)


def _same_act_as_line(line: Event, body: Event) -> bool:
    """A line that names the body's act: same type and actor, and the same recipient or one
    of the two without one (a headline packs several acts and borrows a neighbour's party:
    "X denounces Y's strikes, convenes security meeting")."""
    if line.event != body.event or party(line.actor) != party(body.actor):
        return False
    if line.recipient is None or body.recipient is None:
        return True
    return party(line.recipient) == party(body.recipient)


def names_again(first: Event, later: Event) -> bool:
    """Whether ``later``, whose trigger is a definite noun ("its strikes"), names ``first``'s
    act again in other words: an earlier sentence, and nothing but the wording apart."""
    if first.evidence.start >= later.evidence.start:
        return False
    if first.evidence.sentence == later.evidence.sentence:
        return False
    if party(first.actor) != party(later.actor):
        return False
    if later.recipient is not None and party(first.recipient) != party(later.recipient):
        return False  # "its strikes" may leave the recipient unsaid
    return all(c.ok for c in compare(first, later) if c.name not in ("dyad", "wording"))


def two_sided(events: list[Event]) -> frozenset[str]:
    """The ids of events told as both sides' act at once ("Armenian and Azerbaijani troops
    fought", "the two militaries traded fire"): one trigger, the same act in both directions."""
    out = set()
    for e in events:
        if any(o is not e and o.evidence.start == e.evidence.start
               and o.event_text == e.event_text and o.event == e.event
               and party(o.actor) == party(e.recipient) and party(o.recipient) == party(e.actor)
               for o in events):  # fmt: skip
            out.add(e.id)
    return frozenset(out)


def tells_one_side(first: Event, later: Event) -> bool:
    """Whether ``later`` tells one side's part of a clash ``first`` told as both sides' act
    ("troops fought along the border" ... "Azerbaijan shot at soldiers"): a later sentence,
    the same direction, and nothing but the wording apart."""
    if first.event != "ASSAULT" or first.evidence.start >= later.evidence.start:
        return False
    if first.evidence.sentence == later.evidence.sentence or later.recipient is None:
        return False
    if not {first.actor.sector, later.actor.sector} <= STATE_FORCES:
        return False  # "gunmen began shooting" is no part of the armies' exchange of fire
    return all(c.ok for c in compare(first, later) if c.name != "wording")


def collapse_repeats(events: list[Event], text: str, definite: frozenset[str] = frozenset()
                     ) -> list[Event]:  # fmt: skip
    """The document's events with repeated mentions of one act joined into one event.

    Needs the events of one document in text order and the document text, and the ids of
    the events whose trigger is a definite noun. Returns them in the same order, fewer where
    mentions were joined; no evidence is lost."""
    lines = [e for e in events if is_line_unit(e, text)]
    body = [e for e in events if not is_line_unit(e, text)]
    both = two_sided(body)
    kept: list[Event] = []
    for event in body:
        again = event.id in definite
        k = next((i for i, other in enumerate(kept)
                  if is_repeat(other, event) or again and names_again(other, event)
                  or other.id in both and tells_one_side(other, event)), None)  # fmt: skip
        if k is None:
            kept.append(event)
        else:
            kept[k] = _with_evidence(kept[k], event)
    for line in lines:
        k = next((i for i, other in enumerate(kept) if _same_act_as_line(line, other)), None)
        if k is None:
            kept.append(line)  # the body lacks it: the headline is all there is
        else:
            kept[k] = _with_evidence(kept[k], line)
    return sorted(kept, key=lambda e: e.evidence.start)
