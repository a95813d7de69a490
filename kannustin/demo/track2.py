"""Track 2 of the 2019 round in the demo: 133 submitted proposals, the other actors and their expressions of
interest, the workshop that was held (registrations, tables, presentations) and the 26 joint applications that
grew from the proposals. Called by `manage.py seed_demo` after the track-1 applications; idempotent.

Like the track-1 applications (`applications.py`), everything is written straight into the tables with bulk
inserts — no receipts, no emails, one summary audit event — since it stands for history, not for something a
user did now. Every choice is made with random generators seeded from 2019, so every run makes the same demo.

Each proposal has a primary topic (the first of its `topics`, see `known_topic`) and texts written from that
topic's own vocabulary (`track2_texts.py`), so that the partner matching (`jointprojects.matching`) finds the
topics again from the text; the workshop's tables are the clusters it suggests.
"""

import hashlib
import math
import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import ROUND_DOWN, Decimal

from django.contrib.auth.hashers import make_password
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction

from kannustin.accounts.models import Membership, User
from kannustin.accounts.roles import Role
from kannustin.applications import actions, validation
from kannustin.applications.models import (
    Application,
    ApplicationVersion,
    Attachment,
    CaseNumberCounter,
    ContactPerson,
    Participant,
    Status,
)
from kannustin.core import audit, clock
from kannustin.jointprojects import matching
from kannustin.jointprojects.models import Interest, Presentation, Registration, WorkshopTable
from kannustin.maturity import services as maturity
from kannustin.maturity.models import SelfAssessment
from kannustin.programmes.models import Call, Question, TranslatedOption, Workshop
from kannustin.registry.models import LanguageStatus, Organisation, Region, business_id_check_digit

from . import texts as demo_texts
from . import track2_texts as texts
from .applications import (
    ALAND,
    CENT,
    _and,
    _email,
    _fit,
    _name,
    _number,
    _people,
    _submitters,
    budget_lines,
    contact_people,
    frozen_assessment,
    maturity_ratings,
    project_dates,
    requested_for,
    submission_times,
    tiny_pdf,
    write_rows,
)

SEED = 2019
PROPOSAL_SLUG = "kohde-2-ehdotukset"
JOINT_SLUG = "kohde-2-yhteishankkeet"
PROPOSALS = sum(texts.CLUSTER_SIZES.values())  # 133, as many as the ministry received in 2019
DOUBLE_LEADS = 15  # municipalities that lead two proposals (never more)
SWEDISH_LEADS = 10  # Swedish-speaking or Swedish-majority municipalities among the leads
DEMO_MUNICIPALITIES = ("109", "545")  # the demo users' municipalities lead a proposal each
SECOND_TOPIC_SHARE = 0.3
TOPIC_INTERESTS = 60
REGISTRATIONS = 180
JOINT_APPLICATIONS = 26
MAX_PARTNERS = 6
JOINT_MIN_TOTAL = Decimal("150000.00")
JOINT_MAX_TOTAL = Decimal("1500000.00")
ONLINE_URL = "https://vm.example/tyopaja-2019"
# The ministry's track-2 contact in programme.yaml (fictional): uploads the presentations.
MINISTRY_PERSON = {
    "name": "Johan Exempel",
    "email": "johan.exempel@vm.example",
    "title": "erityisasiantuntija",
}


def _helsinki(*parts) -> datetime:
    return datetime(*parts, tzinfo=clock.HELSINKI)


INTEREST_UNTIL = _helsinki(2019, 9, 26, 16, 0)  # the day before the workshop
ACCEPTED_BY = _helsinki(2019, 11, 10, 16, 0)  # before stage 2 opens
REGISTRATIONS_FROM = _helsinki(2019, 8, 19, 9, 0)
PRESENTATIONS_UPLOADED = _helsinki(2019, 9, 30, 9, 30)
PRESENTATIONS_PUBLISHED = _helsinki(2019, 9, 30, 12, 0)


def known_topic(application) -> str:
    """The primary topic of a demo proposal: the first of its `topics` answer (what the matching should find)."""
    topics = (application.answers or {}).get("topics") or []
    return topics[0] if topics else ""


def proposal_call(programme):
    return (
        programme.calls.filter(stage=Call.Stage.PROPOSAL, slug=PROPOSAL_SLUG).select_related("track").first()
    )


def joint_call(programme):
    return (
        programme.calls.filter(stage=Call.Stage.JOINT_APPLICATION, slug=JOINT_SLUG)
        .select_related("track", "previous_stage")
        .first()
    )


@dataclass
class ProposalPlan:
    organisation: Organisation
    language: str
    topic: str
    core: str  # the title core, which a joint application grown from it takes up
    answers: dict
    contacts: list[dict]
    confidential_keys: list[str] = field(default_factory=list)
    submitted_at: datetime | None = None
    created_at: datetime | None = None
    user: User | None = None
    application: Application | None = None


@dataclass
class JointPlan:
    proposals: list[ProposalPlan]
    partners: list[Organisation]
    language: str = "fi"
    topic: str = ""
    answers: dict = field(default_factory=dict)
    budget: list[dict] = field(default_factory=list)
    requested: Decimal = Decimal("0")
    shares: dict = field(default_factory=dict)  # organisation pk → share of the eligible costs
    contacts: list[dict] = field(default_factory=list)
    indicators: list[dict] = field(default_factory=list)
    ratings: dict = field(default_factory=dict)
    service_process: str = ""
    agreement: bytes = b""
    submitted_at: datetime | None = None
    created_at: datetime | None = None
    confirmations: dict = field(default_factory=dict)  # partner pk → (confirmed_at, user)
    table: WorkshopTable | None = None
    application: Application | None = None

    @property
    def administrator(self) -> Organisation:
        return self.proposals[0].organisation

    @property
    def user(self) -> User:
        return self.proposals[0].user


# --- small helpers --------------------------------------------------------------------------------------------


def _population(organisation) -> int:
    return organisation.population_2019 or organisation.population or 5_000


def _lower_first(text: str) -> str:
    """The text with a small initial ("yhteinen sopimusrekisteri"); an acronym ("RPA …") stays as it is."""
    return text[0].lower() + text[1:] if len(text) > 1 and text[1].islower() else text


