"""The summary of a call (track 1 applications, or track 2 proposals): figures from aggregates and the list of
applicants, in a fixed number of queries at any size.

`figures(call)` gives plain JSON-ready data, stored as it is when an official publishes the summary
(`PublishedSummary.data`): keys instead of labels (labels are translated when the page is shown) and names of
organisations, regions and topics in all three languages. `present(data, language)` turns the data into rows
for the pages, the PDF and the workbook.

Public: the rule of `presentation.public_view` / `listable` (business secrets left out), applied to the few
answers the summary shows without building every answer's public view; an application whose name or summary is
a secret is named only by its municipality, a topics answer marked secret is not counted.

Maturity profiles: per dimension of the call's maturity model, the number of self-assessments, the mean level
now and as the target (one decimal) and how many rated each level, from the lead organisation's self-assessment
submitted with each received application (frozen with it; for a proposal call, the lead organisation's
assessment in that call). Means and distributions are left out of a dimension rated by fewer than
`maturity.services.MIN_GROUP_SIZE` organisations (small groups stay private). Self-assessed, for context only.
A call without a maturity model, and data published before this existed, has no profile (`maturity` None).
"""

from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Exists, JSONField, OuterRef, Q, Subquery, Sum
from django.utils.translation import gettext as _

from kannustin.applications.models import Application, Attachment, Participant, Status
from kannustin.applications.presentation import NAMING_KEYS, listable
from kannustin.maturity.models import SelfAssessment
from kannustin.maturity.services import MIN_GROUP_SIZE, SIZE_CLASS_LABELS, TENTH, Structure, structure_for
from kannustin.programmes.models import Call, Question
from kannustin.registry.models import SIZE_CLASSES, LanguageStatus, Region

LANGUAGES = ("fi", "sv", "en")
ZERO = Decimal("0.00")
# Bands of requested amounts: (key, from, up to but not including).
BANDS = (
    ("under_50k", None, Decimal("50000")),
    ("50k_100k", Decimal("50000"), Decimal("100000")),
    ("100k_300k", Decimal("100000"), Decimal("300000")),
    ("300k_1m", Decimal("300000"), Decimal("1000000")),
    ("1m_plus", Decimal("1000000"), None),
)
SUMMARY_LENGTH = 200  # characters of the one-line summary


def band_labels() -> dict:
    return {
        "under_50k": _("under 50,000 €"),
        "50k_100k": _("50,000–100,000 €"),
        "100k_300k": _("100,000–300,000 €"),
        "300k_1m": _("300,000 €–1 million €"),
        "1m_plus": _("1 million € or more"),
    }


def _names(obj, field: str) -> dict:
    return {language: getattr(obj, f"{field}_{language}", "") or "" for language in LANGUAGES}


def _money(value) -> str:
    return str((value or ZERO).quantize(Decimal("0.01")))


def _one_line(text: str) -> str:
    line = " ".join((text or "").split())
    return line if len(line) <= SUMMARY_LENGTH else line[: SUMMARY_LENGTH - 1].rstrip() + "…"


def _size_q(prefix: str = "organisation__population") -> list:
    result, lower = [], None
    for limit, key in SIZE_CLASSES:
        condition = Q(**{f"{prefix}__isnull": False})
        if lower is not None:
            condition &= Q(**{f"{prefix}__gte": lower})
        if limit is not None:
            condition &= Q(**{f"{prefix}__lt": limit})
        result.append((key, condition))
        lower = limit
    return result


def _band_q() -> list:
    result = []
    for key, low, high in BANDS:
        condition = Q(requested_amount__isnull=False)
        if low is not None:
            condition &= Q(requested_amount__gte=low)
        if high is not None:
            condition &= Q(requested_amount__lt=high)
        result.append((key, condition))
    return result


def _topics_question(call: Call):
    question_set = call.current_question_set()
    if question_set is None:
        return None
    return (
        Question.objects.filter(
            question_set=question_set, type=Question.Type.MULTIPLE_CHOICE, key__icontains="topic"
        )
        .order_by("order", "pk")
        .first()
    )


