"""The Dask runner writes the single-process events as month-partitioned Parquet."""

from __future__ import annotations

import json

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from scale_fakes import fake_coder, make_corpus

from dyadwatch.scale import ResumeError, run_jsonl
from dyadwatch.scale.dask_run import ClusterError, connect, run_dask
from dyadwatch.scale.parquet import read_events
from dyadwatch.scale.partitions import plan_partitions, read_partition

distributed = pytest.importorskip("distributed")


def corpus():
    docs = make_corpus(60)
    docs[3].date = None
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


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                       dashboard_address=None)  # fmt: skip
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    out = tmp_path_factory.mktemp("ref") / "events.jsonl"
    run_jsonl(corpus(), out, coder_factory=fake_coder)
    return by_id(json.loads(line) for line in out.read_text().splitlines())


@pytest.mark.parametrize(
    ("kind", "blocksize"), [("jsonl", 700), ("jsonl", 10**9), ("parquet", 10**9), ("dir", 900)]
)
def test_dask_output_equals_single_process(tmp_path, client, reference, kind, blocksize):
    src = tmp_path / "in"
    src.mkdir()
    docs = corpus()
    if kind == "parquet":
        write_parquet(src / "docs.parquet", docs)
        inputs = [src / "docs.parquet"]
    elif kind == "dir":
        write_jsonl(src / "a.jsonl", docs[:25])
        write_jsonl(src / "b.jsonl", docs[25:], bad_line_at=0)
        inputs = [src]
    else:
        write_jsonl(src / "docs.jsonl", docs)
        inputs = [src / "docs.jsonl"]
    out = tmp_path / "out"
    summary = run_dask(inputs, out, client=client, blocksize=blocksize, coder_factory=fake_coder)
    assert by_id(read_events(out)) == reference
    assert summary.events == len(reference)
    assert summary.documents == 59
    assert summary.error_count == {"parquet": 1, "jsonl": 2, "dir": 3}[kind]  # bad lines + d0030
    months = {p.parent.name for p in out.glob("month=*/*.parquet")}
    assert months == {"month=2022-06", "month=2022-07", "month=2022-08", "month=unknown"}


def test_duckdb_reads_the_partitions(tmp_path, client, reference):
    write_jsonl(tmp_path / "docs.jsonl", corpus())
    out = tmp_path / "out"
    run_dask([tmp_path / "docs.jsonl"], out, client=client, blocksize=800,
             coder_factory=fake_coder)  # fmt: skip
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
    assert sum(n for _, n in rows) == len(reference)
    assert [m for m, _ in rows] == ["2022-06", "2022-07", "2022-08", "unknown"]


def test_dask_resume_skips_finished_partitions(tmp_path, client, reference):
    write_jsonl(tmp_path / "docs.jsonl", corpus())
    out = tmp_path / "out"
    first = run_dask([tmp_path / "docs.jsonl"], out, client=client, blocksize=800,
                     coder_factory=fake_coder)  # fmt: skip
    markers = sorted((out / "_done").glob("*.json"))
    for marker in markers[::2]:
        marker.unlink()
    again = run_dask([tmp_path / "docs.jsonl"], out, client=client, blocksize=800, resume=True,
                     coder_factory=fake_coder)  # fmt: skip
    assert again.skipped_partitions == len(markers) - len(markers[::2])
    assert again.partitions == len(markers[::2])
    assert (again.documents, again.events) == (first.documents, first.events)
    assert by_id(read_events(out)) == reference
    with pytest.raises(ResumeError):
        run_dask([tmp_path / "docs.jsonl"], out, client=client, blocksize=801, resume=True,
                 coder_factory=fake_coder)  # fmt: skip


@pytest.mark.parametrize("blocksize", [1, 7, 50, 333, 10**6])
def test_byte_ranges_cover_every_line_once(tmp_path, blocksize):
    docs = make_corpus(12)
    write_jsonl(tmp_path / "d.jsonl", docs)
    parts = plan_partitions([tmp_path / "d.jsonl"], blocksize)
    got = [item for part in parts for item in read_partition(part)]
    assert [getattr(i, "id", "error") for i in got] == (
        [d.id for d in docs[:10]] + ["error"] + [d.id for d in docs[10:]]
    )


def test_run_dask_connects_to_a_scheduler_address(tmp_path, client, reference):
    write_jsonl(tmp_path / "docs.jsonl", corpus())
    out = tmp_path / "out"
    address = client.scheduler.address
    summary = run_dask([tmp_path / "docs.jsonl"], out, scheduler=address, coder_factory=fake_coder)
    assert summary.events == len(reference)
    assert by_id(read_events(out)) == reference


def test_unreachable_scheduler_is_a_cluster_error():
    with pytest.raises(ClusterError, match="tcp://127.0.0.1:9"):
        connect("tcp://127.0.0.1:9", timeout=1)
