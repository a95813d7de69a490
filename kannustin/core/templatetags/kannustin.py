"""Template helpers available in every template (registered as builtins in settings)."""

import markdown as markdown_lib
import nh3
from django import template
from django.utils.safestring import mark_safe

from kannustin.core import clock
from kannustin.core.i18n import current_language, translated
from kannustin.core.money import format_euros

register = template.Library()

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "a", "ul", "ol", "li", "h2", "h3", "h4", "blockquote", "code", "pre",
    "table", "thead", "tbody", "tr", "th", "td", "hr",
}  # fmt: skip
GOVUK_CLASSES = {
    "<p>": '<p class="govuk-body">',
    "<ul>": '<ul class="govuk-list govuk-list--bullet">',
    "<ol>": '<ol class="govuk-list govuk-list--number">',
    "<h2>": '<h2 class="govuk-heading-m">',
    "<h3>": '<h3 class="govuk-heading-s">',
    "<h4>": '<h4 class="govuk-heading-s">',
    "<table>": '<table class="govuk-table">',
    "<th>": '<th class="govuk-table__header">',
    "<td>": '<td class="govuk-table__cell">',
    "<tr>": '<tr class="govuk-table__row">',
    "<hr>": '<hr class="govuk-section-break govuk-section-break--m govuk-section-break--visible">',
}


@register.filter
def tr(obj, field):
    """{{ call|tr:"title" }} → the title in the current language (falls back to Finnish)."""
    if obj is None:
        return ""
    return translated(obj, field)


@register.filter
def euros(amount):
    return format_euros(amount, current_language())


@register.filter
def markdown(text):
    """Markdown written by administrators, sanitised, with GOV.UK typography classes."""
    if not text:
        return ""
    html = markdown_lib.markdown(text, extensions=["tables", "sane_lists"])
    html = nh3.clean(html, tags=ALLOWED_TAGS, attributes={"a": {"href", "title"}}, link_rel=None)
    for plain, styled in GOVUK_CLASSES.items():
        html = html.replace(plain, styled)
    html = html.replace("<a ", '<a class="govuk-link" ')
    return mark_safe(html)  # noqa: S308 - sanitised by nh3 above


@register.filter
def helsinki(moment):
    return clock.helsinki(moment) if moment else moment
