"""The event trigger lexicon: which head words signal which PLOVER events.

The lexicon lives in tab-separated files under ``events/data/`` (described in
``docs/lexicons.md``):

- ``types.tsv``: the 16 PLOVER event types with quad class, default intensity and CAMEO root;
- ``modes.tsv``: the modes of each type, with their own intensity and CAMEO code;
- ``contexts.tsv``: the contexts a trigger may carry;
- ``triggers.tsv``: one trigger per line, a head lemma plus the dependents it needs.

Every file is validated when loaded; a bad line raises :class:`DataError` naming the file
and the line. Users add triggers in their own files of the ``triggers.tsv`` form and pass
them to :meth:`Lexicon.load`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import DataError
from ..model import PLOVER_TYPES
from ..tables import read_table, shown

DATA_DIR = Path(__file__).resolve().parent / "data"
TRIGGERS_FILE = DATA_DIR / "triggers.tsv"
TYPES_FILE = DATA_DIR / "types.tsv"
MODES_FILE = DATA_DIR / "modes.tsv"
CONTEXTS_FILE = DATA_DIR / "contexts.tsv"

POS_TAGS = frozenset({"VERB", "NOUN"})
FRAMES = frozenset({"xcomp", "mutual"})  # mutual: both sides act at once ("traded fire")
QUAD_CODES = frozenset({1, 2, 3, 4})
MIN_INTENSITY, MAX_INTENSITY = -10.0, 10.0

TRIGGER_COLUMNS = (
    "lemma", "pos", "with", "event", "mode", "context", "cameo", "intensity", "frame", "note",
)  # fmt: skip
TYPE_COLUMNS = ("event", "quad_code", "intensity", "cameo_root", "description")
MODE_COLUMNS = ("event", "mode", "intensity", "cameo", "description")
CONTEXT_COLUMNS = ("context", "description")

_LEMMA = re.compile(r"[a-z][a-z0-9'\-]*")
_NAME = re.compile(r"[a-z][a-z_\-]*")
_CAMEO = re.compile(r"\d{2,4}")


@dataclass(frozen=True)
class Trigger:
    """One lexicon row: a head lemma (plus required dependents) and the event it signals.

    ``with_`` lists lemmas that must also be direct dependents of the head; ``frame`` is
    ``"xcomp"`` when the head's clausal complement is the content of the event ("refused
    to negotiate"), else None. ``mode``, ``cameo`` and ``intensity`` are None when the row
    leaves them to the mode or the type.
    """

    lemma: str
    pos: str
    event: str
    mode: str | None
    context: tuple[str, ...]
    cameo: str | None
    intensity: float | None
    with_: tuple[str, ...]
    frame: str | None


@dataclass(frozen=True)
class EventType:
    """A PLOVER event type with its quad class, default intensity and nearest CAMEO root."""

    event: str
    quad_code: int
    intensity: float
    cameo_root: str
    description: str


@dataclass(frozen=True)
class Mode:
    """A PLOVER mode of one event type, with its intensity and nearest CAMEO code."""

    event: str
    mode: str
    intensity: float
    cameo: str
    description: str


class Lexicon:
    """Triggers indexed by (lemma, pos), with the type and mode tables they refer to.

    Build one with :meth:`load`; the default lexicon is loaded once per process.
    """

    def __init__(
        self,
        types: dict[str, EventType],
        modes: dict[tuple[str, str], Mode],
        contexts: frozenset[str],
        triggers: Iterable[Trigger],
    ) -> None:
        self.types: dict[str, EventType] = dict(types)
        self.modes: dict[tuple[str, str], Mode] = dict(modes)
        self.contexts: frozenset[str] = contexts
        # A later row with the same (lemma, pos, with) replaces an earlier one, so a user
        # file can recode a built-in trigger.
        unique: dict[tuple[str, str, tuple[str, ...]], Trigger] = {}
        for trig in triggers:
            unique[(trig.lemma, trig.pos, trig.with_)] = trig
        index: dict[tuple[str, str], list[Trigger]] = {}
        for trig in unique.values():
            index.setdefault((trig.lemma, trig.pos), []).append(trig)
        # Most specific first: more required dependents wins; ties keep file order.
        self._index: dict[tuple[str, str], tuple[Trigger, ...]] = {
            key: tuple(sorted(rows, key=lambda t: -len(t.with_))) for key, rows in index.items()
        }
        self.lemmas: frozenset[str] = frozenset(lemma for lemma, _ in self._index)

    def __len__(self) -> int:
        return sum(len(rows) for rows in self._index.values())

    def __iter__(self) -> Iterator[Trigger]:
        for rows in self._index.values():
            yield from rows

    def candidates(self, lemma: str, pos: str) -> list[Trigger]:
        """Return the triggers for a head ``lemma`` with part of speech ``pos`` ("VERB" or
        "NOUN"), most specific (longest ``with_``) first; empty when there are none."""
        return list(self._index.get((lemma.lower(), pos), ()))

    def match(self, lemma: str, pos: str, dependents: set[str]) -> Trigger | None:
        """Return the first candidate whose ``with_`` lemmas all appear in ``dependents``
        (the lemmas of the head's direct dependents), or None when no row fits."""
        rows = self._index.get((lemma.lower(), pos))
        if not rows:
            return None
        deps = {d.lower() for d in dependents}
        for trig in rows:
            if all(w in deps for w in trig.with_):
                return trig
        return None

    def mode(self, event: str, mode: str | None) -> Mode | None:
        """Return the mode record for ``event``/``mode``, or None when ``mode`` is None."""
        if mode is None:
            return None
        return self.modes.get((event, mode))

    def intensity(self, trig: Trigger) -> float:
        """Return the trigger's intensity: its own override, else its mode's, else its type's."""
        if trig.intensity is not None:
            return trig.intensity
        mode = self.mode(trig.event, trig.mode)
        if mode is not None:
            return mode.intensity
        return self.types[trig.event].intensity

    def quad(self, event: str) -> int:
        """Return the quad class (1-4) of a PLOVER event type; KeyError if unknown."""
        try:
            return self.types[event].quad_code
        except KeyError:
            raise KeyError(f"unknown event type {event!r}") from None

    def cameo(self, trig: Trigger) -> str | None:
        """Return the nearest CAMEO code: the trigger's own, else its mode's, else the type root."""
        if trig.cameo is not None:
            return trig.cameo
        mode = self.mode(trig.event, trig.mode)
        if mode is not None:
            return mode.cameo
        etype = self.types.get(trig.event)
        return etype.cameo_root if etype is not None else None

    @classmethod
    def load(cls, extra: Iterable[Path] = ()) -> Lexicon:
        """Return the built-in lexicon plus the triggers in ``extra`` (files in the
        ``triggers.tsv`` format, applied in order). Raises DataError on any bad line.
        The built-in lexicon alone is loaded once and shared."""
        paths = tuple(Path(p) for p in extra)
        if not paths:
            return _default_lexicon()
        types, modes, contexts = _load_tables()
        triggers = list(read_triggers(TRIGGERS_FILE, types, modes, contexts))
        for path in paths:
            triggers.extend(read_triggers(path, types, modes, contexts))
        return cls(types, modes, contexts, triggers)


@lru_cache(maxsize=1)
def _load_tables() -> tuple[dict[str, EventType], dict[tuple[str, str], Mode], frozenset[str]]:
    types = read_types(TYPES_FILE)
    return types, read_modes(MODES_FILE, types), read_contexts(CONTEXTS_FILE)


@lru_cache(maxsize=1)
def _default_lexicon() -> Lexicon:
    types, modes, contexts = _load_tables()
    return Lexicon(types, modes, contexts, read_triggers(TRIGGERS_FILE, types, modes, contexts))


# --- reading and validating the files ------------------------------------------------------


def _rows(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[str, dict[str, str]]]:
    """Yield ``("file:line", {column: value})`` for each data row of a TSV file, read by the
    shared table reader (a header naming ``columns``; missing trailing cells read as empty)."""
    where = shown(path)
    for number, row in read_table(path, required=columns, allowed=columns):
        yield f"{where}:{number}", row


def _float(value: str, where: str, column: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise DataError(f"{where}: {column} {value!r} is not a number") from None
    if not MIN_INTENSITY <= number <= MAX_INTENSITY:
        raise DataError(f"{where}: {column} {number} outside {MIN_INTENSITY}..{MAX_INTENSITY}")
    return number


def _cameo(value: str, where: str, column: str) -> str:
    if not _CAMEO.fullmatch(value):
        raise DataError(f"{where}: {column} {value!r} must be 2 to 4 digits")
    return value


def _required(row: dict[str, str], column: str, where: str) -> str:
    value = row[column]
    if not value:
        raise DataError(f"{where}: {column} is empty")
    return value


def read_types(path: Path) -> dict[str, EventType]:
    """Read ``types.tsv``: exactly one row per PLOVER event type. Raises DataError."""
    types: dict[str, EventType] = {}
    for where, row in _rows(path, TYPE_COLUMNS):
        event = _required(row, "event", where)
        if event not in PLOVER_TYPES:
            raise DataError(f"{where}: unknown event type {event!r}")
        if event in types:
            raise DataError(f"{where}: duplicate event type {event}")
        try:
            quad = int(row["quad_code"])
        except ValueError:
            raise DataError(f"{where}: quad_code {row['quad_code']!r} is not 1-4") from None
        if quad not in QUAD_CODES:
            raise DataError(f"{where}: quad_code {quad} is not 1-4")
        intensity = _float(_required(row, "intensity", where), where, "intensity")
        if (quad <= 2) != (intensity >= 0):
            raise DataError(f"{where}: intensity {intensity} has the wrong sign for quad {quad}")
        cameo_root = _cameo(_required(row, "cameo_root", where), where, "cameo_root")
        types[event] = EventType(event, quad, intensity, cameo_root, row["description"])
    missing = [e for e in PLOVER_TYPES if e not in types]
    if missing:
        raise DataError(f"{path.name}: missing event types {' '.join(missing)}")
    return types


def read_modes(path: Path, types: dict[str, EventType]) -> dict[tuple[str, str], Mode]:
    """Read ``modes.tsv``, checking each event is a known type. Raises DataError."""
    modes: dict[tuple[str, str], Mode] = {}
    for where, row in _rows(path, MODE_COLUMNS):
        event = _required(row, "event", where)
        if event not in types:
            raise DataError(f"{where}: unknown event type {event!r}")
        name = _required(row, "mode", where)
        if not _NAME.fullmatch(name):
            raise DataError(f"{where}: mode {name!r} must be lowercase letters, '-' or '_'")
        if (event, name) in modes:
            raise DataError(f"{where}: duplicate mode {event} {name}")
        intensity = _float(_required(row, "intensity", where), where, "intensity")
        cameo = _cameo(_required(row, "cameo", where), where, "cameo")
        modes[(event, name)] = Mode(event, name, intensity, cameo, row["description"])
    return modes


def read_contexts(path: Path) -> frozenset[str]:
    """Read ``contexts.tsv`` and return the context names. Raises DataError."""
    names: set[str] = set()
    for where, row in _rows(path, CONTEXT_COLUMNS):
        name = _required(row, "context", where)
        if not _NAME.fullmatch(name):
            raise DataError(f"{where}: context {name!r} must be lowercase letters, '-' or '_'")
        if name in names:
            raise DataError(f"{where}: duplicate context {name}")
        names.add(name)
    return frozenset(names)


def read_triggers(
    path: Path,
    types: dict[str, EventType],
    modes: dict[tuple[str, str], Mode],
    contexts: frozenset[str],
) -> list[Trigger]:
    """Read one file in the ``triggers.tsv`` format and return its triggers in file order.

    Raises DataError ("file:line: ...") for an unknown event type, part of speech, mode,
    context or frame, a malformed lemma, CAMEO code or intensity, or a (lemma, pos, with)
    key that appears twice in the file.
    """
    triggers: list[Trigger] = []
    seen: dict[tuple[str, str, tuple[str, ...]], str] = {}
    for where, row in _rows(path, TRIGGER_COLUMNS):
        lemma = _required(row, "lemma", where)
        if not _LEMMA.fullmatch(lemma):
            raise DataError(f"{where}: lemma {lemma!r} must be one lowercase word")
        pos = _required(row, "pos", where)
        if pos not in POS_TAGS:
            raise DataError(f"{where}: pos {pos!r} must be one of {' '.join(sorted(POS_TAGS))}")
        with_ = tuple(sorted(set(row["with"].split())))
        for word in with_:
            if not _LEMMA.fullmatch(word):
                raise DataError(f"{where}: with lemma {word!r} must be one lowercase word")
        event = _required(row, "event", where)
        if event not in types:
            raise DataError(f"{where}: unknown event type {event!r}")
        mode = row["mode"] or None
        if mode is not None and (event, mode) not in modes:
            raise DataError(f"{where}: mode {mode!r} is not a mode of {event} in modes.tsv")
        context = tuple(c for c in row["context"].split("|") if c)
        for name in context:
            if name not in contexts:
                raise DataError(f"{where}: unknown context {name!r} (see contexts.tsv)")
        cameo = _cameo(row["cameo"], where, "cameo") if row["cameo"] else None
        intensity = _float(row["intensity"], where, "intensity") if row["intensity"] else None
        frame = row["frame"] or None
        if frame is not None and frame not in FRAMES:
            raise DataError(f"{where}: frame {frame!r} must be empty, xcomp or mutual")
        key = (lemma, pos, with_)
        if key in seen:
            raise DataError(
                f"{where}: duplicate trigger {lemma}/{pos} with {with_} (first at {seen[key]})"
            )
        seen[key] = where
        triggers.append(Trigger(lemma, pos, event, mode, context, cameo, intensity, with_, frame))
    return triggers
