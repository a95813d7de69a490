"""Reviews: who reviews which application, their disqualification declarations, their scores, and each
application's score computed from the complete reviews.

A `Review` is one reviewer's work on one application, from assignment to a submitted review. Before seeing
the application the reviewer declares whether they are disqualified (Administrative Procedure Act 434/2003
§§ 27–28); a disqualified reviewer's row is kept with the declaration and the application gets another
reviewer. `ApplicationScore` is the application's result, recomputed whenever a review is submitted, so lists
filter and sort by it in SQL.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Tie(models.Model):
    """A reviewer's known tie to an organisation: automatic assignment never gives them an application in
    which that organisation takes part, and manual assignment refuses it."""

    class Kind(models.TextChoices):
        HOME = "home", _("Home municipality")
        EMPLOYER = "employer", _("Employer")
        BOARD = "board", _("Member of a governing body")
        OTHER = "other", _("Other tie")

    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reviewer"), on_delete=models.CASCADE, related_name="ties"
    )
    organisation = models.ForeignKey(
        "registry.Organisation", verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("tie"), max_length=16, choices=Kind.choices)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("reviewer's tie")
        verbose_name_plural = _("reviewers' ties")
        constraints = [
            models.UniqueConstraint(fields=["reviewer", "organisation"], name="unique_reviewer_tie")
        ]

    def __str__(self):
        return f"{self.reviewer} – {self.organisation} ({self.kind})"


class Ground(models.TextChoices):
    """Grounds for disqualification, Administrative Procedure Act 434/2003 § 28 (1), points 1–7."""

    PARTY = "party", _("I, or a person close to me, am a party (§ 28.1.1)")
    REPRESENTATIVE = "representative", _("I, or a person close to me, assist or represent a party (§ 28.1.2)")
    BENEFIT = (
        "benefit",
        _("The decision may bring special benefit or harm to me or a person close to me (§ 28.1.3)"),
    )
    EMPLOYMENT = "employment", _("I am employed by a party, or work for it on commission (§ 28.1.4)")
    BOARD = "board", _("I, or a person close to me, sit on a governing body of a party or lead it (§ 28.1.5)")
    AGENCY = "agency", _("I sit on the board of an agency that steers the matter (§ 28.1.6)")
    OTHER = "other", _("Another special reason endangers confidence in my impartiality (§ 28.1.7)")


class ReviewQuerySet(models.QuerySet):
    def active(self):
        """The reviews that count towards the application's reviewers: all but the disqualified."""
        return self.exclude(state=Review.State.DISQUALIFIED)


class Review(models.Model):
    class State(models.TextChoices):
        ASSIGNED = "assigned", _("Waiting for the declaration")
        DISQUALIFIED = "disqualified", _("Disqualified")
        IN_PROGRESS = "in_progress", _("Being scored")
        SUBMITTED = "submitted", _("Submitted")

    application = models.ForeignKey(
        "applications.Application", verbose_name=_("application"), on_delete=models.CASCADE,
        related_name="reviews",
    )  # fmt: skip
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reviewer"), on_delete=models.PROTECT, related_name="reviews"
    )
    state = models.CharField(_("state"), max_length=16, choices=State.choices, default=State.ASSIGNED)
    automatic = models.BooleanField(_("assigned automatically"), default=False)
    assigned_at = models.DateTimeField(_("assigned"), auto_now_add=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The declaration (esteellisyysilmoitus), kept whatever it says.
    declared_at = models.DateTimeField(_("declared"), null=True, blank=True)
    ground = models.CharField(_("ground"), max_length=16, choices=Ground.choices, blank=True)
    explanation = models.TextField(_("explanation"), blank=True)
    replaced_by = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("replaced by"),
    )  # fmt: skip
    # {criterion code: {"score": int, "justification": str}}
    scores = models.JSONField(_("scores"), default=dict, blank=True)
    comment = models.TextField(_("overall comment"), blank=True)
    version = models.PositiveIntegerField(_("version"), default=1)
    saved_at = models.DateTimeField(_("saved"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)

    objects = ReviewQuerySet.as_manager()

    class Meta:
        ordering = ["application", "assigned_at", "id"]
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        constraints = [models.UniqueConstraint(fields=["application", "reviewer"], name="unique_review")]
        indexes = [models.Index(fields=["reviewer", "state"]), models.Index(fields=["application", "state"])]

    def __str__(self):
        return f"{self.application_id} – {self.reviewer}"

    @property
    def is_disqualified(self) -> bool:
        return self.state == self.State.DISQUALIFIED

    @property
    def is_submitted(self) -> bool:
        return self.state == self.State.SUBMITTED

    def score_of(self, code: str):
        return (self.scores.get(code) or {}).get("score")

    def justification_of(self, code: str) -> str:
        return (self.scores.get(code) or {}).get("justification", "")


class ApplicationScore(models.Model):
    """The application's score: the weighted mean over the scored criteria of the reviewers' means, from the
    complete (submitted) reviews only; recomputed by `services.refresh_score`. Never from the maturity
    assessment."""

    application = models.OneToOneField(
        "applications.Application", on_delete=models.CASCADE, related_name="score", primary_key=True
    )
    score = models.DecimalField(_("score"), max_digits=6, decimal_places=3, null=True, blank=True)
    reviewers = models.PositiveSmallIntegerField(_("reviewers"), default=0)
    complete = models.PositiveSmallIntegerField(_("complete reviews"), default=0)
    # {criterion code: mean as a string}, and the codes whose reviewers' scores differ by 2 or more.
    means = models.JSONField(_("means per criterion"), default=dict, blank=True)
    flagged = models.JSONField(_("criteria with differing scores"), default=list, blank=True)
    has_flags = models.BooleanField(_("reviewers differ"), default=False, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("application's score")
        verbose_name_plural = _("applications' scores")

    def __str__(self):
        return f"{self.application_id}: {self.score}"
