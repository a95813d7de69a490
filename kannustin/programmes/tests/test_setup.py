"""The 2019 programme, the demo round and the public content as loaded by kannustin.programmes.setup."""

import re
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from io import StringIO

import pytest
import time_machine
from django.apps import apps
from django.core.management import call_command

from kannustin.core import clock
from kannustin.core.models import AuditEvent
from kannustin.programmes import setup
from kannustin.programmes.models import (
    Call,
    Criterion,
    FaqEntry,
    MaturityDescriptor,
    MaturityModel,
    Programme,
    Question,
    SitePage,
    Workshop,
)

pytestmark = pytest.mark.django_db

PROGRAMME_MODELS = list(apps.get_app_config("programmes").get_models())
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def load_everything(stats=None):
    programme = setup.create_programme_2019(stats)
    setup.create_faq(programme, stats)
    setup.create_site_pages(stats)
    return programme


def counts():
    return {model._meta.label: model.objects.count() for model in [*PROGRAMME_MODELS, AuditEvent]}


def helsinki_today() -> date:
    return clock.helsinki(clock.now()).date()


@pytest.fixture
def programme():
    return load_everything()


# --- idempotency ---------------------------------------------------------------------------------------------


def test_loading_twice_changes_nothing():
    first = setup.LoadStats()
    load_everything(first)
    assert first.created["call"] == 3 and first.changed
    before = counts()

    second = setup.LoadStats()
    load_everything(second)

    assert not second.changed, second.describe()
    assert counts() == before  # no new rows, no new audit events


def test_first_load_is_audited(programme):
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"programme.loaded", "maturity_model.created", "faq.loaded", "site_page.loaded"} <= actions


def test_a_changed_value_is_restored_in_place(programme):
    call = programme.calls.get(slug="kohde-1")
    Call.objects.filter(pk=call.pk).update(title_sv="", max_aid_share=Decimal("0.5"))
    stats = setup.LoadStats()

    setup.create_programme_2019(stats)

    call.refresh_from_db()
    assert call.title_sv.startswith("Punkt 1") and call.max_aid_share == Decimal("0.850")
    assert stats.updated == {"call": 1} and not stats.created


def test_questions_in_use_are_not_rewritten(programme):
    # The 2019 question sets are in use (the calls have opened): an official's edit survives a reload,
    # because changing questions in use takes a new version.
    question = Question.objects.get(question_set__call__slug="kohde-1", key="project_name")
    question.label_en = "Name of the project"
    question.save(bypass_lock=True)
    Question.objects.filter(question_set__call__slug="kohde-1", key="other_funding").delete()
    stats = setup.LoadStats()

    setup.create_programme_2019(stats)

    question.refresh_from_db()
    assert question.label_en == "Name of the project"
    assert not Question.objects.filter(question_set__call__slug="kohde-1", key="other_funding").exists()
    assert stats.kept == {"question": 2} and not stats.changed


def test_questions_of_a_call_not_yet_open_follow_the_content():
    with time_machine.travel(datetime(2019, 7, 1, 9, 0, tzinfo=UTC)):
        setup.create_programme_2019()
        question = Question.objects.get(question_set__call__slug="kohde-1", key="project_name")
        assert not question.question_set.is_locked
        question.label_en = "Name of the project"
        question.save()
        stats = setup.LoadStats()

        setup.create_programme_2019(stats)

        question.refresh_from_db()
        assert question.label_en == "Project name"
        assert stats.updated == {"question": 1}


def test_command_loads_and_reports():
    out = StringIO()
    call_command("load_programme_2019", stdout=out)
    call_command("load_programme_2019", stdout=out)
    text = out.getvalue()
    assert "kohde-1: 10 criteria" in text and "kohde-2-yhteishankkeet" in text
    assert text.rstrip().endswith("Nothing to change.")
    assert Programme.objects.filter(slug="kannustin-2019").count() == 1


# --- the 2019 facts ------------------------------------------------------------------------------------------


