"""The rules of applications, tested where they live: in actions and validation."""

from datetime import datetime, timedelta
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kannustin.accounts.roles import Role
from kannustin.core import clock
from kannustin.core.models import AuditEvent
from kannustin.maturity import services as maturity

from .. import actions, validation
from ..files import FileRefused
from ..models import Application, ApplicationVersion, Attachment, Status
from .helpers import complete_application, make_call

pytestmark = pytest.mark.django_db


@pytest.fixture
def signatory(helsinki, user_factory):
    return user_factory(Role.SIGNATORY, helsinki)


@pytest.fixture
def applicant(helsinki, user_factory):
    return user_factory(Role.APPLICANT, helsinki, email="applicant-2@example.com")


def draft(call, user, organisation):
    return actions.create_draft(call, organisation, by=user)


# Deadline: 16:15:00 Finnish time, in winter (UTC+2) and summer (UTC+3) ----------------------------------


@pytest.mark.parametrize(
    "closes_at",
    [
        datetime(2027, 1, 15, 16, 15, tzinfo=clock.HELSINKI),
        datetime(2027, 6, 15, 16, 15, tzinfo=clock.HELSINKI),
    ],
    ids=["winter", "summer"],
)
def test_deadline_boundary_one_second(closes_at, helsinki, signatory, espoo, user_factory):
    opens_at = closes_at - timedelta(days=30)
    with time_machine.travel(opens_at + timedelta(days=1), tick=False):
        call = make_call(opens_at=opens_at, closes_at=closes_at)
        early = complete_application(draft(call, signatory, helsinki), signatory)
        espoo_signatory = user_factory(Role.SIGNATORY, espoo)
        late = complete_application(draft(call, espoo_signatory, espoo), espoo_signatory)
    with time_machine.travel(closes_at - timedelta(seconds=1), tick=False):
        assert actions.submit(early, by=signatory).status == Status.SUBMITTED
    with time_machine.travel(closes_at, tick=False), pytest.raises(actions.CallClosed):
        actions.submit(late, by=espoo_signatory)
    with time_machine.travel(closes_at + timedelta(seconds=1), tick=False), pytest.raises(actions.CallClosed):
        actions.submit(late, by=espoo_signatory)
    assert Application.objects.get(pk=late.pk).status == Status.DRAFT
    assert closes_at.utcoffset() == timedelta(hours=2 if closes_at.month == 1 else 3)


def test_closed_call_refuses_new_drafts(helsinki, signatory):
    call = make_call()
    with time_machine.travel(call.closes_at), pytest.raises(actions.CallClosed):
        draft(call, signatory, helsinki)


# The 85 % rule, in cents ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("eligible", "requested", "ok"),
    [
        ("10000.00", "8500.00", True),
        ("10000.00", "8500.01", False),
        ("11900.01", "10115.00", True),
        ("11900.01", "10115.01", False),
        ("0.01", "0.00", True),
    ],  # fmt: skip
)
def test_requested_at_most_85_percent_of_eligible(eligible, requested, ok):
    call = make_call()
    messages = validation.check_aid_share(call, Decimal(eligible), Decimal(requested))
    assert (messages == []) is ok


def test_submit_refuses_more_than_85_percent(helsinki, signatory):
    call = make_call()
    application = complete_application(draft(call, signatory, helsinki), signatory, requested="8500.01")
    with pytest.raises(actions.Incomplete) as excinfo:
        actions.submit(application, by=signatory)
    assert [m["code"] for m in excinfo.value.missing] == ["aid_share_exceeded"]


# Submission ------------------------------------------------------------------------------------------------


def test_submit_is_idempotent_and_numbers_cases(helsinki, signatory, django_capture_on_commit_callbacks):
    call = make_call()
    application = complete_application(draft(call, signatory, helsinki), signatory)
    with django_capture_on_commit_callbacks(execute=False):
        first = actions.submit(application, by=signatory)
        again = actions.submit(application, by=signatory)
    year = clock.helsinki(clock.now()).year
    assert first.case_number == again.case_number == f"VM/1/{year}"
    assert AuditEvent.objects.filter(action="application.submitted").count() == 1
    assert first.submitted_by == signatory
    assessment = maturity.get_assessment(helsinki, call)
    assert assessment.frozen_at is not None and assessment.frozen_with == application.pk


