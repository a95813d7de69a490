"""Forms of the ministry's pages: filtering the list of applications, filtering the outbox and asking an
applicant to complete an application."""

import re
from datetime import date, datetime, time, timedelta

from django import forms
from django.utils.translation import gettext_lazy as _

from kannustin.core import clock
from kannustin.core.formats import format_time
from kannustin.core.forms import GovukDateInput
from kannustin.core.models import OutboundEmail
from kannustin.maturity.services import SIZE_CLASS_LABELS
from kannustin.registry.models import SIZE_CLASSES

from .models import Status

# Officials usually give applicants two weeks, until the same hour as the call's closing time.
DEFAULT_DUE_DAYS = 14
DEFAULT_DUE_TIME = time(16, 15)
MESSAGE_MAX_LENGTH = 4000
TIME_PATTERN = re.compile(r"^\s*(\d{1,2})(?:[.:](\d{2}))?\s*$")


# The score bands of the list's filter (the application's score, from its complete reviews).
SCORE_BANDS = [
    ("4", _("4 or more")),
    ("3", _("3 to under 4")),
    ("2", _("2 to under 3")),
    ("1", _("under 2")),
    ("none", _("Not scored yet")),
]
# The orders of the list: key → its label (the orders themselves are in listing.ORDERS).
SORTS = {
    "-submitted": _("Submitted, newest first"),
    "submitted": _("Submitted, oldest first"),
    "case": _("Case number"),
    "name": _("Project name"),
    "-requested": _("Amount applied for, largest first"),
    "requested": _("Amount applied for, smallest first"),
    "-score": _("Score, best first"),
    "score": _("Score, lowest first"),
}


class ApplicationFilterForm(forms.Form):
    """The filters and the order of the list of applications (GET). An invalid value is ignored (the other
    filters still apply): the list never fails on a hand-edited address."""

    call = forms.TypedChoiceField(label=_("Call"), coerce=int, required=False, empty_value=None)
    track = forms.TypedChoiceField(label=_("Track"), coerce=int, required=False, empty_value=None)
    status = forms.ChoiceField(label=_("Status"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    size = forms.ChoiceField(label=_("Size class"), required=False)
    reviewer = forms.TypedChoiceField(label=_("Reviewer"), coerce=int, required=False, empty_value=None)
    score = forms.ChoiceField(label=_("Score"), required=False)
    flags = forms.BooleanField(label=_("Only where the reviewers' scores differ"), required=False)
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        help_text=_("Case number, municipality (name or code) or project name"),
    )
    sort = forms.ChoiceField(label=_("Sort by"), required=False)

    # Keys of the GET parameters that filter (the others only order or page the list).
    FILTERS = ("call", "track", "status", "region", "size", "reviewer", "score", "flags", "q")

    def __init__(self, data=None, *, calls=(), tracks=(), regions=(), reviewers=()):
        super().__init__(data)
        self.fields["call"].choices = [("", _("All calls"))] + [(call.pk, call.tr("title")) for call in calls]
        self.fields["track"].choices = [("", _("All tracks"))] + [
            (
                track.pk,
                f"{track.programme.tr('short_name') or track.programme.tr('name')}: {track.tr('name')}",
            )
            for track in tracks
        ]
        self.fields["status"].choices = [("", _("All statuses"))] + [
            (value, label) for value, label in Status.choices if value != Status.DRAFT
        ]
        self.fields["region"].choices = [("", _("All regions"))] + [
            (region.code, region.tr("name")) for region in regions
        ]
        self.fields["size"].choices = [("", _("All sizes"))] + [
            (key, SIZE_CLASS_LABELS.get(key, key)) for _limit, key in SIZE_CLASSES
        ]
        self.fields["reviewer"].choices = [("", _("All reviewers"))] + [
            (user.pk, user.get_full_name() or user.email) for user in reviewers
        ]
        self.fields["score"].choices = [("", _("All scores")), *SCORE_BANDS]
        self.fields["sort"].choices = list(SORTS.items())

    def filters(self) -> dict:
        """The valid, non-empty filters and the order ("sort")."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {
            key: value
            for key, value in self.cleaned_data.items()
            if value not in (None, "", False) and key in self.fields
        }


class OutboxFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, data=None):
        super().__init__(data)
        self.fields["status"].choices = [("", _("All emails"))] + list(OutboundEmail.Status.choices)

    def filters(self) -> dict:
        if not self.is_bound or not self.is_valid():
            return {}
        return {key: value for key, value in self.cleaned_data.items() if value}


def parse_time(value: str) -> time:
    """'16.15', '16:15' or '16' → time(16, 15); ValueError otherwise."""
    match = TIME_PATTERN.match(value or "")
    if not match:
        raise ValueError(value)
    return time(int(match.group(1)), int(match.group(2) or 0))


def default_due(now: datetime | None = None) -> datetime:
    today = clock.helsinki(now or clock.now()).date()
    return datetime.combine(today + timedelta(days=DEFAULT_DUE_DAYS), DEFAULT_DUE_TIME, tzinfo=clock.HELSINKI)


class CompletionRequestForm(forms.Form):
    """What the applicant is asked to add, which parts they may change and by when (Finnish time)."""

    govuk_label_classes = {
        "message": "govuk-label--m",
        "sections": "govuk-label--m",
        "due_date": "govuk-label--m",
    }

    version = forms.IntegerField(widget=forms.HiddenInput)
    message = forms.CharField(
        label=_("What should the applicant add or clarify?"),
        help_text=_(
            "The applicant sees this text as written. Be specific: name the questions and documents."
        ),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": _("Write what the applicant should add.")},
    )
    sections = forms.MultipleChoiceField(
        label=_("Which parts may the applicant change?"),
        help_text=_("Select all that apply. Everything else stays as it was submitted."),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Choose the parts the applicant may complete."),
            "invalid_choice": _("Choose the parts the applicant may complete."),
        },
    )
    due_date = forms.DateField(
        label=_("Due date"),
        help_text=_("For example 27 3 2026"),
        widget=GovukDateInput,
        error_messages={
            "required": _("Enter the due date."),
            "invalid": _("Enter a real date, for example 27 3 2026."),
        },
    )
    due_time = forms.CharField(
        label=_("Time (Finnish time)"),
        help_text=_("For example 16.15"),
        max_length=5,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5", "inputmode": "decimal"}),
        error_messages={"required": _("Enter the time, for example 16.15.")},
    )

    def __init__(self, data=None, *, sections, version, now=None):
        self.now = now or clock.now()
        due = default_due(self.now)
        super().__init__(
            data, initial={"version": version, "due_date": due.date(), "due_time": format_time(due)}
        )
        self.fields["sections"].choices = sections

    def clean_due_time(self):
        try:
            value = parse_time(self.cleaned_data["due_time"])
        except ValueError:
            raise forms.ValidationError(
                _("Enter the time as hours and minutes, for example 16.15.")
            ) from None
        return value

    def clean(self):
        cleaned = super().clean()
        due_date: date | None = cleaned.get("due_date")
        due_time: time | None = cleaned.get("due_time")
        if due_date and due_time:
            # A wall-clock time in Helsinki; zoneinfo gives the right offset in winter and summer time.
            due_at = datetime.combine(due_date, due_time, tzinfo=clock.HELSINKI)
            if due_at <= self.now:
                self.add_error("due_date", _("The due date must be in the future."))
            else:
                cleaned["due_at"] = due_at
        return cleaned
