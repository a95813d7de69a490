"""Programme configuration: programme → tracks → calls; per call the question set (versioned), evaluation
criteria and scoring scale, eligible cost categories, maturity model; contacts, FAQ and public site pages.

Everything an applicant reads is written in Finnish, Swedish and English (`*_fi`, `*_sv`, `*_en`).
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kannustin.core import clock
from kannustin.core.i18n import TranslatedMixin
from kannustin.core.money import MoneyField

from . import question_types


class Programme(TranslatedMixin, models.Model):
    slug = models.SlugField(_("identifier"), unique=True)
    name_fi = models.CharField(_("name (fi)"), max_length=200)
    name_sv = models.CharField(_("name (sv)"), max_length=200, blank=True)
    name_en = models.CharField(_("name (en)"), max_length=200, blank=True)
    short_name_fi = models.CharField(_("short name (fi)"), max_length=100, blank=True)
    short_name_sv = models.CharField(_("short name (sv)"), max_length=100, blank=True)
    short_name_en = models.CharField(_("short name (en)"), max_length=100, blank=True)
    year = models.PositiveSmallIntegerField(_("year"))
    budget_item = models.CharField(_("budget item"), max_length=40, help_text=_("For example 28.90.32"))
    appropriation = MoneyField(_("appropriation (€)"))
    legal_basis_fi = models.TextField(_("legal basis (fi)"))
    legal_basis_sv = models.TextField(_("legal basis (sv)"), blank=True)
    legal_basis_en = models.TextField(_("legal basis (en)"), blank=True)
    summary_fi = models.TextField(_("summary (fi)"), blank=True)
    summary_sv = models.TextField(_("summary (sv)"), blank=True)
    summary_en = models.TextField(_("summary (en)"), blank=True)
    body_fi = models.TextField(_("programme page (fi, Markdown)"), blank=True)
    body_sv = models.TextField(_("programme page (sv, Markdown)"), blank=True)
    body_en = models.TextField(_("programme page (en, Markdown)"), blank=True)
    how_to_apply_fi = models.TextField(_("how to apply (fi, Markdown)"), blank=True)
    how_to_apply_sv = models.TextField(_("how to apply (sv, Markdown)"), blank=True)
    how_to_apply_en = models.TextField(_("how to apply (en, Markdown)"), blank=True)
    is_published = models.BooleanField(_("published"), default=True)
    is_demo = models.BooleanField(
        _("demo programme"), default=False, help_text=_("Created by seed_demo for trying the service.")
    )

    class Meta:
        ordering = ["-year", "slug"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    def __str__(self):
        return self.name_fi

    def contacts_for(self, language: str) -> list:
        """The contact people, those who serve `language` first (otherwise in their order)."""
        return sorted(self.contacts.all(), key=lambda person: not person.serves(language))


# The languages a contact person serves applicants in, named as in a list ("suomi, ruotsi").
SERVICE_LANGUAGES = {
    "fi": pgettext_lazy("language in a list", "Finnish"),
    "sv": pgettext_lazy("language in a list", "Swedish"),
    "en": pgettext_lazy("language in a list", "English"),
}


def language_codes(value: str) -> list[str]:
    return [code.strip() for code in (value or "").split(",") if code.strip()]


def validate_language_codes(value):
    codes = language_codes(value)
    if not codes or any(code not in SERVICE_LANGUAGES for code in codes) or len(set(codes)) != len(codes):
        raise ValidationError(_("Give one or more of fi, sv and en, separated by commas, for example fi,sv."))


class ContactPerson(TranslatedMixin, models.Model):
    """Someone at the ministry applicants may ask; shown on the programme and call pages and in the help box
    of every application page, with the languages they serve applicants in."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("name"), max_length=150)
    title_fi = models.CharField(_("title (fi)"), max_length=200)
    title_sv = models.CharField(_("title (sv)"), max_length=200, blank=True)
    title_en = models.CharField(_("title (en)"), max_length=200, blank=True)
    topic_fi = models.CharField(_("ask about (fi)"), max_length=200, blank=True)
    topic_sv = models.CharField(_("ask about (sv)"), max_length=200, blank=True)
    topic_en = models.CharField(_("ask about (en)"), max_length=200, blank=True)
    email = models.EmailField(_("email"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    languages = models.CharField(
        _("serves in"), max_length=20, default="fi", validators=[validate_language_codes],
        help_text=_("The languages this person serves applicants in: fi, sv, en, separated by commas."),
    )  # fmt: skip
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("contact person")
        verbose_name_plural = _("contact people")

    def __str__(self):
        return self.name

    @property
    def language_codes(self) -> list[str]:
        return [code for code in language_codes(self.languages) if code in SERVICE_LANGUAGES]

    def serves(self, language: str) -> bool:
        return language in self.language_codes

    @property
    def language_names(self) -> str:
        """ "suomi, ruotsi" / "finska, svenska" / "Finnish, Swedish", in the current language."""
        return ", ".join(str(SERVICE_LANGUAGES[code]) for code in self.language_codes)

    @property
    def phone_link(self) -> str:
        """The number for a tel: link, without spaces or dashes."""
        return "".join(char for char in self.phone if char.isdigit() or char == "+")


class Track(TranslatedMixin, models.Model):
    """Kohde / punkt: track 1 (applications) or track 2 (joint projects in two stages)."""

    class Kind(models.TextChoices):
        APPLICATIONS = "applications", _("Applications")
        JOINT_PROJECTS = "joint_projects", _("Joint projects in two stages")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="tracks")
    number = models.PositiveSmallIntegerField(_("number"))
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    name_fi = models.CharField(_("name (fi)"), max_length=200)
    name_sv = models.CharField(_("name (sv)"), max_length=200, blank=True)
    name_en = models.CharField(_("name (en)"), max_length=200, blank=True)
    description_fi = models.TextField(_("description (fi, Markdown)"), blank=True)
    description_sv = models.TextField(_("description (sv, Markdown)"), blank=True)
    description_en = models.TextField(_("description (en, Markdown)"), blank=True)
    budget = MoneyField(
        _("share of the appropriation (€)"), null=True, blank=True,
        help_text=_("The money this track's calls may grant in all; allocation scenarios are drawn against it."),
    )  # fmt: skip

    class Meta:
        ordering = ["programme", "number"]
        verbose_name = _("track")
        verbose_name_plural = _("tracks")
        constraints = [models.UniqueConstraint(fields=["programme", "number"], name="unique_track_number")]

    def __str__(self):
        return f"{self.programme.short_name_fi or self.programme.name_fi}: {self.name_fi}"


class CallQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True, programme__is_published=True)

    def open_now(self, at=None):
        at = at or clock.now()
        return self.filter(opens_at__lte=at, closes_at__gt=at)

    def with_programme(self):
        return self.select_related("programme", "track", "previous_stage")


