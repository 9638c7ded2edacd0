"""Explicit and inferred response links."""

from __future__ import annotations

import datetime as dt

import pytest

from dyadwatch.link.infer import Act, explicit_links, infer_links

D = dt.date(2024, 5, 1)


def act(
    i: str, days: int, actor: str, recipient: str, quad: int = 4, answers: tuple[str, ...] = ()
) -> Act:
    return Act(i, D + dt.timedelta(days=days), actor, recipient, quad, "SANCTION", answers)


@pytest.mark.parametrize(
    ("acts", "expected"),
    [
        ([act("a1", 0, "RUS", "KAZ"), act("b1", 5, "KAZ", "RUS")], [("b1", "a1", 5)]),
        ([act("a1", 0, "RUS", "KAZ"), act("b1", 20, "KAZ", "RUS")], []),
        ([act("a1", 0, "RUS", "KAZ"), act("b1", 0, "KAZ", "RUS")], []),
        ([act("a1", 0, "RUS", "KAZ"), act("b1", 3, "KAZ", "RUS", quad=1)], []),
        (
            [act("a1", 0, "RUS", "KAZ"), act("a2", 2, "RUS", "KAZ"), act("b1", 4, "KAZ", "RUS")],
            [("b1", "a2", 2)],
        ),
        ([act("a1", 0, "RUS", "KAZ"), act("b1", 4, "KAZ", "RUS", answers=("a1",))], []),
    ],
)
def test_inferred_links(acts: list[Act], expected: list[tuple[str, str, int]]) -> None:
    links = infer_links(acts)
    assert [(x.source, x.target, x.lag_days) for x in links] == expected
    assert all(x.kind == "inferred" and x.evidence for x in links)


def test_explicit_links_carry_lag() -> None:
    links = explicit_links(
        [act("a1", 0, "RUS", "KAZ"), act("b1", 2, "KAZ", "RUS", answers=("a1",))]
    )
    assert [(x.source, x.target, x.kind, x.lag_days) for x in links] == [
        ("b1", "a1", "explicit", 2)
    ]
