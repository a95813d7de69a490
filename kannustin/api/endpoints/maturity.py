"""The maturity self-assessment of an organisation for a call.

    GET /organisations/{code}/maturity/{call_id}/   the stored assessment (version 0 and no ratings if none)
    PUT /organisations/{code}/maturity/{call_id}/   store ratings; dimensions not sent keep their ratings

`code` is the municipality code (091) or, for other organisations, the Business ID. Members of the
organisation may read and write; officials, reviewers and administrators may read; for anyone else the
assessment does not exist (404). The level never affects the size of the grant.
"""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from ninja import Field, Router, Schema

from kannustin.core import clock
from kannustin.maturity import services
from kannustin.maturity.services import Frozen, StaleVersion
from kannustin.programmes.models import Call

from ..auth import bearer
from ..errors import api_language, error_response
from ..schemas import ErrorOut, ValidationErrorOut

router = Router(auth=bearer, tags=["maturity"])


class RatingIn(Schema):
    current: int = Field(description="Level now.", examples=[2])
    target: int = Field(description="Target level after the project.", examples=[4])


class AssessmentIn(Schema):
    ratings: dict[str, RatingIn] = Field(
        default_factory=dict,
        description="Levels by dimension key. Dimensions left out keep their stored ratings.",
        examples=[{"data": {"current": 2, "target": 4}}],
    )
    service_process: str | None = Field(
        default=None, description="The service process the project renews; left unchanged if omitted."
    )
    version: int | None = Field(
        default=None,
        description="The version you read (0 before the first save). If given and no longer current, "
        "nothing is stored and the answer is 409 version_conflict.",
    )


class RatingOut(Schema):
    current: int
    target: int


class AssessmentOut(Schema):
    organisation: str = Field(description="Municipality code or Business ID.")
    call: int
    service_process: str
    ratings: dict[str, RatingOut]
    version: int = Field(description="0 when nothing has been saved yet.")
    complete: bool = Field(description="The service process is named and every dimension is rated.")
    missing_dimensions: list[str]
    frozen: bool = Field(description="Submitted with an application; no longer changeable.")
    frozen_at: datetime | None = Field(description="Finnish time with offset.")
    updated_at: datetime | None = Field(description="Finnish time with offset.")


class ConflictOut(ErrorOut):
    version: int | None = Field(default=None, description="The version stored now (version_conflict only).")


def _not_found(request):
    return error_response(request, 404, "not_found", _("Nothing was found at this address."))


def _load(request, code: str, call_id: int):
    """(organisation, call, access) or None when the caller may not know the assessment exists."""
    user = request.auth
    organisation = services.find_organisation(code)
    if organisation is None:
        return None
    level = services.access(user, organisation)
    if level is None:
        return None
    calls = Call.objects.filter(maturity_model__isnull=False)
    if level == "edit":
        calls = calls.published()
    call = calls.filter(pk=call_id).first()
    if call is None:
        return None
    return organisation, call, level


def _out(organisation, call, assessment, structure) -> dict:
    ratings = assessment.ratings if assessment else {}
    return {
        "organisation": organisation.code or organisation.business_id,
        "call": call.pk,
        "service_process": assessment.service_process if assessment else "",
        "ratings": {key: ratings[key] for key in structure.keys if key in ratings},
        "version": assessment.version if assessment else 0,
        "complete": services.is_complete(assessment, structure),
        "missing_dimensions": services.missing_dimensions(assessment, structure)
        if assessment
        else list(structure.keys),
        "frozen": bool(assessment and assessment.is_frozen),
        "frozen_at": clock.helsinki(assessment.frozen_at) if assessment and assessment.frozen_at else None,
        "updated_at": clock.helsinki(assessment.updated_at) if assessment else None,
    }


PATH = "/organisations/{code}/maturity/{call_id}/"


@router.get(PATH, response={200: AssessmentOut, 404: ErrorOut}, summary="Read a maturity self-assessment")
def get_assessment(request, code: str, call_id: int):
    loaded = _load(request, code, call_id)
    if loaded is None:
        return _not_found(request)
    organisation, call, _level = loaded
    structure = services.structure_for(call)
    return _out(organisation, call, services.get_assessment(organisation, call), structure)


@router.put(
    PATH,
    response={200: AssessmentOut, 403: ErrorOut, 404: ErrorOut, 409: ConflictOut, 422: ValidationErrorOut},
    summary="Save a maturity self-assessment",
)
def put_assessment(request, code: str, call_id: int, payload: AssessmentIn):
    loaded = _load(request, code, call_id)
    if loaded is None:
        return _not_found(request)
    organisation, call, level = loaded
    if level != "edit":
        return error_response(
            request,
            403,
            "permission_denied",
            _("Only the organisation's own users can change its assessment."),
        )
    ratings = {key: rating.model_dump() for key, rating in payload.ratings.items()}
    try:
        # Validation messages in the language of Accept-Language, like every `detail` of the API.
        with translation.override(api_language(request)):
            assessment = services.save_ratings(
                organisation,
                call,
                ratings,
                by=request.auth,
                version=payload.version,
                service_process=payload.service_process,
            )
    except Frozen:
        return error_response(
            request,
            409,
            "frozen",
            _("The self-assessment was submitted with the application and can no longer be changed."),
        )
    except StaleVersion as exc:
        return error_response(
            request,
            409,
            "version_conflict",
            _("The self-assessment was changed after you read it. Read it again and resend your changes."),
            version=exc.assessment.version if exc.assessment else 0,
        )
    except ValidationError as exc:
        structure = services.structure_for(call)
        errors = []
        for key, messages in exc.message_dict.items():
            if key == "service_process":
                field, kind = "service_process", "too_long"
            elif key == "__all__":
                field, kind = "", "invalid"
            else:
                field = f"ratings.{key}"
                kind = "invalid_level" if key in structure.keys else "unknown_dimension"
            errors.extend(
                {"field": field, "location": "body", "message": message, "type": kind} for message in messages
            )
        return error_response(
            request,
            422,
            "validation_error",
            _("The request is not valid. See errors for each field."),
            errors=errors,
        )
    return _out(organisation, call, assessment, services.structure_for(call))
