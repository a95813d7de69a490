"""Many track-1 applications of one call written in bulk, for the scale tests of the reports
(`test_scale.py`) and `bench/reports.py`: query-count and timing data only, not a path through the services.

`build(call, count, user=…, reviewers=…)` adds `count` applications to the call, each of its own organisation
(an organisation applies once per call): the call's free municipalities first, then organisations made for
it (joint municipal authorities spread over the regions, the size classes and the language statuses). A fixed
mix of statuses (drafts, submitted, completion requested, withdrawn, granted, rejected), requested amounts in
every band, a project name and a summary (some marked as business secrets), a municipality as partner of
every third, a budget line, a score and reviews of every submitted one, sent decisions of the decided ones,
and a frozen maturity self-assessment of the lead of every other submitted one. Calling it again adds more (`start`
numbers them on).
"""

from datetime import timedelta
from decimal import Decimal

from django.db.models import Q

from kannustin.applications.models import Application, BudgetLine, Participant, Status
from kannustin.decisions.models import Decision, DecisionTemplate
from kannustin.maturity.models import SelfAssessment
from kannustin.programmes.models import MaturityDimension, Question
from kannustin.registry.models import LanguageStatus, Organisation, Region
from kannustin.reviews.models import ApplicationScore, Review

# Every twenty applications: 17 received (one of them under a completion request), 2 drafts and 1 withdrawn.
STATUSES = (
    [Status.SUBMITTED] * 7 + [Status.GRANTED] * 5 + [Status.REJECTED] * 4
    + [Status.COMPLETION_REQUESTED, Status.DRAFT, Status.DRAFT, Status.WITHDRAWN]
)  # fmt: skip
AMOUNTS = [Decimal(v) for v in ("8500", "42000", "61000", "180000", "450000", "1250000", "23000")]
POPULATIONS = (1_200, 3_900, 8_500, 16_000, 31_000, 72_000, 140_000, 680_000)
SUMMARY = (
    "Hankkeessa uudistetaan asiointipalvelu niin, että asukas voi hoitaa asiansa verkossa alusta loppuun; "
    "samalla yhtenäistetään taustaprosessit ja tietovarannot naapurikuntien kanssa."
)


def _organisations(call, count: int, start: int) -> list[Organisation]:
    """`count` organisations that have no application in the call yet."""
    used = Application.objects.filter(call=call).values("organisation")
    free = list(
        Organisation.objects.municipalities()
        .filter(region__isnull=False)
        .exclude(pk__in=used)
        .order_by("code")[:count]
    )
    missing = count - len(free)
    if missing > 0:
        regions = list(Region.objects.order_by("code")) or [None]
        statuses = list(LanguageStatus)
        free += Organisation.objects.bulk_create(
            Organisation(
                kind=Organisation.Kind.JOINT_AUTHORITY, name_fi=f"Kuntayhtymä {start + n}",
                name_sv=f"Samkommun {start + n}", region=regions[n % len(regions)],
                population=POPULATIONS[n % len(POPULATIONS)], language_status=statuses[n % len(statuses)],
            )
            for n in range(missing)
        )  # fmt: skip
    return free


def _topics(call) -> tuple[str, list[str]] | None:
    """The key and option keys of the form's topics question, if it has one (the summary counts them)."""
    question = (
        Question.objects.filter(
            question_set=call.current_question_set(),
            type=Question.Type.MULTIPLE_CHOICE,
            key__icontains="topic",
        )
        .order_by("order", "pk")
        .first()
    )
    if question is None:
        return None
    keys = [option.get("key") for option in question.options or [] if option.get("key")]
    return (question.key, keys) if keys else None


