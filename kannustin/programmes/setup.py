"""Create programmes and public content from the data files in `kannustin.programmes.content`.

A round of the programme is a folder (`content/rounds/2019/`), read by `content.loader`; site-wide content
(site pages, FAQ, the demo round's texts) is in `content/site/`; see docs/content.md.

Every function here is idempotent: rows are found by stable keys (programme slug, track number, call slug,
criterion code, question key, …) and updated in place, and a row is saved only when a value differs, so a
second run changes nothing and writes no audit event. Two things are deliberately left alone on a rerun,
because officials own them once they exist: a call's maturity model (each call gets its own copy once), and
the questions of a question set that is already in use (changing those takes a new version); `LoadStats.kept`
counts the questions that differ from the content here and were left alone.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import cache

from django.db import models, transaction

from kannustin.core import audit, clock
from kannustin.core.clock import HELSINKI
from kannustin.core.formats import format_date, format_euros, format_moment, format_span

from .content import LANGUAGES, loader
from .content.loader import ContentError
from .models import (
    Call,
    ContactPerson,
    CostCategory,
    Criterion,
    FaqEntry,
    MaturityDescriptor,
    MaturityDimension,
    MaturityLevel,
    MaturityModel,
    Programme,
    Question,
    QuestionSet,
    ScaleLevel,
    Section,
    SitePage,
    Track,
    Workshop,
)

CLOSING_TIME = time(16, 15)
ROUND_2019 = loader.ROUND_2019


@dataclass
class LoadStats:
    """What a load did, per model: created, updated, and questions kept because their set is in use."""

    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    kept: Counter = field(default_factory=Counter)

    @property
    def changed(self) -> bool:
        return bool(sum(self.created.values()) or sum(self.updated.values()))

    def merge(self, other: "LoadStats") -> None:
        self.created.update(other.created)
        self.updated.update(other.updated)
        self.kept.update(other.kept)

    def as_dict(self) -> dict:
        return {"created": dict(self.created), "updated": dict(self.updated)}

    def describe(self) -> str:
        def part(counter):
            return ", ".join(f"{name} {count}" for name, count in sorted(counter.items())) or "nothing"

        text = f"created: {part(self.created)}; updated: {part(self.updated)}"
        if self.kept:
            text += f"; kept unchanged because in use: {part(self.kept)}"
        return text


# --- small helpers ------------------------------------------------------------------------------------------


def helsinki_time(day: date, at: time) -> datetime:
    """An aware datetime for a Finnish wall-clock time (zoneinfo gives the right offset, summer or winter)."""
    return datetime.combine(day, at, tzinfo=HELSINKI)


def _fields(prefix: str, texts: dict, context: dict | None = None, before: dict | None = None) -> dict:
    """{'name_fi': …, 'name_sv': …, 'name_en': …}, placeholders filled in each language."""
    values = {}
    for language in LANGUAGES:
        text = texts[language]
        if context is not None:
            try:
                text = text.format_map(context[language])
            except (KeyError, IndexError, ValueError) as error:
                raise ContentError(
                    f"{prefix} ({language}): no placeholder {error} here, in {text[:60]!r}…"
                ) from None
        if before is not None:
            text = f"{before[language]}\n\n{text}"
        values[f"{prefix}_{language}"] = text
    return values


def _options(options) -> list[dict]:
    return [
        {
            "key": option["key"],
            **_fields("label", option["label"]),
            **({"refuses": True} if option.get("refuses") else {}),
        }
        for option in options
    ]


@cache
def _values(choices) -> frozenset:
    return frozenset(choices.values)


def _choice(value: str, choices, where: str) -> str:
    """A code from the content that must be one of a model's choices (stage, kind, type, purpose)."""
    if value not in _values(choices):
        raise ContentError(f"{where}: {value!r} is not one of {', '.join(choices.values)}")
    return value


def _same(obj, name: str, value) -> bool:
    model_field = obj._meta.get_field(name)
    if isinstance(model_field, models.ForeignKey):
        return getattr(obj, model_field.attname) == (value.pk if value is not None else None)
    return getattr(obj, name) == value


def _upsert(stats: LoadStats, model, lookup: dict, values: dict, **save_kwargs):
    """Find by `lookup`, create or update with `values`; save only if something differs."""
    obj = model.objects.filter(**lookup).first()
    label = model._meta.model_name
    if obj is None:
        obj = model(**lookup, **values)
        obj.save(**save_kwargs)
        stats.created[label] += 1
        return obj
    changed = [name for name, value in values.items() if not _same(obj, name, value)]
    if changed:
        for name in changed:
            setattr(obj, name, values[name])
        obj.save(**save_kwargs)
        stats.updated[label] += 1
    return obj


