"""The demo's applications: the 185 submitted track-1 applications of 2019, and a few drafts in the current
demo round. Called by `manage.py seed_demo`; both functions are idempotent.

The 2019 applications are written straight into the tables (bulk inserts, no receipts, no emails, one summary
audit event): they stand for history, not for something a user did now. Everything is chosen with
`random.Random(2019)`, so every run makes the same demo. The drafts, in contrast, go through
`actions.create_draft` and `actions.save` like a user's work, so they carry a real version history.
"""

import hashlib
import math
import random
import textwrap
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import ROUND_DOWN, Decimal

from django.contrib.auth.hashers import make_password
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.text import slugify

from kannustin.accounts.models import Membership, User
from kannustin.accounts.roles import Role
from kannustin.applications import actions, validation
from kannustin.applications.models import (
    Application,
    ApplicationVersion,
    Attachment,
    BudgetLine,
    CaseNumberCounter,
    ContactPerson,
    Indicator,
    Participant,
    Status,
)
from kannustin.core import audit, clock
from kannustin.maturity import services as maturity
from kannustin.maturity.models import SelfAssessment
from kannustin.programmes.models import Question, Track
from kannustin.registry.models import LanguageStatus, Organisation

from . import texts as demo_texts

SEED = 2019
COUNT_2019 = 185
MIN_TOTAL = Decimal("10000.00")
MAX_TOTAL = Decimal("2350000.00")
# The largest grant of 2019 was 2 000 000 € and the smallest 11 900 €: the demo's extremes can get just those
# grants. The largest project (eligible costs 2 360 000 €) applies for 2 000 000 € (under 85 %), the smallest
# (14 000 €) for 11 900 € (85 %); the 2019 evaluation of the demo funds both (kannustin.demo.evaluation).
LARGEST_TOTAL = Decimal("2360000.00")
LARGEST_REQUEST = Decimal("2000000.00")
SMALLEST_TOTAL = Decimal("14000.00")
CENT = Decimal("0.01")
# Åland's municipalities are in Statistics Finland's classification but outside this state-aid programme.
ALAND = "21"
BIG_CITIES = 20
SWEDISH_SHARE = 11  # of the 15 Swedish-speaking or Swedish-majority municipalities outside Åland
BILINGUAL_SHARE = 13  # of the 18 bilingual municipalities with a Finnish majority
DEMO_MUNICIPALITIES = ("109", "545")  # the demo users' municipalities get their 2019 history too
NBSP = "\u00a0"

# Cost categories and how much of a budget they usually take.
CATEGORY_WEIGHTS = {
    "personnel": 5.0,
    "purchased_services": 5.0,
    "expertise": 2.5,
    "licences": 2.5,
    "travel": 0.6,
    "premises": 0.5,
}
SHARE_OF_AMOUNT = {"travel": 0.15, "premises": 0.2}  # small lines stay small


@dataclass
class Plan:
    """One application before it is written."""

    organisation: Organisation
    language: str
    submitted_at: datetime
    created_at: datetime
    answers: dict
    budget: list[dict]
    requested: Decimal
    contacts: list[dict]
    indicators: list[dict]
    co_applicants: list[Organisation]
    ratings: dict
    service_process: str
    confidential_keys: list[str] = field(default_factory=list)
    attachment: dict | None = None
    user: User | None = None
    application: Application | None = None


# --- small helpers ------------------------------------------------------------------------------------------


def track_1_call(programme):
    """The programme's track-1 application call."""
    return (
        programme.calls.filter(track__kind=Track.Kind.APPLICATIONS, stage="application")
        .select_related("track", "programme")
        .order_by("opens_at")
        .first()
    )


def _number(value: int) -> str:
    return f"{value:,}".replace(",", NBSP)


def _name(organisation, language: str) -> str:
    return (organisation.name_sv if language == "sv" else organisation.name_fi) or organisation.name_fi


def _and(names: list[str], language: str) -> str:
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} {'och' if language == 'sv' else 'ja'} {names[-1]}"


def _email(first: str, last: str, organisation, language: str) -> str:
    return f"{slugify(first)}.{slugify(last)}@{slugify(_name(organisation, language))}.example"


def _fit(text: str, limit: int | None) -> str:
    """Cut at the last full sentence within the limit (texts here are far below the limits anyway)."""
    text = text.strip()
    if not limit or len(text) <= limit:
        return text
    cut = text[:limit]
    return cut[: cut.rfind(". ") + 1] or cut


