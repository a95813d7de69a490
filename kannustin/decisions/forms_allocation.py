"""Forms of the allocation pages: drawing a scenario, changing one amount, choosing the decision proposal and
picking scenarios to compare. Money is typed the Finnish way ("1 500 000,00") and read by `core.money.to_money`."""

from decimal import Decimal, InvalidOperation

from django import forms
from django.utils.translation import gettext_lazy as _

from kannustin.core.money import NBSP, AmountFormatError, format_euros, to_money
from kannustin.programmes.question_types import AMOUNT_FORMAT_MESSAGE

from .models import Scenario

MONEY_INPUT = {
    "inputmode": "decimal",
    "autocomplete": "off",
    "spellcheck": "false",
    "class": "govuk-input--width-10",
}
REASON_MAX_LENGTH = 2000
COMPARE_AT_MOST = 4


def money_text(amount) -> str:
    """An amount as an official types it: 1 500 000,00 (spaces between thousands, cents after a comma)."""
    if amount is None:
        return ""
    return format_euros(amount, "fi").replace(NBSP + "€", "").replace(NBSP, " ")


class EurosField(forms.CharField):
    """Euros as typed: '1 500 000,00', '1500000.00', '1 500 000 €'. Cleans to a Decimal with cents."""

    def __init__(self, *, example="1 500 000,00", **kwargs):
        kwargs.setdefault("widget", forms.TextInput(attrs=MONEY_INPUT))
        self.example = example
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if value in (None, ""):
            return None
        try:
            return to_money(value)
        except AmountFormatError:
            raise forms.ValidationError(str(AMOUNT_FORMAT_MESSAGE), code="format") from None
        except ValueError:
            raise forms.ValidationError(
                _("Enter the amount in euros, for example %(example)s.") % {"example": self.example},
                code="invalid",
            ) from None


class DrawForm(forms.Form):
    govuk_label_classes = {"name": "govuk-label--s", "method": "govuk-label--s", "budget": "govuk-label--s"}

    name = forms.CharField(
        label=_("Name of the scenario"),
        max_length=200,
        help_text=_("For example: Optimiser, partial funding from 50 %"),
        error_messages={"required": _("Give the scenario a name.")},
    )
    method = forms.ChoiceField(
        label=_("Method"),
        choices=Scenario.Method.choices,
        widget=forms.RadioSelect,
        initial=Scenario.Method.RANK,
        error_messages={"required": _("Choose how the scenario is drawn.")},
    )
    budget = EurosField(
        label=_("Budget (€)"),
        help_text=_("The track's share of the appropriation unless you give another amount."),
        error_messages={"required": _("Give the budget in euros.")},
    )
    allow_partial = forms.BooleanField(
        label=_("Partial funding allowed (optimiser)"),
        required=False,
        help_text=_(
            "The optimiser may grant less than the largest possible grant, down to the minimum share."
        ),
    )
    min_share = forms.CharField(
        label=_("Smallest share of the largest possible grant when funded partially (%)"),
        initial="50",
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "govuk-input--width-4"}),
        error_messages={"required": _("Give the smallest share as a percentage from 1 to 100.")},
    )

    def clean_budget(self):
        budget = self.cleaned_data["budget"]
        if budget is not None and budget <= 0:
            raise forms.ValidationError(_("Give a budget greater than zero."), code="min")
        return budget

    def clean_min_share(self) -> Decimal:
        text = (self.cleaned_data.get("min_share") or "").replace(" ", "").replace("%", "").replace(",", ".")
        try:
            percent = Decimal(text)
        except InvalidOperation:
            percent = None
        if percent is None or not percent.is_finite() or not (1 <= percent <= 100):
            raise forms.ValidationError(
                _("Give the smallest share as a percentage from 1 to 100."), code="range"
            )
        return (percent / 100).quantize(Decimal("0.001"))


class OverrideForm(forms.Form):
    govuk_label_classes = {"amount": "govuk-label--s", "reason": "govuk-label--s"}

    amount = EurosField(
        label=_("Amount (€)"),
        example="85 000,00",
        help_text=_("0 leaves the application unfunded in this scenario."),
        error_messages={"required": _("Give the amount in euros (0 for not funded).")},
    )
    reason = forms.CharField(
        label=_("Reason for the change"),
        help_text=_("Kept with the scenario and shown to everyone who reads it."),
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Give a reason for the change.")},
    )


class ChooseForm(forms.Form):
    govuk_label_classes = {"reason": "govuk-label--s"}

    reason = forms.CharField(
        label=_("Why is this scenario the decision proposal?"),
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Give the reason for choosing this scenario.")},
    )


class CompareForm(forms.Form):
    """Which of the call's scenarios to put side by side (GET ?s=<id>&s=<id>)."""

    s = forms.TypedMultipleChoiceField(
        label=_("Scenarios to compare"),
        help_text=_("Choose from 2 to 4."),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Choose from 2 to 4 scenarios to compare."),
            "invalid_choice": _("Choose scenarios of this call."),
        },
    )

    def __init__(self, data=None, *, scenarios=()):
        super().__init__(data)
        self.fields["s"].choices = [(scenario.pk, scenario.name) for scenario in scenarios]

    def clean_s(self):
        chosen = list(dict.fromkeys(self.cleaned_data["s"]))
        if not 2 <= len(chosen) <= COMPARE_AT_MOST:
            raise forms.ValidationError(_("Choose from 2 to 4 scenarios to compare."), code="count")
        return chosen
