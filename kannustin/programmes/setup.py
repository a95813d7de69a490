"""Create programmes and public content from the data in `kannustin.programmes.content`.

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
from decimal import Decimal

from django.db import models, transaction

from kannustin.core import audit
from kannustin.core.clock import HELSINKI
from kannustin.core.formats import format_date, format_euros, format_moment, format_span

from .content import LANGUAGES, demo, faq, maturity, questions, site_pages
from .content import programme_2019 as p2019
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
            text = text.format_map(context[language])
        if before is not None:
            text = f"{before[language]}\n\n{text}"
        values[f"{prefix}_{language}"] = text
    return values


def _options(pairs) -> list[dict]:
    return [{"key": key, **_fields("label", label)} for key, label in pairs]


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
def create_default_maturity_model(name_suffix: str | dict = "", *, stats: LoadStats | None = None):
    """A new copy of the default maturity model (7 dimensions × 5 levels, every level described).

    Each call gets its own copy so that officials can edit one call's model without touching another's.
    `name_suffix` is appended to the name: one string for all languages, or a dict per language."""
    stats = stats if stats is not None else LoadStats()
    suffix = name_suffix if isinstance(name_suffix, dict) else dict.fromkeys(LANGUAGES, name_suffix)
    names = {language: f"{maturity.NAME[language]}{suffix.get(language, '')}" for language in LANGUAGES}
    model = MaturityModel.objects.create(**_fields("name", names), **_fields("intro", maturity.INTRO))
    MaturityLevel.objects.bulk_create(
        MaturityLevel(model=model, value=value, **_fields("name", name)) for value, name in maturity.LEVELS
    )
    for order, spec in enumerate(maturity.DIMENSIONS, start=1):
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
    stats.created["maturitylevel"] += len(maturity.LEVELS)
    stats.created["maturitydimension"] += len(maturity.DIMENSIONS)
    stats.created["maturitydescriptor"] += sum(len(spec["descriptors"]) for spec in maturity.DIMENSIONS)
    audit.record(None, "maturity_model.created", model, {"source": "default"})
    return model


# --- programmes ---------------------------------------------------------------------------------------------


@dataclass
class Round:
    """Where one round of the programme sits in time; the words come from the 2019 content."""

    slug: str
    year: int
    names: dict  # {"name": t(...), "short_name": t(...)}
    is_demo: bool
    track_1: tuple[datetime, datetime]
    proposals: tuple[datetime, datetime]
    workshop: tuple[datetime, datetime]
    joint: tuple[datetime, datetime]
    project_ends_by: date
    decisions: dict  # call slug → the date decisions are expected by, or None when not known
    stage_note: dict | None = None  # put before the texts of the track-2 calls


def _context(round_: Round) -> dict:
    """Placeholder values per language for the texts of a round."""
    context = {}
    for language in LANGUAGES:
        context[language] = {
            "appropriation": format_euros(p2019.APPROPRIATION, language, cents=False),
            "project_ends_by": format_date(round_.project_ends_by, language),
            "workshop": format_span(*round_.workshop, language),
            "proposals_close": format_moment(round_.proposals[1], language),
            "joint_opens": format_moment(round_.joint[0], language),
            "joint_closes": format_moment(round_.joint[1], language),
            "demand_history": p2019.DEMAND_HISTORY[language].format(
                smallest=format_euros(p2019.GRANTS_2019[0], language, cents=False),
                largest=format_euros(p2019.GRANTS_2019[1], language, cents=False),
            ),
        }
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
                "weight": spec.get("weight", Decimal("1.00")),
                "emphasised": spec.get("emphasised", False),
                "is_scored": scored,
                **_fields("title", spec["title"]),
                **_fields("description", spec["description"]),
            },
        )
    return criteria


def _load_scale_and_costs(stats, call):
    for value, label in p2019.SCALE:
        _upsert(stats, ScaleLevel, {"call": call, "value": value}, _fields("label", label))
    for order, spec in enumerate(p2019.COST_CATEGORIES, start=1):
        _upsert(
            stats,
            CostCategory,
            {"call": call, "key": spec["key"]},
            {"order": order, **_fields("name", spec["name"]), **_fields("help", spec["help"])},
        )


def _load_questions(stats, call, specs, criteria: dict, sections: list, purpose: str) -> QuestionSet:
    """Version 1 of the call's form: its sections, then its questions. A set already in use (its call has
    opened) that has questions is left exactly as it is, even where the content here differs: answers may
    have been written against it, and changing it takes a new version. An empty set is filled even when its
    call is open (the demo)."""
    question_set = QuestionSet.objects.filter(call=call, version=1).first()
    if question_set is None:
        question_set = QuestionSet.objects.create(call=call, version=1, purpose=purpose)
        stats.created["questionset"] += 1
    existing = {question.key: question for question in question_set.questions.all()}
    frozen = question_set.is_locked and bool(existing)
    current_sections = {section.key: section for section in question_set.sections.all()}
    for order, spec in enumerate(sections, start=1):
        values = {
            "order": order * 10,
            "kind": spec["kind"],
            "required": spec.get("required", True),
            "options": spec.get("options", {}),
            **_fields("title", spec["title"]),
        }
        if frozen:
            current = current_sections.get(spec["key"])
            if current is None or any(not _same(current, name, value) for name, value in values.items()):
                stats.kept["section"] += 1
            continue
        _upsert(stats, Section, {"question_set": question_set, "key": spec["key"]}, values, bypass_lock=True)
    for order, spec in enumerate(specs, start=1):
        values = {
            "order": order,
            "section": spec["section"],
            "type": spec["type"],
            "required": spec.get("required", True),
            "max_length": spec.get("max_length"),
            "options": _options(spec.get("options", [])),
            "criterion": criteria[spec["criterion"]] if spec.get("criterion") else None,
            **_fields("label", spec["label"]),
            **_fields("help", spec["help"]),
        }
        if frozen:
            current = existing.get(spec["key"])
            if current is None or any(not _same(current, name, value) for name, value in values.items()):
                stats.kept["question"] += 1
            continue
        _upsert(stats, Question, {"question_set": question_set, "key": spec["key"]}, values, bypass_lock=True)
    return question_set


def _load_call(
    stats, programme, track, spec, round_, window, context, *, stage, extra=None, before=None
) -> Call:
    call_context = _call_context(context, window)
    return _upsert(
        stats,
        Call,
        {"programme": programme, "slug": spec["slug"]},
        {
            "track": track,
            "stage": stage,
            "opens_at": window[0],
            "closes_at": window[1],
            "max_aid_share": p2019.MAX_AID_SHARE,
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
            **(extra or {}),
        },
    )


def _give_maturity_model(stats, call, suffix: dict):
    if call.maturity_model_id is None:
        call.maturity_model = create_default_maturity_model(suffix, stats=stats)
        call.save(update_fields=["maturity_model"])


def _load_round(round_: Round, outer_stats: LoadStats | None) -> Programme:
    stats = LoadStats()
    context = _context(round_)

    programme = _upsert(
        stats,
        Programme,
        {"slug": round_.slug},
        {
            "year": round_.year,
            "is_demo": round_.is_demo,
            "is_published": True,
            "budget_item": p2019.BUDGET_ITEM,
            "appropriation": p2019.APPROPRIATION,
            **_fields("name", round_.names["name"]),
            **_fields("short_name", round_.names["short_name"]),
            **_fields("legal_basis", p2019.LEGAL_BASIS),
            # A demo round's notice is shown once, by the programme page itself (is_demo), not in its texts.
            **_fields("summary", p2019.SUMMARY, context),
            **_fields("body", p2019.BODY, context),
            **_fields("how_to_apply", p2019.HOW_TO_APPLY),
        },
    )
    for order, contact in enumerate(p2019.CONTACTS, start=1):
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
    for spec, kind in ((p2019.TRACK_1, Track.Kind.APPLICATIONS), (p2019.TRACK_2, Track.Kind.JOINT_PROJECTS)):
        tracks[spec["number"]] = _upsert(
            stats,
            Track,
            {"programme": programme, "number": spec["number"]},
            {"kind": kind, **_fields("name", spec["name"]), **_fields("description", spec["description"])},
        )

    def model_suffix(call_spec):
        return {language: f" – {call_spec['title'][language]} ({round_.year})" for language in LANGUAGES}

    # Track 1: applications.
    track_1 = _load_call(
        stats, programme, tracks[1], p2019.CALL_TRACK_1, round_, round_.track_1, context,
        stage=Call.Stage.APPLICATION, extra={"previous_stage": None},
    )  # fmt: skip
    criteria = _load_criteria(stats, track_1, p2019.CRITERIA, scored=True)
    _load_scale_and_costs(stats, track_1)
    _load_questions(stats, track_1, questions.TRACK_1, criteria, questions.SECTIONS_TRACK_1, "application")
    _give_maturity_model(stats, track_1, model_suffix(p2019.CALL_TRACK_1))

    # Track 2, stage 1: proposals and expressions of interest: described, not scored, no budget, no maturity model.
    proposals = _load_call(
        stats, programme, tracks[2], p2019.CALL_PROPOSALS, round_, round_.proposals, context,
        stage=Call.Stage.PROPOSAL, extra={"previous_stage": None},
        before=round_.stage_note,
    )  # fmt: skip
    criteria = _load_criteria(stats, proposals, p2019.PROPOSAL_CRITERIA, scored=False)
    _load_questions(stats, proposals, questions.PROPOSAL, criteria, questions.SECTIONS_PROPOSAL, "proposal")

    _upsert(
        stats,
        Workshop,
        {"track": tracks[2], "title_fi": p2019.WORKSHOP["title"]["fi"]},
        {
            "title_sv": p2019.WORKSHOP["title"]["sv"],
            "title_en": p2019.WORKSHOP["title"]["en"],
            "starts_at": round_.workshop[0],
            "ends_at": round_.workshop[1],
            **_fields("place", p2019.WORKSHOP["place"]),
            **_fields("body", p2019.WORKSHOP["body"]),
        },
    )

    # Track 2, stage 2: joint-project applications, scored like track 1.
    joint = _load_call(
        stats, programme, tracks[2], p2019.CALL_JOINT, round_, round_.joint, context,
        stage=Call.Stage.JOINT_APPLICATION, extra={"previous_stage": proposals},
        before=round_.stage_note,
    )  # fmt: skip
    criteria = _load_criteria(stats, joint, p2019.CRITERIA, scored=True)
    _load_scale_and_costs(stats, joint)
    _load_questions(
        stats,
        joint,
        questions.JOINT_APPLICATION,
        criteria,
        questions.SECTIONS_JOINT_APPLICATION,
        "application",
    )
    _give_maturity_model(stats, joint, model_suffix(p2019.CALL_JOINT))

    if stats.changed:
        audit.record(None, "programme.loaded", programme, stats.as_dict())
    if outer_stats is not None:
        outer_stats.merge(stats)
    return programme


@transaction.atomic
def create_programme_2019(stats: LoadStats | None = None) -> Programme:
    """The 2019 programme as the ministry ran it: two tracks, three calls, the workshop (see DOMAIN.md)."""
    round_ = Round(
        slug=p2019.SLUG,
        year=p2019.YEAR,
        names={"name": p2019.NAME, "short_name": p2019.SHORT_NAME},
        is_demo=False,
        track_1=(helsinki_time(date(2019, 8, 1), time(0, 0)), helsinki_time(date(2019, 9, 19), CLOSING_TIME)),
        proposals=(
            helsinki_time(date(2019, 8, 1), time(0, 0)),
            helsinki_time(date(2019, 9, 5), CLOSING_TIME),
        ),
        workshop=(
            helsinki_time(date(2019, 9, 27), time(9, 0)),
            helsinki_time(date(2019, 9, 27), time(16, 0)),
        ),
        joint=(
            helsinki_time(date(2019, 11, 13), time(0, 0)),
            helsinki_time(date(2019, 12, 19), CLOSING_TIME),
        ),
        project_ends_by=p2019.PROJECT_ENDS_BY,
        decisions={p2019.CALL_TRACK_1["slug"]: p2019.DECISIONS_TRACK_1},
    )
    return _load_round(round_, stats)


@transaction.atomic
def create_demo_programme(today: date, stats: LoadStats | None = None) -> Programme:
    """A demo round copied from 2019 with every stage open around `today`. Rerunning on another day moves
    the windows in place. In the demo, stage 2 of track 2 is open while stage 1 still is (the call texts
    say so), so that both can be tried at once."""
    year = today.year

    def day(offset: int) -> date:
        return today + timedelta(days=offset)

    names = {
        key: {language: texts[language].format(year=year) for language in LANGUAGES}
        for key, texts in (("name", demo.NAME), ("short_name", demo.SHORT_NAME))
    }
    round_ = Round(
        slug=demo.SLUG,
        year=year,
        names=names,
        is_demo=True,
        track_1=(helsinki_time(day(-14), time(0, 0)), helsinki_time(day(28), CLOSING_TIME)),
        proposals=(helsinki_time(day(-14), time(0, 0)), helsinki_time(day(21), CLOSING_TIME)),
        workshop=(helsinki_time(day(7), time(9, 0)), helsinki_time(day(7), time(16, 0))),
        joint=(helsinki_time(day(-7), time(0, 0)), helsinki_time(day(35), CLOSING_TIME)),
        # Two years to carry out the project, as in 2019.
        project_ends_by=date(year + 2, 11, 30),
        decisions={
            p2019.CALL_TRACK_1["slug"]: day(28 + 7 * p2019.WEEKS_TO_DECISION),
            p2019.CALL_JOINT["slug"]: day(35 + 7 * p2019.WEEKS_TO_DECISION),
        },
        stage_note=demo.STAGES_OVERLAP,
    )
    return _load_round(round_, stats)


# --- public content -----------------------------------------------------------------------------------------


@transaction.atomic
def create_site_pages(stats: LoadStats | None = None) -> list[SitePage]:
    """The accessibility statement and the privacy notice."""
    stats = stats if stats is not None else LoadStats()
    pages = []
    for key, title, body in (
        (SitePage.Key.ACCESSIBILITY, site_pages.ACCESSIBILITY_TITLE, site_pages.ACCESSIBILITY_BODY),
        (SitePage.Key.PRIVACY, site_pages.PRIVACY_TITLE, site_pages.PRIVACY_BODY),
    ):
        local = LoadStats()
        page = _upsert(local, SitePage, {"key": key}, {**_fields("title", title), **_fields("body", body)})
        if local.changed:
            audit.record(None, "site_page.loaded", page, local.as_dict())
        stats.merge(local)
        pages.append(page)
    return pages


@transaction.atomic
def create_faq(programme: Programme, stats: LoadStats | None = None) -> list[FaqEntry]:
    """The programme's frequently asked questions, keyed by their order (10, 20, …) so that officials can
    add their own entries in between without the loader touching them."""
    stats = stats if stats is not None else LoadStats()
    local = LoadStats()
    entries = [
        _upsert(
            local,
            FaqEntry,
            {"programme": programme, "order": (index + 1) * 10},
            {**_fields("question", question), **_fields("answer", answer)},
        )
        for index, (question, answer) in enumerate(faq.FAQ)
    ]
    if local.changed:
        audit.record(None, "faq.loaded", programme, local.as_dict())
    stats.merge(local)
    return entries
