"""A small store written for the web tests: invented articles, mostly about Poland and
Belarus, their coded events with evidence offsets into the text, dated to the day, week, month
and year.
"""

from __future__ import annotations

from pathlib import Path

from dyadwatch.model import Actor, Document, Event, Evidence, Source, event_id
from dyadwatch.store import StoreWriter, Submission

NAMES = {"POL": "Poland", "BLR": "Belarus", "ARM": "Armenia", "AZE": "Azerbaijan",
         "SRB": "Serbia", "XKX": "Kosovo"}  # fmt: skip
ARTICLES = [  # doc id, title, outlet, url, date, sentences
    ("border-1", "Warsaw shuts two crossings", "Vistula Courier", "https://courier.example/border-1",
     "2024-06-04", [
        "Poland closed two border crossings to Belarusian freight on Monday.",
        "Officials in Minsk said the closure was unlawful.",
        "Earlier in the year Belarus had expelled a Polish consul.",
     ]),
    ("border-2", "Belarus answers the closure", "Minsk Evening", "javascript:alert(1)",
     "2024-06-12", [
        "Poland closed two border crossings to Belarusian freight last week.",
        "In retaliation Belarus halted rail freight bound for Poland on Tuesday.",
        "In May Minsk accused Warsaw of provocations.",
     ]),
    ("talks-3", "Envoys meet after a tense month", "Baltic Review", None, "2024-07-03", [
        "Polish and Belarusian envoys met to discuss the crossings on 2 July.",
        "Belarus accused Poland of massing troops near the border this week.",
    ]),
    ("caucasus-5", "Border commissions meet again", "Highland Post", "https://post.example/c5",
     "2024-05-20", [
        "Armenian and Azerbaijani delegates agreed on 17 May to mark four more border posts.",
        "Baku later accused Yerevan of delaying the survey.",
    ]),
    ("balkans-6", "Licence plates, again", "Danube Daily", "http://danube.example/b6",
     "2024-04-09", [
        "Serbia protested on 8 April against new rules for vehicle plates in Kosovo.",
    ]),
]  # fmt: skip
# doc, sentence index, trigger, type, actor, recipient, date, precision, quad, intensity, factuality
EVENTS = [
    ("border-1", 0, "closed", "COERCE", "POLGOV", "BLR", "2024-06-03", "day", 4, -6.0, "asserted"),
    ("border-1", 1, "said", "ACCUSE", "BLRGOV", "POL", "2024-06-04", "day", 3, -2.0, "asserted"),
    ("border-1", 2, "expelled", "SANCTION", "BLR", "POL", "2024", "year", 4, -5.0, "asserted"),
    ("border-2", 0, "closed", "COERCE", "POLGOV", "BLR", "2024-06-03", "day", 4, -6.0, "reported"),
    ("border-2", 1, "halted", "SANCTION", "BLR", "POLGOV", "2024-06-11", "day", 4, -5.0, "asserted"),
    ("border-2", 2, "accused", "ACCUSE", "BLRGOV", "POLGOV", "2024-05", "month", 3, -3.0, "asserted"),
    ("talks-3", 0, "met", "CONSULT", "POLGOV", "BLRGOV", "2024-07-02", "day", 1, 1.5, "asserted"),
    ("talks-3", 1, "accused", "ACCUSE", "BLRGOV", "POL", "2024-07-03", "week", 3, -3.0, "hedged"),
    ("caucasus-5", 0, "agreed", "AGREE", "ARMGOV", "AZEGOV", "2024-05-17", "day", 1, 4.0, "asserted"),
    ("caucasus-5", 1, "accused", "ACCUSE", "AZEGOV", "ARMGOV", "2024-05", "month", 3, -2.0, "asserted"),
    ("balkans-6", 0, "protested", "PROTEST", "SRBGOV", "XKX", "2024-04-08", "day", 3, -3.0, "asserted"),
]  # fmt: skip
# the halt answers the closure (a day-dated cause) and the May accusation (a month-dated one)
LINKS = [(("border-2", 1), ("border-2", 0)), (("border-2", 1), ("border-2", 2))]


def _actor(code: str) -> Actor:
    return Actor(NAMES[code[:3]], code, code[:3], code[3:] or None, NAMES[code[:3]])


def documents() -> dict[str, tuple[Document, list[str]]]:
    """Each article as a Document (sentences joined by a space) and its sentences."""
    out = {}
    for doc_id, title, outlet, url, date, sentences in ARTICLES:
        out[doc_id] = (Document(doc_id, " ".join(sentences), date, url, title, outlet, "en"),
                       sentences)  # fmt: skip
    return out


def events() -> list[Event]:
    """The coded events, with evidence offsets into their article's text."""
    docs = documents()
    made: dict[tuple[str, int], Event] = {}
    for doc_id, i, trigger, kind, a, r, date, precision, quad, intensity, fact in EVENTS:
        doc, sentences = docs[doc_id]
        start = doc.text.index(sentences[i])
        at = start + sentences[i].index(trigger)
        made[(doc_id, i)] = Event(
            id=event_id(doc_id, at, at + len(trigger), kind), doc_id=doc_id, event=kind,
            actor=_actor(a), recipient=_actor(r), event_text=trigger,
            evidence=Evidence(sentences[i], start, start + len(sentences[i]), i), date=date,
            date_precision=precision, quad_code=quad, intensity=intensity, factuality=fact,
            confidence=0.8, coder="dyadwatch-test",
            sources=[Source(doc_id, doc.url, doc.outlet, sentences[i])],
        )  # fmt: skip
    for source, target in LINKS:
        made[source].in_response_to.append(made[target].id)
    return list(made.values())


def build_store(path: Path) -> Path:
    """Write the articles and their events into a new store at ``path``."""
    docs = documents()
    by_doc: dict[str, list[Event]] = {}
    for e in events():
        by_doc.setdefault(e.doc_id, []).append(e)
    with StoreWriter(path) as writer:
        writer.ingest([Submission(d, docs[d][0].content_hash, evs, docs[d][0])
                       for d, evs in by_doc.items()])  # fmt: skip
    return path
