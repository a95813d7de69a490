"""The lifecycle core: forms as data (purpose, sections, question types), participants who confirm their own
participation, and the time guards of the one workflow (closed call, overdue completion request)."""

from datetime import timedelta

import pytest
import time_machine
from django import forms
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kannustin.accounts.roles import Role
from kannustin.api.tests.test_applications_api import Api
from kannustin.core import clock
from kannustin.core.permissions import can
from kannustin.programmes import question_types
from kannustin.programmes.models import Question, QuestionSet, Section
from kannustin.programmes.tests.factories import add_page, make_programme
from kannustin.registry.models import Organisation

from .. import actions, validation, workflow
from ..models import CompletionRequest, Participant, Status
from ..presentation import listable, public_view
from ..tasks import application_pdf
from .helpers import complete_application, make_call, rate_maturity
from .test_receipt_pdf import pdf_text

pytestmark = pytest.mark.django_db


def fresh(application):
    return type(application).objects.get(pk=application.pk)


# Forms as data -------------------------------------------------------------------------------------------


def test_a_proposal_without_budget_contacts_or_indicators_is_complete_and_submits(
    client, reference_data, helsinki, user_factory
):
    """A stage-1 proposal's form has questions and optional attachments only: nothing asks for a budget."""
    _programme, call = make_programme(slug="ehdotukset")
    question_set = QuestionSet.objects.create(call=call, version=2, purpose=QuestionSet.Purpose.PROPOSAL)
    add_page(question_set, "proposal", 10)
    Section(question_set=question_set, key="attachments", kind="attachments", order=20, required=False,
            title_fi="Liitteet", title_sv="Bilagor", title_en="Attachments").save(bypass_lock=True)  # fmt: skip
    for order, key in enumerate(("project_name", "summary", "p1_problem")):
        Question(question_set=question_set, key=key, type="text", section="proposal", order=order, max_length=2000,
                 label_fi=key, label_sv=key, label_en=key).save(bypass_lock=True)  # fmt: skip
    signatory = user_factory(Role.SIGNATORY, helsinki)
    draft = actions.create_draft(call, helsinki, by=signatory)
    assert draft.question_set == question_set
    assert [s.key for s in draft.sections()] == ["proposal", "attachments"]

    client.force_login(signatory)
    overview = client.get(reverse("applications:overview", args=[draft.pk])).content.decode()
    assert "Budget" not in overview and "Contact people" not in overview and "Indicators" not in overview
    assert client.get(reverse("applications:budget", args=[draft.pk])).status_code == 404

    draft = actions.save(draft, by=signatory, version=draft.version, changes={
        "answers": {"project_name": "Yhteinen asiointi", "summary": "Yksi palvelu", "p1_problem": "Hajanaisuus"},
    })  # fmt: skip
    # A part the form does not have is refused as a change, not silently stored.
    with pytest.raises(validation.ApplicationInvalid):
        actions.save(draft, by=signatory, version=draft.version, changes={"budget": []})
    check = client.get(reverse("applications:check", args=[draft.pk])).content.decode()
    assert "Yhteinen asiointi" in check and "Hajanaisuus" in check
    response = client.post(reverse("applications:submit", args=[draft.pk]), {"version": draft.version})
    assert response.status_code == 302
    submitted = fresh(draft)
    assert submitted.status == Status.SUBMITTED and submitted.case_number


class Percentage(question_types.QuestionType):
    """A new type, defined once: its form field, cleaning, display and API schema."""

    code, label = "percentage_test", "Percentage"
    schema = {"type": "integer", "minimum": 0, "maximum": 100}

    def form_field(self, question, **context):
        return forms.IntegerField(**{**self.common(question), "required": False}, min_value=0, max_value=100)

    def clean_value(self, question, value):
        try:
            number = int(value)
        except (TypeError, ValueError):
            raise ValueError("Enter a whole number from 0 to 100.") from None
        if not 0 <= number <= 100:
            raise ValueError("Enter a whole number from 0 to 100.")
        return number

    def display(self, question, value):
        return "" if self.is_empty(value) else f"{value} %"


@pytest.fixture
def percentage_type():
    question_types.register(Percentage)
    yield
    question_types._TYPES.pop(Percentage.code)


