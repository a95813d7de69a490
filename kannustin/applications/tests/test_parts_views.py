"""The structured parts of the form: indicators, co-applicants, contact people, budget and business secrets.
Each page saves, shows errors with everything typed kept, goes on to the next part, is read-only when the
part cannot be changed, answers 404 to other organisations and runs the same number of queries whatever
the organisation has."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from kannustin.accounts.roles import Role
from kannustin.core import clock
from kannustin.programmes.models import CostCategory

from .. import actions, completeness, validation
from ..models import Application, Status
from ..views.parts import amount_text, fold, search_organisations
from .helpers import complete_application, make_call

pytestmark = pytest.mark.django_db

PARTS = ["indicators", "participants", "contacts", "budget", "attachments", "confidentiality"]


@pytest.fixture(autouse=True)
def english(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    client.cookies["kannustin_language"] = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def call(reference_data):
    call = make_call()
    CostCategory.objects.create(
        call=call, key="services", order=2, name_fi="Ostopalvelut", name_sv="Köpta tjänster",
        name_en="Purchased services", help_en="Consultants and licences.",
    )  # fmt: skip
    return call


@pytest.fixture
def signatory(helsinki, user_factory):
    user = user_factory(Role.SIGNATORY, helsinki)
    user.name, user.title, user.phone = "Sanna Suunnittelija", "Kehittämispäällikkö", "+358 40 123 4567"
    user.save()
    return user


@pytest.fixture
def outsider(espoo, user_factory):
    return user_factory(Role.SIGNATORY, espoo)


@pytest.fixture
def draft(call, helsinki, signatory):
    return actions.create_draft(call, helsinki, by=signatory)


@pytest.fixture
def signed_in(client, signatory):
    client.force_login(signatory)
    return client


def url(name, application, *args):
    return reverse(f"applications:{name}", args=[application.pk, *args])


def fresh(application) -> Application:
    return Application.objects.get(pk=application.pk)


def management(prefix, total, initial=0):
    return {f"{prefix}-TOTAL_FORMS": str(total), f"{prefix}-INITIAL_FORMS": str(initial)}


def error_summary(response) -> str:
    html = response.content.decode()
    match = re.search(r'<div class="govuk-error-summary".*?</ul>', html, re.S)
    return match.group(0) if match else ""


# Indicators ----------------------------------------------------------------------------------------------


def test_indicators_page_shows_two_empty_rows_on_a_new_application(signed_in, draft):
    response = signed_in.get(url("indicators", draft))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="indicators-TOTAL_FORMS" value="2"' in html
    assert f'name="version" value="{draft.version}"' in html
    assert "Save and continue" in html and "Save and come back later" in html
    assert "Add another indicator" in html


def test_indicators_save_ignores_empty_rows_and_continue_goes_to_the_next_part(signed_in, draft):
    data = {
        "version": draft.version,
        "action": "continue",
        **management("indicators", 2),
        "indicators-0-name": "Käsittelyaika",
        "indicators-0-baseline": "10 päivää",
        "indicators-0-target": "2 päivää",
        "indicators-0-follow_up": "Kuukausiraportti",
    }
    response = signed_in.post(url("indicators", draft), data)
    assert response.status_code == 302
    assert response["Location"] == url("participants", draft)
    saved = fresh(draft)
    assert list(saved.indicators.values_list("name", "baseline", "target", "follow_up")) == [
        ("Käsittelyaika", "10 päivää", "2 päivää", "Kuukausiraportti")
    ]
    assert saved.version == draft.version + 1


def test_indicators_errors_keep_what_was_typed_and_save_nothing(signed_in, draft):
    data = {
        "version": draft.version,
        "action": "continue",
        **management("indicators", 2),
        "indicators-1-name": "Asiakastyytyväisyys <b>",
        "indicators-1-target": "4,5 / 5",
    }
    response = signed_in.post(url("indicators", draft), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Error:" in html
    summary = error_summary(response)
    assert "Indicator 2: Enter the baseline: the situation now." in summary
    assert 'href="#id_indicators-1-baseline"' in summary
    assert "Indicator 2: Enter how the indicator is followed up." in summary
    assert 'value="Asiakastyytyväisyys &lt;b&gt;"' in html
    assert 'value="4,5 / 5"' in html
    assert fresh(draft).indicators.count() == 0
    assert fresh(draft).version == draft.version


def test_add_another_indicator_saves_and_shows_one_more_empty_row(signed_in, draft):
    data = {
        "version": draft.version,
        "action": "add",
        **management("indicators", 2),
        "indicators-0-name": "A",
        "indicators-0-baseline": "1",
        "indicators-0-target": "2",
        "indicators-0-follow_up": "Vuosittain",
    }
    response = signed_in.post(url("indicators", draft), data)
    assert response.status_code == 302
    assert response["Location"] == url("indicators", draft) + "?extra=2"
    assert fresh(draft).indicators.count() == 1
    page = signed_in.get(response["Location"]).content.decode()
    assert 'name="indicators-TOTAL_FORMS" value="3"' in page  # the saved row and two empty ones
    assert 'value="Vuosittain"' in page
    assert "Remove indicator 1" in page


def test_remove_checkbox_drops_a_saved_indicator(signed_in, draft, signatory):
    rows = [{"name": n, "baseline": "1", "target": "2", "follow_up": "x"} for n in ("A", "B")]
    draft = actions.save(draft, by=signatory, version=draft.version, changes={"indicators": rows})
    data = {"version": draft.version, "action": "later", **management("indicators", 4, 2)}
    for i, row in enumerate(rows):
        data.update({f"indicators-{i}-{k}": v for k, v in row.items()})
    data["indicators-0-remove"] = "on"
    response = signed_in.post(url("indicators", draft), data)
    assert response["Location"] == url("overview", draft)
    assert list(fresh(draft).indicators.values_list("name", flat=True)) == ["B"]


def test_an_indicator_is_needed_to_submit(draft):
    codes = {item["code"] for item in completeness.missing_for_submit(draft)}
    assert "indicators_missing" in codes


# Contact people ------------------------------------------------------------------------------------------


def test_contacts_are_prefilled_from_the_signed_in_user_on_a_new_application(signed_in, draft, signatory):
    html = signed_in.get(url("contacts", draft)).content.decode()
    assert 'value="Sanna Suunnittelija"' in html
    assert f'value="{signatory.email}"' in html
    assert 'value="+358 40 123 4567"' in html
    assert 'name="contacts-TOTAL_FORMS" value="2"' in html
    assert '<h2 class="govuk-fieldset__heading">Contact person 1</h2>' in html
    assert html.count('id="id_contacts-0-title"') == 1


def test_contacts_bad_email_is_shown_with_the_text_kept(signed_in, draft):
    data = {
        "version": draft.version,
        "action": "continue",
        **management("contacts", 2),
        "contacts-0-name": "Sanna",
        "contacts-0-email": "sanna(at)helsinki",
    }
    response = signed_in.post(url("contacts", draft), data)
    assert response.status_code == 200
    assert "Contact person 1: Enter an email address like name@municipality.fi." in error_summary(response)
    assert 'value="sanna(at)helsinki"' in response.content.decode()
    assert fresh(draft).contacts.count() == 0


def test_contacts_save_and_continue_to_the_budget(signed_in, draft):
    data = {
        "version": draft.version,
        "action": "continue",
        **management("contacts", 2),
        "contacts-0-name": "Sanna",
        "contacts-0-email": "sanna@hel.fi",
        "contacts-0-role": "Projektipäällikkö",
    }
    response = signed_in.post(url("contacts", draft), data)
    assert response["Location"] == url("budget", draft)
    assert list(fresh(draft).contacts.values_list("name", "email", "role")) == [
        ("Sanna", "sanna@hel.fi", "Projektipäällikkö")
    ]


# Budget --------------------------------------------------------------------------------------------------


def budget_post(application, lines, requested="", action="continue"):
    data = {"version": application.version, "action": action, "requested_amount": requested}
    data.update(management("budget", len(lines) + 1))
    for i, line in enumerate(lines):
        data.update({f"budget-{i}-{key}": value for key, value in line.items()})
    return data


def test_budget_page_states_vat_and_lists_the_calls_categories_and_years(signed_in, draft, call):
    html = signed_in.get(url("budget", draft)).content.decode()
    assert "Amounts without VAT (value added tax is not an eligible cost)" in html
    assert "Purchased services" in html and "Consultants and licences." in html
    for year in validation.budget_years(call):
        assert f'<option value="{year}">{year}</option>' in html
    assert 'inputmode="decimal"' in html
    assert 'aria-live="polite"' in html


def test_budget_accepts_finnish_amounts_and_shows_server_totals(signed_in, draft, call):
    year = validation.budget_years(call)[0]
    lines = [
        {"category": "personnel", "year": year, "description": "Projektipäällikkö", "amount": "6 000,00"},
        {"category": "services", "year": year + 1, "description": "Konsultti", "amount": "4000"},
    ]
    response = signed_in.post(url("budget", draft), budget_post(draft, lines, "8 500,00"))
    assert response.status_code == 302
    assert response["Location"] == url("attachments", draft)
    saved = fresh(draft)
    assert [line.amount for line in saved.budget_lines.all()] == [Decimal("6000.00"), Decimal("4000.00")]
    assert saved.requested_amount == Decimal("8500.00")
    html = signed_in.get(url("budget", draft)).content.decode()
    assert 'data-total="eligible">€10,000.00<' in html
    assert 'data-total="max_grant">€8,500.00<' in html
    assert 'data-total="own">€1,500.00<' in html
    assert f'data-cell="services|{year + 1}">€4,000.00<' in html
    assert f'data-year-total="{year}"><strong>€6,000.00</strong>' in html
    assert 'value="6000.00"' in html  # the amount as it goes back into the input in English


def test_budget_bad_amount_keeps_the_typed_text(signed_in, draft, call):
    year = validation.budget_years(call)[0]
    lines = [{"category": "personnel", "year": year, "description": "Palkat", "amount": "12,5x"}]
    response = signed_in.post(url("budget", draft), budget_post(draft, lines, "100"))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="12,5x"' in html
    assert 'value="Palkat"' in html
    assert "Cost line 1: Enter the amount in euros, more than zero" in error_summary(response)
    assert 'href="#id_budget-0-amount"' in error_summary(response)
    assert fresh(draft).budget_lines.count() == 0
    assert fresh(draft).requested_amount is None


def test_budget_line_needs_category_and_year(signed_in, draft):
    lines = [{"category": "", "year": "", "description": "", "amount": "100"}]
    response = signed_in.post(url("budget", draft), budget_post(draft, lines))
    summary = error_summary(response)
    assert "Cost line 1: Choose one of the call&#x27;s cost categories." in summary
    assert "Choose a year from" in summary


def test_85_percent_rule_with_cents(signed_in, draft, call, signatory):
    year = validation.budget_years(call)[0]
    lines = [{"category": "personnel", "year": year, "description": "", "amount": "10 000,00"}]
    # 8 500,01 € of 10 000,00 € is over 85 %: the draft is saved, but the person is told at once.
    response = signed_in.post(url("budget", draft), budget_post(draft, lines, "8 500,01"))
    assert response["Location"] == url("budget", draft) + "?check=1"
    saved = fresh(draft)
    assert saved.requested_amount == Decimal("8500.01")
    page = signed_in.get(response["Location"])
    assert "<title>Error:" in page.content.decode()
    summary = error_summary(page)
    assert "at most 85 % of the eligible costs" in summary
    assert "€8,500.00" in summary or "8\u00a0500,00\u00a0€" in summary
    assert 'href="#id_requested_amount"' in error_summary(page)
    # … and submission is refused while it is exceeded.
    saved = complete_application(saved, signatory, requested="8500.01")
    assert "aid_share_exceeded" in {m["code"] for m in completeness.missing_for_submit(saved)}
    with pytest.raises(actions.Incomplete):
        actions.submit(saved, by=signatory)
    # 8 500,00 € is exactly 85 %: allowed, and "continue" goes on.
    saved = fresh(saved)
    response = signed_in.post(url("budget", saved), budget_post(saved, lines, "8 500,00"))
    assert response["Location"] == url("attachments", saved)
    assert "aid_share_exceeded" not in {m["code"] for m in completeness.missing_for_submit(fresh(saved))}


def test_budget_over_the_limit_saved_for_later_shows_a_warning_not_an_error(signed_in, draft, call):
    year = validation.budget_years(call)[0]
    lines = [{"category": "personnel", "year": year, "description": "", "amount": "1000"}]
    response = signed_in.post(url("budget", draft), budget_post(draft, lines, "999", action="later"))
    assert response["Location"] == url("overview", draft)
    page = signed_in.get(url("budget", draft))
    html = page.content.decode()
    assert error_summary(page) == ""
    assert "the application cannot be submitted until the amount applied for is within the limit" in html


def test_amount_text_goes_back_into_inputs_in_the_users_format():
    assert amount_text(Decimal("12500.50"), "fi") == "12 500,50"
    assert amount_text(Decimal("1234567.00"), "sv") == "1 234 567,00"
    assert amount_text(Decimal("12500.50"), "en") == "12500.50"
    assert amount_text(None, "fi") == ""


# Co-applicants -------------------------------------------------------------------------------------------


def test_organisation_search_by_swedish_name_and_by_code(reference_data):
    assert "545" in [o.code for o in search_organisations("Närpes")]
    assert "545" in [o.code for o in search_organisations("narpes")]  # accents and case do not matter
    assert [o.code for o in search_organisations("091")][0] == "091"
    assert [o.code for o in search_organisations("91")][0] == "091"
    assert len(search_organisations("a")) == 20
    assert search_organisations("   ") == []
    assert fold("Ähtäri") == "ahtari"


def test_organisation_search_lists_current_municipalities_first_and_says_what_merged(reference_data):
    from kannustin.registry.models import Organisation

    merged = Organisation.objects.filter(merged_into__isnull=False).select_related("merged_into").first()
    assert merged is not None
    results = search_organisations(merged.name_fi)
    assert merged in results
    in_2026 = [o.in_2026 for o in search_organisations("a", limit=1000)]
    assert True in in_2026 and False in in_2026
    assert in_2026 == sorted(in_2026, reverse=True)


def test_organisation_search_fragment(client, signatory, draft):
    client.force_login(signatory)
    response = client.get(reverse("applications:organisation_search"), {"q": "Närpes"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html
    assert "Närpes" in html and 'name="add" value="545"' in html
    response = client.get(reverse("applications:organisation_search"), {"q": "091", "application": draft.pk})
    html = response.content.decode()
    assert "The applicant" in html and 'value="091"' not in html


def test_merged_municipality_says_into_what(client, signatory, reference_data):
    from kannustin.registry.models import Organisation

    merged = Organisation.objects.filter(merged_into__isnull=False).select_related("merged_into").first()
    client.force_login(signatory)
    html = client.get(reverse("applications:organisation_search"), {"q": merged.code}).content.decode()
    assert f"Merged into {merged.merged_into.name_en or merged.merged_into.name_fi}" in html


def test_participants_search_without_javascript_then_add_and_remove(signed_in, draft):
    page = signed_in.get(url("participants", draft), {"q": "Närpes"})
    assert 'name="add" value="545"' in page.content.decode()
    response = signed_in.post(
        url("participants", draft), {"version": draft.version, "add": "545", "q": "Närpes"}
    )
    assert response["Location"] == url("participants", draft) + "?q=N%C3%A4rpes"
    saved = fresh(draft)
    assert [p.organisation.code for p in saved.partners()] == ["545"]
    assert saved.partners()[0].state == "waiting"
    page = signed_in.get(response["Location"]).content.decode()
    assert "was added to the participants" in page
    assert 'name="remove" value="545"' in page
    response = signed_in.post(url("participants", draft), {"version": saved.version, "remove": "545"})
    assert response.status_code == 302
    assert fresh(draft).partners() == []


def test_participants_refuse_the_applicant_itself(signed_in, draft):
    response = signed_in.post(url("participants", draft), {"version": draft.version, "add": "091"})
    assert response.status_code == 200
    assert "The applicant itself is not a partner." in error_summary(response)


def test_participants_confirmation_is_required(signed_in, draft):
    response = signed_in.post(url("participants", draft), {"version": draft.version, "action": "continue"})
    assert response.status_code == 200
    assert "Choose whether the municipality applies alone or with others" in error_summary(response)
    assert 'href="#id_applies_0"' in error_summary(response)
    # "With us" needs a list.
    data = {"version": draft.version, "action": "continue", "applies": "together"}
    response = signed_in.post(url("participants", draft), data)
    assert "Add at least one partner" in error_summary(response)
    assert re.search(r'value="together"[^>]*checked', response.content.decode())  # the choice is kept
    assert fresh(draft).participants_confirmed is False
    # Alone is confirmed and the form goes on.
    data["applies"] = "alone"
    response = signed_in.post(url("participants", draft), data)
    assert response["Location"] == url("contacts", draft)
    assert fresh(draft).participants_confirmed is True


def test_participants_with_a_list_confirmed(signed_in, draft, signatory):
    draft = actions.save(draft, by=signatory, version=draft.version, changes={"participants": ["049"]})
    data = {"version": draft.version, "action": "continue", "applies": "alone"}
    response = signed_in.post(url("participants", draft), data)
    assert "Remove the partners from the list" in error_summary(response)
    data["applies"] = "together"
    response = signed_in.post(url("participants", draft), data)
    assert response.status_code == 302
    saved = fresh(draft)
    assert saved.participants_confirmed is True
    # Emptying the list asks for the confirmation again.
    signed_in.post(url("participants", draft), {"version": saved.version, "remove": "049"})
    assert fresh(draft).participants_confirmed is False


# Business secrets ----------------------------------------------------------------------------------------


def test_confidentiality_lists_answered_questions_and_saves_the_marks(signed_in, draft, signatory):
    draft = actions.save(
        draft, by=signatory, version=draft.version,
        changes={"answers": {"project_name": "Hanke", "g1_impact": "Salainen hinnoittelumalli"}},
    )  # fmt: skip
    response = signed_in.get(url("confidentiality", draft))
    html = response.content.decode()
    assert "621/1999" in html
    assert 'value="g1_impact"' in html and 'value="project_name"' in html
    assert 'value="summary"' not in html  # not answered
    assert "Salainen hinnoittelumalli" in html
    response = signed_in.post(
        url("confidentiality", draft),
        {"version": draft.version, "action": "continue", "confidential_keys": ["g1_impact", "no_such_key"]},
    )
    assert response["Location"] == url("check", draft)  # the last part
    assert fresh(draft).confidential_keys == ["g1_impact"]
    html = signed_in.get(url("confidentiality", draft)).content.decode()
    assert re.search(r'value="g1_impact"[^>]*checked', html)


def test_confidentiality_marks_attachments_too(signed_in, draft, signatory):
    from django.core.files.uploadedfile import SimpleUploadedFile

    plain = actions.add_attachment(
        draft, SimpleUploadedFile("hinnasto.pdf", b"%PDF-1.4\n%%EOF\n"), by=signatory
    )
    draft = fresh(draft)
    html = signed_in.get(url("confidentiality", draft)).content.decode()
    assert f'name="confidential_attachments" type="checkbox" value="{plain.pk}"' in html
    response = signed_in.post(
        url("confidentiality", draft),
        {"version": draft.version, "action": "later", "confidential_attachments": [str(plain.pk)]},
    )
    assert response.status_code == 302
    plain.refresh_from_db()
    assert plain.confidential is True


# Concurrency, read-only, completion requests ------------------------------------------------------------


def test_a_stale_save_of_another_part_merges(signed_in, draft, signatory):
    old_version = draft.version
    actions.save(draft, by=signatory, version=old_version, changes={"requested_amount": "100"})
    data = {"version": old_version, "action": "continue", **management("contacts", 1)}
    data.update({"contacts-0-name": "Minun", "contacts-0-email": "minun@hel.fi"})
    response = signed_in.post(url("contacts", draft), data)
    assert response.status_code == 302
    application = fresh(draft)
    assert list(application.contacts.values_list("email", flat=True)) == ["minun@hel.fi"]
    assert application.requested_amount == 100


def test_a_stale_save_of_the_same_part_gets_the_conflict_page_and_overwrites_nothing(
    signed_in, draft, signatory
):
    old_version = draft.version
    actions.save(draft, by=signatory, version=old_version,
                 changes={"contacts": [{"name": "Toinen", "email": "toinen@hel.fi"}]})  # fmt: skip
    data = {"version": old_version, "action": "continue", **management("contacts", 1)}
    data.update({"contacts-0-name": "Minun", "contacts-0-email": "minun@hel.fi"})
    response = signed_in.post(url("contacts", draft), data)
    assert response.status_code == 409
    assert 'value="minun@hel.fi"' in response.content.decode()  # "save mine anyway" carries what was typed
    assert list(fresh(draft).contacts.values_list("email", flat=True)) == ["toinen@hel.fi"]


def submitted(application, signatory):
    application = complete_application(fresh(application), signatory)
    return actions.submit(application, by=signatory)


@pytest.mark.parametrize("part", ["indicators", "contacts", "budget", "participants", "confidentiality"])
def test_parts_are_read_only_after_submission(signed_in, draft, signatory, part):
    application = submitted(draft, signatory)
    response = signed_in.get(url(part, application))
    html = response.content.decode()
    assert response.status_code == 200
    assert "can no longer be changed" in html
    assert 'name="action" value="continue"' not in html
    response = signed_in.post(url(part, application), {"version": application.version, "action": "continue"})
    assert response.status_code == 302
    assert response["Location"] == url(part, application)
    assert fresh(application).version == application.version


def test_completion_request_opens_only_the_named_parts(client, draft, signatory, user_factory):
    application = submitted(draft, signatory)
    official = user_factory(Role.OFFICIAL)
    actions.request_completion(
        application, by=official, message="Tarkenna budjetti.", sections=["budget"],
        due_at=clock.now() + timedelta(days=7),
    )  # fmt: skip
    application = fresh(application)
    client.force_login(signatory)
    html = client.get(url("indicators", application)).content.decode()
    assert "request for completion does not cover this part" in html
    html = client.get(url("budget", application)).content.decode()
    assert 'name="action" value="continue"' in html
    year = validation.budget_years(application.call)[0]
    lines = [{"category": "personnel", "year": year, "description": "", "amount": "20000"}]
    response = client.post(url("budget", application), budget_post(application, lines, "8500"))
    assert response["Location"] == url("check", application)  # no other part is open
    assert fresh(application).budget_lines.get().amount == Decimal("20000.00")


def test_ministry_official_reads_a_submitted_part_but_cannot_change_it(
    client, draft, signatory, user_factory
):
    application = submitted(draft, signatory)
    official = user_factory(Role.OFFICIAL)
    client.force_login(official)
    response = client.get(url("budget", application))
    assert response.status_code == 200
    assert "Only the organisations taking part can change it" in response.content.decode()
    assert client.post(url("budget", application), {"version": application.version}).status_code == 404


def test_a_draft_is_hidden_from_the_ministry(client, draft, user_factory):
    client.force_login(user_factory(Role.OFFICIAL))
    for part in PARTS:
        assert client.get(url(part, draft)).status_code == 404


# Authorisation and query counts -------------------------------------------------------------------------


def test_another_municipalitys_user_gets_404_on_every_part(client, draft, outsider):
    client.force_login(outsider)
    for part in PARTS:
        assert client.get(url(part, draft)).status_code == 404, part
        assert (
            client.post(url(part, draft), {"version": draft.version, "action": "continue"}).status_code == 404
        )
    assert (
        client.get(
            reverse("applications:organisation_search"), {"q": "a", "application": draft.pk}
        ).status_code
        == 404
    )
    assert fresh(draft).version == draft.version


def test_signed_out_people_are_sent_to_sign_in(client, draft):
    response = client.get(url("budget", draft))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def _count(client, path) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(context.captured_queries)


def test_query_counts_do_not_grow_with_the_organisations_applications(
    signed_in, draft, call, helsinki, signatory, settings
):
    settings.MAX_OPEN_DRAFTS_PER_CALL = 100  # an organisation with very many applications
    draft = complete_application(draft, signatory)
    draft = actions.save(draft, by=signatory, version=draft.version, changes={"participants": ["049", "545"]})
    paths = [url(part, draft) for part in PARTS] + [url("participants", draft) + "?q=a"]
    for path in paths:  # warm up caches (content types, sessions)
        signed_in.get(path)
    one = {path: _count(signed_in, path) for path in paths}
    for _ in range(49):
        complete_application(actions.create_draft(call, helsinki, by=signatory), signatory)
    assert Application.objects.filter(organisation=helsinki).count() == 50
    fifty = {path: _count(signed_in, path) for path in paths}
    assert one == fifty
    assert max(fifty.values()) <= 15


def test_status_is_unchanged_by_reading(signed_in, draft):
    for part in PARTS:
        signed_in.get(url(part, draft))
    assert fresh(draft).status == Status.DRAFT
    assert fresh(draft).version == draft.version
