"""Template helpers available in every template (registered as builtins in settings)."""

import markdown as markdown_lib
import nh3
from django import template
from django.http import QueryDict
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from kannustin.core import clock, forms
from kannustin.core.formats import format_date, format_datetime, format_time
from kannustin.core.i18n import current_language, in_language, translated
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
def date_text(value):
    """{{ call.closes_at|date_text }} → 1.3.2027 (1 March 2027 in English); see kannustin.core.formats."""
    return format_date(value)


@register.filter
def time_text(value):
    """{{ call.closes_at|time_text }} → 16.15 (16:15 in English), in Finnish time."""
    return format_time(value)


@register.filter
def datetime_text(value, seconds=""):
    """{{ at|datetime_text }} → 1.3.2027 klo 16.15 / kl. 16.15 / 1 March 2027 at 16:15, in Finnish time;
    {{ at|datetime_text:"seconds" }} adds the seconds (submission times)."""
    return format_datetime(value, seconds=seconds == "seconds")


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
    return mark_safe(html)  # noqa: S308 - sanitised by nh3 above # nosec B308 B703


@register.filter
def helsinki(moment):
    return clock.helsinki(moment) if moment else moment


@register.filter
def error_anchor(bound_field):
    """{{ field|error_anchor }} → the id an error summary links to (see kannustin.core.forms.error_anchor)."""
    return forms.error_anchor(bound_field)


def _has_errors(form) -> bool:
    if not form or not getattr(form, "is_bound", False):
        return False
    if hasattr(form, "total_error_count"):  # a formset
        return form.total_error_count() > 0
    return bool(form.errors)


@register.simple_tag
def error_title_prefix(*forms):
    """{% error_title_prefix form other_form %} → "Error: " when any of the forms or formsets has errors
    (the page <title> prefix, see templates/base.html)."""
    if any(_has_errors(form) for form in forms):
        return format_html("{} ", _("Error:"))
    return ""


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """{% query_with page=2 %} → "?…&page=2": the current query string with some parameters replaced."""
    request = context.get("request")
    query = request.GET.copy() if request is not None else QueryDict(mutable=True)
    for key, value in changes.items():
        if value is None or value == "":
            query.pop(key, None)
        else:
            query[key] = value
    return f"?{query.urlencode()}" if query else "?"


@register.filter
def page_range(paginator, number):
    """{% for n in page.paginator|page_range:page.number %}: page numbers around the current one, with None
    where GOV.UK pagination shows an ellipsis."""
    return [
        None if n == paginator.ELLIPSIS else n
        for n in paginator.get_elided_page_range(number, on_each_side=1, on_ends=1)
    ]


@register.simple_tag(takes_context=True)
def can(context, action, obj=None):
    """The one permission question in templates: {% can "withdraw" application as may_withdraw %}."""
    from kannustin.core.permissions import can as ask

    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    return bool(user is not None and ask(user, action, obj))


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """On a page whose address names its language (/sv/faq/): `<link rel="alternate" hreflang>` to the same
    page in each language, so search engines and sharers find the others. Nothing on the other pages."""
    request = context.get("request")
    if request is None or getattr(request, "resolver_match", None) is None:
        return ""
    from django.conf import settings
    from django.utils import translation

    if translation.get_language_from_path(request.path_info) is None:
        return ""
    path = request.get_full_path()
    links = [
        format_html(
            '<link rel="alternate" hreflang="{}" href="{}">',
            code,
            request.build_absolute_uri(in_language(path, code)),
        )
        for code, _name in settings.LANGUAGES
    ]
    return mark_safe("\n  ".join(links))  # noqa: S308 — every part escaped by format_html