def _between(rng, start: datetime, end: datetime) -> datetime:
    """A moment between start and end, in Finnish office hours on a weekday where the span allows."""
    if end <= start:
        return start
    moment = start + timedelta(seconds=rng.uniform(0, (end - start).total_seconds()))
    local = clock.helsinki(moment)
    if local.weekday() >= 5 and rng.random() < 0.85:
        local -= timedelta(days=local.weekday() - 4)  # back to Friday
    office = local.replace(hour=rng.randint(8, 15), minute=rng.randint(0, 59), second=rng.randint(0, 59))
    return office if start < office < end else moment


def _sentences(rng, pool: list[str], low: int, high: int) -> list[str]:
    return rng.sample(pool, min(len(pool), rng.randint(low, high)))


def _paragraphs(rng, sentences: list[str], context: dict) -> str:
    text = " ".join(sentences).format(**context)
    if len(sentences) > 2 and rng.random() < 0.4:
        head, _sep, tail = text.partition(". ")
        text = f"{head}.\n\n{tail}"
    return text


def _clean(question, value):
    """The answer as the form stores it; the demo writes only what the form's own cleaning keeps unchanged."""
    cleaned = validation.clean_answer(question, value)
    if cleaned != value and not isinstance(value, str):
        raise ValueError(f"{question.key}: {value!r} is stored as {cleaned!r}")
    return cleaned


def _option_keys(question) -> list[str]:
    return [option.get("key") for option in question.options or []]


def _business_id(base: str) -> str:
    """A valid Business ID from a seven-digit base (the next base up when the base has no check digit)."""
    number = int(base)
    while business_id_check_digit(f"{number:07d}") is None:
        number += 1
    return f"{number:07d}-{business_id_check_digit(f'{number:07d}')}"


def _signatories(rng, organisations, known: dict) -> dict:
    """{organisation pk: an inactive signatory with an unusable password}: `known` first (the proposals'
    submitters), then one made up before (by the track-1 demo), otherwise a new made-up person. A name is drawn
    for every organisation, so that the random stream does not depend on what exists already."""
    drawn = {}
    for organisation in organisations:
        language = organisation.official_language
        first, last = _people(rng, language, 1)[0]
        drawn[organisation.pk] = (
            organisation,
            language,
            first,
            last,
            rng.choice(demo_texts.CONTACT_TITLES[language]),
        )
    found = dict(known)
    for membership in (
        Membership.objects.filter(
            organisation_id__in=[pk for pk in drawn if pk not in found], role=Role.SIGNATORY,
            user__is_active=False, user__email__endswith=".example", user__password__startswith="!",
        ).select_related("user").order_by("user_id")
    ):  # fmt: skip
        found.setdefault(membership.organisation_id, membership.user)
    missing = {pk: values for pk, values in drawn.items() if pk not in found}
    emails = {pk: _email(first, last, org, lang) for pk, (org, lang, first, last, _title) in missing.items()}
    existing = {user.email: user for user in User.objects.filter(email__in=emails.values())}
    User.objects.bulk_create(
        User(
            email=emails[pk], name=f"{first} {last}", title=title, language=lang, password=make_password(None),
            is_active=False,
        )
        for pk, (_org, lang, first, last, title) in missing.items()
        if emails[pk] not in existing
    )  # fmt: skip
    users = {user.email: user for user in User.objects.filter(email__in=emails.values())}
    members = set(
        Membership.objects.filter(user__in=users.values()).values_list("user_id", "organisation_id")
    )
    Membership.objects.bulk_create(
        Membership(user=users[emails[pk]], organisation_id=pk, role=Role.SIGNATORY)
        for pk in missing
        if (users[emails[pk]].pk, pk) not in members
    )
    found.update({pk: users[emails[pk]] for pk in missing})
    return found


def _ministry_person() -> User:
    user, _created = User.objects.get_or_create(
        email=MINISTRY_PERSON["email"],
        defaults={
            "name": MINISTRY_PERSON["name"],
            "title": MINISTRY_PERSON["title"],
            "language": "sv",
            "password": make_password(None),
            "is_active": False,
        },
    )
    return user


def _store_pdf(prefix: str, data: bytes) -> tuple[str, str]:
    digest = hashlib.sha256(data).hexdigest()
    return default_storage.save(f"{prefix}/{digest[:16]}-new", ContentFile(data)), digest


# --- other actors ---------------------------------------------------------------------------------------------


@dataclass
class Actor:
    organisation: Organisation
    topics: list[str]

    @property
    def is_company(self) -> bool:
        return self.organisation.kind == Organisation.Kind.COMPANY


def ensure_actors() -> tuple[list[Actor], int]:
    """The fictional joint authorities, regional councils, companies and associations of track 2 (looked up
    by Business ID, created when missing). Returns them and how many were created."""
    regions = {region.code: region for region in Region.objects.all()}
    actors, created = [], 0
    for kind, base, names, region, swedish, topics in texts.ACTORS:
        business_id = _business_id(base)
        organisation = Organisation.objects.select_related("region").filter(business_id=business_id).first()
        if organisation is None:
            organisation = Organisation(
                kind=kind, business_id=business_id, name_fi=names["fi"], name_sv=names["sv"], name_en=names["en"],
                region=regions.get(region),
                language_status=LanguageStatus.BILINGUAL_SWEDISH_MAJORITY if swedish else None,
            )  # fmt: skip
            organisation.full_clean()
            organisation.save()
            created += 1
        actors.append(Actor(organisation, topics))
    return actors, created


# --- proposals ------------------------------------------------------------------------------------------------


def mainland_municipalities() -> list[Organisation]:
    return list(
        Organisation.objects.municipalities()
        .in_classification(2019)
        .exclude(region__code=ALAND)
        .select_related("region")
        .order_by("code")
    )


def choose_leads(rng, candidates: list[Organisation]) -> list[Organisation]:
    """The lead of each proposal: distinct municipalities, the demo users' among them and a fair share of
    Swedish-speaking ones, bigger ones more likely; some (mostly larger) lead two."""
    chosen = {o.code: o for o in candidates if o.code in DEMO_MUNICIPALITIES}
    swedish = [o for o in candidates if o.swedish_speaking and o.code not in chosen]
    for organisation in rng.sample(swedish, SWEDISH_LEADS - sum(o.swedish_speaking for o in chosen.values())):
        chosen[organisation.code] = organisation
    rest = [o for o in candidates if o.code not in chosen and not o.swedish_speaking]
    weights = [_population(o) ** 0.4 for o in rest]
    while len(chosen) < PROPOSALS - DOUBLE_LEADS:
        organisation = rng.choices(rest, weights)[0]
        chosen.setdefault(organisation.code, organisation)
    leads = sorted(chosen.values(), key=lambda o: o.code)
    pool, weights, doubles = list(leads), [_population(o) ** 0.6 for o in leads], []
    while len(doubles) < DOUBLE_LEADS:
        index = rng.choices(range(len(pool)), weights)[0]
        doubles.append(pool.pop(index))
        weights.pop(index)
    return leads + sorted(doubles, key=lambda o: o.code)


