"""Applications: a draft written against one version of the call's question set, its structured parts
(budget, indicators, contacts, co-applicants, attachments), every saved version, submission with a case
number, completion requests and withdrawal.

Later stages (reviews, decisions, payments) read these models; they add their own states in their own apps.
"""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kannustin.core.money import CENT, MoneyField
from kannustin.programmes.models import form_definition


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    COMPLETION_REQUESTED = "completion_requested", _("Completion requested")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    # Set when the decision is sent (decisions app): from then on nothing of the application changes.
    GRANTED = "granted", _("Granted")
    REJECTED = "rejected", _("Rejected")


DECIDED = (Status.GRANTED, Status.REJECTED)


class ApplicationQuerySet(models.QuerySet):
    def submitted(self):
        return self.exclude(status__in=[Status.DRAFT])

    def for_list(self):
        return self.select_related("call", "call__programme", "call__track", "organisation")


class Application(models.Model):
    call = models.ForeignKey(
        "programmes.Call", verbose_name=_("call"), on_delete=models.PROTECT, related_name="applications"
    )
    question_set = models.ForeignKey(
        "programmes.QuestionSet",
        verbose_name=_("question set version"),
        on_delete=models.PROTECT,
        related_name="applications",
    )
    # The lead participant's organisation, kept on the row (by `actions` only) for lists and indexes; who takes
    # part, in which role, is in `participants`.
    organisation = models.ForeignKey(
        "registry.Organisation", verbose_name=_("applicant"), on_delete=models.PROTECT, related_name="applications",
        help_text=_("The lead organisation (the project administrator in joint projects)."),
    )  # fmt: skip
    status = models.CharField(
        _("status"), max_length=32, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    language = models.CharField(_("language of the application"), max_length=2, default="fi")
    version = models.PositiveIntegerField(_("version"), default=1)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    confidential_keys = models.JSONField(
        _("answers marked as business secrets"), default=list, blank=True,
        help_text=_("Question keys whose answers are left out of public views and exports."),
    )  # fmt: skip
    requested_amount = MoneyField(_("requested amount (€)"), null=True, blank=True)
    participants_confirmed = models.BooleanField(
        _("participants confirmed"), default=False,
        help_text=_("The applicant has confirmed the list of participants, or that it applies alone."),
    )  # fmt: skip

    case_number = models.CharField(_("case number"), max_length=40, unique=True, null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(_("saved"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    withdrawal_reason = models.TextField(_("reason for withdrawal"), blank=True)
    receipt_pdf = models.FileField(_("PDF copy"), upload_to="receipts/%Y/", blank=True)
    # A joint application (track 2, stage 2) grows from one or more proposals of stage 1.
    proposals = models.ManyToManyField(
        "self", verbose_name=_("grown from proposals"), symmetrical=False, blank=True,
        related_name="joint_applications",
    )  # fmt: skip

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "-id"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        indexes = [models.Index(fields=["call", "status"]), models.Index(fields=["organisation", "status"])]

    def __str__(self):
        return self.case_number or f"{self.title or _('Untitled application')} ({self.organisation})"

    @property
    def title(self) -> str:
        if "list_title" in self.__dict__:  # lists annotate the title instead of loading every answer
            return self.list_title or ""
        return self.answers.get("project_name") or self.answers.get("title") or ""

    @property
    def summary(self) -> str:
        return self.answers.get("summary") or ""

    @property
    def is_editable(self) -> bool:
        """In a state whose content may change (a draft, or under a completion request). Whether it may change
        now also depends on the clock: see `editing_refusal`."""
        return self.status in {Status.DRAFT, Status.COMPLETION_REQUESTED}

    def participant_rows(self) -> list["Participant"]:
        """Who takes part, lead first, with their organisations; loaded once per request."""
        if not hasattr(self, "_participants"):
            self._participants = list(
                self.participants.select_related("organisation").order_by("order", "pk")
            )
        return self._participants

    def partners(self) -> list["Participant"]:
        return [p for p in self.participant_rows() if not p.is_lead]

    def open_completion_request(self):
        """The completion request the applicant is answering now (None outside one); loaded once per request."""
        if self.status != Status.COMPLETION_REQUESTED:
            return None
        if not hasattr(self, "_open_request"):
            self._open_request = (
                self.completion_requests.filter(state=CompletionRequest.State.OPEN)
                .order_by("-created_at")
                .first()
            )
        return self._open_request

    def editing_refusal(self, at=None) -> str | None:
        """None while the content may change; otherwise why not, as a stable code: a draft may change while
        its call is open, a submitted application only under a completion request and before its due time."""
        from kannustin.core import clock

        at = at or clock.now()
        if self.status == Status.DRAFT:
            return None if clock.is_open(self.call.opens_at, self.call.closes_at, at) else "call_closed"
        if self.status == Status.COMPLETION_REQUESTED:
            request = self.open_completion_request()
            if request is None or at >= request.due_at:
                return "completion_overdue"
            return None
        if self.status in DECIDED:
            return "decided"
        return "withdrawn" if self.status == Status.WITHDRAWN else "submitted"

    def changeable_parts(self) -> set[str] | None:
        """None means every part; under a completion request only the parts it names."""
        if self.status == Status.DRAFT:
            return None
        request = self.open_completion_request()
        return set(request.sections) if request else set()

    @property
    def is_submitted(self) -> bool:
        return self.status not in {Status.DRAFT}

    def questions(self) -> list:
        """The questions this application was written against (`programmes.models.form_definition`)."""
        return form_definition(self.question_set)[1]

    def sections(self) -> list:
        """The parts of its form, in order (programmes.Section records; `form_definition`)."""
        return form_definition(self.question_set)[0]

    def section(self, key: str):
        return next((section for section in self.sections() if section.key == key), None)

    def maturity_assessment(self):
        """The organisation's self-assessment for this call (None without one), loaded once per request."""
        if not hasattr(self, "_assessment"):
            from kannustin.maturity.services import get_assessment

            self._assessment = (
                get_assessment(self.organisation, self.call) if self.call.maturity_model_id else None
            )
            if self._assessment is not None:
                self._assessment.call = self.call
                self._assessment.organisation = self.organisation
        return self._assessment


class Participant(models.Model):
    """An organisation taking part in an application: the lead (in joint projects the project administrator,
    hankehallinnoija, who receives the grant and passes it on), or a partner. A partner confirms its own
    participation through one of its own signatories; until then it is only named."""

    class Role(models.TextChoices):
        LEAD = "lead", _("Lead applicant")
        ADMINISTRATOR = "administrator", _("Project administrator")
        PARTNER = "partner", _("Partner")

    LEAD_ROLES = (Role.LEAD, Role.ADMINISTRATOR)

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="participants")
    organisation = models.ForeignKey(
        "registry.Organisation", verbose_name=_("organisation"), on_delete=models.PROTECT,
        related_name="participations",
    )  # fmt: skip
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.PARTNER)
    order = models.PositiveSmallIntegerField(default=0)
    budget_share = MoneyField(_("share of the budget (€)"), null=True, blank=True)
    added_at = models.DateTimeField(_("added"), auto_now_add=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    confirmed_at = models.DateTimeField(_("participation confirmed"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    declined_at = models.DateTimeField(_("participation declined"), null=True, blank=True)
    declined_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["application", "order", "id"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.UniqueConstraint(fields=["application", "organisation"], name="unique_participant"),
            models.UniqueConstraint(
                fields=["application"], condition=models.Q(role__in=["lead", "administrator"]),
                name="one_lead_per_application",
            ),
        ]  # fmt: skip
        indexes = [models.Index(fields=["organisation", "role"])]

    def __str__(self):
        return f"{self.organisation} ({self.role})"

    @property
    def is_lead(self) -> bool:
        return self.role in self.LEAD_ROLES

    @property
    def state(self) -> str:
        """'confirmed', 'declined' or 'waiting' (for the lead: always confirmed)."""
        if self.declined_at:
            return "declined"
        return "confirmed" if self.confirmed_at or self.is_lead else "waiting"


class BudgetLine(models.Model):
    """An eligible cost, VAT excluded, by the call's cost category and year."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="budget_lines")
    category = models.SlugField(_("cost category"), max_length=40)
    year = models.PositiveSmallIntegerField(_("year"))
    description = models.CharField(_("description"), max_length=300, blank=True)
    amount = MoneyField(_("amount (€, VAT excluded)"))
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["application", "order", "id"]
        verbose_name = _("budget line")
        verbose_name_plural = _("budget")

    def __str__(self):
        return f"{self.category} {self.year} {self.amount}"


class Indicator(models.Model):
    """A goal's indicator: baseline, target and how it is followed up (used again in reporting)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="indicators")
    order = models.PositiveSmallIntegerField(default=0)
    name = models.CharField(_("indicator"), max_length=300)
    baseline = models.CharField(_("baseline"), max_length=300)
    target = models.CharField(_("target"), max_length=300)
    follow_up = models.CharField(_("how it is followed up"), max_length=500)

    class Meta:
        ordering = ["application", "order", "id"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self):
        return self.name


class ContactPerson(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="contacts")
    order = models.PositiveSmallIntegerField(default=0)
    name = models.CharField(_("name"), max_length=150)
    title = models.CharField(_("title"), max_length=150, blank=True)
    email = models.EmailField(_("email"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    role = models.CharField(_("role in the project"), max_length=150, blank=True)

    class Meta:
        ordering = ["application", "order", "id"]
        verbose_name = _("contact person")
        verbose_name_plural = _("contact people")

    def __str__(self):
        return f"{self.name} <{self.email}>"


def attachment_path(instance, filename):
    # The stored name never comes from the user.
    return f"attachments/{instance.application_id}/{instance.sha256[:16]}-{instance.pk or 'new'}"


class Attachment(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=300)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("type"), max_length=100)
    kind = models.CharField(_("format"), max_length=10)
    size = models.PositiveIntegerField(_("size (bytes)"))
    sha256 = models.CharField(max_length=64)
    description = models.CharField(_("description"), max_length=300, blank=True)
    # Which required document of the form this file is (e.g. "agreement"; `parts.DOCUMENTS`), or empty.
    document = models.CharField(_("document"), max_length=40, blank=True)
    confidential = models.BooleanField(_("contains business secrets"), default=False)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        ordering = ["application", "uploaded_at", "id"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.original_name


class ApplicationVersion(models.Model):
    """Every saved state of an application, kept: what was saved, by whom, when."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="versions")
    version = models.PositiveIntegerField(_("version"))
    saved_at = models.DateTimeField(_("saved"), auto_now_add=True)
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    data = models.JSONField(_("content"))
    # An autosave is kept as its own state once anyone but its author has seen it (or it is older than
    # settings.VERSION_FOLD_SECONDS); until then its author's next autosave folds into it (actions.save).
    kept = models.BooleanField(_("kept as its own state"), default=True)
    folded = models.PositiveIntegerField(_("autosaves folded into it"), default=0)

    class Meta:
        ordering = ["application", "-version"]
        verbose_name = _("saved version")
        verbose_name_plural = _("saved versions")
        constraints = [
            models.UniqueConstraint(fields=["application", "version"], name="unique_application_version")
        ]

    def __str__(self):
        return f"{self.application_id} v{self.version}"


class CompletionRequest(models.Model):
    """Täydennyspyyntö: the ministry asks for specific additions by a due date; the applicant may then edit only
    the sections named here, and resubmits."""

    class State(models.TextChoices):
        OPEN = "open", _("Waiting for the applicant")
        ANSWERED = "answered", _("Answered")
        EXPIRED = "expired", _("Closed unanswered at the due time")
        CANCELLED = "cancelled", _("Cancelled")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="completion_requests")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    message = models.TextField(_("what is asked"))
    sections = models.JSONField(_("parts that may be changed"), default=list)
    due_at = models.DateTimeField(_("due (Finnish time)"))
    state = models.CharField(_("state"), max_length=16, choices=State.choices, default=State.OPEN)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("request for completion")
        verbose_name_plural = _("requests for completion")

    def __str__(self):
        return f"{self.application} {self.created_at:%Y-%m-%d}"


class Receipt(models.Model):
    """The receipt of one submission or resubmission. The row is written in the submitting transaction; the
    `send_receipt` task makes it (stores the PDF copy, queues the email) and stamps `made_at` in one
    transaction. So the task can run twice and still send one receipt, and the scheduler finds receipts that
    a worker which died never made."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="receipts")
    version = models.PositiveIntegerField(_("version submitted"))
    first_time = models.BooleanField(_("first submission"), default=True)
    created_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    made_at = models.DateTimeField(_("receipt made"), null=True, blank=True)

    class Meta:
        ordering = ["application", "-version"]
        verbose_name = _("receipt")
        verbose_name_plural = _("receipts")
        constraints = [models.UniqueConstraint(fields=["application", "version"], name="unique_receipt")]
        indexes = [models.Index(fields=["made_at", "created_at"])]

    def __str__(self):
        return f"{self.application_id} v{self.version}"


class CaseNumberCounter(models.Model):
    """The running number of case numbers (VM/123/2019), per prefix and year; taken under a row lock."""

    prefix = models.CharField(max_length=20)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["prefix", "year"], name="unique_case_counter")]

    def __str__(self):
        return f"{self.prefix}/{self.last}/{self.year}"


class Reminder(models.Model):
    """A deadline reminder sent to a draft's owner, so it is sent once."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=16)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["application", "kind"], name="unique_reminder")]

    def __str__(self):
        return f"{self.application_id} {self.kind}"


class ListExport(models.Model):
    """The officials' list of applications written to an Excel file in the background (a long list takes a
    while): who asked, with which filters, and the file once it is made. Only its requester and officials
    download it."""

    class State(models.TextChoices):
        QUEUED = "queued", _("Waiting")
        RUNNING = "running", _("Being made")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    class Kind(models.TextChoices):
        LIST = "list", _("The filtered list of applications")
        CALL = "call", _("All applications of a call")

    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default=Kind.LIST)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("requested by"), on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    # The list's filters and sort as given (GET parameters), and the language of the column headings; for a
    # call's export the call ("call") and the file's name ("filename").
    params = models.JSONField(_("filters"), default=dict, blank=True)
    state = models.CharField(_("state"), max_length=16, choices=State.choices, default=State.QUEUED)
    file = models.FileField(_("file"), upload_to="exports/%Y/", blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    row_count = models.PositiveIntegerField(_("rows"), null=True, blank=True)
    # Progress while it is made (set by the makers that know their total in advance: `row_count` then holds
    # the total from the start).
    rows_done = models.PositiveIntegerField(_("rows written"), default=0)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("export of the list of applications")
        verbose_name_plural = _("exports of the list of applications")

    def __str__(self):
        return f"{self.pk} {self.state}"


def eligible_total(lines) -> Decimal:
    return sum((line.amount for line in lines), Decimal("0.00")).quantize(CENT)
