"""Track 2 around the proposals: expressions of interest, the workshop's registrations, tables and
presentations.

A proposal itself is an `applications.Application` on a call of stage `proposal`, so that it has the same
autosave, versions, deadline and receipt as any application; a joint application (stage 2) names the
proposals it grew from (`Application.proposals`) and its partners are `Participant` rows.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kannustin.core.i18n import TranslatedMixin


class Interest(models.Model):
    """Ilmoittautuminen / intresseanmälan: an organisation wants to join a proposal (as a partner or an
    observer), or is interested in a topic of the call in general."""

    class Kind(models.TextChoices):
        PARTNER = "partner", _("As a partner")
        OBSERVER = "observer", _("As an observer")

    call = models.ForeignKey(
        "programmes.Call", verbose_name=_("call"), on_delete=models.CASCADE, related_name="interests"
    )
    proposal = models.ForeignKey(
        "applications.Application", verbose_name=_("proposal"), null=True, blank=True, on_delete=models.CASCADE,
        related_name="interests",
    )  # fmt: skip
    topic = models.SlugField(_("topic"), max_length=60, blank=True)
    organisation = models.ForeignKey(
        "registry.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="interests",
    )
    kind = models.CharField(_("taking part"), max_length=16, choices=Kind.choices, default=Kind.PARTNER)
    note = models.TextField(_("note"), max_length=1000, blank=True)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    accepted_at = models.DateTimeField(_("accepted as a partner"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("expression of interest")
        verbose_name_plural = _("expressions of interest")
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "organisation"], condition=models.Q(proposal__isnull=False),
                name="one_interest_per_proposal",
            ),
            models.UniqueConstraint(
                fields=["call", "topic", "organisation"], condition=models.Q(proposal__isnull=True),
                name="one_interest_per_topic",
            ),
            models.CheckConstraint(
                condition=models.Q(proposal__isnull=False) | ~models.Q(topic=""), name="interest_has_a_subject"
            ),
        ]  # fmt: skip
        indexes = [models.Index(fields=["call", "topic"]), models.Index(fields=["organisation"])]

    def __str__(self):
        return f"{self.organisation} → {self.proposal_id or self.topic}"

    @property
    def is_accepted(self) -> bool:
        return self.accepted_at is not None


class WorkshopTable(TranslatedMixin, models.Model):
    """A table (theme) of the workshop: proposals seated together, built by officials from the suggested
    clusters of similar proposals."""

    workshop = models.ForeignKey("programmes.Workshop", on_delete=models.CASCADE, related_name="tables")
    number = models.PositiveSmallIntegerField(_("table"))
    title_fi = models.CharField(_("theme (fi)"), max_length=200)
    title_sv = models.CharField(_("theme (sv)"), max_length=200, blank=True)
    title_en = models.CharField(_("theme (en)"), max_length=200, blank=True)
    proposals = models.ManyToManyField(
        "applications.Application", verbose_name=_("proposals"), blank=True, related_name="workshop_tables"
    )

    class Meta:
        ordering = ["workshop", "number"]
        verbose_name = _("workshop table")
        verbose_name_plural = _("workshop tables")
        constraints = [models.UniqueConstraint(fields=["workshop", "number"], name="unique_workshop_table")]

    def __str__(self):
        return f"{self.number}. {self.title_fi}"


class Registration(models.Model):
    """A person registered for the workshop, on behalf of one of their organisations."""

    workshop = models.ForeignKey(
        "programmes.Workshop", on_delete=models.CASCADE, related_name="registrations"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey(
        "registry.Organisation", verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("email"))
    remote = models.BooleanField(_("takes part online"), default=False)
    dietary = models.CharField(_("dietary needs"), max_length=300, blank=True)
    accessibility = models.CharField(_("accessibility needs"), max_length=300, blank=True)
    listed = models.BooleanField(
        _("shown in the participant list"), default=False,
        help_text=_("Name, organisation and email shown to the other participants of the workshop."),
    )  # fmt: skip
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)

    class Meta:
        ordering = ["workshop", "organisation__name_fi", "name"]
        verbose_name = _("workshop registration")
        verbose_name_plural = _("workshop registrations")
        constraints = [
            models.UniqueConstraint(fields=["workshop", "user"], name="one_registration_per_person")
        ]

    def __str__(self):
        return f"{self.name} ({self.organisation})"


def presentation_path(instance, filename):
    # The stored name never comes from the user.
    return f"workshops/{instance.workshop_id}/{instance.sha256[:16]}.pdf"


class Presentation(TranslatedMixin, models.Model):
    """A presentation of the workshop (PDF), uploaded by officials and published with the others."""

    workshop = models.ForeignKey(
        "programmes.Workshop", on_delete=models.CASCADE, related_name="presentations"
    )
    title_fi = models.CharField(_("title (fi)"), max_length=200)
    title_sv = models.CharField(_("title (sv)"), max_length=200, blank=True)
    title_en = models.CharField(_("title (en)"), max_length=200, blank=True)
    file = models.FileField(_("file"), upload_to=presentation_path, max_length=300)
    size = models.PositiveIntegerField(_("size (bytes)"))
    sha256 = models.CharField(max_length=64)
    order = models.PositiveSmallIntegerField(default=0)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        ordering = ["workshop", "order", "id"]
        verbose_name = _("presentation")
        verbose_name_plural = _("presentations")

    def __str__(self):
        return self.title_fi
