"""The JSON API's response shapes (they make its OpenAPI schema)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel


class DyadRow(BaseModel):
    """A dyad, its event count, and its monthly counts from ``trend_from`` to ``trend_to``."""

    a: str
    b: str
    events: int
    intensity: float
    monthly: list[int]
    trend_from: str | None
    trend_to: str | None


class Overview(BaseModel):
    """The most active dyads."""

    dyads: list[DyadRow]


class DyadPage(BaseModel):
    """A dyad's events (filtered), series, links, reciprocity, alerts and timeline."""

    dyad: list[str]
    directions: list[str]
    events: list[dict[str, Any]]
    total_events: int
    shown_events: int
    series: list[dict[str, Any]]
    links: list[dict[str, Any]]
    reciprocity: dict[str, Any]
    alerts: list[dict[str, Any]]
    timeline: dict[str, Any]
    filters: dict[str, Any]


class EventPage(BaseModel):
    """A merged event, its sources by document, conflicting details and merge checks."""

    event: dict[str, Any]
    documents: list[dict[str, Any]]
    n_documents: int
    n_mentions: int
    conflicts: dict[str, Any]
    merge: list[dict[str, Any]]


class DocumentPage(BaseModel):
    """A document, its text cut into pieces naming the events they evidence, and its events."""

    doc_id: str
    date: str | None
    url: str | None
    title: str | None
    outlet: str | None
    origin: str | None
    n_mentions: int | None
    text: str | None
    pieces: list[dict[str, Any]]
    events: list[dict[str, Any]]


class SearchPage(BaseModel):
    q: str
    hits: list[dict[str, Any]]


class Resolved(BaseModel):
    """What a typed name stands for."""

    name: str
    code: str


class Problem(BaseModel):
    detail: str
