"""The decision as a document: its text from the template version it names, in its language, as PDF."""

from django.template import Context, Template
from django.utils import translation

from kannustin.core import clock
from kannustin.core.formats import format_date
from kannustin.core.money import format_euros
from kannustin.core.pdf import render_pdf

from .models import Decision


def _percent(share) -> str:
    value = (share * 100).normalize()
    text = f"{value:f}".replace(".", ",")
    return f"{text}\u00a0%"


def body_context(decision: Decision) -> dict:
    application = decision.application
    call = application.call
    language = decision.language
    names = {c.key: c.tr("name", language) for c in call.cost_categories.all()}
    partners = [p.organisation.tr("name", language) for p in application.partners() if p.state != "declined"]
    context = {
        "recipient": application.organisation.tr("name", language),
        "recipient_id": application.organisation.identifier,
        "partners": partners,
        "project": application.title,
        "case_number": application.case_number,
        "requested": format_euros(application.requested_amount, language),
        "granted": decision.is_granted,
        "amount": format_euros(decision.amount, language) if decision.amount else "",
        "max_share": _percent(decision.max_share) if decision.max_share is not None else "",
        "eligible_costs": format_euros(decision.eligible_costs, language)
        if decision.eligible_costs is not None
        else "",
        "costs": [
            {"name": names.get(key, key), "amount": format_euros(amount, language)}
            for key, amount in decision.costs_by_category.items()
        ],
        "period_starts": format_date(decision.period_starts, language) if decision.period_starts else "",
        "period_ends": format_date(decision.period_ends, language) if decision.period_ends else "",
        "report_due": format_date(decision.report_due, language) if decision.report_due else "",
        "conditions": decision.conditions,
        "reasons": decision.reasons,
        "legal_basis": call.programme.tr("legal_basis", language),
    }
    if decision.rectification_id:
        request = decision.rectification
        original = request.decision
        context.update(
            {
                "request_filed": format_date(clock.helsinki(request.filed_at).date(), language),
                "request_text": request.text,
                "original_number": original.number,
                "original_date": format_date(clock.helsinki(original.signed_at).date(), language)
                if original.signed_at
                else "",
                "original_granted": original.is_granted,
            }
        )
    return context


def body_html(decision: Decision) -> str:
    """The decision's text from the template version it names (administrators write them). The template
    engine escapes every value it inserts and returns safe text."""
    with translation.override(decision.language):
        return Template(decision.template.body).render(Context(body_context(decision)))


def pdf_context(decision: Decision) -> dict:
    signed = clock.helsinki(decision.signed_at).date() if decision.signed_at else None
    return {
        "decision": decision,
        "application": decision.application,
        "body": body_html(decision),
        "signed_on": signed,
        "draft": decision.state in {Decision.State.DRAFT, Decision.State.PRESENTED},
        "recipients": [decision.application.organisation]
        + [p.organisation for p in decision.application.partners() if p.state != "declined"],
    }


def decision_pdf(decision: Decision) -> bytes:
    return render_pdf("decisions/pdf/decision.html", pdf_context(decision), decision.language)


def filename(decision: Decision) -> str:
    return f"{(decision.number or f'decision-{decision.pk}').replace('/', '-')}.pdf"
