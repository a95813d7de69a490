"""Template helpers of the reports for other apps' pages (programmes must not import reports)."""

from django import template
from django.urls import reverse

register = template.Library()


@register.simple_tag
def published_summary_url(call) -> str:
    """The address of the call's published summary, or "" when none is published."""
    from kannustin.reports.models import PublishedSummary

    if call is None or not PublishedSummary.objects.filter(call=call).exists():
        return ""
    return reverse("reports:summary", args=[call.pk])
