"""The summary of a call (track 1 applications, or track 2 proposals): figures from aggregates and the list of
applicants, in a fixed number of queries at any size.

`figures(call)` gives plain JSON-ready data, stored as it is when an official publishes the summary
(`PublishedSummary.data`): keys instead of labels (labels are translated when the page is shown) and names of
organisations, regions and topics in all three languages. `present(data, language)` turns the data into rows
for the pages, the PDF and the workbook.

Public: everything about an application comes from `public_view` / `listable` (business secrets left out); an
application whose name or summary is a secret is named only by its municipality.

The maturity profiles are not summarised here (left out for now).
"""

from collections import defaultdict
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, Sum
from django.utils.translation import gettext as _

from kannustin.applications.models import Application, Participant, Status
from kannustin.applications.presentation import listable, public_view
from kannustin.maturity.services import SIZE_CLASS_LABELS
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
    """The summary's figures of the call (about ten queries at any size)."""
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
    # 5. The topics question of the call's form (none: no section); 6–9. the applicants.
    topic_question = _topics_question(call)
    applicants, topic_counts = _applicants(received, topic_question)
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
    }


def _applicants(received, topic_question) -> tuple[list, dict]:
    applications = list(
        received.select_related("organisation", "call")
        .prefetch_related(
            Prefetch(
                "participants",
                queryset=Participant.objects.select_related("organisation").order_by("order", "pk"),
                to_attr="_participants",
            ),
            "attachments",
        )
        .order_by("organisation__name_fi", "pk")
    )
    questions = defaultdict(list)
    for question in Question.objects.filter(question_set__in={a.question_set_id for a in applications}):
        questions[question.question_set_id].append(question)
    rows, topics = [], defaultdict(int)
    for application in applications:
        view = public_view(application, questions[application.question_set_id])
        named = listable(application.confidential_keys) and bool(view.title)
        rows.append(
            {
                "municipality": _names(view.lead, "name"),
                "partners": [_names(partner, "name") for partner in view.partners],
                "title": view.title if named else "",
                "summary": _one_line(view.summary) if named else "",
                "requested": _money(view.requested_amount) if view.requested_amount is not None else None,
            }
        )
        if topic_question is not None:
            for answer in view.answers:  # only a public answer counts
                if answer["question"].key == topic_question.key:
                    for key in (application.answers or {}).get(topic_question.key) or []:
                        topics[key] += 1
    return rows, topics


def _name(names: dict | None, language: str) -> str:
    if not names:
        return ""
    for code in (language, "fi", "sv", "en"):
        if names.get(code):
            return names[code]
    return ""


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
    }
