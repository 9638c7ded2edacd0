"""The speed benchmark builds a fixed corpus and reports the three runs and their ratios."""

from __future__ import annotations

import json

import pytest
from scale_fakes import fake_coder
from typer.testing import CliRunner

from dyadwatch.errors import DataError
from dyadwatch.scale import bench

ARTICLES = [
    {"id": "a1", "date": "2022-03-04", "text": "Ruritania sent aid to the border. The two "
     "ministers met in the capital on Monday. Officials condemned the shelling!"},
    {"id": "a2", "date": "2022-05-06", "text": "Freedonia shelled a convoy near the river. "
     "Talks are planned for June? Nobody met the envoy."},
]  # fmt: skip


@pytest.fixture
def articles(tmp_path):
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n", encoding="utf-8")
    return path


def test_corpus_is_news_length_and_the_same_every_time(articles):
    docs = bench.build_corpus(20, articles=articles)
    assert len(docs) == 20
    assert all(bench.MIN_WORDS <= len(d.text.split()) <= bench.MAX_WORDS + 15 for d in docs)
    assert docs == bench.build_corpus(20, articles=articles)
    assert {d.date for d in docs} <= {"2022-03-04", "2022-05-06"}


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "not found"), ("", "no article text"), ('{"id": "x"}\n', "line 1"),
     ('{"text": 5}\n', "line 1")],
)  # fmt: skip
def test_bad_articles_file_is_a_data_error(tmp_path, content, message):
    path = tmp_path / "articles.jsonl"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(DataError, match=message):
        bench.build_corpus(3, articles=path)


class FakeNlp:
    def pipe(self, texts, batch_size):
        for text in texts:
            yield text.split()


def test_run_speed_reports_three_runs_and_ratios(articles):
    docs = bench.build_corpus(12, articles=articles)
    report = bench.run_speed(docs, workers=2, coder_factory=fake_coder, load_nlp=FakeNlp)
    assert [m.documents for m in (report.floor, report.single, report.pool)] == [12, 12, 12]
    assert report.single.events == report.pool.events > 0
    assert len(report.pool.peak_rss) >= 1
    text = report.markdown()
    assert "b/a" in text and "b/c" in text and "docs/s" in text


def test_rounds_run_in_turn_and_report_medians(articles):
    docs = bench.build_corpus(6, articles=articles)
    report = bench.run_speed(docs, workers=2, coder_factory=fake_coder, load_nlp=FakeNlp,
                             rounds=3)  # fmt: skip
    assert len(report.floors) == len(report.singles) == len(report.pools) == 3
    assert report.speedup == sorted(report.speedups)[1]
    assert report.time_ratio == sorted(report.time_ratios)[1]
    assert report.floor in report.floors
    text = report.markdown()
    assert "3 rounds" in text and "rounds: " in text


def test_a_round_count_below_one_is_refused(articles):
    with pytest.raises(ValueError, match="rounds"):
        bench.run_speed([], rounds=0)


def test_speed_command_records_in_benchmarks(tmp_path, articles, monkeypatch):
    from dyadwatch.commands import app

    floor = bench.measure_parse_floor
    monkeypatch.setattr(bench, "default_coder", fake_coder)
    monkeypatch.setattr(
        bench, "measure_parse_floor", lambda docs, size, load: floor(docs, size, FakeNlp)
    )
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["bench", "speed", "--docs", "4", "--articles", str(articles)])
    assert result.exit_code == 0, result.output
    recorded = (tmp_path / "docs" / "benchmarks.md").read_text(encoding="utf-8")
    assert "<!-- bench:speed -->" in recorded and "dyadwatch bench speed --docs 4" in recorded


def test_blocks_run_in_turn_over_slices_and_sum_to_the_whole(articles):
    docs = bench.build_corpus(10, articles=articles)
    whole = bench.run_speed(docs, workers=2, coder_factory=fake_coder, load_nlp=FakeNlp)
    report = bench.run_speed(docs, workers=2, coder_factory=fake_coder, load_nlp=FakeNlp,
                             blocks=3)  # fmt: skip
    assert len(report.floors) == 1 and report.blocks == 3
    assert [m.documents for m in (report.floor, report.single, report.pool)] == [10, 10, 10]
    assert report.single.events == report.pool.events == whole.single.events
    assert report.floor.words == whole.floor.words
    assert "3 blocks of about 4 documents" in report.markdown()


def test_a_block_count_below_one_is_refused():
    with pytest.raises(ValueError, match="blocks"):
        bench.run_speed([], blocks=0)
