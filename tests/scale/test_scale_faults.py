"""Faults anywhere in a run cost only the documents that cause them, and are named."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from scale_fakes import fake_coder, hostile_coder, make_corpus

from dyadwatch.scale import run_jsonl
from dyadwatch.scale.runs import code_stream

SRC = Path(__file__).resolve().parents[2] / "src"


def lines_by_doc(path: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        out.setdefault(json.loads(line)["doc_id"], []).append(line)
    return out


@pytest.mark.parametrize("workers", [1, 2])
@pytest.mark.parametrize(("poison", "stage"), [("EXPLODE", "coded"), ("SURROGATE", "written")])
def test_a_failing_document_is_named_and_the_others_are_kept(
    tmp_path: Path, workers: int, poison: str, stage: str
) -> None:
    docs = make_corpus(200)
    clean = tmp_path / "clean.jsonl"
    run_jsonl(make_corpus(200), clean, coder_factory=fake_coder)
    bad = {150, 7}
    for k in bad:
        docs[k].text = f"They met. {poison} " + docs[k].text
    out = tmp_path / "run.jsonl"
    seen = []
    summary = run_jsonl(docs, out, workers=workers, coder_factory=hostile_coder,
                        on_outcome=seen.append)  # fmt: skip
    errors = {o.doc_id: str(o.error) for o in seen if o.error is not None}
    named = {docs[k].id for k in bad}
    assert named <= errors.keys()
    for doc_id in named:
        assert f"could not be {stage}" in errors[doc_id] and doc_id in errors[doc_id]
    expected = {d: ls for d, ls in lines_by_doc(clean).items() if d not in named}
    assert lines_by_doc(out) == expected
    assert summary.errors == len(errors) == 3  # the two poisoned and the corpus's unreadable one


def test_in_process_coding_survives_a_batch_breaking_exception() -> None:
    docs = make_corpus(10)
    docs[3].text += " EXPLODE"
    outcomes = list(code_stream(docs, coder_factory=hostile_coder, chunk_size=4))
    assert [o.doc_id for o in outcomes] == [d.id for d in docs]
    assert [o.doc_id for o in outcomes if o.error] == ["d0003", "d0005"]


def test_resume_replaces_a_changed_documents_events(tmp_path: Path) -> None:
    docs = make_corpus(30)
    out = tmp_path / "run.jsonl"
    run_jsonl(docs, out, coder_factory=fake_coder)
    docs[4].text = "The ministers met and met again and then shelled the convoy."
    docs[9].text = "Nothing happened."
    summary = run_jsonl(docs, out, resume=True, coder_factory=fake_coder)
    assert (summary.documents, summary.skipped) == (2, 27)
    fresh = tmp_path / "fresh.jsonl"
    run_jsonl(docs, fresh, coder_factory=fake_coder)
    assert lines_by_doc(out) == lines_by_doc(fresh)
    ids = [json.loads(line)["id"] for line in out.read_text().splitlines()]
    assert len(ids) == len(set(ids))
    again = run_jsonl(docs, out, resume=True, coder_factory=fake_coder)
    assert (again.documents, again.skipped) == (0, 29)
    assert lines_by_doc(out) == lines_by_doc(fresh)


def test_resume_after_a_crash_during_replacement_keeps_one_version(tmp_path: Path) -> None:
    docs = make_corpus(10)
    out = tmp_path / "run.jsonl"
    run_jsonl(docs, out, coder_factory=fake_coder)
    docs[2].text = "The envoys met on Monday."
    # a run that coded the new version but died before rewriting the output
    journal = out.with_name(out.name + ".done")
    new_lines = b"".join(
        json.dumps(e.to_dict(), ensure_ascii=False).encode() + b"\n"
        for e in fake_coder(None).code(docs[2])  # type: ignore[arg-type]
    )
    with out.open("ab") as fh:
        fh.write(new_lines)
    with journal.open("ab") as fh:
        entry = {"doc_id": docs[2].id, "hash": docs[2].content_hash, "offset": out.stat().st_size}
        fh.write(json.dumps(entry).encode() + b"\n")
    run_jsonl(docs, out, resume=True, coder_factory=fake_coder)
    fresh = tmp_path / "fresh.jsonl"
    run_jsonl(docs, fresh, coder_factory=fake_coder)
    assert lines_by_doc(out) == lines_by_doc(fresh)


ORPHANED_POOL = """
import sys, time
sys.path[:0] = [{src!r}, {tests!r}]
from dyadwatch.scale import WorkerPool
import scale_fakes

with WorkerPool(workers=2, coder_factory=scale_fakes.fake_coder) as pool:
    print(" ".join(str(p) for p in pool._executor._processes), flush=True)
    time.sleep(120)
"""


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split(")")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def _children(pid: int) -> list[int]:
    kids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    if int(fh.read().split(")")[-1].split()[1]) == pid:
                        kids.append(int(entry))
            except (FileNotFoundError, ProcessLookupError, IndexError, ValueError):
                continue
    return kids


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_and_resource_tracker_die_with_their_parent() -> None:
    script = ORPHANED_POOL.format(src=str(SRC), tests=str(Path(__file__).parent))
    with subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE,
                          text=True) as proc:  # fmt: skip
        assert proc.stdout is not None
        workers = [int(p) for p in proc.stdout.readline().split()]
        helpers = _children(proc.pid)  # the workers and the resource tracker
        os.kill(proc.pid, signal.SIGKILL)
    assert len(workers) == 2 and set(workers) <= set(helpers) and len(helpers) == 3
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(p) for p in helpers):
        time.sleep(0.1)
    assert [p for p in helpers if _alive(p)] == []


@pytest.mark.parametrize("via_reader", [True, False])
def test_lone_surrogate_at_151_of_201_keeps_the_150_before_it(tmp_path: Path,
                                                              via_reader: bool) -> None:  # fmt: skip
    from dyadwatch.read import read_inputs

    def items(poison: bool):
        docs = make_corpus(201)
        if poison:
            docs[150].text += " They met. \ud800"
        if not via_reader:
            return docs
        path = tmp_path / f"in-{poison}.jsonl"
        path.write_text("".join(json.dumps(d.to_dict()) + "\n" for d in docs), encoding="utf-8")
        return read_inputs([path])

    clean = tmp_path / "clean.jsonl"
    run_jsonl(items(False), clean, workers=2, coder_factory=fake_coder)
    out = tmp_path / "run.jsonl"
    seen = []
    first = run_jsonl(items(True), out, workers=2, coder_factory=fake_coder,
                      on_outcome=seen.append)  # fmt: skip
    again = run_jsonl(items(True), out, workers=2, resume=True, coder_factory=fake_coder,
                      on_outcome=seen.append)  # fmt: skip
    errors = [str(o.error) for o in seen if o.error is not None and o.doc_id == "d0150"]
    assert len(errors) == 2 and all("surrogate" in e for e in errors)
    expected = {d: ls for d, ls in lines_by_doc(clean).items() if d != "d0150"}
    assert lines_by_doc(out) == expected
    assert again.documents == 0 and again.skipped == first.documents