def _month_end(day: date) -> date:
    following = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return following - timedelta(days=1)


def tiny_pdf(lines: list[str]) -> bytes:
    """A valid one-page PDF (Helvetica, WinAnsi) with a heading and a few lines of text."""

    def escape(text: str) -> str:
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    operations = ["BT", "/F1 16 Tf", "56 770 Td", f"({escape(lines[0])}) Tj", "/F1 11 Tf", "0 -10 Td"]
    for line in lines[1:]:
        for part in textwrap.wrap(line, 85) or [""]:
            operations += ["0 -18 Td", f"({escape(part)}) Tj"]
    operations.append("ET")
    stream = "\n".join(operations).encode("cp1252", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


# --- choosing -----------------------------------------------------------------------------------------------


def choose_municipalities(rng: random.Random, count: int = COUNT_2019) -> list[Organisation]:
    """`count` distinct municipalities of the 2019 classification: the big cities, the demo users'
    municipalities, a fair share of Swedish-speaking and bilingual ones, the rest at random."""
    candidates = list(
        Organisation.objects.municipalities()
        .in_classification(2019)
        .exclude(region__code=ALAND)
        .select_related("region")
        .order_by("code")
    )
    chosen = {}

    def population(organisation):
        return organisation.population_2019 or organisation.population or 0

    for organisation in sorted(candidates, key=lambda o: (-population(o), o.code))[:BIG_CITIES]:
        chosen[organisation.code] = organisation
    for organisation in candidates:
        if organisation.code in DEMO_MUNICIPALITIES:
            chosen[organisation.code] = organisation
    swedish = {LanguageStatus.SWEDISH, LanguageStatus.BILINGUAL_SWEDISH_MAJORITY}
    for statuses, share in (
        (swedish, SWEDISH_SHARE),
        ({LanguageStatus.BILINGUAL_FINNISH_MAJORITY}, BILINGUAL_SHARE),
    ):
        group = [o for o in candidates if o.language_status in statuses and o.code not in chosen]
        for organisation in rng.sample(group, min(share, len(group))):
            chosen[organisation.code] = organisation
    rest = [o for o in candidates if o.code not in chosen]
    for organisation in rng.sample(rest, max(0, min(count - len(chosen), len(rest)))):
        chosen[organisation.code] = organisation
    return sorted(chosen.values(), key=lambda o: o.code)


def submission_times(
    rng: random.Random, count: int, opens_at: datetime, closes_at: datetime
) -> list[datetime]:
    """Spread over the window in Finnish office hours, most in the last days, none at or after the close."""
    first = clock.helsinki(opens_at).date()
    last = clock.helsinki(closes_at).date()
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]

    def weight(day: date) -> float:
        left = (last - day).days
        base = 30.0 if left == 0 else 14.0 if left == 1 else 8.0 if left == 2 else 3.5 if left < 7 else 1.5
        if left >= 35:  # the end of the summer holidays
            base = 0.6
        return base * (0.12 if day.weekday() >= 5 else 1.0)

    weights = [weight(day) for day in days]
    closing = clock.helsinki(closes_at)
    times = []
    for _ in range(count):
        day = rng.choices(days, weights)[0]
        if day == last:
            # The rush: the later in the day, the more of them; the last ones minutes before the close.
            start = 8 * 3600
            span = closing.hour * 3600 + closing.minute * 60 - start
            seconds = start + int(span * rng.betavariate(2.4, 1.0))
        else:
            seconds = int(min(max(rng.gauss(13 * 3600, 2.6 * 3600), 7 * 3600), 23 * 3600))
        moment = datetime.combine(day, time(0, 0), tzinfo=clock.HELSINKI) + timedelta(seconds=seconds)
        moment = min(moment, closes_at - timedelta(seconds=rng.randint(20, 400)))
        times.append(max(moment, opens_at + timedelta(hours=9)))
    return sorted(times)


def eligible_total(rng: random.Random, population: int) -> Decimal:
    """Skewed: most under 300 000 €, bigger municipalities bigger projects."""
    mu = math.log(60_000) + 0.45 * math.log(max(population, 200) / 5_000)
    value = Decimal(str(round(math.exp(rng.gauss(mu, 0.7)), -2)))
    return min(max(value, MIN_TOTAL), MAX_TOTAL).quantize(CENT)


