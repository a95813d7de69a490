"""How an application is shown: its parts in the order of its form, answers as people read them, and what
of it is public. Used by the pages (check your answers, the ministry's view), the PDF copy and the emails;
no view imports another's helpers, they all come here.

`public_view` is the one place that decides what of an application is public: every public page, summary,
export and open-data file uses only it (business secrets are left out).
"""

from dataclasses import dataclass, field

from django.urls import reverse

from kannustin.core import clock
from kannustin.core.money import CENT

from .models import Application, Status, eligible_total
from .parts import part_for


def answer_display(question, value) -> str:
    """An answer as a person reads it, in the current language: the reader's on a page, the application's in
    its documents (the PDF context is built in that language)."""
    return question.answer_type.display(question, value)


def section_url(application, section) -> str:
    part = part_for(section)
    if part is not None:
        return part.url(application)
    return reverse("applications:section", args=[application.pk, section.key])


def next_section_url(application, key: str) -> str:
    """Where "save and continue" leads from a part: the next part of the form the person may change (every
    part in a draft; under a completion request only those it names), skipping parts written on their own
    pages (the maturity self-assessment); check-your-answers after the last."""
    allowed = application.changeable_parts()
    sections = application.sections()
    keys = [section.key for section in sections]
    following = sections[keys.index(key) + 1 :] if key in keys else []
    for section in following:
        part = part_for(section)
        if (part is None or part.in_sequence) and (allowed is None or section.key in allowed):
            return section_url(application, section)
    return reverse("applications:check", args=[application.pk])


def section_title(application, key: str) -> str:
    section = application.section(key)
    return section.tr("title") if section is not None else key.replace("_", " ").capitalize()


def is_secret_answer(application, question) -> bool:
    return question.key in set(application.confidential_keys)


def application_context(application: Application) -> dict:
    """Everything in an application, part by part in the order of its form, for check-your-answers, the
    ministry's view and the PDF: the secrets marked, not left out (what the public sees is `public_view`)."""
    confidential = set(application.confidential_keys)
    by_section = {}
    for question in application.questions():
        value = application.answers.get(question.key)
        by_section.setdefault(question.section, []).append(
            {
                "question": question,
                "value": value,
                "display": answer_display(question, value),
                "confidential": question.key in confidential,
            }
        )
    sections, kinds = [], set()
    for section in application.sections():
        part = part_for(section)
        kinds.add(section.kind)
        sections.append(
            {
                "key": section.key,
                "kind": section.kind,
                "record": section,
                "title": section.tr("title"),
                "intro": section.tr("intro"),
                "required": section.required,
                "rows": by_section.get(section.key, []) if part is None else [],
                "template": part.summary_template if part else "",
                "pdf_template": part.summary_template.replace("/summary/", "/pdf/parts/") if part else "",
                "url": section_url(application, section),
            }
        )
    context = {
        "application": application,
        "call": application.call,
        "sections": sections,
        "now": clock.now(),
        "Status": Status,
        "secret_rows": [row for rows in by_section.values() for row in rows if row["confidential"]],
    }
    if "budget" in kinds:
        lines = list(application.budget_lines.all())
        categories = {c.key: c for c in application.call.cost_categories.all()}
        context["budget_lines"] = [
            {"line": line, "category": categories.get(line.category)} for line in lines
        ]
        context["budget"] = budget_summary(application, lines)
    if "indicators" in kinds:
        context["indicators"] = list(application.indicators.all())
    if "contacts" in kinds:
        context["contacts"] = list(application.contacts.all())
    context["participants"] = application.participant_rows()
    context["partners"] = application.partners()
    if "attachments" in kinds or "confidentiality" in kinds:
        context["attachments"] = list(application.attachments.all())
    else:
        context["attachments"] = []
    context["assessment"] = application.maturity_assessment() if "maturity" in kinds else None
    return context


@dataclass
class PublicView:
    """What anyone may read of an application: no answer or attachment marked as a business secret, no
    personal data of contact people beyond what the programme publishes."""

    pk: int
    title: str
    summary: str
    case_number: str | None
    status: str
    call: object
    lead: object
    partners: list = field(default_factory=list)
    answers: list = field(default_factory=list)  # [{"question", "display"}] of the answers that are public
    attachments: list = field(default_factory=list)
    requested_amount: object = None
    source: object = field(default=None, repr=False, compare=False)

    # Read only when a page shows them (lists prefetch `indicators` and `contacts`).
    @property
    def indicators(self) -> list[dict]:
        """What changes: each goal's indicator with its baseline and target (how it is followed up stays with
        the ministry)."""
        if self.source is None:
            return []
        return [
            {"name": i.name, "baseline": i.baseline, "target": i.target} for i in self.source.indicators.all()
        ]

    @property
    def contact(self) -> dict | None:
        """The project's contact as the programme publishes it: the first contact person's name and title,
        never an email address or a phone number."""
        first = next(iter(self.source.contacts.all()), None) if self.source is not None else None
        return {"name": first.name, "title": first.title} if first is not None else None


# The answers that name and describe an application in lists of projects (similar projects, summaries).
NAMING_KEYS = ("project_name", "title", "summary")


def listable(confidential_keys) -> bool:
    """May the application be named in public lists at all? Not when its name or summary is a secret."""
    return not set(confidential_keys or []) & set(NAMING_KEYS)


def public_view(application: Application, questions: list | None = None) -> PublicView:
    """What of an application is public: the one function that decides it. Answers marked as business
    secrets, attachments marked as secrets and answers that point to a secret attachment are left out; the
    name and summary too when they are marked. Lists of many applications pass the `questions` of their
    question set, loaded once for the page (otherwise `application.questions()`)."""
    questions = application.questions() if questions is None else questions
    confidential = set(application.confidential_keys)
    attachments = list(application.attachments.all())
    secret_attachments = {a.pk for a in attachments if a.confidential}

    def public(key):
        return key not in confidential

    def public_answer(question, value):
        return (
            public(question.key)
            and not question.answer_type.is_empty(value)
            and not question.answer_type.attachment_ids(value) & secret_attachments
        )

    title = application.title if public("project_name") and public("title") else ""
    answers = application.answers or {}
    return PublicView(
        pk=application.pk,
        title=title,
        summary=application.summary if public("summary") else "",
        case_number=application.case_number,
        status=application.status,
        call=application.call,
        lead=application.organisation,
        partners=[p.organisation for p in application.partners() if p.state != "declined"],
        answers=[
            {"question": q, "display": answer_display(q, answers.get(q.key))}
            for q in questions
            if public_answer(q, answers.get(q.key))
        ],
        attachments=[a for a in attachments if not a.confidential],
        requested_amount=application.requested_amount,
        source=application,
    )


def budget_summary(application, lines=None) -> dict:
    """The budget's totals: eligible costs, the amount applied for, the largest grant and own financing."""
    from .validation import max_grant_for

    lines = list(application.budget_lines.all()) if lines is None else lines
    total = eligible_total(lines)
    requested = application.requested_amount
    limit = max_grant_for(application.call, total)
    # Own financing is what the municipality pays itself: shown only when it is one (0 to 100 % of the eligible
    # costs). When more than the costs is applied for, there is none to show; the limit warning explains.
    own = (total - requested) if requested is not None and 0 <= requested <= total else None
    return {
        "eligible_total": total,
        "requested": requested,
        "own_financing": own,
        "own_share": (own / total * 100).quantize(CENT) if own is not None and total else None,
        "max_grant": limit,
        "within_limit": requested is None or requested <= limit,
        "share": (requested / total * 100).quantize(CENT) if requested and total else None,
    }
