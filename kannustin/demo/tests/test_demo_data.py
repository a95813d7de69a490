"""The demo's applications: 185 submitted 2019 applications that pass the real submission rules, and drafts."""

import hashlib
import io
import statistics
import time
from collections import Counter
from datetime import date, datetime, timedelta

import pypdf
import pytest
from django.core import mail
from django.db import transaction
from django.test import override_settings

from kannustin.accounts.roles import Role
from kannustin.applications import actions, completeness, validation
from kannustin.applications.files import sniff
from kannustin.applications.models import (
    Application,
    ApplicationVersion,
    Attachment,
    CaseNumberCounter,
    Status,
)
from kannustin.core import clock
from kannustin.core.models import AuditEvent, OutboundEmail
from kannustin.demo import applications as demo_data
from kannustin.demo import texts as demo_texts
from kannustin.maturity import services as maturity
from kannustin.maturity.models import SelfAssessment
from kannustin.programmes.setup import create_programme_2019
from kannustin.registry.models import LanguageStatus

# One worker seeds the 185 applications once for the whole module (below); each test rolls back to it.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo_2019")]


@pytest.fixture(scope="module")
def seeded_module(django_db_setup, django_db_blocker, tmp_path_factory):
    """The 2019 programme and its 185 demo applications, made once per module inside a transaction that is
    rolled back after the module's last test (Django's setUpTestData, for pytest): the tests only read them,
    and each test's own transaction is a savepoint inside this one."""
    media = tmp_path_factory.mktemp("demo-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        try:
            programme = create_programme_2019()
            # A case-number series already under way: the demo continues it.
            CaseNumberCounter.objects.create(prefix="VM", year=2019, last=41)
            started = time.perf_counter()
            count = demo_data.seed_applications_2019(programme)
            print(f"seed_applications_2019: {count} applications in {time.perf_counter() - started:.2f} s")
            yield {"programme": programme, "count": count, "media": media}
        finally:
            transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _media(settings, seeded_module):
    settings.MEDIA_ROOT = seeded_module["media"]


@pytest.fixture
def programme_2019(seeded_module):
    return seeded_module["programme"]


@pytest.fixture
def seeded(seeded_module):
    programme_2019 = seeded_module["programme"]
    count = seeded_module["count"]
    call = demo_data.track_1_call(programme_2019)
    applications = list(
        Application.objects.filter(call=call)
        .select_related("organisation", "organisation__region", "call", "call__track", "question_set")
        .prefetch_related("budget_lines", "participants", "contacts", "indicators", "attachments")
        .order_by("submitted_at")
    )
    return count, call, applications


def test_185_submitted_applications_from_distinct_municipalities_of_2019(seeded):
    count, call, applications = seeded
    assert count == len(applications) == 185
    assert call.slug == "kohde-1"
    assert {a.status for a in applications} == {Status.SUBMITTED}
    organisations = [a.organisation for a in applications]
    assert len({o.pk for o in organisations}) == 185
    assert all(o.is_municipality and o.in_2019 for o in organisations)
    codes = {o.code for o in organisations}
    assert {
        "091",
        "049",
        "837",
        "092",
        "564",
        "853",
        "109",
        "545",
    } <= codes  # big cities, demo municipalities
    statuses = Counter(o.language_status for o in organisations)
    swedish = statuses[LanguageStatus.SWEDISH] + statuses[LanguageStatus.BILINGUAL_SWEDISH_MAJORITY]
    assert swedish >= 10 and statuses[LanguageStatus.BILINGUAL_FINNISH_MAJORITY] >= 10


def test_every_application_passes_the_submission_rules(seeded):
    _count, call, applications = seeded
    questions = {q.key: q for q in call.current_question_set().questions.all()}
    for application in applications:
        assert completeness.missing_for_submit(application) == [], application.case_number
        # Every question answered, each answer as the form itself would store it.
        assert set(application.answers) == set(questions)
        assert validation.clean_answers(questions, application.answers) == application.answers
        assert all(application.answers[k] not in ("", None) for k, q in questions.items() if q.type == "text")
        start, end = (date.fromisoformat(application.answers[k]) for k in ("start_date", "end_date"))
        assert start.year == 2020 and start < end <= date(2021, 11, 30)


def test_budgets_and_requested_amounts(seeded):
    _count, call, applications = seeded
    categories = set(call.cost_categories.values_list("key", flat=True))
    totals = []
    exactly_85 = 0
    for application in applications:
        lines = list(application.budget_lines.all())
        assert 1 <= len(lines) <= 6
        assert {line.category for line in lines} <= categories
        assert all(line.year in validation.budget_years(call) and line.amount > 0 for line in lines)
        assert len({(line.category, line.year) for line in lines}) == len(lines)
        total = sum(line.amount for line in lines)
        assert 10_000 <= total <= 2_360_000
        largest = validation.max_grant_for(call, total)
        assert 0 < application.requested_amount <= largest
        assert application.requested_amount <= total * call.max_aid_share
        exactly_85 += application.requested_amount == largest
        totals.append(total)
    # Skewed like the real round: most small, a few large, the extremes of 2019 present.
    assert statistics.median(totals) < 150_000
    assert sum(total < 300_000 for total in totals) >= 0.8 * len(totals)
    assert max(totals) == 2_360_000 and min(totals) < 20_000
    assert 0.6 * len(applications) <= exactly_85 < len(applications)


def test_languages_follow_the_municipality(seeded):
    _count, _call, applications = seeded
    titles = {
        lang: [t for topic in demo_texts.TOPICS for t in topic[lang]["titles"]] for lang in ("fi", "sv")
    }
    for application in applications:
        language = application.organisation.official_language
        assert application.language == language
        assert any(application.title.startswith(title) for title in titles[language]), application.title
        contact = application.contacts.all()[0]
        assert contact.email.endswith(".example")
    assert Counter(a.language for a in applications)["sv"] >= 10
    assert len({a.title for a in applications}) == 185
    assert len({a.summary + a.answers["g1_societal_economic_impact"] for a in applications}) == 185


def test_submission_times_and_case_numbers(seeded):
    _count, call, applications = seeded
    times = [a.submitted_at for a in applications]
    assert all(call.opens_at <= t < call.closes_at for t in times)
    last_day = [t for t in times if clock.helsinki(t).date() == date(2019, 9, 19)]
    assert all(clock.helsinki(t).time() < datetime(2019, 9, 19, 16, 15).time() for t in last_day)
    by_day = Counter(clock.helsinki(t).date() for t in times)
    assert by_day.most_common(1)[0][0] == date(2019, 9, 19)  # the rush
    assert sum(1 for t in times if t >= call.closes_at - timedelta(days=7)) > len(times) / 2
    assert clock.helsinki(min(times)).date() < date(2019, 8, 20)
    # Case numbers continue the existing series, in submission order, and later submissions continue them.
    assert [a.case_number for a in applications] == [f"VM/{n}/2019" for n in range(42, 42 + 185)]
    assert actions.next_case_number("VM", 2019) == "VM/227/2019"
    assert all(a.created_at <= a.submitted_at == a.updated_at for a in applications)


def test_parts_maturity_versions_and_secrets(seeded):
    _count, call, applications = seeded
    with_partners = [a for a in applications if a.partners()]
    assert 0.2 * 185 <= len(with_partners) <= 0.45 * 185
    for application in applications:
        partners = [p.organisation for p in application.partners()]
        assert len(partners) <= 3 and application.organisation not in partners
        assert [p.organisation for p in application.participant_rows() if p.is_lead] == [
            application.organisation
        ]
        assert application.participants_confirmed
        assert 1 <= len(application.contacts.all()) <= 2
        assert 1 <= len(application.indicators.all()) <= 3
        assert application.submitted_by == application.created_by
        assert (
            application.submitted_by.memberships.get(organisation=application.organisation).role
            == Role.SIGNATORY
        )
        assert not application.submitted_by.has_usable_password() and not application.submitted_by.is_active
        assert not application.receipt_pdf
    structure = maturity.structure_for(call)
    assessments = {a.frozen_with: a for a in SelfAssessment.objects.filter(call=call)}
    assert len(assessments) == 185
    for application in applications:
        assessment = assessments[application.pk]
        assert assessment.organisation_id == application.organisation_id
        assert (
            maturity.is_complete(assessment, structure) and assessment.frozen_at == application.submitted_at
        )
    ratings = [r for a in assessments.values() for r in a.ratings.values()]
    assert sum(r["target"] >= r["current"] for r in ratings) > 0.95 * len(ratings)
    versions = ApplicationVersion.objects.filter(application__call=call)
    assert versions.count() == 185
    for version in versions.select_related("application"):
        assert version.data == actions.snapshot(version.application)
        assert (
            version.data["status"] == Status.SUBMITTED
            and version.saved_at == version.application.submitted_at
        )
    assert 3 <= sum(bool(a.confidential_keys) for a in applications) <= 10


def test_attachments_are_real_small_pdfs(seeded):
    _count, _call, applications = seeded
    attachments = list(Attachment.objects.filter(application__in=applications).select_related("application"))
    assert 0.35 * 185 <= len(attachments) <= 0.65 * 185
    for attachment in attachments:
        data = attachment.file.read()
        attachment.file.close()
        assert attachment.kind == "pdf" and attachment.content_type == "application/pdf"
        assert attachment.size == len(data) < 4096
        assert attachment.sha256 == hashlib.sha256(data).hexdigest()
        assert sniff(io.BytesIO(data)) == "pdf"
        assert attachment.uploaded_at <= attachment.application.submitted_at
        assert attachment.application.answers["attachments_note"] == [attachment.pk]
    first = attachments[0]
    with first.file.open("rb") as handle:
        text = " ".join(pypdf.PdfReader(handle).pages[0].extract_text().split())
    application = first.application
    assert demo_data._name(application.organisation, application.language) in text
    assert application.title.split()[0] in text


def test_quiet_and_idempotent(seeded, programme_2019):
    _count, call, _applications = seeded
    assert mail.outbox == [] and OutboundEmail.objects.count() == 0
    assert AuditEvent.objects.filter(action="demo.applications_seeded").count() == 1
    assert not AuditEvent.objects.filter(action__startswith="application.").exists()
    assert demo_data.seed_applications_2019(programme_2019) == 0
    assert Application.objects.filter(call=call).count() == 185
    assert CaseNumberCounter.objects.get(prefix="VM", year=2019).last == 41 + 185
