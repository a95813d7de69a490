"""Equal service in Finnish and Swedish on the application's pages and documents: names of organisations in
the reader's language (the application's language in documents), every part of the form titled in each
language."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import translation

from kannustin.accounts.roles import Role
from kannustin.applications import tasks
from kannustin.core.formats import format_date
from kannustin.programmes.content import loader
from kannustin.programmes.models import SERVICE_LANGUAGES, ContactPerson, Question, Section
from kannustin.registry.models import Organisation

from .. import actions
from ..parts import PARTS
from ..presentation import section_title
from .helpers import complete_application, make_call
from .test_receipt_pdf import pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def joint_call(reference_data):
    """A call with a section of municipalities, as the joint-project application has."""
    call = make_call()
    question_set = call.current_question_set()
    Section(question_set=question_set, key="partners", order=15, title_fi="Kumppanit", title_sv="Partner",
            title_en="Partners").save(bypass_lock=True)  # fmt: skip
    Question(
        question_set=question_set, key="participating_municipalities", type=Question.Type.MUNICIPALITIES,
        section="partners", order=5, required=False,
        label_fi="Osallistuvat kunnat", label_sv="Deltagande kommuner", label_en="Participating municipalities",
    ).save(bypass_lock=True)  # fmt: skip
    return call


@pytest.fixture
def narpes_application(joint_call, user_factory, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    narpes = Organisation.objects.get(code="545")
    kristinestad = Organisation.objects.get(code="287")
    signatory = user_factory(Role.SIGNATORY, narpes)
    application = actions.create_draft(joint_call, narpes, by=signatory)
    assert application.language == "sv"
    application = complete_application(application, signatory)
    application = actions.save(
        application, by=signatory, version=application.version,
        changes={"answers": {"participating_municipalities": ["545", "287"]}, "participants": ["287"],
                 "participants_confirmed": True},
    )  # fmt: skip
    assert (narpes.name_fi, kristinestad.name_fi) == ("Närpiö", "Kristiinankaupunki")
    return application, signatory


def test_every_section_of_the_shipped_forms_has_a_title_in_every_language():
    """A section without a title would show its key ("Partners") in English whatever the language."""
    question_sets = loader.load_round().question_sets
    for section in [
        *question_sets["track_1"]["sections"],
        *question_sets["joint_application"]["sections"],
        *question_sets["proposal"]["sections"],
    ]:
        titles = section["title"]
        assert all(titles[language] for language in ("fi", "sv", "en")), section["key"]
        assert titles["fi"] != titles["en"], section["key"]


@pytest.mark.parametrize(
    ("language", "names", "wrong"),
    [
        ("sv", ("Närpes (545)", "Kristinestad (287)"), ("Närpiö", "Kristiinankaupunki")),
        ("fi", ("Närpiö (545)", "Kristiinankaupunki (287)"), ("Närpes", "Kristinestad")),
    ],
)
def test_municipalities_in_answers_follow_the_readers_language(
    client, narpes_application, language, names, wrong
):
    application, signatory = narpes_application
    client.force_login(signatory)
    client.cookies["kannustin_language"] = language
    body = client.get(reverse("applications:check", args=[application.pk])).content.decode()
    assert f'<html lang="{language}"' in body
    for name in names:
        assert name in body
    main = body[body.index("<main") :]
    for name in wrong:
        assert name not in main
    with translation.override(language):
        assert section_title(application, "partners") in body


def test_the_pdf_names_municipalities_in_the_applications_language(narpes_application):
    application, _signatory = narpes_application
    with translation.override("fi"):  # whatever language the worker runs in
        text = pdf_text(tasks.application_pdf(application))
    assert "Närpes (545)" in text and "Kristinestad (287)" in text
    assert "Närpiö" not in text and "Kristiinankaupunki" not in text
    with translation.override("sv"):
        assert section_title(application, "partners") in text


def test_dates_are_written_one_way_and_read_as_people_write_them(client, narpes_application):
    """1.3.2027 on the check page and in the PDF, never 01.03.2027; "1.3.2027" is accepted as an answer."""
    application, signatory = narpes_application
    year = application.call.closes_at.year + 1
    application = actions.save(
        application, by=signatory, version=application.version,
        changes={"answers": {"start_date": f"1.3.{year}", "end_date": f"{year + 1}-06-30"}},
    )  # fmt: skip
    assert application.answers["start_date"] == f"{year}-03-01"
    client.force_login(signatory)
    for language, end in (
        ("sv", f"30.6.{year + 1}"),
        ("fi", f"30.6.{year + 1}"),
        ("en", f"30 June {year + 1}"),
    ):
        client.cookies["kannustin_language"] = language
        body = client.get(reverse("applications:check", args=[application.pk])).content.decode()
        assert end in body
        assert f"01.03.{year}" not in body
    text = pdf_text(tasks.application_pdf(application))
    assert f"1.3.{year}" in text and f"01.03.{year}" not in text


# The help box on every application page ------------------------------------------------------------------


def application_pages(application) -> list[str]:
    pk = application.pk
    code = application.organisation.code
    pages = [
        reverse("applications:overview", args=[pk]),
        reverse("applications:section", args=[pk, "basics"]),
        *(
            PARTS[section.kind].url(application)
            for section in application.sections()
            if not section.is_questions
        ),
        reverse("applications:check", args=[pk]),
        reverse("applications:withdraw", args=[pk]),
        reverse("maturity:overview", args=[code, application.call_id]),
        reverse("maturity:result", args=[code, application.call_id]),
    ]
    if application.case_number:
        pages.append(reverse("applications:receipt", args=[pk]))
    return pages


def help_box(body: str) -> str:
    start = body.index("data-help-box")
    return body[start : body.index("</section>", start)]


@pytest.mark.parametrize("language", ["sv", "fi"])
def test_every_application_page_has_the_help_box(client, narpes_application, language):
    application, signatory = narpes_application
    call = application.call
    ContactPerson.objects.create(
        programme=call.programme, name="Johan Exempel", title_sv="specialsakkunnig", email="johan@vm.example",
        phone="0295 530 102", languages="sv,fi",
    )  # fmt: skip
    call.decisions_expected_on = call.closes_at.date() + timedelta(days=60)
    call.save()
    client.force_login(signatory)
    client.cookies["kannustin_language"] = language
    for path in application_pages(application):
        body = client.get(path).content.decode()
        box = help_box(body)
        for person in call.programme.contacts.all():
            assert person.name in box and f"mailto:{person.email}" in box, path
        assert "0295 530 102" in box and 'href="tel:0295530102"' in box
        with translation.override(language):
            assert str(SERVICE_LANGUAGES["sv"]) in box, path
        assert "data-decision-expected" not in box, path  # a draft: nothing decided on yet

    application = actions.submit(application, by=signatory)
    assert application.case_number
    for path in application_pages(application):
        if path.startswith("/maturity/"):
            continue  # the organisation's self-assessment, not the application: no decision to wait for
        box = help_box(client.get(path).content.decode())
        assert "data-decision-expected" in box, path
        assert format_date(call.decisions_expected_on, language) in box, path
