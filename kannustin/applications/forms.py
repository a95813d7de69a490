"""Forms of the application pages, built from the call's question set: one field per question of a section,
made by the question's type (`programmes.question_types`).

A draft may be saved incomplete, so a required question is shown as required (no "(optional)" after its
label) but an empty answer is not an error here; `completeness.missing_for_submit` reports it before
submission. The values given are checked here for their form (a real date, an option of the question, the
character limit) and then by `actions.save`, whose errors are put back on the fields.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from kannustin.programmes.models import Question


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
        return question.answer_type.form_field(question, attachments=attachments)

    @staticmethod
    def initial_for(question: Question, value):
        return question.answer_type.initial(question, value)

    def answers(self) -> dict:
        """The cleaned values as `actions.save` takes them (dates as ISO strings)."""
        return {
            question.key: question.answer_type.form_value(self.cleaned_data.get(question.key))
            for question in self.questions
        }

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
