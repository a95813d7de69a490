"""Similar projects: TF-IDF over the title and summary of other organisations' submitted applications."""

import pytest
from django.core.cache import cache

from kannustin.accounts.roles import Role
from kannustin.core import clock
from kannustin.registry.models import Organisation

from .. import actions, similarity
from ..models import Application, Status
from .helpers import make_call

pytestmark = pytest.mark.django_db

REPORTING = (
    "Talouden raportoinnin automatisointi",
    "Automatisoidaan talouden raportointi ja kustannuslaskenta.",
)


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def call(reference_data):
    return make_call()


@pytest.fixture
def write(call, user_factory):
    """write(code, title, summary, status=SUBMITTED, confidential=()) → an application of that municipality."""
    counter = iter(range(1, 1000))

    def make(code, title, summary, *, status=Status.SUBMITTED, confidential=()):
        organisation = Organisation.objects.get(code=code)
        user = organisation.memberships.first()
        user = user.user if user else user_factory(Role.SIGNATORY, organisation)
        application = actions.create_draft(call, organisation, by=user)
        application = actions.save(
            application,
            by=user,
            version=application.version,
            changes={
                "answers": {"project_name": title, "summary": summary},
                "confidential_keys": list(confidential),
            },
        )
        if status != Status.DRAFT:
            # Submission itself is tested in test_actions; here only its result matters.
            Application.objects.filter(pk=application.pk).update(
                status=status, submitted_at=clock.now(), case_number=f"VM/{next(counter)}/2026"
            )
        return Application.objects.get(pk=application.pk)

    return make


def titles(results):
    return [item["application"].title for item in results]


def test_finds_similar_projects_of_other_municipalities_best_first(write):
    mine = write("091", *REPORTING, status=Status.DRAFT)
    close = write("049", "Talousraportoinnin automatisointi", "Talouden raportointi automatisoidaan.")
    closer = write("092", *REPORTING)
    write("853", "Koulukuljetusten reittien optimointi", "Optimoidaan oppilaiden kuljetusreitit.")

    results = similarity.similar_applications(mine)

    assert titles(results) == [closer.title, close.title]
    assert results[0]["score"] > results[1]["score"] >= similarity.MIN_SCORE


def test_leaves_out_own_organisation_drafts_and_business_secrets(write):
    mine = write("091", *REPORTING, status=Status.DRAFT)
    write("091", *REPORTING)  # the same municipality's own earlier application
    write("049", *REPORTING, status=Status.DRAFT)  # not yet given to the ministry
    write("092", *REPORTING, confidential=["summary"])  # marked as a business secret
    shown = write("853", *REPORTING, status=Status.WITHDRAWN)

    assert [item["application"].pk for item in similarity.similar_applications(mine)] == [shown.pk]


def test_at_most_the_limit(write):
    mine = write("091", *REPORTING, status=Status.DRAFT)
    for code in ("049", "092", "853", "837", "564", "179"):
        write(code, *REPORTING)
    assert len(similarity.similar_applications(mine)) == 5
    assert len(similarity.similar_applications(mine, limit=2)) == 2


def test_nothing_to_compare_without_a_title_or_summary(write):
    write("049", *REPORTING)
    mine = write("091", "", "", status=Status.DRAFT)
    assert similarity.similar_applications(mine) == []


def test_nothing_submitted_yet(write):
    mine = write("091", *REPORTING, status=Status.DRAFT)
    assert similarity.similar_applications(mine) == []


def test_the_model_is_fitted_once_until_submitted_applications_change(write, monkeypatch):
    mine = write("091", *REPORTING, status=Status.DRAFT)
    write("049", *REPORTING)
    fits = []
    real_fit = similarity._fit
    monkeypatch.setattr(similarity, "_fit", lambda: fits.append(1) or real_fit())

    similarity.similar_applications(mine)
    similarity.similar_applications(mine)
    assert len(fits) == 1

    newcomer = write("092", *REPORTING)
    results = similarity.similar_applications(mine)
    assert len(fits) == 2
    assert newcomer.pk in [item["application"].pk for item in results]


def test_a_business_secret_marked_after_fitting_is_not_shown(write):
    mine = write("091", *REPORTING, status=Status.DRAFT)
    other = write("049", *REPORTING)
    assert titles(similarity.similar_applications(mine)) == [other.title]
    # The cached model still holds it, but the fresh row says it is now secret.
    Application.objects.filter(pk=other.pk).update(confidential_keys=["project_name"])
    assert similarity.similar_applications(mine) == []
