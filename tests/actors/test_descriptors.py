"""Organisations named by what they are ("the bloc") and speakers named by whom they speak
for ("a spokesman for the Kremlin"): actors/descriptors.py."""

from __future__ import annotations

import pytest

from dyadwatch.actors.descriptors import descriptors


def test_every_descriptor_names_organisations_the_knowledge_base_has(coder):
    known = {e.code for e in coder.kb.entries()}
    for noun, codes in descriptors().items():
        assert noun == noun.lower() and codes <= known, noun


@pytest.mark.parametrize(
    ("text", "head", "code"),
    [
        ("The European Union backed Vilnius. The bloc said China must talk.", "bloc", "EU"),
        ("NATO held drills. The alliance said Russia must stop.", "alliance", "NATO"),
        ("ASEAN met in Jakarta. The 10-nation bloc urged calm.", "bloc", "ASEAN"),
    ],
)
def test_a_descriptor_is_the_organisation_of_its_kind_named_last(analyse, text, head, code):
    found = analyse(text).actor(head)
    assert found is not None and found.code == code


def test_a_descriptor_with_nothing_named_is_no_actor(analyse):
    assert analyse("The bloc said China must talk.").actor("bloc") is None


def test_a_descriptor_of_another_kind_of_body_is_not_the_organisation(analyse):
    text = "The IAEA met in Vienna. The news agency said the talks had failed."
    found = analyse(text).actor("agency")
    assert found is None or found.code != "IAEA"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("A spokesman for the Kremlin said the talks would go on.", "RUSGOV"),
        ("A spokeswoman for the European Union said the talks would go on.", "EU"),
        ("The EU met. A spokesman for the bloc's foreign service said so.", "EU"),
    ],
)
def test_a_spokesman_speaks_for_the_body_after_for(analyse, text, code):
    found = analyse(text).actor("spokesman" if "spokesman" in text else "spokeswoman")
    assert found is not None and found.code == code


def test_a_role_of_a_body_a_descriptor_names_is_that_body(analyse):
    text = "ECOWAS imposed sanctions on Niger. The bloc's defence chiefs met in Accra."
    found = analyse(text).actor("chiefs")
    assert found is not None and found.code == "ECOWAS"
