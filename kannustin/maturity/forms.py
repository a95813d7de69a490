from django import forms
from django.utils.translation import gettext_lazy as _

from .models import SERVICE_PROCESS_MAX_LENGTH


class VersionedForm(forms.Form):
    # The version the user read; a save based on an older version is refused (see services.save_ratings).
    version = forms.IntegerField(min_value=0, widget=forms.HiddenInput)


class ServiceProcessForm(VersionedForm):
    service_process = forms.CharField(
        label=_("Which service process does the project renew?"),
        help_text=_(
            "Name the process and describe it briefly, for example: “Purchase invoices from receipt to "
            "payment and cost accounting”. You assess the maturity of this process."
        ),
        max_length=SERVICE_PROCESS_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": _("Enter the service process the project renews."),
            "max_length": _("Describe the service process in %(limit_value)d characters or fewer."),
        },
    )


class DimensionForm(VersionedForm):
    """Two radio groups: the level now and the target level after the project. The template draws the
    options itself, each with the level's name and the dimension's descriptor of that level."""

    current = forms.TypedChoiceField(
        label=_("Now"),
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the level of the service process now.")},
    )
    target = forms.TypedChoiceField(
        label=_("Target after the project"),
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the target level after the project.")},
    )

    def __init__(self, *args, levels=(), **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(str(level.value), f"{level.value} {level.tr('name')}") for level in levels]
        invalid = _("Choose one of the levels shown.")
        for name in ("current", "target"):
            self.fields[name].choices = choices
            self.fields[name].error_messages["invalid_choice"] = invalid