def test_non_signatory_cannot_submit(helsinki, applicant):
    call = make_call()
    application = complete_application(draft(call, applicant, helsinki), applicant)
    with pytest.raises(PermissionDenied):
        actions.submit(application, by=applicant)
    assert Application.objects.get(pk=application.pk).status == Status.DRAFT


def test_other_municipality_cannot_touch(helsinki, espoo, signatory, user_factory):
    call = make_call()
    application = draft(call, signatory, helsinki)
    stranger = user_factory(Role.SIGNATORY, espoo)
    with pytest.raises(PermissionDenied):
        actions.save(application, by=stranger, version=application.version, changes={"answers": {}})
    with pytest.raises(PermissionDenied):
        actions.submit(application, by=stranger)
    with pytest.raises(PermissionDenied):
        actions.create_draft(call, helsinki, by=stranger)


def test_missing_lists_everything(helsinki, signatory):
    call = make_call()
    application = draft(call, signatory, helsinki)
    with pytest.raises(actions.Incomplete) as excinfo:
        actions.submit(application, by=signatory)
    codes = {m["code"] for m in excinfo.value.missing}
    assert {"answer_missing", "budget_missing", "requested_amount_missing", "contacts_missing",
            "indicators_missing", "participants_unconfirmed", "maturity_assessment_missing"} <= codes  # fmt: skip


def test_submitted_is_read_only(helsinki, signatory):
    call = make_call()
    application = actions.submit(
        complete_application(draft(call, signatory, helsinki), signatory), by=signatory
    )
    with pytest.raises(actions.NotEditable):
        actions.save(
            application, by=signatory, version=application.version, changes={"answers": {"summary": "x"}}
        )
    with pytest.raises(maturity.Frozen):
        maturity.save_ratings(helsinki, call, {}, by=signatory)


# Versions and conflicts ------------------------------------------------------------------------------------


def test_stale_save_is_refused_and_every_version_kept(helsinki, signatory, applicant):
    call = make_call()
    application = draft(call, signatory, helsinki)
    base = application.version
    actions.save(application, by=signatory, version=base, changes={"answers": {"summary": "Ensimmäinen"}})
    with pytest.raises(actions.VersionConflict) as excinfo:
        actions.save(application, by=applicant, version=base, changes={"answers": {"summary": "Toinen"}})
    assert excinfo.value.application.answers["summary"] == "Ensimmäinen"
    assert Application.objects.get(pk=application.pk).answers["summary"] == "Ensimmäinen"
    versions = list(ApplicationVersion.objects.filter(application=application).order_by("version"))
    assert [v.version for v in versions] == [1, 2]
    assert versions[-1].data["answers"]["summary"] == "Ensimmäinen"


def test_saves_on_the_same_version_merge_when_they_change_different_answers(helsinki, signatory, applicant):
    application = draft(make_call(), signatory, helsinki)
    base = application.version
    actions.save(application, by=signatory, version=base, changes={"answers": {"summary": "Hänen"}})
    merged = actions.save(
        application, by=applicant, version=base, changes={"answers": {"project_name": "Minun"}}
    )
    assert merged.changed_by_others == {"summary"}
    saved = Application.objects.get(pk=application.pk)
    assert saved.answers == {"summary": "Hänen", "project_name": "Minun"}
    versions = list(ApplicationVersion.objects.filter(application=application).order_by("version"))
    assert [v.version for v in versions] == [1, 2, 3]
    assert versions[1].data["answers"] == {"summary": "Hänen"}  # the state the first saver had stays kept
    assert versions[2].data["answers"] == saved.answers


def test_a_form_that_sends_an_answer_unchanged_keeps_the_other_persons_change(helsinki, signatory, applicant):
    # A page posts all its answers: the one this person left as it was is not theirs to overwrite.
    application = draft(make_call(), signatory, helsinki)
    actions.save(
        application, by=signatory, version=1, changes={"answers": {"summary": "Alku", "project_name": "A"}}
    )
    actions.mark_seen(
        Application.objects.get(pk=application.pk), applicant
    )  # the other person opens the page
    actions.save(application, by=signatory, version=2, changes={"answers": {"summary": "Hänen"}})
    actions.save(
        application, by=applicant, version=2, changes={"answers": {"summary": "Alku", "project_name": "B"}}
    )
    assert Application.objects.get(pk=application.pk).answers == {"summary": "Hänen", "project_name": "B"}


