"""Forms of the application pages, built from the call's question set: one field per question of a section.

A draft may be saved incomplete, so a required question is shown as required (no "(optional)" after its
label) but an empty answer is not an error here; `validation.missing_for_submit` reports it before
submission. The values given are checked here for their form (a real date, an option of the question, the
character limit) and then by `actions.save`, whose errors are put back on the fields.
"""

import re
from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from kannustin.core.forms import GovukDateInput
from kannustin.programmes.models import Question


class DraftFieldMixin:
    """Required for the person (no "(optional)" marker), but an empty value is accepted in a draft."""

    def validate(self, value):
        if value in self.empty_values:
            return
        super().validate(value)


class TextAnswerField(DraftFieldMixin, forms.CharField):
    def to_python(self, value):
        # Browsers send textarea line breaks as CRLF; count (and store) them as one character, as the
        # character count on the page and `validation.clean_answer` do.
        if isinstance(value, str):
            value = value.replace("\r\n", "\n")
        return super().to_python(value)


class NumberAnswerField(DraftFieldMixin, forms.CharField):
    pass


class DateAnswerField(DraftFieldMixin, forms.DateField):
    def __init__(self, **kwargs):
        kwargs.setdefault("widget", GovukDateInput)
        kwargs.setdefault("error_messages", {"invalid": _("Enter a real date: day, month and year.")})
        super().__init__(**kwargs)


class ChoiceAnswerField(DraftFieldMixin, forms.ChoiceField):
    pass


class MultipleChoiceAnswerField(DraftFieldMixin, forms.MultipleChoiceField):
    pass


class MunicipalitiesField(DraftFieldMixin, forms.CharField):
    def to_python(self, value):
        text = super().to_python(value)
        return [code for code in re.split(r"[\s,;]+", text) if code]


class AttachmentAnswerField(DraftFieldMixin, forms.ChoiceField):
    pass


def text_rows(limit: int | None) -> int:
    if limit and limit <= 300:
        return 2
    if limit and limit <= 1500:
        return 5
    return 10


def money_initial(value) -> str:
    """A stored amount ("1500.00") as people write it here: 1500,00."""
    return str(value).replace(".", ",") if value not in (None, "") else ""


class SectionForm(forms.Form):
    """The questions of one section of the application form."""

    def __init__(self, questions, *, application, attachments=(), **kwargs):
        self.questions = list(questions)
        self.application = application
        answers = application.answers or {}
        initial = {}
        super().__init__(**kwargs)
        self.govuk_label_classes = {}
        for question in self.questions:
            field = self.field_for(question, attachments)
            self.fields[question.key] = field
            self.govuk_label_classes[question.key] = "govuk-label--s"
            initial[question.key] = self.initial_for(question, answers.get(question.key))
        self.initial = initial

    def field_for(self, question: Question, attachments) -> forms.Field:
        common = {
            "label": question.tr("label"),
            "help_text": question.tr("help"),
            "required": question.required,
        }
        kind = question.type
        if kind == Question.Type.TEXT:
            return TextAnswerField(
                max_length=question.max_length,
                widget=forms.Textarea(attrs={"rows": text_rows(question.max_length)}),
                **common,
            )
        if kind in {Question.Type.NUMBER, Question.Type.MONEY}:
            hint = _("In euros, for example 12 500,00.") if kind == Question.Type.MONEY else ""
            common["help_text"] = " ".join(str(part) for part in (common["help_text"], hint) if part)
            return NumberAnswerField(
                widget=forms.TextInput(
                    attrs={"inputmode": "decimal", "class": "govuk-input--width-10", "spellcheck": "false"}
                ),
                **common,
            )
        if kind == Question.Type.DATE:
            hint = _("For example 27 3 2026")
            common["help_text"] = " ".join(str(part) for part in (common["help_text"], hint) if part)
            return DateAnswerField(**common)
        if kind == Question.Type.CHOICE:
            return ChoiceAnswerField(
                choices=[(option.key, option.tr("label")) for option in question.translated_options()],
                widget=forms.RadioSelect,
                **common,
            )
        if kind == Question.Type.MULTIPLE_CHOICE:
            return MultipleChoiceAnswerField(
                choices=[(option.key, option.tr("label")) for option in question.translated_options()],
                widget=forms.CheckboxSelectMultiple,
                **common,
            )
        if kind == Question.Type.MUNICIPALITIES:
            hint = _(
                "Three-digit municipality codes separated by commas, for example 091, 049. You can look up "
                "codes by name on the co-applicants page."
            )
            common["help_text"] = " ".join(str(part) for part in (common["help_text"], hint) if part)
            return MunicipalitiesField(
                widget=forms.TextInput(attrs={"spellcheck": "false", "autocomplete": "off"}), **common
            )
        if kind == Question.Type.FILE:
            hint = _("Upload the file on the attachments page first, then choose it here.")
            common["help_text"] = " ".join(str(part) for part in (common["help_text"], hint) if part)
            choices = [("", _("No attachment chosen"))] + [
                (str(attachment.pk), attachment.original_name) for attachment in attachments
            ]
            return AttachmentAnswerField(choices=choices, widget=forms.Select, **common)
        raise ValueError(f"Unknown question type {kind}")

    @staticmethod
    def initial_for(question: Question, value):
        if value in (None, "", []):
            return [] if question.type == Question.Type.MULTIPLE_CHOICE else ""
        if question.type == Question.Type.MONEY:
            return money_initial(value)
        if question.type == Question.Type.MUNICIPALITIES:
            return ", ".join(value)
        if question.type == Question.Type.FILE:
            return str(value[0]) if isinstance(value, list) and value else str(value)
        return value

    def answers(self) -> dict:
        """The cleaned values as `actions.save` takes them (dates as ISO strings)."""
        result = {}
        for question in self.questions:
            value = self.cleaned_data.get(question.key)
            if isinstance(value, date):
                value = value.isoformat()
            if value is None:
                value = [] if question.type == Question.Type.MULTIPLE_CHOICE else ""
            result[question.key] = value
        return result

    def add_save_errors(self, errors: dict) -> None:
        """Put the errors of `actions.save` on the fields they belong to."""
        for key, messages in errors.items():
            field = key if key in self.fields else None
            for message in messages:
                self.add_error(field, message)

    def labels(self) -> dict:
        return {question.key: question.tr("label") for question in self.questions}


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the application withdrawn?"),
        help_text=_("The ministry keeps the reason with the application."),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Tell the ministry why the application is withdrawn.")},
    )
    govuk_label_classes = {"reason": "govuk-label--m"}