def figures(call: Call) -> dict:
    """The summary's figures of the call (about a dozen queries at any size)."""
    call = Call.objects.select_related("programme", "track").get(pk=call.pk)
    everything = Application.objects.filter(call=call).order_by()
    received = everything.exclude(status__in=[Status.DRAFT, Status.WITHDRAWN])
    partners = Participant.objects.filter(
        application=OuterRef("pk"), role=Participant.Role.PARTNER, declined_at__isnull=True
    )
    # 1. Totals, joint or single, the size classes, the language status and the amount bands.
    counts = received.aggregate(
        received=Count("pk"),
        joint=Count("pk", filter=Exists(partners)),
        requested=Sum("requested_amount"),
        **{f"size_{key}": Count("pk", filter=condition) for key, condition in _size_q()},
        **{f"band_{key}": Count("pk", filter=condition) for key, condition in _band_q()},
        **{f"band_{key}_sum": Sum("requested_amount", filter=condition) for key, condition in _band_q()},
        **{f"lang_{int(s)}": Count("pk", filter=Q(organisation__language_status=s)) for s in LanguageStatus},
    )
    # 2. Withdrawn ones, counted apart.
    withdrawn = everything.filter(status=Status.WITHDRAWN).count()
    # 3–4. Per region (every region, those without applicants too).
    per_region = {
        row["organisation__region"]: row["count"]
        for row in received.values("organisation__region").annotate(count=Count("pk"))
    }
    regions = [
        {"code": region.code, "name": _names(region, "name"), "count": per_region.pop(region.pk, 0)}
        for region in Region.objects.order_by("code")
    ]
    if sum(per_region.values()):
        regions.append({"code": "", "name": None, "count": sum(per_region.values())})
    total = counts["received"]
    sized = sum(counts[f"size_{key}"] for _limit, key in SIZE_CLASSES)
    size_classes = [{"key": key, "count": counts[f"size_{key}"]} for _limit, key in SIZE_CLASSES]
    if total - sized:
        size_classes.append({"key": "", "count": total - sized})
    languages = [{"key": int(s), "count": counts[f"lang_{int(s)}"]} for s in LanguageStatus]
    languages_known = sum(item["count"] for item in languages)
    if total - languages_known:
        languages.append({"key": None, "count": total - languages_known})
    bands = [
        {"key": key, "count": counts[f"band_{key}"], "amount": _money(counts[f"band_{key}_sum"])}
        for key, _low, _high in BANDS
    ]
    money = {"requested": _money(counts["requested"])}
    if call.stage == Call.Stage.APPLICATION:
        money["appropriation"] = (
            _money(call.programme.appropriation) if call.programme.appropriation else None
        )
        money["budget"] = _money(call.track.budget) if call.track.budget else None
    # 5. The topics question of the call's form (none: no section); 6–7. the maturity model's levels and
    # dimensions; 8–11. the applicants, each with the ratings of its lead's self-assessment.
    topic_question = _topics_question(call)
    structure = structure_for(call)
    applicants, topic_counts, ratings = _applicants(received, topic_question, call, structure)
    topics = None
    if topic_question is not None:
        topics = [
            {"key": option.get("key"), "label": {lang: option.get(f"label_{lang}", "") for lang in LANGUAGES},
             "count": topic_counts.get(option.get("key"), 0)}
            for option in topic_question.options or []
        ]  # fmt: skip
    return {
        "call": {"id": call.pk, "stage": call.stage, "title": _names(call, "title")},
        "received": total,
        "withdrawn": withdrawn,
        "joint": counts["joint"],
        "single": total - counts["joint"],
        "regions": regions,
        "size_classes": size_classes,
        "languages": languages,
        "bands": bands,
        "money": money,
        "topics": topics,
        "applicants": applicants,
        "maturity": _maturity(structure, ratings) if structure.dimensions else None,
    }


def _mean(values: list[int]) -> str:
    return str((Decimal(sum(values)) / Decimal(len(values))).quantize(TENTH, rounding=ROUND_HALF_UP))