# --- maturity model -----------------------------------------------------------------------------------------


@transaction.atomic
def create_default_maturity_model(
    name_suffix: str | dict = "", *, stats: LoadStats | None = None, folder=None
) -> MaturityModel:
    """A new copy of the maturity model of a round folder (by default 2019's: 7 dimensions × 5 levels, every
    level described).

    Each call gets its own copy so that officials can edit one call's model without touching another's.
    `name_suffix` is appended to the name: one string for all languages, or a dict per language."""
    stats = stats if stats is not None else LoadStats()
    suffix = name_suffix if isinstance(name_suffix, dict) else dict.fromkeys(LANGUAGES, name_suffix)
    return _create_maturity_model(loader.load_maturity(folder or ROUND_2019), suffix, stats)


def _create_maturity_model(maturity: dict, suffix: dict, stats: LoadStats) -> MaturityModel:
    names = {language: f"{maturity['name'][language]}{suffix.get(language, '')}" for language in LANGUAGES}
    model = MaturityModel.objects.create(**_fields("name", names), **_fields("intro", maturity["intro"]))
    MaturityLevel.objects.bulk_create(
        MaturityLevel(model=model, value=level["value"], **_fields("name", level["name"]))
        for level in maturity["levels"]
    )
    for order, spec in enumerate(maturity["dimensions"], start=1):
        dimension = MaturityDimension.objects.create(
            model=model,
            key=spec["key"],
            order=order,
            **_fields("name", spec["name"]),
            **_fields("description", spec["description"]),
        )
        MaturityDescriptor.objects.bulk_create(
            MaturityDescriptor(dimension=dimension, level=level, **_fields("text", text))
            for level, text in enumerate(spec["descriptors"], start=1)
        )
    stats.created["maturitymodel"] += 1
    stats.created["maturitylevel"] += len(maturity["levels"])
    stats.created["maturitydimension"] += len(maturity["dimensions"])
    stats.created["maturitydescriptor"] += sum(len(spec["descriptors"]) for spec in maturity["dimensions"])
    audit.record(None, "maturity_model.created", model, {"source": "default"})
    return model


# --- programmes ---------------------------------------------------------------------------------------------


@dataclass
class Round:
    """One round of the programme: its content (a round folder) and where its calls sit in time."""

    content: loader.RoundContent
    slug: str
    year: int
    names: dict  # {"name": {fi, sv, en}, "short_name": {fi, sv, en}}
    is_demo: bool
    windows: dict  # call slug → (opens, closes)
    workshop: tuple[datetime, datetime] | None
    project_ends_by: date
    decisions: dict  # call slug → the date decisions are expected by, or None when not known
    stage_note: dict | None = None  # put before the texts of the calls of a joint-projects track


def _context(round_: Round) -> dict:
    """Placeholder values per language for the texts of a round."""
    programme = round_.content.programme
    demand = programme["demand_history"]
    by_stage = {call["stage"]: round_.windows[call["slug"]] for call in round_.content.calls}
    proposals, joint = by_stage.get(Call.Stage.PROPOSAL), by_stage.get(Call.Stage.JOINT_APPLICATION)
    context = {}
    for language in LANGUAGES:
        values = {
            "appropriation": format_euros(programme["appropriation"], language, cents=False),
            "project_ends_by": format_date(round_.project_ends_by, language),
            "demand_history": demand["text"][language].format(
                smallest=format_euros(demand["smallest"], language, cents=False),
                largest=format_euros(demand["largest"], language, cents=False),
            ),
        }
        if round_.workshop is not None:
            values["workshop"] = format_span(*round_.workshop, language)
        if proposals is not None:
            values["proposals_close"] = format_moment(proposals[1], language)
        if joint is not None:
            values["joint_opens"] = format_moment(joint[0], language)
            values["joint_closes"] = format_moment(joint[1], language)
        context[language] = values
    return context


def _call_context(context: dict, window: tuple[datetime, datetime]) -> dict:
    return {
        language: {
            **values,
            "opens": format_moment(window[0], language),
            "closes": format_moment(window[1], language),
        }
        for language, values in context.items()
    }