def assign_topics(rng, leads: list[Organisation]) -> list[str]:
    """One primary topic per proposal, as many of each as CLUSTER_SIZES says; a municipality's two proposals
    are on different topics."""
    topics = [topic for topic, size in texts.CLUSTER_SIZES.items() for _ in range(size)]
    rng.shuffle(topics)
    count = Counter(o.pk for o in leads)
    for i, organisation in enumerate(leads):
        clash = [j for j, other in enumerate(leads) if j < i and other.pk == organisation.pk]
        if not clash or topics[clash[0]] != topics[i]:
            continue
        swaps = [j for j, other in enumerate(leads) if count[other.pk] == 1 and topics[j] != topics[i]]
        j = rng.choice(swaps)
        topics[i], topics[j] = topics[j], topics[i]
    return topics


def plan_proposal(rng, questions: dict, organisation, topic: str, used_titles: set) -> ProposalPlan:
    """Everything one proposal says, written from its primary topic's vocabulary."""
    language = organisation.official_language
    words = texts.TOPICS[topic][language]
    population = _population(organisation)
    region = organisation.region
    name = _name(organisation, language)
    context = {
        "name": name,
        "region": (region.name_sv if language == "sv" else region.name_fi) if region else "",
        "region_genitive": demo_texts.REGION_GENITIVE_FI.get(region.code, region.name_fi) if region else "",
        "pop": _number(population),
        "staff": _number(max(40, int(round(population * 0.055, -1)))),
        "pct": rng.choice([15, 20, 25, 30, 35, 40]),
        "hours": _number(max(20, int(round(math.sqrt(population) * rng.uniform(0.5, 1.4), -1)))),
        "savings": _number(min(600_000, max(5_000, int(round(population * rng.uniform(0.4, 2.5), -3))))),
        "transport": _number(max(40_000, int(round(population * rng.uniform(25, 60), -3)))),
        "count": rng.randint(3, 12),
    }
    # A second topic is one after the primary in the form's order, so that the stored (ordered) answer keeps the
    # primary topic first.
    topic_keys = _option_keys(questions["topics"])
    later = topic_keys[topic_keys.index(topic) + 1 :]
    second = None
    if later and rng.random() < SECOND_TOPIC_SHARE:
        second = rng.choices(later, [0.5 if key == "other" else 1.0 for key in later])[0]

    core = rng.choice(words["cores"])
    pattern = rng.choices(texts.TITLE_PATTERNS[language], texts.TITLE_WEIGHTS)[0]
    title = pattern.format(core=core, core_lower=_lower_first(core), **context)
    if title in used_titles:
        title = f"{core} – {name}"
    if title in used_titles:
        title = f"{core} – {name} ({context['region']})"
    used_titles.add(title)

    generic = texts.GENERIC[language]
    p1 = _sentences(rng, words["p1"], 2, 3)
    if second and second in texts.TOPICS:
        p1.append(rng.choice(texts.TOPICS[second][language]["p1"]))
    if rng.random() < 0.35:
        p1.insert(0, generic["intro"])
    descriptions = {"p1_ways_of_working": p1}
    for key, short, share in (("p2_goals", "p2", 0.4), ("p3_significance", "p3", 0.35),
                              ("p4_cost_savings", "p4", 0.3), ("p5_risks", "p5", 0.4)):  # fmt: skip
        chosen = _sentences(rng, words[short], 2, 3)
        if rng.random() < share:
            chosen.append(rng.choice(generic[short]))
        descriptions[key] = chosen

    goal_keys = _option_keys(questions["national_goals"])
    preferred = texts.NATIONAL_GOALS[topic]
    goals = {preferred[0]}
    for _ in range(rng.choice([0, 1, 1, 2])):
        goals.add(rng.choice(preferred[1:]) if rng.random() < 0.75 else rng.choice(goal_keys))
    values = {
        "title": title,
        "summary": rng.choice(words["summary"]).format(**context),
        "topics": [topic] + ([second] if second else []),
        "national_goals": [key for key in goal_keys if key in goals],
        **{key: _paragraphs(rng, sentences, context) for key, sentences in descriptions.items()},
        "partners_wanted": rng.choice(words["partners_wanted"]) if rng.random() < 0.7 else "",
    }
    answers = {}
    for key, question in questions.items():
        value = values.get(key, "")
        if question.type == Question.Type.TEXT:
            value = _fit(value, question.max_length)
        answers[key] = _clean(question, value)
    assert answers["topics"][0] == topic

    contacts = contact_people(rng, organisation, language)
    return ProposalPlan(organisation, language, topic, core, answers, contacts)


def plan_proposals(call, rng=None) -> list[ProposalPlan]:
    """The 133 proposals in submission order, without writing anything (the same on every run)."""
    rng = rng or random.Random(f"{SEED}-track2-proposals")
    question_set = call.current_question_set()
    questions = {q.key: q for q in question_set.questions.order_by("order", "id")}
    leads = choose_leads(rng, mainland_municipalities())
    topics = assign_topics(rng, leads)
    used_titles = set()
    plans = [
        plan_proposal(rng, questions, organisation, topic, used_titles)
        for organisation, topic in zip(leads, topics, strict=True)
    ]
    # A few keep their estimate of savings to themselves (a business secret, left out of the matching too).
    for plan in rng.sample(plans, 3):
        plan.confidential_keys = ["p4_cost_savings"]
    times = submission_times(rng, len(plans), call.opens_at, call.closes_at)
    rng.shuffle(plans)
    for plan, submitted_at in zip(plans, times, strict=True):
        plan.submitted_at = submitted_at
        plan.created_at = max(
            call.opens_at + timedelta(hours=8), submitted_at - timedelta(days=rng.uniform(0.2, 25))
        )
    return plans


def _write_applications(plans, call, question_set, counter, *, first_number, answers_of, **fields) -> list:
    applications = []
    for index, plan in enumerate(plans):
        plan.application = Application(
            call=call,
            question_set=question_set,
            organisation=plan.proposals[0].organisation if isinstance(plan, JointPlan) else plan.organisation,
            status=Status.SUBMITTED,
            language=plan.language,
            version=1,
            answers=answers_of(plan),
            case_number=f"{call.case_number_prefix}/{first_number + index}/{counter.year}",
            created_by=plan.user,
            updated_by=plan.user,
            submitted_at=plan.submitted_at,
            submitted_by=plan.user,
            **{key: value(plan) if callable(value) else value for key, value in fields.items()},
        )
        applications.append(plan.application)
    Application.objects.bulk_create(applications)
    return applications


