"""spaCy imported without its command line, in a fresh interpreter each time."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def _run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                          text=True, timeout=120, check=True)  # fmt: skip
    return done.stdout.strip()


def test_first_import_skips_spacys_command_line_and_keeps_it_importable():
    out = _run("""
        import sys
        from dyadwatch.spacy_import import defer_spacy_cli
        defer_spacy_cli()
        import spacy
        print("cli" if "spacy.cli" in sys.modules or hasattr(spacy, "cli") else "no-cli")
        print(type(spacy.info()).__name__)
        import spacy.cli
        print(callable(spacy.cli.download))
    """)
    assert out.splitlines() == ["no-cli", "dict", "True"]


def test_the_command_line_module_arranges_it_and_the_library_does_not():
    out = _run("""
        import sys
        import dyadwatch.coder
        print("cli" if "spacy.cli" in sys.modules else "no-cli")
    """)
    assert out == "cli"
    out = _run("""
        import sys
        import dyadwatch.cli
        from dyadwatch.coder import Coder
        print("cli" if "spacy.cli" in sys.modules else "no-cli")
    """)
    assert out == "no-cli"


def test_nothing_changes_once_spacy_is_imported():
    out = _run("""
        import sys
        import spacy
        from dyadwatch.spacy_import import defer_spacy_cli
        before = list(sys.meta_path)
        defer_spacy_cli()
        print(sys.meta_path == before)
    """)
    assert out == "True"
