"""The official reason given for an action: "due to mines found in the port's waters"."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from .because import because_mark, says_later
from .factuality import cues

QUOTES = "\"'“”‘’«» "
NOMINAL_DEPS = ("prep", "pcomp", "pobj", "dobj", "obj")  # how a phrase hangs inside a clause
NOT_ALONE = ("over",)  # names a subject of dispute more often than a reason


def stated_reason(trigger: Token) -> str | None:
    """A reason phrase ("due to X", "because of X", "citing X", "because X did Y") attached to
    the trigger, the clause it sits in, or the copula it is the subject of; X as written."""
    seen = set()
    node = trigger
    for _ in range(4):
        for tok in _reason_sites(node):
            if tok.i in seen:
                continue
            seen.add(tok.i)
            found = _because_clause(tok, trigger) or _citing(tok) or _reason_phrase(tok)
            if found:
                return found
        if node.dep_ == "ROOT" or node.dep_ in ("ccomp", "advcl"):
            break
        node = node.head
    return None


def _reason_sites(node: Token):
    """The node, the predicates beside it, and the phrases inside their clauses."""
    yield from _within(node)
    for child in node.children:
        if child.dep_ in ("xcomp", "acomp", "prep", "advcl", "conj"):
            yield child
            for g in child.children:
                if g.dep_ in ("xcomp", "acomp", "prep"):
                    yield from _within(g)


def _within(tok: Token):
    """`tok` and the prepositions and objects below it, not crossing into another clause."""
    yield tok
    for child in tok.children:
        if child.dep_ in NOMINAL_DEPS:
            yield from _within(child)


@lru_cache(maxsize=1)
def _cue_phrases() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The reason cues as word sequences by their last word, longest first."""
    phrases = {tuple(cue.split()) for cue in cues()["reason"]} - {NOT_ALONE}
    by_last: dict[str, list[tuple[str, ...]]] = {}
    for phrase in sorted(phrases, key=lambda p: (-len(p), p)):
        by_last.setdefault(phrase[-1], []).append(phrase)
    return {last: tuple(found) for last, found in by_last.items()}


def _reason_phrase(tok: Token) -> str | None:
    """The object of a reason cue that ends at the preposition `tok`: "due to X", "because of X",
    "on the grounds of X", "as a result of X"."""
    if tok.dep_ not in ("prep", "pcomp") and tok.pos_ != "ADP":
        return None
    doc = tok.doc
    for phrase in _cue_phrases().get(tok.lower_, ()):
        start = tok.i - len(phrase) + 1
        if start >= 0 and tuple(t.lower_ for t in doc[start : tok.i + 1]) == phrase:
            return _object_text(doc[start : tok.i + 1])
    return None


def _because_clause(tok: Token, trigger: Token) -> str | None:
    """A "because" clause, less the word "because". One that says it came later is evidence
    for the act, not its reason; one the act sits in gives the reason of another act."""
    mark = because_mark(tok)
    if mark is None or says_later(tok) or tok.i == trigger.i or tok.is_ancestor(trigger):
        return None
    words = [t for t in tok.subtree if t.i != mark.i]
    return _clean(tok.doc[words[0].i : words[-1].i + 1].text)


def _citing(tok: Token) -> str | None:
    """ "citing X", "and cited X": the object of the verb."""
    if tok.lower_ != "citing" and tok.lemma_.lower() != "cite":
        return None
    obj = next((c for c in tok.children if c.dep_ in ("dobj", "obj")), None)
    if obj is None:
        return None
    return _clean(obj.doc[obj.left_edge.i : obj.right_edge.i + 1].text)


def _object_text(cue) -> str | None:
    """The words of the cue's object: a noun phrase (preferred) or a clause hanging from one of
    its words, the last word first ("due" may hold "to" as pcomp, "because" holds the object
    of "because of")."""
    inside = {t.i for t in cue}
    for deps in (("pobj",), ("pcomp",)):
        for word in reversed(cue):
            obj = next((c for c in word.children if c.dep_ in deps and c.i not in inside), None)
            if obj is not None:
                return _clean(obj.doc[obj.left_edge.i : obj.right_edge.i + 1].text)
    return None


def _clean(text: str) -> str | None:
    text = text.strip(QUOTES + ".,;")
    return text or None
