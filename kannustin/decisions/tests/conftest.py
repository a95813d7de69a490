"""Shared worlds of the decisions tests: the ministry's people and three scored applications."""

from decimal import Decimal

import pytest

from conftest import make_user
from kannustin.accounts.roles import Role
from kannustin.registry.models import Organisation
from kannustin.reviews.tests.helpers import evaluation_call, review, submitted_application


@pytest.fixture
def people(reference_data):
    return {
        "official": make_user(Role.OFFICIAL),
        "presenter": make_user(Role.PRESENTER),
        "decision_maker": make_user(Role.DECISION_MAKER),
        "admin": make_user(Role.ADMIN),
        "reviewers": [make_user(Role.REVIEWER, email=f"r{n}@example.com") for n in range(2)],
    }


@pytest.fixture
def evaluated(people):
    """Three scored applications: Helsinki (best), Espoo, and Korsholm (Swedish-speaking); a budget of 20 000
    funds the first two."""
    call = evaluation_call()
    call.track.budget = Decimal("20000.00")
    call.track.save()
    result = []
    for code, (g1, c1), requested in [
        ("091", (5, 5), "8500.00"),
        ("049", (4, 3), "8000.00"),
        ("499", (3, 3), "7000.00"),
    ]:
        organisation = Organisation.objects.get(code=code)
        signatory = make_user(Role.SIGNATORY, organisation)
        application = submitted_application(call, organisation, signatory, requested=requested)
        if code == "499":
            application.language = "sv"
            application.save(update_fields=["language"])
        for reviewer in people["reviewers"]:
            review(application, reviewer, people["official"], G1=g1, C1=c1)
        result.append((application, signatory))
    return call, result
