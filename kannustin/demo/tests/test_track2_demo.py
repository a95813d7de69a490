"""Track 2 of the 2019 round in the demo: 133 proposals whose texts group by topic, the other actors and their
expressions of interest, the workshop that was held and 26 joint applications that pass the real submission
rules."""

import hashlib
import io
import time
from collections import Counter
from datetime import datetime
from decimal import Decimal

import pypdf
import pytest
from django.core import mail
from django.db import transaction
from django.test import override_settings
from sklearn.metrics import adjusted_rand_score

from kannustin.accounts.roles import Role
from kannustin.applications import actions, completeness, validation
from kannustin.applications.files import sniff
from kannustin.applications.models import (
    Application,
    ApplicationVersion,
    CaseNumberCounter,
    Participant,
    Status,
    eligible_total,
)
from kannustin.core import clock
from kannustin.core.models import AuditEvent, OutboundEmail
from kannustin.demo import applications as demo_data
from kannustin.demo import track2
from kannustin.demo import track2_texts as texts
from kannustin.jointprojects.models import Interest, Presentation, Registration, WorkshopTable
from kannustin.maturity import services as maturity
from kannustin.maturity.models import SelfAssessment
from kannustin.programmes.models import Workshop
from kannustin.programmes.setup import create_programme_2019
from kannustin.registry.models import Organisation, validate_business_id

# One worker seeds the round once for the whole module (below); each test rolls back to it.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo_2019")]

TRACK_1 = 185
FIRST_CASE = 42 + TRACK_1  # the track-1 demo continues a series at 41; track 2 continues after it
DESCRIPTIONS = ("p1_ways_of_working", "p2_goals", "p3_significance", "p4_cost_savings", "p5_risks")


def helsinki(*parts) -> datetime:
    return datetime(*parts, tzinfo=clock.HELSINKI)


