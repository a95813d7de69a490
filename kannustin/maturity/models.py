"""A municipality's digitalisation maturity self-assessment for one call.

The ratings are stored as JSON keyed by the dimension keys of the call's maturity model:
`{"data": {"current": 2, "target": 4}, ...}`. The level never affects the size of the grant.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

SERVICE_PROCESS_MAX_LENGTH = 1000


class SelfAssessment(models.Model):
    organisation = models.ForeignKey(
        "registry.Organisation", verbose_name=_("organisation"), on_delete=models.PROTECT,
        related_name="maturity_assessments",
    )  # fmt: skip
    call = models.ForeignKey(
        "programmes.Call",
        verbose_name=_("call"),
        on_delete=models.PROTECT,
        related_name="maturity_assessments",
    )
    service_process = models.TextField(
        _("service process being renewed"), max_length=SERVICE_PROCESS_MAX_LENGTH, blank=True
    )
    ratings = models.JSONField(_("ratings"), default=dict, blank=True)
    # Optimistic concurrency: every save increments the version; a save based on an older version is refused.
    version = models.PositiveIntegerField(_("version"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("updated by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    created_at = models.DateTimeField(_("created"))
    updated_at = models.DateTimeField(_("updated"))
    frozen_at = models.DateTimeField(_("submitted with the application"), null=True, blank=True)
    # The id of the application this assessment was submitted with; an id, not a foreign key, so that this
    # app does not depend on the applications app.
    frozen_with = models.PositiveBigIntegerField(_("application"), null=True, blank=True)

    class Meta:
        ordering = ["call", "organisation"]
        verbose_name = _("maturity self-assessment")
        verbose_name_plural = _("maturity self-assessments")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "call"], name="unique_self_assessment"),
        ]

    def __str__(self):
        return f"{self.organisation} – {self.call}"

    @property
    def is_frozen(self) -> bool:
        return self.frozen_at is not None

    def rating(self, key: str) -> dict:
        value = (self.ratings or {}).get(key)
        return value if isinstance(value, dict) else {}
