"""All applications of a call as one Excel workbook, for the ministry's officials (an internal export: business
secrets are included and marked "(business secret)", unlike the public outputs of `presentation.public_view`).

Sheets: "Applications" (one row per submitted application, a column per question of the call's form, then the
participants, the amounts, the score, the status and the grant), "Budget lines" and "Reviews" (each review with
its scores and justifications per criterion, and the disqualification declarations with their ground).

Written row by row (openpyxl's write-only mode); the applications are read in chunks of `CHUNK` with their
participants, budget lines and reviews prefetched, so the queries are a fixed number per chunk, whatever the
number of rows in it.
"""

import io
from collections.abc import Callable
from datetime import datetime

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from kannustin.applications import listing
from kannustin.applications.models import Application, Participant
from kannustin.applications.presentation import answer_display
from kannustin.core import clock
from kannustin.core.i18n import translated
from kannustin.programmes.models import QuestionSet, form_definition
from kannustin.reviews.models import Review

CHUNK = 100
MONEY = "#,##0.00"
DATE = "yyyy-mm-dd hh:mm"


def export_filename(call, at: datetime | None = None) -> str:
    moment = clock.helsinki(at or clock.now())
    return f"{_('applications')}-{call.slug}-{moment:%Y-%m-%d-%H%M}.xlsx"


def _naive(moment):
    return clock.helsinki(moment).replace(tzinfo=None) if moment else None


def _person(user) -> str:
    return (user.get_full_name() or user.email) if user else ""


def _columns(call) -> list:
    """The questions of the call's forms, one column per question key: the newest version's order first,
    then any key only an older version asked. [(key, label, {question set id: question})]."""
    set_ids = list(
        Application.objects.submitted().filter(call=call).values_list("question_set_id", flat=True).distinct()
    )
    columns: dict[str, tuple[str, dict]] = {}
    for question_set in QuestionSet.objects.filter(pk__in=set_ids).order_by("-version", "-pk"):
        for question in form_definition(question_set)[1]:
            label, by_set = columns.setdefault(question.key, (question.tr("label"), {}))
            by_set[question_set.pk] = question
    return [(key, label, by_set) for key, (label, by_set) in columns.items()]


def _applications(call):
    """The call's submitted applications with the list's figures (eligible costs, score, grant) and every
    field (the answers too)."""
    return listing.ministry_applications({"call": call.pk}, export=True).defer(None)


def write_call_workbook(call, progress: Callable[[int, int], None] | None = None) -> tuple[bytes, int]:
    """The call's workbook and the number of applications in it. `progress(done, total)` is called before the
    first row and after each chunk of `CHUNK` applications."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    columns = _columns(call)
    criteria = list(call.criteria.filter(is_scored=True).order_by("order", "code"))
    categories = {category.key: category.tr("name") for category in call.cost_categories.all()}
    pks = list(_applications(call).order_by("case_number", "pk").values_list("pk", flat=True))
    total = len(pks)
    if progress:
        progress(0, total)

    workbook = Workbook(write_only=True)
    sheets = {
        "applications": workbook.create_sheet(_("Applications")),
        "budget": workbook.create_sheet(_("Budget lines")),
        "reviews": workbook.create_sheet(_("Reviews")),
    }
    bold = Font(bold=True)

    def append(sheet, values, formats=None):
        cells = []
        for index, value in enumerate(values):
            cell = WriteOnlyCell(sheet, value=value)
            if formats and index in formats:
                cell.number_format = formats[index]
            cells.append(cell)
        sheet.append(cells)

    def heading(sheet, texts):
        sheet.freeze_panes = "A2"
        cells = []
        for text in texts:
            cell = WriteOnlyCell(sheet, value=str(text))
            cell.font = bold
            cells.append(cell)
        sheet.append(cells)

    fixed = [_("Case number"), _("Lead applicant"), _("Submitted")]
    figures = [
        _("Participants"),
        _("Amount applied for (€)"),
        _("Eligible costs (€)"),
        _("Score"),
        _("Status"),
        _("Granted (€)"),
    ]
    heading(sheets["applications"], [*fixed, *(label for _key, label, _q in columns), *figures])
    first_figure = len(fixed) + len(columns)
    application_formats = {
        2: DATE,
        first_figure + 1: MONEY,
        first_figure + 2: MONEY,
        first_figure + 3: "0.000",
        first_figure + 5: MONEY,
    }
    heading(
        sheets["budget"], [_("Case number"), _("Cost category"), _("Year"), _("Description"), _("Amount (€)")]
    )
    criterion_headings = []
    for criterion in criteria:
        criterion_headings += [
            _("%(code)s score") % {"code": criterion.code},
            _("%(code)s justification") % {"code": criterion.code},
        ]
    heading(
        sheets["reviews"],
        [
            _("Case number"),
            _("Reviewer"),
            _("State"),
            *criterion_headings,
            _("Overall comment"),
            _("Submitted"),
            _("Disqualified"),
            _("Ground of disqualification"),
            _("Explanation"),
        ],
    )
    review_formats = {3 + len(criterion_headings) + 1: DATE}
    secret = _("(business secret)")

    done = 0
    for start in range(0, total, CHUNK):
        chunk = (
            _applications(call)
            .filter(pk__in=pks[start : start + CHUNK])
            .order_by("case_number", "pk")
            .prefetch_related(
                Prefetch(
                    "participants",
                    queryset=Participant.objects.select_related("organisation").order_by("order", "pk"),
                ),
                "budget_lines",
                Prefetch(
                    "reviews",
                    queryset=Review.objects.select_related("reviewer").order_by("assigned_at", "pk"),
                ),
            )
        )
        for application in chunk:
            case = application.case_number or ""
            confidential = set(application.confidential_keys or [])
            answers = []
            for key, _label, by_set in columns:
                question = by_set.get(application.question_set_id)
                value = (application.answers or {}).get(key)
                text = answer_display(question, value) if question is not None and value is not None else ""
                if text and key in confidential:
                    text = f"{secret} {text}"
                answers.append(text)
            participants = "; ".join(
                f"{translated(p.organisation, 'name')} ({p.get_role_display()})"
                for p in application.participants.all()
            )
            organisation = application.organisation
            append(
                sheets["applications"],
                [
                    case,
                    f"{organisation.code or ''} {translated(organisation, 'name')}".strip(),
                    _naive(application.submitted_at),
                    *answers,
                    participants,
                    application.requested_amount,
                    application.eligible,
                    application.score_value,
                    str(application.get_status_display()),
                    application.granted_amount,
                ],
                application_formats,
            )
            for line in application.budget_lines.all():
                append(
                    sheets["budget"],
                    [
                        case,
                        categories.get(line.category, line.category),
                        line.year,
                        line.description,
                        line.amount,
                    ],
                    {4: MONEY},
                )
            for item in application.reviews.all():
                per_criterion = []
                for criterion in criteria:
                    per_criterion += [item.score_of(criterion.code), item.justification_of(criterion.code)]
                append(
                    sheets["reviews"],
                    [
                        case,
                        _person(item.reviewer),
                        str(item.get_state_display()),
                        *per_criterion,
                        item.comment,
                        _naive(item.submitted_at),
                        (_("Yes") if item.is_disqualified else _("No")) if item.declared_at else "",
                        str(item.get_ground_display()) if item.ground else "",
                        item.explanation,
                    ],
                    review_formats,
                )
            done += 1
        if progress:
            progress(done, total)

    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue(), done