def _versions_and_times(applications, created_at: dict) -> None:
    """Timestamps set on insert by auto_now(_add) put back in 2019, and one saved version each."""
    for application in applications:
        application.created_at = created_at[application.pk]
        application.updated_at = application.submitted_at
    Application.objects.bulk_update(applications, ["created_at", "updated_at", "answers"], batch_size=200)
    versions = ApplicationVersion.objects.bulk_create(
        ApplicationVersion(
            application=app, version=app.version, saved_by=app.submitted_by, data=actions.snapshot(app)
        )
        for app in applications
    )
    for version, app in zip(versions, applications, strict=True):
        version.saved_at = app.submitted_at
    ApplicationVersion.objects.bulk_update(versions, ["saved_at"], batch_size=200)


def _lock(question_set, at) -> None:
    """Lock the form as its first draft did (it is then read once for all the snapshots)."""
    type(question_set).objects.filter(pk=question_set.pk, locked_at__isnull=True).update(locked_at=at)
    question_set.refresh_from_db(fields=["locked_at"])


def _proposal_submitters(plans) -> None:
    """The first contact person submitted the proposal (`applications._submitters`); one who submitted more
    than one proposal is made once."""
    first = {}
    for plan in plans:
        first.setdefault(plan.contacts[0]["email"], plan)
    _submitters(list(first.values()))
    for plan in plans:
        plan.user = first[plan.contacts[0]["email"]].user


def seed_proposals(call, counter, plans=None) -> list[ProposalPlan]:
    plans = plan_proposals(call) if plans is None else plans
    question_set = call.current_question_set()
    _proposal_submitters(plans)
    applications = _write_applications(
        plans, call, question_set, counter, first_number=counter.last + 1, answers_of=lambda p: p.answers,
        confidential_keys=lambda p: p.confidential_keys,
    )  # fmt: skip
    counter.last += len(applications)
    ContactPerson.objects.bulk_create(
        ContactPerson(application=plan.application, order=i, **contact)
        for plan in plans
        for i, contact in enumerate(plan.contacts)
    )
    participants = Participant.objects.bulk_create(
        Participant(
            application=plan.application,
            organisation=plan.organisation,
            role=Participant.Role.LEAD,
            order=0,
            added_by=plan.user,
            confirmed_at=plan.created_at,
            confirmed_by=plan.user,
        )  # fmt: skip
        for plan in plans
    )
    for participant, plan in zip(participants, plans, strict=True):
        participant.added_at = plan.created_at
    Participant.objects.bulk_update(participants, ["added_at"], batch_size=200)
    _lock(question_set, min(plan.created_at for plan in plans))
    _versions_and_times(applications, {plan.application.pk: plan.created_at for plan in plans})
    return plans


@transaction.atomic
def more_proposals(call, count: int, seed: int = 2020) -> int:
    """`count` more submitted proposals of the same generator in the call, for benchmarks beyond the demo's 133
    (a municipality may then lead many). Written as quietly as the demo's; returns how many."""
    rng = random.Random(f"{seed}-track2-more")
    questions = {q.key: q for q in call.current_question_set().questions.order_by("order", "id")}
    municipalities = mainland_municipalities()
    weights = [_population(o) ** 0.4 for o in municipalities]
    topics, sizes = list(texts.CLUSTER_SIZES), list(texts.CLUSTER_SIZES.values())
    used_titles = {a.title for a in Application.objects.filter(call=call).only("answers")}
    plans = [
        plan_proposal(
            rng,
            questions,
            rng.choices(municipalities, weights)[0],
            rng.choices(topics, sizes)[0],
            used_titles,
        )
        for _ in range(count)
    ]
    for plan, submitted_at in zip(
        plans, submission_times(rng, count, call.opens_at, call.closes_at), strict=True
    ):
        plan.submitted_at = submitted_at
        plan.created_at = max(
            call.opens_at + timedelta(hours=8), submitted_at - timedelta(days=rng.uniform(0.2, 25))
        )
    counter, _created = CaseNumberCounter.objects.select_for_update().get_or_create(
        prefix=call.case_number_prefix, year=clock.helsinki(call.closes_at).year
    )
    seed_proposals(call, counter, plans)
    counter.save(update_fields=["last"])
    return len(plans)


# --- expressions of interest ----------------------------------------------------------------------------------

INTERESTS_PER_PROPOSAL = [4, 9, 13, 14, 12, 9, 6, 4, 2]  # weights of 0…8, about 3.4 on average
ACTOR_SHARE = 0.14