def test_a_new_question_type_in_one_class_works_in_the_form_the_api_and_the_pdf(
    client, reference_data, helsinki, user_factory, percentage_type
):
    call = make_call()
    question_set = call.current_question_set()
    Question(question_set=question_set, key="digital_share", type=Percentage.code, section="basics", order=9,
             label_fi="Digitaalisten asiointien osuus", label_sv="Andel digitala ärenden",
             label_en="Share of digital transactions").save(bypass_lock=True)  # fmt: skip
    signatory = user_factory(Role.SIGNATORY, helsinki)
    draft = actions.create_draft(call, helsinki, by=signatory)

    # The form: the type's own field, its cleaning.
    client.force_login(signatory)
    url = reverse("applications:section", args=[draft.pk, "basics"])
    page = client.get(url).content.decode()
    assert 'name="digital_share"' in page and 'type="number"' in page
    response = client.post(url, {"version": draft.version, "project_name": "Hanke", "digital_share": "42"})
    assert response.status_code == 302
    assert fresh(draft).answers["digital_share"] == 42

    # The API: the answer's schema in the call, cleaning of a PATCH.
    api = Api(client, signatory)
    detail = api.get(f"/calls/{call.pk}/").json()
    question = next(q for q in detail["question_set"]["questions"] if q["key"] == "digital_share")
    assert question["type"] == Percentage.code and question["answer_schema"] == Percentage.schema
    response = api.patch(
        f"/applications/{draft.pk}/", {"version": fresh(draft).version, "answers": {"digital_share": 140}}
    )
    assert response.status_code == 422
    assert "0 to 100" in str(response.json())
    assert fresh(draft).answers["digital_share"] == 42

    # The PDF: its display.
    assert "42 %" in pdf_text(application_pdf(fresh(draft)))


# Participants ----------------------------------------------------------------------------------------------


@pytest.fixture
def joint_draft(reference_data, helsinki, user_factory):
    lead = user_factory(Role.SIGNATORY, helsinki)
    call = make_call()
    draft = actions.create_draft(call, helsinki, by=lead)
    draft = actions.save(draft, by=lead, version=draft.version, changes={"participants": ["049"]})
    return draft, lead


def test_a_partners_signatory_confirms_participation_and_sees_the_application(
    client, joint_draft, user_factory, django_capture_on_commit_callbacks
):
    draft, lead = joint_draft
    espoo = Organisation.objects.get(code="049")
    espoo_signatory = user_factory(Role.SIGNATORY, espoo)
    espoo_applicant = user_factory(Role.APPLICANT, espoo)
    partner = draft.participants.get(organisation=espoo)
    assert partner.role == Participant.Role.PARTNER and partner.state == "waiting"
    # A partner is asked by its own signatory only; the lead cannot confirm on its behalf.
    partner.application = draft
    assert can(espoo_signatory, "confirm", partner)
    assert not can(espoo_applicant, "confirm", partner) and not can(lead, "confirm", partner)

    client.force_login(espoo_signatory)
    dashboard = client.get(reverse("applications:dashboard")).content.decode()
    participation_url = reverse("applications:participation", args=[draft.pk, "049"])
    assert participation_url in dashboard
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(participation_url, {"decision": "confirm"})
    assert response.status_code == 302
    partner.refresh_from_db()
    assert partner.state == "confirmed" and partner.confirmed_by == espoo_signatory and partner.confirmed_at
    assert any(lead.email in message.to for message in mail.outbox)  # the lead is told

    # Espoo's people now see the application, and may write it with the lead.
    assert client.get(reverse("applications:overview", args=[draft.pk])).status_code == 200
    assert can(espoo_signatory, "change", fresh(draft)) and not can(
        espoo_signatory, "manage_participants", fresh(draft)
    )

    # Another organisation's user gets 404 everywhere.
    outsider = user_factory(Role.SIGNATORY, Organisation.objects.get(code="092"))
    client.force_login(outsider)
    for url in (reverse("applications:overview", args=[draft.pk]), participation_url,
                reverse("applications:participation", args=[draft.pk, "092"])):  # fmt: skip
        assert client.get(url).status_code == 404, url
    assert client.post(participation_url, {"decision": "decline"}).status_code == 404
    assert fresh(draft).participants.get(organisation=espoo).state == "confirmed"