def budget_lines(rng, total: Decimal, years: list[int], categories: list[str], language: str) -> list[dict]:
    """1–6 lines over the categories and years that add up to `total` exactly."""
    if total < 40_000:
        count = rng.choice([1, 1, 2, 2, 3])
    elif total < 150_000:
        count = rng.choice([2, 3, 3, 4])
    else:
        count = rng.choice([3, 4, 5, 5, 6])
    pairs = [(c, y) for c in categories for y in years]
    count = min(count, len(pairs))
    chosen = []
    while len(chosen) < count:
        pair = rng.choices(pairs, [CATEGORY_WEIGHTS.get(c, 1.0) for c, _y in pairs])[0]
        if pair not in chosen:
            chosen.append(pair)
    shares = [rng.uniform(0.6, 1.4) * SHARE_OF_AMOUNT.get(c, 1.0) for c, _y in chosen]
    amounts = [
        (total * Decimal(str(s / sum(shares)))).quantize(Decimal("10"), rounding=ROUND_DOWN) for s in shares
    ]
    amounts = [max(a, Decimal("100")) for a in amounts[:-1]]
    amounts.append(total - sum(amounts))
    if amounts[-1] <= 0:  # a tiny budget: one line
        chosen, amounts = chosen[:1], [total]
    # Salaries with their social costs have cents; the last line absorbs them.
    for index, (category, _year) in enumerate(chosen[:-1]):
        if category == "personnel" and amounts[-1] > 1:
            cents = Decimal(rng.randint(1, 99)) / 100
            amounts[index] += cents
            amounts[-1] -= cents
    order = {c: i for i, c in enumerate(categories)}
    lines = [
        {
            "category": category,
            "year": year,
            "description": rng.choice(demo_texts.BUDGET_DESCRIPTIONS[language].get(category, [""])),
            "amount": amount.quantize(CENT),
        }
        for (category, year), amount in zip(chosen, amounts, strict=True)
    ]
    return sorted(lines, key=lambda line: (order[line["category"]], line["year"]))


def requested_for(rng, call, total: Decimal) -> Decimal:
    """Usually exactly the largest share allowed, rounded down to the cent; sometimes less."""
    largest = validation.max_grant_for(call, total)
    draw = rng.random()
    if draw < 0.78:
        return largest
    if draw < 0.9:
        return max((largest / 100).to_integral_value(rounding=ROUND_DOWN) * 100, CENT).quantize(CENT)
    share = Decimal(rng.choice(["0.50", "0.60", "0.70", "0.75", "0.80"]))
    return min((total * share).quantize(Decimal("1"), rounding=ROUND_DOWN), largest).quantize(CENT)


