"""Decisions on pages of other apps without their code importing this app: the decision in force on the
applicant's overview and dashboard (`{% load decisions %}`), and the decision text styled for a page."""

import re
from decimal import Decimal

from django import template
from django.utils.safestring import mark_safe

from kannustin.applications.models import DECIDED
from kannustin.core.i18n import current_language

from ..models import Decision

register = template.Library()


def _applications(collections):
    """Applications from the arguments: applications, lists of them, or the dashboard's groups (dicts whose
    "submitted" and "partnered" lists hold them)."""
    for item in collections:
        if item is None:
            continue
        if isinstance(item, dict):
            yield from _applications([item.get("submitted"), item.get("partnered")])
        elif hasattr(item, "_meta"):
            yield item
        else:
            yield from _applications(item)


@register.simple_tag
def sent_decisions(*collections) -> dict:
    """{% sent_decisions groups as decisions %}: the decision in force (the latest sent) of each decided
    application among them, by the application's id. One query for any number of applications; none when
    none is decided."""
    ids = {a.pk for a in _applications(collections) if a.status in DECIDED}
    if not ids:
        return {}
    found = {}
    for decision in (
        Decision.objects.filter(application_id__in=ids, state=Decision.State.SENT)
        .only("pk", "application_id", "outcome", "amount", "number", "sent_at")
        .order_by("application_id", "sent_at", "pk")
    ):
        found[decision.application_id] = decision  # the latest wins
    return found


@register.simple_tag
def decision_for(application, decisions=None):
    """{% decision_for application as decision %}: the decision in force on a decided application, or None
    (one query, only for a decided application); {% decision_for application decisions as decision %} looks
    it up in what `sent_decisions` found (no query)."""
    if application is None:
        return None
    if decisions is not None:
        return decisions.get(application.pk)
    return sent_decisions(application).get(application.pk)


def _bare(tag: str):
    """A tag without a class of its own."""
    return re.compile(rf"<{tag}(?![^>]*\bclass=)(?=[\s>])")


GOVUK_CLASSES = [
    (re.compile(r'<table class="[^"]*"'), '<table class="govuk-table"'),
    (re.compile(r'<td class="num"'), '<td class="govuk-table__cell govuk-table__cell--numeric"'),
    (_bare("h2"), '<h2 class="govuk-heading-m"'),
    (_bare("h3"), '<h3 class="govuk-heading-s"'),
    (_bare("p"), '<p class="govuk-body"'),
    (_bare("ul"), '<ul class="govuk-list govuk-list--bullet"'),
    (_bare("ol"), '<ol class="govuk-list govuk-list--number"'),
    (_bare("table"), '<table class="govuk-table"'),
    (_bare("caption"), '<caption class="govuk-table__caption govuk-table__caption--s"'),
    (_bare("tr"), '<tr class="govuk-table__row"'),
    (_bare("th"), '<th class="govuk-table__header"'),
    (_bare("td"), '<td class="govuk-table__cell"'),
]


@register.filter
def govuk_document(html):
    """The decision's text (documents.body_html: the template version, written by administrators) with the
    GOV.UK typography classes, for showing it on a page."""
    text = str(html or "")
    for pattern, replacement in GOVUK_CLASSES:
        text = pattern.sub(replacement, text)
    return mark_safe(text)  # noqa: S308 - the decision's own HTML, only classes added # nosec B308 B703


@register.filter
def share_percent(share):
    """0.850 → "85 %" (in English "85%"): a decision's largest share of the eligible costs."""
    if share in (None, ""):
        return ""
    value = (Decimal(share) * 100).normalize()
    text = f"{value:f}"
    if current_language() == "en":
        return f"{text}%"
    return f"{text.replace('.', ',')}\u00a0%"
