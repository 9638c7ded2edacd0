"""A fault run: 200 documents, 10 of them poisoned, coded on both engines.

    PYTHONPATH=src .venv/bin/python benchmarks/fault_run.py [--workers 2] [--no-record]

The 200 documents are made from the demo articles (``src/dyadwatch/demo/articles.jsonl``):
document k takes article k mod 13 with its paragraphs rotated and one left out, so every
text differs. Ten of them, spread through the file, are replaced by poisoned lines: lone
surrogates, JSON nested 5,000 deep, a 5,000-digit number, NUL bytes, binary bytes,
invalid UTF-8, HTML with nothing visible, a bad date. Each engine (local pool and Dask)
codes the clean 190 and the poisoned 200 through the ``dyadwatch code`` command; the run
passes when the 190 good documents' events are identical in both, every poisoned line is
named in a `skipped` message, and the exit code is 1 (0 for the clean run). The figures go
to the ``robustness`` section of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "src" / "dyadwatch" / "demo" / "articles.jsonl"
N_DOCS = 200
POISON_AT = [7, 26, 45, 64, 83, 102, 121, 140, 159, 178]  # 0-based positions in the file


def documents() -> list[dict[str, str]]:
    """N_DOCS distinct documents built from the demo articles."""
    articles = [json.loads(line) for line in ARTICLES.read_text(encoding="utf-8").splitlines()]
    docs = []
    for k in range(N_DOCS):
        art = articles[k % len(articles)]
        paras = art["text"].split("\n\n")
        turn = k // len(articles)
        shift = turn % len(paras)
        rotated = paras[shift:] + paras[:shift]
        drop = (turn // len(paras)) % len(rotated)
        kept = rotated[:drop] + rotated[drop + 1 :] if turn >= len(paras) else rotated
        docs.append({"id": f"fault-{k:03d}", "date": art["date"], "title": art["title"],
                     "url": f"https://example.org/fault/{k:03d}", "text": "\n\n".join(kept)})  # fmt: skip
    return docs


def poisoned(doc: dict[str, str], kind: int) -> bytes:
    """One poisoned line (no newline) standing in for ``doc``."""
    base = dict(doc)
    text = base["text"]
    if kind == 0:
        return json.dumps({**base, "text": text + "\ud800"}).encode()
    if kind == 1:
        return json.dumps({**base, "title": "\udfff"}).encode()
    if kind == 2:
        nest = "[" * 5000 + "]" * 5000
        return json.dumps(base)[:-1].encode() + b', "extra": ' + nest.encode() + b"}"
    if kind == 3:
        return json.dumps(base)[:-1].encode() + b', "count": ' + b"7" * 5000 + b"}"
    if kind == 4:
        return json.dumps(base).encode().replace(b"The ", b"The \x00", 1)
    if kind == 5:
        return bytes(b for b in range(256) if b != 0x0A) * 4  # no newline: one line
    if kind == 6:
        return json.dumps(base).encode().replace(b"the ", b"th\xe9 ", 1)
    if kind == 7:
        return json.dumps({**base, "text": "<script>" + text + "</script>"}).encode()
    if kind == 8:
        return json.dumps({**base, "date": 10**40}).encode()
    return json.dumps({**base, "text": text + "\ud83d"}).encode()  # half of a surrogate pair


def write_inputs(folder: Path) -> tuple[Path, Path, list[str]]:
    """The clean file (190 documents), the poisoned file (200) and the poisoned ids."""
    docs = documents()
    clean, dirty, bad_ids = [], [], []
    for k, doc in enumerate(docs):
        if k in POISON_AT:
            dirty.append(poisoned(doc, POISON_AT.index(k)))
            bad_ids.append(doc["id"])
        else:
            line = json.dumps(doc).encode()
            clean.append(line)
            dirty.append(line)
    (folder / "clean.jsonl").write_bytes(b"\n".join(clean) + b"\n")
    (folder / "dirty.jsonl").write_bytes(b"\n".join(dirty) + b"\n")
    return folder / "clean.jsonl", folder / "dirty.jsonl", bad_ids


def run_code(inp: Path, out: Path, engine: str, workers: int) -> tuple[int, str, float]:
    cmd = [sys.executable, "-m", "dyadwatch", "code", str(inp), "-o", str(out), "--workers",
           str(workers), "--engine", engine]  # fmt: skip
    start = time.perf_counter()
    proc = subprocess.run(cmd, check=False, capture_output=True, text=True,
                          env=os.environ.copy())  # fmt: skip
    return proc.returncode, proc.stderr, time.perf_counter() - start


def events_of(out: Path, engine: str) -> list[str]:
    """The output's events as sorted canonical JSON lines."""
    if engine == "local":
        rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    else:
        from dyadwatch.scale.parquet import read_events

        rows = read_events(out)
    return sorted(json.dumps(r, sort_keys=True, ensure_ascii=False) for r in rows)


