"""The programme dashboard: its figures on a small decided world, who may open it, and its query count."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from conftest import make_user
from kannustin.accounts.roles import Role
from kannustin.applications import actions
from kannustin.applications.models import Application, Participant, Status
from kannustin.applications.tests.helpers import make_call
from kannustin.core import clock
from kannustin.decisions import services
from kannustin.decisions.models import Decision, DecisionTemplate
from kannustin.decisions.tests import conftest as decision_worlds
from kannustin.decisions.tests.test_services import decide_all
from kannustin.programmes.models import Call
from kannustin.registry.models import Organisation
from kannustin.reports import charts
from kannustin.reports.dashboard import figures
from kannustin.reviews.models import ApplicationScore, Review

pytestmark = pytest.mark.django_db

URL = "/fi/reports/dashboard/"
# The shared worlds of the decisions tests: the ministry's people and three scored applications.
people = decision_worlds.people
evaluated = decision_worlds.evaluated


@pytest.fixture
def decided(evaluated, people, django_capture_on_commit_callbacks):
    """Helsinki and Espoo granted (8 500 + 8 000), Korsholm rejected (7 000); a draft of Vantaa; a third
    reviewer with one review being scored and one disqualified."""
    call, applications = evaluated
    with django_capture_on_commit_callbacks(execute=True):
        decide_all(call, people)
    vantaa = Organisation.objects.get(code="092")
    actions.create_draft(call, vantaa, by=make_user(Role.SIGNATORY, vantaa))
    third = make_user(Role.REVIEWER, email="r3@example.com")
    (helsinki, _h), (_espoo, _e), (korsholm, _k) = applications
    Review.objects.create(application=korsholm, reviewer=third, state=Review.State.IN_PROGRESS)
    Review.objects.create(application=helsinki, reviewer=third, state=Review.State.DISQUALIFIED)
    return call, applications, third


def test_the_figures_of_a_decided_call(decided, people):
    call, _applications, third = decided
    call = Call.objects.select_related("track").get(pk=call.pk)
    board = figures(call.programme, [call])
    total = board.total
    assert total.funnel == {"started": 4, "submitted": 3, "reviewed": 3, "decided": 3, "funded": 2}
    assert total.drafts == 1
    assert total.requested == Decimal("23500.00")
    assert total.proposed == Decimal("16500.00")
    assert total.granted == Decimal("16500.00")
    assert total.paid == 0
    assert board.budgets == Decimal("20000.00")
    # Applications over time: the window from opening to closing day, everything submitted today.
    assert board.days[0][0] == clock.helsinki(call.opens_at).date()
    assert board.days[-1][0] == clock.helsinki(call.closes_at).date()
    assert board.days[-1][2] == 3 and sum(count for _day, count, _c in board.days) == 3
    today = clock.helsinki(clock.now()).date()
    assert [count for day, count, _c in board.days if day == today] == [3]
    # Review progress per reviewer: assigned, disqualified, in progress, submitted.
    by_email = {person["email"]: person["counts"] for person in board.reviewers}
    for reviewer in people["reviewers"]:
        assert by_email[reviewer.email] == [0, 0, 0, 3]
    assert by_email[third.email] == [0, 1, 1, 0]
    # Regional coverage: Helsinki and Espoo (Uusimaa) applied and were funded; Korsholm (Ostrobothnia)
    # applied only; Vantaa's draft is not counted.
    regions = {row["code"]: (row["applied"], row["funded"]) for row in board.regions if row["applied"]}
    uusimaa = Organisation.objects.get(code="091").region.code
    ostrobothnia = Organisation.objects.get(code="499").region.code
    assert regions == {uusimaa: (2, 2), ostrobothnia: (1, 0)}


def test_the_page_shows_charts_with_their_tables(client, decided, people):
    client.force_login(people["official"])
    response = client.get(URL)
    assert response.status_code == 200
    text = response.content.decode()
    assert text.count('role="img"') >= 4  # over time, funnel, money, the map
    assert '<title id="funnel-chart-title">' in text and "aria-label=" in text
    for amount in ("23 500,00", "16 500,00", "20 000,00", "30 000 000,00"):
        assert amount in text.replace("\u00a0", " ")
    with translation.override("fi"):  # the page is in Finnish, the default language
        assert gettext("Paid: no payments are recorded in the service yet.") in text
    assert "Korsholm" not in text  # regions and reviewers, not applicants


def test_one_call_of_several_and_an_unknown_choice(client, decided, people):
    call, _applications, _third = decided
    client.force_login(people["admin"])
    response = client.get(URL, {"programme": call.programme_id, "call": call.pk})
    assert response.status_code == 200 and response.context["call"] == call
    response = client.get(URL, {"programme": "x", "call": "999999"})
    assert response.status_code == 200 and response.context["call"] is None


@pytest.mark.parametrize(
    ("role", "expected"),
    [(Role.OFFICIAL, 200), (Role.ADMIN, 200), (Role.REVIEWER, 403), (Role.PRESENTER, 403), (None, 302)],
)
def test_who_may_open_the_dashboard(client, reference_data, role, expected):
    make_call()
    if role:
        client.force_login(make_user(role))
    response = client.get(URL)
    assert response.status_code == expected
    if role is None:
        assert "/accounts/login/" in response["Location"] or "login" in response["Location"]


def test_a_municipal_user_is_refused(client, reference_data):
    make_call()
    client.force_login(make_user(Role.SIGNATORY, Organisation.objects.get(code="091")))
    assert client.get(URL).status_code == 403


def test_the_decisions_index_links_to_the_dashboard_for_officials(client, decided, people):
    client.force_login(people["official"])
    assert URL in client.get(reverse("decisions:index")).content.decode()
    client.force_login(people["presenter"])
    assert URL not in client.get(reverse("decisions:index")).content.decode()


def test_charts_are_labelled_images_with_their_numbers_as_text():
    svg = str(charts.bar_chart("c", "Title <x>", "Desc", [("Submitted", 3, "3"), ("Funded", 0, "0")]))
    assert 'role="img"' in svg and 'aria-label="Title &lt;x&gt;"' in svg and "<desc" in svg
    assert ">3</text>" in svg and ">Funded</text>" in svg
    line = str(charts.line_chart("d", "T", "D", [("1.1.", 0), ("2.1.", 2)]))
    assert "<polyline" in line and ">2</text>" in line
    assert "<polyline" not in str(charts.line_chart("e", "T", "D", []))


def _bulk(call, count, *, official, start):
    """Query-count data only: applications of every stage with participants, scores, reviews and decisions,
    written in bulk."""
    services.ensure_templates()
    template = DecisionTemplate.current("grant", "fi")
    municipalities = list(
        Organisation.objects.municipalities().filter(region__isnull=False).order_by("code")[:50]
    )
    statuses = [Status.DRAFT, Status.SUBMITTED, Status.GRANTED, Status.REJECTED, Status.WITHDRAWN]
    now = clock.now()
    applications = Application.objects.bulk_create(
        Application(
            call=call, question_set=call.current_question_set(), organisation=municipalities[i % 50],
            status=statuses[i % 5], requested_amount=Decimal("1000.00") + i, created_by=official,
            submitted_at=None if i % 5 == 0 else now, case_number=None if i % 5 == 0 else f"VM/D/{i}/2099",
        )
        for i in range(start, start + count)
    )  # fmt: skip
    Participant.objects.bulk_create(
        p
        for i, a in enumerate(applications)
        for p in (
            Participant(application=a, organisation=a.organisation, role=Participant.Role.LEAD),
            Participant(application=a, organisation=municipalities[(i + 7) % 50], role=Participant.Role.PARTNER,
                        order=1),
        )
    )  # fmt: skip
    ApplicationScore.objects.bulk_create(
        ApplicationScore(application=a, reviewers=2, complete=2)
        for a in applications
        if a.status != Status.DRAFT
    )
    reviewer = make_user(Role.REVIEWER, email=f"bulk{start}@example.com")
    Review.objects.bulk_create(
        Review(application=a, reviewer=reviewer, state=Review.State.SUBMITTED)
        for a in applications
        if a.status != Status.DRAFT
    )
    Decision.objects.bulk_create(
        Decision(
            application=a, outcome=Decision.Outcome.GRANTED, state=Decision.State.SENT, amount=a.requested_amount,
            template=template, created_by=official, sent_at=now, number=f"VM/P/D{a.pk}/2099",
        )
        for a in applications
        if a.status == Status.GRANTED
    )  # fmt: skip


def test_a_constant_number_of_queries_at_any_size(client, decided, people, django_assert_num_queries):
    call, _applications, _third = decided
    official = people["official"]
    _bulk(call, 5, official=official, start=0)
    client.force_login(official)
    client.get(URL)  # warm-up: session and caches
    with CaptureQueriesContext(connection) as few:
        assert client.get(URL).status_code == 200
    expected = len(few.captured_queries)
    _bulk(call, 40, official=official, start=100)
    second = make_user(Role.REVIEWER, email="another@example.com")
    Review.objects.bulk_create(
        Review(application=a, reviewer=second, state=Review.State.ASSIGNED)
        for a in Application.objects.filter(call=call).exclude(status=Status.DRAFT)
    )
    with django_assert_num_queries(expected):
        response = client.get(URL)
    assert response.status_code == 200
    assert response.context["board"].total.funnel["started"] == 4 + 45
