"""The allocation methods on random instances: the optimiser never spends more than the budget, is at least as
good as funding in rank order, and every amount stays between a project's minimum and maximum."""

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from .. import allocation

ZERO = Decimal("0.00")

cents = st.integers(min_value=1_000_00, max_value=2_000_000_00).map(lambda c: Decimal(c) / 100)
scores = st.integers(min_value=0, max_value=5000).map(lambda s: Decimal(s) / 1000)


@st.composite
def instances(draw):
    size = draw(st.integers(min_value=1, max_value=25))
    candidates = []
    for i in range(size):
        maximum = draw(cents)
        share = draw(st.sampled_from([Decimal("0.5"), Decimal("0.75"), Decimal("1")]))
        candidates.append(
            allocation.Candidate(i + 1, draw(scores), maximum, (maximum * share).quantize(Decimal("0.01")))
        )
    total = sum(c.maximum for c in candidates)
    budget = (
        total * draw(st.sampled_from([Decimal("0.1"), Decimal("0.3"), Decimal("0.6"), Decimal("1.2")]))
    ).quantize(Decimal("0.01"))
    return candidates, budget


def check(candidates, budget, amounts, *, partial):
    assert sum(amounts.values(), ZERO) <= budget
    for c in candidates:
        amount = amounts[c.application_id]
        assert amount == ZERO or (c.minimum <= amount <= c.maximum if partial else amount == c.maximum)


@settings(max_examples=60, deadline=None)
@given(instances())
def test_the_optimiser_keeps_the_budget_and_beats_rank_order(instance):
    candidates, budget = instance
    ranked = allocation.rank_order(candidates, budget)
    check(candidates, budget, ranked, partial=False)
    for partial in (False, True):
        optimised = allocation.optimise(candidates, budget, partial=partial)
        check(candidates, budget, optimised, partial=partial)
        assert allocation.objective(candidates, optimised) >= allocation.objective(candidates, ranked)


def test_rank_order_stops_at_the_first_project_that_no_longer_fits():
    candidates = [
        allocation.Candidate(1, Decimal("4.5"), Decimal("600"), Decimal("300")),
        allocation.Candidate(2, Decimal("4.0"), Decimal("500"), Decimal("250")),
        allocation.Candidate(3, Decimal("3.0"), Decimal("100"), Decimal("50")),
    ]
    assert allocation.rank_order(candidates, Decimal("1000")) == {1: Decimal("600"), 2: ZERO, 3: ZERO}
    # The optimiser funds the first and the third: 7.5 points instead of 4.5.
    assert allocation.optimise(candidates, Decimal("1000")) == {1: Decimal("600"), 2: ZERO, 3: Decimal("100")}
    # With partial funding, all three fit at a total score of 11.5.
    partial = allocation.optimise(candidates, Decimal("1000"), partial=True)
    assert all(amount > 0 for amount in partial.values()) and sum(partial.values()) <= Decimal("1000")


def test_the_limit_of_a_grant_is_the_smallest_of_request_share_and_call_maximum():
    assert allocation.grant_limit(Decimal("9000"), Decimal("10000"), Decimal("0.85")) == Decimal("8500.00")
    assert allocation.grant_limit(Decimal("5000"), Decimal("10000"), Decimal("0.85")) == Decimal("5000")
    assert allocation.grant_limit(
        Decimal("9000"), Decimal("10000"), Decimal("0.85"), Decimal("7000")
    ) == Decimal("7000")
