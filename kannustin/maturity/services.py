"""The maturity self-assessment: reading, saving, freezing and comparing.

Used by the pages and the API of this app and by the application submission:

    assessment = get_assessment(organisation, call)
    if call.maturity_required and (assessment is None or not is_complete(assessment)):
        ...  # refuse to submit; missing_dimensions(assessment) says what is missing
    freeze(assessment, application.pk, by=user)

The level of maturity never affects the size of the grant.
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kannustin.core import audit, clock
from kannustin.core.permissions import can
from kannustin.programmes.models import MaturityDimension, MaturityLevel
from kannustin.registry.models import SIZE_CLASSES, Organisation

from .models import SERVICE_PROCESS_MAX_LENGTH, SelfAssessment

# A comparison group is shown only when at least this many organisations have a complete assessment.
MIN_GROUP_SIZE = 5
# Ministry roles that may read every assessment; they never edit one.
SIZE_CLASS_LABELS = {
    "under_5000": gettext_lazy("under 5,000 inhabitants"),
    "5000_19999": gettext_lazy("5,000–19,999 inhabitants"),
    "20000_49999": gettext_lazy("20,000–49,999 inhabitants"),
    "50000_99999": gettext_lazy("50,000–99,999 inhabitants"),
    "100000_plus": gettext_lazy("100,000 inhabitants or more"),
}
TENTH = Decimal("0.1")


class AssessmentError(Exception):
    def __init__(self, assessment: SelfAssessment | None, message: str = ""):
        self.assessment = assessment
        super().__init__(message or self.__class__.__doc__)


class StaleVersion(AssessmentError):
    """The self-assessment was changed by someone else after it was read."""


class Frozen(AssessmentError):
    """The self-assessment was submitted with an application and can no longer be changed."""


# The call's model ----------------------------------------------------------------------------------------


@dataclass
class Structure:
    """The levels and dimensions of a call's maturity model, read once per request."""

    levels: list[MaturityLevel]
    dimensions: list[MaturityDimension]
    level_values: list[int] = field(init=False)
    keys: list[str] = field(init=False)

    def __post_init__(self):
        self.level_values = [level.value for level in self.levels]
        self.keys = [dimension.key for dimension in self.dimensions]

    def dimension(self, key: str) -> MaturityDimension | None:
        return next((d for d in self.dimensions if d.key == key), None)

    def level(self, value) -> MaturityLevel | None:
        return next((level for level in self.levels if level.value == value), None)

    def levels_text(self) -> str:
        values = self.level_values
        if values and values == list(range(values[0], values[-1] + 1)):
            return f"{values[0]}–{values[-1]}"
        return ", ".join(str(v) for v in values)

    def is_valid_level(self, value) -> bool:
        return isinstance(value, int) and not isinstance(value, bool) and value in self.level_values


def structure_for(call, *, descriptors: bool = False) -> Structure:
    """Two queries (three with the descriptors of every dimension)."""
    model_id = call.maturity_model_id
    if model_id is None:
        return Structure(levels=[], dimensions=[])
    dimensions = MaturityDimension.objects.filter(model_id=model_id).order_by("order", "key")
    if descriptors:
        dimensions = dimensions.prefetch_related("descriptors")
    return Structure(
        levels=list(MaturityLevel.objects.filter(model_id=model_id).order_by("value")),
        dimensions=list(dimensions),
    )


# Reading ------------------------------------------------------------------------------------------------


def get_assessment(organisation, call) -> SelfAssessment | None:
    return (
        SelfAssessment.objects.select_related("updated_by")
        .filter(organisation=organisation, call=call)
        .first()
    )


def _rated(value, structure: Structure) -> bool:
    return (
        isinstance(value, dict)
        and structure.is_valid_level(value.get("current"))
        and structure.is_valid_level(value.get("target"))
    )


def _missing(ratings, structure: Structure) -> list[str]:
    ratings = ratings if isinstance(ratings, dict) else {}
    return [key for key in structure.keys if not _rated(ratings.get(key), structure)]


def missing_dimensions(assessment: SelfAssessment | None, structure: Structure | None = None) -> list[str]:
    """Keys of the dimensions not yet rated (both now and target), in the model's order."""
    if assessment is None:
        return []
    structure = structure or structure_for(assessment.call)
    return _missing(assessment.ratings, structure)


def is_complete(assessment: SelfAssessment | None, structure: Structure | None = None) -> bool:
    """Complete: the service process is named and every dimension of the call's model is rated."""
    if assessment is None:
        return False
    structure = structure or structure_for(assessment.call)
    return bool(assessment.service_process.strip()) and not _missing(assessment.ratings, structure)


def status(assessment: SelfAssessment | None, structure: Structure | None = None) -> str:
    """'not_started', 'in_progress', 'complete' or 'frozen'."""
    if assessment is None:
        return "not_started"
    if assessment.is_frozen:
        return "frozen"
    return "complete" if is_complete(assessment, structure) else "in_progress"