def build(call, count: int, *, user, reviewers, start: int = 0) -> list[Application]:
    """Add `count` applications to `call` (see the module's docstring); `user` creates them and the records
    around them, `reviewers` (two or more users) review them."""
    organisations = _organisations(call, count, start)
    partners = list(Organisation.objects.municipalities().filter(region__isnull=False).order_by("code")[:40])
    question_set = call.current_question_set()
    topics = _topics(call)
    window = call.closes_at - call.opens_at
    category = (
        call.cost_categories.order_by("order", "pk").values_list("key", flat=True).first() or "personnel"
    )
    year = call.opens_at.year + 1

    def answers(i):
        values = {
            "project_name": f"Asiointipalvelun uudistus {i}",
            "summary": f"{SUMMARY} ({i})",
            "start_date": f"{year}-01-01",
            "end_date": f"{year + 1}-06-30",
        }
        if topics:
            key, options = topics
            values[key] = [options[i % len(options)], options[(i + 3) % len(options)]][: 1 + i % 2]
        return values

    def submitted_at(i):
        return call.opens_at + window * ((i * 37) % 100) / 100

    rows = []
    for n, organisation in enumerate(organisations):
        i = start + n
        status = STATUSES[i % len(STATUSES)]
        draft = status == Status.DRAFT
        rows.append(
            Application(
                call=call, question_set=question_set, organisation=organisation, status=status,
                answers=answers(i), confidential_keys=["project_name"] if i % 25 == 7 else [],
                requested_amount=AMOUNTS[i % len(AMOUNTS)] + i, participants_confirmed=not draft,
                case_number=None if draft else f"VM/S{call.pk}/{i}/2099", created_by=user,
                submitted_at=None if draft else submitted_at(i), submitted_by=None if draft else user,
                withdrawn_at=submitted_at(i) + timedelta(days=1) if status == Status.WITHDRAWN else None,
            )
        )  # fmt: skip
    made = Application.objects.bulk_create(rows)
    submitted = [a for a in made if a.status != Status.DRAFT]  # withdrawn ones too

    people = []
    for n, application in enumerate(made):
        people.append(
            Participant(application=application, organisation=application.organisation,
                        role=Participant.Role.LEAD, confirmed_at=application.submitted_at)
        )  # fmt: skip
        partner = partners[(start + n) % len(partners)] if partners else None
        if (start + n) % 3 == 0 and partner is not None and partner.pk != application.organisation_id:
            people.append(
                Participant(application=application, organisation=partner, role=Participant.Role.PARTNER,
                            order=1, confirmed_at=application.submitted_at)
            )  # fmt: skip
    Participant.objects.bulk_create(people)
    BudgetLine.objects.bulk_create(
        BudgetLine(application=a, category=category, year=year, description="Ohjelmistokehitys",
                   amount=a.requested_amount * 2)
        for a in made
    )  # fmt: skip
    codes = list(call.criteria.filter(is_scored=True).values_list("code", flat=True)) or ["G1"]
    ApplicationScore.objects.bulk_create(
        ApplicationScore(application=a, score=Decimal(n % 5) + Decimal("0.5"), reviewers=2, complete=2)
        for n, a in enumerate(submitted)
    )  # fmt: skip
    Review.objects.bulk_create(
        Review(
            application=a, reviewer=reviewers[(n + k) % len(reviewers)], state=Review.State.SUBMITTED,
            declared_at=a.submitted_at, submitted_at=a.submitted_at,
            scores={code: {"score": 1 + (n + k) % 5, "justification": f"Perustelu {code}"} for code in codes},
        )
        for n, a in enumerate(submitted)
        for k in range(2)
    )  # fmt: skip
    templates = {kind: DecisionTemplate.current(kind, "fi") for kind in ("grant", "rejection")}
    decided = [a for a in made if a.status in (Status.GRANTED, Status.REJECTED)]
    if decided and all(templates.values()):
        Decision.objects.bulk_create(
            Decision(
                application=a, state=Decision.State.SENT, created_by=user, sent_at=a.submitted_at + window,
                outcome=Decision.Outcome.GRANTED if a.status == Status.GRANTED else Decision.Outcome.REJECTED,
                amount=a.requested_amount if a.status == Status.GRANTED else None,
                template=templates["grant" if a.status == Status.GRANTED else "rejection"],
                number=f"VM/P{call.pk}/{a.pk}/2099",
            )
            for a in decided
        )  # fmt: skip
    dimensions = list(
        MaturityDimension.objects.filter(model_id=call.maturity_model_id).values_list("key", flat=True)
    )
    if dimensions:
        SelfAssessment.objects.bulk_create(
            SelfAssessment(
                organisation_id=a.organisation_id, call=call, service_process="Laskujen käsittely",
                ratings={key: {"current": 1 + (n + d) % 4, "target": 2 + (n + d) % 4}
                         for d, key in enumerate(dimensions)},
                created_by=user, updated_by=user, created_at=a.submitted_at, updated_at=a.submitted_at,
                frozen_at=a.submitted_at, frozen_with=a.pk, version=1,
            )
            for n, a in enumerate(submitted)
            if n % 2 == 0
        )  # fmt: skip
    return made


def received(call) -> int:
    """Received as the summary counts them: neither drafts nor withdrawn."""
    return (
        Application.objects.filter(call=call)
        .exclude(Q(status=Status.DRAFT) | Q(status=Status.WITHDRAWN))
        .count()
    )
