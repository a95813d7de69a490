"""Allocation scenarios, decisions and their documents, and requests for rectification.

A call's officials draw allocation scenarios against the track's share of the appropriation, compare them and
choose one as the decision proposal. From it each application gets a `Decision`: drafted by an official,
presented by a presenter (esittelijä), signed by a different decision-maker (ratkaisija), and sent in one batch.
A granted decision records the terms that payments and reports will need. A request for rectification
(oikaisuvaatimus) leads to a new decision that names the one it reconsiders.
"""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kannustin.core.money import MoneyField


class Scenario(models.Model):
    class Method(models.TextChoices):
        RANK = "rank", _("Rank order at the requested amounts")
        OPTIMISER = "optimiser", _("Optimiser: the highest total score within the budget")
        MANUAL = "manual", _("Manual amounts")

    call = models.ForeignKey(
        "programmes.Call", verbose_name=_("call"), on_delete=models.CASCADE, related_name="scenarios"
    )
    name = models.CharField(_("name"), max_length=200)
    method = models.CharField(_("method"), max_length=16, choices=Method.choices)
    budget = MoneyField(_("budget (€)"))
    allow_partial = models.BooleanField(
        _("partial funding allowed"), default=False,
        help_text=_("The optimiser may grant less than the maximum, down to the minimum share."),
    )  # fmt: skip
    min_share = models.DecimalField(
        _("smallest share of the maximum when funded partially"), max_digits=4, decimal_places=3,
        default=Decimal("0.500"),
    )  # fmt: skip
    objective = models.DecimalField(
        _("total score of the funded"), max_digits=14, decimal_places=3, default=0
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    chosen_at = models.DateTimeField(_("chosen as the decision proposal"), null=True, blank=True)
    chosen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    choice_reason = models.TextField(_("reason for the choice"), blank=True)

    class Meta:
        ordering = ["call", "-created_at", "-id"]
        verbose_name = _("allocation scenario")
        verbose_name_plural = _("allocation scenarios")
        constraints = [
            models.UniqueConstraint(
                fields=["call"],
                condition=models.Q(chosen_at__isnull=False),
                name="one_chosen_scenario_per_call",
            )
        ]

    def __str__(self):
        return self.name


class ScenarioLine(models.Model):
    """One application in a scenario: its rank and score when the scenario was drawn, the limits of its grant
    and the amount the scenario gives it (0: not funded)."""

    scenario = models.ForeignKey(Scenario, on_delete=models.CASCADE, related_name="lines")
    application = models.ForeignKey("applications.Application", on_delete=models.CASCADE, related_name="+")
    rank = models.PositiveIntegerField(_("rank"))
    score = models.DecimalField(_("score"), max_digits=6, decimal_places=3, null=True, blank=True)
    requested = MoneyField(_("requested (€)"))
    eligible_costs = MoneyField(_("eligible costs (€)"))
    maximum = MoneyField(_("largest possible grant (€)"))
    amount = MoneyField(_("amount (€)"), default=Decimal("0.00"))
    override_reason = models.TextField(_("reason for the change"), blank=True)
    overridden_at = models.DateTimeField(_("changed"), null=True, blank=True)
    overridden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["scenario", "rank", "id"]
        verbose_name = _("scenario line")
        verbose_name_plural = _("scenario lines")
        constraints = [
            models.UniqueConstraint(fields=["scenario", "application"], name="unique_scenario_line")
        ]

    def __str__(self):
        return f"{self.scenario_id}: {self.application_id} {self.amount}"

    @property
    def funded(self) -> bool:
        return self.amount > 0


class DecisionTemplate(models.Model):
    """The editable text of a decision of one kind in one language. Editing makes a new version; a decision
    names the version it was made with, so what was sent can always be made again."""

    class Kind(models.TextChoices):
        GRANT = "grant", _("Grant")
        REJECTION = "rejection", _("Rejection")
        RECTIFICATION = "rectification", _("Decision on a request for rectification")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    language = models.CharField(
        _("language"), max_length=2, choices=[("fi", _("Finnish")), ("sv", _("Swedish"))]
    )
    version = models.PositiveIntegerField(_("version"), default=1)
    body = models.TextField(
        _("text (HTML with template variables)"),
        help_text=_("Variables such as {{ amount }}, {{ recipient }} and {{ period_ends }}: see docs/decisions.md."),
    )  # fmt: skip
    note = models.CharField(_("what changed"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["kind", "language", "-version"]
        verbose_name = _("decision template")
        verbose_name_plural = _("decision templates")
        constraints = [
            models.UniqueConstraint(fields=["kind", "language", "version"], name="unique_template_version")
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.language}) v{self.version}"

    @classmethod
    def current(cls, kind: str, language: str) -> "DecisionTemplate":
        return cls.objects.filter(kind=kind, language=language).order_by("-version").first()


class Decision(models.Model):
    class Outcome(models.TextChoices):
        GRANTED = "granted", _("Granted")
        REJECTED = "rejected", _("Rejected")

    class State(models.TextChoices):
        DRAFT = "draft", _("Drafted")
        PRESENTED = "presented", _("Presented")
        SIGNED = "signed", _("Signed")
        SENT = "sent", _("Sent")

    application = models.ForeignKey(
        "applications.Application", verbose_name=_("application"), on_delete=models.PROTECT,
        related_name="decisions",
    )  # fmt: skip
    scenario = models.ForeignKey(
        Scenario, null=True, blank=True, on_delete=models.SET_NULL, related_name="decisions"
    )
    outcome = models.CharField(_("outcome"), max_length=16, choices=Outcome.choices)
    state = models.CharField(
        _("state"), max_length=16, choices=State.choices, default=State.DRAFT, db_index=True
    )
    language = models.CharField(_("language"), max_length=2, default="fi")
    number = models.CharField(_("decision number"), max_length=40, unique=True, null=True, blank=True)
    # The terms of a grant, which payments and reports will rely on.
    amount = MoneyField(_("granted at most (€)"), null=True, blank=True)
    max_share = models.DecimalField(
        _("largest share of eligible costs"), max_digits=4, decimal_places=3, null=True, blank=True
    )
    eligible_costs = MoneyField(_("eligible costs (€)"), null=True, blank=True)
    costs_by_category = models.JSONField(_("eligible costs by category"), default=dict, blank=True)
    period_starts = models.DateField(_("period of use starts"), null=True, blank=True)
    period_ends = models.DateField(_("period of use ends"), null=True, blank=True)
    report_due = models.DateField(_("final report due"), null=True, blank=True)
    conditions = models.TextField(_("further conditions"), blank=True)
    reasons = models.TextField(_("reasons"), blank=True)
    template = models.ForeignKey(DecisionTemplate, on_delete=models.PROTECT, related_name="decisions")
    created_at = models.DateTimeField(_("drafted"), auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    presenter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("presenter"),
    )  # fmt: skip
    presented_at = models.DateTimeField(_("presented"), null=True, blank=True)
    decision_maker = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("decision-maker"),
    )  # fmt: skip
    signed_at = models.DateTimeField(_("signed"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    # When the recipients were told (`tasks.deliver_decision`); the scheduler finds sent decisions that a worker
    # which died never delivered.
    delivered_at = models.DateTimeField(_("recipients told"), null=True, blank=True)
    pdf = models.FileField(_("decision (PDF)"), upload_to="decisions/%Y/", blank=True)
    # A decision on a request for rectification names the request it answers (and so the decision it
    # reconsiders); it carries appeal instructions to the administrative court.
    rectification = models.OneToOneField(
        "RectificationRequest", null=True, blank=True, on_delete=models.PROTECT, related_name="new_decision"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        indexes = [models.Index(fields=["application", "state"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(decision_maker__isnull=True)
                | models.Q(presenter__isnull=True)
                | ~models.Q(decision_maker=models.F("presenter")),
                name="presenter_is_not_decision_maker",
            ),
            models.CheckConstraint(
                condition=~models.Q(outcome="granted") | models.Q(amount__gt=0), name="granted_has_amount"
            ),
        ]

    def __str__(self):
        return self.number or f"{self.application} ({self.get_outcome_display()})"

    @property
    def is_granted(self) -> bool:
        return self.outcome == self.Outcome.GRANTED

    @property
    def is_sent(self) -> bool:
        return self.state == self.State.SENT


class RectificationRequest(models.Model):
    class State(models.TextChoices):
        FILED = "filed", _("Waiting for handling")
        HANDLED = "handled", _("Decided")

    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="rectification_requests")
    text = models.TextField(_("what should change, and why"))
    filed_at = models.DateTimeField(_("filed"), auto_now_add=True)
    filed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    state = models.CharField(_("state"), max_length=16, choices=State.choices, default=State.FILED)
    handled_at = models.DateTimeField(_("handled"), null=True, blank=True)

    class Meta:
        ordering = ["-filed_at", "-id"]
        verbose_name = _("request for rectification")
        verbose_name_plural = _("requests for rectification")

    def __str__(self):
        return f"{self.decision} {self.filed_at:%Y-%m-%d}"
