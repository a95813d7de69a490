"""A small programme built here (not the real 2019 loader): two tracks, a track-1 call in summer time and a
track-2 stage-2 call in winter time, with questions, criteria, scale, cost categories and a maturity model;
and a call for proposals (track 2, stage 1) with proposals written directly."""

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest

from kannustin.applications.models import Application, Participant
from kannustin.core import clock
from kannustin.core.clock import HELSINKI
from kannustin.programmes.models import (
    Call,
    CostCategory,
    Criterion,
    MaturityDescriptor,
    MaturityDimension,
    MaturityLevel,
    MaturityModel,
    Programme,
    Question,
    QuestionSet,
    ScaleLevel,
    Track,
)
from kannustin.programmes.tests.factories import add_sections


def helsinki_time(*args) -> datetime:
    return datetime(*args, tzinfo=HELSINKI)


def tri(field: str, text: str) -> dict:
    return {f"{field}_fi": f"{text} (fi)", f"{field}_sv": f"{text} (sv)", f"{field}_en": f"{text} (en)"}


def make_programme(slug="kannustin-2019", **extra) -> Programme:
    return Programme.objects.create(
        slug=slug,
        year=2019,
        budget_item="28.90.32",
        appropriation=Decimal("30000000.00"),
        legal_basis_fi="Valtionavustuslaki 688/2001",
        **tri("name", "Digitalisation incentive"),
        **extra,
    )


def make_maturity_model(dimensions=2, levels=5) -> MaturityModel:
    model = MaturityModel.objects.create(**tri("name", "Maturity model"), **tri("intro", "Intro"))
    for value in range(1, levels + 1):
        MaturityLevel.objects.create(model=model, value=value, **tri("name", f"Level {value}"))
    for order in range(1, dimensions + 1):
        dimension = MaturityDimension.objects.create(
            model=model, key=f"dim-{order}", order=order, **tri("name", f"Dimension {order}"),
            **tri("description", f"About dimension {order}"),
        )  # fmt: skip
        for value in range(1, levels + 1):
            MaturityDescriptor.objects.create(
                dimension=dimension, level=value, **tri("text", f"Dimension {order} at level {value}")
            )
    return model


def make_call(
    programme,
    track,
    slug="track-1",
    opens_at=None,
    closes_at=None,
    questions=2,
    criteria=2,
    cost_categories=2,
    maturity_model=None,
    **extra,
) -> Call:
    call = Call.objects.create(
        programme=programme,
        track=track,
        slug=slug,
        opens_at=opens_at or helsinki_time(2019, 8, 1, 8, 0),
        closes_at=closes_at or helsinki_time(2019, 9, 19, 16, 15),
        maturity_model=maturity_model,
        **tri("title", f"Call {slug}"),
        **extra,
    )
    criterion_objs = [
        Criterion.objects.create(
            call=call,
            code=f"C{i}",
            order=i,
            weight=Decimal("2.00") if i == 1 else Decimal("1.00"),
            emphasised=i == 1,
            **tri("title", f"Criterion {i}"),
            **tri("description", f"What C{i} means"),
        )  # fmt: skip
        for i in range(1, criteria + 1)
    ]
    for value in range(0, 6):
        ScaleLevel.objects.create(call=call, value=value, **tri("label", f"Score {value}"))
    for i in range(1, cost_categories + 1):
        CostCategory.objects.create(call=call, key=f"cost-{i}", order=i, **tri("name", f"Cost {i}"))
    question_set = QuestionSet.objects.create(call=call, version=1)
    add_sections(
        question_set,
        pages=("project",),
        parts=[("budget", True), *([("maturity", True)] if maturity_model else [])],
    )
    for i in range(1, questions + 1):
        question = Question(
            question_set=question_set,
            key=f"q{i}",
            order=i,
            section="project",
            type=Question.Type.TEXT,
            max_length=2000,
            criterion=criterion_objs[(i - 1) % len(criterion_objs)] if criterion_objs else None,
            **tri("label", f"Question {i}"),
            **tri("help", f"Help {i}"),
        )
        # The call may already have opened (a locked set); fixtures write it as the loader would.
        question.save(bypass_lock=True)
    return call


@pytest.fixture
def programme(db):
    return make_programme()


@pytest.fixture
def tracks(programme):
    track1 = Track.objects.create(
        programme=programme, number=1, kind=Track.Kind.APPLICATIONS, **tri("name", "Track 1")
    )
    track2 = Track.objects.create(
        programme=programme, number=2, kind=Track.Kind.JOINT_PROJECTS, **tri("name", "Track 2")
    )
    return track1, track2


@pytest.fixture
def summer_call(programme, tracks):
    """Track 1: 1 Aug – 19 Sep 2019 16:15 (Finnish summer time, +03:00), with everything filled in."""
    call = make_call(
        programme,
        tracks[0],
        slug="applications-2019",
        maturity_model=make_maturity_model(),
        min_grant=Decimal("10000.00"),
        max_grant=Decimal("2000000.00"),
        project_starts_from=date(2019, 11, 21),
        project_ends_by=date(2021, 11, 30),
    )
    question_set = call.question_sets.get()
    Question(
        question_set=question_set, key="size", order=10, section="applicant", type=Question.Type.CHOICE,
        options=[
            {"key": "small", "label_fi": "Pieni", "label_sv": "Liten", "label_en": "Small"},
            {"key": "large", "label_fi": "Suuri", "label_sv": "Stor", "label_en": "Large"},
        ],
        **tri("label", "Size"),
    ).save(bypass_lock=True)  # fmt: skip
    Question(
        question_set=question_set, key="budget", order=11, section="budget", type=Question.Type.MONEY,
        required=False, min_value=Decimal("0.00"), max_value=Decimal("2000000.00"), **tri("label", "Budget"),
    ).save(bypass_lock=True)  # fmt: skip
    return call