def test_a_save_that_would_overwrite_a_newer_change_is_a_conflict(helsinki, signatory, applicant):
    application = draft(make_call(), signatory, helsinki)
    actions.save(application, by=signatory, version=1, changes={"answers": {"summary": "Hänen"}})
    with pytest.raises(actions.VersionConflict):
        actions.save(
            application,
            by=applicant,
            version=1,
            changes={"answers": {"summary": "Minun", "project_name": "X"}},
        )
    assert Application.objects.get(pk=application.pk).answers == {"summary": "Hänen"}  # nothing of it saved
    # Writing the same as the other person is no conflict.
    actions.save(application, by=applicant, version=1, changes={"answers": {"summary": "Hänen"}})


def test_parts_merge_with_answers_and_clash_with_themselves(helsinki, signatory, applicant):
    application = draft(make_call(), signatory, helsinki)
    actions.save(application, by=signatory, version=1, changes={"requested_amount": "1000"})
    actions.save(application, by=applicant, version=1, changes={"answers": {"summary": "Minun"}})
    with pytest.raises(actions.VersionConflict):
        actions.save(application, by=applicant, version=1, changes={"requested_amount": "2000"})
    saved = Application.objects.get(pk=application.pk)
    assert (saved.requested_amount, saved.answers) == (1000, {"summary": "Minun"})


@pytest.mark.parametrize("version", [0, -1, 99])
def test_a_version_that_never_was_is_a_conflict(helsinki, signatory, version):
    application = draft(make_call(), signatory, helsinki)
    actions.save(application, by=signatory, version=1, changes={"answers": {"summary": "x"}})
    with pytest.raises(actions.VersionConflict):
        actions.save(application, by=signatory, version=version, changes={"answers": {"project_name": "y"}})


VALUES = st.sampled_from(["", "a", "b"])
ANSWERS = st.fixed_dictionaries({}, optional={"project_name": VALUES, "summary": VALUES})


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(start=ANSWERS, theirs=ANSWERS, mine=ANSWERS)
def test_a_merge_never_loses_a_change_silently(helsinki, signatory, applicant, start, theirs, mine):
    """Over every base, their change and mine: either a conflict that saves nothing, or every answer ends as
    the one who changed it wrote it."""
    application = draft(make_call(slug=f"m{Application.objects.count()}"), signatory, helsinki)
    actions.save(application, by=signatory, version=1, changes={"answers": start})
    actions.mark_seen(Application.objects.get(pk=application.pk), applicant)  # I open the page at version 2
    actions.save(application, by=signatory, version=2, changes={"answers": theirs})
    after_theirs = dict(Application.objects.get(pk=application.pk).answers)
    try:
        actions.save(application, by=applicant, version=2, changes={"answers": mine})
    except actions.VersionConflict:
        assert Application.objects.get(pk=application.pk).answers == after_theirs
        return
    result = Application.objects.get(pk=application.pk).answers
    for key in ("project_name", "summary"):
        was, their, now = start.get(key) or "", after_theirs.get(key) or "", result.get(key) or ""
        my = (mine.get(key) or "") if key in mine else was
        if their != was and my != was:
            assert now == their == my  # both changed it: merged only when they agree
        elif their != was:
            assert now == their
        else:
            assert now == my


def test_invalid_values_save_nothing(helsinki, signatory):
    call = make_call()
    application = draft(call, signatory, helsinki)
    with pytest.raises(validation.ApplicationInvalid) as excinfo:
        actions.save(application, by=signatory, version=1, changes={
            "answers": {"nope": "x", "summary": "x" * 1501, "project_name": "Hyvä"},
            "budget": [{"category": "personnel", "year": call.opens_at.year, "amount": "12,5x"}],
        })  # fmt: skip
    assert set(excinfo.value.errors) == {"nope", "summary", "budget.0.amount"}
    assert Application.objects.get(pk=application.pk).answers == {}


# Attachments -------------------------------------------------------------------------------------------------

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def stored_files(root):
    return [p for p in root.rglob("*") if p.is_file()]


