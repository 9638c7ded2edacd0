"""When one event happened: named dating steps, tried in order, over a document's dates.

The steps follow how news is written. A clause a counted time opens ("on Wednesday, a day
after missiles struck") lies that far from the date of the clause it hangs from, unless it
carries a date of its own; a clause hanging off a date ("March 2022, when the president
resigned") takes that date; a date in the act's own clause dates it; a date elsewhere in
the sentence dates it unless that date belongs to something else (it names a
thing, "the 1995 agreement", or sits in a relative clause or apposition about another act).
With no date in the sentence, the time the narrative last set carries forward within its
paragraph; beyond it, a report's undated act happened on or shortly before publication (the
week ending on the publication date), unless the verb marks it as background ("had closed")
or the piece looks back over past months (most of the times it sets are older than a week).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Token

from ..tables import words
from .dates import (
    EMBEDDING_DEPS,
    SPAN_PREPOSITIONS,
    WORD_LISTS,
    DateValue,
    DocumentDates,
    clause_tokens,
    governing_verb,
    own_tense,
)
from .expressions import coarsest, date_words, offset_expression
from .factuality import cues

YEARISH = re.compile(r"(1[89]|20)\d\d'?s?")  # 1991, 1990s, 1990's
EVER = words(WORD_LISTS, "ever")
# Verbs whose counted term ("for two years") is the length of the penalty they impose.
PENALTY_VERBS = words(WORD_LISTS, "penalty_verbs")
RECENT = timedelta(days=7)  # a day this close before publication is the report's own news


@dataclass(frozen=True)
class EventDate:
    """The date an event takes, where it came from and the step that decided it."""

    value: DateValue | None
    basis: str | None  # text | narrative | publication
    step: str


def dates_this(dates: DocumentDates, k: int, token: Token) -> bool:
    """Whether date mention ``k`` may date the event triggered at ``token``.

    Not when the date names another thing ("the November 9 statement" dates the statement
    only), hangs in a relative clause or apposition that does not hold the trigger, or opens
    a span ("since 2020")."""
    mention = dates.mentions[k]
    if mention.noun is not None and mention.noun != token.i:
        return False
    root = dates.root(k)
    if root.dep_ == "pobj" and root.head.lower_ in SPAN_PREPOSITIONS:
        return False
    for node in [root, *root.ancestors]:
        if node.left_edge.i <= token.i <= node.right_edge.i:
            break  # reached a node above the trigger: the date is in the trigger's reach
        if node.dep_ in EMBEDDING_DEPS or own_tense(node):
            return False  # "... and would conduct flights on Thursday": another time
    return True


def in_clause(dates: DocumentDates, token: Token) -> EventDate | None:
    """A date in the trigger's own clause, or the nearest usable one in its sentence."""
    usable = [k for k in dates.sentence_mentions(token) if dates_this(dates, k, token)]
    if not usable:
        return None
    clause = clause_tokens(token)
    near = {token.i, token.head.i}
    scored = []
    for k in usable:
        root = dates.root(k)
        attach = root.head.head.i if root.dep_ == "pobj" else root.head.i
        direct = 0 if attach in near or root.head.i in near else 1
        scored.append((root.i not in clause, direct, abs(root.i - token.i), k))
    outside, *_, best = min(scored)
    return EventDate(dates.mentions[best].value, "text", "sentence" if outside else "clause")


def when_clause(dates: DocumentDates, token: Token) -> EventDate | None:
    """ "From early 2022, when troops arrived, ...": a clause hanging off a date takes it."""
    node = governing_verb(token)
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
            return EventDate(mention.value, "text", "when-clause")
    return None


