"""Dates the trigger's clause does not give: a clause hanging off a date ("From early 2022,
when troops arrived"), and the latest date the text named before an undated event."""

from __future__ import annotations

from .dates import DateValue, DocumentDates


def when_date(dates: DocumentDates, tok) -> tuple[DateValue, str] | None:
    """"From early 2022, when troops arrived, ...": a clause hanging off a date takes it."""
    node = tok
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    if node.dep_ not in ("relcl", "advcl", "acl"):
        return None
    head = node.head.i
    marker = next((c for c in node.children if c.lower_ == "when" and c.i < node.i), None)
    if marker is not None:
        # "... to June 2022, when Tokayev refused": the date just before "when" (the parser
        # often hangs such a clause on the main verb, not on the date)
        before = marker.i - 1
        while before >= 0 and node.doc[before].is_punct:
            before -= 1
        head = before if before >= 0 else head
    for mention in dates.mentions:
        if mention.start <= head < mention.end:
            return mention.value, "clause"
    return None


def narrative_date(dates: DocumentDates, tok) -> DateValue | None:
    """With no date near the trigger, the latest date the text gave before it: news narrates
    in order, so an undated event sits near the last date named. The farther that date, the
    coarser the claim: its month within the same paragraph, its year beyond."""
    latest = None
    for mention in dates.mentions:
        if mention.start >= tok.i:
            break
        latest = mention
    if latest is None:
        return None
    value = latest.value
    if any(t.is_space and "\n" in t.text for t in tok.doc[latest.end : tok.i]):
        return DateValue(value.date[:4], "year")
    if value.precision == "day":
        return DateValue(value.date[:7], "month")
    return value