# Time guards ---------------------------------------------------------------------------------------------


def test_a_draft_of_a_closed_call_is_read_only(client, reference_data, helsinki, user_factory):
    call = make_call()
    signatory = user_factory(Role.SIGNATORY, helsinki)
    draft = actions.create_draft(call, helsinki, by=signatory)
    draft = actions.save(
        draft, by=signatory, version=draft.version, changes={"answers": {"project_name": "Ennen"}}
    )
    after_close = call.closes_at + timedelta(minutes=1)
    with time_machine.travel(after_close, tick=False):
        assert draft.editing_refusal() == "call_closed" and not can(signatory, "change", draft)
        client.force_login(signatory)
        url = reverse("applications:section", args=[draft.pk, "basics"])
        page = client.get(url)
        assert page.status_code == 200 and "Ennen" in page.content.decode()  # still readable
        assert 'name="project_name"' not in page.content.decode()
        client.post(url, {"version": draft.version, "project_name": "Jälkeen"})
        response = Api(client, signatory).patch(f"/applications/{draft.pk}/", {
            "version": draft.version, "answers": {"project_name": "Jälkeen"}})  # fmt: skip
        assert response.status_code == 409 and response.json()["code"] == "call_closed"
        with pytest.raises(workflow.Refused) as refused:
            actions.add_attachment(draft, SimpleUploadedFile("liite.pdf", b"%PDF-1.4\n%%EOF\n"), by=signatory)
        assert refused.value.code == "call_closed"
    saved = fresh(draft)
    assert saved.answers["project_name"] == "Ennen" and saved.version == draft.version


def test_after_the_due_time_of_a_completion_request_nothing_changes_and_the_request_is_closed(
    client, reference_data, helsinki, user_factory, django_capture_on_commit_callbacks
):
    call = make_call()
    signatory = user_factory(Role.SIGNATORY, helsinki)
    official = user_factory(Role.OFFICIAL)
    application = complete_application(actions.create_draft(call, helsinki, by=signatory), signatory)
    rate_maturity(helsinki, call, signatory)
    with django_capture_on_commit_callbacks(execute=True):
        application = actions.submit(fresh(application), by=signatory)
    due = clock.now() + timedelta(days=3)
    request = actions.request_completion(fresh(application), by=official, message="Tarkenna tiivistelmä",
                                         sections=["basics"], due_at=due)  # fmt: skip
    application = fresh(application)
    assert application.status == Status.COMPLETION_REQUESTED and can(signatory, "change", application)
    before = (application.version, application.answers["summary"])

    with time_machine.travel(due + timedelta(seconds=1), tick=False):
        application = fresh(application)
        assert application.editing_refusal() == "completion_overdue"
        client.force_login(signatory)
        client.cookies["kannustin_language"] = "en"
        url = reverse("applications:section", args=[application.pk, "basics"])
        response = client.post(url, {"version": application.version, "summary": "Myöhässä"}, follow=True)
        assert "The time to complete the application has passed" in response.content.decode()
        response = Api(client, signatory).patch(f"/applications/{application.pk}/", {
            "version": application.version, "answers": {"summary": "Myöhässä"}})  # fmt: skip
        assert response.status_code == 409 and response.json()["code"] == "completion_overdue"
        assert (fresh(application).version, fresh(application).answers["summary"]) == before

        # The scheduler closes the overdue request and tells both sides.
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            assert actions.expire_overdue_completions() == 1
        request.refresh_from_db()
        assert request.state == CompletionRequest.State.EXPIRED
        assert fresh(application).status == Status.SUBMITTED
        recipients = {address for message in mail.outbox for address in message.to}
        assert signatory.email in recipients and official.email in recipients
        # A second run finds nothing more to close.
        assert actions.expire_overdue_completions() == 0


# What is public -----------------------------------------------------------------------------------------


