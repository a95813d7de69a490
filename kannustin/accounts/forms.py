from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ApiToken, User


class ProfileForm(forms.ModelForm):
    """What a person may change about themselves. The email address is the sign-in name, so it changes only
    through allauth's email management, which verifies the new address first."""

    class Meta:
        model = User
        fields = ["name", "title", "phone", "language"]
        widgets = {
            "language": forms.RadioSelect,
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
        }
        error_messages = {
            "name": {"required": _("Enter your name.")},
            "language": {"required": _("Choose a language."), "invalid_choice": _("Choose a language.")},
        }
        help_texts = {
            "language": _(
                "The language of the service after you sign in. Emails and decisions are sent in Finnish or "
                "Swedish: in Swedish if you choose Swedish, otherwise in Finnish."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].required = True
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["title"].widget.attrs["autocomplete"] = "organization-title"
        # A radio list has no empty choice.
        self.fields["language"].choices = User.Language.choices

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

    def clean_title(self):
        return " ".join(self.cleaned_data["title"].split())

    def clean_phone(self):
        return self.cleaned_data["phone"].strip()


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Token name"),
        max_length=ApiToken._meta.get_field("name").max_length,
        help_text=_("Say what the token is for, for example “Case management integration”."),
        error_messages={"required": _("Enter a name for the token.")},
    )

    scope = forms.ChoiceField(
        label=_("What may the token do?"),
        choices=ApiToken.Scope.choices,
        initial=ApiToken.Scope.READ,
        required=False,
        widget=forms.RadioSelect,
        help_text=_("Give the write scope only to a program that must save or submit applications."),
        error_messages={"required": _("Choose what the token may do."), "invalid_choice": _("Choose what the token may do.")},
    )  # fmt: skip
    days = forms.TypedChoiceField(
        label=_("Valid for"),
        coerce=int,
        choices=[(days, _("%(days)s days") % {"days": days}) for days in ApiToken.LIFETIMES],
        initial=ApiToken.DEFAULT_DAYS,
        required=False,
        empty_value=ApiToken.DEFAULT_DAYS,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how long the token is valid."), "invalid_choice": _("Choose how long the token is valid.")},
    )  # fmt: skip

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError(_("Enter a name for the token."), code="required")
        return name

    def clean_scope(self):
        # Unchosen means the safer of the two.
        return self.cleaned_data["scope"] or ApiToken.Scope.READ
