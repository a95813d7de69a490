from typing import Literal

from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from kannustin.core import clock
from kannustin.programmes.models import Call, MaturityDimension, Question

from ..errors import ApiError
from ..schemas import CallDetailOut, CallListOut, ErrorOut, ValidationErrorOut
from ..serialise import LANGUAGES, decimal_string, finnish_time, trilingual

router = Router(tags=["calls"])

MAX_ID = 2**63 - 1  # larger ids cannot exist and would overflow the database's integer


def call_data(request, call: Call) -> dict:
    programme, track = call.programme, call.track
    state = call.state
    path = reverse("programmes:call", kwargs={"slug": programme.slug, "call_slug": call.slug})
    return {
        "id": call.pk,
        "programme": {"slug": programme.slug, "year": programme.year, **trilingual(programme, "name")},
        "track": {"number": track.number, "kind": track.kind, **trilingual(track, "name")},
        "stage": call.stage,
        "slug": call.slug,
        **trilingual(call, "title"),
        "opens_at": finnish_time(call.opens_at),
        "closes_at": finnish_time(call.closes_at),
        "state": state,
        "is_open": state == "open",
        "max_aid_share": decimal_string(call.max_aid_share),
        "url": request.build_absolute_uri(path),
    }


def question_data(question: Question) -> dict:
    return {
        "key": question.key,
        "type": question.type,
        "section": question.section,
        "order": question.order,
        **trilingual(question, "label", "help"),
        "required": question.required,
        "max_length": question.max_length,
        "min_value": decimal_string(question.min_value),
        "max_value": decimal_string(question.max_value),
        "options": [
            {
                "key": str(option.get("key") or ""),
                **{f"label_{c}": str(option.get(f"label_{c}") or "") for c in LANGUAGES},
            }
            for option in question.options or []
            if isinstance(option, dict)
        ],
        "criterion": question.criterion.code if question.criterion_id else None,
        "min_count": question.min_count,
        "max_count": question.max_count,
        "answer_schema": question.answer_type.json_schema(question),
    }


def maturity_model_data(model) -> dict | None:
    if model is None:
        return None
    return {
        "id": model.pk,
        **trilingual(model, "name", "intro"),
        "levels": [{"value": level.value, **trilingual(level, "name")} for level in model.levels.all()],
        "dimensions": [
            {
                "key": dimension.key,
                "order": dimension.order,
                **trilingual(dimension, "name", "description"),
                "descriptors": [
                    {"level": descriptor.level, **trilingual(descriptor, "text")}
                    for descriptor in dimension.descriptors.all()
                ],
            }
            for dimension in model.dimensions.all()
        ],
    }


class CallFilters(Schema):
    programme: str | None = Field(
        None, pattern=r"^[-a-zA-Z0-9_]{1,50}$", description="Programme identifier (slug)."
    )
    state: Literal["upcoming", "open", "closed"] | None = Field(None, description="Window state now.")


@router.get("/calls/", response={200: CallListOut, 422: ValidationErrorOut}, summary="Published calls")
def list_calls(request, filters: Query[CallFilters]):
    """Every published call of every published programme, in the order they open."""
    calls = Call.objects.published().select_related("programme", "track")
    if filters.programme:
        calls = calls.filter(programme__slug=filters.programme)
    if filters.state:
        # The same rule as clock.window_state: open from opens_at inclusive to closes_at exclusive.
        now = clock.now()
        calls = calls.filter(
            {
                "upcoming": Q(opens_at__gt=now),
                "open": Q(opens_at__lte=now, closes_at__gt=now),
                "closed": Q(closes_at__lte=now),
            }[filters.state]
        )
    items = [call_data(request, call) for call in calls]
    return {"count": len(items), "items": items}


@router.get("/calls/{int:call_id}/", response={200: CallDetailOut, 404: ErrorOut}, summary="One call in full")
def get_call(request, call_id: int):
    """A published call with everything an applicant's software needs: the current question set, the
    evaluation criteria and scoring scale, eligible cost categories, money rules and the maturity model."""
    call = None
    if 0 < call_id <= MAX_ID:
        call = (
            Call.objects.published()
            .select_related("programme", "track", "maturity_model")
            .prefetch_related(
                "criteria",
                "scale_levels",
                "cost_categories",
                "maturity_model__levels",
                Prefetch(
                    "maturity_model__dimensions",
                    queryset=MaturityDimension.objects.prefetch_related("descriptors"),
                ),
            )
            .filter(pk=call_id)
            .first()
        )
    if call is None:
        raise ApiError(
            404, "not_found", _("There is no published call with the id %(id)s.") % {"id": call_id}
        )

    question_set = call.current_question_set()
    sections = list(question_set.sections.all()) if question_set is not None else []
    if question_set is not None:
        questions = question_set.questions.select_related("criterion").order_by("order", "id")
        question_set_data = {
            "version": question_set.version,
            "purpose": question_set.purpose,
            "sections": [
                {
                    "key": section.key,
                    "kind": section.kind,
                    "order": section.order,
                    **trilingual(section, "title"),
                    "required": section.required,
                    "options": section.options or {},
                }
                for section in sections
            ],
            "questions": [question_data(q) for q in questions],
        }
    else:
        question_set_data = None

    return {
        **call_data(request, call),
        **trilingual(call, "body", "eligibility"),
        "previous_stage": call.previous_stage_id,
        "vat_eligible": call.vat_eligible,
        "project_starts_from": call.project_starts_from,
        "project_ends_by": call.project_ends_by,
        "min_grant": decimal_string(call.min_grant),
        "max_grant": decimal_string(call.max_grant),
        "attachments": {"max_count": call.max_attachments, "max_size_mb": call.max_attachment_mb},
        "maturity_required": any(section.kind == "maturity" and section.required for section in sections),
        "question_set": question_set_data,
        "criteria": [
            {
                "code": criterion.code,
                "order": criterion.order,
                **trilingual(criterion, "title", "description"),
                "weight": decimal_string(criterion.weight),
                "emphasised": criterion.emphasised,
                "is_scored": criterion.is_scored,
            }
            for criterion in call.criteria.all()
        ],
        "scoring": {
            "score_min": call.score_min,
            "score_max": call.score_max,
            "levels": [
                {"value": level.value, **trilingual(level, "label")} for level in call.scale_levels.all()
            ],
        },
        "cost_categories": [
            {"key": category.key, "order": category.order, **trilingual(category, "name", "help")}
            for category in call.cost_categories.all()
        ],
        "maturity_model": maturity_model_data(call.maturity_model),
    }