def test_programme_facts(programme):
    assert programme.slug == "kannustin-2019" and programme.year == 2019 and not programme.is_demo
    assert programme.name_fi == "Kuntien digitalisaation kannustinjärjestelmä 2019"
    assert programme.name_sv == "Incitamentsystemet för digitalisering i kommunerna 2019"
    assert programme.name_en == "Incentive programme for digitalisation in municipalities 2019"
    assert programme.budget_item == "28.90.32"
    assert programme.appropriation == Decimal("30000000.00")
    for language in ("fi", "sv", "en"):
        assert "688/2001" in getattr(programme, f"legal_basis_{language}")
        assert "893/2019" in getattr(programme, f"legal_basis_{language}")
    assert "30\u00a0000\u00a0000\u00a0€" in programme.summary_fi
    assert "30 November 2021" in programme.body_en and "30.11.2021" in programme.body_fi
    contacts = list(programme.contacts.all())
    assert 2 <= len(contacts) <= 3
    assert all(contact.email.endswith("@vm.example") for contact in contacts)
    assert [track.number for track in programme.tracks.all()] == [1, 2]


def test_windows_in_finnish_time(programme):
    calls = {call.slug: call for call in programme.calls.all()}
    assert set(calls) == {"kohde-1", "kohde-2-ehdotukset", "kohde-2-yhteishankkeet"}

    # 16:15 in Helsinki summer time (UTC+3) is 13:15 UTC; in December (UTC+2) it is 14:15 UTC.
    assert calls["kohde-1"].opens_at == datetime(2019, 7, 31, 21, 0, tzinfo=UTC)
    assert calls["kohde-1"].closes_at == datetime(2019, 9, 19, 13, 15, tzinfo=UTC)
    assert calls["kohde-2-ehdotukset"].opens_at == datetime(2019, 7, 31, 21, 0, tzinfo=UTC)
    assert calls["kohde-2-ehdotukset"].closes_at == datetime(2019, 9, 5, 13, 15, tzinfo=UTC)
    assert calls["kohde-2-yhteishankkeet"].opens_at == datetime(2019, 11, 12, 22, 0, tzinfo=UTC)
    assert calls["kohde-2-yhteishankkeet"].closes_at == datetime(2019, 12, 19, 14, 15, tzinfo=UTC)
    assert clock.helsinki(calls["kohde-1"].closes_at).strftime("%H:%M") == "16:15"

    assert calls["kohde-1"].stage == Call.Stage.APPLICATION
    assert calls["kohde-2-ehdotukset"].stage == Call.Stage.PROPOSAL
    assert calls["kohde-2-yhteishankkeet"].stage == Call.Stage.JOINT_APPLICATION
    assert calls["kohde-2-yhteishankkeet"].previous_stage == calls["kohde-2-ehdotukset"]
    assert calls["kohde-1"].track.number == 1 and calls["kohde-2-yhteishankkeet"].track.number == 2

    workshop = Workshop.objects.get(track__programme=programme)
    assert workshop.starts_at == datetime(2019, 9, 27, 6, 0, tzinfo=UTC)
    assert workshop.ends_at == datetime(2019, 9, 27, 13, 0, tzinfo=UTC)
    assert (workshop.place_fi, workshop.place_sv, workshop.place_en) == (
        "Helsinki",
        "Helsingfors",
        "Helsinki",
    )


def test_track_1_criteria(programme):
    criteria = list(Criterion.objects.filter(call__programme=programme, call__slug="kohde-1"))
    assert [c.code for c in criteria] == ["G1", "G2", "C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8"]
    assert {c.code for c in criteria if c.emphasised} == {"G1", "G2"}
    assert all(c.weight == Decimal("2.00") for c in criteria if c.emphasised)
    assert all(c.weight == Decimal("1.00") for c in criteria if not c.emphasised)
    assert all(c.is_scored for c in criteria)


def test_proposal_descriptions_are_not_scored_and_joint_call_is_scored_like_track_1(programme):
    proposals = programme.calls.get(slug="kohde-2-ehdotukset")
    assert [c.code for c in proposals.criteria.all()] == ["P1", "P2", "P3", "P4", "P5"]
    assert not proposals.criteria.filter(is_scored=True).exists()

    joint = programme.calls.get(slug="kohde-2-yhteishankkeet")
    track_1 = programme.calls.get(slug="kohde-1")
    assert list(joint.criteria.values_list("code", "weight", "emphasised")) == list(
        track_1.criteria.values_list("code", "weight", "emphasised")
    )
    for call in (track_1, joint):
        assert list(call.scale_levels.values_list("value", flat=True)) == [0, 1, 2, 3, 4, 5]
        assert (call.score_min, call.score_max) == (0, 5)
        assert list(call.cost_categories.values_list("key", flat=True)) == [
            "personnel", "travel", "premises", "purchased_services", "expertise", "licences",
        ]  # fmt: skip