@pytest.fixture(scope="module")
def seeded_module(django_db_setup, django_db_blocker, tmp_path_factory):
    """The 2019 programme with its track-1 applications and track 2, made once per module inside a transaction
    that is rolled back after the module's last test."""
    media = tmp_path_factory.mktemp("demo-track2-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        try:
            programme = create_programme_2019()
            CaseNumberCounter.objects.create(prefix="VM", year=2019, last=41)
            demo_data.seed_applications_2019(programme)
            started = time.perf_counter()
            counts = track2.seed_track2_2019(programme)
            print(f"seed_track2_2019: {counts} in {time.perf_counter() - started:.2f} s")
            yield {"programme": programme, "counts": counts, "media": media}
        finally:
            transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _media(settings, seeded_module):
    settings.MEDIA_ROOT = seeded_module["media"]


@pytest.fixture
def programme(seeded_module):
    return seeded_module["programme"]


@pytest.fixture
def calls(programme):
    return track2.proposal_call(programme), track2.joint_call(programme)


@pytest.fixture
def proposals(calls):
    return list(
        Application.objects.filter(call=calls[0])
        .select_related("organisation", "organisation__region", "call", "question_set", "created_by")
        .prefetch_related("participants", "contacts")
        .order_by("submitted_at")
    )


@pytest.fixture
def joints(calls):
    return list(
        Application.objects.filter(call=calls[1])
        .select_related("organisation", "call", "call__track", "question_set")
        .prefetch_related("budget_lines", "contacts", "indicators", "attachments", "proposals")
        .order_by("submitted_at")
    )


def is_signatory(user, organisation) -> bool:
    return user.memberships.filter(organisation=organisation, role=Role.SIGNATORY).exists()


def test_133_submitted_proposals_from_mainland_municipalities(seeded_module, calls, proposals):
    call, _joint = calls
    assert seeded_module["counts"]["proposals"] == len(proposals) == 133
    assert call.slug == "kohde-2-ehdotukset"
    question_set = call.current_question_set()
    assert {(p.status, p.question_set_id) for p in proposals} == {(Status.SUBMITTED, question_set.pk)}
    leads = Counter(p.organisation.pk for p in proposals)
    assert max(leads.values()) == 2 and len(leads) >= 110
    organisations = {p.organisation for p in proposals}
    assert all(o.is_municipality and o.in_2019 and o.region.code != "21" for o in organisations)
    assert {"109", "545"} <= {o.code for o in organisations}
    for proposal in proposals:
        assert proposal.language == proposal.organisation.official_language
        assert proposal.language == ("sv" if proposal.organisation.swedish_speaking else "fi")
        lead = [p for p in proposal.participants.all() if p.is_lead]
        assert len(lead) == 1 and lead[0].role == Participant.Role.LEAD
        assert lead[0].organisation_id == proposal.organisation_id and lead[0].state == "confirmed"
        contacts = list(proposal.contacts.all())
        assert 1 <= len(contacts) <= 2 and all(c.email.endswith(".example") and not c.phone for c in contacts)
        user = proposal.created_by
        assert user == proposal.submitted_by and user.email == contacts[0].email
        assert (
            not user.is_active
            and not user.has_usable_password()
            and is_signatory(user, proposal.organisation)
        )
    assert 8 <= Counter(p.language for p in proposals)["sv"] <= 15


def test_submission_times_case_numbers_and_versions(calls, proposals):
    call, _joint = calls
    times = [p.submitted_at for p in proposals]
    assert all(call.opens_at <= t < call.closes_at for t in times)
    assert call.closes_at == helsinki(2019, 9, 5, 16, 15)
    assert sum(t >= helsinki(2019, 8, 29) for t in times) > len(times) / 2  # most in the last week
    assert Counter(clock.helsinki(t).date() for t in times).most_common(1)[0][0].isoformat() == "2019-09-05"
    assert [p.case_number for p in proposals] == [f"VM/{n}/2019" for n in range(FIRST_CASE, FIRST_CASE + 133)]
    assert all(p.created_at <= p.submitted_at == p.updated_at for p in proposals)
    versions = {v.application_id: v for v in ApplicationVersion.objects.filter(application__call=call)}
    assert len(versions) == 133
    for proposal in proposals:
        version = versions[proposal.pk]
        assert version.data == actions.snapshot(proposal) and version.saved_at == proposal.submitted_at
    assert call.current_question_set().locked_at is not None


def test_every_answer_passes_its_question(calls, proposals):
    call, _joint = calls
    questions = {q.key: q for q in call.current_question_set().questions.all()}
    for proposal in proposals:
        answers = proposal.answers
        assert set(answers) == set(questions)
        assert validation.clean_answers(questions, answers) == answers
        assert completeness.missing_for_submit(proposal) == [], proposal.case_number
        assert len(answers["summary"]) <= 1000 and all(len(answers[k]) <= 2000 for k in DESCRIPTIONS)
        assert 1 <= len(answers["topics"]) <= 2 and 1 <= len(answers["national_goals"]) <= 3
        assert texts.NATIONAL_GOALS[track2.known_topic(proposal)][0] in answers["national_goals"]
    assert len({p.title for p in proposals}) == 133
    assert sum(p.answers["partners_wanted"] != "" for p in proposals) > 80


def test_primary_topics_are_uneven_clusters(proposals):
    primary = Counter(track2.known_topic(p) for p in proposals)
    assert primary == Counter(texts.CLUSTER_SIZES) and len(primary) == 7
    assert "other" not in primary
    second = sum(len(p.answers["topics"]) == 2 for p in proposals)
    assert 0.2 * 133 <= second <= 0.4 * 133
    # The titles come from the topic's vocabulary.
    for proposal in proposals:
        cores = texts.TOPICS[track2.known_topic(proposal)][proposal.language]["cores"]
        assert any(core in proposal.title or track2._lower_first(core) in proposal.title for core in cores)


def test_the_other_actors(seeded_module):
    actors = Organisation.objects.filter(business_id__startswith="9").exclude(
        kind=Organisation.Kind.MUNICIPALITY
    )
    assert seeded_module["counts"]["organisations_created"] == actors.count() == len(texts.ACTORS) == 12
    assert {a.kind for a in actors} == {"joint_authority", "regional_council", "company", "association"}
    for actor in actors:
        validate_business_id(actor.business_id)
        assert actor.name_fi and actor.name_sv and actor.name_en and actor.region_id


def test_expressions_of_interest(calls, proposals):
    call, _joint = calls
    by_pk = {p.pk: p for p in proposals}
    interests = list(
        Interest.objects.filter(call=call).select_related("organisation", "created_by", "accepted_by")
    )
    on_proposals = [i for i in interests if i.proposal_id]
    assert 400 <= len(on_proposals) <= 520 and 55 <= len(interests) - len(on_proposals) <= 65
    assert {i.proposal_id for i in on_proposals} <= set(by_pk)
    assert len({(i.proposal_id, i.organisation_id) for i in on_proposals}) == len(on_proposals)
    partners = [i for i in on_proposals if i.kind == Interest.Kind.PARTNER]
    assert 0.65 <= len(partners) / len(on_proposals) <= 0.85
    accepted = [i for i in on_proposals if i.accepted_at]
    assert 0.35 * len(partners) <= len(accepted) <= 0.65 * len(partners)
    assert {i.kind for i in accepted} == {Interest.Kind.PARTNER}
    kinds = Counter(i.organisation.kind for i in interests)
    assert kinds["municipality"] > 300 and all(
        kinds[k] for k in ("joint_authority", "company", "association")
    )
    for interest in on_proposals:
        proposal = by_pk[interest.proposal_id]
        assert interest.organisation_id != proposal.organisation_id  # never the lead itself
        assert proposal.submitted_at < interest.created_at < helsinki(2019, 9, 26, 16, 1)
        if interest.accepted_at:
            assert interest.created_at < interest.accepted_at < helsinki(2019, 11, 10, 16, 0)
            assert interest.accepted_by == proposal.created_by
        assert interest.accepted_by is None or interest.accepted_at
    for interest in interests:
        user = interest.created_by
        assert (
            not user.is_active
            and not user.has_usable_password()
            and is_signatory(user, interest.organisation)
        )
        language = interest.organisation.official_language
        notes = [n for group in texts.INTEREST_NOTES[language].values() for n in group]
        assert interest.note in [*notes, ""]
        if not interest.proposal_id:
            assert interest.topic in texts.CLUSTER_SIZES and interest.call == call


def test_the_workshop(seeded_module, calls, proposals):
    call, _joint = calls
    workshop = Workshop.objects.get(track=call.track)
    assert workshop.online_url == "https://vm.example/tyopaja-2019" and workshop.capacity == 250
    assert workshop.presentations_published_at == helsinki(2019, 9, 30, 12, 0)
    assert workshop.programme_published_at == helsinki(2019, 9, 13, 9, 0)  # as loaded, untouched

    registrations = list(
        Registration.objects.filter(workshop=workshop).select_related("user", "organisation")
    )
    assert len(registrations) == seeded_module["counts"]["registrations"] == 180
    assert len({r.user_id for r in registrations}) == 180
    assert 0.55 <= sum(r.listed for r in registrations) / 180 <= 0.85
    assert (
        1 <= sum(bool(r.dietary) for r in registrations) <= 40 and sum(r.remote for r in registrations) > 10
    )
    assert sum(not r.remote for r in registrations) <= workshop.capacity
    for registration in registrations:
        assert registration.user.memberships.filter(organisation=registration.organisation).exists()
        assert registration.email == registration.user.email and registration.created_at < workshop.starts_at

    tables = list(WorkshopTable.objects.filter(workshop=workshop).prefetch_related("proposals"))
    seated = [p.pk for table in tables for p in table.proposals.all()]
    assert sorted(seated) == sorted(p.pk for p in proposals)  # every proposal at exactly one table
    topics = call.current_question_set().questions.get(key="topics")
    labels = {o["label_fi"]: o["key"] for o in topics.options}
    assert len(tables) == 7 and all(t.title_fi in labels and t.title_sv and t.title_en for t in tables)
    # The tables are the suggested clusters: they find the proposals' primary topics again.
    table_of = {p.pk: table.number for table in tables for p in table.proposals.all()}
    ari = adjusted_rand_score([track2.known_topic(p) for p in proposals], [table_of[p.pk] for p in proposals])
    assert ari >= 0.6, ari

    presentations = list(Presentation.objects.filter(workshop=workshop))
    assert len(presentations) >= 5
    for presentation in presentations:
        with presentation.file.open("rb") as handle:
            data = handle.read()
        assert sniff(io.BytesIO(data)) == "pdf" and data.startswith(b"%PDF")
        assert presentation.size == len(data) and presentation.sha256 == hashlib.sha256(data).hexdigest()
        text = " ".join(pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text().split())
        assert presentation.title_fi in text and presentation.title_sv and presentation.title_en
        assert presentation.uploaded_at < workshop.presentations_published_at


def test_26_joint_applications_pass_the_submission_rules(calls, proposals, joints):
    call, joint = calls
    assert joint.slug == "kohde-2-yhteishankkeet" and joint.previous_stage_id == call.pk
    assert len(joints) == 26
    questions = {q.key: q for q in joint.current_question_set().questions.all()}
    structure = maturity.structure_for(joint)
    assessments = {a.frozen_with: a for a in SelfAssessment.objects.filter(call=joint)}
    tables = {p.pk: t.pk for t in WorkshopTable.objects.all() for p in t.proposals.all()}
    used = []
    for application in joints:
        assert completeness.missing_for_submit(application) == [], application.case_number
        assert application.status == Status.SUBMITTED
        assert helsinki(2019, 11, 13) <= application.submitted_at < helsinki(2019, 12, 19, 16, 15)
        answers = application.answers
        assert set(answers) == set(questions) and validation.clean_answers(questions, answers) == answers
        assert answers["excluded_fields"] == ["none"] and answers["division_of_work"]
        # Grown from proposals of one table; the administrator led one of them.
        grown_from = list(application.proposals.all())
        assert 1 <= len(grown_from) <= 3 and {p.call_id for p in grown_from} == {call.pk}
        assert len({tables[p.pk] for p in grown_from}) == 1
        assert application.organisation_id in {p.organisation_id for p in grown_from}
        used += [p.pk for p in grown_from]
        rows = application.participant_rows()
        administrators = [p for p in rows if p.is_lead]
        assert len(administrators) == 1 and administrators[0].role == Participant.Role.ADMINISTRATOR
        assert administrators[0].organisation_id == application.organisation_id
        partners = [p for p in rows if not p.is_lead]
        assert 2 <= len(partners) <= 6
        assert sum(p.organisation.is_municipality for p in rows) >= 2
        assert {p.organisation_id for p in rows} >= {p.organisation_id for p in grown_from}
        for partner in partners:
            assert partner.state == "confirmed" and partner.confirmed_at < application.submitted_at
            assert partner.confirmed_by and is_signatory(partner.confirmed_by, partner.organisation)
            assert not partner.confirmed_by.is_active
        total = eligible_total(application.budget_lines.all())
        assert sum(p.budget_share for p in rows) == total and all(p.budget_share > 0 for p in rows)
        assert Decimal("150000") <= total <= Decimal("1500000")
        assert 0 < application.requested_amount <= total * Decimal("0.85")
        assert application.participants_confirmed
        agreement = [a for a in application.attachments.all() if a.document == "agreement"]
        assert len(agreement) == 1 and answers["attachments_note"] == [agreement[0].pk]
        with agreement[0].file.open("rb") as handle:
            data = handle.read()
        text = " ".join(pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text().split())
        assert ("Sopimus hankkeen hallinnoinnista" if application.language == "fi" else "Avtal om") in text
        assessment = assessments[application.pk]
        assert assessment.organisation_id == application.organisation_id
        assert (
            maturity.is_complete(assessment, structure) and assessment.frozen_at == application.submitted_at
        )
        version = application.versions.get()
        assert version.data == actions.snapshot(application) and version.saved_at == application.submitted_at
    assert len(used) == len(set(used))  # a proposal grew into one joint application at most
    assert len({a.organisation_id for a in joints}) == 26
    last = FIRST_CASE + 133
    assert [a.case_number for a in joints] == [f"VM/{n}/2019" for n in range(last, last + 26)]
    assert actions.next_case_number("VM", 2019) == f"VM/{last + 26}/2019"


def test_quiet_idempotent_and_the_same_on_every_run(programme, calls, proposals):
    call, joint = calls
    assert mail.outbox == [] and OutboundEmail.objects.count() == 0
    assert AuditEvent.objects.filter(action="demo.track2_seeded").count() == 1
    assert not AuditEvent.objects.filter(action__startswith="interest.").exists()
    counts = {
        "applications": Application.objects.filter(call__in=calls).count(),
        "interests": Interest.objects.count(),
        "organisations": Organisation.objects.count(),
        "registrations": Registration.objects.count(),
    }
    assert track2.seed_track2_2019(programme) == {}
    assert counts == {
        "applications": Application.objects.filter(call__in=calls).count(),
        "interests": Interest.objects.count(),
        "organisations": Organisation.objects.count(),
        "registrations": Registration.objects.count(),
    }
    # Planning again gives the very proposals that were written, in the same order.
    checksum = lambda titles: hashlib.sha256("\n".join(titles).encode()).hexdigest()  # noqa: E731
    planned = [plan.answers["title"] for plan in track2.plan_proposals(call)]
    assert checksum(planned) == checksum([plan.answers["title"] for plan in track2.plan_proposals(call)])
    assert checksum(planned) == checksum([p.title for p in proposals])


def test_more_proposals_for_benchmarks(calls):
    """bench/matching.py grows the call with more proposals of the same generator."""
    call, _joint = calls
    before = set(Application.objects.filter(call=call).values_list("pk", flat=True))
    assert track2.more_proposals(call, 20) == 20
    added = list(Application.objects.filter(call=call).exclude(pk__in=before).order_by("case_number"))
    questions = {q.key: q for q in call.current_question_set().questions.all()}
    assert len(added) == 20 and {a.status for a in added} == {Status.SUBMITTED}
    for application in added:
        assert validation.clean_answers(questions, application.answers) == application.answers
        assert completeness.missing_for_submit(application) == []
        assert track2.known_topic(application) in texts.CLUSTER_SIZES
    first = FIRST_CASE + 133 + 26
    assert sorted(a.case_number for a in added) == sorted(f"VM/{n}/2019" for n in range(first, first + 20))


def test_the_texts_keep_the_glossary():
    """The glossary's forbidden variants (docs/glossary.md) appear in none of the demo's track-2 texts."""
    from tests.test_glossary import PLACEHOLDERS, rules

    found = {"fi": [], "sv": []}

    def walk(value, language=None):
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, key if key in found else language)
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item, language)
        elif isinstance(value, str) and language:
            found[language].append(value)

    walk({name: getattr(texts, name) for name in dir(texts) if name.isupper()})
    assert len(found["fi"]) > 300 and len(found["sv"]) > 300
    for rule in rules():
        if rule.language in found:
            hits = [t for t in found[rule.language] if rule.pattern.search(PLACEHOLDERS.sub(" ", t))]
            assert not hits, f"{rule}: {hits[:3]}"


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_public_programme_page_tells_track_2_from_the_data(client, programme, language):
    """133 proposals, the held workshop with its tables, the joint applications: counted, not written."""
    import re

    from django.urls import reverse

    client.cookies["kannustin_language"] = language
    client.post(reverse("set_language", args=[language]))
    html = client.get(reverse("programmes:programme", args=[programme.slug])).content.decode()
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert re.search(r"\b133\b", text) and re.search(r"\b510\b", text)  # 450 in proposals, 60 in topics
    workshop = Workshop.objects.get(track__programme=programme)
    assert reverse("jointprojects:workshop", args=[workshop.pk]) in html
    joint = Application.objects.filter(call__programme=programme, call__stage="joint_application").count()
    figures = text[text.index("133") :][:600]
    assert f" {joint} " in figures and " 7 " in figures  # joint applications; tables
