"""What stops a submission: the form's sections in order, unanswered required questions and what each
structured part (`parts.py`) reports, then the project's dates against the call's."""

from django.utils.translation import gettext as _

from kannustin.core.formats import format_date

from .parts import part_for


def missing_for_submit(application) -> list[dict]:
    """Everything that stops a submission, as [{"code", "field", "section", "message"}], part by part of the
    form: unanswered required questions, then what each structured part (`parts.py`) reports."""
    call = application.call
    missing = []
    for section in application.sections():
        part = part_for(section)
        if part is not None:
            missing.extend(part.missing(application, section))
            continue
        for question in application.questions():
            if question.section != section.key or not question.required:
                continue
            if question.answer_type.is_empty(application.answers.get(question.key)):
                missing.append({"code": "answer_missing", "field": question.key, "section": question.section,
                                "message": _("Answer: %(label)s") % {"label": question.tr("label")}})  # fmt: skip
        missing.extend(_refused_options(application, section))
    missing.extend(_project_dates(application, call))
    return missing


def _refused_options(application, section) -> list[dict]:
    """Answers choosing an option the call excludes (the option's `refuses`, e.g. a field not funded)."""
    missing = []
    for question in application.questions():
        if question.section != section.key:
            continue
        value = application.answers.get(question.key)
        chosen = value if isinstance(value, list) else [value]
        refused = [o for o in question.options or [] if o.get("refuses") and o.get("key") in chosen]
        if refused:
            missing.append({"code": "excluded", "field": question.key, "section": question.section,
                            "message": _("The call does not fund projects in: %(fields)s.")
                            % {"fields": ", ".join(question.option_label(o["key"]) for o in refused)}})  # fmt: skip
    return missing


def _project_dates(application, call) -> list[dict]:
    """The project's period against the call's: its questions are `start_date` and `end_date`, where the form
    has them."""
    questions = {q.key: q for q in application.questions()}
    start, end = application.answers.get("start_date"), application.answers.get("end_date")
    section = lambda key: questions[key].section if key in questions else "basics"  # noqa: E731
    missing = []
    if start and end and end < start:
        missing.append({"code": "dates_reversed", "field": "end_date", "section": section("end_date"),
                        "message": _("The project must end after it starts.")})  # fmt: skip
    if end and call.project_ends_by and end > call.project_ends_by.isoformat():
        missing.append(
            {"code": "ends_too_late", "field": "end_date", "section": section("end_date"),
             "message": _("The project must end by %(date)s.") % {"date": format_date(call.project_ends_by)}}
        )  # fmt: skip
    if start and call.project_starts_from and start < call.project_starts_from.isoformat():
        missing.append(
            {"code": "starts_too_early", "field": "start_date", "section": section("start_date"),
             "message": _("The project can start on %(date)s at the earliest.") % {"date": format_date(call.project_starts_from)}}
        )  # fmt: skip
    return missing
