"""Forms of track 2's pages: finding proposals, registering interest, the workshop."""

from datetime import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from kannustin.applications.forms_ministry import parse_time
from kannustin.core import clock
from kannustin.core.formats import format_time
from kannustin.core.forms import GovukDateInput

from .models import Interest

NOTE_MAX = 1000


def organisation_choices(memberships) -> list[tuple[str, str]]:
    return [(m.organisation.identifier, m.organisation.tr("name")) for m in memberships]


def choose_organisation(form, organisations) -> None:
    """The form's `organisation` field offers the user's organisations; with only one, it is given, not asked."""
    field = form.fields["organisation"]
    field.choices = organisations
    if len(organisations) == 1:
        field.initial = organisations[0][0]
        field.widget = forms.HiddenInput()
    field.error_messages["required"] = field.error_messages["invalid_choice"] = _("Choose the organisation.")


class ProposalFilterForm(forms.Form):
    """The filters above the list of proposals (GET). Invalid values are ignored."""

    call = forms.TypedChoiceField(label=_("Call"), coerce=int, required=False, empty_value=None)
    topic = forms.ChoiceField(label=_("Topic"), required=False)
    region = forms.ChoiceField(label=_("Region of the proposer"), required=False)
    q = forms.CharField(
        label=_("Search"), required=False, max_length=100, help_text=_("Title, summary or proposer")
    )

    def __init__(self, data=None, *, calls=(), topics=(), regions=()):
        super().__init__(data)
        self.fields["call"].choices = [(call.pk, call.tr("title")) for call in calls]
        self.fields["topic"].choices = [("", _("All topics")), *topics]
        self.fields["region"].choices = [("", _("All regions"))] + [(r.code, r.tr("name")) for r in regions]

    def filters(self) -> dict:
        if not self.is_bound or not self.is_valid():
            return {}
        return {key: value for key, value in self.cleaned_data.items() if value not in (None, "")}


class InterestForm(forms.Form):
    organisation = forms.ChoiceField(label=_("Organisation"), widget=forms.RadioSelect)
    kind = forms.ChoiceField(
        label=_("How would you take part?"), choices=Interest.Kind.choices, widget=forms.RadioSelect,
        initial=Interest.Kind.PARTNER,
        help_text=_("A partner would carry out the project with the proposer; an observer follows it and may use "
                    "its results."),
        error_messages={"required": _("Choose how you would take part.")},
    )  # fmt: skip
    note = forms.CharField(
        label=_("Note to the proposer"), required=False, max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What you would bring to the project, and who to contact. At most 1 000 characters."),
    )  # fmt: skip

    def __init__(self, data=None, *, organisations, **kwargs):
        super().__init__(data, **kwargs)
        choose_organisation(self, organisations)


class TopicInterestForm(InterestForm):
    topics = forms.MultipleChoiceField(
        label=_("Topics"), widget=forms.CheckboxSelectMultiple,
        help_text=_("Proposers of these topics see your interest when they look for partners."),
        error_messages={"required": _("Choose at least one topic."), "invalid_choice": _("Choose among the topics.")},
    )  # fmt: skip
    field_order = ["organisation", "topics", "kind", "note"]

    def __init__(self, data=None, *, organisations, topics, **kwargs):
        super().__init__(data, organisations=organisations, **kwargs)
        self.fields["topics"].choices = topics


class RegistrationForm(forms.Form):
    organisation = forms.ChoiceField(label=_("Organisation"), widget=forms.RadioSelect)
    name = forms.CharField(
        label=_("Name"), max_length=150, error_messages={"required": _("Enter your name.")}
    )
    email = forms.EmailField(
        label=_("Email"), max_length=254,
        error_messages={"required": _("Enter your email address."),
                        "invalid": _("Enter an email address in the form name@example.fi.")},
    )  # fmt: skip
    remote = forms.TypedChoiceField(
        label=_("How will you take part?"), widget=forms.RadioSelect, coerce=lambda value: value == "online",
        choices=[("venue", _("At the venue")), ("online", _("Online"))], initial="venue",
        error_messages={"required": _("Choose how you will take part.")},
    )  # fmt: skip
    dietary = forms.CharField(
        label=_("Dietary needs"), required=False, max_length=300,
        help_text=_("For example vegetarian, gluten-free or allergies."),
    )  # fmt: skip
    accessibility = forms.CharField(
        label=_("Accessibility needs"), required=False, max_length=300,
        help_text=_("For example step-free access, an induction loop or an interpreter."),
    )  # fmt: skip
    listed = forms.BooleanField(
        label=_("Show my name, organisation and email to the other participants"), required=False,
        help_text=_("The participant list helps you find partners. It is shown only to those registered for the "
                    "workshop. You can change this later."),
    )  # fmt: skip

    def __init__(self, data=None, *, organisations, **kwargs):
        super().__init__(data, **kwargs)
        choose_organisation(self, organisations)


