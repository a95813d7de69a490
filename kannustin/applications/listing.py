"""The officials' list of submitted applications: its filters, orders and columns, and the same list as an
Excel file (XLSX). One query for the rows (and one to count them) at any size: the page, the direct download
and the background export (`tasks.export_application_list`) all build it here.

The list also shows what later stages know of each application: its score and review progress (reviews) and
the amount granted (decisions). Those apps sit above this one, so this module reads their rows by relation name
(`score`, `reviews`, `decisions`) in the ORM and never imports them.
"""

import io
from datetime import datetime

from django.apps import apps
from django.conf import settings
from django.db.models import Case, DecimalField, F, OuterRef, Q, Subquery, Sum, Value, When
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Coalesce, Length, Lower
from django.http import QueryDict
from django.utils.translation import gettext as _

from kannustin.accounts.models import User
from kannustin.accounts.roles import Role
from kannustin.core import clock
from kannustin.core.i18n import translated
from kannustin.maturity.services import SIZE_CLASS_LABELS, size_class_bounds
from kannustin.programmes.models import Call, Track
from kannustin.registry.models import Region

from .forms_ministry import ApplicationFilterForm
from .models import Application, BudgetLine, CompletionRequest

# A filtered list of at most this many applications is written to Excel while the official waits; a longer one
# is made in the background (settings.LIST_EXPORT_DIRECT_LIMIT overrides it).
DIRECT_EXPORT_LIMIT = 500
DEFAULT_SORT = "-submitted"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MONEY = DecimalField(max_digits=14, decimal_places=2)

ORDERS = {
    "-submitted": [F("submitted_at").desc(nulls_last=True), "-pk"],
    "submitted": [F("submitted_at").asc(nulls_last=True), "pk"],
    # VM/9/2019 before VM/10/2019: shorter numbers first within a prefix and year.
    "case": [Length("case_number"), "case_number", "pk"],
    "name": [Lower("project_title"), "pk"],
    "-requested": [F("requested_amount").desc(nulls_last=True), "pk"],
    "requested": [F("requested_amount").asc(nulls_last=True), "pk"],
    "-score": [F("score__score").desc(nulls_last=True), "pk"],
    "score": [F("score__score").asc(nulls_last=True), "pk"],
}
SCORE_FILTERS = {
    "4": Q(score__score__gte=4),
    "3": Q(score__score__gte=3, score__score__lt=4),
    "2": Q(score__score__gte=2, score__score__lt=3),
    "1": Q(score__score__lt=2),
    "none": Q(score__score__isnull=True),
}


def direct_limit() -> int:
    return getattr(settings, "LIST_EXPORT_DIRECT_LIMIT", DIRECT_EXPORT_LIMIT)


def filter_form(data=None) -> ApplicationFilterForm:
    """The list's filter form with its choices (four small queries, whatever the number of applications)."""
    return ApplicationFilterForm(
        data or None,
        calls=list(Call.objects.select_related("programme").order_by("-opens_at", "pk")),
        tracks=list(Track.objects.select_related("programme").order_by("-programme__year", "number")),
        regions=list(Region.objects.order_by("code")),
        reviewers=list(
            User.objects.filter(global_roles__role=Role.REVIEWER).distinct().order_by("name", "email")
        ),
    )


def _search(queryset, text: str):
    text = text.strip()
    condition = (
        Q(case_number__icontains=text)
        | Q(organisation__name_fi__icontains=text)
        | Q(organisation__name_sv__icontains=text)
        | Q(organisation__code=text)
        | Q(answers__project_name__icontains=text)
    )
    return queryset.filter(condition)


def _granted():
    """The amount of the application's latest sent decision when it grants (None otherwise)."""
    decision = apps.get_model("decisions", "Decision")
    return Subquery(
        decision.objects.filter(application=OuterRef("pk"), state="sent")
        .order_by("-sent_at", "-pk")
        .annotate(granted=Case(When(outcome="granted", then=F("amount")), default=None, output_field=MONEY))
        .values("granted")[:1],
        output_field=MONEY,
    )


def _eligible_costs():
    return Coalesce(
        Subquery(
            BudgetLine.objects.filter(application=OuterRef("pk"))
            .values("application")
            .annotate(total=Sum("amount"))
            .values("total")[:1]
        ),
        Value(0),
        output_field=MONEY,
    )


