"""Cross-document merging: mentions of one real event become one event listing every source.

Two mentions are of the same event when every check in :func:`compare` passes: the same
actor and recipient (by country at least), the same type or a pair of common alternates
(``link/data/type_alternates.tsv``), compatible factuality, dates that overlap within the
precision of both, and matching place and quantities where both give them. Clustering is
greedy over mentions sorted by date precision, then (date, document, offset, id), so the same
mentions always give the same events (see :func:`join_checks` for what a cluster asks of a
newcomer). Conflicting details such as two stated reasons are kept side by side, never
overwritten.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..actors.mention import UNKNOWN_CODE
from ..datespan import date_span
from ..model import PLOVER_TYPES, Actor, Event, Quantity, Source
from ..tables import fail, read_table, words

WORD_LISTS = Path(__file__).parent / "data" / "words.tsv"

ALTERNATES_FILE = Path(__file__).parent / "data" / "type_alternates.tsv"
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
DAY_SLACK = 1  # a day either side: outlets in different time zones date the same act apart
SLACK = dt.timedelta(days=DAY_SLACK)
QUANTITY_TOLERANCE = 0.25  # relative difference still read as the same count
STEM = 5  # "recognise" and "recognize", "refused" and "refusal" share their first five letters
WORD_RE = re.compile(r"(?<![\w'’])[a-z]{3,}\b")  # lower-case words: names and demonyms stay out
# Verbs that frame another event ("refused to recognise", "refused an offer"): sharing one
# of them does not make two triggers the same.
CONTROL_STEMS = words(WORD_LISTS, "control_stems")
WINDOW = 3  # content words either side of the trigger that may show the same act
# Words too common in news to show that two mentions tell of one act.
GENERIC_WORDS = words(WORD_LISTS, "generic_words")


@lru_cache(maxsize=4)
def load_alternates(path: Path = ALTERNATES_FILE) -> frozenset[frozenset[str]]:
    """Read the TSV of alternate type pairs; raises DataError naming file and line."""
    pairs: set[frozenset[str]] = set()
    columns = ("type_a", "type_b", "note")
    for n, row in read_table(path, required=columns[:2], allowed=columns):
        if row["type_a"] not in PLOVER_TYPES or row["type_b"] not in PLOVER_TYPES:
            got = [row["type_a"], row["type_b"]]
            raise fail(path, n, f"expected two PLOVER types, got {got!r}")
        pairs.add(frozenset((row["type_a"], row["type_b"])))
    return frozenset(pairs)


def party(actor: Actor | None) -> str | None:
    """The key a dyad is matched on: the actor's country, or its own code when it has none."""
    if actor is None or actor.code == UNKNOWN_CODE and not actor.country:
        return None
    return actor.country or actor.code or None


@dataclass(frozen=True)
class Check:
    """One test two mentions went through, with what it saw."""

    name: str
    ok: bool
    detail: str


def _factuality_group(value: str) -> str:
    return value if value in ("negated", "hypothetical") else "actual"


def _check_type(a: Event, b: Event, alternates: frozenset[frozenset[str]]) -> Check:
    if a.event == b.event:
        return Check("type", True, f"same type {a.event}")
    if a.quad_code is not None and b.quad_code is not None and a.quad_code != b.quad_code:
        return Check("type", False, f"{a.event} and {b.event} are in different quad classes")
    if frozenset((a.event, b.event)) in alternates:
        return Check("type", True, f"{a.event} and {b.event} are common alternates")
    return Check("type", False, f"{a.event} and {b.event} differ")


def _precision_rank(e: Event) -> int:
    return PRECISION_RANK.get(e.date_precision or "year", 3)


def _overlap(sa: tuple[dt.date, dt.date], sb: tuple[dt.date, dt.date]) -> bool:
    """Whether two date spans meet, give or take the day of slack."""
    return sa[0] - SLACK <= sb[1] and sb[0] - SLACK <= sa[1]


