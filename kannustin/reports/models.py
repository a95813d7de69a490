"""Published reports: each version of a call's summary, kept as it was published."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PublishedSummary(models.Model):
    """One published version of a call's summary: the figures (`reports.summaries.figures`) as they were."""

    call = models.ForeignKey(
        "programmes.Call",
        verbose_name=_("call"),
        on_delete=models.CASCADE,
        related_name="published_summaries",
    )
    version = models.PositiveIntegerField(_("version"))
    published_at = models.DateTimeField(_("published"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("published by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    data = models.JSONField(_("figures"))

    class Meta:
        ordering = ["call", "-version"]
        verbose_name = _("published summary")
        verbose_name_plural = _("published summaries")
        constraints = [
            models.UniqueConstraint(fields=["call", "version"], name="unique_summary_version"),
        ]

    def __str__(self):
        return f"{self.call} v{self.version}"
