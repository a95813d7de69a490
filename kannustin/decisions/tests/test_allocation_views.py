"""The allocation pages: ranking, drawing, one scenario, changing an amount, choosing, comparing; who may see
and do what; their query counts at two sizes."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import make_user
from kannustin.accounts.roles import Role
from kannustin.core.models import AuditEvent
from kannustin.registry.models import Organisation
from kannustin.reviews.tests.helpers import bulk_scored, evaluation_call, review, submitted_application

from .. import services
from ..models import Scenario, ScenarioLine

pytestmark = pytest.mark.django_db


def in_english(client):
    client.cookies["kannustin_language"] = "en"
    return client


def text(response) -> str:
    return response.content.decode().replace("\u00a0", " ")


@pytest.fixture
def people(reference_data):
    return {
        "official": make_user(Role.OFFICIAL),
        "admin": make_user(Role.ADMIN),
        "presenter": make_user(Role.PRESENTER),
        "decision_maker": make_user(Role.DECISION_MAKER),
        "reviewers": [make_user(Role.REVIEWER, email=f"r{n}@example.com") for n in range(2)],
    }


@pytest.fixture
def evaluated(people):
    """Three scored applications (Helsinki best, Espoo, Korsholm) and the track's budget 20 000 €. Espoo's
    reviewers differ by 2 on G1."""
    call = evaluation_call()
    call.track.budget = Decimal("20000.00")
    call.track.save()
    result = []
    for code, scores, requested in [
        ("091", [(5, 5), (5, 5)], "8500.00"),
        ("049", [(5, 3), (3, 3)], "8000.00"),
        ("499", [(3, 3), (3, 3)], "7000.00"),
    ]:
        organisation = Organisation.objects.get(code=code)
        signatory = make_user(Role.SIGNATORY, organisation)
        application = submitted_application(call, organisation, signatory, requested=requested)
        for reviewer, (g1, c1) in zip(people["reviewers"], scores, strict=True):
            review(application, reviewer, people["official"], G1=g1, C1=c1)
        result.append(application)
    return call, result


@pytest.fixture
def official_client(client, people):
    client.force_login(people["official"])
    return in_english(client)


# The ranking --------------------------------------------------------------------------------------------


def test_the_ranking_shows_scores_flags_limits_and_the_budget(official_client, evaluated):
    call, (helsinki, espoo, korsholm) = evaluated
    page = text(official_client.get(reverse("decisions:ranking", args=[call.pk])))
    # Rank order: Helsinki (5), Espoo (4 × 2/3 + 3 × 1/3 = 3.67), Korsholm (3).
    assert page.index(helsinki.case_number) < page.index(espoo.case_number) < page.index(korsholm.case_number)
    assert "5.00" in page and "3.67" in page
    assert '<strong class="govuk-tag govuk-tag--orange">G1</strong>' in page  # Espoo's reviewers differ
    assert "20,000.00" in page or "€20,000.00" in page  # the track's budget
    # 85 % of 10 000 € eligible costs is 8 500 €: the largest possible grant of each.
    assert "€8,500.00" in page and "€10,000.00" in page
    assert reverse("reviews:application_reviews", args=[espoo.pk]) in page
    assert reverse("applications:ministry_detail", args=[espoo.pk]) in page
    assert 'action="{}"'.format(reverse("decisions:draw", args=[call.pk])) in page
    assert "2 / 2" in page


def test_readers_see_the_ranking_without_the_draw_form(client, evaluated, people):
    call, _applications = evaluated
    for role in ("admin", "presenter", "decision_maker"):
        client.force_login(people[role])
        response = client.get(reverse("decisions:ranking", args=[call.pk]))
        assert response.status_code == 200, role
        assert reverse("decisions:draw", args=[call.pk]) not in response.content.decode()
    # Presenters and decision-makers are not shown links to the reviews, which are not theirs to read.
    assert reverse("reviews:application_reviews", args=[_applications[0].pk]) not in text(response)


# The flow: draw → change an amount → compare → choose ---------------------------------------------------


def test_draw_override_compare_and_choose(official_client, evaluated, people):
    call, (helsinki, espoo, korsholm) = evaluated
    draw_url = reverse("decisions:draw", args=[call.pk])
    assert official_client.get(draw_url).status_code == 200
    response = official_client.post(
        draw_url, {"name": "Järjestys", "method": "rank", "budget": "20 000,00", "min_share": "50"}
    )
    rank = Scenario.objects.get(name="Järjestys")
    assert response.status_code == 302 and response["Location"] == reverse(
        "decisions:scenario", args=[rank.pk]
    )
    assert rank.budget == Decimal("20000.00") and rank.method == Scenario.Method.RANK
    response = official_client.post(
        draw_url,
        {
            "name": "Optimi",
            "method": "optimiser",
            "budget": "16 000",
            "allow_partial": "on",
            "min_share": "40",
        },
    )
    optimiser = Scenario.objects.get(name="Optimi")
    assert optimiser.allow_partial and optimiser.min_share == Decimal("0.400")

    page = text(official_client.get(reverse("decisions:scenario", args=[rank.pk])))
    assert "<strong>€8,500.00</strong>" in page and "<strong>€8,000.00</strong>" in page  # funded in bold
    assert "€3,500.00" in page  # money left
    line = rank.lines.get(application=korsholm)
    override_url = reverse("decisions:override", args=[rank.pk, line.pk])
    assert override_url in page

    form = official_client.get(override_url)
    assert form.status_code == 200 and 'value="0,00"' in form.content.decode()
    response = official_client.post(override_url, {"amount": "3 500,00", "reason": "Jäljelle jäävä raha"})
    assert response.status_code == 302
    line.refresh_from_db()
    assert line.amount == Decimal("3500.00") and line.overridden_by == people["official"]
    assert AuditEvent.objects.filter(action="scenario.amount_changed").exists()
    page = text(official_client.get(reverse("decisions:scenario", args=[rank.pk])))
    assert "Jäljelle jäävä raha" in page and "<strong>€3,500.00</strong>" in page

    ranking = text(official_client.get(reverse("decisions:ranking", args=[call.pk])))
    assert "Järjestys" in ranking and "Optimi" in ranking and "€20,000.00" in ranking
    compare = official_client.get(
        reverse("decisions:compare", args=[call.pk]), {"s": [rank.pk, optimiser.pk]}
    )
    page = text(compare)
    assert compare.status_code == 200
    assert page.index("Järjestys") < page.index("Optimi")
    assert "€20,000.00" in page  # money used by the rank-order scenario after the change
    assert "Funded by region" in page and "Funded by size class" in page
    assert "Differs" in page

    choose_url = reverse("decisions:choose", args=[rank.pk])
    assert official_client.get(choose_url).status_code == 200
    response = official_client.post(choose_url, {"reason": "Paras kokonaisuus"})
    assert response.status_code == 302
    rank.refresh_from_db()
    assert rank.chosen_by == people["official"] and rank.choice_reason == "Paras kokonaisuus"
    page = text(official_client.get(reverse("decisions:scenario", args=[rank.pk])))
    assert "Paras kokonaisuus" in page and reverse("decisions:call_decisions", args=[call.pk]) in page
    assert reverse("decisions:choose", args=[rank.pk]) not in page  # chosen already
    response = official_client.get(choose_url, follow=True)
    assert "already the decision proposal" in text(response)
    assert AuditEvent.objects.filter(action="scenario.chosen").count() == 1


# Errors -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("budget", "message"),
    [
        ("1.500.000", "cannot be read for certain"),
        ("paljon", "Enter the amount in euros"),
        ("0", "greater than zero"),
        ("", "Give the budget in euros"),
    ],
)
def test_a_bad_budget_keeps_what_was_typed(official_client, evaluated, budget, message):
    call, _applications = evaluated
    response = official_client.post(
        reverse("decisions:draw", args=[call.pk]),
        {"name": "Kokeilu", "method": "rank", "budget": budget, "min_share": "50"},
    )
    page = text(response)
    assert response.status_code == 200 and message in page
    assert 'value="Kokeilu"' in page and "govuk-error-summary" in page
    assert page.startswith("<!DOCTYPE html>") and "<title>Error:" in page
    assert not Scenario.objects.exists()


def test_draw_needs_a_name_a_method_and_a_sensible_share(official_client, evaluated):
    call, _applications = evaluated
    response = official_client.post(
        reverse("decisions:draw", args=[call.pk]), {"budget": "1000", "min_share": "0"}
    )
    page = text(response)
    assert "Give the scenario a name." in page and "Choose how the scenario is drawn." in page
    assert "percentage from 1 to 100" in page and 'value="1000"' in page


def test_an_override_needs_a_reason_and_stays_within_the_maximum(official_client, evaluated, people):
    call, _applications = evaluated
    scenario = services.draw(call, by=people["official"], method="manual", name="M", budget=Decimal("20000"))
    line = scenario.lines.order_by("rank").first()
    url = reverse("decisions:override", args=[scenario.pk, line.pk])
    page = text(official_client.post(url, {"amount": "1 000,00", "reason": ""}))
    assert "Give a reason for the change." in page and 'value="1 000,00"' in page
    page = text(official_client.post(url, {"amount": "9 000,00", "reason": "Enemmän"}))
    assert "more than the largest possible grant" in page and "Enemmän" in page
    page = text(official_client.post(url, {"amount": "9,000.00", "reason": "Enemmän"}))
    assert "cannot be read for certain" in page
    line.refresh_from_db()
    assert line.amount == 0 and not line.override_reason


def test_choosing_refuses_without_a_reason_and_over_the_budget(official_client, evaluated, people):
    call, _applications = evaluated
    scenario = services.draw(call, by=people["official"], method="manual", name="M", budget=Decimal("10000"))
    for line in scenario.lines.all():
        services.override(line, by=people["official"], amount=line.maximum, reason="Kaikki")
    url = reverse("decisions:choose", args=[scenario.pk])
    page = text(official_client.post(url, {"reason": ""}))
    assert "Give the reason for choosing this scenario." in page
    page = text(official_client.post(url, {"reason": "Kaikille"}))
    assert "uses more money than its budget" in page and "Kaikille" in page
    assert "more than its budget" in text(
        official_client.get(reverse("decisions:scenario", args=[scenario.pk]))
    )
    scenario.refresh_from_db()
    assert scenario.chosen_at is None


def test_once_decisions_are_drafted_the_scenario_no_longer_changes(official_client, evaluated, people):
    call, _applications = evaluated
    chosen = services.draw(call, by=people["official"], method="rank", name="A", budget=Decimal("20000"))
    other = services.draw(call, by=people["official"], method="rank", name="B", budget=Decimal("20000"))
    services.choose(chosen, by=people["official"], reason="Paras")
    services.prepare(call, by=people["official"])
    line = chosen.lines.first()
    page = text(official_client.get(reverse("decisions:scenario", args=[chosen.pk])))
    assert "can no longer be changed" in page
    assert reverse("decisions:override", args=[chosen.pk, line.pk]) not in page
    response = official_client.post(
        reverse("decisions:override", args=[chosen.pk, line.pk]),
        {"amount": "1 000", "reason": "Myöhään"},
        follow=True,
    )
    assert "Decisions have already been drafted" in text(response)
    page = text(official_client.post(reverse("decisions:choose", args=[other.pk]), {"reason": "Toinen"}))
    assert "Decisions have already been drafted" in page
    other.refresh_from_db()
    assert other.chosen_at is None


def test_compare_needs_two_to_four_scenarios_of_the_call(official_client, evaluated, people):
    call, _applications = evaluated
    drawn = [
        services.draw(call, by=people["official"], method="rank", name=f"S{n}", budget=Decimal("20000"))
        for n in range(5)
    ]
    url = reverse("decisions:compare", args=[call.pk])
    page = text(official_client.get(url))
    assert "Choose the scenarios" in page and "govuk-error-summary" not in page
    assert "Choose from 2 to 4" in text(official_client.get(url, {"s": [drawn[0].pk]}))
    assert "Choose from 2 to 4" in text(official_client.get(url, {"s": [d.pk for d in drawn]}))
    other_call = evaluation_call(slug="toinen")
    elsewhere = services.draw(
        other_call, by=people["official"], method="manual", name="X", budget=Decimal("1")
    )
    assert "Choose scenarios of this call" in text(
        official_client.get(url, {"s": [drawn[0].pk, elsewhere.pk]})
    )
    assert official_client.get(url, {"s": ["x", "y"]}).status_code == 200


# Who may ------------------------------------------------------------------------------------------------


def allocation_urls(call, scenario, line):
    return {
        "read": [
            reverse("decisions:ranking", args=[call.pk]),
            reverse("decisions:scenario", args=[scenario.pk]),
            reverse("decisions:compare", args=[call.pk]),
        ],
        "act": [
            reverse("decisions:draw", args=[call.pk]),
            reverse("decisions:override", args=[scenario.pk, line.pk]),
            reverse("decisions:choose", args=[scenario.pk]),
        ],
    }


def test_who_may_read_and_act(client, evaluated, people):
    call, (helsinki, *_rest) = evaluated
    scenario = services.draw(call, by=people["official"], method="manual", name="M", budget=Decimal("20000"))
    urls = allocation_urls(call, scenario, scenario.lines.first())
    for url in urls["read"] + urls["act"]:
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url
    signatory = helsinki.submitted_by
    for user, read, act in [
        (people["official"], 200, 200),
        (people["admin"], 200, 403),
        (people["presenter"], 200, 403),
        (people["decision_maker"], 200, 403),
        (people["reviewers"][0], 403, 403),
        (signatory, 404, 404),
    ]:
        client.force_login(user)
        for url in urls["read"]:
            assert client.get(url).status_code == read, (user, url)
        for url in urls["act"]:
            assert client.get(url).status_code == act, (user, url)
            if act != 200:
                assert client.post(url, {"name": "x", "method": "rank", "budget": "1", "min_share": "50",
                                         "amount": "1", "reason": "x"}).status_code == act  # fmt: skip
    assert Scenario.objects.count() == 1 and not Scenario.objects.filter(chosen_at__isnull=False).exists()
    client.force_login(people["official"])
    assert client.get(reverse("decisions:scenario", args=[scenario.pk + 100])).status_code == 404
    other = services.draw(call, by=people["official"], method="manual", name="N", budget=Decimal("1"))
    line_of_other = other.lines.first()
    assert client.get(reverse("decisions:override", args=[scenario.pk, line_of_other.pk])).status_code == 404


# Query counts -------------------------------------------------------------------------------------------


def _bulk_scored(call, user, count, start=0):
    """Scored applications written in bulk across municipalities of several regions and sizes."""
    organisations = list(Organisation.objects.municipalities().filter(in_2019=True).order_by("code")[:40])
    bulk_scored(call, user, count, organisations=organisations, start=start)


def _queries(client, url, params=None) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(captured.captured_queries)


def test_the_pages_run_the_same_number_of_queries_at_two_sizes(official_client, people, reference_data):
    call = evaluation_call()
    official = people["official"]
    _bulk_scored(call, official, 5)
    small = [
        services.draw(call, by=official, method=method, name=method, budget=Decimal("30000"))
        for method in ("rank", "optimiser", "manual")
    ]
    ranking_url = reverse("decisions:ranking", args=[call.pk])
    compare_url = reverse("decisions:compare", args=[call.pk])
    official_client.get(ranking_url)  # warm up the session
    counts_small = (
        _queries(official_client, ranking_url),
        _queries(official_client, reverse("decisions:scenario", args=[small[0].pk])),
        _queries(official_client, compare_url, {"s": [s.pk for s in small]}),
    )
    _bulk_scored(call, official, 200, start=5)
    large = [
        services.draw(call, by=official, method=method, name=method, budget=Decimal("300000"))
        for method in ("rank", "optimiser", "manual")
    ]
    for line in ScenarioLine.objects.filter(scenario=large[2])[:3]:
        services.override(line, by=official, amount=line.maximum, reason="Käsin")
    counts_large = (
        _queries(official_client, ranking_url),
        _queries(official_client, reverse("decisions:scenario", args=[large[2].pk])),
        _queries(official_client, compare_url, {"s": [s.pk for s in large]}),
    )
    assert counts_small == counts_large
    assert max(counts_large) <= 15


def test_an_official_disqualified_from_an_application_does_not_see_its_row_nor_change_its_amount(
    client, people, evaluated
):
    from kannustin.reviews import services as review_services
    from kannustin.reviews.models import Ground

    call, (helsinki, espoo, _korsholm) = evaluated
    official = people["official"]
    official.global_roles.create(role=Role.REVIEWER)
    official = type(official).objects.get(pk=official.pk)
    item = review_services.assign(espoo, official, by=official, notify_now=False)
    review_services.declare(
        item, by=official, disqualified=True, ground=Ground.BOARD, explanation="Hallituksessa."
    )
    scenario = services.draw(
        call, by=official, method=Scenario.Method.RANK, name="A", budget=Decimal("20000")
    )
    other = services.draw(
        call, by=official, method=Scenario.Method.OPTIMISER, name="B", budget=Decimal("20000")
    )
    in_english(client).force_login(official)
    compared = text(
        client.get(reverse("decisions:compare", args=[call.pk]) + f"?s={scenario.pk}&s={other.pk}")
    )
    assert helsinki.case_number in compared and "you declared yourself disqualified" in compared
    for url in [
        reverse("decisions:ranking", args=[call.pk]),
        reverse("decisions:scenario", args=[scenario.pk]),
        reverse("decisions:compare", args=[call.pk]) + f"?s={scenario.pk}&s={other.pk}",
    ]:
        page = text(client.get(url))
        assert espoo.case_number not in page, url
    assert helsinki.case_number in text(client.get(reverse("decisions:ranking", args=[call.pk])))
    line = scenario.lines.get(application=espoo)
    assert client.get(reverse("decisions:override", args=[scenario.pk, line.pk])).status_code == 404
