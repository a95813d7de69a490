"""How the appropriation is shared: the ranking, and the three ways of drawing a scenario.

The methods are pure functions over `Candidate`s (no database), so the rules are tested on random instances:
- `rank_order`: fund in rank order at the largest possible amount until the next one no longer fits;
- `optimise`: scipy's `milp` (HiGHS) maximises the total score of the funded projects within the budget, each
  between its minimum and maximum (partial funding optional); with partial funding a second pass spends what
  is left on the best-scored projects without lowering that total;
- manual amounts are lines an official types (`services.override`).
The maximum of a project is the smallest of the amount applied for, the call's share of its eligible costs
(85 %) and the call's largest grant. Only the reviewers' scores enter: never the maturity assessment.
"""

from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal

import numpy as np

from kannustin.core.money import CENT

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Candidate:
    application_id: int
    score: Decimal  # the application's score; unscored applications are not candidates
    maximum: Decimal  # the largest possible grant
    minimum: Decimal  # the smallest grant worth giving when funded


def grant_limit(requested, eligible_costs, max_share, max_grant=None) -> Decimal:
    limit = min(requested or ZERO, (eligible_costs * max_share).quantize(CENT, ROUND_DOWN))
    if max_grant:
        limit = min(limit, max_grant)
    return max(limit, ZERO)


def ranked(candidates) -> list[Candidate]:
    """Best score first; among equal scores the smaller request first, then the earlier application."""
    return sorted(candidates, key=lambda c: (-c.score, c.maximum, c.application_id))


def rank_order(candidates, budget: Decimal) -> dict[int, Decimal]:
    amounts = {}
    left = budget
    stopped = False
    for candidate in ranked(candidates):
        if not stopped and candidate.maximum > 0 and candidate.maximum <= left:
            amounts[candidate.application_id] = candidate.maximum
            left -= candidate.maximum
        else:
            stopped = True
            amounts[candidate.application_id] = ZERO
    return amounts


def objective(candidates, amounts: dict) -> Decimal:
    """The total score of the funded projects."""
    return sum((c.score for c in candidates if amounts.get(c.application_id, ZERO) > 0), Decimal(0))


def optimise(
    candidates, budget: Decimal, *, partial: bool = False, time_limit: float = 60.0
) -> dict[int, Decimal]:
    """Maximise the total score of the funded projects within the budget (scipy `milp`, HiGHS).

    Without partial funding it is a knapsack: each project at its maximum or not at all. With partial funding,
    the model "x binary, minimum·x ≤ amount ≤ maximum·x, Σ amount ≤ budget, maximise Σ score·x" is the same
    knapsack over the minima (any set whose minima fit can be funded); with that set kept, what is left goes to
    the funded projects in the order of score per euro of their maximum, which is the exact answer of the
    second, continuous pass. One row, so HiGHS's presolve (seconds at 10 000 projects, nothing to remove) is
    off; the timings are in docs/performance.md."""
    from scipy.optimize import Bounds, LinearConstraint, milp

    items = [c for c in ranked(candidates) if c.maximum > 0]
    amounts = {c.application_id: ZERO for c in candidates}
    if not items or budget <= 0:
        return amounts
    n = len(items)
    scores = np.array([float(c.score) for c in items])
    lowest = [min(c.minimum, c.maximum) if partial else c.maximum for c in items]
    weights = np.array([float(value) for value in lowest])
    result = milp(
        c=-scores, constraints=LinearConstraint(weights[np.newaxis, :], -np.inf, float(budget)),
        integrality=np.ones(n), bounds=Bounds(0, 1), options={"time_limit": time_limit, "presolve": False},
    )  # fmt: skip
    if result.x is None:
        return amounts
    for i in range(n):
        if result.x[i] > 0.5:
            amounts[items[i].application_id] = lowest[i]
    amounts = _within(items, amounts, budget)
    if partial:
        left = budget - sum(amounts.values(), ZERO)
        funded = [c for c in items if amounts[c.application_id] > 0]
        for c in sorted(funded, key=lambda c: (-c.score / c.maximum, c.application_id)):
            if left <= 0:
                break
            more = min(c.maximum - amounts[c.application_id], left)
            amounts[c.application_id] += more
            left -= more
    return amounts


def _within(items, amounts: dict, budget: Decimal) -> dict:
    """The solver works in floating point: make sure, in exact money, that the budget holds (dropping the
    lowest-scored funded project while it does not; in practice never needed)."""
    funded = [c for c in reversed(items) if amounts[c.application_id] > 0]
    while sum(amounts.values(), ZERO) > budget and funded:
        amounts[funded.pop(0).application_id] = ZERO
    return amounts
