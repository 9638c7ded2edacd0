"""The official reason given for an action: "due to mines found in the port's waters"."""

from __future__ import annotations

from spacy.tokens import Token

from .factuality import cues

QUOTES = "\"'“”‘’«» "


def stated_reason(trigger: Token) -> str | None:
    """A reason phrase ("due to X", "because of X", "citing X") attached to the trigger, the
    clause it sits in, or the copula it is the subject of; the words of X as written."""
    reason_cues = cues()["reason"]
    seen = set()
    node = trigger
    for _ in range(4):
        for tok in _reason_sites(node):
            if tok.i in seen:
                continue
            seen.add(tok.i)
            found = _reason_at(tok, reason_cues)
            if found:
                return found
        if node.dep_ == "ROOT" or node.dep_ in ("ccomp", "advcl"):
            break
        node = node.head
    return None


def _reason_sites(node: Token):
    yield node
    for child in node.children:
        if child.dep_ in ("xcomp", "acomp", "prep", "advcl", "conj"):
            yield child
            yield from (g for g in child.children if g.dep_ in ("xcomp", "acomp", "prep"))


def _reason_at(tok: Token, reason_cues: frozenset[str]) -> str | None:
    """A reason phrase headed at `tok`: a preposition ("due to", "because of") or "citing"."""
    lower = tok.lower_
    if tok.dep_ == "prep" or tok.pos_ == "ADP":
        prev = tok.doc[tok.i - 1].lower_ if tok.i > 0 else ""
        phrase = f"{prev} {lower}"
        if phrase in reason_cues or (lower in reason_cues and lower not in ("over",)):
            return _object_text(tok)
    if tok.dep_ == "acomp" and lower == "due":
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "to":
                return _object_text(child)
    if lower == "citing" or tok.lemma_.lower() == "cite":
        obj = next((c for c in tok.children if c.dep_ in ("dobj", "obj")), None)
        if obj is not None:
            return _clean(obj.doc[obj.left_edge.i : obj.right_edge.i + 1].text)
    return None


def _object_text(prep: Token) -> str | None:
    obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
    if obj is None:
        return None
    span = obj.doc[obj.left_edge.i : obj.right_edge.i + 1]
    return _clean(span.text)


def _clean(text: str) -> str | None:
    text = text.strip(QUOTES + ".,;")
    return text or None
