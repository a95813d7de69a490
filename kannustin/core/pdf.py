"""HTML → PDF with WeasyPrint. Templates stay HTML and are translated like every other template."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation


def render_pdf(template: str, context: dict, language: str) -> bytes:
    from weasyprint import HTML  # imported here: it loads Pango, which only PDF work needs

    with translation.override(language):
        html = render_to_string(template, {**context, "LANGUAGE_CODE": language})
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()