def _maturity(structure: Structure, ratings: list) -> dict:
    """Per dimension: how many rated it and, from MIN_GROUP_SIZE on, the means and the count at each level."""
    values = structure.level_values
    dimensions = []
    for dimension in structure.dimensions:
        rated = [
            value
            for value in (item.get(dimension.key) for item in ratings if isinstance(item, dict))
            if isinstance(value, dict)
            and structure.is_valid_level(value.get("current"))
            and structure.is_valid_level(value.get("target"))
        ]
        enough = len(rated) >= MIN_GROUP_SIZE
        row = {"key": dimension.key, "name": _names(dimension, "name"), "count": len(rated)}
        for part in ("current", "target"):
            levels = [value[part] for value in rated]
            row[f"mean_{part}"] = _mean(levels) if enough else None
            row[part] = [levels.count(level) for level in values] if enough else None
        dimensions.append(row)
    return {
        "count": len(ratings),
        "min_group_size": MIN_GROUP_SIZE,
        "levels": [{"value": level.value, "name": _names(level, "name")} for level in structure.levels],
        "dimensions": dimensions,
    }


def _applicants(received, topic_question, call: Call, structure: Structure) -> tuple[list, dict, list]:
    """The applicants' rows, the topics counted and the lead's ratings, from a few columns of each received
    application (four queries at any size). Public as `presentation.public_view` decides it, applied here to
    the few answers the summary shows: named only when `listable` and with a public name; a topics answer
    counts only when public (not marked secret, not empty, pointing to no secret attachment)."""
    if structure.dimensions:
        # The lead's assessment (one per organisation and call): the one submitted with the application, or
        # for a proposal call whichever the lead has.
        assessments = SelfAssessment.objects.filter(
            call_id=OuterRef("call_id"), organisation_id=OuterRef("organisation_id")
        )
        if call.stage != Call.Stage.PROPOSAL:
            assessments = assessments.filter(frozen_with=OuterRef("pk"))
        received = received.annotate(
            maturity_ratings=Subquery(assessments.values("ratings")[:1], output_field=JSONField())
        )
    fields = ["pk", "question_set_id", "confidential_keys", "requested_amount"]
    fields += [f"organisation__name_{language}" for language in LANGUAGES]
    fields += [f"answers__{key}" for key in NAMING_KEYS]
    if topic_question is not None and topic_question.key not in NAMING_KEYS:
        fields.append(f"answers__{topic_question.key}")
    if structure.dimensions:
        fields.append("maturity_ratings")
    applications = list(received.order_by("organisation__name_fi", "pk").values(*fields))
    # Partners (not declined), in the order of the application's participants: one query.
    partners = defaultdict(list)
    for row in (
        Participant.objects.filter(application__in=received.values("pk"), declined_at__isnull=True)
        .exclude(role__in=Participant.LEAD_ROLES)
        .order_by("application_id", "order", "pk")
        .values("application_id", *(f"organisation__name_{language}" for language in LANGUAGES))
    ):
        partners[row["application_id"]].append(
            {language: row[f"organisation__name_{language}"] or "" for language in LANGUAGES}
        )
    topic_questions, secret_attachments = {}, defaultdict(set)
    if topic_question is not None:
        # The question of that key in each application's form (public_view reads the application's own form).
        topic_questions = {
            question.question_set_id: question
            for question in Question.objects.filter(
                question_set__in={a["question_set_id"] for a in applications}, key=topic_question.key
            )
        }
        for application_id, pk in Attachment.objects.filter(
            application__in=received.values("pk"), confidential=True
        ).values_list("application_id", "pk"):
            secret_attachments[application_id].add(pk)
    rows, topics, ratings = [], defaultdict(int), []
    for application in applications:
        if application.get("maturity_ratings") is not None:
            ratings.append(application["maturity_ratings"])
        confidential = set(application["confidential_keys"] or [])
        title = application["answers__project_name"] or application["answers__title"] or ""
        named = listable(confidential) and bool(title)  # listable: no naming answer is a secret
        requested = application["requested_amount"]
        rows.append(
            {
                "municipality": {
                    language: application[f"organisation__name_{language}"] or "" for language in LANGUAGES
                },
                "partners": partners.get(application["pk"], []),
                "title": title if named else "",
                "summary": _one_line(application["answers__summary"] or "") if named else "",
                "requested": _money(requested) if requested is not None else None,
            }
        )
        question = topic_questions.get(application["question_set_id"])
        if question is not None and question.key not in confidential:
            value = application[f"answers__{question.key}"]
            answer_type = question.answer_type
            if not answer_type.is_empty(value) and not (
                answer_type.attachment_ids(value) & secret_attachments[application["pk"]]
            ):
                for key in value or []:
                    topics[key] += 1
    return rows, topics, ratings


