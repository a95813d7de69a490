"""Forms of the structured parts of an application: indicators, co-applicants, contact people, budget,
attachments and business secrets.

The forms only carry what was typed and render it as GOV.UK markup; the rules live in `validation.py` and
are applied by `actions.save`. So every field here is optional free text: a bad value comes back from the
save as an error on the field, with the text kept as typed.
"""

from django import forms
from django.forms import BaseFormSet, formset_factory
from django.forms.utils import ErrorDict
from django.utils.translation import gettext_lazy as _

from .files import ACCEPTED_LABEL

# Repeating rows a page accepts at once (a guard against absurd posts, far above any real need).
MAX_ROWS = 100


class TypedForm(forms.Form):
    """A form that only carries and renders what was typed. Its fields are marked required where the
    value is needed (so the label carries no "(optional)"), but nothing is checked here: the save checks,
    and its errors are added with `add_error`."""

    def full_clean(self):
        self._errors = ErrorDict(renderer=self.renderer)
        self.cleaned_data = {}

    def raw(self, name) -> str:
        return str(self[name].value() or "").strip()


class RowForm(TypedForm):
    """One repeating row. `value_fields` are the fields saved; `remove` drops a saved row."""

    value_fields: tuple[str, ...] = ()
    noun = _("Row %(number)s")
    remove_label = _("Remove row %(number)s")

    remove = forms.BooleanField()

    def __init__(self, *args, number=1, **kwargs):
        super().__init__(*args, **kwargs)
        self.number = number
        self.fields["remove"].label = self.remove_label % {"number": number}

    def typed(self) -> dict:
        """The row as typed (bound) or as saved (unbound), stripped."""
        return {name: self.raw(name) for name in self.value_fields}

    @property
    def row_title(self) -> str:
        return self.noun % {"number": self.number}

    @property
    def is_blank(self) -> bool:
        return not any(self.typed().values())

    @property
    def marked_for_removal(self) -> bool:
        return bool(self["remove"].value())


class RowFormSet(BaseFormSet):
    def get_form_kwargs(self, index):
        kwargs = super().get_form_kwargs(index)
        # The empty form is the template repeating.js copies; it numbers the copy itself.
        kwargs["number"] = "__number__" if index is None else index + 1
        return kwargs

    def rows(self) -> tuple[list[dict], list]:
        """(rows to save, the form of each saved row): blank rows and rows marked for removal are left out.
        The second list maps an error on row i of the save back to the form it came from."""
        rows, forms_of_rows = [], []
        for form in self.forms:
            if form.is_blank or form.marked_for_removal:
                continue
            rows.append(form.typed())
            forms_of_rows.append(form)
        return rows, forms_of_rows

    def blank_count(self) -> int:
        return sum(1 for form in self.forms if form.is_blank)


def row_formset(form_class, *, extra: int):
    return formset_factory(
        form_class,
        formset=RowFormSet,
        extra=max(0, extra),
        max_num=MAX_ROWS,
        absolute_max=MAX_ROWS,
    )


class IndicatorForm(RowForm):
    value_fields = ("name", "baseline", "target", "follow_up")
    noun = _("Indicator %(number)s")
    remove_label = _("Remove indicator %(number)s")

    name = forms.CharField(
        label=_("Indicator"),
        help_text=_("What is measured, for example “share of invoices handled automatically”."),
    )
    baseline = forms.CharField(label=_("Baseline: the situation now"))
    target = forms.CharField(label=_("Target after the project"))
    follow_up = forms.CharField(
        label=_("How it is followed up"),
        help_text=_("Where the figure comes from and how often it is checked."),
    )


class ContactForm(RowForm):
    value_fields = ("name", "title", "email", "phone", "role")
    noun = _("Contact person %(number)s")
    remove_label = _("Remove contact person %(number)s")

    name = forms.CharField(label=_("Name"), widget=forms.TextInput(attrs={"autocomplete": "name"}))
    title = forms.CharField(
        label=_("Title"), required=False, widget=forms.TextInput(attrs={"autocomplete": "organization-title"})
    )
    email = forms.CharField(label=_("Email"), widget=forms.EmailInput())
    phone = forms.CharField(
        label=_("Phone"), required=False, widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"})
    )
    role = forms.CharField(
        label=_("Role in the project"),
        required=False,
        help_text=_("For example project manager or financial contact."),
    )