def _load_criteria(stats, call, specs, *, scored: bool) -> dict:
    criteria = {}
    for order, spec in enumerate(specs, start=1):
        criteria[spec["code"]] = _upsert(
            stats,
            Criterion,
            {"call": call, "code": spec["code"]},
            {
                "order": order,
                "weight": spec["weight"],
                "emphasised": spec["emphasised"],
                "is_scored": scored,
                **_fields("title", spec["title"]),
                **_fields("description", spec["description"]),
            },
        )
    return criteria


def _load_scale(stats, call, content: loader.RoundContent):
    for level in content.scale:
        _upsert(stats, ScaleLevel, {"call": call, "value": level["value"]}, _fields("label", level["label"]))


def _load_cost_categories(stats, call, content: loader.RoundContent):
    for order, spec in enumerate(content.cost_categories, start=1):
        _upsert(
            stats,
            CostCategory,
            {"call": call, "key": spec["key"]},
            {"order": order, **_fields("name", spec["name"]), **_fields("help", spec["help"])},
        )


def _load_questions(stats, call, spec: dict, criteria: dict) -> QuestionSet:
    """Version 1 of the call's form (`spec`: purpose, sections, questions): its sections, then its
    questions. A set already in use (its call has opened) that has questions is left exactly as it is, even
    where the content here differs: answers may have been written against it, and changing it takes a new
    version. An empty set is filled even when its call is open (the demo)."""
    purpose = _choice(spec["purpose"], QuestionSet.Purpose, f"{call.slug}: question set purpose")
    question_set = QuestionSet.objects.filter(call=call, version=1).first()
    if question_set is None:
        question_set = QuestionSet.objects.create(call=call, version=1, purpose=purpose)
        stats.created["questionset"] += 1
    existing = {question.key: question for question in question_set.questions.all()}
    frozen = question_set.is_locked and bool(existing)
    current_sections = {section.key: section for section in question_set.sections.all()}
    for order, section in enumerate(spec["sections"], start=1):
        values = {
            "order": order * 10,
            "kind": section["kind"],
            "required": section["required"],
            "options": section["options"],
            **_fields("title", section["title"]),
        }
        if frozen:
            current = current_sections.get(section["key"])
            if current is None or any(not _same(current, name, value) for name, value in values.items()):
                stats.kept["section"] += 1
            continue
        _upsert(
            stats, Section, {"question_set": question_set, "key": section["key"]}, values, bypass_lock=True
        )
    for order, question in enumerate(spec["questions"], start=1):
        values = {
            "order": order,
            "section": question["section"],
            "type": _choice(question["type"], Question.Type, f"{call.slug}: question {question['key']}"),
            "required": question["required"],
            "max_length": question["max_length"],
            "options": _options(question["options"]),
            "criterion": criteria[question["criterion"]] if question["criterion"] else None,
            **_fields("label", question["label"]),
            **_fields("help", question["help"]),
        }
        if frozen:
            current = existing.get(question["key"])
            if current is None or any(not _same(current, name, value) for name, value in values.items()):
                stats.kept["question"] += 1
            continue
        _upsert(
            stats, Question, {"question_set": question_set, "key": question["key"]}, values, bypass_lock=True
        )
    return question_set


def _load_call(stats, programme, track, spec, round_, context, *, previous_stage, before=None) -> Call:
    window = round_.windows[spec["slug"]]
    call_context = _call_context(context, window)
    return _upsert(
        stats,
        Call,
        {"programme": programme, "slug": spec["slug"]},
        {
            "track": track,
            "stage": _choice(spec["stage"], Call.Stage, f"call {spec['slug']}: stage"),
            "previous_stage": previous_stage,
            "opens_at": window[0],
            "closes_at": window[1],
            "max_aid_share": round_.content.programme["max_aid_share"],
            "vat_eligible": False,
            "project_ends_by": round_.project_ends_by,
            "decisions_expected_on": round_.decisions.get(spec["slug"]),
            "min_grant": None,
            "max_grant": None,
            "score_min": 0,
            "score_max": 5,
            **_fields("title", spec["title"]),
            **_fields("body", spec["body"], call_context, before),
            **_fields("eligibility", spec["eligibility"], call_context),
        },
    )


def _give_maturity_model(stats, call, suffix: dict, maturity: dict):
    if call.maturity_model_id is None:
        call.maturity_model = _create_maturity_model(maturity, suffix, stats)
        call.save(update_fields=["maturity_model"])


