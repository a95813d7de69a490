"""The summary pages and the dashboard at scale: the same number of queries with 100 applications and with
10 000 (written in bulk by `scale.build`). Timings are bench/reports.py's."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import make_user
from kannustin.accounts.roles import Role
from kannustin.applications.models import Application
from kannustin.decisions import services as decisions
from kannustin.reviews.tests.helpers import evaluation_call

from . import scale

pytestmark = pytest.mark.django_db

SMALL, LARGE = 100, 10_000


def test_summary_and_dashboard_run_the_same_queries_at_100_and_10000_applications(client, reference_data):
    call = evaluation_call(slug="skaala")
    call.track.budget = Decimal("20000000.00")
    call.track.save()
    decisions.ensure_templates()
    official = make_user(Role.OFFICIAL)
    reviewers = [make_user(Role.REVIEWER, email=f"arvioija{n}@example.com") for n in range(4)]
    client.force_login(official)
    pages = {
        "summary": reverse("reports:summary", args=[call.pk]),
        "preview": reverse("reports:summary_preview", args=[call.pk]),
        "dashboard": reverse("reports:dashboard"),
        "dashboard of the call": f"{reverse('reports:dashboard')}?programme={call.programme_id}&call={call.pk}",
    }

    def publish():
        assert client.post(reverse("reports:summary_publish", args=[call.pk])).status_code == 302

    def counts() -> tuple[dict, dict]:
        result, responses = {}, {}
        for name, url in pages.items():
            with CaptureQueriesContext(connection) as queries:
                responses[name] = client.get(url)
            assert responses[name].status_code == 200, name
            result[name] = len(queries)
        return result, responses

    scale.build(call, SMALL, user=official, reviewers=reviewers)
    publish()
    client.get(pages["dashboard"])  # warm-up: the session and the caches
    small, _responses = counts()
    received_small = scale.received(call)

    scale.build(call, LARGE - SMALL, user=official, reviewers=reviewers, start=SMALL)
    assert Application.objects.filter(call=call).count() == LARGE
    publish()
    large, responses = counts()
    assert large == small, {"100": small, "10 000": large}
    # The figures did grow: the published data and the dashboard of the call count every application.
    received = scale.received(call)
    assert received > 50 * received_small
    funnel = responses["dashboard of the call"].context["board"].total.funnel
    assert (funnel["started"], funnel["submitted"]) == (LARGE, LARGE - LARGE // 10)  # a tenth are drafts
    published = responses["summary"].context["published"]
    assert published.data["received"] == received and len(published.data["applicants"]) == received