class Call(TranslatedMixin, models.Model):
    """One application window of a track (haku / utlysning). Track 2 has a proposal call (stage 1), a
    workshop, and a joint-application call (stage 2) that names the proposal call as its previous stage."""

    class Stage(models.TextChoices):
        APPLICATION = "application", _("Application")
        PROPOSAL = "proposal", _("Proposals and expressions of interest (stage 1)")
        JOINT_APPLICATION = "joint_application", _("Joint-project applications (stage 2)")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="calls")
    track = models.ForeignKey(Track, on_delete=models.CASCADE, related_name="calls")
    stage = models.CharField(_("stage"), max_length=32, choices=Stage.choices, default=Stage.APPLICATION)
    previous_stage = models.ForeignKey(
        "self", verbose_name=_("previous stage"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="next_stages",
    )  # fmt: skip
    slug = models.SlugField(_("identifier"), max_length=80)
    title_fi = models.CharField(_("title (fi)"), max_length=200)
    title_sv = models.CharField(_("title (sv)"), max_length=200, blank=True)
    title_en = models.CharField(_("title (en)"), max_length=200, blank=True)
    body_fi = models.TextField(_("call text (fi, Markdown)"), blank=True)
    body_sv = models.TextField(_("call text (sv, Markdown)"), blank=True)
    body_en = models.TextField(_("call text (en, Markdown)"), blank=True)
    eligibility_fi = models.TextField(_("who may apply and exclusions (fi, Markdown)"), blank=True)
    eligibility_sv = models.TextField(_("who may apply and exclusions (sv, Markdown)"), blank=True)
    eligibility_en = models.TextField(_("who may apply and exclusions (en, Markdown)"), blank=True)
    opens_at = models.DateTimeField(_("opens (Finnish time)"))
    closes_at = models.DateTimeField(_("closes (Finnish time)"))
    case_number_prefix = models.CharField(
        _("case number prefix"), max_length=20, default="VM", help_text=_("Case numbers read VM/123/2019.")
    )
    max_aid_share = models.DecimalField(
        _("maximum aid share of eligible costs"), max_digits=4, decimal_places=3, default=Decimal("0.850"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("1"))],
    )  # fmt: skip
    vat_eligible = models.BooleanField(_("VAT is an eligible cost"), default=False)
    project_starts_from = models.DateField(_("projects may start from"), null=True, blank=True)
    project_ends_by = models.DateField(_("projects must end by"), null=True, blank=True)
    decisions_expected_on = models.DateField(
        _("decisions expected by"), null=True, blank=True,
        help_text=_("Told to applicants after they submit. Leave empty if not known yet."),
    )  # fmt: skip
    min_grant = MoneyField(_("smallest grant (€)"), null=True, blank=True)
    max_grant = MoneyField(_("largest grant (€)"), null=True, blank=True)
    max_attachments = models.PositiveSmallIntegerField(_("attachments at most"), default=10)
    max_attachment_mb = models.PositiveSmallIntegerField(_("attachment size at most (MB)"), default=10)
    score_min = models.PositiveSmallIntegerField(_("lowest score"), default=0)
    score_max = models.PositiveSmallIntegerField(_("highest score"), default=5)
    reviewers_per_application = models.PositiveSmallIntegerField(
        _("reviewers per application"), default=2, validators=[MinValueValidator(1), MaxValueValidator(9)],
        help_text=_("How many reviewers automatic assignment gives each application."),
    )  # fmt: skip
    maturity_model = models.ForeignKey(
        "MaturityModel", verbose_name=_("maturity model"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="calls",
    )  # fmt: skip
    is_published = models.BooleanField(_("published"), default=True)

    objects = CallQuerySet.as_manager()

    class Meta:
        ordering = ["opens_at", "track__number"]
        verbose_name = _("call")
        verbose_name_plural = _("calls")
        constraints = [
            models.UniqueConstraint(fields=["programme", "slug"], name="unique_call_slug"),
            models.CheckConstraint(condition=models.Q(closes_at__gt=models.F("opens_at")), name="call_closes_after_opening"),
        ]  # fmt: skip

    def __str__(self):
        return self.title_fi

    def clean(self):
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("The call must close after it opens.")})
        if self.track_id and self.programme_id and self.track.programme_id != self.programme_id:
            raise ValidationError({"track": _("The track belongs to another programme.")})
        if self.max_attachment_mb and self.max_attachment_mb > settings.MAX_ATTACHMENT_MB:
            # The server refuses larger request bodies before reading them.
            raise ValidationError(
                {"max_attachment_mb": _("The service accepts files of at most %(mb)s MB.") % {"mb": settings.MAX_ATTACHMENT_MB}}
            )  # fmt: skip

    @property
    def state(self) -> str:
        """'upcoming', 'open' or 'closed', from the clock."""
        return clock.window_state(self.opens_at, self.closes_at)

    @property
    def is_open(self) -> bool:
        return self.state == "open"

    @property
    def min_own_share(self) -> Decimal:
        return Decimal("1") - self.max_aid_share

    @property
    def max_aid_percent(self) -> Decimal:
        return (self.max_aid_share * 100).normalize()

    def current_question_set(self):
        return self.question_sets.order_by("-version").first()

    @property
    def maturity_required(self) -> bool:
        """Whether the call's form has a required maturity self-assessment part (read from its sections)."""
        question_set = self.current_question_set()
        return bool(question_set) and question_set.sections.filter(kind="maturity", required=True).exists()