MONEY_INPUT = {"inputmode": "decimal", "autocomplete": "off", "spellcheck": "false"}


class BudgetLineForm(RowForm):
    value_fields = ("category", "year", "description", "amount")
    noun = _("Cost line %(number)s")
    remove_label = _("Remove cost line %(number)s")

    category = forms.ChoiceField(label=_("Cost category"))
    year = forms.ChoiceField(label=_("Year"))
    description = forms.CharField(label=_("Description"), required=False)
    amount = forms.CharField(
        label=_("Amount (€, VAT excluded)"),
        widget=forms.TextInput(attrs={**MONEY_INPUT, "class": "govuk-input--width-10 kannustin-amount"}),
    )

    def __init__(self, *args, categories=(), years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [("", _("Choose a category")), *categories]
        self.fields["year"].choices = [("", _("Choose a year")), *[(str(y), str(y)) for y in years]]


class BudgetFormSet(RowFormSet):
    def __init__(self, *args, categories=(), years=(), **kwargs):
        self.categories, self.years = list(categories), list(years)
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        kwargs = super().get_form_kwargs(index)
        kwargs.update(categories=self.categories, years=self.years)
        return kwargs


def budget_formset(*, extra: int):
    return formset_factory(
        BudgetLineForm, formset=BudgetFormSet, extra=max(0, extra), max_num=MAX_ROWS, absolute_max=MAX_ROWS
    )


class RequestedAmountForm(TypedForm):
    requested_amount = forms.CharField(
        label=_("Amount applied for (€)"),
        widget=forms.TextInput(attrs={**MONEY_INPUT, "class": "govuk-input--width-10"}),
    )
    govuk_label_classes = {"requested_amount": "govuk-label--m"}

    def __init__(self, *args, max_percent="85", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["requested_amount"].help_text = _(
            "At most %(share)s %% of the eligible costs, in euros without VAT. For example 85 000,00."
        ) % {"share": max_percent}


class ParticipantsForm(TypedForm):
    ALONE, TOGETHER = "alone", "together"

    applies = forms.ChoiceField(
        label=_("Does the municipality apply alone or with others?"),
        widget=forms.RadioSelect,
        choices=[
            (ALONE, _("The municipality applies alone")),
            (TOGETHER, _("These organisations apply with us")),
        ],
    )
    govuk_label_classes = {"applies": "govuk-label--m"}

    def __init__(self, *args, joint=False, **kwargs):
        super().__init__(*args, **kwargs)
        if joint:
            # A joint project is never carried out alone: the only answer confirms the list.
            self.fields["applies"].label = _("Confirm the organisations taking part")
            self.fields["applies"].choices = [
                (self.TOGETHER, _("These organisations take part in the joint project"))
            ]


class AttachmentForm(TypedForm):
    file = forms.FileField(
        label=_("Upload a file"),
        widget=forms.FileInput(attrs={"accept": ".pdf,.docx,.xlsx,.odt,.ods,.png,.jpg,.jpeg"}),
    )
    description = forms.CharField(
        label=_("What the file is"),
        required=False,
        help_text=_("For example “Project plan” or “Supplier's cost estimate”."),
    )
    confidential = forms.BooleanField(
        label=_("The file contains business secrets (not public)"),
        required=False,
        help_text=_("The file is then left out of public views and exports."),
    )
    govuk_label_classes = {"file": "govuk-label--m"}

    def __init__(self, *args, max_mb=10, max_count=10, count=0, documents=None, **kwargs):
        super().__init__(*args, **kwargs)
        if documents:
            # The form asks for named documents (e.g. the agreement of a joint project): say which file is which.
            self.fields["document"] = forms.ChoiceField(
                label=_("Which document is this?"), required=False, widget=forms.RadioSelect,
                choices=[*documents.items(), ("", _("Another attachment"))], initial="",
            )  # fmt: skip
        self.fields["file"].help_text = _(
            "Accepted types: %(types)s. The type is read from the file's content, not its name. At most "
            "%(mb)s MB a file and %(max)s attachments in all (now %(count)s)."
        ) % {"types": ACCEPTED_LABEL, "mb": max_mb, "max": max_count, "count": count}
