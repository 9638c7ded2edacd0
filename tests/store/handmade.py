"""Hand-made events for store, merge and dyad tests (no coder, no model)."""

from __future__ import annotations

from dyadwatch.model import Actor, Event, Evidence, Place, Quantity, Source, event_id

COUNTRIES = {"RUS": "Russia", "KAZ": "Kazakhstan", "UKR": "Ukraine", "USA": "United States"}


def actor(code: str) -> Actor:
    """An actor for a CAMEO-style code (country + optional sector)."""
    return Actor(text=COUNTRIES.get(code[:3], code), code=code, country=code[:3],
                 sector=code[3:] or None, name=COUNTRIES.get(code[:3]))  # fmt: skip


def make_event(doc_id: str, sentence: str, trigger: str, event: str, a: str, r: str | None,
               date: str, precision: str = "day", quad: int = 4, intensity: float = -5.0,
               **extra: object) -> Event:  # fmt: skip
    """One coded event whose evidence is ``sentence`` at offset 0 of its document."""
    start = sentence.index(trigger)
    return Event(
        id=event_id(doc_id, start, start + len(trigger), event),
        doc_id=doc_id,
        event=event,
        actor=actor(a),
        recipient=actor(r) if r else None,
        event_text=trigger,
        evidence=Evidence(sentence, 0, len(sentence), 0),
        date=date,
        date_precision=precision,
        quad_code=quad,
        intensity=intensity,
        confidence=0.7,
        sources=[Source(doc_id, f"https://news.example/{doc_id}", "Example Wire", sentence)],
        coder="dyadwatch-test",
        **extra,  # type: ignore[arg-type]
    )


def port_closure_pair() -> tuple[Event, Event]:
    """Two articles, worded differently, about one closure of a port to another country's ships."""
    first = make_event(
        "wire-a",
        "Moscow barred Kazakh tankers from the Novorossiysk terminal on Monday.",
        "barred",
        "COERCE",
        "RUSGOV",
        "KAZ",
        "2024-03-04",
        mode="restrict",
        event_loc=Place("Novorossiysk", "Novorossiysk", "RUS"),
        stated_reason="mines in the port's waters",
    )
    second = make_event(
        "paper-b",
        "Russian officials suspended Kazakhstan's oil loadings at Novorossiysk in March.",
        "suspended",
        "SANCTION",
        "RUSGOV",
        "KAZGOV",
        "2024-03",
        precision="month",
        event_loc=Place("Novorossiysk port", "Novorossiysk", "RUS"),
        quantities=[Quantity(3, "tankers", "three tankers")],
        stated_reason="more than 50 unexploded WWII munitions near the terminal",
    )
    return first, second