def access(user, organisation) -> str | None:
    """'edit' for the organisation's members, 'view' for those who may read it (officials, administrators),
    otherwise None (the pages answer 404). The rules are in maturity/permissions.py."""
    if user is None or not user.is_authenticated:
        return None
    if can(user, "maturity.change_assessment", organisation):
        return "edit"
    if can(user, "maturity.view_assessment", organisation):
        return "view"
    return None


def find_organisation(code: str) -> Organisation | None:
    """By municipality code, or by Business ID for organisations that are not municipalities."""
    queryset = Organisation.objects.select_related("region")
    if "-" in code:
        return queryset.filter(business_id=code).first()
    return queryset.filter(code=code).first()


# Saving -------------------------------------------------------------------------------------------------


def validate_ratings(ratings, structure: Structure) -> tuple[dict, dict]:
    """(cleaned ratings, errors by dimension key). Unknown keys and levels outside the model are errors."""
    if not isinstance(ratings, dict):
        return {}, {"ratings": [_("Give the ratings as an object keyed by dimension.")]}
    cleaned, errors = {}, {}
    levels = structure.levels_text()
    for key, value in ratings.items():
        dimension = structure.dimension(key)
        if dimension is None:
            errors[key] = [_("There is no dimension “%(key)s” in this call's maturity model.") % {"key": key}]
            continue
        name = dimension.tr("name")
        if not isinstance(value, dict):
            errors[key] = [_("%(dimension)s: give the current and the target level.") % {"dimension": name}]
            continue
        messages = []
        for part, message in (
            ("current", _("%(dimension)s: choose the current level (%(levels)s).")),
            ("target", _("%(dimension)s: choose the target level after the project (%(levels)s).")),
        ):
            if not structure.is_valid_level(value.get(part)):
                messages.append(message % {"dimension": name, "levels": levels})
        extra = sorted(set(value) - {"current", "target"})
        if extra:
            messages.append(
                _("%(dimension)s: only current and target can be given, not %(fields)s.")
                % {"dimension": name, "fields": ", ".join(extra)}
            )
        if messages:
            errors[key] = messages
        else:
            cleaned[key] = {"current": value["current"], "target": value["target"]}
    return cleaned, errors


def _state(assessment: SelfAssessment) -> dict:
    return {
        "service_process": assessment.service_process,
        "ratings": assessment.ratings,
        "version": assessment.version,
    }


def save_ratings(
    organisation, call, ratings, *, by, version: int | None = None, service_process: str | None = None
) -> SelfAssessment:
    """Store the given ratings (dimensions not given keep their earlier ratings) and, if given, the service
    process. Raises `Frozen` once the assessment was submitted with an application, `StaleVersion` if
    `version` is given and is not the stored version (0 = not yet saved), and `ValidationError` with
    messages per dimension key (and `service_process`)."""
    if call.maturity_model_id is None:
        raise ValidationError(_("This call has no maturity model."))
    structure = structure_for(call)
    with transaction.atomic():
        assessment = (
            SelfAssessment.objects.select_for_update().filter(organisation=organisation, call=call).first()
        )
        if assessment is not None and assessment.is_frozen:
            raise Frozen(assessment)
        if version is not None and version != (assessment.version if assessment else 0):
            raise StaleVersion(assessment)
        cleaned, errors = validate_ratings(ratings, structure)
        if service_process is not None:
            service_process = service_process.strip()
            if len(service_process) > SERVICE_PROCESS_MAX_LENGTH:
                errors["service_process"] = [
                    _("Describe the service process in %(limit)d characters or fewer.")
                    % {"limit": SERVICE_PROCESS_MAX_LENGTH}
                ]
        if errors:
            raise ValidationError(errors)

        now = clock.now()
        if assessment is None:
            assessment = SelfAssessment(organisation=organisation, call=call, created_by=by, created_at=now)
            before = {}
        else:
            before = _state(assessment)
        merged = {**(assessment.ratings or {}), **cleaned}
        # Keep the model's order, and anything stored for dimensions since removed from the model at the end.
        assessment.ratings = {
            **{key: merged[key] for key in structure.keys if key in merged},
            **{key: value for key, value in merged.items() if key not in structure.keys},
        }
        if service_process is not None:
            assessment.service_process = service_process
        assessment.version += 1
        assessment.updated_by = by
        assessment.updated_at = now
        try:
            with transaction.atomic():
                assessment.save()
        except IntegrityError:
            # Someone else saved the first version at the same moment.
            raise StaleVersion(get_assessment(organisation, call)) from None
        audit.record(by, "maturity.saved", assessment, {"before": before, "after": _state(assessment)})
    return assessment


