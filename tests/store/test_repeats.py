"""One act, one event within a document: repeats join, distinct acts stay apart."""

from __future__ import annotations

from dataclasses import replace

from handmade import make_event

from dyadwatch.link.repeats import collapse_repeats, is_line_unit
from dyadwatch.model import Evidence

LEDE = "Chile shut its airspace to Peruvian airlines on Monday."
LATER = "The airspace was shut after the border incident, officials said."
OTHER = "Chile also shut the border post at Chacalluta."


def _placed(event, text, sentence):
    start = text.index(event.evidence.text)
    return replace(event, evidence=Evidence(event.evidence.text, start,
                                            start + len(event.evidence.text), sentence))  # fmt: skip


def _events(text):
    lede = make_event("d", LEDE, "shut", "SANCTION", "CHLGOV", "PER", "2024-03-04")
    later = make_event("d", LATER, "shut", "SANCTION", "CHLGOV", "PER", "2024-03-09", "week")
    other = make_event("d", OTHER, "shut", "SANCTION", "CHLGOV", "PER", "2024-03-09", "week")
    return [_placed(lede, text, 1), _placed(later, text, 2), _placed(other, text, 3)]


def test_a_repeat_joins_the_first_mention_and_keeps_its_evidence():
    text = f"{LEDE} {LATER} {OTHER}"
    lede, later, other = _events(text)
    kept = collapse_repeats([lede, later, other], text)
    assert [e.id for e in kept] == [lede.id, other.id]  # the border post is another act
    assert LATER in [s.evidence for s in kept[0].sources]
    assert (kept[0].date, kept[0].date_precision) == ("2024-03-04", "day")


def _headline_and_lede(head):
    """A headline event and the lede's event of one text, and the text."""
    text = head + "\n" + LEDE
    line = make_event("d", head, "closes", "SANCTION", "CHLGOV", "PER", "2024-03-09", "week")
    body = _placed(make_event("d", LEDE, "shut", "SANCTION", "CHLGOV", "PER", "2024-03-04"),
                   text, 1)  # fmt: skip
    return line, body, text


def test_a_headline_stands_for_the_body_act_of_the_same_dyad_and_type():
    head = "Chile closes skies to Peru"
    line, body, text = _headline_and_lede(head)
    assert is_line_unit(line, text) and not is_line_unit(body, text)
    kept = collapse_repeats([line, body], text)
    assert [e.id for e in kept] == [body.id]
    assert head in [s.evidence for s in kept[0].sources]


def test_a_headline_ending_in_a_quote_is_still_a_line():
    line, body, text = _headline_and_lede("Chile closes skies to Peru over 'hostile acts'")
    assert is_line_unit(line, text) and not is_line_unit(body, text)
    quoted = 'Chile said: "We shut it."'
    assert not is_line_unit(make_event("d", quoted, "shut", "SANCTION", "CHLGOV", "PER",
                                       "2024-03-09", "week"), quoted + "\nMore.")  # fmt: skip


def test_a_headline_alone_is_kept():
    head = "Chile closes skies to Peru"
    line = make_event("d", head, "closes", "SANCTION", "CHLGOV", "PER", "2024-03-09", "week")
    assert collapse_repeats([line], head + "\nNothing else happened.") == [line]


def test_a_headline_whose_sentence_keeps_the_line_break_is_still_a_line():
    head = "Chile closes skies to Peru"
    text = head + "\n\n" + LEDE
    line = replace(make_event("d", head + "\n\n", "closes", "SANCTION", "CHLGOV", "PER",
                              "2024-03-09", "week"),
                   evidence=Evidence(head + "\n\n", 0, len(head) + 2, 0))  # fmt: skip
    body = _placed(make_event("d", LEDE, "shut", "SANCTION", "CHLGOV", "PER", "2024-03-04"),
                   text, 1)  # fmt: skip
    assert is_line_unit(line, text)
    assert [e.id for e in collapse_repeats([line, body], text)] == [body.id]


def test_a_headline_joins_the_body_act_when_one_of_them_has_no_recipient():
    head = "Chile condemns Peru's raid, convenes security council"
    body_text = "Chile convened its security council on Monday."
    text = head + "\n" + body_text
    line = make_event("d", head, "convenes", "CONSULT", "CHLGOV", "PER", "2024-03-09", "week")
    body = make_event("d", body_text, "convened", "CONSULT", "CHLGOV", None, "2024-03-04")
    body = _placed(body, text, 1)
    assert [e.id for e in collapse_repeats([line, body], text)] == [body.id]
    other = _placed(make_event("d", body_text, "convened", "CONSULT", "CHLGOV", "ARG",
                               "2024-03-04"), text, 1)  # fmt: skip
    assert len(collapse_repeats([line, other], text)) == 2  # another recipient: another act


def test_the_long_last_line_of_a_text_cut_short_is_a_body_sentence():
    head = "Chile closes skies to Peru"
    cut = (
        "Chile said the decision to shut its airspace to Peruvian airlines after the border "
        "incident had hardened the resolve of its government to defend the rights of its"
    )
    text = f"{head}\n{LEDE}\n{cut}"
    line = make_event("d", head, "closes", "SANCTION", "CHLGOV", "PER", "2024-03-09", "week")
    last = _placed(make_event("d", cut, "shut", "SANCTION", "CHLGOV", "PER", "2024-03-09",
                              "week"), text, 2)  # fmt: skip
    assert is_line_unit(line, text) and not is_line_unit(last, text)
    credit = "Reporting by Ana Diaz in Lima"
    closing = f"{LEDE}\n{credit}"
    byline = _placed(make_event("d", credit, "Reporting", "CONSULT", "CHLGOV", None,
                                "2024-03-09"), closing, 1)  # fmt: skip
    assert is_line_unit(byline, closing)  # a short closing line is still a line


CLASH = "Chilean and Peruvian troops fought along the border."
DETAIL = "According to Lima, Chile shot at soldiers near the village."
GUNMEN = "Gunmen from Chile shot at tourists near the village."


def test_one_sides_part_of_a_clash_told_as_both_sides_act_joins_it():
    text = f"{CLASH} {DETAIL} {GUNMEN}"
    chile = _placed(make_event("d", CLASH, "fought", "ASSAULT", "CHLMIL", "PER", "2024-03-09",
                               "week"), text, 1)  # fmt: skip
    peru = replace(_placed(make_event("d", CLASH, "fought", "ASSAULT", "PERMIL", "CHL",
                                      "2024-03-09", "week"), text, 1), id="peru")  # fmt: skip
    detail = _placed(make_event("d", DETAIL, "shot", "ASSAULT", "CHL", "PERMIL", "2024-03-09"),
                     text, 2)  # fmt: skip
    gunmen = replace(_placed(make_event("d", GUNMEN, "shot", "ASSAULT", "CHLREB", "PERCVL",
                                        "2024-03-09"), text, 3), id="gunmen")  # fmt: skip
    kept = collapse_repeats([chile, peru, detail, gunmen], text)
    assert [e.id for e in kept] == [chile.id, peru.id, "gunmen"]  # armed men are no army
    assert DETAIL in [s.evidence for s in kept[0].sources]
    assert (kept[0].date, kept[0].date_precision) == ("2024-03-09", "day")
    # told of one side only, the clash is no summary of both
    assert len(collapse_repeats([chile, detail], text)) == 2