def counted_clause(dates: DocumentDates, token: Token) -> EventDate | None:
    """ "Recalled its envoy on Wednesday, a day after Iranian missiles struck": an act in a
    clause a counted time opens ("a day after", "two weeks before") lies that far from the
    act of the clause it hangs from, which its own date dates."""
    verb = governing_verb(token)
    mark = next((c for c in verb.children if c.dep_ == "mark"), None)
    if mark is None or mark.lower_ not in ("after", "before"):
        return None
    count, main = _count_and_main(verb)
    if count is None or count.i > mark.i:
        return None
    own = in_clause(dates, token)
    if own is not None and own.step == "clause":
        return None  # "a day after missiles struck a base on Wednesday": its own date
    expr = offset_expression([t.lower_ for t in count.subtree if t.i < mark.i] + [mark.lower_])
    found = in_clause(dates, main) if expr is not None and expr.kind == "offset" else None
    if found is None or found.step != "clause" or found.value.precision != "day":
        return None  # the clause it hangs from must carry its own day
    day = found.value.first_day() - timedelta(days=expr.amount)
    return EventDate(DateValue.of(day, coarsest(expr.precision, "day")), "text", "counted-clause")


def _count_and_main(verb: Token) -> tuple[Token | None, Token]:
    """The counted time before a clause's "after" or "before", and the verb of the clause it
    hangs from. The parser hangs the count on the clause ("a day after X struck": an
    adverbial clause, or a conjunct that keeps its "after"), or the clause on the count, as
    a relative clause of "a day" set beside the date of the act it counts from."""
    if verb.dep_ in ("advcl", "conj"):
        return next((c for c in verb.children if c.dep_ == "npadvmod"), None), verb.head
    head = verb.head
    if verb.dep_ in ("relcl", "acl") and date_words().get(head.lower_, ("", 0))[0] == "unit":
        return head, governing_verb(head)
    return None, verb


def is_background(token: Token) -> bool:
    """Past perfect ("had closed", "had been closed"): an act before the story's time; not
    where a past speech verb shifts the tense back ("Israel said 99 percent had been
    intercepted": the news told)."""
    verb = governing_verb(token)
    perfect = verb.tag_ == "VBN" and any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "'d") for c in verb.children
    )
    if not perfect:
        return False
    head = verb.head
    return not (verb.dep_ == "ccomp" and head.tag_ == "VBD" and head.lemma_ in cues()["speech"])


def is_habitual(token: Token) -> bool:
    """A state of affairs over years, not an act: "have fought over the region for decades",
    "clashed for years" (a counted term with a simple verb, "jailed for seven years", is an
    act that lasts, and so is the counted term of a penalty, "has jailed him for two years"),
    "have fought since the late 1980s", "has never recognised", "separatists who have fought
    security forces" (what a kind of people has done, not one act)."""
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    return (
        _for_years(verb, perfect)
        or perfect
        and (_since_year(verb) or _ever(verb) or _describes_kind(verb))
    )


def _present_perfect(verb: Token) -> bool:
    """ "has recognised", "have fought" (not the past perfect "had asked")."""
    return any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in verb.children)


def _describes_kind(verb: Token) -> bool:
    """ "separatists who have fought security forces": a present perfect relative clause on
    a bare plural says what such people do, not when one of them acted."""
    noun = verb.head
    return (verb.dep_ == "relcl" and _present_perfect(verb) and noun.tag_ == "NNS"
            and not any(c.dep_ in ("det", "poss", "nummod") for c in noun.children))  # fmt: skip


def _for_years(verb: Token, perfect: bool) -> bool:
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "for":
            continue
        for obj in prep.children:
            kind, days = date_words().get(obj.lower_, ("", 0))
            if obj.dep_ != "pobj" or obj.tag_ != "NNS" or kind != "unit" or days < 365:
                continue
            counted = any(c.dep_ == "nummod" for c in obj.children)
            if counted and verb.lemma_.lower() in PENALTY_VERBS:
                continue  # "has jailed him for two years": the length of the penalty
            if perfect or not counted:
                return True
    return False


def _since_year(verb: Token) -> bool:
    """ "have fought since 1991", "since the 1990s": a perfect over years is a state."""
    return any(
        prep.dep_ == "prep" and prep.lower_ == "since"
        and any(YEARISH.fullmatch(t.text) for t in prep.subtree)
        for prep in verb.children
    )  # fmt: skip


def _ever(verb: Token) -> bool:
    """ "has never recognised", "have long disputed": a standing policy, not an act (in
    the past perfect, "had never asked", it denies one act of the story)."""
    return _present_perfect(verb) and any(
        c.dep_ in ("neg", "advmod") and c.lower_ in EVER for c in verb.children
    )


