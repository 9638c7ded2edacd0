"""The Dask runner reads through the project's readers and writes the local engine's events
as month-partitioned Parquet; a bad document anywhere is named and the rest are kept."""

from __future__ import annotations

import json

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from scale_fakes import fake_coder, hostile_coder, make_corpus

from dyadwatch.errors import InputError, OutputError
from dyadwatch.read import read_inputs
from dyadwatch.scale import run_jsonl
from dyadwatch.scale.dask_run import ClusterError, connect, run_dask
from dyadwatch.scale.parquet import read_events
from dyadwatch.scale.partitions import plan_batches

distributed = pytest.importorskip("distributed")


def corpus():
    docs = make_corpus(60)
    docs[3].date = None  # the reader rejects it: no date and no --date
    return docs


def write_jsonl(path, docs, bad_line_at=10):
    lines = [json.dumps(d.to_dict()) for d in docs]
    lines.insert(bad_line_at, "{not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_parquet(path, docs):
    table = pa.Table.from_pylist([d.to_dict() for d in docs])
    pq.write_table(table, path, row_group_size=17)


def by_id(events):
    return sorted(events, key=lambda e: e["id"])


def local_events(inputs, tmp_path):
    """What the local engine writes for the same inputs, through the same readers."""
    out = tmp_path / "local.jsonl"
    errors = []
    summary = run_jsonl(read_inputs(inputs), out, coder_factory=fake_coder,
                        on_outcome=lambda o: o.error and errors.append(str(o.error)))  # fmt: skip
    return by_id(json.loads(line) for line in out.read_text().splitlines()), summary, errors


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                       dashboard_address=None)  # fmt: skip
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def make_inputs(tmp_path, kind):
    src = tmp_path / "in"
    src.mkdir()
    docs = corpus()
    if kind == "parquet":
        write_parquet(src / "docs.parquet", docs)
        return [src / "docs.parquet"]
    if kind == "dir":
        write_jsonl(src / "a.jsonl", docs[:25])
        write_jsonl(src / "b.jsonl", docs[25:], bad_line_at=0)
        return [src]
    write_jsonl(src / "docs.jsonl", docs)
    return [src / "docs.jsonl"]


@pytest.mark.parametrize(("kind", "batch"), [("jsonl", 7), ("jsonl", 1000), ("parquet", 1000),
                                             ("dir", 9)])  # fmt: skip
def test_dask_output_equals_the_local_engine(tmp_path, client, kind, batch):
    inputs = make_inputs(tmp_path, kind)
    reference, local, local_errors = local_events(inputs, tmp_path)
    out = tmp_path / "out"
    summary = run_dask(inputs, out, client=client, batch_size=batch, coder_factory=fake_coder)
    assert by_id(read_events(out)) == reference
    assert (summary.documents, summary.events) == (local.documents, len(reference))
    assert sorted(summary.errors) == sorted(local_errors)
    assert summary.error_count == len(local_errors)
    assert any("missing 'date'" in e and "d0003" in e for e in summary.errors)
    assert any("could not be" in e or "cannot be coded" in e for e in summary.errors)  # d0030
    bad_json = sum("not valid JSON" in e for e in summary.errors)
    assert bad_json == {"parquet": 0, "jsonl": 1, "dir": 2}[kind]
    months = {p.parent.name for p in out.glob("month=*/*.parquet")}
    assert months == {"month=2022-06", "month=2022-07", "month=2022-08"}


def test_dask_applies_the_readers_checks_with_line_numbers(tmp_path, client):
    docs = make_corpus(8)
    (tmp_path / "a.jsonl").write_text(
        "\ufeff" + json.dumps(docs[0].to_dict()) + "\n" + json.dumps(docs[1].to_dict()) + "\n",
        encoding="utf-8",
    )
    (tmp_path / "b.jsonl").write_text(
        json.dumps(docs[1].to_dict()) + "\n" + json.dumps(docs[2].to_dict()) + "\n",
        encoding="utf-8",
    )
    summary = run_dask([tmp_path / "a.jsonl", tmp_path / "b.jsonl"], tmp_path / "out",
                       client=client, coder_factory=fake_coder)  # fmt: skip
    assert summary.documents == 3
    [error] = summary.errors
    assert "duplicate id 'd0001'" in error and "line 1" in error
    ids = {e["doc_id"] for e in read_events(tmp_path / "out")}
    assert ids <= {"d0000", "d0001", "d0002"}


def test_a_failing_document_in_a_dask_batch_is_named_and_its_batch_kept(tmp_path, client):
    clean_docs = make_corpus(40)
    write_jsonl(tmp_path / "clean.jsonl", clean_docs, bad_line_at=40)
    clean = run_dask([tmp_path / "clean.jsonl"], tmp_path / "clean", client=client,
                     batch_size=16, coder_factory=hostile_coder)  # fmt: skip
    docs = make_corpus(40)
    docs[25].text = "They met. SURROGATE " + docs[25].text
    docs[31].text = "They met. EXPLODE " + docs[31].text
    write_jsonl(tmp_path / "docs.jsonl", docs, bad_line_at=40)
    out = tmp_path / "out"
    summary = run_dask([tmp_path / "docs.jsonl"], out, client=client, batch_size=16,
                       coder_factory=hostile_coder)  # fmt: skip

    def named(errors):
        return {e.split(":")[0].split(",")[0]: e for e in errors if e.startswith("d0")}

    new_errors = [e for k, e in sorted(named(summary.errors).items()) if k not in
                  named(clean.errors)]  # fmt: skip
    assert [e.split(":")[0] for e in new_errors] == ["d0025", "d0031"]
    assert summary.error_count == clean.error_count + 2
    assert "could not be written" in new_errors[0] and "could not be coded" in new_errors[1]
    assert summary.documents == clean.documents - 2
    kept = [e for e in read_events(tmp_path / "clean") if e["doc_id"] not in ("d0025", "d0031")]
    assert by_id(read_events(out)) == by_id(kept)


