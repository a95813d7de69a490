from django.forms.renderers import TemplatesSetting


class GovukFormRenderer(TemplatesSetting):
    """Every Django form renders as GOV.UK Frontend markup: label, hint, error message, and the classes of
    the GOV.UK components. Templates: templates/forms/govuk/."""

    form_template_name = "forms/govuk/form.html"
    field_template_name = "forms/govuk/field.html"