def _name(names: dict | None, language: str) -> str:
    if not names:
        return ""
    for code in (language, "fi", "sv", "en"):
        if names.get(code):
            return names[code]
    return ""


def _present_maturity(data: dict | None, language: str) -> dict | None:
    """None without a profile (no model, or published before profiles were summarised)."""
    if not data or not data.get("dimensions"):
        return None
    levels = [{"value": level["value"], "label": _name(level["name"], language)} for level in data["levels"]]
    dimensions = []
    for row in data["dimensions"]:
        enough = row["mean_current"] is not None and row["mean_target"] is not None
        item = {
            "name": _name(row["name"], language) or row["key"],
            "count": row["count"],
            "enough": enough,
            "mean_current": Decimal(row["mean_current"]) if enough else None,
            "mean_target": Decimal(row["mean_target"]) if enough else None,
        }
        # Per level: how many rate it now and as the target.
        item["distribution"] = (
            [
                {**level, "now": now, "target": target}
                for level, now, target in zip(levels, row["current"], row["target"], strict=False)
            ]
            if enough and row.get("current") is not None and row.get("target") is not None
            else None
        )
        dimensions.append(item)
    return {
        "count": data["count"],
        "min_group_size": data.get("min_group_size", MIN_GROUP_SIZE),
        "enough": any(row["enough"] for row in dimensions),
        "levels": levels,
        "dimensions": dimensions,
    }


def present(data: dict, language: str) -> dict:
    """The stored figures as rows with their labels in the current language and names in `language`."""
    bands = band_labels()
    money = {key: Decimal(value) if value is not None else None for key, value in data["money"].items()}
    return {
        "title": _name(data["call"]["title"], language),
        "proposals": data["call"]["stage"] == Call.Stage.PROPOSAL,
        "track_1": data["call"]["stage"] == Call.Stage.APPLICATION,
        "received": data["received"],
        "withdrawn": data["withdrawn"],
        "joint": data["joint"],
        "single": data["single"],
        "regions": [
            {
                "code": row["code"],
                "name": _name(row["name"], language) or _("No region"),
                "count": row["count"],
            }
            for row in data["regions"]
        ],
        "size_classes": [
            {
                "label": str(SIZE_CLASS_LABELS.get(row["key"], _("Population not known"))),
                "count": row["count"],
            }
            for row in data["size_classes"]
        ],
        "languages": [
            {
                "label": str(LanguageStatus(row["key"]).label) if row["key"] is not None else _("Not known"),
                "count": row["count"],
            }
            for row in data["languages"]
        ],  # fmt: skip
        "bands": [
            {"label": bands[row["key"]], "count": row["count"], "amount": Decimal(row["amount"])}
            for row in data["bands"]
        ],
        "money": money,
        "topics": None
        if data["topics"] is None
        else [
            {"label": _name(row["label"], language) or row["key"], "count": row["count"]}
            for row in data["topics"]
        ],
        "applicants": [
            {
                "municipality": _name(row["municipality"], language),
                "partners": [_name(partner, language) for partner in row["partners"]],
                "title": row["title"],
                "summary": row["summary"],
                "requested": Decimal(row["requested"]) if row["requested"] is not None else None,
            }
            for row in data["applicants"]
        ],
        "maturity": _present_maturity(data.get("maturity"), language),
    }