class Workshop(TranslatedMixin, models.Model):
    """The joint workshop between the stages of track 2."""

    track = models.ForeignKey(Track, on_delete=models.CASCADE, related_name="workshops")
    title_fi = models.CharField(_("title (fi)"), max_length=200)
    title_sv = models.CharField(_("title (sv)"), max_length=200, blank=True)
    title_en = models.CharField(_("title (en)"), max_length=200, blank=True)
    starts_at = models.DateTimeField(_("starts (Finnish time)"))
    ends_at = models.DateTimeField(_("ends (Finnish time)"))
    place_fi = models.CharField(_("place (fi)"), max_length=200, blank=True)
    place_sv = models.CharField(_("place (sv)"), max_length=200, blank=True)
    place_en = models.CharField(_("place (en)"), max_length=200, blank=True)
    body_fi = models.TextField(_("description (fi, Markdown)"), blank=True)
    body_sv = models.TextField(_("description (sv, Markdown)"), blank=True)
    body_en = models.TextField(_("description (en, Markdown)"), blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    capacity = models.PositiveIntegerField(_("places"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(
        _("registration closes (Finnish time)"), null=True, blank=True
    )
    programme_fi = models.TextField(_("programme (fi, Markdown)"), blank=True)
    programme_sv = models.TextField(_("programme (sv, Markdown)"), blank=True)
    programme_en = models.TextField(_("programme (en, Markdown)"), blank=True)
    programme_published_at = models.DateTimeField(_("programme published"), null=True, blank=True)
    presentations_published_at = models.DateTimeField(_("presentations published"), null=True, blank=True)

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")

    def __str__(self):
        return self.title_fi

    @property
    def state(self) -> str:
        return clock.window_state(self.starts_at, self.ends_at)

    def registration_refusal(self, at=None) -> str | None:
        """None while people may register; otherwise why not: 'registration_closed' (after the deadline,
        or once the workshop has begun)."""
        at = at or clock.now()
        closes = self.registration_closes_at or self.starts_at
        return None if at < min(closes, self.starts_at) else "registration_closed"


class Criterion(TranslatedMixin, models.Model):
    """An evaluation criterion of a call (G1, G2, C1 … C8 in track 1; P1 … P5 describe a proposal)."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="criteria")
    code = models.CharField(_("code"), max_length=10)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title_fi = models.CharField(_("title (fi)"), max_length=300)
    title_sv = models.CharField(_("title (sv)"), max_length=300, blank=True)
    title_en = models.CharField(_("title (en)"), max_length=300, blank=True)
    description_fi = models.TextField(_("description (fi)"), blank=True)
    description_sv = models.TextField(_("description (sv)"), blank=True)
    description_en = models.TextField(_("description (en)"), blank=True)
    weight = models.DecimalField(_("weight"), max_digits=5, decimal_places=2, default=Decimal("1.00"))
    emphasised = models.BooleanField(_("weighed especially"), default=False)
    is_scored = models.BooleanField(
        _("scored by reviewers"), default=True,
        help_text=_("Proposal descriptions (track 2, stage 1) are not scored."),
    )  # fmt: skip

    class Meta:
        ordering = ["call", "order", "code"]
        verbose_name = _("evaluation criterion")
        verbose_name_plural = _("evaluation criteria")
        constraints = [models.UniqueConstraint(fields=["call", "code"], name="unique_criterion_code")]

    def __str__(self):
        return f"{self.code} {self.title_fi}"


class ScaleLevel(TranslatedMixin, models.Model):
    """What a score means on the call's scoring scale."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="scale_levels")
    value = models.PositiveSmallIntegerField(_("score"))
    label_fi = models.CharField(_("meaning (fi)"), max_length=200)
    label_sv = models.CharField(_("meaning (sv)"), max_length=200, blank=True)
    label_en = models.CharField(_("meaning (en)"), max_length=200, blank=True)

    class Meta:
        ordering = ["call", "value"]
        verbose_name = _("scoring scale level")
        verbose_name_plural = _("scoring scale")
        constraints = [models.UniqueConstraint(fields=["call", "value"], name="unique_scale_value")]

    def __str__(self):
        return f"{self.value}: {self.label_fi}"


class CostCategory(TranslatedMixin, models.Model):
    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="cost_categories")
    key = models.SlugField(_("key"), max_length=40)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name_fi = models.CharField(_("name (fi)"), max_length=200)
    name_sv = models.CharField(_("name (sv)"), max_length=200, blank=True)
    name_en = models.CharField(_("name (en)"), max_length=200, blank=True)
    help_fi = models.TextField(_("help (fi)"), blank=True)
    help_sv = models.TextField(_("help (sv)"), blank=True)
    help_en = models.TextField(_("help (en)"), blank=True)

    class Meta:
        ordering = ["call", "order", "key"]
        verbose_name = _("eligible cost category")
        verbose_name_plural = _("eligible cost categories")
        constraints = [models.UniqueConstraint(fields=["call", "key"], name="unique_cost_category_key")]

    def __str__(self):
        return self.name_fi


class QuestionSetLocked(ValidationError):
    pass


class QuestionSet(models.Model):
    """The questions of a call, versioned. Applications record the version they were written against; once a
    version is in use (the call has opened, or `locked_at` is set) it is never changed in place: a new
    version is made instead (`new_version`)."""

    class Purpose(models.TextChoices):
        APPLICATION = "application", _("Application")
        PROPOSAL = "proposal", _("Proposal")
        EXPRESSION_OF_INTEREST = "expression_of_interest", _("Expression of interest")
        REVIEW = "review", _("Review")
        REPORT = "report", _("Report")
        PAYMENT_REQUEST = "payment_request", _("Payment request")

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="question_sets")
    version = models.PositiveIntegerField(_("version"), default=1)
    purpose = models.CharField(
        _("purpose"), max_length=32, choices=Purpose.choices, default=Purpose.APPLICATION,
        help_text=_("What is written on this form."),
    )  # fmt: skip
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    locked_at = models.DateTimeField(_("in use since"), null=True, blank=True)
    note = models.CharField(_("what changed"), max_length=300, blank=True)

    class Meta:
        ordering = ["call", "-version"]
        verbose_name = _("question set")
        verbose_name_plural = _("question sets")
        constraints = [
            models.UniqueConstraint(fields=["call", "version"], name="unique_question_set_version")
        ]

    def __str__(self):
        return f"{self.call} v{self.version}"

    @property
    def is_locked(self) -> bool:
        return self.locked_at is not None or self.call.opens_at <= clock.now()

    @transaction.atomic
    def new_version(self, note: str = "") -> "QuestionSet":
        latest = self.call.question_sets.order_by("-version").first()
        copy = QuestionSet.objects.create(
            call=self.call, version=latest.version + 1, note=note, purpose=self.purpose
        )
        for section in self.sections.all():
            section.pk = None
            section.question_set = copy
            section.save(force_insert=True, bypass_lock=True)
        for question in self.questions.all():
            question.pk = None
            question.question_set = copy
            question.save(force_insert=True, bypass_lock=True)
        return copy


# The sections and questions of question sets in use, per process: a set with an application on it is locked
# (`locked_at`) and never changes in place, so what was read once serves every later request of that form.
_FORMS: dict[tuple[int, object], tuple[list, list]] = {}
_FORMS_MAX = 64


def form_definition(question_set) -> tuple[list, list]:
    """(sections, questions) of a question set, in order. Read from the database each time while the set can
    still change; kept in this process once it is locked (keyed by the set and the moment it was locked)."""
    key = (question_set.pk, question_set.locked_at)
    if question_set.locked_at is not None and key in _FORMS:
        return _FORMS[key]
    sections = list(question_set.sections.all())
    questions = list(question_set.questions.select_related("criterion"))
    if question_set.locked_at is not None:
        if len(_FORMS) >= _FORMS_MAX:
            _FORMS.clear()
        _FORMS[key] = (sections, questions)
    return sections, questions


def forget_form_definitions() -> None:
    """Drop what `form_definition` keeps (a locked set changed by the loader or a test: `bypass_lock`)."""
    _FORMS.clear()


class LockedWhileInUse(models.Model):
    """A part of a question set: never changed in place once the set is in use."""

    class Meta:
        abstract = True

    def save(self, *args, bypass_lock=False, **kwargs):
        if not bypass_lock and self.question_set_id and self.question_set.is_locked:
            raise QuestionSetLocked(
                _("This question set is in use. Make a new version to change the questions.")
            )
        super().save(*args, **kwargs)
        forget_form_definitions()

    def delete(self, *args, **kwargs):
        if self.question_set.is_locked:
            raise QuestionSetLocked(
                _("This question set is in use. Make a new version to change the questions.")
            )
        forget_form_definitions()
        return super().delete(*args, **kwargs)


class Section(TranslatedMixin, LockedWhileInUse):
    """A part of the form, in order: a page of questions, or a structured part (budget, indicators, contact
    people, participants, attachments, business secrets, the maturity self-assessment). The task list,
    completeness, check-your-answers, the conflict page, the PDF copy and the API all follow these records;
    `options` tunes a structured part (e.g. for participants: {"lead_role": "administrator",
    "min_municipalities": 2, "partners_must_confirm": true}). The parts are classes in
    `applications.parts`; `kind` names one of them, or is "questions"."""

    QUESTIONS = "questions"

    question_set = models.ForeignKey(QuestionSet, on_delete=models.CASCADE, related_name="sections")
    key = models.SlugField(
        _("key"), max_length=40,
        help_text=_("Questions name their section by this key; a structured part's key is its kind."),
    )  # fmt: skip
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    kind = models.SlugField(_("kind"), max_length=40, default=QUESTIONS)
    title_fi = models.CharField(_("title (fi)"), max_length=200)
    title_sv = models.CharField(_("title (sv)"), max_length=200, blank=True)
    title_en = models.CharField(_("title (en)"), max_length=200, blank=True)
    intro_fi = models.TextField(_("introduction (fi)"), blank=True)
    intro_sv = models.TextField(_("introduction (sv)"), blank=True)
    intro_en = models.TextField(_("introduction (en)"), blank=True)
    required = models.BooleanField(
        _("required"), default=True,
        help_text=_("A required part must be complete before the form can be sent; an optional one may stay empty."),
    )  # fmt: skip
    options = models.JSONField(_("options"), default=dict, blank=True)

    class Meta:
        ordering = ["question_set", "order", "id"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        constraints = [models.UniqueConstraint(fields=["question_set", "key"], name="unique_section_key")]

    def __str__(self):
        return f"{self.key}: {self.title_fi}"

    @property
    def is_questions(self) -> bool:
        return self.kind == self.QUESTIONS

    def clean(self):
        if not self.is_questions and self.key != self.kind:
            raise ValidationError({"key": _("A structured part's key is its kind.")})


class Question(TranslatedMixin, LockedWhileInUse):
    class Type(models.TextChoices):
        TEXT = "text", _("Text")
        NUMBER = "number", _("Number")
        MONEY = "money", _("Amount of money")
        DATE = "date", _("Date")
        CHOICE = "choice", _("Choice")
        MULTIPLE_CHOICE = "multiple_choice", _("Multiple choice")
        MUNICIPALITIES = "municipalities", _("List of municipalities")
        ORGANISATIONS = "organisations", _("Organisations")
        FILE = "file", _("File")

    question_set = models.ForeignKey(QuestionSet, on_delete=models.CASCADE, related_name="questions")
    key = models.SlugField(
        _("key"), max_length=60, help_text=_("Stable identifier; answers are stored under it.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    section = models.SlugField(
        _("section"), max_length=40, default="project",
        help_text=_("Questions of a section share one page of the form."),
    )  # fmt: skip
    type = models.CharField(_("type"), max_length=20, choices=question_types.choices, default=Type.TEXT)
    label_fi = models.CharField(_("question (fi)"), max_length=500)
    label_sv = models.CharField(_("question (sv)"), max_length=500, blank=True)
    label_en = models.CharField(_("question (en)"), max_length=500, blank=True)
    help_fi = models.TextField(_("help (fi)"), blank=True)
    help_sv = models.TextField(_("help (sv)"), blank=True)
    help_en = models.TextField(_("help (en)"), blank=True)
    required = models.BooleanField(_("required"), default=True)
    max_length = models.PositiveIntegerField(_("characters at most"), null=True, blank=True)
    min_value = models.DecimalField(
        _("smallest value"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    max_value = models.DecimalField(
        _("largest value"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    options = models.JSONField(
        _("options"), default=list, blank=True,
        help_text=_('For choice questions: [{"key": "...", "label_fi": "...", "label_sv": "...", "label_en": "..."}]'),
    )  # fmt: skip
    min_count = models.PositiveSmallIntegerField(
        _("at least (how many)"), null=True, blank=True, help_text=_("For lists, e.g. of organisations.")
    )
    max_count = models.PositiveSmallIntegerField(
        _("at most (how many)"), null=True, blank=True, help_text=_("For lists: 1 means exactly one.")
    )
    criterion = models.ForeignKey(
        Criterion, verbose_name=_("linked criterion"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="questions",
    )  # fmt: skip

    class Meta:
        ordering = ["question_set", "order", "id"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        constraints = [models.UniqueConstraint(fields=["question_set", "key"], name="unique_question_key")]

    def __str__(self):
        return f"{self.key}: {self.label_fi}"

    def clean(self):
        try:
            errors = self.answer_type.check_definition(self)
        except ValueError:
            errors = {"type": _("Choose one of the question types.")}
        if (
            self.question_set_id
            and not self.question_set.sections.filter(key=self.section, kind="questions").exists()
        ):
            errors["section"] = _("Name a section of questions of this question set.")
        if errors:
            raise ValidationError(errors)

    def option_label(self, key: str) -> str:
        for option in self.options or []:
            if option.get("key") == key:
                return TranslatedOption(option).tr("label")
        return key

    def translated_options(self):
        return [TranslatedOption(option) for option in self.options or []]

    @property
    def answer_type(self):
        """The class that handles answers of this question (`programmes.question_types`)."""
        return question_types.get(self.type)


class TranslatedOption(TranslatedMixin):
    def __init__(self, data: dict):
        self.key = data.get("key", "")
        for language in ("fi", "sv", "en"):
            setattr(self, f"label_{language}", data.get(f"label_{language}", ""))


class MaturityModel(TranslatedMixin, models.Model):
    """The digitalisation maturity model: dimensions × levels, each level of each dimension described."""

    name_fi = models.CharField(_("name (fi)"), max_length=200)
    name_sv = models.CharField(_("name (sv)"), max_length=200, blank=True)
    name_en = models.CharField(_("name (en)"), max_length=200, blank=True)
    intro_fi = models.TextField(_("introduction (fi, Markdown)"), blank=True)
    intro_sv = models.TextField(_("introduction (sv, Markdown)"), blank=True)
    intro_en = models.TextField(_("introduction (en, Markdown)"), blank=True)

    class Meta:
        verbose_name = _("maturity model")
        verbose_name_plural = _("maturity models")

    def __str__(self):
        return self.name_fi


class MaturityLevel(TranslatedMixin, models.Model):
    model = models.ForeignKey(MaturityModel, on_delete=models.CASCADE, related_name="levels")
    value = models.PositiveSmallIntegerField(
        _("level"), validators=[MinValueValidator(1), MaxValueValidator(9)]
    )
    name_fi = models.CharField(_("name (fi)"), max_length=100)
    name_sv = models.CharField(_("name (sv)"), max_length=100, blank=True)
    name_en = models.CharField(_("name (en)"), max_length=100, blank=True)

    class Meta:
        ordering = ["model", "value"]
        verbose_name = _("maturity level")
        verbose_name_plural = _("maturity levels")
        constraints = [models.UniqueConstraint(fields=["model", "value"], name="unique_maturity_level")]

    def __str__(self):
        return f"{self.value} {self.name_fi}"


def validate_dimension_key(value):
    # The assessment pages use these path segments themselves (/maturity/<org>/<call>/result/ …).
    if value in {"result", "service-process"}:
        raise ValidationError(_("This key is reserved; choose another."))


class MaturityDimension(TranslatedMixin, models.Model):
    model = models.ForeignKey(MaturityModel, on_delete=models.CASCADE, related_name="dimensions")
    key = models.SlugField(_("key"), max_length=40, validators=[validate_dimension_key])
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name_fi = models.CharField(_("name (fi)"), max_length=200)
    name_sv = models.CharField(_("name (sv)"), max_length=200, blank=True)
    name_en = models.CharField(_("name (en)"), max_length=200, blank=True)
    description_fi = models.TextField(_("description (fi)"), blank=True)
    description_sv = models.TextField(_("description (sv)"), blank=True)
    description_en = models.TextField(_("description (en)"), blank=True)

    class Meta:
        ordering = ["model", "order", "key"]
        verbose_name = _("maturity dimension")
        verbose_name_plural = _("maturity dimensions")
        constraints = [models.UniqueConstraint(fields=["model", "key"], name="unique_maturity_dimension")]

    def __str__(self):
        return self.name_fi


class MaturityDescriptor(TranslatedMixin, models.Model):
    """One sentence describing a level of a dimension."""

    dimension = models.ForeignKey(MaturityDimension, on_delete=models.CASCADE, related_name="descriptors")
    level = models.PositiveSmallIntegerField(_("level"))
    text_fi = models.TextField(_("descriptor (fi)"))
    text_sv = models.TextField(_("descriptor (sv)"), blank=True)
    text_en = models.TextField(_("descriptor (en)"), blank=True)

    class Meta:
        ordering = ["dimension", "level"]
        verbose_name = _("level descriptor")
        verbose_name_plural = _("level descriptors")
        constraints = [
            models.UniqueConstraint(fields=["dimension", "level"], name="unique_maturity_descriptor")
        ]

    def __str__(self):
        return f"{self.dimension.key} {self.level}"


class FaqEntry(TranslatedMixin, models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="faq")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    question_fi = models.CharField(_("question (fi)"), max_length=300)
    question_sv = models.CharField(_("question (sv)"), max_length=300, blank=True)
    question_en = models.CharField(_("question (en)"), max_length=300, blank=True)
    answer_fi = models.TextField(_("answer (fi, Markdown)"))
    answer_sv = models.TextField(_("answer (sv, Markdown)"), blank=True)
    answer_en = models.TextField(_("answer (en, Markdown)"), blank=True)

    class Meta:
        ordering = ["programme", "order", "id"]
        verbose_name = _("frequently asked question")
        verbose_name_plural = _("frequently asked questions")

    def __str__(self):
        return self.question_fi


class SitePage(TranslatedMixin, models.Model):
    """Service-wide pages: the accessibility statement and the privacy notice."""

    class Key(models.TextChoices):
        ACCESSIBILITY = "accessibility", _("Accessibility statement")
        PRIVACY = "privacy", _("Privacy notice")

    key = models.CharField(_("page"), max_length=32, choices=Key.choices, unique=True)
    title_fi = models.CharField(_("title (fi)"), max_length=200)
    title_sv = models.CharField(_("title (sv)"), max_length=200, blank=True)
    title_en = models.CharField(_("title (en)"), max_length=200, blank=True)
    body_fi = models.TextField(_("text (fi, Markdown)"))
    body_sv = models.TextField(_("text (sv, Markdown)"), blank=True)
    body_en = models.TextField(_("text (en, Markdown)"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("site page")
        verbose_name_plural = _("site pages")

    def __str__(self):
        return self.title_fi


class Feedback(models.Model):
    """Accessibility feedback from the public; reaches the officials by email and in their list."""

    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    name = models.CharField(_("name"), max_length=150, blank=True)
    email = models.EmailField(_("email"), blank=True)
    page_url = models.CharField(_("page"), max_length=500, blank=True)
    message = models.TextField(_("feedback"))
    language = models.CharField(_("language"), max_length=2, default="fi")
    handled_at = models.DateTimeField(_("handled"), null=True, blank=True)
    handled_by = models.ForeignKey(
        "accounts.User", verbose_name=_("handled by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("accessibility feedback")
        verbose_name_plural = _("accessibility feedback")

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d} {self.message[:60]}"