def _load_round(round_: Round, outer_stats: LoadStats | None) -> Programme:
    stats = LoadStats()
    content = round_.content
    context = _context(round_)

    programme = _upsert(
        stats,
        Programme,
        {"slug": round_.slug},
        {
            "year": round_.year,
            "is_demo": round_.is_demo,
            "is_published": True,
            "budget_item": content.programme["budget_item"],
            "appropriation": content.programme["appropriation"],
            **_fields("name", round_.names["name"]),
            **_fields("short_name", round_.names["short_name"]),
            **_fields("legal_basis", content.programme["legal_basis"]),
            # A demo round's notice is shown once, by the programme page itself (is_demo), not in its texts.
            **_fields("summary", content.programme["summary"], context),
            **_fields("body", content.programme["body"], context),
            **_fields("how_to_apply", content.programme["how_to_apply"]),
        },
    )
    for order, contact in enumerate(content.contacts, start=1):
        _upsert(
            stats,
            ContactPerson,
            {"programme": programme, "email": contact["email"]},
            {
                "name": contact["name"],
                "phone": contact["phone"],
                "languages": contact["languages"],
                "order": order,
                **_fields("title", contact["title"]),
                **_fields("topic", contact["topic"]),
            },
        )

    tracks = {}
    for spec in content.tracks:
        tracks[spec["number"]] = _upsert(
            stats,
            Track,
            {"programme": programme, "number": spec["number"]},
            {
                "kind": _choice(spec["kind"], Track.Kind, f"track {spec['number']}: kind"),
                **_fields("name", spec["name"]),
                **_fields("description", spec["description"]),
                "budget": spec["budget"],
            },
        )

    # The calls in order: a call of applications (track 1); in a joint-projects track (track 2), proposals and
    # expressions of interest (described, not scored, no budget, no maturity model), then joint-project
    # applications scored like track 1.
    calls = {}
    for spec in content.calls:
        track = tracks[spec["track"]]
        call = _load_call(
            stats, programme, track, spec, round_, context,
            previous_stage=calls[spec["previous_stage"]] if spec["previous_stage"] else None,
            before=round_.stage_note if track.kind == Track.Kind.JOINT_PROJECTS else None,
        )  # fmt: skip
        criteria = _load_criteria(stats, call, spec["criteria"], scored=spec["scored"])
        if spec["scored"]:
            _load_scale(stats, call, content)
        if spec["cost_categories"]:
            _load_cost_categories(stats, call, content)
        _load_questions(stats, call, spec["question_set"], criteria)
        if spec["maturity_model"]:
            suffix = {language: f" – {spec['title'][language]} ({round_.year})" for language in LANGUAGES}
            _give_maturity_model(stats, call, suffix, content.maturity)
        calls[spec["slug"]] = call

    if content.workshop is not None and round_.workshop is not None:
        workshop = content.workshop
        _upsert(
            stats,
            Workshop,
            {"track": tracks[workshop["track"]], "title_fi": workshop["title"]["fi"]},
            {
                "title_sv": workshop["title"]["sv"],
                "title_en": workshop["title"]["en"],
                "starts_at": round_.workshop[0],
                "ends_at": round_.workshop[1],
                "capacity": workshop["capacity"],
                # Registration closes some days before (in a demo round the day before, so that it can be
                # tried); the programme is out when the round is loaded (a programme changed later by officials
                # is published from the workshop's page).
                "registration_closes_at": round_.workshop[0]
                - timedelta(days=1 if round_.is_demo else workshop["registration_days_before"]),
                **_fields("place", workshop["place"]),
                **_fields("body", workshop["body"]),
                **_fields("programme", workshop["programme"]),
            },
        )
        Workshop.objects.filter(
            track=tracks[workshop["track"]],
            title_fi=workshop["title"]["fi"],
            programme_published_at__isnull=True,
        ).update(programme_published_at=min(clock.now(), round_.workshop[0] - timedelta(days=14)))

    if stats.changed:
        audit.record(None, "programme.loaded", programme, stats.as_dict())
    if outer_stats is not None:
        outer_stats.merge(stats)
    return programme


