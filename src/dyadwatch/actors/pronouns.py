"""Rules for pronouns: "he" and "they" point back to the person or body named before,
"we" and "it" in reported speech to the speaker."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from spacy.tokens import Token

from ..nlp.sents import sentence_of
from ..tables import words
from .mention import ActorMention
from .pairs import pair_subject, previous_pair_subject

WORD_LISTS = Path(__file__).parent / "data" / "words.tsv"
PERSON_PRONOUNS = words(WORD_LISTS, "person_pronouns")
THING_PRONOUNS = words(WORD_LISTS, "thing_pronouns")
GROUP_PRONOUNS = words(WORD_LISTS, "group_pronouns")
OUR_PRONOUNS = words(WORD_LISTS, "our_pronouns")
SUBJECT_DEPS = ("nsubj", "nsubjpass")


class PronounRules:
    """Mixed into DocActors: needs ``doc``, ``kb``, ``by_token``, ``mentions`` and
    ``for_np``."""

    def _pronoun(self, head: Token) -> ActorMention | None:
        lower = head.lower_
        speaker = self._speaker(head) if lower in PERSON_PRONOUNS | THING_PRONOUNS else None
        if speaker is not None:
            return speaker
        if lower in OUR_PRONOUNS:
            # "we", "our economy" inside a quote: the speaker's side
            speaker = self._speaker(head, person=None)
            if speaker is not None and speaker.country:
                entry = self.kb.country(speaker.country)
                if entry is not None:
                    return ActorMention(head.i, head.i + 1, head.text, entry.code, entry.country,
                                        entry.sector, entry.name, entry.wikidata, "country",
                                        "pronoun", False, False)  # fmt: skip
            return None
        if lower in PERSON_PRONOUNS and head.dep_ in SUBJECT_DEPS:
            # "Seated beside Putin, he said": the subject chain before the nearest person
            # never one whose state the verb acts on: "he charged Kazakhstan" is no Kazakh
            own = self._object_states(head)
            found = self._recent(head, lambda m: self._person_subject(m) and m.country not in own,
                                 window=3)  # fmt: skip
            return found or self._recent(head, lambda m: m.person, window=3)
        if lower in PERSON_PRONOUNS:
            return self._recent(head, lambda m: m.person, window=3)
        if lower in THING_PRONOUNS and head.dep_ in SUBJECT_DEPS:
            # "India began the operation, launching missiles into Pakistan in what it
            # called ...": within its sentence, a subject "it" continues the subject chain
            found = self._recent(head, lambda m: self._one_thing(m) and self._subject_thing(m),
                                 window=0)  # fmt: skip
            if found is not None:
                return found
        if lower in THING_PRONOUNS:
            return self._recent(head, self._one_thing, window=3)
        if lower in GROUP_PRONOUNS:
            return self._group_antecedent(head)
        return None

    def _group_antecedent(self, head: Token) -> ActorMention | None:
        """ "Kazakh troops arrived. They stayed.": "they" is the latest people, body or group
        role named in the last two sentences; a guess, so not direct. Under a clause whose
        subject is a pair ("the two countries reaffirmed their intent"), the pair."""
        subj = pair_subject(head)
        pair = self.for_np(subj) if subj is not None else None
        if pair is not None:
            return pair

        def group(m: ActorMention) -> bool:
            return m.form in ("demonym", "role") or m.kind == "org"

        # an object "them": within the sentence, a group named as a subject first ("protesters
        # attacked the embassies before police dispersed them"), never its own verb's subject
        found = self._earlier_object(head) if head.dep_ in ("dobj", "obj") else None
        if found is None and head.dep_ in ("dobj", "obj", "pobj"):
            found = self._recent(head, lambda m: group(m) and not m.person and not _outlet(m)
                                 and self._subject_thing(m)
                                 and not self._subject_of(m, head.head), window=0)  # fmt: skip
        found = found or self._recent(head, group, window=2)
        subj = previous_pair_subject(head) if head.dep_ in SUBJECT_DEPS else None
        pair = self.for_np(subj) if subj is not None else None
        if pair is not None and (found is None or found.start < subj.i):
            return pair  # "the two governments agreed ... They said"
        return replace(found, direct=False) if found is not None else None

    def _earlier_object(self, head: Token) -> ActorMention | None:
        """ "described the Donetsk and Luhansk entities as quasi-states and would not recognise
        them": an object "them" is first the plural object named just before it in its
        sentence, by whatever state it names or lies in."""
        sent = sentence_of(head)
        before = [t for t in self.doc[sent.start : head.i]
                  if t.dep_ in ("dobj", "obj") and t.tag_ == "NNS"]  # fmt: skip
        if not before:
            return None
        last = before[-1]
        found = (
            self.for_np(last)
            or self.owner(last)
            or next((p for c in last.subtree if (p := self.place_owner(c)) is not None), None)
        )  # "the Donetsk and Luhansk entities": where they lie
        return replace(found, direct=False) if found is not None and found.country else None

    def _person_subject(self, mention: ActorMention) -> bool:
        """A person named as the subject of a clause: whom a later "he" continues with."""
        return mention.person and self._subject_thing(mention)

    def _subject_thing(self, mention: ActorMention) -> bool:
        """A state or body named as (or modifying) the subject of a clause."""
        root = self.doc[mention.start : mention.end].root
        return root.dep_ in SUBJECT_DEPS

    def _subject_of(self, mention: ActorMention, verb: Token | None) -> bool:
        """Whether ``mention`` is the subject of ``verb``."""
        root = self.doc[mention.start : mention.end].root
        return verb is not None and root.head.i == verb.i

    def _object_states(self, subject: Token) -> set[str]:
        """The states named as direct objects of the verb ``subject`` is the subject of."""
        objects = [c for c in subject.head.children if c.dep_ in ("dobj", "obj")]
        found = (self.by_token.get(o.i) for o in objects)
        return {m.country for m in found if m is not None and m.kind == "country" and m.country}

    def _one_thing(self, mention: ActorMention) -> bool:
        """What "it" can point back to: a state or body, never a person, an adjective or a
        plural role ("troops")."""
        if mention.person or mention.form == "adjective":
            return False
        return mention.form != "role" or self.doc[mention.end - 1].tag_ not in ("NNS", "NNPS")

    def _speaker(self, pronoun: Token, person: bool | None = True) -> ActorMention | None:
        """ "The Kazakh leader said that he ...": a pronoun in reported speech is the speaker
        when the speaker is the same kind of thing (a person for he/she)."""
        node = pronoun
        while node.dep_ != "ROOT" and node.head.i != node.i:
            if node.dep_ == "ccomp":
                subj = next((c for c in node.head.children if c.dep_ == "nsubj"), None)
                if subj is None or subj.i == pronoun.i:
                    return None
                if subj.lower_ in PERSON_PRONOUNS:
                    found = self._recent(subj, lambda m: m.person, window=3)
                else:
                    found = self.for_np(subj)
                if found is None or _outlet(found):
                    return None  # "its committee met, AFP reported": the agency only reports
                if person is None:
                    return found
                wants_person = pronoun.lower_ in PERSON_PRONOUNS
                return found if found.person == wants_person else None
            node = node.head
        return None

    def _recent(self, tok: Token, accept, window: int = 3):
        """The latest mention before `tok`, within `window` sentences, that `accept`s."""
        limit_sent = tok.doc[sentence_of(tok).start]
        for _ in range(window):
            if limit_sent.i == 0:
                break
            limit_sent = sentence_of(tok.doc[limit_sent.i - 1])[0]
        lo = limit_sent.i
        best = None
        for mention in self.mentions:
            if mention.start >= tok.i or mention.start < lo:
                continue
            if mention.start <= tok.i < mention.end:
                continue
            if accept(mention):
                best = mention
        return best


def _outlet(mention: ActorMention) -> bool:
    """A news agency or outlet named by its name: it reports what others say and do."""
    return mention.kind == "org" and mention.sector == "MED"
