"""Honest status on the applicant's pages: progress counts the required parts only, saving is promised only
where it happens, own financing is never shown as a negative or > 100 % share, and an amount written the
wrong way is explained as a format problem."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from kannustin.accounts.roles import Role
from kannustin.core.money import AmountFormatError, to_money

from .. import actions, presentation, validation
from ..views.applicant import task_list
from .helpers import complete_application, make_call

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client):
    client.cookies["kannustin_language"] = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def signatory(helsinki, user_factory):
    return user_factory(Role.SIGNATORY, helsinki)


@pytest.fixture
def draft(reference_data, helsinki, signatory):
    return actions.create_draft(make_call(), helsinki, by=signatory)


def overview(client, application) -> str:
    return client.get(reverse("applications:overview", args=[application.pk])).content.decode()


def test_a_fresh_draft_has_done_nothing(client, draft, signatory):
    """ "4 of 13 done" on a fresh draft whose every part is "not started" was false: optional parts are not
    progress."""
    client.force_login(signatory)
    page = overview(client, draft)
    tasks = task_list(draft, signatory)
    required = [task for task in tasks["tasks"] if task["required"]]
    assert tasks["done"] == 0 and tasks["total"] == len(required) < len(tasks["tasks"])
    assert f"You have completed 0 of {len(required)} required parts." in page
    statuses = {task["status"] for task in tasks["tasks"]}
    assert statuses <= {"not_started", "optional"}


def test_progress_counts_required_parts_done(client, draft, signatory):
    application = complete_application(draft, signatory)
    tasks = task_list(application, signatory)
    assert tasks["done"] == tasks["total"]
    client.force_login(signatory)
    assert f"You have completed {tasks['total']} of {tasks['total']} required parts." in overview(
        client, application
    )


def test_saving_is_promised_only_where_it_happens(client, draft, signatory):
    client.force_login(signatory)
    page = overview(client, draft)
    assert "saved as you go" not in page
    assert "press a save button" in page


# Own financing -------------------------------------------------------------------------------------------


def test_own_financing_share_is_never_negative_nor_above_100(client, draft, signatory):
    application = complete_application(draft, signatory, requested="12000.00", amount="10000.00")
    summary = presentation.budget_summary(application)
    assert summary["own_financing"] is None and summary["own_share"] is None
    assert not summary["within_limit"]
    client.force_login(signatory)
    for name in ("budget", "check"):
        page = client.get(reverse(f"applications:{name}", args=[application.pk])).content.decode()
        own = re.search(r"Own financing</dt>\s*<dd[^>]*>(.*?)</dd>", page, re.S).group(1)
        assert re.sub(r"<[^>]+>", "", own).split() == ["–"], (name, own)


def test_own_financing_share_within_the_rules(draft, signatory):
    application = complete_application(draft, signatory, requested="8500.00", amount="10000.00")
    summary = presentation.budget_summary(application)
    assert summary["own_financing"] == Decimal("1500.00") and summary["own_share"] == Decimal("15.00")


# Amounts written the wrong way -----------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["70,000.00", "70.000,00", "70,000", "1.234.567,50", "12,345"])
def test_an_amount_written_with_thousands_separators_is_a_format_problem(text):
    with pytest.raises(AmountFormatError):
        to_money(text)


@pytest.mark.parametrize("text", ["70 000,00", "70000.00", "70000", "12,5", "1 234 567,50 €"])
def test_amounts_written_as_here_are_read(text):
    assert to_money(text) > 0


def test_the_budget_explains_the_format_problem(client, draft, signatory):
    client.force_login(signatory)
    year = draft.call.opens_at.year
    response = client.post(
        reverse("applications:budget", args=[draft.pk]),
        {
            "version": draft.version, "action": "continue",
            "budget-TOTAL_FORMS": "1", "budget-INITIAL_FORMS": "0",
            "budget-0-category": "personnel", "budget-0-year": str(year), "budget-0-description": "",
            "budget-0-amount": "70,000.00", "requested_amount": "59,500.00",
        },
    )  # fmt: skip
    page = response.content.decode()
    assert response.status_code == 200
    assert 'value="70,000.00"' in page and 'value="59,500.00"' in page  # kept as typed
    with translation.override("en"):
        message = str(validation.AMOUNT_FORMAT_MESSAGE)
    assert page.count(message.split(":")[0]) >= 2, message
    assert "more than zero" not in page


# The draft's PDF ------------------------------------------------------------------------------------------


def test_the_drafts_pdf_is_linked_from_the_task_list_and_marked_as_a_draft(
    client, draft, signatory, settings, tmp_path
):
    from django.utils.translation import gettext

    from .test_receipt_pdf import pdf_text

    settings.MEDIA_ROOT = tmp_path
    client.force_login(signatory)
    pdf_url = reverse("applications:pdf", args=[draft.pk])
    assert f'href="{pdf_url}"' in overview(client, draft)
    response = client.get(pdf_url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = pdf_text(b"".join(response.streaming_content) if response.streaming else response.content)
    # In the application's language (Helsinki: Finnish), whatever the language of the page.
    with translation.override(draft.language):
        assert gettext("Draft – not submitted") in text
        assert gettext("Copy of the submitted application") not in text
        assert gettext("This is a draft. It has not been submitted to the ministry.") in text
    with translation.override("sv"):
        assert gettext("Draft – not submitted") == "Utkast – inte inskickat"


def test_a_submitted_applications_pdf_is_no_draft(draft, signatory, settings, tmp_path):
    from django.utils.translation import gettext

    from .. import tasks
    from .test_receipt_pdf import pdf_text

    settings.MEDIA_ROOT = tmp_path
    application = actions.submit(complete_application(draft, signatory), by=signatory)
    text = pdf_text(tasks.application_pdf(application))
    with translation.override(application.language):
        assert gettext("Copy of the submitted application") in text
        assert gettext("Draft – not submitted") not in text