def plan_interests(rng, call, plans, actors, municipalities) -> list[dict]:
    """Expressions of interest in the proposals (from municipalities of the same region or topic, and from the
    other actors) and in topics in general, as rows without users yet."""
    leads_by_topic = defaultdict(set)
    for plan in plans:
        leads_by_topic[plan.topic].add(plan.organisation.pk)
    rows = []
    for plan in sorted(plans, key=lambda p: p.submitted_at):
        lead = plan.organisation
        weights = [
            0.0 if o.pk == lead.pk
            else 0.35 + 3.0 * (o.region_id == lead.region_id) + 2.5 * (o.pk in leads_by_topic[plan.topic])
            + 1.0 * (o.official_language == plan.language == "sv")
            for o in municipalities
        ]  # fmt: skip
        taken = {lead.pk}
        for _ in range(rng.choices(range(len(INTERESTS_PER_PROPOSAL)), INTERESTS_PER_PROPOSAL)[0]):
            suitable = [a for a in actors if plan.topic in a.topics and a.organisation.pk not in taken]
            if suitable and rng.random() < ACTOR_SHARE:
                actor = rng.choices(suitable, [2.0 if a.topics[0] == plan.topic else 1.0 for a in suitable])[
                    0
                ]
                organisation = actor.organisation
                if actor.is_company:
                    kind, notes = Interest.Kind.OBSERVER, "company"
                else:
                    kind = Interest.Kind.PARTNER if rng.random() < 0.55 else Interest.Kind.OBSERVER
                    notes = "actor" if kind == Interest.Kind.PARTNER else "observer"
            else:
                organisation = rng.choices(municipalities, weights)[0]
                if organisation.pk in taken:
                    continue
                kind = Interest.Kind.PARTNER if rng.random() < 0.8 else Interest.Kind.OBSERVER
                notes = kind.value
            taken.add(organisation.pk)
            language = organisation.official_language
            created_at = _between(rng, plan.submitted_at + timedelta(minutes=30), INTEREST_UNTIL)
            row = {
                "call": call, "proposal_plan": plan, "topic": "", "organisation": organisation, "kind": kind,
                "note": rng.choice(texts.INTEREST_NOTES[language][notes]) if rng.random() < 0.9 else "",
                "created_at": created_at, "accepted_at": None,
            }  # fmt: skip
            if kind == Interest.Kind.PARTNER and rng.random() < 0.5:
                delay = timedelta(days=rng.expovariate(1 / 8), hours=rng.uniform(1, 6))
                row["accepted_at"] = min(
                    created_at + delay, ACCEPTED_BY - timedelta(hours=rng.uniform(1, 72))
                )
            rows.append(row)

    # Interest in a topic in general: mostly municipalities without a proposal of their own, and the actors.
    proposing = {plan.organisation.pk for plan in plans}
    others = [o for o in municipalities if o.pk not in proposing]
    topic_keys, sizes = list(texts.CLUSTER_SIZES), list(texts.CLUSTER_SIZES.values())
    seen = set()
    while len(seen) < TOPIC_INTERESTS:
        if rng.random() < 0.25:
            actor = rng.choice(actors)
            organisation, topic = actor.organisation, rng.choice(actor.topics)
            kind = Interest.Kind.OBSERVER if actor.is_company or rng.random() < 0.4 else Interest.Kind.PARTNER
        else:
            organisation, topic = rng.choice(others), rng.choices(topic_keys, sizes)[0]
            kind = Interest.Kind.PARTNER if rng.random() < 0.65 else Interest.Kind.OBSERVER
        if (organisation.pk, topic) in seen:
            continue
        seen.add((organisation.pk, topic))
        rows.append({
            "call": call, "proposal_plan": None, "topic": topic, "organisation": organisation, "kind": kind,
            "note": rng.choice(texts.INTEREST_NOTES[organisation.official_language]["topic"]),
            "created_at": _between(rng, call.opens_at + timedelta(days=3), INTEREST_UNTIL), "accepted_at": None,
        })  # fmt: skip
    return rows


def seed_interests(rng, call, plans, actors, municipalities) -> tuple[list[Interest], dict]:
    rows = plan_interests(rng, call, plans, actors, municipalities)
    known = {}
    for plan in plans:
        known.setdefault(plan.organisation.pk, plan.user)
    organisations = {row["organisation"].pk: row["organisation"] for row in rows}
    signatories = _signatories(rng, [organisations[pk] for pk in sorted(organisations)], known)
    interests = [
        Interest(
            call=row["call"],
            proposal=row["proposal_plan"].application if row["proposal_plan"] else None,
            topic=row["topic"],
            organisation=row["organisation"],
            kind=row["kind"],
            note=row["note"],
            created_by=signatories[row["organisation"].pk],
            accepted_at=row["accepted_at"],
            accepted_by=row["proposal_plan"].user if row["accepted_at"] else None,
        )
        for row in rows
    ]
    Interest.objects.bulk_create(interests)
    for interest, row in zip(interests, rows, strict=True):
        interest.created_at = row["created_at"]
    Interest.objects.bulk_update(interests, ["created_at"], batch_size=200)
    return interests, signatories


# --- the workshop ---------------------------------------------------------------------------------------------


def seed_registrations(rng, workshop, plans, interests) -> int:
    """About 180 people of proposing and interested organisations registered; most agreed to be listed."""
    leads, seen = [], set()
    for plan in sorted(plans, key=lambda p: p.application.pk):
        if plan.user.pk not in seen:
            seen.add(plan.user.pk)
            leads.append((plan.user, plan.organisation))
    interested = []
    for interest in sorted(interests, key=lambda i: i.pk):
        if interest.created_by_id not in seen:
            seen.add(interest.created_by_id)
            interested.append((interest.created_by, interest.organisation))
    from_leads = min(len(leads), round(REGISTRATIONS * 0.55))
    chosen = rng.sample(leads, from_leads) + rng.sample(
        interested, min(len(interested), REGISTRATIONS - from_leads)
    )
    closes = workshop.registration_closes_at or workshop.starts_at
    registrations = []
    for user, organisation in chosen:
        language = "sv" if user.language == "sv" else "fi"
        registrations.append(
            Registration(
                workshop=workshop,
                user=user,
                organisation=organisation,
                name=user.name,
                email=user.email,
                remote=rng.random() < 0.25,
                dietary=rng.choice(texts.DIETARY[language]) if rng.random() < 0.12 else "",
                accessibility=rng.choice(texts.ACCESSIBILITY[language]) if rng.random() < 0.03 else "",
                listed=rng.random() < 0.7,
            )  # fmt: skip
        )
    Registration.objects.bulk_create(registrations)
    for registration in registrations:
        registration.created_at = _between(rng, REGISTRATIONS_FROM, closes - timedelta(hours=1))
    Registration.objects.bulk_update(registrations, ["created_at"], batch_size=200)
    return len(registrations)


def seed_tables(call, workshop, plans) -> list[WorkshopTable]:
    """One table per cluster the matching suggests, titled by the cluster's commonest topic."""
    expected = {plan.application.pk for plan in plans}
    matching._in_process.clear()
    fitted = matching.model(call)
    if fitted is None or set(fitted["ids"]) != expected:
        # A model cached for another database with the same proposal count and times (a rolled-back test).
        cache.delete(matching._in_process.get(call.pk, {}).get("key", ""))
        matching._in_process.clear()
    question = call.current_question_set().questions.get(key="topics")
    options = {option["key"]: TranslatedOption(option) for option in question.options}
    topic_keys = [key for key in options if key != "other"]
    clusters = matching.suggest_clusters(call, topic_keys)
    tables, used = [], Counter()
    for number, cluster in enumerate(clusters, start=1):
        option = options.get(cluster["topic"])
        used[cluster["topic"]] += 1
        suffix = f" {used[cluster['topic']]}" if used[cluster["topic"]] > 1 else ""
        titles = {
            f"title_{language}": ((option.tr("label", language) if option else "") + suffix)[:200]
            or f"{number}"
            for language in ("fi", "sv", "en")
        }
        tables.append(WorkshopTable(workshop=workshop, number=number, **titles))
    WorkshopTable.objects.bulk_create(tables)
    WorkshopTable.proposals.through.objects.bulk_create(
        WorkshopTable.proposals.through(workshoptable_id=table.pk, application_id=pk)
        for table, cluster in zip(tables, clusters, strict=True)
        for pk in cluster["proposals"]
    )
    for table, cluster in zip(tables, clusters, strict=True):
        table.proposal_ids = list(cluster["proposals"])
    return tables