def freeze(assessment: SelfAssessment, application_id: int, *, by) -> SelfAssessment:
    """Lock the assessment to the application it was submitted with. Freezing again with the same
    application does nothing; with another application raises `Frozen`. The caller checks `is_complete`
    first when the call requires the assessment."""
    with transaction.atomic():
        locked = SelfAssessment.objects.select_for_update().get(pk=assessment.pk)
        # Its organisation and call are loaded already (the audit event names them).
        for relation in ("organisation", "call"):
            if SelfAssessment._meta.get_field(relation).is_cached(assessment):
                setattr(locked, relation, getattr(assessment, relation))
        if locked.is_frozen:
            if locked.frozen_with == application_id:
                return locked
            raise Frozen(locked)
        locked.frozen_at = clock.now()
        locked.frozen_with = application_id
        locked.save(update_fields=["frozen_at", "frozen_with"])
        audit.record(
            by, "maturity.frozen", locked, {"frozen_with": application_id, "version": locked.version}
        )
    assessment.frozen_at, assessment.frozen_with = locked.frozen_at, locked.frozen_with
    return locked


# Results ------------------------------------------------------------------------------------------------


def profile(assessment: SelfAssessment | None, structure: Structure) -> list[dict]:
    """One row per dimension: the levels now and as the target, the gap, and whether the target is lower."""
    ratings = assessment.ratings if assessment is not None else {}
    rows = []
    for dimension in structure.dimensions:
        value = ratings.get(dimension.key)
        rated = _rated(value, structure)
        current = value["current"] if rated else None
        target = value["target"] if rated else None
        rows.append(
            {
                "dimension": dimension,
                "key": dimension.key,
                "current": current,
                "target": target,
                "current_level": structure.level(current),
                "target_level": structure.level(target),
                "gap": target - current if rated else None,
                "lower_target": rated and target < current,
            }
        )
    return rows


def size_class_bounds(size_class: str) -> tuple[int, int | None] | None:
    lower = 0
    for limit, key in SIZE_CLASSES:
        if key == size_class:
            return lower, limit
        lower = limit
    return None


def _average(values: list[int]) -> Decimal:
    return (Decimal(sum(values)) / Decimal(len(values))).quantize(TENTH, rounding=ROUND_HALF_UP)


def comparison(assessment: SelfAssessment, structure: Structure | None = None) -> list[dict]:
    """Averages of complete assessments of the same call by municipalities in the same region and in the same
    population size class (this organisation included). A group's averages are given only when at least
    MIN_GROUP_SIZE organisations are in it; otherwise `enough` is False and no numbers are given.
    One query (plus the model's structure if not given)."""
    structure = structure or structure_for(assessment.call)
    organisation = assessment.organisation
    groups = []
    if organisation.region_id:
        groups.append(
            {
                "kind": "region",
                "label": organisation.region.tr("name"),
                "matches": lambda row: row[1] == organisation.region_id,
                "q": Q(organisation__region_id=organisation.region_id),
            }
        )
    bounds = size_class_bounds(organisation.size_class)
    if bounds is not None:
        lower, upper = bounds
        q = Q(organisation__population__gte=lower)
        if upper is not None:
            q &= Q(organisation__population__lt=upper)
        groups.append(
            {
                "kind": "size_class",
                "label": str(SIZE_CLASS_LABELS.get(organisation.size_class, organisation.size_class)),
                "matches": lambda row, lower=lower, upper=upper: (
                    row[2] is not None and row[2] >= lower and (upper is None or row[2] < upper)
                ),
                "q": q,
            }
        )
    if not groups:
        return []

    condition = Q()
    for group in groups:
        condition |= group["q"]
    rows = list(
        SelfAssessment.objects.filter(
            call_id=assessment.call_id, organisation__kind=Organisation.Kind.MUNICIPALITY
        )
        .filter(condition)
        .values_list(
            "organisation_id",
            "organisation__region_id",
            "organisation__population",
            "service_process",
            "ratings",
        )
    )
    complete = [row for row in rows if row[3].strip() and not _missing(row[4], structure)]

    own = {row["key"]: row for row in profile(assessment, structure)}
    result = []
    for group in groups:
        members = [row for row in complete if group["matches"](row)]
        enough = len(members) >= MIN_GROUP_SIZE
        dimensions = []
        if enough:
            for dimension in structure.dimensions:
                key = dimension.key
                dimensions.append(
                    {
                        "dimension": dimension,
                        "key": key,
                        "own_current": own[key]["current"],
                        "own_target": own[key]["target"],
                        "average_current": _average([row[4][key]["current"] for row in members]),
                        "average_target": _average([row[4][key]["target"] for row in members]),
                    }
                )
        result.append(
            {
                "kind": group["kind"],
                "label": group["label"],
                "enough": enough,
                "count": len(members) if enough else None,
                "dimensions": dimensions,
            }
        )
    return result
