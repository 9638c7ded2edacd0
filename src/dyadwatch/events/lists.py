"""The members of a list of names, as the parse gives them."""

from __future__ import annotations

from spacy.tokens import Token


def list_members(head: Token) -> list[Token]:
    """The other members of the list that ``head`` begins: its conjuncts, and a name in
    apposition that has conjuncts of its own. "The US, Russia, and Switzerland" is often
    parsed as "the US" with the appositive "Russia" and its conjunct "Switzerland"; an
    apposition renames one thing, and a renamed thing is not coordinated with another."""
    members = list(head.conjuncts)
    for child in head.children:
        if (
            child.dep_ == "appos"
            and child.pos_ == "PROPN"
            and any(c.dep_ == "conj" for c in child.children)
        ):
            members.extend(m for m in (child, *child.conjuncts) if m not in members)
    return members


def disjunctive(members: list[Token]) -> bool:
    """Whether a list joins its ``members`` with "or": "would not recognise Taiwan, Kosovo,
    South Ossetia, or Abkhazia" names a class by its alternatives, not an act toward each
    member ("neither ... nor" and "and" lists do name each)."""
    return any(child.dep_ == "cc" and child.lower_ == "or"
               for member in members for child in member.children)  # fmt: skip


def of_members(head: Token) -> list[Token]:
    """ "The foreign ministers of Armenia and Azerbaijan": the members after "of" of a plural
    noun that stands for each of them (the first member included)."""
    if head.tag_ not in ("NNS", "NNPS"):
        return []
    pobj = next((g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj"), None)  # fmt: skip
    return [pobj, *list_members(pobj)] if pobj is not None and list_members(pobj) else []