def _is_coarse(e: Event) -> bool:
    """Whether the event's date is unknown or known no closer than a month."""
    span = date_span(e.date, e.date_precision)
    return span is None or span[1] - span[0] > dt.timedelta(days=31)


def _check_date(a: Event, b: Event) -> Check:
    sa, sb = date_span(a.date, a.date_precision), date_span(b.date, b.date_precision)
    if sa is None or sb is None:
        return Check("date", a.doc_id == b.doc_id, "a date is missing")
    ok = _overlap(sa, sb)
    word = "overlap" if ok else "do not overlap"
    if ok and _is_coarse(a) and _is_coarse(b):
        # two dates known only to the year say nothing about being the same act
        ok, word = False, "are both known only to the year"
    return Check(
        "date", ok, f"{a.date} ({a.date_precision}) and {b.date} ({b.date_precision}) {word}"
    )


def _content(words: list[str]) -> list[str]:
    from spacy.lang.en.stop_words import STOP_WORDS  # here: storing events needs no spaCy

    return [w for w in words if w not in STOP_WORDS and w not in GENERIC_WORDS]


def _stems(text: str) -> set[str]:
    """Stems of the lower-case content words of ``text``; names and demonyms are left out."""
    return {w[:STEM] for w in _content(WORD_RE.findall(text))}


def near_trigger(e: Event) -> set[str]:
    """Stems of the content words within a few words of the trigger in the evidence (its
    own first word included)."""
    text = e.evidence.text
    first = e.event_text.split()[0] if e.event_text.strip() else ""
    at = text.find(first) if first else -1
    if at < 0:
        return _stems(text)
    before = _content(WORD_RE.findall(text[:at]))[-WINDOW:]
    after = _content(WORD_RE.findall(text[at:]))[: WINDOW + 1]
    return {w[:STEM] for w in before + after}


def _check_wording(a: Event, b: Event) -> Check:
    """Shared wording, where the dates cannot tell: two mentions in one document (a text names
    one act twice in like words) and mentions dated no closer than a month need the same
    trigger word (not just the same "refused" or "agreed") or content words near the trigger
    (two in one document, one across documents)."""
    same_doc = a.doc_id == b.doc_id
    if not same_doc and not (_is_coarse(a) or _is_coarse(b)):
        return Check("wording", True, "not needed: both dates within a month")
    ta, tb = _stems(a.event_text), _stems(b.event_text)
    if (ta & tb) - CONTROL_STEMS:
        return Check("wording", True, "same trigger: " + ", ".join(sorted(ta & tb)))
    shared = (near_trigger(a) - ta) & (near_trigger(b) - tb)
    needed = 2 if same_doc else 1
    detail = "shared words: " + ", ".join(sorted(shared)) if shared else "no shared words"
    return Check("wording", len(shared) >= needed, f"{detail} ({needed} needed)")


def _check_place(a: Event, b: Event) -> Check:
    pa, pb = a.event_loc, b.event_loc
    if pa is None or pb is None:
        return Check("place", True, "place given by at most one")
    if pa.geonameid is not None and pa.geonameid == pb.geonameid:
        return Check("place", True, f"same place {pa.name}")
    na, nb = pa.name.casefold(), pb.name.casefold()
    if na == nb or na in pb.text.casefold() or nb in pa.text.casefold():
        return Check("place", True, f"{pa.name} matches {pb.name}")
    if pa.country and pb.country and pa.country != pb.country:
        return Check(
            "place", False, f"{pa.name} ({pa.country}) and {pb.name} ({pb.country}) differ"
        )
    return Check("place", False, f"{pa.name} and {pb.name} differ")


def _unit(q: Quantity) -> str:
    unit = q.unit.casefold().strip()
    return unit.removesuffix("s")


