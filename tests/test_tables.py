"""The one table reader every data file goes through, its named word lists, and a guard
that lists of English words stay in data files, not in Python."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from spacy.glossary import GLOSSARY

from dyadwatch.errors import DataError
from dyadwatch.tables import word_lists, words

SRC = Path(__file__).resolve().parents[1] / "src" / "dyadwatch"


def write(tmp_path: Path, text: str, name: str = "words.tsv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_word_lists_read_named_lists(tmp_path: Path) -> None:
    path = write(tmp_path, "# a comment\nlist\tword\tnote\nnoises\tbang\n\nnoises\tcrash\tloud\n"
                           "pairs\teach other\n")  # fmt: skip
    assert word_lists(path) == {"noises": {"bang", "crash"}, "pairs": {"each other"}}
    assert words(path, "pairs") == frozenset({"each other"})


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("list\n", r"^bad\.tsv:1: missing columns \['word'\]"),
        ("list\tword\tcolour\n", r"^bad\.tsv:1: unknown columns \['colour'\]"),
        ("# lists\nlist\tword\nNoises\tbang\n", r"^bad\.tsv:3: bad list name 'Noises'"),
        ("list\tword\nnoises\t\n", r"^bad\.tsv:2: bad word ''"),
        ("list\tword\nnoises\tbig  bang\n", r"^bad\.tsv:2: bad word 'big  bang'"),
        ("list\tword\nnoises\tbang\nnoises\tbang\n", r"^bad\.tsv:3: 'bang' is listed twice"),
        ("list\tword\nnoises\tbang\tloud\textra\n", r"^bad\.tsv:2: 4 cells for 2 columns"),
    ],
)
def test_bad_word_file_names_file_and_line(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(DataError, match=message):
        word_lists(write(tmp_path, text, "bad.tsv"))


def test_missing_list_names_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, "list\tword\nnoises\tbang\n")
    with pytest.raises(DataError, match=r"^words\.tsv: no word list 'colours'"):
        words(path, "colours")


def test_shipped_word_files_load() -> None:
    files = sorted(SRC.rglob("data/words.tsv"))
    assert len(files) >= 5
    for path in files:
        assert all(word_lists(path).values())


# A literal of three or more lowercase words is a word list, unless every item is a spaCy
# label (dependency, part of speech) or the constant is listed below.
MIN_WORDS = 3
WORDLIKE = re.compile(r"^[a-z][a-z' -]*$")
NOT_ENGLISH = {
    # kinds and forms: the values of a column in the actor, place and watch tables
    ("actors/kb.py", "KINDS"),
    ("actors/kb.py", "FORM_KINDS"),
    ("actors/resolve.py", "NAMING_FORMS"),
    ("actors/names.py", "NAME_FORMS"),
    ("actors/people.py", "STATE_NAMES"),
    ("actors/people.py", "MODIFYING_FORMS"),
    ("events/context.py", "STATE_FORMS"),
    ("actors/kb.py", "ORG_KINDS"),
    ("actors/kb.py", "USER_KINDS"),
    ("attributes/gazetteer.py", "KINDS"),
    ("watch/settings.py", "KINDS"),
    # the kinds of rows in date_words.tsv and numbers.tsv
    ("attributes/expressions.py", "date_words"),
    ("attributes/expressions.py", "number_words"),
    # date parts dateparser must find, and date precisions
    ("attributes/expressions.py", "_dateparser"),
    ("analysis/timeline.py", "DRAWN_PRECISIONS"),
    ("store/reader.py", "SERIES_PRECISIONS"),
    # gold statuses, factuality labels, alert channels, store tables
    ("evaluate/goldfile.py", "STATUSES"),
    ("decisions.py", "negated_cooperation"),
    ("store/watchstate.py", "CHANNELS"),
    ("store/reader.py", "counts"),
    # language names and codes a document may declare
    ("read/checks.py", "ENGLISH_NAMES"),
    # column and field names of tables and records read or written
    ("events/lexicon.py", "TRIGGER_COLUMNS"),
    ("events/lexicon.py", "MODE_COLUMNS"),
    ("commands/demo.py", "demo_command"),
    ("commands/store.py", "dyad_command"),
    ("evaluate/goldfile.py", "gold_from_row"),
    ("evaluate/run.py", "SUMMARY_COLUMNS"),
    ("evaluate/tables.py", "gold_table"),
    ("evaluate/tables.py", "gold_error_tables"),
    ("actors/kb.py", "_read_orgs"),
    ("actors/kb.py", "_read_groups"),
    ("actors/kb.py", "_read_people"),
    ("actors/kb.py", "_read_roles"),
    ("attributes/expressions.py", "WORD_VALUE_COLUMNS"),
    ("attributes/factuality.py", "CUE_COLUMNS"),
    ("evaluate/plover_gsr.py", "plover_record"),
    ("events/confidence.py", "COLUMNS"),
    ("events/nonevents.py", "COLUMNS"),
    ("read/jsonl.py", "OPTIONAL_FIELDS"),
    ("tables.py", "WORD_COLUMNS"),
    ("watch/settings.py", "settings_from_dict"),
    ("web/pages.py", "_mention_view"),
    ("read/checks.py", "check_fields_unicode"),
    # the factuality labels of an event record
    ("model.py", "FACTUALITY"),
    ("web/pages.py", "FACTUALITIES"),
    # names of the checks two mentions go through when merged
    ("link/merge.py", "join_checks"),
    # HTML element names
    ("read/markup.py", "_INVISIBLE"),
}


def _owner(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> str:
    """The constant a literal is assigned to, else the function it sits in."""
    while node in parents:
        node = parents[node]
        named = isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)
        if named and not isinstance(parents.get(node), ast.FunctionDef):
            return node.targets[0].id
        if isinstance(node, ast.FunctionDef):
            return node.name
    return ""


def word_list_literals(path: Path, root: Path = SRC, allowed=NOT_ENGLISH) -> list[str]:
    """``FILE:LINE NAME`` for each set, tuple or list literal of English words in a module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parents = {c: n for n in ast.walk(tree) for c in ast.iter_child_nodes(n)}
    rel = path.relative_to(root).as_posix()
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, (ast.Set, ast.Tuple, ast.List)) or len(node.elts) < MIN_WORDS:
            continue
        items = [e.value for e in node.elts if isinstance(e, ast.Constant)]
        if len(items) < len(node.elts) or not all(
            isinstance(i, str) and WORDLIKE.match(i) for i in items
        ):
            continue
        if all(i in GLOSSARY for i in items):
            continue  # dependency labels, parts of speech
        owner = _owner(node, parents)
        if (rel, owner) not in allowed:
            found.append(f"{rel}:{node.lineno} {owner}")
    return found


def test_no_english_word_lists_in_python() -> None:
    found = [hit for path in sorted(SRC.rglob("*.py")) for hit in word_list_literals(path)]
    assert found == [], "move these word lists to the stage's data/words.tsv"


def test_every_allowed_constant_is_still_there() -> None:
    for rel, owner in sorted(NOT_ENGLISH):
        hits = word_list_literals(SRC / rel, allowed=set())
        assert any(hit.endswith(f" {owner}") for hit in hits), (rel, owner)


def test_the_check_finds_word_lists_only(tmp_path: Path) -> None:
    path = write(tmp_path, 'DAYS = {"monday", "tuesday", "wednesday", "thursday", "friday"}\n'
                           'DEPS = ("nsubj", "dobj", "prep", "pobj", "amod")\n'
                           'def f(w):\n    return w in ("of", "from", "for", "in", "to")\n'
                           'CODES = ("ABC", "DEF", "GHI", "JKL", "MNO")\n', "probe.py")  # fmt: skip
    assert word_list_literals(path, tmp_path) == ["probe.py:1 DAYS", "probe.py:4 f"]