def project_dates(rng, call) -> tuple[date, date]:
    """Start in the year after the call (after the decisions), end within the call's limit."""
    year = clock.helsinki(call.closes_at).year + 1
    earliest = call.project_starts_from or date(year, 1, 1)
    month = rng.choices([1, 2, 3, 4, 5, 6, 8, 9], [5, 3, 3, 2, 1, 1, 1, 1])[0]
    start = max(date(year, month, 1), earliest)
    limit = call.project_ends_by or date(year + 1, 11, 30)
    if rng.random() < 0.35:
        return start, limit
    months = rng.randint(10, 24)
    end = _month_end(
        date(start.year + (start.month - 1 + months - 1) // 12, (start.month - 1 + months - 1) % 12 + 1, 1)
    )
    return start, min(end, limit)


def maturity_ratings(rng, keys: list[str], levels: list[int], population: int) -> dict:
    low, high = levels[0], levels[-1]
    base = 1 if population < 5_000 else 2 if population < 50_000 else 3
    ratings = {}
    for key in keys:
        current = min(max(base + rng.choice([-1, 0, 0, 0, 1]), low), high)
        gain = rng.choice([0, 1, 1, 1, 2, 2])
        if key in {"data", "processes"}:
            gain += 1
        target = min(current + gain, high)
        if rng.random() < 0.015 and current > low:  # now and then a target below the current level
            target = current - 1
        ratings[key] = {"current": current, "target": target}
    return ratings


# --- writing the answers ------------------------------------------------------------------------------------


def _criterion_answer(rng, code: str, topic: dict, language: str, context: dict) -> str:
    sentences = []
    if topic.get(code):
        sentences.append(topic[code])
    generic = demo_texts.GENERIC[language].get(code, [])
    sentences += rng.sample(generic, min(len(generic), rng.choice([2, 2, 3])))
    if code == "G2":
        sentences.append(
            demo_texts.PARTNERS_SENTENCE[language]
            if context["partners"]
            else demo_texts.ALONE_SENTENCE[language]
        )
    text = " ".join(sentences).format(**context)
    if len(sentences) > 2 and rng.random() < 0.5:
        head, _sep, tail = text.partition(". ")
        text = f"{head}.\n\n{tail}"
    return text


def build_answers(rng, questions, *, topic, language, context, dates, indicators, title) -> dict:
    """An answer to every question, normalised by the same rules the form uses."""
    answers = {}
    for question in questions:
        kind = question.type
        key = question.key
        if kind == Question.Type.DATE:
            value = (dates[1] if "end" in key else dates[0]).isoformat()
        elif kind == Question.Type.CHOICE:
            keys = [option.get("key") for option in question.options or []]
            value = "yes" if "yes" in keys else keys[0]
        elif kind == Question.Type.MULTIPLE_CHOICE:
            value = [question.options[0]["key"]] if question.options else []
        elif kind in {Question.Type.NUMBER, Question.Type.MONEY}:
            value = str(question.min_value if question.min_value is not None else 1)
        elif kind == Question.Type.MUNICIPALITIES:
            value = list(context["partner_codes"])
        elif kind == Question.Type.FILE:
            value = []  # filled with the attachment's id once it exists
        else:
            code = question.criterion.code if question.criterion_id else None
            if key == "project_name":
                value = title
            elif key == "summary":
                value = (
                    topic["summary"].format(**context)
                    + " "
                    + (demo_texts.PARTNERS_SENTENCE[language] if context["partners"] else "").format(
                        **context
                    )
                )
            elif key == "service_process":
                value = context["service_process"]
            elif key == "goals":
                value = topic["goals"].format(**context)
            elif key == "indicators":
                lines = [demo_texts.INDICATOR_LINE[language].format(**row) for row in indicators]
                value = "\n".join([demo_texts.INDICATORS_INTRO[language], *lines])
            elif key == "sharing_plan":
                value = rng.choice(demo_texts.SHARING_PLAN[language]).format(**context)
            elif key == "other_funding":
                value = rng.choice(demo_texts.OTHER_FUNDING[language])
            elif code:
                value = _criterion_answer(rng, code, topic, language, context)
            else:
                value = demo_texts.FALLBACK[language].format(**context)
            value = _fit(value, question.max_length)
        answers[key] = validation.clean_answer(question, value)
    return answers


def _people(rng, language: str, count: int) -> list[tuple[str, str]]:
    people = []
    while len(people) < count:
        person = (rng.choice(demo_texts.FIRST_NAMES[language]), rng.choice(demo_texts.LAST_NAMES[language]))
        if person not in people:
            people.append(person)
    return people


def contact_people(rng, organisation, language: str) -> list[dict]:
    """One or two made-up contact people of a seeded application (no phone numbers: none real is published)."""
    people = _people(rng, language, rng.choice([1, 1, 2]))
    titles = rng.sample(demo_texts.CONTACT_TITLES[language], len(people))
    return [
        {
            "name": f"{first} {last}",
            "title": job,
            "email": _email(first, last, organisation, language),
            "phone": "",
            "role": demo_texts.CONTACT_ROLES[language][index],
        }
        for index, ((first, last), job) in enumerate(zip(people, titles, strict=True))
    ]


def plan_application(rng, call, questions, organisation, *, partners, categories, structure, used_titles):
    """Everything one application says, chosen with `rng`."""
    language = organisation.official_language
    topic_spec = rng.choice(demo_texts.TOPICS)
    topic = topic_spec[language]
    area_fi, area_sv = rng.choice(demo_texts.AREAS)
    area = area_sv if language == "sv" else area_fi
    population = organisation.population_2019 or organisation.population or 5_000
    name = _name(organisation, language)
    dates = project_dates(rng, call)
    months = (dates[1].year - dates[0].year) * 12 + dates[1].month - dates[0].month + 1
    region = organisation.region
    context = {
        "name": name,
        "region": (region.name_sv if language == "sv" else region.name_fi) if region else "",
        "region_genitive": demo_texts.REGION_GENITIVE_FI.get(region.code, region.name_fi) if region else "",
        "pop": _number(population),
        "staff": _number(max(40, int(round(population * 0.055, -1)))),
        "invoices": _number(max(1_000, int(round(population * 1.6, -2)))),
        "reports": rng.randint(12, 60),
        "hours": _number(max(20, int(round(math.sqrt(population) * rng.uniform(0.6, 1.6), -1)))),
        "pct": rng.choice([15, 20, 25, 30, 35, 40, 50]),
        "points": rng.choice([5, 8, 10, 12, 15]),
        "area": area,
        "months": months,
        "partners": _and([_name(p, language) for p in partners], language),
        "partners_verb": "osallistuu" if len(partners) == 1 else "osallistuvat",
        "partner_codes": [p.code for p in partners],
    }
    context["service_process"] = topic["process"].format(**context)
    title = rng.choice(topic["titles"])
    if "{area}" in topic["process"] and rng.random() < 0.45:
        title = f"{title} {area}"
    if title in used_titles or rng.random() < 0.2:
        title = f"{title} – {name}"
    used_titles.add(title)
    indicators = [
        {
            k: v.format(**context)
            for k, v in zip(("name", "baseline", "target", "follow_up"), row, strict=True)
        }
        for row in rng.sample(topic["indicators"], rng.randint(1, 3))
    ]
    answers = build_answers(
        rng, questions, topic=topic, language=language, context=context, dates=dates, indicators=indicators,
        title=title,
    )  # fmt: skip
    total = eligible_total(rng, population)
    years = [y for y in validation.budget_years(call) if dates[0].year <= y <= dates[1].year]
    contacts = contact_people(rng, organisation, language)
    plan = Plan(
        organisation=organisation,
        language=language,
        submitted_at=None,
        created_at=None,
        answers=answers,
        budget=budget_lines(rng, total, years, categories, language),
        requested=Decimal("0"),
        contacts=contacts,
        indicators=indicators,
        co_applicants=partners,
        ratings=maturity_ratings(rng, structure.keys, structure.level_values, population),
        service_process=context["service_process"][:1000],
    )
    if rng.random() < 0.5:
        filename, description, heading = rng.choices(demo_texts.ATTACHMENTS[language], [5, 3, 2])[0]
        lines = [heading, *(line.format(name=name, title=title) for line in demo_texts.PDF_LINES[language])]
        plan.attachment = {"name": filename, "description": description, "data": tiny_pdf(lines)}
    return plan


def _partners_for(rng, organisation, pool_by_region, everyone) -> list[Organisation]:
    """0 for about two thirds; otherwise 1–3 municipalities, from the same region where possible."""
    if rng.random() >= 1 / 3:
        return []
    nearby = [o for o in pool_by_region.get(organisation.region_id, []) if o.pk != organisation.pk]
    pool = nearby if len(nearby) >= 3 else [o for o in everyone if o.pk != organisation.pk]
    return sorted(rng.sample(pool, rng.choice([1, 1, 2, 2, 3])), key=lambda o: o.name_fi)


# --- the 2019 applications ----------------------------------------------------------------------------------


def _submitters(plans: list[Plan]) -> None:
    """The first contact person of each application is the municipality's user who submitted it: a member
    (signatory), inactive and with an unusable password, so that nobody can sign in as them and no email is
    ever sent to the made-up address."""
    emails = [plan.contacts[0]["email"] for plan in plans]
    existing = {user.email: user for user in User.objects.filter(email__in=emails)}
    new = [
        User(
            email=plan.contacts[0]["email"],
            name=plan.contacts[0]["name"],
            title=plan.contacts[0]["title"],
            language=plan.language,
            password=make_password(None),
            is_active=False,
        )
        for plan in plans
        if plan.contacts[0]["email"] not in existing
    ]
    User.objects.bulk_create(new)
    users = {user.email: user for user in User.objects.filter(email__in=emails)}
    members = set(
        Membership.objects.filter(user__in=users.values()).values_list("user_id", "organisation_id")
    )
    Membership.objects.bulk_create(
        Membership(user=users[plan.contacts[0]["email"]], organisation=plan.organisation, role=Role.SIGNATORY)
        for plan in plans
        if (users[plan.contacts[0]["email"]].pk, plan.organisation.pk) not in members
    )
    for plan in plans:
        plan.user = users[plan.contacts[0]["email"]]


@transaction.atomic
def write_rows(plans) -> None:
    """The budget lines, contact people and indicators of seeded applications, in bulk."""
    BudgetLine.objects.bulk_create(
        BudgetLine(application=plan.application, order=i, **line)
        for plan in plans
        for i, line in enumerate(plan.budget)
    )
    ContactPerson.objects.bulk_create(
        ContactPerson(application=plan.application, order=i, **contact)
        for plan in plans
        for i, contact in enumerate(plan.contacts)
    )
    Indicator.objects.bulk_create(
        Indicator(application=plan.application, order=i, **row)
        for plan in plans
        for i, row in enumerate(plan.indicators)
    )


def frozen_assessment(plan, call, organisation) -> SelfAssessment:
    """The maturity self-assessment of a seeded submitted application, written halfway through its drafting and
    frozen with it at its submission."""
    return SelfAssessment(
        organisation=organisation,
        call=call,
        service_process=plan.service_process,
        ratings=plan.ratings,
        version=1,
        created_by=plan.user,
        updated_by=plan.user,
        created_at=plan.created_at,
        updated_at=plan.created_at + (plan.submitted_at - plan.created_at) / 2,
        frozen_at=plan.submitted_at,
        frozen_with=plan.application.pk,
    )


def seed_applications_2019(programme) -> int:
    """185 submitted applications to the 2019 track-1 call from distinct municipalities. Does nothing (and
    returns 0) when the call already has applications."""
    call = track_1_call(programme)
    if call is None or Application.objects.filter(call=call).exists():
        return 0
    rng = random.Random(SEED)
    question_set = call.current_question_set()
    questions = list(question_set.questions.select_related("criterion").order_by("order", "id"))
    categories = list(call.cost_categories.order_by("order", "key").values_list("key", flat=True))
    structure = maturity.structure_for(call)

    municipalities = choose_municipalities(rng)
    everyone = list(
        Organisation.objects.municipalities()
        .in_classification(2019)
        .exclude(region__code=ALAND)
        .order_by("code")
    )
    by_region = {}
    for organisation in everyone:
        by_region.setdefault(organisation.region_id, []).append(organisation)

    used_titles = set()
    plans = []
    for organisation in municipalities:
        partners = _partners_for(rng, organisation, by_region, everyone)
        plans.append(
            plan_application(
                rng,
                call,
                questions,
                organisation,
                partners=partners,
                categories=categories,
                structure=structure,
                used_titles=used_titles,
            )  # fmt: skip
        )
    # The extremes of 2019: the largest project goes to the largest city, the smallest to the smallest.
    by_size = sorted(plans, key=lambda p: p.organisation.population_2019 or p.organisation.population or 0)
    for plan, total in ((by_size[-1], LARGEST_TOTAL), (by_size[0], SMALLEST_TOTAL)):
        years = sorted({line["year"] for line in plan.budget})
        plan.budget = budget_lines(rng, total, years, categories, plan.language)
    extremes = {id(by_size[0]), id(by_size[-1])}
    for plan in plans:
        total = sum(line["amount"] for line in plan.budget)
        largest = validation.max_grant_for(call, total)
        plan.requested = largest if id(plan) in extremes else requested_for(rng, call, total)
        if plan is by_size[-1]:
            plan.requested = min(largest, LARGEST_REQUEST)

    # Submission order gives the case numbers; the order of municipalities is shuffled into it.
    times = submission_times(rng, len(plans), call.opens_at, call.closes_at)
    rng.shuffle(plans)
    for plan, submitted_at in zip(plans, times, strict=True):
        plan.submitted_at = submitted_at
        earliest = call.opens_at + timedelta(hours=8)
        plan.created_at = max(earliest, submitted_at - timedelta(days=rng.uniform(0.5, 40)))

    # A few mark an answer (the measures, or other funding) or their attachment as business secrets.
    keys_by_code = {q.criterion.code: q.key for q in questions if q.criterion_id}
    for plan in rng.sample(plans, 7):
        choice = rng.choice(["C4", "C3", "other_funding"])
        key = keys_by_code.get(choice, choice)
        if key in plan.answers:
            plan.confidential_keys = [key]
    for plan in rng.sample([p for p in plans if p.attachment], 4):
        plan.attachment["confidential"] = True

    _submitters(plans)
    counter, _created = CaseNumberCounter.objects.select_for_update().get_or_create(
        prefix=call.case_number_prefix, year=clock.helsinki(call.closes_at).year
    )
    first_number = counter.last + 1
    applications = []
    for index, plan in enumerate(plans):
        plan.application = Application(
            call=call,
            question_set=question_set,
            organisation=plan.organisation,
            status=Status.SUBMITTED,
            language=plan.language,
            version=1,
            answers=plan.answers,
            confidential_keys=[k for k in plan.answers if k in plan.confidential_keys],
            requested_amount=plan.requested,
            participants_confirmed=True,
            case_number=f"{call.case_number_prefix}/{first_number + index}/{counter.year}",
            created_by=plan.user,
            updated_by=plan.user,
            submitted_at=plan.submitted_at,
            submitted_by=plan.user,
        )
        applications.append(plan.application)
    Application.objects.bulk_create(applications)
    counter.last = first_number + len(plans) - 1
    counter.save(update_fields=["last"])

    write_rows(plans)
    # The lead, and the partners that (in 2019) were named by it and took part: the service then had no
    # confirmation of its own, so they count as confirmed when the application was submitted.
    Participant.objects.bulk_create(
        Participant(
            application=plan.application,
            organisation=organisation,
            role=role,
            order=order,
            added_by=plan.user,
            confirmed_at=plan.submitted_at,
            confirmed_by=plan.user,
        )  # fmt: skip
        for plan in plans
        for order, (organisation, role) in enumerate(
            [(plan.organisation, Participant.Role.LEAD)]
            + [(p, Participant.Role.PARTNER) for p in plan.co_applicants]
        )
    )

    attachments = []
    for plan in plans:
        if not plan.attachment:
            continue
        data = plan.attachment["data"]
        digest = hashlib.sha256(data).hexdigest()
        stored = default_storage.save(
            f"attachments/{plan.application.pk}/{digest[:16]}-new", ContentFile(data)
        )
        attachments.append(
            Attachment(
                application=plan.application,
                file=stored,
                original_name=plan.attachment["name"],
                content_type="application/pdf",
                kind="pdf",
                size=len(data),
                sha256=digest,
                description=plan.attachment["description"],
                confidential=plan.attachment.get("confidential", False),
                uploaded_by=plan.user,
            )
        )
    Attachment.objects.bulk_create(attachments)
    file_keys = [q.key for q in questions if q.type == Question.Type.FILE]
    for attachment in attachments:
        attachment.uploaded_at = attachment.application.submitted_at - timedelta(minutes=rng.randint(5, 600))
        for key in file_keys[:1]:
            attachment.application.answers[key] = [attachment.pk]
    Attachment.objects.bulk_update(attachments, ["uploaded_at"])

    # Timestamps set on insert by auto_now(_add) are put back in 2019.
    for plan in plans:
        plan.application.created_at = plan.created_at
        plan.application.updated_at = plan.submitted_at
    Application.objects.bulk_update(applications, ["created_at", "updated_at", "answers"], batch_size=200)

    SelfAssessment.objects.bulk_create(frozen_assessment(plan, call, plan.organisation) for plan in plans)
    versions = ApplicationVersion.objects.bulk_create(
        ApplicationVersion(
            application=app, version=app.version, saved_by=app.submitted_by, data=actions.snapshot(app)
        )
        for app in applications
    )
    for version, app in zip(versions, applications, strict=True):
        version.saved_at = app.submitted_at
    ApplicationVersion.objects.bulk_update(versions, ["saved_at"], batch_size=200)
    type(question_set).objects.filter(pk=question_set.pk, locked_at__isnull=True).update(
        locked_at=min(plan.created_at for plan in plans)
    )

    audit.record(
        None,
        "demo.applications_seeded",
        call,
        {
            "applications": len(applications),
            "attachments": len(attachments),
            "case_numbers": [applications[0].case_number, applications[-1].case_number],
        },
    )
    return len(applications)


# --- drafts in the demo round -------------------------------------------------------------------------------


@dataclass
class DraftSpec:
    code: str
    role: str
    email: str | None  # an existing demo user's address; None: a fictional member is created
    parts: tuple[str, ...]  # what is filled in: basics, criteria, all_answers, budget, full
    maturity: str  # "none", "partial" or "complete"
    partners: tuple[str, ...] = ()


DRAFTS = [
    # The demo applicant's draft: basics and the first criteria written, part of the budget.
    DraftSpec("109", Role.APPLICANT, "applicant@kannustin.example", ("basics", "criteria_some", "budget_part"), "partial"),
    # The Närpes signatory's draft in Swedish: all done except the maturity self-assessment.
    DraftSpec("545", Role.SIGNATORY, "signatory.narpes@kannustin.example", ("full",), "none", partners=("287",)),
    # Two drafts of other municipalities, by members made up for the demo.
    DraftSpec("837", Role.APPLICANT, None, ("title",), "none"),
    DraftSpec("598", Role.APPLICANT, None, ("basics", "criteria", "other"), "complete"),
]  # fmt: skip


def _draft_user(spec: DraftSpec, organisation, rng) -> User | None:
    if spec.email:
        membership = (
            Membership.objects.select_related("user")
            .filter(organisation=organisation, user__email=spec.email)
            .first()
        )
        return membership.user if membership else None
    existing = Membership.objects.select_related("user").filter(organisation=organisation, role=spec.role)
    existing = existing.filter(user__email__endswith=".example", user__password__startswith="!").first()
    if existing:
        return existing.user
    language = organisation.official_language
    first, last = _people(rng, language, 1)[0]
    user, _created = User.objects.get_or_create(
        email=_email(first, last, organisation, language),
        defaults={
            "name": f"{first} {last}",
            "language": language,
            "password": make_password(None),
            "is_active": False,
        },
    )
    Membership.objects.get_or_create(user=user, organisation=organisation, defaults={"role": spec.role})
    return user


def _draft_changes(plan: Plan, questions, parts: tuple[str, ...]) -> list[dict]:
    """The saves a user would have made, in order."""
    sections = {q.key: q.section for q in questions}
    criteria = [q.key for q in questions if q.section == "criteria"]

    def answers(keys):
        return {
            k: plan.answers[k] for k in keys if k in plan.answers and plan.answers[k] not in ("", [], None)
        }

    if "full" in parts:
        return [
            {"answers": answers([k for k, s in sections.items() if s == "basics"])},
            {"answers": answers(plan.answers), "indicators": plan.indicators, "contacts": plan.contacts},
            {
                "budget": [{**line, "amount": str(line["amount"])} for line in plan.budget],
                "requested_amount": str(plan.requested),
                "participants": [o.identifier for o in plan.co_applicants],
                "participants_confirmed": True,
            },
        ]
    changes = []
    if "title" in parts:
        changes.append({"answers": answers(["project_name", "summary"])})
    if "basics" in parts:
        changes.append({"answers": answers([k for k, s in sections.items() if s == "basics"])})
    if "criteria_some" in parts:
        changes.append({"answers": answers(criteria[:3]), "contacts": plan.contacts[:1]})
    if "criteria" in parts:
        changes.append({"answers": answers(criteria)})
    if "other" in parts:
        changes.append(
            {"answers": answers([k for k, s in sections.items() if s not in {"basics", "criteria"}]),
             "indicators": plan.indicators, "contacts": plan.contacts}
        )  # fmt: skip
    if "budget_part" in parts:
        changes.append({"budget": [{**line, "amount": str(line["amount"])} for line in plan.budget[:2]]})
    return changes


@transaction.atomic
def seed_demo_drafts(programme) -> int:
    """A few drafts in the demo round's open track-1 call, made through the same actions as the pages use.
    A municipality that already has an application in the call is left alone."""
    call = track_1_call(programme)
    if call is None or not call.is_open:
        return 0
    question_set = call.current_question_set()
    questions = list(question_set.questions.select_related("criterion").order_by("order", "id"))
    categories = list(call.cost_categories.order_by("order", "key").values_list("key", flat=True))
    structure = maturity.structure_for(call)
    organisations = {
        o.code: o
        for o in Organisation.objects.select_related("region").filter(code__in=[spec.code for spec in DRAFTS])
    }
    taken = set(Application.objects.filter(call=call).values_list("organisation__code", flat=True))
    created = 0
    for spec in DRAFTS:
        organisation = organisations.get(spec.code)
        if organisation is None or spec.code in taken:
            continue
        rng = random.Random(f"{SEED}-draft-{spec.code}")
        user = _draft_user(spec, organisation, rng)
        if user is None:
            continue
        partners = list(Organisation.objects.municipalities().filter(code__in=spec.partners))
        plan = plan_application(
            rng, call, questions, organisation, partners=partners, categories=categories, structure=structure,
            used_titles=set(),
        )  # fmt: skip
        total = sum(line["amount"] for line in plan.budget)
        plan.requested = validation.max_grant_for(call, total)
        application = actions.create_draft(call, organisation, by=user)
        for changes in _draft_changes(plan, questions, spec.parts):
            application = actions.save(application, by=user, version=application.version, changes=changes)
        if spec.maturity != "none" and structure.keys:
            keys = structure.keys if spec.maturity == "complete" else structure.keys[:3]
            maturity.save_ratings(
                organisation,
                call,
                {k: plan.ratings[k] for k in keys},
                by=user,
                service_process=plan.service_process,
            )
        created += 1
    return created