def _check_quantities(a: Event, b: Event) -> Check:
    by_unit = {_unit(q): q for q in a.quantities}
    shared = [(by_unit[_unit(q)], q) for q in b.quantities if _unit(q) in by_unit]
    if not shared:
        return Check("quantities", True, "no quantity in a common unit")
    for qa, qb in shared:
        big = max(abs(qa.value), abs(qb.value)) or 1.0
        if abs(qa.value - qb.value) / big > QUANTITY_TOLERANCE:
            return Check("quantities", False, f"{qa.text or qa.value} vs {qb.text or qb.value}")
    return Check(
        "quantities",
        True,
        "quantities agree: " + ", ".join(f"{qa.text} ~ {qb.text}" for qa, qb in shared),
    )


def compare(a: Event, b: Event, alternates: frozenset[frozenset[str]] | None = None) -> list[Check]:
    """Every check between two mentions; they are the same event when all pass."""
    alternates = load_alternates() if alternates is None else alternates
    dyad_a = (party(a.actor), party(a.recipient))
    dyad_b = (party(b.actor), party(b.recipient))
    fa, fb = _factuality_group(a.factuality), _factuality_group(b.factuality)
    return [
        Check("dyad", dyad_a == dyad_b and dyad_a[0] is not None, f"{dyad_a} vs {dyad_b}"),
        _check_type(a, b, alternates),
        Check("factuality", fa == fb, f"{a.factuality} and {b.factuality}"),
        _check_date(a, b),
        _check_wording(a, b),
        _check_place(a, b),
        _check_quantities(a, b),
    ]


def compatible(a: Event, b: Event, alternates: frozenset[frozenset[str]] | None = None) -> bool:
    """True when :func:`compare` passes every check."""
    return all(c.ok for c in compare(a, b, alternates))


def join_checks(group: list[Event], m: Event, alternates: frozenset[frozenset[str]]) -> list[Check]:
    """The checks that decide whether ``m`` joins ``group``; it joins when all pass.

    Dyad, type, factuality, place and quantities must agree with every member; the date with
    the best-dated member (and overlap every other); the wording with at least one member.
    Each check shown is the one that decided: the first failure, else the best-dated member's.
    """
    best = min(group, key=_precision_rank)
    table = {id(o): {c.name: c for c in compare(o, m, alternates)} for o in group}
    out = []
    for name in ("dyad", "type", "factuality", "date", "wording", "place", "quantities"):
        own = table[id(best)][name]
        if name == "wording":
            passing = [t[name] for t in table.values() if t[name].ok]
            out.append(passing[0] if passing else own)
            continue
        if name == "date":
            span_m = date_span(m.date, m.date_precision)
            for o in group:
                span_o = date_span(o.date, o.date_precision)
                if span_m and span_o and not _overlap(span_m, span_o):
                    own = table[id(o)][name]
            out.append(own)
            continue
        failing = [t[name] for t in table.values() if not t[name].ok]
        out.append(failing[0] if failing else own)
    return out


@dataclass
class MergedEvent:
    """One real event: the merged record, its mentions, and why they were merged."""

    event: Event
    mentions: list[Event]
    stated_reasons: list[dict[str, str]] = field(default_factory=list)
    why: list[dict[str, Any]] = field(default_factory=list)

    @property
    def corroboration(self) -> int:
        """How many distinct documents report the event."""
        return len({m.doc_id for m in self.mentions})

    def to_dict(self) -> dict[str, Any]:
        """The contract record plus ``corroboration``, ``mentions``, ``stated_reasons``, ``merge``."""
        out = self.event.to_dict()
        out["corroboration"] = self.corroboration
        out["mentions"] = [m.id for m in self.mentions]
        out["stated_reasons"] = list(self.stated_reasons)
        out["merge"] = list(self.why)
        return out


def _sort_key(e: Event) -> tuple[str, str, int, str]:
    span = date_span(e.date, e.date_precision)
    return (span[0].isoformat() if span else "9999", e.doc_id, e.evidence.start, e.id)