def ministry_applications(filters: dict, *, export: bool = False):
    """The submitted applications that match the filters, in the chosen order, with the list's columns."""
    open_request_due = (
        CompletionRequest.objects.filter(application=OuterRef("pk"), state=CompletionRequest.State.OPEN)
        .order_by("due_at")
        .values("due_at")[:1]
    )
    names = ("name_fi", "name_sv", "name_en")
    applications = (
        Application.objects.submitted()
        .select_related("call", "call__track", "organisation", "organisation__region")
        .only(
            "pk",
            "case_number",
            "status",
            "requested_amount",
            "submitted_at",
            "call__id",
            "call__title_fi",
            "call__title_sv",
            "call__title_en",
            "call__track__id",
            "call__track__number",
            *(f"call__track__{n}" for n in names),
            "organisation__id",
            "organisation__code",
            "organisation__population",
            *(f"organisation__{n}" for n in names),
            "organisation__region__id",
            "organisation__region__code",
            *(f"organisation__region__{n}" for n in names),
        )  # fmt: skip
        # The title only, not every answer of 50 applications. The evaluation's figures come by relation name.
        .annotate(
            project_title=KeyTextTransform("project_name", "answers"),
            completion_due_at=Subquery(open_request_due),
            score_value=F("score__score"),
            complete_reviews=F("score__complete"),
            reviewer_count=F("score__reviewers"),
            reviewers_differ=F("score__has_flags"),
            flagged=F("score__flagged"),
            granted_amount=_granted(),
        )
    )
    if export:
        applications = applications.annotate(eligible=_eligible_costs())
    if "call" in filters:
        applications = applications.filter(call_id=filters["call"])
    if "track" in filters:
        applications = applications.filter(call__track_id=filters["track"])
    if "status" in filters:
        applications = applications.filter(status=filters["status"])
    if "region" in filters:
        applications = applications.filter(organisation__region__code=filters["region"])
    if "size" in filters and (bounds := size_class_bounds(filters["size"])):
        lower, upper = bounds
        applications = applications.filter(organisation__population__gte=lower)
        if upper is not None:
            applications = applications.filter(organisation__population__lt=upper)
    if "reviewer" in filters:
        # One review per reviewer and application (a unique constraint), so no row repeats.
        applications = applications.filter(reviews__reviewer_id=filters["reviewer"])
    if "score" in filters:
        applications = applications.filter(SCORE_FILTERS[filters["score"]])
    if filters.get("flags"):
        applications = applications.filter(score__has_flags=True)
    if "q" in filters:
        applications = _search(applications, filters["q"])
    return applications.order_by(*ORDERS[filters.get("sort") or DEFAULT_SORT])


def size_class_label(organisation) -> str:
    key = organisation.size_class
    return str(SIZE_CLASS_LABELS.get(key, key)) if key else ""


# Excel --------------------------------------------------------------------------------------------------


def export_headers() -> list[str]:
    return [
        _("Case number"),
        _("Project name"),
        _("Call"),
        _("Track"),
        _("Lead municipality"),
        _("Region"),
        _("Size class"),
        _("Status"),
        _("Submitted"),
        _("Amount applied for (€)"),
        _("Eligible costs (€)"),
        _("Score"),
        _("Complete reviews"),
        _("Criteria where the reviewers differ"),
        _("Granted (€)"),
    ]


def export_row(application) -> list:
    organisation = application.organisation
    track = application.call.track
    submitted = (
        clock.helsinki(application.submitted_at).replace(tzinfo=None) if application.submitted_at else None
    )
    return [
        application.case_number or "",
        application.project_title or "",
        translated(application.call, "title"),
        f"{track.number} {translated(track, 'name')}".strip(),
        f"{organisation.code or ''} {translated(organisation, 'name')}".strip(),
        translated(organisation.region, "name") if organisation.region else "",
        size_class_label(organisation),
        str(application.get_status_display()),
        submitted,
        application.requested_amount,
        application.eligible,
        application.score_value,
        application.complete_reviews or 0,
        ", ".join(application.flagged or []),
        application.granted_amount,
    ]


# Columns by their position in export_row: how Excel shows them.
MONEY_COLUMNS = {9, 10, 14}
DATE_COLUMNS = {8}
SCORE_COLUMNS = {11}


def write_xlsx(applications) -> tuple[bytes, int]:
    """The applications as an Excel workbook (one sheet, a heading row); returns the file and the row count.
    Written row by row (openpyxl's write-only mode), so a long list does not sit in memory twice."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Applications"))
    sheet.freeze_panes = "A2"
    widths = [16, 40, 30, 24, 26, 20, 24, 18, 18, 16, 16, 8, 10, 16, 16]
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[_column_letter(index)].width = width
    bold = Font(bold=True)
    heading = []
    for text in export_headers():
        cell = WriteOnlyCell(sheet, value=text)
        cell.font = bold
        heading.append(cell)
    sheet.append(heading)
    count = 0
    for application in applications.iterator(chunk_size=500):
        cells = []
        for index, value in enumerate(export_row(application)):
            cell = WriteOnlyCell(sheet, value=value)
            if index in MONEY_COLUMNS:
                cell.number_format = "#,##0.00"
            elif index in DATE_COLUMNS:
                cell.number_format = "yyyy-mm-dd hh:mm"
            elif index in SCORE_COLUMNS:
                cell.number_format = "0.000"
            cells.append(cell)
        sheet.append(cells)
        count += 1
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue(), count


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index)


def export_filename(at: datetime | None = None) -> str:
    moment = clock.helsinki(at or clock.now())
    return f"{_('applications')}-{moment:%Y-%m-%d-%H%M}.xlsx"


def export_params(query: QueryDict) -> dict:
    """The list's GET parameters worth keeping for a background export: filters and order, as lists."""
    keys = (*ApplicationFilterForm.FILTERS, "sort")
    return {key: values for key, values in query.lists() if key in keys and any(values)}


def query_from_params(params: dict) -> QueryDict:
    query = QueryDict(mutable=True)
    for key, values in params.items():
        query.setlist(key, [str(v) for v in values])
    return query
