"""The store: ingest, re-ingest, replacement, transactions, show."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from handmade import make_event, port_closure_pair

from dyadwatch.model import Document
from dyadwatch.store import StoreReader, StoreWriter, Submission, from_event_records


def snapshot(db: Path) -> dict[str, list[tuple[object, ...]]]:
    with StoreReader(db) as r:
        return {t: sorted(r.con.execute(f"SELECT * EXCLUDE ({col}) FROM {t}").fetchall(), key=repr)
                for t, col in (("documents", "ingested_at"), ("mentions", "record"), ("events", "merge"))}  # fmt: skip


def test_ingest_merges_across_documents(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    first, second = port_closure_pair()
    with StoreWriter(db) as w:
        stats = w.ingest(from_event_records([first, second]))
    assert (stats.added, stats.mentions) == (2, 2)
    with StoreReader(db) as r:
        assert r.counts() == {"documents": 2, "mentions": 2, "events": 1}
        rec = r.event(second.id)
        assert rec is not None and rec["corroboration"] == 2
        assert len(r.mentions_of(rec["id"])) == 2


def test_reingest_is_a_noop(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    subs = from_event_records(port_closure_pair())
    with StoreWriter(db) as w:
        w.ingest(subs)
    before = snapshot(db)
    with StoreWriter(db) as w:
        stats = w.ingest(from_event_records(port_closure_pair()))
    assert (stats.added, stats.replaced, stats.unchanged) == (0, 0, 2)
    assert snapshot(db) == before


def test_changed_document_replaces_its_mentions(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    doc = Document("d1", "Moscow barred Kazakh tankers.", "2024-03-04")
    ev = make_event("d1", doc.text, "barred", "COERCE", "RUS", "KAZ", "2024-03-04")
    with StoreWriter(db) as w:
        w.ingest([Submission("d1", doc.content_hash, [ev], doc)])
        new_doc = replace(doc, text="Moscow lifted the ban on Kazakh tankers.")
        new_ev = make_event("d1", new_doc.text, "lifted", "CONCEDE", "RUS", "KAZ", "2024-03-06",
                            quad=1, intensity=4.0)  # fmt: skip
        stats = w.ingest([Submission("d1", new_doc.content_hash, [new_ev], new_doc)])
    assert stats.replaced == 1
    with StoreReader(db) as r:
        rows = r.con.execute("SELECT mention_id FROM mentions").fetchall()
        assert rows == [(new_ev.id,)]
        assert [e["event"] for e in r.dyad_events("RUS", "KAZ")[0]] == ["CONCEDE"]


class Boom(RuntimeError):
    """Raised inside the writer to simulate a crash mid-batch."""


@pytest.mark.parametrize("where", ["_insert_mentions", "_remerge"])
def test_failed_batch_leaves_the_store_unchanged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 where: str) -> None:  # fmt: skip
    db = tmp_path / "s.duckdb"
    first, second = port_closure_pair()
    with StoreWriter(db) as w:
        w.ingest(from_event_records([first]))
    before = snapshot(db)
    other = make_event("wire-c", "Kazakhstan expelled two Russian diplomats.", "expelled",
                       "COERCE", "KAZ", "RUS", "2024-03-08")  # fmt: skip
    calls = {"n": 0}
    original = getattr(StoreWriter, where)

    def failing(self: StoreWriter, *args: object) -> None:
        original(self, *args)  # the batch has written something when the crash comes
        calls["n"] += 1
        raise Boom("simulated crash")

    monkeypatch.setattr(StoreWriter, where, failing)
    with StoreWriter(db) as w, pytest.raises(Boom):
        w.ingest(from_event_records([second, other]))
    monkeypatch.undo()
    assert calls["n"] == 1
    assert snapshot(db) == before


def test_explicit_link_survives_merging(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    text = "Russia banned Kazakh grain. In response, Kazakhstan halted Russian coal."
    ban = make_event("d2", text, "banned", "SANCTION", "RUS", "KAZ", "2024-05-01")
    answer = make_event("d2", text, "halted", "SANCTION", "KAZ", "RUS", "2024-05-02",
                        in_response_to=[ban.id])  # fmt: skip
    with StoreWriter(db) as w:
        w.ingest(from_event_records([ban, answer]))
    with StoreReader(db) as r:
        rec = r.event(answer.id)
        assert rec is not None and rec["in_response_to"] == [ban.id]
        exported = [json.loads(json.dumps(x)) for x in r.iter_records()]
    assert [x["in_response_to"] for x in exported] == [[], [ban.id]]
