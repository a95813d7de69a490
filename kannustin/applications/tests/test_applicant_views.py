"""The applicant's pages: dashboard, task list, sections with autosave, check your answers, submission,
receipt, withdrawal and notifications; who may see them and how many queries they run."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from kannustin.accounts.roles import Role
from kannustin.core import clock
from kannustin.core.formats import format_date, format_time
from kannustin.core.models import Notification
from kannustin.programmes.models import Question
from kannustin.programmes.tests.factories import add_page
from kannustin.registry.models import Organisation

from .. import actions
from ..models import Application, ApplicationVersion, CaseNumberCounter, CompletionRequest, Status
from .helpers import complete_application, make_call

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client):
    client.cookies["kannustin_language"] = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def call(reference_data):
    call = make_call()
    question_set = call.current_question_set()
    add_page(question_set, "sharing", 25)
    # A page of other kinds of questions, to see every widget saved and shown again.
    for order, (key, kind, extra) in enumerate(
        [
            (
                "share_results",
                Question.Type.CHOICE,
                {
                    "options": [
                        {"key": "yes", "label_fi": "Kyllä", "label_sv": "Ja", "label_en": "Yes"},
                        {"key": "no", "label_fi": "Ei", "label_sv": "Nej", "label_en": "No"},
                    ]
                },
            ),
            (
                "channels",
                Question.Type.MULTIPLE_CHOICE,
                {
                    "required": False,
                    "options": [
                        {"key": "web", "label_fi": "Verkko", "label_sv": "Webb", "label_en": "Web"},
                        {
                            "key": "events",
                            "label_fi": "Tilaisuudet",
                            "label_sv": "Evenemang",
                            "label_en": "Events",
                        },
                    ],
                },
            ),
            ("own_money", Question.Type.MONEY, {"required": False}),
            ("partners", Question.Type.MUNICIPALITIES, {"required": False}),
        ]  # fmt: skip
    ):
        Question(
            question_set=question_set, key=key, type=kind, section="sharing", order=20 + order,
            label_fi=key, label_sv=key, label_en=key.replace("_", " ").capitalize(), **extra,
        ).save(bypass_lock=True)  # fmt: skip
    return call


@pytest.fixture
def signatory(helsinki, user_factory):
    return user_factory(Role.SIGNATORY, helsinki)


@pytest.fixture
def applicant(helsinki, user_factory):
    return user_factory(Role.APPLICANT, helsinki)


@pytest.fixture
def outsider(espoo, user_factory):
    return user_factory(Role.SIGNATORY, espoo)


@pytest.fixture
def draft(call, helsinki, signatory):
    return actions.create_draft(call, helsinki, by=signatory)


def fresh(application) -> Application:
    return Application.objects.get(pk=application.pk)


def section_url(application, section="basics"):
    return reverse("applications:section", args=[application.pk, section])


def basics(application, **answers) -> dict:
    data = {
        "version": str(application.version),
        "project_name": "Talouden raportoinnin automatisointi",
        "summary": "Raportointi automatisoidaan.",
        "start_date_day": "",
        "start_date_month": "",
        "start_date_year": "",
        "end_date_day": "",
        "end_date_month": "",
        "end_date_year": "",
        "action": "continue",
    }
    data.update(answers)
    return data


def complete(application, user) -> Application:
    """Everything the submission needs, including this file's extra required question."""
    application = complete_application(application, user)
    return actions.save(
        application, by=user, version=application.version, changes={"answers": {"share_results": "yes"}}
    )


def submitted(application, user, case_number):
    """A submitted application for list tests (set up directly: the submission rules are tested elsewhere)."""
    Application.objects.filter(pk=application.pk).update(
        status=Status.SUBMITTED, case_number=case_number, submitted_at=clock.now(), submitted_by=user
    )
    return fresh(application)


# Dashboard ----------------------------------------------------------------------------------------------