def test_public_view_leaves_out_marked_answers_attachments_and_answers_pointing_to_them(
    reference_data, helsinki, user_factory
):
    call = make_call()
    Question(question_set=call.current_question_set(), key="price_list", type="file", section="basics", order=8,
             label_fi="Hinnasto", label_sv="Prislista", label_en="Price list").save(bypass_lock=True)  # fmt: skip
    signatory = user_factory(Role.SIGNATORY, helsinki)
    draft = complete_application(actions.create_draft(call, helsinki, by=signatory), signatory)
    plan = actions.add_attachment(
        draft, SimpleUploadedFile("suunnitelma.pdf", b"%PDF-1.4\n%%EOF\n"), by=signatory
    )
    prices = actions.add_attachment(
        fresh(draft), SimpleUploadedFile("hinnasto.pdf", b"%PDF-1.4\n%%EOF\n"), by=signatory
    )
    draft = fresh(draft)
    draft = actions.save(draft, by=signatory, version=draft.version, changes={
        "answers": {"g1_impact": "Salainen säästölaskelma", "price_list": [prices.pk]},
        "confidential_keys": ["g1_impact"], "confidential_attachments": [prices.pk],
    })  # fmt: skip
    view = public_view(fresh(draft))
    shown = {row["question"].key: row["display"] for row in view.answers}
    assert view.title == draft.title and view.summary == draft.summary  # not marked: public
    assert "g1_impact" not in shown and "Salainen säästölaskelma" not in str(view)
    assert "price_list" not in shown  # points to a secret attachment
    assert [a.pk for a in view.attachments] == [plan.pk]
    # Marking the name and the summary leaves the application unnamed in public.
    draft = fresh(draft)
    draft = actions.save(draft, by=signatory, version=draft.version,
                         changes={"confidential_keys": ["g1_impact", "project_name", "summary"]})  # fmt: skip
    view = public_view(fresh(draft))
    assert view.title == "" and view.summary == "" and not listable(fresh(draft).confidential_keys)
    assert view.lead == helsinki and view.case_number == draft.case_number


def test_attachments_check_the_version_in_the_page_and_the_api(
    client, reference_data, helsinki, user_factory
):
    """A file added on an older version merges (it overwrites nothing); a version that never was, or the
    removal of a file that was not there or changed since, is a conflict."""
    call = make_call()
    signatory = user_factory(Role.SIGNATORY, helsinki)
    draft = actions.create_draft(call, helsinki, by=signatory)
    stale = draft.version
    draft = actions.save(draft, by=signatory, version=stale, changes={"answers": {"project_name": "Toinen"}})
    client.force_login(signatory)
    client.cookies["kannustin_language"] = "en"
    pdf = b"%PDF-1.4\n%%EOF\n"
    response = client.post(reverse("applications:attachments", args=[draft.pk]),
                           {"version": stale, "file": SimpleUploadedFile("a.pdf", pdf)})  # fmt: skip
    assert response.status_code == 302 and fresh(draft).attachments.count() == 1
    assert fresh(draft).answers["project_name"] == "Toinen"
    response = client.post(reverse("applications:attachments", args=[draft.pk]),
                           {"version": 99, "file": SimpleUploadedFile("a.pdf", pdf)})  # fmt: skip
    assert (
        response.status_code == 200
        and "Someone else changed the application meanwhile" in response.content.decode()
    )
    response = Api(client, signatory).upload(
        f"/applications/{draft.pk}/attachments/?version=99", "a.pdf", pdf
    )
    assert response.status_code == 409 and response.json()["code"] == "version_conflict"
    response = Api(client, signatory).upload(
        f"/applications/{draft.pk}/attachments/?version={stale}", "c.pdf", pdf
    )
    assert response.status_code == 201 and fresh(draft).attachments.count() == 2
    fresh(draft).attachments.all().delete()
    seen = fresh(draft).version
    attachment = actions.add_attachment(fresh(draft), SimpleUploadedFile("b.pdf", pdf), by=signatory)
    response = (
        client.post(  # the file was added after the version the page shows: not this person's to remove
            reverse("applications:attachment_delete", args=[draft.pk, attachment.pk]), {"version": seen}
        )
    )
    assert response.status_code == 302 and fresh(draft).attachments.count() == 1
    on_page = fresh(draft).version
    actions.save(fresh(draft), by=signatory, version=on_page, changes={"answers": {"summary": "Muu muutos"}})
    response = client.post(reverse("applications:attachment_delete", args=[draft.pk, attachment.pk]),
                           {"version": on_page})  # fmt: skip
    assert response.status_code == 302 and not fresh(draft).attachments.exists()