@transaction.atomic
def create_programme(folder=None, stats: LoadStats | None = None) -> Programme:
    """A round of the programme from its round folder (by default `content/rounds/2019/`), with the dates
    written there. A new round is a copy of the folder with its own slug, year, dates and texts
    (docs/content.md)."""
    content = loader.load_round(folder or ROUND_2019)
    workshop = content.workshop
    round_ = Round(
        content=content,
        slug=content.programme["slug"],
        year=content.programme["year"],
        names={"name": content.programme["name"], "short_name": content.programme["short_name"]},
        is_demo=False,
        windows={call["slug"]: (call["opens"], call["closes"]) for call in content.calls},
        workshop=(workshop["starts"], workshop["ends"]) if workshop is not None else None,
        project_ends_by=content.programme["project_ends_by"],
        decisions={call["slug"]: call["decisions_expected_on"] for call in content.calls},
    )
    return _load_round(round_, stats)


@transaction.atomic
def create_programme_2019(stats: LoadStats | None = None) -> Programme:
    """The 2019 programme as the ministry ran it: two tracks, three calls, the workshop (see DOMAIN.md)."""
    return create_programme(ROUND_2019, stats)


# Where the demo round's calls sit around today, by stage: (opens, closes) in days from today.
DEMO_WINDOWS = {
    Call.Stage.APPLICATION: (-14, 28),
    Call.Stage.PROPOSAL: (-14, 21),
    Call.Stage.JOINT_APPLICATION: (-7, 35),
}
DEMO_WORKSHOP_DAY = 7


@transaction.atomic
def create_demo_programme(today: date, stats: LoadStats | None = None, folder=None) -> Programme:
    """A demo round copied from a round folder (by default 2019's) with every stage open around `today`.
    Rerunning on another day moves the windows in place. In the demo, stage 2 of track 2 is open while
    stage 1 still is (the call texts say so), so that both can be tried at once."""
    content = loader.load_round(folder or ROUND_2019)
    demo = loader.load_site().demo
    year = today.year

    def day(offset: int) -> date:
        return today + timedelta(days=offset)

    names = {
        key: {language: demo[key][language].format(year=year) for language in LANGUAGES}
        for key in ("name", "short_name")
    }
    windows, decisions = {}, {}
    for call in content.calls:
        opens, closes = DEMO_WINDOWS[_choice(call["stage"], Call.Stage, f"call {call['slug']}: stage")]
        windows[call["slug"]] = (
            helsinki_time(day(opens), time(0, 0)),
            helsinki_time(day(closes), CLOSING_TIME),
        )
        if call["stage"] != Call.Stage.PROPOSAL:  # proposals are not decided on
            decisions[call["slug"]] = day(closes + 7 * content.programme["weeks_to_decision"])
    round_ = Round(
        content=content,
        slug=demo["slug"],
        year=year,
        names=names,
        is_demo=True,
        windows=windows,
        workshop=(
            helsinki_time(day(DEMO_WORKSHOP_DAY), time(9, 0)),
            helsinki_time(day(DEMO_WORKSHOP_DAY), time(16, 0)),
        ),
        # Two years to carry out the project, as in 2019.
        project_ends_by=date(year + 2, 11, 30),
        decisions=decisions,
        stage_note=demo["stages_overlap"],
    )
    return _load_round(round_, stats)


# --- public content -----------------------------------------------------------------------------------------


@transaction.atomic
def create_site_pages(stats: LoadStats | None = None, folder=None) -> list[SitePage]:
    """The accessibility statement and the privacy notice (`content/site/pages.yaml`)."""
    stats = stats if stats is not None else LoadStats()
    pages = []
    for spec in loader.load_site(folder or loader.SITE).pages:
        key = _choice(spec["key"], SitePage.Key, "site page")
        local = LoadStats()
        page = _upsert(
            local,
            SitePage,
            {"key": key},
            {**_fields("title", spec["title"]), **_fields("body", spec["body"])},
        )
        if local.changed:
            audit.record(None, "site_page.loaded", page, local.as_dict())
        stats.merge(local)
        pages.append(page)
    return pages


@transaction.atomic
def create_faq(programme: Programme, stats: LoadStats | None = None, folder=None) -> list[FaqEntry]:
    """The programme's frequently asked questions (`content/site/faq.yaml`), keyed by their order (10, 20,
    …) so that officials can add their own entries in between without the loader touching them."""
    stats = stats if stats is not None else LoadStats()
    local = LoadStats()
    entries = [
        _upsert(
            local,
            FaqEntry,
            {"programme": programme, "order": (index + 1) * 10},
            {**_fields("question", entry["question"]), **_fields("answer", entry["answer"])},
        )
        for index, entry in enumerate(loader.load_site(folder or loader.SITE).faq)
    ]
    if local.changed:
        audit.record(None, "faq.loaded", programme, local.as_dict())
    stats.merge(local)
    return entries