def test_every_criterion_has_a_linked_question_in_its_own_call(programme):
    for criterion in Criterion.objects.filter(call__programme=programme):
        linked = list(criterion.questions.all())
        assert len(linked) == 1, criterion
        assert linked[0].question_set.call_id == criterion.call_id
        assert linked[0].key.startswith(criterion.code.lower() + "_")
        assert linked[0].type == Question.Type.TEXT and 2000 <= linked[0].max_length <= 4000


def test_money_rules(programme):
    for call in programme.calls.exclude(stage=Call.Stage.PROPOSAL):
        assert call.max_aid_share == Decimal("0.85")
        assert call.max_aid_percent == Decimal("85")
        assert call.min_own_share == Decimal("0.15")
        assert call.vat_eligible is False
        assert call.project_ends_by == date(2021, 11, 30)
        assert call.min_grant is None and call.max_grant is None
    track_1 = programme.calls.get(slug="kohde-1")
    # Amounts in prose in the one style of each language (core.formats), not "euroa" or "miljoner euro".
    assert "11\u00a0900\u00a0€ – 2\u00a0000\u00a0000\u00a0€" in track_1.body_fi
    assert "11\u00a0900\u00a0€ – 2\u00a0000\u00a0000\u00a0€" in track_1.body_sv
    assert "€11,900 to €2,000,000" in track_1.body_en
    for language in ("fi", "sv"):
        assert not re.search(r"\d (euroa|euro|miljoner|miljoonaa)\b", getattr(track_1, f"body_{language}"))


def test_joint_call_eligibility_names_administrator_and_exclusions(programme):
    joint = programme.calls.get(slug="kohde-2-yhteishankkeet")
    assert "hankehallinnoija" in joint.eligibility_fi and "7 § 3" in joint.eligibility_fi
    assert "projektadministratör" in joint.eligibility_sv  # the decree § 3 word (glossary)
    for word in ("social and health care", "built environment", "case management", "archiving"):
        assert word in joint.eligibility_en
    proposals = programme.calls.get(slug="kohde-2-ehdotukset")
    for actor in ("joint municipal authorities", "regional councils", "companies", "associations"):
        assert actor in proposals.eligibility_en


def test_question_sets(programme):
    def keys(slug):
        call = programme.calls.get(slug=slug)
        question_set = call.current_question_set()
        assert question_set.version == 1
        return {q.key: q for q in question_set.questions.all()}

    track_1 = keys("kohde-1")
    assert {"project_name", "summary", "service_process", "start_date", "end_date", "goals", "indicators",
            "share_results", "sharing_plan", "other_funding", "attachments_note"} <= set(track_1)  # fmt: skip
    assert track_1["project_name"].max_length == 200 and track_1["summary"].max_length == 1500
    assert track_1["share_results"].required and track_1["share_results"].type == Question.Type.CHOICE
    assert not track_1["other_funding"].required and track_1["attachments_note"].type == Question.Type.FILE

    joint = keys("kohde-2-yhteishankkeet")
    assert set(track_1) < set(joint)
    # Who takes part is told by the participants part, not by answers (one source of truth).
    assert not {"participating_municipalities", "administrator"} & set(joint)
    excluded = joint["excluded_fields"]
    assert excluded.type == Question.Type.MULTIPLE_CHOICE and excluded.required
    assert [o["key"] for o in excluded.options if o.get("refuses")] == [
        "social_health", "built_environment", "case_management", "archiving"
    ]  # fmt: skip
    sections = {
        s.key: s
        for s in programme.calls.get(slug="kohde-2-yhteishankkeet").current_question_set().sections.all()
    }
    assert sections["participants"].options["lead_role"] == "administrator"
    assert sections["participants"].options["min_municipalities"] == 2
    assert sections["participants"].options["budget_split"] is True
    assert sections["attachments"].options["required_documents"] == ["agreement"]

    proposal = keys("kohde-2-ehdotukset")
    assert {"title", "summary", "topics", "national_goals", "p1_ways_of_working", "p5_risks"} <= set(proposal)
    assert proposal["topics"].type == Question.Type.MULTIPLE_CHOICE
    assert proposal["topics"].options[-1]["key"] == "other" and len(proposal["topics"].options) == 8
    assert not proposal["partners_wanted"].required


