"""Forms of the reviews' pages: the disqualification declaration and the scoring form.

The rules (what a declaration needs, which scores are valid, what a submission lacks) live in `services`; these
forms only collect what was typed, keep it when the page comes back with errors, and name the fields the
way the services' errors do (`score_<code>`, `justification_<code>`, `ground`, `explanation`).
"""

from django import forms
from django.template.defaultfilters import floatformat
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import Ground

NOT_DISQUALIFIED = "no"
DISQUALIFIED = "yes"
EXPLANATION_MAX = 2000
JUSTIFICATION_MAX = 5000  # as `services.clean_scores` keeps
COMMENT_MAX = 10000  # as `services.save` keeps


class DeclarationForm(forms.Form):
    disqualified = forms.ChoiceField(
        label=_("Are you disqualified from handling this application?"),
        widget=forms.RadioSelect,
        choices=[(NOT_DISQUALIFIED, _("I am not disqualified")), (DISQUALIFIED, _("I am disqualified"))],
        error_messages={"required": _("Choose whether you are disqualified.")},
    )
    ground = forms.ChoiceField(
        label=_("Ground for the disqualification"),
        widget=forms.RadioSelect,
        choices=Ground.choices,
        required=False,
        error_messages={"invalid_choice": _("Choose the ground for the disqualification.")},
    )
    explanation = forms.CharField(
        label=_("Explanation"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=EXPLANATION_MAX,
        help_text=_(
            "How you are connected to the applicant or the project. It is kept with your declaration."
        ),
    )

    @property
    def is_disqualified(self) -> bool:
        return self.cleaned_data.get("disqualified") == DISQUALIFIED


def level_choices(call, levels) -> list[tuple[str, str]]:
    """The call's scale as radio choices: its labelled levels, or the plain numbers from the lowest to the
    highest score when the call has no labels."""
    if levels:
        choices = []
        for level in levels:
            label = level.tr("label")
            text = str(level.value) if not label or label == str(level.value) else f"{level.value} – {label}"
            choices.append((str(level.value), text))
        return choices
    return [(str(value), str(value)) for value in range(call.score_min, call.score_max + 1)]


def weight_text(criterion) -> str:
    text = gettext("Weight %(weight)s") % {"weight": floatformat(criterion.weight, "-2")}
    if criterion.emphasised:
        text += " · " + gettext("weighed especially")
    return text


class _NeededToSubmit:
    """A field a submission needs (so the page does not mark it optional) that a draft may leave empty: whether
    a review is complete is `services.missing`'s to judge, not the form's."""

    def validate(self, value):
        if value in self.empty_values:
            return
        super().validate(value)


class ScoreField(_NeededToSubmit, forms.ChoiceField):
    pass


class JustificationField(_NeededToSubmit, forms.CharField):
    pass


class ScoreForm(forms.Form):
    """A score on the call's scale and a justification per scored criterion, an overall comment, and the
    version the form was opened on. A draft may be partial: a submission's completeness is `services.missing`'s
    to judge."""

    comment = forms.CharField(
        label=_("Overall comment"),
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        max_length=COMMENT_MAX,
        help_text=_("Your overall view of the application: its strengths, weaknesses and risks."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, data=None, *, criteria, choices, **kwargs):
        super().__init__(data, **kwargs)
        self.criteria = list(criteria)
        self.govuk_label_classes = {}
        fields = {}
        for criterion in self.criteria:
            description = criterion.tr("description")
            hint = format_html("{}<br><strong>{}</strong>", description, weight_text(criterion))
            if not description:
                hint = format_html("<strong>{}</strong>", weight_text(criterion))
            score_name, justification_name = f"score_{criterion.code}", f"justification_{criterion.code}"
            fields[score_name] = ScoreField(
                label=f"{criterion.code} – {criterion.tr('title')}",
                help_text=hint,
                widget=forms.RadioSelect,
                choices=choices,
                error_messages={"invalid_choice": _("Choose a score on the call's scale.")},
            )
            fields[justification_name] = JustificationField(
                label=gettext("Justification for %(code)s") % {"code": criterion.code},
                widget=forms.Textarea(attrs={"rows": 4}),
                max_length=JUSTIFICATION_MAX,
            )
            self.govuk_label_classes[score_name] = "govuk-label--m"
        # The criteria first, in their order, then the overall comment and the version.
        self.fields = {**fields, **self.fields}

    @classmethod
    def initial_from(cls, review) -> dict:
        initial = {"comment": review.comment, "version": review.version}
        for code, item in (review.scores or {}).items():
            score = (item or {}).get("score")
            initial[f"score_{code}"] = "" if score is None else str(score)
            initial[f"justification_{code}"] = (item or {}).get("justification", "")
        return initial

    def criterion_fields(self) -> list[dict]:
        """Per criterion, its bound score and justification fields, for the template."""
        return [
            {
                "criterion": criterion,
                "score": self[f"score_{criterion.code}"],
                "justification": self[f"justification_{criterion.code}"],
            }
            for criterion in self.criteria
        ]

    def scores(self) -> dict:
        """What was typed, in the shape `services.save` takes."""
        return {
            criterion.code: {
                "score": self.cleaned_data.get(f"score_{criterion.code}") or None,
                "justification": self.cleaned_data.get(f"justification_{criterion.code}", ""),
            }
            for criterion in self.criteria
        }