def test_dashboard_lists_only_the_users_organisations(client, call, helsinki, espoo, signatory, outsider):
    mine = actions.create_draft(call, helsinki, by=signatory)
    actions.save(mine, by=signatory, version=1, changes={"answers": {"project_name": "Helsingin hanke"}})
    theirs = actions.create_draft(call, espoo, by=outsider)
    actions.save(theirs, by=outsider, version=1, changes={"answers": {"project_name": "Espoon hanke"}})
    Notification.objects.create(user=signatory, subject="Täydennyspyyntö saapui", body="…", url="/")
    Notification.objects.create(user=outsider, subject="Espoon viesti", body="…")

    client.force_login(signatory)
    response = client.get(reverse("applications:dashboard"))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Helsingin hanke" in page
    assert "Espoon hanke" not in page
    assert "Täydennyspyyntö saapui" in page and "Espoon viesti" not in page
    assert call.title_en in page
    assert reverse("applications:start", args=[call.pk, helsinki.code]) in page
    assert reverse("applications:start", args=[call.pk, espoo.code]) not in page
    assert reverse("maturity:overview", args=[helsinki.code, call.pk]) in page
    assert "10 days left" in page or "9 days left" in page


def test_dashboard_countdown_on_the_last_day(client, call, signatory):
    closes = clock.helsinki(call.closes_at).replace(hour=16, minute=15, second=0, microsecond=0)
    call.closes_at = closes
    call.save()
    client.force_login(signatory)
    with time_machine.travel(closes.replace(hour=9), tick=False):
        page = client.get(reverse("applications:dashboard")).content.decode()
    assert "Closes today at 16:15" in page  # English: a colon (Finnish and Swedish write 16.15)
    with time_machine.travel(closes - timedelta(days=3), tick=False):
        page = client.get(reverse("applications:dashboard")).content.decode()
    assert "3 days left" in page


def test_dashboard_shows_status_case_number_and_completion_requests(
    client, call, helsinki, signatory, user_factory
):
    application = submitted(actions.create_draft(call, helsinki, by=signatory), signatory, "VM/7/2026")
    official = user_factory(Role.OFFICIAL)
    actions.request_completion(
        application, by=official, message="Lisää mittarit.", sections=["indicators"],
        due_at=clock.now() + timedelta(days=5),
    )  # fmt: skip
    client.force_login(signatory)
    page = client.get(reverse("applications:dashboard")).content.decode()
    assert "VM/7/2026" in page
    assert "Completion requested" in page
    assert "Requests for completion" in page


def _dashboard_world(call, helsinki, signatory, user_factory, count):
    official = user_factory(Role.OFFICIAL, email=f"official-{count}@vm.example")
    for index in range(count):
        application = actions.create_draft(call, helsinki, by=signatory)
        if index % 3 == 1:
            submitted(application, signatory, f"VM/{index}/2026")
        elif index % 3 == 2:
            application = submitted(application, signatory, f"VM/{index}/2026")
            actions.request_completion(
                application, by=official, message="Täydennä.", sections=["budget"],
                due_at=clock.now() + timedelta(days=3),
            )  # fmt: skip
    Notification.objects.bulk_create(
        Notification(user=signatory, subject=f"Viesti {i}", body="…") for i in range(count)
    )
    return Application.objects.filter(organisation=helsinki).order_by("pk").first()


@pytest.mark.parametrize("page", ["dashboard", "overview", "section", "check"])
def test_pages_run_the_same_number_of_queries_with_1_and_50_applications(
    client, call, helsinki, signatory, user_factory, django_assert_num_queries, page, settings
):
    settings.MAX_OPEN_DRAFTS_PER_CALL = 100  # an organisation with very many applications

    def url(application):
        if page == "dashboard":
            return reverse("applications:dashboard")
        if page == "section":
            return section_url(application)
        return reverse(f"applications:{page}", args=[application.pk])

    client.force_login(signatory)
    first = _dashboard_world(call, helsinki, signatory, user_factory, 1)
    client.get(url(first))  # warm-up: session, caches
    with CaptureQueriesContext(connection) as one:
        assert client.get(url(first)).status_code == 200
    _dashboard_world(call, helsinki, signatory, user_factory, 49)
    assert Application.objects.filter(organisation=helsinki).count() == 50
    with django_assert_num_queries(len(one.captured_queries)):
        assert client.get(url(first)).status_code == 200