def is_aside(token: Token, dated: EventDate) -> bool:
    """An act told in a relative clause about something else and dated there only to a year:
    "the treaty, which the World Bank brokered in 1960", "a reef Beijing seized in 2012".
    It says what the thing is, not what happened in the story. So does an undated act in a
    clause that times such a relative clause ("the commitment it made when the two countries
    established ties")."""
    when = any(c.dep_ == "advmod" and c.lower_ == "when" for c in token.children)
    if (
        when
        and token.dep_ == "advcl"
        and token.head.dep_ == "relcl"
        and dated.basis == "publication"
    ):
        return True
    value = dated.value
    return (
        token.dep_ == "relcl"
        and dated.step == "clause"
        and value is not None
        and value.precision == "year"
    )


def is_scheduled(dates: DocumentDates, token: Token, dated: EventDate) -> bool:
    """Whether the act a noun names is dated by the text wholly after the report was
    published ("the talks next year", "the summit in March" in a February report): told
    plainly, it is scheduled, not an act that happened (a stated intent or a threat is dated
    so too, and is coded; a verb's clause may hold the date of a noun it governs)."""
    value = dated.value
    if token.pos_ not in ("NOUN", "PROPN") or value is None or dated.basis != "text":
        return False
    if dates.publication is None:
        return False
    return value.first_day() > dates.publication


def _is_recent(value: DateValue, publication: date | None) -> bool:
    if publication is None or value.precision != "day":
        return False
    return publication - RECENT <= value.first_day() <= publication + timedelta(days=1)


def is_retrospective(dates: DocumentDates) -> bool:
    """A piece that tells an episode of past months (an analysis, a feature) rather than the
    news of its week: most of the times it sets lie more than a week before publication."""
    if dates.publication is None:
        return False
    times = [m.value for m in dates.mentions
             if not m.aside and m.value.precision in ("day", "month")]  # fmt: skip
    if len(times) < 3:
        return False
    old = [v for v in times if v.first_day() < dates.publication - RECENT]
    return len(old) * 2 > len(times)


def narrative_time(dates: DocumentDates, token: Token) -> EventDate | None:
    """The time the narrative last set, while the narrative stays there.

    Within the trigger's paragraph the last date carries forward: as it is when it is the
    report's own news or was set in the two sentences before, else coarsened to its month.
    Beyond the paragraph it carries forward (at its month) for background acts ("had closed")
    and through a piece that looks back over past months.
    Beyond the paragraph only background acts ("had closed") keep an older time, at its
    month; the report's other undated acts are its news (see ``publication_week``)."""
    k = dates.latest_before(token)
    if k is None:
        return None
    mention = dates.mentions[k]
    value = mention.value
    same_paragraph = dates.paragraph(mention.start) == dates.paragraph(token.i)
    recent = _is_recent(value, dates.publication)
    looking_back = is_background(token) or is_retrospective(dates)
    if not same_paragraph and (recent or not looking_back):
        return None
    close = dates.sentence_index(token.i) - dates.sentence_index(mention.start) <= 2
    if same_paragraph and (recent or close):
        return EventDate(value, "narrative", "narrative")
    if value.precision in ("day", "week"):
        value = DateValue(value.date[:7], "month")
    return EventDate(value, "narrative", "narrative-background")


def publication_week(dates: DocumentDates, token: Token) -> EventDate | None:
    """An act a report states without a date: the seven days ending on publication."""
    if dates.publication is None:
        return None
    return EventDate(DateValue.of(dates.publication, "week"), "publication", "publication-week")


DatingStep = Callable[[DocumentDates, Token], "EventDate | None"]
STEPS: tuple[DatingStep, ...] = (
    counted_clause,
    when_clause,
    in_clause,
    narrative_time,
    publication_week,
)


def date_event(dates: DocumentDates, token: Token) -> EventDate:
    """The date of the event triggered at ``token``: the first step that gives one."""
    for step in STEPS:
        found = step(dates, token)
        if found is not None:
            return found
    return EventDate(None, None, "undated")
