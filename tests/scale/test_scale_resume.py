"""A killed run resumes where it stopped and ends with exactly the uninterrupted output."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from scale_fakes import CRASH_AFTER, SimulatedCrash, fake_coder, make_corpus

from dyadwatch.config import Config
from dyadwatch.errors import InputError
from dyadwatch.scale import ResumeError, journal_path, run_jsonl

SRC = Path(__file__).resolve().parents[2] / "src"


def items(n=40):
    docs = make_corpus(n)
    docs.insert(7, InputError("not JSON", doc="in.jsonl", line=8))
    return docs


@pytest.fixture
def reference(tmp_path):
    out = tmp_path / "full.jsonl"
    summary = run_jsonl(items(), out, coder_factory=fake_coder)
    assert summary.documents == 39 and summary.errors == 2
    return out.read_bytes()


@pytest.mark.parametrize(("crash_after", "workers"), [(0, 1), (1, 1), (13, 1), (39, 1), (13, 2)])
def test_resume_after_crash_equals_uninterrupted(tmp_path, monkeypatch, reference, crash_after,
                                                  workers):  # fmt: skip
    out = tmp_path / "run.jsonl"
    monkeypatch.setenv(CRASH_AFTER, str(crash_after))
    config = Config(chars_per_worker=1)  # a pool even for this small corpus
    with pytest.raises(SimulatedCrash, match="simulated crash"):
        run_jsonl(items(), out, config, workers=workers, coder_factory=fake_coder)
    monkeypatch.delenv(CRASH_AFTER)
    summary = run_jsonl(items(), out, config, workers=workers, resume=True,
                        coder_factory=fake_coder)  # fmt: skip
    assert out.read_bytes() == reference
    assert summary.skipped + summary.documents + summary.errors == 41


@pytest.mark.parametrize(
    "damage",
    [b'{"id": "ev-half', b"", b'{"id": "ev-x"}\n'],
    ids=["half-line", "nothing", "unjournalled-events"],
)
def test_resume_cuts_output_back_to_the_journal(tmp_path, monkeypatch, reference, damage):
    out = tmp_path / "run.jsonl"
    monkeypatch.setenv(CRASH_AFTER, "20")
    with pytest.raises(SimulatedCrash):
        run_jsonl(items(), out, coder_factory=fake_coder)
    monkeypatch.delenv(CRASH_AFTER)
    with out.open("ab") as fh:
        fh.write(damage)
    with journal_path(out).open("ab") as fh:
        fh.write(b'{"doc_id": "d00')  # a journal line the crash cut short
    run_jsonl(items(), out, resume=True, coder_factory=fake_coder)
    assert out.read_bytes() == reference


def test_second_resume_codes_nothing(tmp_path, reference):
    out = tmp_path / "run.jsonl"
    run_jsonl(items(), out, coder_factory=fake_coder)
    summary = run_jsonl(items(), out, resume=True, coder_factory=fake_coder)
    assert (summary.documents, summary.skipped) == (0, 39)
    assert out.read_bytes() == reference


def test_changed_document_is_coded_again(tmp_path):
    out = tmp_path / "run.jsonl"
    docs = make_corpus(5)
    run_jsonl(docs, out, coder_factory=fake_coder)
    docs[1].text += " They met again."
    summary = run_jsonl(docs, out, resume=True, coder_factory=fake_coder)
    assert (summary.documents, summary.skipped, summary.errors) == (1, 3, 1)  # d0002 fails again


@pytest.mark.parametrize(
    ("output", "journal"),
    [
        (b"{}\n", None),
        (b"", b'{"doc_id": "a", "hash": "b", "offset": 99}\n'),
        (b"{}\n", b"garbage\n"),
    ],
    ids=["no-journal", "output-shorter", "bad-journal-line"],
)
def test_resume_refuses_output_and_journal_that_do_not_fit(tmp_path, output, journal):
    out = tmp_path / "run.jsonl"
    out.write_bytes(output)
    if journal is not None:
        journal_path(out).write_bytes(journal)
    with pytest.raises(ResumeError):
        run_jsonl(make_corpus(3), out, resume=True, coder_factory=fake_coder)


KILLED_RUN = """
import sys, time
sys.path[:0] = [{src!r}, {tests!r}]
from pathlib import Path
import scale_fakes
from dyadwatch.scale import run_jsonl

class SlowCoder(scale_fakes.FakeCoder):
    def code(self, doc):
        time.sleep(0.02)
        return super().code(doc)

def slow(config):
    return SlowCoder(config)

run_jsonl(scale_fakes.make_corpus(40), Path({out!r}), resume={resume}, coder_factory=slow)
"""


def test_resume_after_sigkill(tmp_path):
    reference = tmp_path / "full.jsonl"
    run_jsonl(make_corpus(40), reference, coder_factory=fake_coder)
    out = tmp_path / "run.jsonl"
    script = KILLED_RUN.format(src=str(SRC), tests=str(Path(__file__).parent), out=str(out),
                               resume=False)  # fmt: skip
    proc = subprocess.Popen([sys.executable, "-c", script])
    deadline = time.monotonic() + 30
    journal = journal_path(out)
    while time.monotonic() < deadline:
        if journal.exists() and journal.read_bytes().count(b"\n") >= 10:
            break
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    coded = journal.read_bytes().count(b"\n")
    assert 10 <= coded < 39
    summary = run_jsonl(make_corpus(40), out, resume=True, coder_factory=fake_coder)
    assert summary.skipped == coded
    assert out.read_bytes() == reference.read_bytes()
    assert len({json.loads(line)["id"] for line in out.read_text().splitlines()}) == len(
        out.read_text().splitlines()
    )