@pytest.fixture
def winter_call(programme, tracks, summer_call):
    """Track 2 stage 2: 13 Nov – 19 Dec 2019 16:15 (Finnish winter time, +02:00)."""
    proposal = make_call(
        programme,
        tracks[1],
        slug="proposals-2019",
        stage=Call.Stage.PROPOSAL,
        closes_at=helsinki_time(2019, 9, 5, 16, 15),
    )
    return make_call(
        programme,
        tracks[1],
        slug="joint-2019",
        stage=Call.Stage.JOINT_APPLICATION,
        previous_stage=proposal,
        opens_at=helsinki_time(2019, 11, 13, 8, 0),
        closes_at=helsinki_time(2019, 12, 19, 16, 15),
        max_aid_share=Decimal("0.800"),
    )


# Track 2, stage 1: a call for proposals with the shipped form's proposal questions ------------------------

TOPICS = (
    ("eservices", "Asukkaiden sähköiset palvelut", "E-tjänster för invånarna", "E-services for residents"),
    ("contract_management", "Sopimushallinta", "Avtalshantering", "Contract management"),
    ("logistics", "Logistiikan optimointi", "Optimering av logistik", "Optimising logistics"),
)
NATIONAL_GOALS = ("customer_oriented", "digital_first")
PROPOSAL_TEXTS = ("p1_ways_of_working", "p2_goals", "p3_significance", "p4_cost_savings", "p5_risks")


def make_proposal_call(*, opens_at=None, closes_at=None, joint_closes_at=None, slug="proposals") -> Call:
    """A published call for proposals (stage 1 of track 2), open now unless told otherwise, and the
    joint-application call that grows from it (interest is taken until that one closes)."""
    now = clock.now()
    programme = make_programme(slug=f"{slug}-programme")
    track = Track.objects.create(
        programme=programme, number=2, kind=Track.Kind.JOINT_PROJECTS, **tri("name", "Track 2")
    )
    call = Call.objects.create(
        programme=programme, track=track, slug=slug, stage=Call.Stage.PROPOSAL,
        opens_at=opens_at or now - timedelta(days=7), closes_at=closes_at or now + timedelta(days=14),
        **tri("title", "Proposals"),
    )  # fmt: skip
    Call.objects.create(
        programme=programme, track=track, slug=f"{slug}-joint", stage=Call.Stage.JOINT_APPLICATION,
        previous_stage=call, opens_at=call.closes_at + timedelta(days=30),
        closes_at=joint_closes_at or call.closes_at + timedelta(days=90), **tri("title", "Joint applications"),
    )  # fmt: skip
    question_set = QuestionSet.objects.create(call=call, version=1, purpose=QuestionSet.Purpose.PROPOSAL)
    add_sections(
        question_set, pages=("proposal",), parts=[("attachments", False), ("confidentiality", False)]
    )
    questions = [
        ("title", Question.Type.TEXT, []),
        ("summary", Question.Type.TEXT, []),
        ("topics", Question.Type.MULTIPLE_CHOICE,
         [{"key": key, "label_fi": fi, "label_sv": sv, "label_en": en} for key, fi, sv, en in TOPICS]),
        ("national_goals", Question.Type.MULTIPLE_CHOICE,
         [{"key": key, **tri("label", key)} for key in NATIONAL_GOALS]),
        *((key, Question.Type.TEXT, []) for key in PROPOSAL_TEXTS),
    ]  # fmt: skip
    for order, (key, kind, options) in enumerate(questions):
        Question(
            question_set=question_set, key=key, order=order, section="proposal", type=kind, options=options,
            max_length=2000 if kind == Question.Type.TEXT else None, **tri("label", key),
        ).save(bypass_lock=True)  # fmt: skip
    return call


def make_proposal(call, organisation, by, *, status="submitted", title="Yhteinen asiointi", topics=("eservices",),
                  confidential_keys=(), **answers):  # fmt: skip
    """A proposal as the workflow leaves it (rows written directly: many are needed, fast): the lead as its
    participant, and for a submitted one its case number and time."""
    now = clock.now()
    sent = status != "draft"
    application = Application.objects.create(
        call=call, question_set=call.current_question_set(), organisation=organisation, status=status,
        created_by=by, updated_by=by, confidential_keys=list(confidential_keys),
        answers={"title": title, "summary": f"Tiivistelmä: {title}", "topics": list(topics),
                 "national_goals": ["digital_first"], **{key: f"{key} text" for key in PROPOSAL_TEXTS}, **answers},
        submitted_at=now if sent else None, submitted_by=by if sent else None,
    )  # fmt: skip
    if sent:
        application.case_number = f"VM/{application.pk}/00.00.05/{now.year}"
        application.save(update_fields=["case_number"])
    Participant.objects.create(
        application=application, organisation=organisation, role=Participant.Role.LEAD, confirmed_at=now,
        confirmed_by=by,
    )  # fmt: skip
    return application
