"""GOV.UK Frontend markup for every Django form.

`{{ form }}` and `{{ form.field.as_field_group }}` render through templates/forms/govuk/: label (or fieldset
and legend), hint from help_text, error message, and the classes of the GOV.UK component that matches the
widget. The bound field adds the component classes and the aria-describedby wiring to the widget itself, so
`{{ form.field }}` on its own is styled too. See docs/design-system.md for the conventions.
"""

import datetime
import functools

from django import forms
from django.forms.boundfield import BoundField
from django.forms.renderers import DjangoTemplates, TemplatesSetting
from django.template.exceptions import TemplateDoesNotExist
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .formats import parse_date


class GovukDateInput(forms.MultiWidget):
    """The GOV.UK date input: day, month and year boxes in a fieldset. Use with forms.DateField:
    `forms.DateField(widget=GovukDateInput)`. The field receives an ISO date, or the parts as typed when
    they do not make a date, so the field's own "Enter a valid date" error applies."""

    template_name = "forms/govuk/widgets/date_input.html"
    parts = (("day", _("Day"), 2), ("month", _("Month"), 2), ("year", _("Year"), 4))

    def __init__(self, attrs=None):
        widgets = {
            name: forms.TextInput(attrs={"inputmode": "numeric"}) for name, _label, _width in self.parts
        }
        super().__init__(widgets, attrs)

    def decompress(self, value):
        if isinstance(value, datetime.date):
            return [value.day, value.month, value.year]
        if isinstance(value, str) and value:
            try:
                parsed = datetime.date.fromisoformat(value)
            except ValueError:
                parts = value.split(".")
                return parts if len(parts) == 3 else [None, None, None]
            return [parsed.day, parsed.month, parsed.year]
        return [None, None, None]

    def value_from_datadict(self, data, files, name):
        day, month, year = ((value or "").strip() for value in super().value_from_datadict(data, files, name))
        if not (day or month or year):
            return None
        typed = [part for part in (day, month, year) if part]
        if len(typed) == 1 and (whole := parse_date(typed[0])):
            # The whole date typed into one box, as people write it: 1.3.2027.
            return whole.isoformat()
        if day.isdigit() and month.isdigit() and year.isdigit() and len(year) == 4:
            try:
                return datetime.date(int(year), int(month), int(day)).isoformat()
            except ValueError:
                pass
        return f"{day}.{month}.{year}"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        invalid = "govuk-input--error" in (context["widget"]["attrs"].get("class") or "")
        for sub, (part, label, width) in zip(context["widget"]["subwidgets"], self.parts, strict=True):
            classes = f"govuk-input govuk-date-input__input govuk-input--width-{width}"
            sub["attrs"]["class"] = f"{classes} govuk-input--error" if invalid else classes
            sub["part"] = part
            sub["label"] = label
        return context


def widget_kind(widget) -> str:
    """Which GOV.UK component renders this widget (the order matters: the checks go from subclass to base)."""
    if widget.is_hidden:
        return "hidden"
    if isinstance(widget, GovukDateInput):
        return "date"
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    if isinstance(widget, forms.FileInput):
        return "file"
    if isinstance(widget, forms.MultiWidget):
        return "multi"
    return "input"


# The class every input of a kind gets, and the one added when the field has errors.
WIDGET_CLASSES = {
    "input": ("govuk-input", "govuk-input--error"),
    "multi": ("govuk-input", "govuk-input--error"),
    "textarea": ("govuk-textarea", "govuk-textarea--error"),
    "select": ("govuk-select", "govuk-select--error"),
    "file": ("govuk-file-upload", "govuk-file-upload--error"),
    "radios": ("govuk-radios__input", ""),
    "checkboxes": ("govuk-checkboxes__input", ""),
    "checkbox": ("govuk-checkboxes__input", ""),
    "date": ("", "govuk-input--error"),
}


def error_anchor(bound_field) -> str:
    """The id an error summary links to: the field's input, or the first of its radios, checkboxes or
    date parts. Works for any BoundField."""
    widget = bound_field.field.widget
    id_ = widget.attrs.get("id") or bound_field.auto_id
    if not id_:
        return ""
    if isinstance(widget, forms.RadioSelect):  # also CheckboxSelectMultiple
        return widget.id_for_label(id_, "0")
    if isinstance(widget, forms.MultiWidget):  # Django labels no part of it; the first part is <id>_0
        return f"{id_}_0"
    return widget.id_for_label(id_) or id_


def _join(*classes) -> str:
    return " ".join(c for c in classes if c)


