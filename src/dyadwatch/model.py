"""The one internal form of the data contract (see docs/contract.md).

Documents come in, Events go out. Every record converts to and from the JSON form of
the contract here and nowhere else, so the field names live in one place.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields
from typing import Any

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
FACTUALITY = ("asserted", "reported", "hedged", "hypothetical", "negated")
UNREALISED = ("hypothetical", "negated")  # acts the text denies or only calls possible
SECTORS = ("GOV", "MIL", "LEG", "JUD", "MED", "BUS", "REB", "OPP", "CVL", "IGO", "ELI")


@dataclass
class Document:
    """One input article."""

    id: str
    text: str
    date: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    language: str | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v is not None}

    @property
    def content_hash(self) -> str:
        """Hash of what the coder reads: text and date (the id is not content)."""
        h = hashlib.sha256()
        h.update((self.date or "").encode())
        h.update(b"\0")
        h.update(self.text.encode())
        return h.hexdigest()[:16]


@dataclass
class Actor:
    text: str
    code: str
    country: str | None = None
    sector: str | None = None
    name: str | None = None
    wikidata: str | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Actor | None:
        if not data:
            return None
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


@dataclass
class Place:
    text: str
    name: str
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Place | None:
        if not data:
            return None
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


@dataclass
class Quantity:
    value: float
    unit: str
    text: str

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quantity:
        return cls(value=data["value"], unit=data["unit"], text=data.get("text", ""))


@dataclass
class Evidence:
    """The words that state the event, quoted exactly: ``text == doc.text[start:end]``."""

    text: str
    start: int
    end: int
    sentence: int

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Evidence:
        return cls(text=data["text"], start=data["start"], end=data["end"],
                   sentence=data.get("sentence", 0))  # fmt: skip


@dataclass
class Source:
    doc_id: str
    url: str | None = None
    outlet: str | None = None
    evidence: str | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Source:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


@dataclass
class Event:
    """One coded event, in the form of the contract's output record."""

    id: str
    doc_id: str
    event: str
    actor: Actor | None
    recipient: Actor | None
    event_text: str
    evidence: Evidence
    date: str | None = None
    date_precision: str | None = None
    date_basis: str | None = None
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    event_loc: Place | None = None
    quantities: list[Quantity] = field(default_factory=list)
    factuality: str = "asserted"
    stated_reason: str | None = None
    in_response_to: list[str] = field(default_factory=list)
    quad_code: int | None = None
    intensity: float | None = None
    cameo: str | None = None
    confidence: float = 0.5
    sources: list[Source] = field(default_factory=list)
    coder: str = ""
    steps: list[str] = field(default_factory=list)  # the coder's named steps that decided it

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON object, with every field present (null where unknown)."""
        return {
            "id": self.id,
            "doc_id": self.doc_id,
            "date": self.date,
            "date_precision": self.date_precision,
            "date_basis": self.date_basis,
            "event": self.event,
            "mode": self.mode,
            "context": list(self.context),
            "actor": asdict(self.actor) if self.actor else None,
            "recipient": asdict(self.recipient) if self.recipient else None,
            "event_text": self.event_text,
            "evidence": asdict(self.evidence),
            "event_loc": asdict(self.event_loc) if self.event_loc else None,
            "quantities": [asdict(q) for q in self.quantities],
            "factuality": self.factuality,
            "stated_reason": self.stated_reason,
            "in_response_to": list(self.in_response_to),
            "quad_code": self.quad_code,
            "intensity": self.intensity,
            "cameo": self.cameo,
            "confidence": self.confidence,
            "sources": [asdict(s) for s in self.sources],
            "coder": self.coder,
            "steps": list(self.steps),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        return cls(
            id=data["id"],
            doc_id=data["doc_id"],
            event=data["event"],
            actor=Actor.from_dict(data.get("actor")),
            recipient=Actor.from_dict(data.get("recipient")),
            event_text=data.get("event_text", ""),
            evidence=Evidence.from_dict(data["evidence"]),
            date=data.get("date"),
            date_precision=data.get("date_precision"),
            date_basis=data.get("date_basis"),
            mode=data.get("mode"),
            context=list(data.get("context") or []),
            event_loc=Place.from_dict(data.get("event_loc")),
            quantities=[Quantity.from_dict(q) for q in data.get("quantities") or []],
            factuality=data.get("factuality", "asserted"),
            stated_reason=data.get("stated_reason"),
            in_response_to=list(data.get("in_response_to") or []),
            quad_code=data.get("quad_code"),
            intensity=data.get("intensity"),
            cameo=data.get("cameo"),
            confidence=data.get("confidence", 0.5),
            sources=[Source.from_dict(s) for s in data.get("sources") or []],
            coder=data.get("coder", ""),
            steps=list(data.get("steps") or []),
        )


def event_id(doc_id: str, start: int, end: int, event: str) -> str:
    """Stable id: the same text coded twice gives the same id."""
    raw = f"{doc_id}\0{start}\0{end}\0{event}".encode()
    return "ev-" + hashlib.sha1(raw).hexdigest()[:16]