def test_dashboard_for_someone_without_an_organisation(client, user_factory):
    official = user_factory(Role.OFFICIAL)
    client.force_login(official)
    from allauth.mfa.models import Authenticator

    assert Authenticator.objects.filter(user=official).exists()
    response = client.get(reverse("applications:dashboard"))
    assert response.status_code == 200
    assert "not linked to any municipality" in response.content.decode()


def test_dashboard_requires_sign_in(client):
    response = client.get(reverse("applications:dashboard"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


# Starting -----------------------------------------------------------------------------------------------


def test_start_creates_a_draft_and_opens_its_overview(client, call, helsinki, applicant):
    client.force_login(applicant)
    response = client.post(reverse("applications:start", args=[call.pk, helsinki.code]))
    application = Application.objects.get(organisation=helsinki)
    assert response.status_code == 302
    assert response["Location"] == reverse("applications:overview", args=[application.pk])
    assert application.status == Status.DRAFT and application.created_by == applicant
    page = client.get(response["Location"]).content.decode()
    assert "Project basics" in page and "Check your answers and submit" in page


def test_start_is_post_only(client, call, helsinki, applicant):
    client.force_login(applicant)
    assert client.get(reverse("applications:start", args=[call.pk, helsinki.code])).status_code == 405
    assert not Application.objects.exists()


def test_start_after_the_call_closed_says_so(client, call, helsinki, applicant):
    client.force_login(applicant)
    with time_machine.travel(call.closes_at + timedelta(seconds=1), tick=False):
        response = client.post(reverse("applications:start", args=[call.pk, helsinki.code]), follow=True)
    assert not Application.objects.exists()
    page = response.content.decode()
    assert "closed on" in page and "can no longer be started" in page


def test_start_for_another_municipality_is_404(client, call, espoo, applicant):
    client.force_login(applicant)
    assert client.post(reverse("applications:start", args=[call.pk, espoo.code])).status_code == 404
    assert not Application.objects.exists()


# Task list ----------------------------------------------------------------------------------------------


def test_overview_statuses_follow_what_is_saved_and_missing(client, draft, signatory):
    actions.save(draft, by=signatory, version=1, changes={"answers": {"project_name": "Nimi"}})
    client.force_login(signatory)
    page = client.get(reverse("applications:overview", args=[draft.pk])).content.decode()

    def status(key):
        match = re.search(rf'id="task-{key}-status">(.*?)</div>', page, re.S)
        return re.sub(r"<[^>]+>", "", match.group(1)).strip()

    assert status("basics") == "Incomplete"
    assert status("criteria") == "Not started"
    assert status("budget") == "Not started"
    assert status("attachments") == "Optional"
    assert status("maturity") == "Not started"
    assert status("check") == "Cannot start yet"
    assert reverse("applications:budget", args=[draft.pk]) in page
    assert reverse("maturity:overview", args=["091", draft.call_id]) in page
    assert section_url(draft, "criteria") in page


def test_overview_of_a_complete_application(client, draft, signatory):
    application = complete(draft, signatory)
    client.force_login(signatory)
    page = client.get(reverse("applications:overview", args=[application.pk])).content.decode()
    assert "Cannot start yet" not in page
    assert page.count("Completed") >= 6


# Section pages ------------------------------------------------------------------------------------------


def test_section_page_shows_the_questions_with_limits(client, draft, signatory):
    client.force_login(signatory)
    page = client.get(section_url(draft)).content.decode()
    assert 'name="version" id="application-version" value="1"' in page
    assert "govuk-character-count" in page and 'data-maxlength="200"' in page
    assert 'name="start_date_day"' in page  # GOV.UK date input
    assert "Save and continue" in page and "Save and come back later" in page
    assert "htmx.min.js" in page and 'hx-post="' in page
    assert "Similar projects" in page  # the title and summary are on this page
    sharing = client.get(section_url(draft, "sharing")).content.decode()
    assert 'type="radio"' in sharing and 'type="checkbox"' in sharing
    assert 'inputmode="decimal"' in sharing
    assert "(optional)" in sharing
    assert "Similar projects" not in sharing


def test_saving_a_section_continues_to_the_next_part(client, draft, signatory):
    client.force_login(signatory)
    data = basics(draft, start_date_day="1", start_date_month="3", start_date_year="2027")
    response = client.post(section_url(draft), data)
    assert response.status_code == 302
    assert response["Location"] == section_url(draft, "criteria")
    application = fresh(draft)
    assert application.version == 2
    assert application.answers["project_name"] == "Talouden raportoinnin automatisointi"
    assert application.answers["start_date"] == "2027-03-01"
    assert ApplicationVersion.objects.filter(application=application, version=2).exists()


def test_save_and_come_back_later_goes_to_the_overview(client, draft, signatory):
    client.force_login(signatory)
    response = client.post(section_url(draft), basics(draft, action="later"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("applications:overview", args=[draft.pk])
    assert "Your answers were saved" in response.content.decode()


def test_every_kind_of_answer_is_saved_and_shown_again(client, draft, signatory):
    client.force_login(signatory)
    data = {
        "version": "1",
        "share_results": "yes",
        "channels": ["web", "events"],
        "own_money": "1 500,50",
        "partners": "049, 092",
        "action": "later",
    }
    assert client.post(section_url(draft, "sharing"), data).status_code == 302
    answers = fresh(draft).answers
    assert answers["share_results"] == "yes"
    assert answers["channels"] == ["web", "events"]
    assert answers["own_money"] == "1500.50"
    assert answers["partners"] == ["049", "092"]
    page = client.get(section_url(draft, "sharing")).content.decode()
    assert 'value="1500,50"' in page and 'value="049, 092"' in page


def test_last_question_section_continues_to_the_structured_parts(client, draft, signatory):
    client.force_login(signatory)
    response = client.post(section_url(draft, "sharing"), {"version": "1", "action": "continue"})
    assert response["Location"] == reverse("applications:indicators", args=[draft.pk])


def test_invalid_values_are_not_saved_and_are_shown_as_typed(client, draft, signatory):
    client.force_login(signatory)
    too_long = "Ä" * 201
    response = client.post(
        section_url(draft), basics(draft, project_name=too_long, start_date_day="31", start_date_month="2")
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert too_long in page
    assert 'value="31"' in page
    assert "Enter a real date" in page
    assert page.startswith("<!DOCTYPE html>") and "<title>Error:" in page
    assert fresh(draft).version == 1


def test_unknown_municipality_codes_come_back_from_the_rules(client, draft, signatory):
    client.force_login(signatory)
    response = client.post(section_url(draft, "sharing"), {"version": "1", "partners": "999"})
    assert response.status_code == 200
    assert "Unknown municipality code: 999" in response.content.decode()
    assert fresh(draft).version == 1


def test_a_stale_save_shows_the_conflict_page_with_both_versions(client, draft, signatory, applicant):
    actions.save(draft, by=applicant, version=1, changes={"answers": {"project_name": "Toisen nimi"}})
    client.force_login(signatory)
    response = client.post(section_url(draft), basics(draft, project_name="Minun nimeni"))
    assert response.status_code == 409
    page = response.content.decode()
    assert "Minun nimeni" in page and "Toisen nimi" in page
    assert "<caption" in page
    assert 'name="version" value="2"' in page
    assert fresh(draft).answers["project_name"] == "Toisen nimi"

    # "Save my version anyway" posts the same values on the current version.
    form = page.split(f'action="{section_url(draft)}"')[-1]
    data = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form))
    assert data["project_name"] == "Minun nimeni" and data["version"] == "2"
    response = client.post(section_url(draft), data)
    assert response.status_code == 302
    assert fresh(draft).answers["project_name"] == "Minun nimeni"
    assert fresh(draft).version == 3


def test_saving_unchanged_answers_makes_no_new_version(client, draft, signatory):
    client.force_login(signatory)
    client.post(section_url(draft), basics(draft))
    assert fresh(draft).version == 2
    response = client.post(section_url(draft), basics(draft, version="2"))
    assert response.status_code == 302
    assert fresh(draft).version == 2


# Autosave -----------------------------------------------------------------------------------------------


def test_autosave_returns_the_saved_fragment_with_the_new_version(client, draft, signatory):
    client.force_login(signatory)
    with time_machine.travel(clock.helsinki(clock.now()).replace(hour=14, minute=32), tick=False):
        response = client.post(section_url(draft), basics(draft, action=""), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    fragment = response.content.decode()
    assert "<html" not in fragment
    assert "Saved at 14:32" in fragment
    assert re.search(
        r'<input type="hidden" name="version" id="application-version" value="2" hx-swap-oob="true">',
        fragment,
    )
    assert response["HX-Trigger"] == "applicationSaved"
    assert fresh(draft).version == 2


def test_autosave_with_invalid_values_saves_nothing(client, draft, signatory):
    client.force_login(signatory)
    response = client.post(section_url(draft), basics(draft, project_name="x" * 300), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    fragment = response.content.decode()
    assert "Not saved: check the highlighted answers" in fragment
    assert 'data-invalid-fields="project_name' in fragment
    assert "hx-swap-oob" not in fragment and "x" * 300 not in fragment
    assert fresh(draft).version == 1


def test_autosave_on_a_stale_version_reports_the_conflict(client, draft, signatory, applicant):
    actions.save(draft, by=applicant, version=1, changes={"answers": {"summary": "Toinen"}})
    client.force_login(signatory)
    response = client.post(section_url(draft), basics(draft), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    fragment = response.content.decode()
    assert "someone else saved this application" in fragment
    assert "data-autosave-stop" in fragment and f'href="{section_url(draft)}"' in fragment
    assert fresh(draft).answers["summary"] == "Toinen"


def test_autosave_merges_with_a_change_on_another_page_and_goes_on(client, draft, signatory, applicant):
    actions.save(draft, by=applicant, version=1, changes={"answers": {"share_results": "yes"}})
    client.force_login(signatory)
    response = client.post(section_url(draft), basics(draft, action=""), HTTP_HX_REQUEST="true")
    fragment = response.content.decode()
    assert "Saved at" in fragment and "data-autosave-stop" not in fragment
    assert 'id="application-version" value="3"' in fragment
    answers = fresh(draft).answers
    assert (
        answers["share_results"] == "yes"
        and answers["project_name"] == "Talouden raportoinnin automatisointi"
    )


def test_autosave_merged_with_a_change_on_the_same_page_keeps_it_and_asks_to_reload(
    client, draft, signatory, applicant
):
    actions.save(draft, by=signatory, version=1, changes={"answers": {"summary": "Yhteinen alku"}})
    actions.save(draft, by=applicant, version=2, changes={"answers": {"summary": "Toisen tarkennus"}})
    client.force_login(signatory)
    # The page was opened at version 2: its summary is the old one, its project name is new.
    response = client.post(
        section_url(draft),
        basics(draft, version="2", summary="Yhteinen alku", action=""),
        HTTP_HX_REQUEST="true",
    )
    fragment = response.content.decode()
    assert "Your changes were saved" in fragment and "summary" in fragment
    assert "data-autosave-stop" in fragment and "hx-swap-oob" not in fragment
    answers = fresh(draft).answers
    assert answers["summary"] == "Toisen tarkennus"
    assert answers["project_name"] == "Talouden raportoinnin automatisointi"


# Read-only and completion requests ----------------------------------------------------------------------


def test_a_submitted_application_is_read_only(client, draft, signatory):
    application = actions.submit(complete(draft, signatory), by=signatory)
    client.force_login(signatory)
    page = client.get(section_url(application)).content.decode()
    assert '<form method="post" action="' + section_url(application) not in page
    assert "can no longer be changed" in page
    assert "Tiedolla johtamisen kehittäminen" in page
    response = client.post(section_url(application), basics(application, version=str(application.version)))
    assert response.status_code == 302
    assert fresh(application).answers["project_name"] == "Tiedolla johtamisen kehittäminen"
    htmx = client.post(section_url(application), basics(application), HTTP_HX_REQUEST="true")
    assert "cannot be changed now" in htmx.content.decode()


def test_during_a_completion_request_only_the_named_parts_open(client, draft, signatory, user_factory):
    application = actions.submit(complete(draft, signatory), by=signatory)
    official = user_factory(Role.OFFICIAL)
    actions.request_completion(
        application, by=official, message="Tarkenna vaikuttavuutta.", sections=["criteria"],
        due_at=clock.now() + timedelta(days=7),
    )  # fmt: skip
    application = fresh(application)
    client.force_login(signatory)
    overview = client.get(reverse("applications:overview", args=[application.pk])).content.decode()
    assert "Tarkenna vaikuttavuutta." in overview
    assert "Cannot be changed" in overview
    assert "Only the parts named" in client.get(section_url(application)).content.decode()
    response = client.post(
        section_url(application, "criteria"),
        {"version": str(application.version), "g1_impact": "Uusi vastaus", "action": "later"},
    )
    assert response.status_code == 302
    assert fresh(application).answers["g1_impact"] == "Uusi vastaus"
    # Resubmission goes through the same flow and keeps the case number.
    application = fresh(application)
    response = client.post(
        reverse("applications:submit", args=[application.pk]), {"version": application.version}
    )
    assert response["Location"] == reverse("applications:receipt", args=[application.pk])
    assert fresh(application).status == Status.SUBMITTED
    assert fresh(application).case_number == application.case_number
    assert CompletionRequest.objects.get().state == CompletionRequest.State.ANSWERED


# Check your answers and submission ----------------------------------------------------------------------


def test_check_answers_lists_what_is_missing_with_links(client, draft, signatory):
    client.force_login(signatory)
    page = client.get(reverse("applications:check", args=[draft.pk])).content.decode()
    assert "things to do before you can submit" in page
    assert "Fill in the budget." in page
    assert "Complete the maturity self-assessment." in page
    assert f'href="{section_url(draft)}#id_project_name"' in page
    assert reverse("applications:budget", args=[draft.pk]) in page
    assert "Accept and submit" in page


def test_check_answers_of_a_complete_application(client, draft, signatory):
    application = complete(draft, signatory)
    client.force_login(signatory)
    page = client.get(reverse("applications:check", args=[application.pk])).content.decode()
    assert "things to do" not in page
    assert "Tiedolla johtamisen kehittäminen" in page
    assert "€10,000.00" in page and "€8,500.00" in page and "€1,500.00" in page  # costs, applied, own
    assert "15.00 %" in page
    assert "Käsittelyaika" in page and "sanna@example.com" in page
    assert "applies alone" in page


def test_an_applicant_who_is_not_a_signatory_cannot_submit(client, draft, signatory, applicant):
    application = complete(draft, signatory)
    client.force_login(applicant)
    page = client.get(reverse("applications:check", args=[application.pk])).content.decode()
    assert "Accept and submit" not in page
    assert "A signatory of Helsinki submits the application" in page
    assert "Signatory" in page  # the signatory's name (from make_user)
    response = client.post(
        reverse("applications:submit", args=[application.pk]), {"version": application.version}
    )
    assert response.status_code == 403
    assert fresh(application).status == Status.DRAFT


def test_a_signatory_submits_and_gets_the_receipt(client, draft, signatory):
    application = complete(draft, signatory)
    client.force_login(signatory)
    response = client.post(
        reverse("applications:submit", args=[application.pk]), {"version": application.version}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("applications:receipt", args=[application.pk])
    application = fresh(application)
    assert application.status == Status.SUBMITTED
    page = client.get(response["Location"]).content.decode()
    assert "govuk-panel--confirmation" in page
    assert application.case_number in page
    assert "What happens next" in page
    assert "sanna@example.com" in page
    assert reverse("applications:pdf", args=[application.pk]) in page


def test_a_double_click_yields_one_submission(client, draft, signatory):
    application = complete(draft, signatory)
    client.force_login(signatory)
    url = reverse("applications:submit", args=[application.pk])
    first = client.post(url, {"version": application.version})
    second = client.post(url, {"version": application.version})
    assert first["Location"] == second["Location"] == reverse("applications:receipt", args=[application.pk])
    assert Application.objects.get().case_number.startswith("VM/1/")
    assert CaseNumberCounter.objects.get().last == 1


def test_submitting_an_incomplete_application_lists_everything_missing(client, draft, signatory):
    client.force_login(signatory)
    response = client.post(reverse("applications:submit", args=[draft.pk]), {"version": draft.version})
    assert response.status_code == 422
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert "Fill in the budget." in page and "Add at least one contact person." in page
    assert fresh(draft).status == Status.DRAFT


def test_submitting_a_page_opened_before_a_change_asks_to_check_again(client, draft, signatory):
    application = complete(draft, signatory)
    client.force_login(signatory)
    response = client.post(
        reverse("applications:submit", args=[application.pk]), {"version": application.version - 1}
    )
    assert response["Location"] == reverse("applications:check", args=[application.pk])
    assert fresh(application).status == Status.DRAFT


def test_submitting_after_the_deadline_shows_the_closed_page(client, draft, signatory):
    application = complete(draft, signatory)
    client.force_login(signatory)
    with time_machine.travel(application.call.closes_at, tick=False):
        response = client.post(
            reverse("applications:submit", args=[application.pk]), {"version": application.version}
        )
    assert response.status_code == 409
    page = response.content.decode()
    closes = clock.helsinki(application.call.closes_at)
    assert f"The call closed at {format_time(closes, 'en')} on {format_date(closes, 'en')}" in page
    assert "the application was not submitted" in page
    assert fresh(application).status == Status.DRAFT


def test_receipt_before_submission_goes_to_the_overview(client, draft, signatory):
    client.force_login(signatory)
    response = client.get(reverse("applications:receipt", args=[draft.pk]))
    assert response["Location"] == reverse("applications:overview", args=[draft.pk])


def test_pdf_serves_the_stored_copy(client, draft, signatory, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    application = submitted(draft, signatory, "VM/5/2026")
    application.receipt_pdf.save("VM-5-2026.pdf", ContentFile(b"%PDF-1.7 stored copy"), save=True)
    client.force_login(signatory)
    response = client.get(reverse("applications:pdf", args=[application.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="VM-5-2026.pdf"'
    assert response.content == b"%PDF-1.7 stored copy"


def test_pdf_without_a_stored_copy_is_made_now(client, draft, signatory, monkeypatch):
    from .. import tasks

    monkeypatch.setattr(
        tasks, "application_pdf", lambda application: b"%PDF-1.7 fresh " + str(application.pk).encode()
    )
    client.force_login(signatory)
    response = client.get(reverse("applications:pdf", args=[draft.pk]))
    assert response.content == f"%PDF-1.7 fresh {draft.pk}".encode()
    assert response["Content-Disposition"] == f'attachment; filename="application-{draft.pk}.pdf"'


def test_a_drafts_pdf_is_made_once_per_saved_version(client, draft, signatory, monkeypatch):
    from .. import tasks

    made = []

    def render(application):
        made.append(application.version)
        return f"%PDF-1.7 v{application.version}".encode()

    monkeypatch.setattr(tasks, "application_pdf", render)
    client.force_login(signatory)
    url = reverse("applications:pdf", args=[draft.pk])
    for _ in range(3):
        assert client.get(url).content == f"%PDF-1.7 v{draft.version}".encode()
    assert made == [draft.version]

    saved = actions.save(draft, by=signatory, version=draft.version, changes={"answers": {"summary": "Uusi"}})
    assert client.get(url).content == f"%PDF-1.7 v{saved.version}".encode()
    assert made == [draft.version, saved.version]


# Withdrawal ---------------------------------------------------------------------------------------------


def test_a_signatory_withdraws_with_a_reason(client, draft, signatory):
    application = actions.submit(complete(draft, signatory), by=signatory)
    client.force_login(signatory)
    url = reverse("applications:withdraw", args=[application.pk])
    assert "Withdrawing cannot be undone" in client.get(url).content.decode()
    response = client.post(url, {"version": application.version, "reason": ""})
    assert response.status_code == 200
    assert "Tell the ministry why" in response.content.decode()
    assert fresh(application).status == Status.SUBMITTED
    response = client.post(url, {"version": application.version, "reason": "Hanke toteutetaan muuten."})
    assert response["Location"] == reverse("applications:overview", args=[application.pk])
    application = fresh(application)
    assert application.status == Status.WITHDRAWN
    assert application.withdrawal_reason == "Hanke toteutetaan muuten."


def test_an_applicant_cannot_withdraw(client, draft, signatory, applicant):
    application = actions.submit(complete(draft, signatory), by=signatory)
    client.force_login(applicant)
    url = reverse("applications:withdraw", args=[application.pk])
    assert "Only a signatory" in client.get(url).content.decode()
    assert client.post(url, {"reason": "Ei"}).status_code == 403
    assert fresh(application).status == Status.SUBMITTED


# Notifications ------------------------------------------------------------------------------------------


def test_opening_a_notification_marks_it_read_and_follows_its_link(client, draft, signatory, outsider):
    target = reverse("applications:overview", args=[draft.pk])
    note = Notification.objects.create(user=signatory, subject="Muistutus", body="…", url=target)
    elsewhere = Notification.objects.create(
        user=signatory, subject="Ulos", body="Teksti", url="https://evil.example/"
    )
    client.force_login(signatory)
    response = client.get(reverse("applications:notification", args=[note.pk]))
    assert response["Location"] == target
    assert Notification.objects.get(pk=note.pk).read_at is not None
    response = client.get(reverse("applications:notification", args=[elsewhere.pk]))
    assert response.status_code == 200 and "Teksti" in response.content.decode()
    client.force_login(outsider)
    assert client.get(reverse("applications:notification", args=[note.pk])).status_code == 404


# Similar projects ---------------------------------------------------------------------------------------


def test_similar_panel_shows_other_municipalities_projects(client, call, draft, signatory, outsider, espoo):
    other = actions.create_draft(call, espoo, by=outsider)
    other = actions.save(other, by=outsider, version=1, changes={"answers": {
        "project_name": "Talouden raportoinnin automatisointi Espoossa", "summary": "Raportointi automatisoidaan."}})  # fmt: skip
    submitted(other, outsider, "VM/9/2026")
    actions.save(draft, by=signatory, version=1, changes={"answers": {
        "project_name": "Talouden raportoinnin automatisointi", "summary": "Raportointi automatisoidaan."}})  # fmt: skip
    client.force_login(signatory)
    page = client.get(section_url(draft)).content.decode()
    assert "Talouden raportoinnin automatisointi Espoossa" in page and "VM/9/2026" in page
    fragment = client.get(reverse("applications:similar", args=[draft.pk]), HTTP_HX_REQUEST="true")
    assert "VM/9/2026" in fragment.content.decode() and "<html" not in fragment.content.decode()
    plain = client.get(reverse("applications:similar", args=[draft.pk]))
    assert plain["Location"] == section_url(draft)


# Who may see what ---------------------------------------------------------------------------------------


def test_another_municipalitys_user_gets_404_everywhere(client, draft, signatory, outsider):
    application = submitted(complete(draft, signatory), signatory, "VM/3/2026")
    pk = application.pk
    client.force_login(outsider)
    for name, args in [
        ("overview", [pk]),
        ("section", [pk, "basics"]),
        ("check", [pk]),
        ("receipt", [pk]),
        ("pdf", [pk]),
        ("withdraw", [pk]),
        ("similar", [pk]),
    ]:
        url = reverse(f"applications:{name}", args=args)
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"version": application.version, "reason": "x"}).status_code in {404, 405}, (
            url
        )
    assert client.post(reverse("applications:submit", args=[pk]), {"version": 1}).status_code == 404
    assert client.get(reverse("applications:submit", args=[pk])).status_code in {404, 405}
    helsinki = Organisation.objects.get(code="091")
    assert (
        client.post(reverse("applications:start", args=[application.call_id, helsinki.code])).status_code
        == 404
    )
    assert fresh(application).status == Status.SUBMITTED


def test_signed_out_people_are_sent_to_sign_in(client, draft):
    for name in ("overview", "check", "receipt", "withdraw"):
        response = client.get(reverse(f"applications:{name}", args=[draft.pk]))
        assert response.status_code == 302 and reverse("account_login") in response["Location"]


def test_a_save_refused_as_not_editable_says_so(client, draft, signatory, monkeypatch):
    # The application was submitted between reading it and saving (the action decides under its row lock).
    def refuse(*args, **kwargs):
        raise actions.NotEditable

    monkeypatch.setattr(actions, "save", refuse)
    client.force_login(signatory)
    fragment = client.post(section_url(draft), basics(draft), HTTP_HX_REQUEST="true").content.decode()
    assert "cannot be changed now" in fragment and "hx-swap-oob" not in fragment
    response = client.post(section_url(draft), basics(draft), follow=True)
    assert "cannot be changed now" in response.content.decode()
    assert fresh(draft).version == 1