def _sources(mentions: list[Event]) -> list[Source]:
    seen: set[tuple[str, str]] = set()
    out: list[Source] = []
    for m in mentions:
        given = next((s for s in m.sources if s.doc_id == m.doc_id), None)
        own = Source(m.doc_id, given.url if given else None, given.outlet if given else None,
                     m.evidence.text)  # fmt: skip
        # a mention that stands for repeats in its document carries their evidence too
        for src in [own, *(s for s in m.sources if s.doc_id == m.doc_id)]:
            if (src.doc_id, src.evidence or "") not in seen:
                seen.add((src.doc_id, src.evidence or ""))
                out.append(src)
    return out


def build_merged(mentions: list[Event], alternates: frozenset[frozenset[str]],
                 checks: dict[str, list[Check]] | None = None) -> MergedEvent:  # fmt: skip
    """Combine compatible mentions (first one is the anchor) into one merged event.

    ``checks`` maps a mention id to the checks it passed to join (:func:`join_checks`);
    without it each mention is compared with the anchor.
    """
    rep = max(mentions, key=lambda m: (m.confidence, -mentions.index(m)))
    dated = min((m for m in mentions if m.date), default=rep,
                key=lambda m: (_precision_rank(m), m is not rep))  # fmt: skip
    quantities: dict[tuple[float, str], Quantity] = {}
    for m in mentions:
        for q in m.quantities:
            quantities.setdefault((q.value, _unit(q)), q)
    reasons: list[dict[str, str]] = []
    for m in mentions:
        if m.stated_reason and m.stated_reason not in [r["text"] for r in reasons]:
            reasons.append({"text": m.stated_reason, "doc_id": m.doc_id, "mention": m.id})
    miss = 1.0
    for m in mentions:
        miss *= 1.0 - min(max(m.confidence, 0.0), 1.0)
    links = [i for m in mentions for i in m.in_response_to]
    ids = {m.id for m in mentions}
    merged = replace(
        rep,
        id=min(ids),
        date=dated.date,
        date_precision=dated.date_precision,
        context=list(dict.fromkeys(c for m in mentions for c in m.context)),
        event_loc=rep.event_loc or next((m.event_loc for m in mentions if m.event_loc), None),
        quantities=list(quantities.values()),
        stated_reason=rep.stated_reason or (reasons[0]["text"] if reasons else None),
        in_response_to=[i for i in dict.fromkeys(links) if i not in ids],
        confidence=round(1.0 - miss, 4),
        sources=_sources(mentions),
    )
    anchor = mentions[0]
    why = [
        {
            "mention": m.id,
            "doc_id": m.doc_id,
            "anchor": anchor.id,
            "checks": [
                asdict(c) for c in (checks or {}).get(m.id) or compare(anchor, m, alternates)
            ],
        }
        for m in mentions[1:]
    ]
    return MergedEvent(merged, list(mentions), reasons, why)


def merge_mentions(
    mentions: Iterable[Event], alternates: frozenset[frozenset[str]] | None = None
) -> list[MergedEvent]:
    """Cluster mentions into merged events; deterministic for the same set of mentions.

    Needs coded mentions (any order, any documents). Returns merged events sorted by
    (date, id). Mentions are taken finest date first, then by date; a mention that can join
    no earlier cluster starts its own.
    """
    alternates = load_alternates() if alternates is None else alternates
    clusters: dict[tuple[str | None, str | None], list[list[Event]]] = {}
    passed: dict[str, list[Check]] = {}
    # the best-dated mentions found the clusters; the coarser ones then join them
    for m in sorted(mentions, key=lambda e: (_precision_rank(e), *_sort_key(e))):
        groups = clusters.setdefault((party(m.actor), party(m.recipient)), [])
        for group in groups:
            checks = join_checks(group, m, alternates)
            if all(c.ok for c in checks):
                group.append(m)
                passed[m.id] = checks
                break
        else:
            groups.append([m])
    merged = [build_merged(g, alternates, passed) for groups in clusters.values() for g in groups]
    return sorted(merged, key=lambda me: (_sort_key(me.event)[0], me.event.id))
