"""Keep docs/benchmarks.md: one section per benchmark, newest run first, older runs kept.

Each section sits between ``<!-- bench:NAME -->`` and ``<!-- /bench:NAME -->`` markers, so
several benchmarks can record into the same file without touching each other's text.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
from pathlib import Path

HEADER = "# Benchmarks\n\nEvery figure below was produced by the command shown with it.\n"


def machine_line() -> str:
    """One line naming the machine: cores, Python, platform."""
    return f"{os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"


def record_run(path: Path, name: str, title: str, command: str, body: str) -> None:
    """Add one dated run (command + markdown figures) at the top of section `name`.

    Text between the section's heading and its first run (a note on what the figures
    mean) is kept; the heading is rewritten from `title`.
    """
    text = path.read_text(encoding="utf-8") if path.exists() else HEADER
    start, end = f"<!-- bench:{name} -->", f"<!-- /bench:{name} -->"
    entry = (
        f"### {dt.date.today().isoformat()}\n\n"
        f"Command: `{command}`  \nMachine: {machine_line()}\n\n{body.strip()}\n"
    )
    if start in text and end in text:
        head, rest = text.split(start, 1)
        old, tail = rest.split(end, 1)
        old = old.strip()
        preamble = ""
        if "###" in old:
            intro, old = old[: old.index("###")], old[old.index("###") :]
            note = intro.split("\n", 1)[1].strip() if "\n" in intro else ""
            preamble = f"{note}\n\n" if note else ""
        else:
            old = ""
        section = f"{start}\n## {title}\n\n{preamble}{entry}\n{old}\n{end}"
        text = head + section + tail
    else:
        text = text.rstrip() + f"\n\n{start}\n## {title}\n\n{entry}\n{end}\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