class WorkshopForm(forms.Form):
    """What officials set of the event: the online link, places, the registration deadline and the programme."""

    online_url = forms.URLField(
        label=_("Online link"), required=False, assume_scheme="https",
        help_text=_("Shown to those registered. For example https://…"),
        error_messages={"invalid": _("Enter a web address starting with https://.")},
    )  # fmt: skip
    capacity = forms.IntegerField(
        label=_("Places at the venue"), required=False, min_value=1, max_value=10000,
        help_text=_("Leave empty for no limit. Anyone may follow online."),
        error_messages={"invalid": _("Enter a whole number."), "min_value": _("Enter at least 1.")},
    )  # fmt: skip
    registration_date = forms.DateField(
        label=_("Registration closes on"), required=False, widget=GovukDateInput,
        help_text=_("For example 20 9 2027. Empty: registration is open until the workshop begins."),
        error_messages={"invalid": _("Enter a real date, for example 20 9 2027.")},
    )  # fmt: skip
    registration_time = forms.CharField(
        label=_("Time (Finnish time)"), required=False, max_length=5, help_text=_("For example 16.00"),
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5", "inputmode": "decimal"}),
    )  # fmt: skip
    programme_fi = forms.CharField(
        label=_("Programme (Finnish)"), required=False, widget=forms.Textarea(attrs={"rows": 8})
    )
    programme_sv = forms.CharField(
        label=_("Programme (Swedish)"), required=False, widget=forms.Textarea(attrs={"rows": 8})
    )
    programme_en = forms.CharField(
        label=_("Programme (English)"), required=False, widget=forms.Textarea(attrs={"rows": 8})
    )

    def __init__(self, data=None, *, workshop, **kwargs):
        closes = clock.helsinki(workshop.registration_closes_at) if workshop.registration_closes_at else None
        initial = {
            "online_url": workshop.online_url,
            "capacity": workshop.capacity,
            "registration_date": closes.date() if closes else None,
            "registration_time": format_time(closes) if closes else "",
            **{f"programme_{lang}": getattr(workshop, f"programme_{lang}") for lang in ("fi", "sv", "en")},
        }
        super().__init__(data, initial=initial, **kwargs)
        self.workshop = workshop

    def clean(self):
        cleaned = super().clean()
        day, raw_time = cleaned.get("registration_date"), (cleaned.get("registration_time") or "").strip()
        if day is None:
            cleaned["registration_closes_at"] = None
            return cleaned
        try:
            at = parse_time(raw_time or "16.00")
        except ValueError:
            self.add_error("registration_time", _("Enter the time as hours and minutes, for example 16.00."))
            return cleaned
        closes = datetime.combine(day, at, tzinfo=clock.HELSINKI)
        if closes > self.workshop.starts_at:
            self.add_error("registration_date", _("Registration must close before the workshop begins."))
        cleaned["registration_closes_at"] = closes
        return cleaned

    def values(self) -> dict:
        return {
            key: self.cleaned_data[key]
            for key in (
                "online_url",
                "capacity",
                "registration_closes_at",
                "programme_fi",
                "programme_sv",
                "programme_en",
            )
        }


class PresentationForm(forms.Form):
    title_fi = forms.CharField(
        label=_("Title (Finnish)"),
        max_length=200,
        error_messages={"required": _("Enter the title in Finnish.")},
    )
    title_sv = forms.CharField(
        label=_("Title (Swedish)"),
        max_length=200,
        error_messages={"required": _("Enter the title in Swedish.")},
    )
    title_en = forms.CharField(label=_("Title (English)"), max_length=200, required=False)
    file = forms.FileField(
        label=_("PDF file"), widget=forms.FileInput(attrs={"accept": ".pdf,application/pdf"}),
        help_text=_("At most 20 MB. The type is read from the file's content."),
        error_messages={"required": _("Choose a PDF file.")},
    )  # fmt: skip


class StartJointForm(forms.Form):
    proposals = forms.TypedMultipleChoiceField(
        label=_("Proposals the joint project grows from"), coerce=int, widget=forms.CheckboxSelectMultiple,
        help_text=_("The organisations accepted as partners in them are asked to confirm their participation."),
        error_messages={"required": _("Choose at least one proposal."), "invalid_choice": _("Choose among the proposals listed.")},
    )  # fmt: skip

    def __init__(self, data=None, *, proposals, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["proposals"].choices = proposals