def test_pdf_is_accepted_and_stored(helsinki, signatory, media):
    application = draft(make_call(), signatory, helsinki)
    attachment = actions.add_attachment(application, SimpleUploadedFile("liite.pdf", PDF), by=signatory)
    assert attachment.kind == "pdf" and attachment.size == len(PDF)
    assert len(stored_files(media)) == 1


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("ohjelma.pdf", b"MZ\x90\x00\x03" + b"\x00" * 100),
        ("kuva.png", b"<html><script>alert(1)</script>"),
        ("tyhja.pdf", b""),
    ],  # fmt: skip
)
def test_refused_files_are_never_stored(helsinki, signatory, media, name, content):
    application = draft(make_call(), signatory, helsinki)
    with pytest.raises(FileRefused):
        actions.add_attachment(application, SimpleUploadedFile(name, content), by=signatory)
    assert stored_files(media) == [] and Attachment.objects.count() == 0


def test_oversized_and_too_many_files_refused(helsinki, signatory, media):
    call = make_call()
    call.max_attachment_mb, call.max_attachments = 1, 1
    call.save()
    application = draft(call, signatory, helsinki)
    big = PDF + b"0" * (1024 * 1024)
    with pytest.raises(FileRefused):
        actions.add_attachment(application, SimpleUploadedFile("iso.pdf", big), by=signatory)
    actions.add_attachment(application, SimpleUploadedFile("a.pdf", PDF), by=signatory)
    with pytest.raises(FileRefused):
        actions.add_attachment(application, SimpleUploadedFile("b.pdf", PDF), by=signatory)
    assert len(stored_files(media)) == 1


# Completion requests and withdrawal --------------------------------------------------------------------------


def test_completion_request_opens_only_named_parts(
    helsinki, signatory, user_factory, django_capture_on_commit_callbacks
):
    call = make_call()
    official = user_factory(Role.OFFICIAL)
    application = actions.submit(
        complete_application(draft(call, signatory, helsinki), signatory), by=signatory
    )
    with django_capture_on_commit_callbacks(execute=True):
        actions.request_completion(
            application, by=official, message="Tarkenna budjettia.", sections=["budget"],
            due_at=clock.now() + timedelta(days=14),
        )  # fmt: skip
    application.refresh_from_db()
    assert application.status == Status.COMPLETION_REQUESTED
    with pytest.raises(actions.NotEditable):
        actions.save(
            application, by=signatory, version=application.version, changes={"answers": {"summary": "x"}}
        )
    application = actions.save(
        application, by=signatory, version=application.version, changes={"requested_amount": "8000.00"}
    )
    resubmitted = actions.submit(application, by=signatory)
    assert resubmitted.status == Status.SUBMITTED and resubmitted.case_number == application.case_number
    assert resubmitted.completion_requests.get().state == "answered"


def test_withdrawal_needs_signatory_and_reason(helsinki, signatory, applicant):
    call = make_call()
    application = actions.submit(
        complete_application(draft(call, signatory, helsinki), signatory), by=signatory
    )
    with pytest.raises(PermissionDenied):
        actions.withdraw(application, by=applicant, reason="Ei resursseja")
    with pytest.raises(validation.ApplicationInvalid):
        actions.withdraw(application, by=signatory, reason=" ")
    withdrawn = actions.withdraw(application, by=signatory, reason="Ei resursseja")
    assert withdrawn.status == Status.WITHDRAWN and withdrawn.withdrawal_reason == "Ei resursseja"


def test_attachment_business_secret_marking_can_change(helsinki, signatory, espoo, user_factory, media):
    application = draft(make_call(), signatory, helsinki)
    first = actions.add_attachment(application, SimpleUploadedFile("a.pdf", PDF), by=signatory)
    second = actions.add_attachment(
        application, SimpleUploadedFile("b.pdf", PDF), by=signatory, confidential=True
    )
    application.refresh_from_db()
    application = actions.save(
        application,
        by=signatory,
        version=application.version,
        changes={"confidential_attachments": [first.pk]},
    )
    assert {a.pk: a.confidential for a in application.attachments.all()} == {first.pk: True, second.pk: False}
    assert (
        application.versions.get(version=application.version).data["attachments"][0]["confidential"] is True
    )

    other = draft(make_call(slug="toinen"), user_factory(Role.SIGNATORY, espoo), espoo)
    foreign = actions.add_attachment(other, SimpleUploadedFile("c.pdf", PDF), by=other.created_by)
    with pytest.raises(validation.ApplicationInvalid) as excinfo:
        actions.save(application, by=signatory, version=application.version,
                     changes={"confidential_attachments": [foreign.pk]})  # fmt: skip
    assert set(excinfo.value.errors) == {"confidential_attachments"}
    assert Attachment.objects.get(pk=foreign.pk).confidential is False
