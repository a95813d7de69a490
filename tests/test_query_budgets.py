"""Query budgets of the pages and endpoints that bench/run.py times (see docs/performance.md).

Every page must run the same number of SQL queries with 2 and with 20 applications in the database, and at
most QUERY_BUDGET. The timings themselves are the benchmark's business; here only the counts, which do not
depend on the machine.
"""

from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kannustin.accounts.models import ApiToken
from kannustin.accounts.roles import Role
from kannustin.applications import actions
from kannustin.applications.models import Application, Status
from kannustin.applications.tests.helpers import make_call, rate_maturity
from kannustin.core import clock
from kannustin.core.models import Notification, OutboundEmail
from kannustin.maturity import services as maturity
from kannustin.registry.models import Organisation

pytestmark = pytest.mark.django_db

QUERY_BUDGET = 15
SMALL, LARGE = 2, 20
PDF = b"%PDF-1.4\n%%EOF\n"


@dataclass
class World:
    call: object
    other_call: object
    org_a: Organisation
    org_b: Organisation
    users: dict
    token: str
    draft: Application
    submitted: Application
    members: dict = field(default_factory=dict)


def fill(application, user, *, requested="8500.00"):
    """Everything a submission needs (the helpers' complete_application, without the self-assessment)."""
    year = application.call.opens_at.year
    start = clock.helsinki(application.call.closes_at).date() + timedelta(days=30)
    return actions.save(
        application,
        by=user,
        version=application.version,
        changes={
            "answers": {
                "project_name": f"Tiedolla johtamisen kehittäminen {application.pk}",
                "summary": "Automatisoidaan talouden raportointi ja kustannuslaskenta yhteisillä tiedoilla.",
                "start_date": start.isoformat(),
                "end_date": (start + timedelta(days=365)).isoformat(),
                "g1_impact": "Säästää työaikaa ja parantaa päätöksenteon tietopohjaa.",
            },
            "budget": [
                {
                    "category": "personnel",
                    "year": year,
                    "description": "Projektipäällikkö",
                    "amount": "6000.00",
                },
                {"category": "personnel", "year": year, "description": "Asiantuntija", "amount": "4000.00"},
            ],
            "requested_amount": requested,
            "contacts": [{"name": "Sanna Suunnittelija", "email": f"sanna{application.pk}@example.fi"}],
            "indicators": [
                {"name": "Käsittelyaika", "baseline": "10 pv", "target": "2 pv", "follow_up": "Kuukausittain"}
            ],
            "participants_confirmed": True,
        },
    )


def rated(organisation, call, user):
    """Rate the self-assessment unless it is already frozen with an earlier submission."""
    assessment = maturity.get_assessment(organisation, call)
    if assessment is None or not assessment.is_frozen:
        rate_maturity(organisation, call, user)


def submitted_application(call, organisation, user):
    application = fill(actions.create_draft(call, organisation, by=user), user)
    rated(organisation, call, user)
    return actions.submit(application, by=user)


def build_world(user_factory, capture) -> World:
    org_a = Organisation.objects.get(code="091")
    org_b = Organisation.objects.get(code="049")
    users = {
        "signatory_a": user_factory(Role.SIGNATORY, org_a),
        "signatory_b": user_factory(Role.SIGNATORY, org_b),
        "official": user_factory(Role.OFFICIAL),
    }
    call = make_call()
    other_call = make_call(slug="toinen")
    signatory_a, signatory_b = users["signatory_a"], users["signatory_b"]
    with capture(execute=False):
        # The measured draft: complete, with an attachment and a finished self-assessment.
        draft = fill(actions.create_draft(call, org_a, by=signatory_a), signatory_a)
        actions.add_attachment(draft, SimpleUploadedFile("suunnitelma.pdf", PDF), by=signatory_a)
        rate_maturity(org_a, call, signatory_a)
        draft = Application.objects.get(pk=draft.pk)
        # The ministry's application: submitted, asked to complete, completed and resubmitted.
        submitted = submitted_application(call, org_b, signatory_b)
        actions.request_completion(
            submitted, by=users["official"], message="Täsmentäkää kulut.", sections=["budget"],
            due_at=clock.now() + timedelta(days=7),
        )  # fmt: skip
        submitted = Application.objects.get(pk=submitted.pk)
        submitted = actions.save(
            submitted, by=signatory_b, version=submitted.version,
            changes={"requested_amount": "8000.00"},
        )  # fmt: skip
        submitted = actions.submit(submitted, by=signatory_b)
    _token, raw = ApiToken.issue(signatory_a, "budgets")
    made = World(
        call=call, other_call=other_call, org_a=org_a, org_b=org_b, users=users, token=raw, draft=draft,
        submitted=submitted,
    )  # fmt: skip
    Notification.objects.create(user=signatory_a, subject="Tervetuloa", body="…", url="/applications/")
    _emails(2)
    assert Application.objects.count() == SMALL
    return made