def test_duckdb_reads_the_partitions(tmp_path, client):
    inputs = make_inputs(tmp_path, "jsonl")
    reference, _, _ = local_events(inputs, tmp_path)
    out = tmp_path / "out"
    run_dask(inputs, out, client=client, batch_size=8, coder_factory=fake_coder)
    glob = str(out / "**" / "*.parquet")
    con = duckdb.connect()
    (count,) = con.execute(
        "SELECT count(*) FROM read_parquet(?, hive_partitioning=true)", [glob]
    ).fetchone()
    assert count == len(reference)
    rows = con.execute(
        "SELECT month, count(*) FROM read_parquet(?, hive_partitioning=true) "
        "WHERE json_extract_string(actor, '$.code') = 'RUR' GROUP BY month ORDER BY month",
        [glob],
    ).fetchall()
    assert [m for m, _ in rows] == ["2022-06", "2022-07", "2022-08"]


def test_dask_resume_skips_finished_batches_and_recodes_changed_ones(tmp_path, client):
    inputs = make_inputs(tmp_path, "jsonl")
    reference, _, _ = local_events(inputs, tmp_path)
    out = tmp_path / "out"
    first = run_dask(inputs, out, client=client, batch_size=8, coder_factory=fake_coder)
    markers = sorted((out / "_done").glob("*.json"))
    for marker in markers[::2]:
        marker.unlink()
    again = run_dask(inputs, out, client=client, batch_size=8, resume=True,
                     coder_factory=fake_coder)  # fmt: skip
    assert again.skipped_partitions == len(markers) - len(markers[::2])
    assert again.partitions == len(markers[::2])
    assert again.documents + again.done_before == first.documents
    assert by_id(read_events(out)) == reference
    docs = corpus()
    docs[5].text = "The envoys met and sent aid."
    write_jsonl(inputs[0], docs[:50])
    reference, _, _ = local_events(inputs, tmp_path / "in")
    changed = run_dask(inputs, out, client=client, batch_size=8, resume=True,
                       coder_factory=fake_coder)  # fmt: skip
    assert changed.partitions >= 1
    assert by_id(read_events(out)) == reference


@pytest.mark.parametrize("content", ["", "\n\n"])
def test_empty_input_is_an_error(tmp_path, client, content):
    (tmp_path / "empty").mkdir()
    inputs = [tmp_path / "empty"]
    if content:
        (tmp_path / "blank.jsonl").write_text(content)
        inputs = [tmp_path / "blank.jsonl"]
        summary = run_dask(inputs, tmp_path / "out", client=client, coder_factory=fake_coder)
        assert (summary.documents, summary.error_count) == (0, 1)
        return
    with pytest.raises(InputError, match="no documents"):
        run_dask(inputs, tmp_path / "out", client=client, coder_factory=fake_coder)


def test_output_that_is_a_file_is_refused_before_work(tmp_path, client):
    inputs = make_inputs(tmp_path, "jsonl")
    (tmp_path / "out").write_text("x")
    with pytest.raises(OutputError):
        run_dask(inputs, tmp_path / "out", client=client, coder_factory=fake_coder)


def test_batches_cover_every_document_once():
    items = [*make_corpus(12)]
    items.insert(4, InputError("bad", doc="x", line=5))
    errors = []
    got = list(plan_batches(items, 5, on_error=errors.append))
    assert [len(b.docs) for b in got] == [5, 5, 2]
    assert [d.id for b in got for d in b.docs] == [f"d{k:04d}" for k in range(12)]
    assert len(errors) == 1 and len({b.key for b in got}) == 3


def test_run_dask_connects_to_a_scheduler_address(tmp_path, client):
    inputs = make_inputs(tmp_path, "jsonl")
    reference, _, _ = local_events(inputs, tmp_path)
    out = tmp_path / "out"
    summary = run_dask(inputs, out, scheduler=client.scheduler.address, coder_factory=fake_coder)
    assert summary.events == len(reference)
    assert by_id(read_events(out)) == reference


def test_unreachable_scheduler_is_a_cluster_error():
    with pytest.raises(ClusterError, match="tcp://127.0.0.1:9"):
        connect("tcp://127.0.0.1:9", timeout=1)


def test_local_cluster_serves_no_dashboard():
    import urllib.error
    import urllib.request

    from dyadwatch.scale.dask_run import _local_client

    client = _local_client(1)
    try:
        scheduler = client.cluster.scheduler
        ports = [s.getsockname()[1] for s in scheduler.http_server._sockets.values()]
        assert ports and 8787 not in ports
        for path in ("/status", "/health", "/info/main/workers.html"):
            with pytest.raises(urllib.error.HTTPError, match="404"):
                urllib.request.urlopen(f"http://127.0.0.1:{ports[0]}{path}", timeout=5)
    finally:
        client.close()
        client.cluster.close()