def seed_presentations(workshop, counts: dict) -> int:
    uploader = _ministry_person()
    presentations = []
    for order, (titles, lines) in enumerate(texts.PRESENTATIONS):
        data = tiny_pdf([titles["fi"], *(line.format(**counts) for line in lines), texts.PRESENTATION_FOOTER])
        presentation = Presentation(
            workshop=workshop, size=len(data), sha256=hashlib.sha256(data).hexdigest(), order=order,
            uploaded_by=uploader, **{f"title_{language}": title for language, title in titles.items()},
        )  # fmt: skip
        presentation.file.save("upload", ContentFile(data), save=False)
        presentations.append(presentation)
    Presentation.objects.bulk_create(presentations)
    for order, presentation in enumerate(presentations):
        presentation.uploaded_at = PRESENTATIONS_UPLOADED + timedelta(minutes=4 * order)
    Presentation.objects.bulk_update(presentations, ["uploaded_at"])
    workshop.online_url = ONLINE_URL
    workshop.presentations_published_at = PRESENTATIONS_PUBLISHED
    workshop.save(update_fields=["online_url", "presentations_published_at"])
    return len(presentations)


# --- joint applications ---------------------------------------------------------------------------------------


def choose_groups(rng, tables, plans, interests) -> list[JointPlan]:
    """The proposals each joint application grew from: 1–3 proposals seated at the same table, the first one's
    lead the project administrator (each administrator once: its maturity self-assessment is one per call),
    the partners the other leads and organisations accepted as partners (2–6, at least one municipality)."""
    by_pk = {plan.application.pk: plan for plan in plans}
    accepted = defaultdict(list)
    for interest in sorted(interests, key=lambda i: i.pk):
        if (
            interest.proposal_id
            and interest.accepted_at
            and interest.organisation.kind != Organisation.Kind.COMPANY
        ):
            accepted[interest.proposal_id].append(interest.organisation)
    sizes = [len(table.proposal_ids) for table in tables]
    quotas = [JOINT_APPLICATIONS * size // sum(sizes) for size in sizes]
    remainders = sorted(range(len(tables)), key=lambda i: -(JOINT_APPLICATIONS * sizes[i] % sum(sizes)))
    for i in remainders[: JOINT_APPLICATIONS - sum(quotas)]:
        quotas[i] += 1
    administrators, used, groups = set(), set(), []

    def partners_for(group) -> list[Organisation]:
        administrator = group[0].organisation
        partners = []
        for plan in group[1:]:
            if plan.organisation.pk != administrator.pk and plan.organisation not in partners:
                partners.append(plan.organisation)
        extra = [o for plan in group for o in accepted[plan.application.pk]]
        extra = [o for o in dict.fromkeys(extra) if o.pk != administrator.pk and o not in partners]
        rng.shuffle(extra)
        return partners + extra[: MAX_PARTNERS - len(partners)]

    def attempt(table) -> JointPlan | None:
        candidates = [by_pk[pk] for pk in table.proposal_ids if pk not in used]
        rng.shuffle(candidates)
        candidates.sort(
            key=lambda p: (p.organisation.code not in DEMO_MUNICIPALITIES, -len(accepted[p.application.pk]))
        )
        for first in candidates:
            if first.organisation.pk in administrators:
                continue
            others = [p for p in candidates if p is not first and p.organisation.pk != first.organisation.pk]
            for size in (rng.choice([1, 2, 2, 3]), 3, 2, 1):
                group, leads = [first], {first.organisation.pk}
                for plan in rng.sample(others, len(others)):
                    if len(group) < size and plan.organisation.pk not in leads:
                        group.append(plan)
                        leads.add(plan.organisation.pk)
                partners = partners_for(group)
                if 2 <= len(partners) <= MAX_PARTNERS and any(o.is_municipality for o in partners):
                    return JointPlan(proposals=group, partners=partners)
        return None

    for _round in range(2):  # a table short of workable groups leaves its share to the others
        for table, quota in zip(tables, quotas, strict=True):
            while sum(1 for g in groups if g.table is table) < quota and len(groups) < JOINT_APPLICATIONS:
                plan = attempt(table)
                if plan is None:
                    break
                plan.table = table
                groups.append(plan)
                administrators.add(plan.administrator.pk)
                used.update(p.application.pk for p in plan.proposals)
        quotas = [JOINT_APPLICATIONS] * len(tables)
    return groups


def _joint_total(rng, participants: int) -> Decimal:
    value = 110_000 * participants**0.8 * math.exp(rng.gauss(0, 0.45))
    return min(max(Decimal(str(round(value, -2))), JOINT_MIN_TOTAL), JOINT_MAX_TOTAL).quantize(CENT)


def _shares(rng, plan: JointPlan, total: Decimal) -> dict:
    """Each participant's share of the eligible costs; the administrator's absorbs the rounding."""
    weights = {plan.administrator.pk: rng.uniform(1.6, 2.6)}
    for organisation in plan.partners:
        weights[organisation.pk] = (
            rng.uniform(0.7, 1.4) if organisation.is_municipality else rng.uniform(0.2, 0.45)
        )
    whole = sum(weights.values())
    shares = {
        pk: max(
            (total * Decimal(str(w / whole))).quantize(Decimal("100"), rounding=ROUND_DOWN), Decimal("1000")
        )
        for pk, w in weights.items()
        if pk != plan.administrator.pk
    }
    shares[plan.administrator.pk] = total - sum(shares.values())
    return {pk: share.quantize(CENT) for pk, share in shares.items()}


# Which of the topic's sentences each criterion answer of a joint application takes, from pools shuffled once per
# application, so that two answers do not repeat the same sentence (the goals restate C3's).
CRITERION_SOURCES = {"G1": [("p4", 0, 2), ("p1", 0, 1)], "G2": [("p3", 0, 2)], "C2": [("p2", 0, 1)],
                     "C3": [("p2", 1, 2)], "C5": [("p3", 2, 3)]}  # fmt: skip


def _criterion(rng, code: str, pools: dict, words: dict, language: str, context: dict) -> str:
    sentences = [
        sentence for key, start, end in CRITERION_SOURCES.get(code, []) for sentence in pools[key][start:end]
    ]
    if code == "C4":
        sentences.append(words["measures"])
    sentences += rng.sample(texts.JOINT_GENERIC[language][code], 2)
    if code == "G2":
        sentences.append(texts.JOINT_SENTENCES[language]["municipalities"])
    return _paragraphs(rng, sentences, context)


def plan_joint(rng, plan: JointPlan, call, questions, categories, structure, used_titles) -> None:
    """Everything one joint application says: its answers, budget and shares, contacts, indicators, maturity
    ratings and the agreement."""
    administrator = plan.administrator
    language = plan.language = administrator.official_language
    plan.topic = known_topic(plan.proposals[0].application)
    words = texts.TOPICS[plan.topic][language]
    sentences = texts.JOINT_SENTENCES[language]
    everyone = [administrator, *plan.partners]
    municipalities = [o for o in everyone if o.is_municipality]
    population = _population(administrator)
    total_population = sum(_population(o) for o in municipalities)
    region = administrator.region
    dates = project_dates(rng, call)
    context = {
        "name": _name(administrator, language),
        "region": (region.name_sv if language == "sv" else region.name_fi) if region else "",
        "region_genitive": demo_texts.REGION_GENITIVE_FI.get(region.code, region.name_fi) if region else "",
        "pop": _number(population),
        "pop_total": _number(total_population),
        "staff": _number(max(40, int(round(population * 0.055, -1)))),
        "pct": rng.choice([15, 20, 25, 30, 35, 40]),
        "hours": _number(max(40, int(round(math.sqrt(total_population) * rng.uniform(0.8, 1.6), -1)))),
        "savings": _number(
            min(900_000, max(10_000, int(round(total_population * rng.uniform(0.4, 2.0), -3))))
        ),
        "transport": _number(max(80_000, int(round(total_population * rng.uniform(25, 60), -3)))),
        "count": rng.randint(4, 12),
        "months": (dates[1].year - dates[0].year) * 12 + dates[1].month - dates[0].month + 1,
        "municipalities": len(municipalities),
        "participants": _and([_name(o, language) for o in everyone], language),
    }
    core = plan.proposals[0].core
    count_word = texts.COUNT_WORDS[language].get(len(municipalities), str(len(municipalities)))
    title = rng.choice(texts.JOINT_TITLE_PATTERNS[language]).format(
        core=core, count_word=count_word, **context
    )
    if title in used_titles:
        title = (
            f"{core}: {count_word} kunnan yhteishanke" if language == "fi" else f"{core} – {context['name']}"
        )
    if title in used_titles:
        title = f"{title} – {context['name']}"
    used_titles.add(title)

    tasks = rng.sample(words["tasks"], len(words["tasks"])) + rng.sample(
        texts.PARTNER_TASKS[language], len(texts.PARTNER_TASKS[language])
    )
    actor_tasks = rng.sample(texts.ACTOR_TASKS[language], len(texts.ACTOR_TASKS[language]))
    division = [sentences["administrator"]]
    for organisation in plan.partners:
        task = (tasks if organisation.is_municipality else actor_tasks or tasks).pop(0)
        division.append(sentences["partner"].format(name=_name(organisation, language), task=task))
    division_text = (
        " ".join(division).format(**context) + "\n\n" + f"{sentences['steering']} {sentences['manager']}"
    )
    summary = " ".join([
        plan.proposals[0].answers["summary"],
        sentences["participants"].format(**context),
        sentences["grown_many" if len(plan.proposals) > 1 else "grown_one"],
    ])  # fmt: skip
    plan.indicators = [
        {
            k: v.format(**context)
            for k, v in zip(("name", "baseline", "target", "follow_up"), row, strict=True)
        }
        for row in rng.sample(words["indicators"], rng.randint(2, 3))
    ]
    indicator_text = "\n".join(
        [demo_texts.INDICATORS_INTRO[language], *(demo_texts.INDICATOR_LINE[language].format(**row) for row in plan.indicators)]
    )  # fmt: skip
    plan.service_process = words["process"][:1000]
    pools = {key: rng.sample(words[key], len(words[key])) for key in ("p1", "p2", "p3", "p4")}
    values = {
        "project_name": title,
        "summary": summary,
        "service_process": plan.service_process,
        "start_date": dates[0].isoformat(),
        "end_date": dates[1].isoformat(),
        "division_of_work": division_text,
        "excluded_fields": ["none"],
        "goals": _paragraphs(rng, [*pools["p2"][1:4], sentences["goals_tail"]], context),
        "indicators": indicator_text,
        "sharing_plan": rng.choice(demo_texts.SHARING_PLAN[language][:2]).format(**context),
        "other_funding": sentences["other_funding"],
    }
    answers = {}
    for question in questions:
        key, kind = question.key, question.type
        if key in values:
            value = values[key]
        elif question.criterion_id:
            value = _criterion(rng, question.criterion.code, pools, words, language, context)
        elif kind == Question.Type.CHOICE:
            value = "yes" if "yes" in _option_keys(question) else _option_keys(question)[0]
        elif kind == Question.Type.MULTIPLE_CHOICE:
            value = [next(o["key"] for o in question.options if not o.get("refuses"))]
        elif kind == Question.Type.FILE:
            value = []  # the agreement's id, once it exists
        else:
            value = demo_texts.FALLBACK[language].format(**context)
        if kind == Question.Type.TEXT:
            value = _fit(value, question.max_length)
        answers[key] = _clean(question, value)
    plan.answers = answers

    total = _joint_total(rng, len(everyone))
    years = [y for y in validation.budget_years(call) if dates[0].year <= y <= dates[1].year]
    plan.budget = budget_lines(rng, total, years, categories, language)
    plan.requested = requested_for(rng, call, total)
    plan.shares = _shares(rng, plan, total)
    lead_contact = plan.proposals[0].contacts[0]
    plan.contacts = [{**lead_contact, "role": demo_texts.CONTACT_ROLES[language][0]}]
    if rng.random() < 0.6:
        first, last = _people(rng, language, 1)[0]
        email = _email(first, last, administrator, language)
        if email != lead_contact["email"]:
            plan.contacts.append({
                "name": f"{first} {last}", "title": rng.choice(demo_texts.CONTACT_TITLES[language]), "email": email,
                "phone": "", "role": demo_texts.CONTACT_ROLES[language][1],
            })  # fmt: skip
    plan.ratings = maturity_ratings(rng, structure.keys, structure.level_values, population)
    agreement = texts.AGREEMENT[language]
    plan.agreement = tiny_pdf(
        [agreement["title"], *(line.format(title=title, **context) for line in agreement["lines"])]
    )


def seed_joint_applications(rng, call, counter, tables, plans, interests, signatories) -> list[JointPlan]:
    question_set = call.current_question_set()
    questions = list(question_set.questions.select_related("criterion").order_by("order", "id"))
    categories = list(call.cost_categories.order_by("order", "key").values_list("key", flat=True))
    structure = maturity.structure_for(call)
    joints = choose_groups(rng, tables, plans, interests)
    used_titles = set()
    for plan in joints:
        plan_joint(rng, plan, call, questions, categories, structure, used_titles)
    times = submission_times(rng, len(joints), call.opens_at, call.closes_at)
    rng.shuffle(joints)
    for plan, submitted_at in zip(joints, times, strict=True):
        plan.submitted_at = submitted_at
        plan.created_at = max(
            call.opens_at + timedelta(hours=8), submitted_at - timedelta(days=rng.uniform(3, 30))
        )
        for organisation in plan.partners:
            at = _between(rng, plan.created_at + timedelta(hours=1), submitted_at - timedelta(minutes=30))
            plan.confirmations[organisation.pk] = (at, signatories[organisation.pk])

    applications = _write_applications(
        joints, call, question_set, counter, first_number=counter.last + 1, answers_of=lambda p: p.answers,
        requested_amount=lambda p: p.requested, participants_confirmed=True,
    )  # fmt: skip
    counter.last += len(applications)
    Application.proposals.through.objects.bulk_create(
        Application.proposals.through(
            from_application_id=plan.application.pk, to_application_id=p.application.pk
        )
        for plan in joints
        for p in plan.proposals
    )
    participants = []
    for plan in joints:
        participants.append(Participant(
            application=plan.application, organisation=plan.administrator, role=Participant.Role.ADMINISTRATOR,
            order=0, budget_share=plan.shares[plan.administrator.pk], added_by=plan.user,
            confirmed_at=plan.created_at, confirmed_by=plan.user,
        ))  # fmt: skip
        for order, organisation in enumerate(plan.partners, start=1):
            confirmed_at, confirmed_by = plan.confirmations[organisation.pk]
            participants.append(Participant(
                application=plan.application, organisation=organisation, role=Participant.Role.PARTNER,
                order=order, budget_share=plan.shares[organisation.pk], added_by=plan.user,
                confirmed_at=confirmed_at, confirmed_by=confirmed_by,
            ))  # fmt: skip
    Participant.objects.bulk_create(participants)
    created = {plan.application.pk: plan.created_at for plan in joints}
    for participant in participants:
        participant.added_at = created[participant.application_id] + timedelta(minutes=participant.order)
    Participant.objects.bulk_update(participants, ["added_at"], batch_size=200)
    write_rows(joints)
    attachments = []
    for plan in joints:
        stored, digest = _store_pdf(f"attachments/{plan.application.pk}", plan.agreement)
        agreement = texts.AGREEMENT[plan.language]
        attachments.append(Attachment(
            application=plan.application, file=stored, original_name=agreement["name"],
            content_type="application/pdf", kind="pdf", size=len(plan.agreement), sha256=digest,
            description=agreement["title"], document="agreement", uploaded_by=plan.user,
        ))  # fmt: skip
    Attachment.objects.bulk_create(attachments)
    file_keys = [q.key for q in questions if q.type == Question.Type.FILE]
    for attachment, plan in zip(attachments, joints, strict=True):
        attachment.uploaded_at = max(
            plan.created_at + timedelta(hours=2), plan.submitted_at - timedelta(minutes=rng.randint(30, 2000))
        )
        for key in file_keys[:1]:
            plan.application.answers[key] = [attachment.pk]
    Attachment.objects.bulk_update(attachments, ["uploaded_at"])
    SelfAssessment.objects.bulk_create(frozen_assessment(plan, call, plan.administrator) for plan in joints)
    _lock(question_set, min(plan.created_at for plan in joints))
    _versions_and_times(applications, created)
    return joints


# --- the whole of track 2 -------------------------------------------------------------------------------------


@transaction.atomic
def seed_track2_2019(programme) -> dict:
    """Track 2 of the 2019 round: proposals, other actors, interests, the workshop and joint applications.
    Does nothing (and returns {}) when the proposal call already has applications."""
    call = proposal_call(programme)
    joint = joint_call(programme)
    workshop = Workshop.objects.filter(track=call.track).order_by("starts_at").first() if call else None
    if call is None or joint is None or workshop is None or Application.objects.filter(call=call).exists():
        return {}
    actors, actors_created = ensure_actors()
    municipalities = mainland_municipalities()
    counter, _created = CaseNumberCounter.objects.select_for_update().get_or_create(
        prefix=call.case_number_prefix, year=clock.helsinki(call.closes_at).year
    )
    first_case = counter.last + 1
    plans = seed_proposals(call, counter)
    interests, signatories = seed_interests(
        random.Random(f"{SEED}-track2-interests"), call, plans, actors, municipalities
    )
    registrations = seed_registrations(random.Random(f"{SEED}-track2-workshop"), workshop, plans, interests)
    tables = seed_tables(call, workshop, plans)
    on_proposals = sum(1 for i in interests if i.proposal_id)
    presentations = seed_presentations(workshop, {"proposals": len(plans), "interests": on_proposals})
    if joint.case_number_prefix != call.case_number_prefix:  # another series: its own counter
        counter.save(update_fields=["last"])
        counter, _created = CaseNumberCounter.objects.select_for_update().get_or_create(
            prefix=joint.case_number_prefix, year=clock.helsinki(joint.closes_at).year
        )
    joints = seed_joint_applications(
        random.Random(f"{SEED}-track2-joint"), joint, counter, tables, plans, interests, signatories
    )
    counter.save(update_fields=["last"])
    counts = {
        "proposals": len(plans),
        "organisations_created": actors_created,
        "interests": on_proposals,
        "accepted": sum(1 for i in interests if i.accepted_at),
        "topic_interests": len(interests) - on_proposals,
        "registrations": registrations,
        "tables": len(tables),
        "presentations": presentations,
        "joint_applications": len(joints),
    }
    audit.record(
        None,
        "demo.track2_seeded",
        call,
        {
            **counts,
            "case_numbers": [
                f"{call.case_number_prefix}/{first_case}/{counter.year}",
                f"{call.case_number_prefix}/{counter.last}/{counter.year}",
            ],
        },
    )
    return counts