def _emails(count):
    OutboundEmail.objects.bulk_create(
        OutboundEmail(to=[f"hakija{n}@example.fi"], from_email="kannustin@vm.example.fi", subject=f"Kuittaus {n}",
                      body="Hakemus vastaanotettu.", status=OutboundEmail.Status.SENT)
        for n in range(count)
    )  # fmt: skip


def grow(world: World, user_factory, capture, total: int = LARGE):
    """Add applications of every kind until there are `total`: the measured user's organisation gets drafts,
    submitted ones, an open completion request and a withdrawal; other municipalities submitted ones."""
    signatory_a, official = world.users["signatory_a"], world.users["official"]
    others = list(
        Organisation.objects.municipalities()
        .exclude(pk__in=[world.org_a.pk, world.org_b.pk])
        .order_by("code")
    )
    with capture(execute=False):
        index = 0
        while Application.objects.count() < total:
            kind = index % 5
            if kind == 0:
                draft = actions.create_draft(world.call, world.org_a, by=signatory_a)
                actions.save(draft, by=signatory_a, version=draft.version,
                             changes={"answers": {"project_name": f"Luonnos {index}"}})  # fmt: skip
            elif kind in (1, 2):
                application = submitted_application(world.other_call, world.org_a, signatory_a)
                if kind == 2 and index % 10 == 2:
                    actions.request_completion(
                        application, by=official, message="Täydentäkää.", sections=["budget"],
                        due_at=clock.now() + timedelta(days=5),
                    )  # fmt: skip
                elif kind == 2:
                    actions.withdraw(application, by=signatory_a, reason="Hanke yhdistetään toiseen.")
            else:
                organisation = others[index]
                member = world.members.get(organisation.pk) or user_factory(Role.SIGNATORY, organisation)
                world.members[organisation.pk] = member
                submitted_application(world.call, organisation, member)
            index += 1
    Notification.objects.bulk_create(
        Notification(user=signatory_a, subject=f"Viesti {n}", body="…", url="/applications/")
        for n in range(10)
    )
    _emails(total)
    assert Application.objects.count() == total
    statuses = set(Application.objects.values_list("status", flat=True))
    assert {Status.DRAFT, Status.SUBMITTED, Status.COMPLETION_REQUESTED, Status.WITHDRAWN} <= statuses


# Page key → (who asks, URL). The same pages as bench/measure.py.
PAGES = {
    "home": ("anonymous", lambda w: reverse("programmes:home")),
    "call": (
        "anonymous",
        lambda w: reverse(
            "programmes:call", kwargs={"slug": w.call.programme.slug, "call_slug": w.call.slug}
        ),
    ),
    "faq": ("anonymous", lambda w: reverse("programmes:faq")),
    "dashboard": ("signatory_a", lambda w: reverse("applications:dashboard")),
    "overview": ("signatory_a", lambda w: reverse("applications:overview", args=[w.draft.pk])),
    "section": ("signatory_a", lambda w: reverse("applications:section", args=[w.draft.pk, "basics"])),
    "budget": ("signatory_a", lambda w: reverse("applications:budget", args=[w.draft.pk])),
    "check": ("signatory_a", lambda w: reverse("applications:check", args=[w.draft.pk])),
    "maturity_overview": (
        "signatory_a",
        lambda w: reverse("maturity:overview", args=[w.org_a.code, w.call.pk]),
    ),
    "maturity_result": ("signatory_a", lambda w: reverse("maturity:result", args=[w.org_a.code, w.call.pk])),
    "ministry_list": ("official", lambda w: reverse("applications:ministry_list")),
    "ministry_detail": ("official", lambda w: reverse("applications:ministry_detail", args=[w.submitted.pk])),
    "outbox": ("official", lambda w: reverse("applications:outbox")),
    "api_calls": ("anonymous", lambda w: "/api/v1/calls/"),
    "api_call": ("anonymous", lambda w: f"/api/v1/calls/{w.call.pk}/"),
    "api_municipalities": ("anonymous", lambda w: "/api/v1/municipalities/"),
    "api_application": ("token", lambda w: f"/api/v1/applications/{w.draft.pk}/"),
}