def named(stderr: str, bad_ids: list[str], dirty: Path) -> list[bool]:
    """For each poisoned line: whether a `skipped` message names its id or its line."""
    skipped = [line for line in stderr.splitlines() if line.startswith("skipped ")]
    out = []
    for k, doc_id in zip(POISON_AT, bad_ids, strict=True):
        line_ref = f"{dirty}, line {k + 1}"
        out.append(any(doc_id in s or line_ref in s for s in skipped))
    return out


def run_engine(folder: Path, engine: str, workers: int, bad_ids: list[str]) -> dict[str, object]:
    clean, dirty = folder / "clean.jsonl", folder / "dirty.jsonl"
    suffix = ".jsonl" if engine == "local" else ""
    rc_clean, err_clean, s_clean = run_code(clean, folder / f"{engine}-clean{suffix}", engine,
                                            workers)  # fmt: skip
    rc_dirty, err_dirty, s_dirty = run_code(dirty, folder / f"{engine}-dirty{suffix}", engine,
                                            workers)  # fmt: skip
    good = events_of(folder / f"{engine}-clean{suffix}", engine)
    got = events_of(folder / f"{engine}-dirty{suffix}", engine)
    names = named(err_dirty, bad_ids, dirty)
    skipped = sum(line.startswith("skipped ") for line in err_dirty.splitlines())
    return {
        "engine": engine, "rc_clean": rc_clean, "rc_dirty": rc_dirty, "events": len(good),
        "identical": got == good, "named": sum(names), "skipped_lines": skipped,
        "seconds_clean": s_clean, "seconds_dirty": s_dirty,
        "summary": (err_dirty.strip().splitlines() or [""])[-1],
        "ok": rc_clean == 0 and rc_dirty == 1 and got == good and all(names) and skipped == 10,
        "stderr_clean": err_clean,
    }  # fmt: skip


def markdown(results: list[dict[str, object]], workers: int) -> str:
    rows = [
        (
            "| engine | clean rc | poisoned rc | events (190 good docs) | identical to clean | "
            "poisoned named | skipped lines | s clean | s poisoned | pass |"
        ),
        "|---|---:|---:|---:|---|---:|---:|---:|---:|---|",
    ]
    for r in results:
        rows.append(
            f"| {r['engine']} ({workers} workers) | {r['rc_clean']} | {r['rc_dirty']} | "
            f"{r['events']} | {'yes' if r['identical'] else 'NO'} | {r['named']}/10 | "
            f"{r['skipped_lines']} | {r['seconds_clean']:.1f} | {r['seconds_dirty']:.1f} | "
            f"{'yes' if r['ok'] else 'NO'} |"
        )
    rows.append("")
    rows.append("Poisons, one each: lone surrogate in `text`, in `title`, JSON nested 5,000 deep, "
                "a 5,000-digit number, a NUL byte, 1 KiB of binary bytes, invalid UTF-8, "
                "HTML with only a `<script>`, a numeric date, half a surrogate pair.")  # fmt: skip
    for r in results:
        rows.append(f"- {r['engine']}, last line of the poisoned run: `{r['summary']}`")
    return "\n".join(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--engines", default="local,dask")
    parser.add_argument("--no-record", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        _, _, bad_ids = write_inputs(folder)
        results = [run_engine(folder, e, args.workers, bad_ids) for e in args.engines.split(",")]
    body = markdown(results, args.workers)
    print(body)
    for r in results:
        if r["rc_clean"] != 0:
            print(r["stderr_clean"], file=sys.stderr)
    if not args.no_record:
        from dyadwatch.evaluate.benchdoc import record_run

        command = f"python benchmarks/fault_run.py --workers {args.workers}"
        record_run(ROOT / "docs" / "benchmarks.md", "robustness", "Robustness: fault runs and "
                   "fuzzing", command, "Fault run, 200 documents with 10 poisoned:\n\n" + body)  # fmt: skip
    return 0 if all(r["ok"] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