def test_every_question_passes_model_validation(programme):
    questions = Question.objects.filter(question_set__call__programme=programme)
    assert questions.count() > 40
    for question in questions:
        question.full_clean()  # text questions have a limit, choice questions have keyed options


def test_maturity_models(programme):
    calls = {call.slug: call for call in programme.calls.all()}
    assert calls["kohde-1"].maturity_required and calls["kohde-2-yhteishankkeet"].maturity_required
    assert not calls["kohde-2-ehdotukset"].maturity_required
    assert calls["kohde-2-ehdotukset"].maturity_model_id is None
    # Each call its own copy, so an official's edit touches one call only.
    assert calls["kohde-1"].maturity_model_id != calls["kohde-2-yhteishankkeet"].maturity_model_id
    for slug in ("kohde-1", "kohde-2-yhteishankkeet"):
        model = calls[slug].maturity_model
        assert_default_maturity_model(model)


def assert_default_maturity_model(model):
    assert list(model.dimensions.values_list("key", flat=True)) == [
        "strategy", "customer", "processes", "data", "technology", "competence", "cooperation",
    ]  # fmt: skip
    assert list(model.levels.values_list("value", "name_fi")) == [
        (1, "alkava"), (2, "kehittyvä"), (3, "määritelty"), (4, "johdettu"), (5, "uudistava"),
    ]  # fmt: skip
    descriptors = MaturityDescriptor.objects.filter(dimension__model=model)
    assert descriptors.count() == 35
    assert sorted(set(descriptors.values_list("level", flat=True))) == [1, 2, 3, 4, 5]
    for language in ("fi", "sv", "en"):
        texts = list(descriptors.values_list(f"text_{language}", flat=True))
        assert len(set(texts)) == 35  # distinct sentences, none blank
        assert all(text.strip() and text.rstrip().endswith(".") for text in texts)


def test_default_maturity_model_is_a_new_copy_each_time():
    first = setup.create_default_maturity_model()
    second = setup.create_default_maturity_model(" (copy)")
    assert first.pk != second.pk
    assert second.name_en.endswith(" (copy)") and second.name_fi.endswith(" (copy)")
    assert_default_maturity_model(second)
    assert MaturityModel.objects.count() == 2


# --- translations --------------------------------------------------------------------------------------------


OPTIONAL_TEXTS = {("Section", "intro")}


def test_every_translated_field_is_written_in_three_languages(programme):
    setup.create_demo_programme(helsinki_today())
    checked = 0
    for model in PROGRAMME_MODELS:
        bases = [f.name[:-3] for f in model._meta.concrete_fields if f.name.endswith("_fi")]
        for obj in model.objects.all():
            for base in bases:
                if (model.__name__, base) in OPTIONAL_TEXTS and not any(
                    getattr(obj, f"{base}_{language}") for language in ("fi", "sv", "en")
                ):
                    continue  # an optional text is given in every language or in none
                for language in ("fi", "sv", "en"):
                    value = getattr(obj, f"{base}_{language}")
                    assert value and value.strip(), f"{model.__name__} {obj.pk} {base}_{language} is empty"
                    assert not PLACEHOLDER.search(value), f"{model.__name__} {obj.pk} {base}_{language}"
                    checked += 1
    assert checked > 1000
    for question in Question.objects.all():
        for option in question.options:
            assert all(option[f"label_{language}"] for language in ("fi", "sv", "en")), question.key


# --- the demo round ------------------------------------------------------------------------------------------


def test_demo_round_is_open_today():
    today = helsinki_today()
    demo = setup.create_demo_programme(today)

    assert demo.slug == "kannustin-demo" and demo.is_demo and demo.year == today.year
    assert demo.name_en.endswith(f"demo round {today.year}")
    calls = {call.slug: call for call in demo.calls.all()}
    assert all(call.is_open for call in calls.values())
    assert calls["kohde-1"].opens_at == setup.helsinki_time(today - timedelta(days=14), datetime.min.time())
    assert calls["kohde-1"].closes_at == setup.helsinki_time(today + timedelta(days=28), setup.CLOSING_TIME)
    assert calls["kohde-2-ehdotukset"].closes_at.date() == today + timedelta(days=21)
    assert calls["kohde-2-yhteishankkeet"].closes_at == setup.helsinki_time(
        today + timedelta(days=35), setup.CLOSING_TIME
    )
    assert calls["kohde-2-yhteishankkeet"].previous_stage == calls["kohde-2-ehdotukset"]
    assert "Demo round" in calls["kohde-2-yhteishankkeet"].body_en
    assert Workshop.objects.get(track__programme=demo).state == "upcoming"
    # Questions exist although the calls are open (their sets are locked).
    for call in calls.values():
        question_set = call.current_question_set()
        assert question_set.is_locked and question_set.questions.count() >= 10