# Pages known to run more than QUERY_BUDGET queries (constant, but too many). What to change is written in
# docs/performance.md. A page listed here must still be over: when it is fixed its test fails until it is
# removed from here, so the list stays true.
OVER_BUDGET: dict[str, str] = {}


def client_for(world: World, who: str) -> Client:
    if who == "anonymous":
        return Client()
    if who == "token":
        return Client(headers={"authorization": f"Bearer {world.token}"})
    client = Client()
    client.force_login(world.users[who])
    return client


def queries(client: Client, url: str) -> list[str]:
    client.get(url)  # warm-up: session, caches (the similarity model is fitted once per change)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, f"{url}: {response.status_code}"
    return [query["sql"] for query in captured.captured_queries]


def test_every_benchmarked_page_is_covered():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    try:
        import measure
    finally:
        sys.path.pop(0)
    from types import SimpleNamespace

    fake = SimpleNamespace(
        draft=SimpleNamespace(pk=1), submitted=SimpleNamespace(pk=2), org_a=SimpleNamespace(code="091"),
        call_demo=SimpleNamespace(pk=3, slug="kohde-1", programme=SimpleNamespace(slug="testi")),
        call_2019=SimpleNamespace(pk=4),
    )  # fmt: skip
    assert {page.key for page in measure.pages(fake)} == set(PAGES)


@pytest.fixture(scope="module")
def measured(django_db_setup, django_db_blocker, tmp_path_factory):
    """Every page's queries with SMALL and with LARGE applications, measured once for the module inside a
    transaction rolled back after it (building and growing the world once, not once per page)."""
    from django.core.cache import cache
    from django.test import TestCase, override_settings

    from conftest import make_user

    with (
        django_db_blocker.unblock(),
        override_settings(
            MEDIA_ROOT=tmp_path_factory.mktemp("budgets"),
            EMAIL_BACKEND="kannustin.core.mail.OutboxBackend",  # as in production (and the root conftest)
            OUTBOX_DELIVERY_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        ),
        transaction.atomic(),
    ):
        try:
            world = build_world(make_user, TestCase.captureOnCommitCallbacks)

            def measure() -> dict[str, list[str]]:
                counts = {}
                for page, (who, url) in PAGES.items():
                    cache.clear()  # as every test starts: no rate-limit counters, no cached stamps
                    counts[page] = queries(client_for(world, who), url(world))
                return counts

            small = measure()
            grow(world, make_user, TestCase.captureOnCommitCallbacks)
            yield small, measure()
        finally:
            transaction.set_rollback(True)


@pytest.mark.parametrize("page", list(PAGES))
def test_queries_are_constant_and_within_budget(page, measured):
    small, large = measured[0][page], measured[1][page]
    assert len(large) == len(small), (
        f"{page}: {len(small)} queries with {SMALL} applications, {len(large)} with {LARGE}:\n"
        + "\n".join(large)
    )
    if page in OVER_BUDGET:
        # Known to be over; when it is fixed, this says so (remove the page from OVER_BUDGET).
        assert len(large) > QUERY_BUDGET, f"{page} is now within budget: remove it from OVER_BUDGET"
    else:
        assert len(large) <= QUERY_BUDGET, f"{page}: {len(large)} queries:\n" + "\n".join(large)