class GovukBoundField(BoundField):
    """A BoundField that knows its GOV.UK component. Forms may set `govuk_label_classes = {"name":
    "govuk-label--m"}` to size a label (the legend of a fieldset gets the matching legend class)."""

    @cached_property
    def govuk_kind(self) -> str:
        return widget_kind(self.field.widget)

    @property
    def govuk_id(self) -> str:
        return self.field.widget.attrs.get("id") or self.auto_id

    @property
    def hint_id(self) -> str:
        return f"{self.govuk_id}-hint" if self.govuk_id and self.help_text else ""

    @property
    def error_id(self) -> str:
        return f"{self.govuk_id}-error" if self.govuk_id and self.errors else ""

    @cached_property
    def max_length(self):
        """The limit a character count shows; only textareas get one."""
        if self.govuk_kind != "textarea":
            return None
        return getattr(self.field, "max_length", None)

    @property
    def character_count_id(self) -> str:
        return f"{self.govuk_id}-info" if self.govuk_id and self.max_length else ""

    @property
    def error_anchor(self) -> str:
        return error_anchor(self)

    @property
    def label_classes(self) -> str:
        return getattr(self.form, "govuk_label_classes", {}).get(self.name, "")

    @property
    def legend_classes(self) -> str:
        size = (
            self.label_classes.rsplit("govuk-label--", 1)[-1] if "govuk-label--" in self.label_classes else ""
        )
        return f"govuk-fieldset__legend--{size}" if size else ""

    @property
    def show_optional(self) -> bool:
        # GOV.UK marks the optional fields, not the required ones; a lone checkbox is optional by nature.
        return not self.field.required and self.govuk_kind not in {"hidden", "checkbox"}

    # Label text, hint and error message are built here rather than in included templates: they appear in
    # every field, and an {% include %} per field costs more than the markup itself.
    @property
    def label_html(self):
        if self.show_optional:
            return format_html(
                '{} <span class="kannustin-optional">{}</span>', self.label, gettext("(optional)")
            )
        return format_html("{}", self.label)

    @property
    def hint_html(self):
        if not self.help_text:
            return ""
        return format_html('<div class="govuk-hint" id="{}">{}</div>', self.hint_id, self.help_text)

    @property
    def error_html(self):
        if not self.errors:
            return ""
        messages = format_html_join(
            mark_safe("<br>"), "{}", ((error,) for error in self.errors)
        )  # a constant separator # nosec B308
        return format_html(
            '<p class="govuk-error-message" id="{}"><span class="govuk-visually-hidden">{}</span> {}</p>',
            self.error_id,
            gettext("Error:"),
            messages,
        )

    @property
    def aria_describedby(self):
        if self.field.widget.attrs.get("aria-describedby"):
            return None
        if self.is_hidden:
            return ""
        return _join(self.hint_id, self.error_id, self.character_count_id)

    def build_widget_attrs(self, attrs, widget=None):
        widget = widget or self.field.widget
        attrs = super().build_widget_attrs(attrs, widget)
        # No browser validation bubbles: the server validates and the error summary reports (GOV.UK pattern).
        attrs.pop("required", None)
        kind = widget_kind(widget)
        if kind in WIDGET_CLASSES:
            base, invalid = WIDGET_CLASSES[kind]
            attrs["class"] = _join(
                base,
                invalid if self.errors else "",
                "govuk-input--width-10" if isinstance(widget, forms.DateInput) else "",
                "govuk-js-character-count" if self.max_length else "",
                widget.attrs.get("class"),
                attrs.get("class"),
            )
        if self.max_length:
            # The character count tells the limit and lets people go over it; maxlength would cut text silently.
            attrs["maxlength"] = False
        if isinstance(widget, forms.EmailInput):
            attrs.setdefault("spellcheck", "false")
            attrs.setdefault("autocomplete", "email")
        return attrs


@functools.cache
def _django_form_templates():
    # Django's own widget templates (django/forms/templates), for the widgets we do not restyle.
    return DjangoTemplates()


class GovukFormRenderer(TemplatesSetting):
    """Every Django form renders as GOV.UK Frontend markup: label, hint, error message, and the classes of
    the GOV.UK components. Templates: templates/forms/govuk/. Django's own widget templates (django/forms/…)
    come from Django's form engine, so 'django.forms' need not be an installed app; to restyle one, map it to
    a project template in `template_overrides`."""

    form_template_name = "forms/govuk/form.html"
    field_template_name = "forms/govuk/field.html"
    bound_field_class = GovukBoundField
    # Django widget templates replaced by GOV.UK ones.
    template_overrides = {
        "django/forms/widgets/clearable_file_input.html": "forms/govuk/widgets/clearable_file_input.html",
    }

    def get_template(self, template_name):
        template_name = self.template_overrides.get(template_name, template_name)
        if template_name.startswith("django/forms/"):
            # Straight to Django's own: a failed lookup in the project's loaders first costs time per widget.
            return _django_form_templates().get_template(template_name)
        try:
            return super().get_template(template_name)
        except TemplateDoesNotExist:
            return _django_form_templates().get_template(template_name)