def test_demo_round_has_its_own_copies():
    programme = setup.create_programme_2019()
    demo = setup.create_demo_programme(helsinki_today())
    demo_models = set(demo.calls.values_list("maturity_model", flat=True)) - {None}
    models_2019 = set(programme.calls.values_list("maturity_model", flat=True)) - {None}
    assert len(demo_models) == 2 and not demo_models & models_2019
    assert Criterion.objects.filter(call__programme=demo).count() == 25
    assert (
        Question.objects.filter(question_set__call__programme=demo).count()
        == Question.objects.filter(question_set__call__programme=programme).count()
    )


def test_demo_rerun_on_a_later_day_moves_the_windows_in_place():
    today = helsinki_today()
    demo = setup.create_demo_programme(today)
    before = counts()
    ids = dict(demo.calls.values_list("slug", "pk"))

    later = today + timedelta(days=10)
    with time_machine.travel(clock.now() + timedelta(days=10)):
        stats = setup.LoadStats()
        again = setup.create_demo_programme(later, stats)

        assert again.pk == demo.pk
        assert dict(again.calls.values_list("slug", "pk")) == ids
        assert counts() == {**before, "core.AuditEvent": before["core.AuditEvent"] + 1}
        assert stats.updated["call"] == 3 and stats.updated["workshop"] == 1 and not stats.created
        track_1 = again.calls.get(slug="kohde-1")
        assert track_1.closes_at == setup.helsinki_time(later + timedelta(days=28), setup.CLOSING_TIME)
        assert all(call.is_open for call in again.calls.all())


def test_demo_rerun_on_the_same_day_changes_nothing():
    today = helsinki_today()
    setup.create_demo_programme(today)
    stats = setup.LoadStats()
    setup.create_demo_programme(today, stats)
    assert not stats.changed, stats.describe()


# --- public content ------------------------------------------------------------------------------------------


def test_site_pages(programme):
    accessibility = SitePage.objects.get(key=SitePage.Key.ACCESSIBILITY)
    assert accessibility.title_fi == "Saavutettavuusseloste"
    assert accessibility.title_sv == "Tillgänglighetsutlåtande"
    sites = {
        "fi": "saavutettavuusvaatimukset.fi",
        "sv": "tillganglighetskrav.fi",
        "en": "accessibilityrequirements.fi",
    }
    for language in ("fi", "sv", "en"):
        body = getattr(accessibility, f"body_{language}")
        assert "WCAG 2.1" in body and "/accessibility/feedback/" in body and "14" in body
        assert "axe" in body and sites[language] in body and "@vm.example" in body
    assert "Lupa- ja valvontavirasto" in accessibility.body_fi
    assert "Tillstånds- och tillsynsverket" in accessibility.body_sv
    assert "Finnish Permit and Supervisory Authority" in accessibility.body_en

    privacy = SitePage.objects.get(key=SitePage.Key.PRIVACY)
    assert privacy.title_fi == "Tietosuojaseloste" and privacy.title_sv == "Dataskyddsbeskrivning"
    assert "6(1)(c)" in privacy.body_en and "6(1)(e)" in privacy.body_en and "688/2001" in privacy.body_en
    assert "Data Protection Ombudsman" in privacy.body_en and "outside the EU" in privacy.body_en
    assert "tietosuojavaltuutetun" in privacy.body_fi


def test_faq(programme):
    entries = list(FaqEntry.objects.filter(programme=programme))
    assert 8 <= len(entries) <= 12
    answers = " ".join(entry.answer_en for entry in entries)
    for fact in ("85 per cent", "VAT", "16:15", "30 days", "does not affect", "confidential", "Swedish"):
        assert fact in answers
    setup.create_faq(programme)
    assert FaqEntry.objects.filter(programme=programme).count() == len(entries)
