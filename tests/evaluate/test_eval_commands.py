"""`dyadwatch eval` and `dyadwatch bench`, in process, with a coder that answers from a table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from eval_fakes import TableCoder, event
from test_eval_suites import PETR_SAMPLE, PLOVER_SAMPLE
from typer.testing import CliRunner

from dyadwatch.commands import app
from dyadwatch.commands import evaluate as evaluate_cmd

runner = CliRunner()

GOLD_ROWS = [
    {"doc": "a1", "id": "a1-1", "status": "core", "source": "MNGGOV", "type": "AGREE",
     "target": "CHN", "date": "2023-05-10", "date_tol": 2, "evidence": "signed a rail deal"},
    {"doc": "a1", "id": "a1-2", "status": "core", "source": "MNGGOV", "type": "REJECT",
     "target": "RUS", "date": "2023-05", "date_tol": 10, "evidence": "turned down the offer"},
    {"doc": "a1", "id": "a1-3", "status": "forbidden", "source": "CHN", "type": "COERCE",
     "target": "MNG", "date": "2023-05-10", "date_tol": 1, "evidence": "might close the border"},
]  # fmt: skip
DOCS = [{"id": "a1", "date": "2023-05-11", "text": "Mongolia signed a rail deal with China."}]


def _jsonl(path: Path, rows: list[dict]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


PREDICTIONS = [
    event(doc="a1", type="AGREE", source="MNGGOV", target="CHN", date="2023-05-10"),
    event(doc="a1", type="COERCE", source="CHN", target="MNG", date="2023-05-10", n=1),
]


@pytest.fixture
def files(tmp_path):
    gold = _jsonl(tmp_path / "gold.jsonl", GOLD_ROWS)
    pred = _jsonl(tmp_path / "pred.jsonl", [e.to_dict() for e in PREDICTIONS])
    return gold, pred


def test_eval_json(files):
    result = runner.invoke(app, ["eval", str(files[0]), str(files[1]), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert (data["core_recall"], data["precision"], data["forbidden_hits"]) == (0.5, 0.5, 1)
    assert [d["doc"] for d in data["per_doc"]] == ["a1"]
    assert "misses" not in data


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ([], ["core recall 0.500", "a1"]),
        (["--show-errors"], ["missed core events (1)", "false positives (1)", "forbidden hits"]),
        (["--json", "--show-errors"], ['"gold": "a1-2"', "turned down the offer"]),
    ],
)
def test_eval_prints(files, options, expected):
    result = runner.invoke(app, ["eval", str(files[0]), str(files[1]), *options],
                           terminal_width=200)  # fmt: skip
    assert result.exit_code == 0, result.output
    for text in expected:
        assert text in result.output


def test_eval_bad_gold_is_one_error_line(tmp_path, files):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"doc": "a1"}\n')
    result = runner.invoke(app, ["eval", str(bad), str(files[1])])
    assert result.exit_code == 1
    assert "line 1" in result.output and "Traceback" not in result.output


@pytest.fixture
def shared(tmp_path):
    folder = tmp_path / "shared"
    _jsonl(folder / "corpus" / "seeds.jsonl", DOCS)
    _jsonl(folder / "gold" / "seeds.jsonl", GOLD_ROWS)
    plover = folder / "benchmarks" / "plover-gsr" / "PLOVER_GSR_CAMEO.txt"
    plover.parent.mkdir(parents=True)
    plover.write_text(json.dumps(PLOVER_SAMPLE))
    petr = folder / "benchmarks" / "petrarch2-gsr" / "PETR2_GSR_validation.xml"
    petr.parent.mkdir(parents=True)
    petr.write_text(PETR_SAMPLE)
    return folder


@pytest.fixture
def coder(monkeypatch):
    fake = TableCoder({
        "a1": PREDICTIONS,
        "S-DEMAND-0001": [event(doc="S-DEMAND-0001", type="REQUEST", source="CHL", target="PER")],
        "T_1": [event(doc="T_1", cameo="036", source="FIN", target="EST")],
    })  # fmt: skip
    monkeypatch.setattr(evaluate_cmd, "build_coder", lambda: fake)
    return fake


def test_bench_runs_all_suites_and_records(shared, coder, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["bench", "--shared", str(shared)], terminal_width=200)
    assert result.exit_code == 0, result.output
    for text in ("core recall", "PLOVER GSR recall by type", "root F1", "recorded in"):
        assert text in result.output
    assert {"a1", "S-AGREE-0001", "T_2"} <= set(coder.seen)
    doc = (tmp_path / "docs" / "benchmarks.md").read_text()
    assert "<!-- bench:accuracy -->" in doc and "Accuracy on gold and external suites" in doc
    assert "`dyadwatch bench --shared " in doc
    assert "| seeds | core recall | 0.500 | >= 0.85 | no |" in doc
    assert "| petr2 | root F1 | 0.500 | reported |  |" in doc  # T_4, with no text, is missed


def test_bench_one_suite_without_record(shared, coder, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    args = ["bench", "--suite", "plover", "--shared", str(shared), "--no-record"]
    result = runner.invoke(app, args, terminal_width=200)
    assert result.exit_code == 0, result.output
    assert "seeds" not in coder.seen and "T_1" not in coder.seen
    assert not (tmp_path / "docs").exists()


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--shared", "{missing}"], 2, "no shared folder"),
        (["--suite", "nonsense"], 2, "unknown suite"),
        (["--suite", "seeds", "--shared", "{empty}"], 1, "suite files not found"),
    ],
)
def test_bench_errors_are_one_line(tmp_path, coder, args, code, message):
    (tmp_path / "empty").mkdir()
    args = [a.format(missing=tmp_path / "nowhere", empty=tmp_path / "empty") for a in args]
    result = runner.invoke(app, ["bench", *args])
    assert result.exit_code == code
    assert message in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_bench_help_lists_options():
    result = runner.invoke(app, ["bench", "--help"], terminal_width=200)
    assert result.exit_code == 0
    for option in ("--suite", "--shared", "--record"):
        assert option in result.output
