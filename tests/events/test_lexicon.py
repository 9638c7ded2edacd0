"""The event trigger lexicon: built-in rows, matching order, lookups and validation."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyadwatch.errors import DataError
from dyadwatch.events.lexicon import (
    TRIGGER_COLUMNS,
    EventType,
    Lexicon,
    Trigger,
)
from dyadwatch.model import PLOVER_TYPES

HEADER = "\t".join(TRIGGER_COLUMNS)


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.load()


def write_triggers(tmp_path: Path, *rows: str, name: str = "mine.tsv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


# (lemma, pos, dependents) -> (event, mode) or None
MATCHES = [
    ("restrict", "VERB", set(), ("COERCE", "restrict")),
    ("set", "VERB", {"fire", "to"}, ("ASSAULT", None)),
    ("set", "VERB", {"fire"}, ("ASSAULT", None)),
    ("set", "VERB", set(), None),
    ("suspension", "NOUN", set(), ("SANCTION", "discontinue")),
    ("suspension", "NOUN", {"aid"}, ("SANCTION", "discontinue")),
    ("expel", "VERB", {"diplomat"}, ("SANCTION", "expel")),
    ("expel", "VERB", {"migrant"}, ("COERCE", "deport")),
    ("refuse", "VERB", set(), ("REJECT", None)),
    ("say", "VERB", set(), None),
    ("tell", "VERB", set(), None),
    ("add", "VERB", set(), None),
    ("strike", "VERB", set(), ("ASSAULT", None)),
    ("strike", "VERB", {"deal"}, ("AGREE", None)),
    ("strike", "NOUN", set(), ("PROTEST", "strike")),
    ("strike", "NOUN", {"hunger"}, ("PROTEST", "hunger")),
    ("strike", "NOUN", {"air"}, ("ASSAULT", "aerial")),
    ("crack", "VERB", {"down", "on"}, ("COERCE", None)),
    ("crack", "VERB", set(), None),
    ("cut", "VERB", {"tie"}, ("SANCTION", "withdraw")),
    ("cut", "VERB", {"aid"}, ("SANCTION", "discontinue")),
    ("pull", "VERB", {"out"}, ("RETREAT", "withdraw")),
    ("pull", "VERB", {"out", "of"}, ("RETREAT", "withdraw")),  # out of a place
    ("pull", "VERB", {"out", "of", "treaty"}, ("SANCTION", "withdraw")),
    ("pull", "VERB", {"out", "troop"}, ("RETREAT", "withdraw")),
    ("withdraw", "VERB", {"troop", "from"}, ("RETREAT", "withdraw")),
    ("withdraw", "VERB", {"from"}, ("RETREAT", "withdraw")),
    ("withdraw", "VERB", {"from", "agreement"}, ("SANCTION", "withdraw")),
    ("withdraw", "VERB", {"ambassador"}, ("SANCTION", "withdraw")),
    ("call", "VERB", {"for"}, ("REQUEST", None)),
    ("call", "VERB", {"off", "talk"}, ("SANCTION", "withdraw")),
    ("lash", "VERB", {"out", "at"}, ("ACCUSE", "disapprove")),
    ("take", "VERB", {"back"}, ("CONCEDE", None)),
    ("open", "VERB", {"fire"}, ("ASSAULT", "firearms")),
    ("fire", "VERB", set(), None),
    ("protest", "NOUN", set(), ("PROTEST", "demo")),
    ("protest", "NOUN", {"diplomatic"}, ("ACCUSE", "allege")),
    ("lift", "VERB", {"sanction"}, ("CONCEDE", None)),
    ("release", "VERB", {"prisoner"}, ("RETREAT", "release")),
    ("defy", "VERB", set(), ("REJECT", "yield")),
    ("criticise", "VERB", set(), ("ACCUSE", "disapprove")),
    ("criticize", "VERB", set(), ("ACCUSE", "disapprove")),
    ("exercise", "NOUN", set(), ("MOBILIZE", None)),
    ("exercise", "NOUN", {"joint"}, ("COOPERATE", None)),
    ("readiness", "NOUN", set(), ("AGREE", None)),
    ("readiness", "NOUN", {"combat"}, ("MOBILIZE", "alert")),
    ("meet", "VERB", {"demand"}, ("CONCEDE", None)),
    ("meet", "VERB", set(), ("CONSULT", None)),
    ("deploy", "VERB", {"peacekeeper"}, ("AID", "peacekeeping")),
    ("deploy", "VERB", set(), ("MOBILIZE", "troops")),
    ("embargo", "NOUN", set(), ("COERCE", "restrict")),
    ("sanction", "NOUN", set(), ("SANCTION", None)),
    ("Restrict", "VERB", set(), ("COERCE", "restrict")),
    ("strike", "NOUN", {"Israeli"}, ("ASSAULT", "aerial")),
]


@pytest.mark.parametrize(("lemma", "pos", "deps", "expected"), MATCHES)
def test_match(lexicon: Lexicon, lemma: str, pos: str, deps: set[str], expected) -> None:
    trig = lexicon.match(lemma, pos, deps)
    got = None if trig is None else (trig.event, trig.mode)
    assert got == expected


@pytest.mark.parametrize(
    ("lemma", "pos", "event"),
    [
        ("refuse", "VERB", "REJECT"),
        ("decline", "VERB", "REJECT"),
        ("threaten", "VERB", "THREATEN"),
        ("warn", "VERB", "THREATEN"),
        ("agree", "VERB", "AGREE"),
        ("promise", "VERB", "AGREE"),
        ("pledge", "VERB", "AGREE"),
        ("vow", "VERB", "AGREE"),
        ("offer", "VERB", "AGREE"),
        ("urge", "VERB", "REQUEST"),
        ("ask", "VERB", "REQUEST"),
        ("demand", "VERB", "REQUEST"),
        ("press", "VERB", "REQUEST"),
        ("request", "VERB", "REQUEST"),
        ("appeal", "VERB", "REQUEST"),
    ],
)
def test_frame_verbs(lexicon: Lexicon, lemma: str, pos: str, event: str) -> None:
    trig = lexicon.match(lemma, pos, set())
    assert trig is not None
    assert (trig.event, trig.frame) == (event, "xcomp")


@pytest.mark.parametrize("lemma", ["say", "tell", "add", "state", "note", "report", "announce"])
def test_verbs_of_saying_are_not_triggers(lexicon: Lexicon, lemma: str) -> None:
    assert lemma not in lexicon.lemmas
    assert lexicon.candidates(lemma, "VERB") == []


@pytest.mark.parametrize("lemma", ["plan", "intend", "decide", "try", "seek", "release", "return"])
def test_broad_verbs_need_dependents(lexicon: Lexicon, lemma: str) -> None:
    assert lexicon.match(lemma, "VERB", set()) is None


@pytest.mark.parametrize("event", PLOVER_TYPES)
def test_every_type_has_many_triggers(lexicon: Lexicon, event: str) -> None:
    assert sum(1 for t in lexicon if t.event == event) >= 15


@pytest.mark.parametrize(
    ("event", "quad", "sign"),
    [
        ("AGREE", 1, 1), ("CONSULT", 1, 1), ("SUPPORT", 1, 1),
        ("CONCEDE", 2, 1), ("COOPERATE", 2, 1), ("AID", 2, 1), ("RETREAT", 2, 1),
        ("REQUEST", 3, -1), ("ACCUSE", 3, -1), ("REJECT", 3, -1), ("THREATEN", 3, -1),
        ("PROTEST", 4, -1), ("SANCTION", 4, -1), ("MOBILIZE", 4, -1), ("COERCE", 4, -1),
        ("ASSAULT", 4, -1),
    ],
)  # fmt: skip
def test_types(lexicon: Lexicon, event: str, quad: int, sign: int) -> None:
    etype = lexicon.types[event]
    assert isinstance(etype, EventType)
    assert lexicon.quad(event) == quad
    assert etype.intensity * sign > 0
    assert len(etype.cameo_root) == 2


def test_quad_of_unknown_type(lexicon: Lexicon) -> None:
    with pytest.raises(KeyError):
        lexicon.quad("PARTY")


def test_candidates_most_specific_first(lexicon: Lexicon) -> None:
    rows = lexicon.candidates("withdraw", "VERB")
    sizes = [len(t.with_) for t in rows]
    assert sizes == sorted(sizes, reverse=True)
    assert rows[-1].with_ == ()


@pytest.mark.parametrize(
    ("lemma", "pos", "deps", "intensity", "cameo"),
    [
        ("restrict", "VERB", set(), -6.0, "172"),  # mode's values
        ("demand", "VERB", set(), -3.0, "100"),  # row's own intensity
        ("agree", "VERB", set(), 4.0, "030"),  # type's intensity, row's cameo
        ("blockade", "VERB", set(), -9.0, "191"),
        ("withdraw", "VERB", {"from"}, 5.0, "0874"),  # pulling back from a place
    ],
)
def test_intensity_and_cameo(lexicon, lemma, pos, deps, intensity, cameo) -> None:
    trig = lexicon.match(lemma, pos, deps)
    assert trig is not None
    assert lexicon.intensity(trig) == intensity
    assert lexicon.cameo(trig) == cameo


@pytest.mark.parametrize(
    ("trig", "intensity", "cameo"),
    [
        (Trigger("x", "VERB", "AID", "military", (), None, None, (), None), 8.3, "072"),
        (Trigger("x", "VERB", "AID", None, (), None, None, (), None), 7.0, "07"),
        (Trigger("x", "VERB", "AID", "military", (), "0711", 2.0, (), None), 2.0, "0711"),
    ],
)
def test_fallbacks(lexicon: Lexicon, trig: Trigger, intensity: float, cameo: str) -> None:
    assert lexicon.intensity(trig) == intensity
    assert lexicon.cameo(trig) == cameo


@pytest.mark.parametrize(
    ("lemma", "deps", "root"),
    [
        ("ask", set(), "02"),  # CAMEO 02: appeals and requests
        ("urge", set(), "02"),
        ("appeal", {"for"}, "02"),
        ("seek", {"aid"}, "02"),
        ("demand", set(), "10"),  # CAMEO 10: demands
        ("insist", {"on"}, "10"),
    ],
)
def test_appeals_and_demands_have_their_cameo_roots(lexicon, lemma, deps, root) -> None:
    trig = lexicon.match(lemma, "VERB", deps)
    assert trig is not None and trig.event == "REQUEST"
    assert (lexicon.cameo(trig) or "").startswith(root)


def test_every_row_validates(lexicon: Lexicon) -> None:
    assert len(lexicon) >= 700
    for trig in lexicon:
        assert trig.event in lexicon.types
        assert trig.pos in {"VERB", "NOUN"}
        assert trig.mode is None or (trig.event, trig.mode) in lexicon.modes
        assert set(trig.context) <= lexicon.contexts
        assert -10 <= lexicon.intensity(trig) <= 10
        assert trig.lemma in lexicon.lemmas


def test_default_load_is_cached() -> None:
    assert Lexicon.load() is Lexicon.load()


def test_user_file_adds_and_overrides(tmp_path: Path) -> None:
    path = write_triggers(
        tmp_path,
        "# my own triggers",
        "embargo\tVERB\t\tCOERCE\trestrict\teconomic\t163\t-7\t\tto embargo goods",
        "restrict\tVERB\t\tSANCTION\tdiscontinue\t\t\t\t\trecoded",
    )
    lex = Lexicon.load(extra=[path])
    added = lex.match("embargo", "VERB", set())
    assert added is not None and added.context == ("economic",) and added.intensity == -7.0
    recoded = lex.match("restrict", "VERB", set())
    assert recoded is not None and recoded.event == "SANCTION"
    assert Lexicon.load().match("restrict", "VERB", set()).event == "COERCE"


BAD_ROWS = [
    ("restrict\tVERB\t\tPUNISH\t\t\t\t\t\t", "unknown event type"),
    ("restrict\tADJ\t\tCOERCE\t\t\t\t\t\t", "pos"),
    ("restrict\tVERB\t\tCOERCE\tbomb\t\t\t\t\t", "not a mode of COERCE"),
    ("restrict\tVERB\t\tCOERCE\t\tweather\t\t\t\t", "unknown context"),
    ("restrict\tVERB\t\tCOERCE\t\t\t17x\t\t\t", "cameo"),
    ("restrict\tVERB\t\tCOERCE\t\t\t\t-12\t\t", "outside"),
    ("restrict\tVERB\t\tCOERCE\t\t\t\tmuch\t\t", "not a number"),
    ("restrict\tVERB\t\tCOERCE\t\t\t\t\tccomp\t", "frame"),
    ("Restrict Now\tVERB\t\tCOERCE\t\t\t\t\t\t", "lemma"),
    ("\tVERB\t\tCOERCE\t\t\t\t\t\t", "lemma is empty"),
    ("restrict\tVERB\t\tCOERCE\t\t\t\t\t\t\textra", "columns"),
]


@pytest.mark.parametrize(("row", "message"), BAD_ROWS)
def test_bad_user_row(tmp_path: Path, row: str, message: str) -> None:
    path = write_triggers(tmp_path, "# comment", "", row)
    with pytest.raises(DataError, match=rf"^mine\.tsv:4: .*{message}"):
        Lexicon.load(extra=[path])


def test_duplicate_row(tmp_path: Path) -> None:
    row = "curb\tVERB\tdown\tCOERCE\trestrict\t\t\t\t\t"
    path = write_triggers(tmp_path, row, "curb\tVERB\tdown\tCOERCE\tban\t\t\t\t\t")
    with pytest.raises(DataError, match=r"^mine\.tsv:3: duplicate trigger"):
        Lexicon.load(extra=[path])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("lemma\tpos\n", "missing columns"),
        ("# only a comment\n", "no header"),
    ],
)
def test_bad_header(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "mine.tsv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match=message):
        Lexicon.load(extra=[path])


def test_missing_user_file(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="cannot read"):
        Lexicon.load(extra=[tmp_path / "absent.tsv"])
