"""Forms of the decision pages: filters, correcting a draft, the send confirmation, filing and handling a
request for rectification, and the filters of the public list of funded projects."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kannustin.core.money import AmountFormatError, to_money
from kannustin.programmes.question_types import AMOUNT_FORMAT_MESSAGE

from .models import Decision, RectificationRequest

TEXT_MAX_LENGTH = 10000


class MoneyField(forms.CharField):
    """Euros as people write them: 8 500,00 or 8500.00 (see core.money.to_money); empty is None."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.widget.attrs.update(
            {"inputmode": "decimal", "class": "govuk-input--width-10", "spellcheck": "false"}
        )

    def prepare_value(self, value):
        if value is None or value == "":
            return ""
        if isinstance(value, str):
            return value
        return f"{value:.2f}".replace(".", ",")

    def to_python(self, value):
        value = super().to_python(value)
        if value in (None, ""):
            return None
        if len(value) > 30:
            raise forms.ValidationError(_("Enter the amount in euros, for example 85 000,00."))
        try:
            amount = to_money(value)
        except AmountFormatError:
            raise forms.ValidationError(AMOUNT_FORMAT_MESSAGE) from None
        except ValueError:
            raise forms.ValidationError(_("Enter the amount in euros, for example 85 000,00.")) from None
        if amount < 0:
            raise forms.ValidationError(_("The amount cannot be negative."))
        return amount


class _Filters(forms.Form):
    """A GET form of filters: invalid values are simply ignored."""

    def filters(self) -> dict:
        if not self.is_bound or not self.is_valid():
            return {}
        return {key: value for key, value in self.cleaned_data.items() if value not in (None, "")}


class DecisionFilterForm(_Filters):
    state = forms.ChoiceField(label=_("State"), required=False)

    def __init__(self, data=None):
        super().__init__(data)
        self.fields["state"].choices = [("", _("All states"))] + list(Decision.State.choices)


class RectificationFilterForm(_Filters):
    state = forms.ChoiceField(label=_("State"), required=False)

    def __init__(self, data=None):
        super().__init__(data)
        self.fields["state"].choices = [("", _("All requests"))] + list(RectificationRequest.State.choices)


class OutcomeForm(forms.Form):
    """Outcome, amount and reasons: what an official decides in a draft or on a request for rectification."""

    govuk_label_classes = {
        "outcome": "govuk-label--m",
        "amount": "govuk-label--m",
        "reasons": "govuk-label--m",
    }

    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=Decision.Outcome.choices, widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether the grant is given or refused.")},
    )  # fmt: skip
    amount = MoneyField(
        label=_("Amount granted at most (€)"), required=False,
        help_text=_("Only for a grant. For example 85 000,00."),
    )  # fmt: skip
    reasons = forms.CharField(
        label=_("Reasons"), required=False, max_length=TEXT_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Written into the decision as they are, in the decision's language."),
    )  # fmt: skip

    def clean(self):
        cleaned = super().clean()
        granted = cleaned.get("outcome") == Decision.Outcome.GRANTED
        if granted and "amount" not in self.errors and cleaned.get("amount") in (None, 0):
            self.add_error("amount", _("A grant needs an amount greater than zero."))
        return cleaned


class DecisionEditForm(OutcomeForm):
    govuk_label_classes = {**OutcomeForm.govuk_label_classes, "conditions": "govuk-label--m"}

    conditions = forms.CharField(
        label=_("Further conditions"), required=False, max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Conditions of this grant in addition to those of the decision template."),
    )  # fmt: skip

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("outcome") == Decision.Outcome.REJECTED and not (cleaned.get("reasons") or "").strip():
            self.add_error("reasons", _("A rejection needs its reasons."))
        return cleaned


class HandleRectificationForm(OutcomeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reasons"].required = True
        self.fields["reasons"].error_messages["required"] = _(
            "Give the reasons for the decision on the request."
        )


class SendForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I have checked the decisions: send them to the applicants now"),
        error_messages={"required": _("Confirm that the decisions may be sent.")},
    )


class RectificationRequestForm(forms.Form):
    govuk_label_classes = {"text": "govuk-label--m"}

    text = forms.CharField(
        label=_("What should change in the decision, and why"), max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Say which part of the decision you ask to be corrected, how, and on what grounds."),
        error_messages={"required": _("Say what in the decision should change, and why.")},
    )  # fmt: skip


class FundedFilterForm(_Filters):
    """The filters of the public list of funded projects."""

    call = forms.TypedChoiceField(label=_("Call"), coerce=int, required=False, empty_value=None)
    region = forms.TypedChoiceField(label=_("Region"), coerce=int, required=False, empty_value=None)

    def __init__(self, data=None, *, calls=(), regions=()):
        super().__init__(data)
        self.fields["call"].choices = [("", _("All calls"))] + [(c.pk, c.tr("title")) for c in calls]
        self.fields["region"].choices = [("", _("All regions"))] + [(r.pk, r.tr("name")) for r in regions]
