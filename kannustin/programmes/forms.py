from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Feedback


class FeedbackForm(forms.ModelForm):
    class Meta:
        model = Feedback
        fields = ["message", "page_url", "name", "email"]
        # The form renderer marks optional fields with "(optional)"; the labels do not repeat it.
        labels = {
            "message": _("What accessibility problem did you find?"),
            "page_url": _("On which page?"),
            "name": _("Your name"),
            "email": _("Your email address"),
        }
        help_texts = {
            "message": _("Tell us what you were doing and what did not work. Do not include personal data."),
            "email": _("Give an address if you would like an answer. We answer within 14 days."),
        }
        widgets = {"message": forms.Textarea(attrs={"rows": 6})}

    message = forms.CharField(
        label=_("What accessibility problem did you find?"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Describe the problem you found.")},
        help_text=_("Tell us what you were doing and what did not work. Do not include personal data."),
    )
