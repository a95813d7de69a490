"""Content written by people in three languages lives in `<field>_fi`, `<field>_sv`, `<field>_en` columns.

`translated(obj, "name")` picks the current language and falls back to Finnish, then Swedish.
"""

from django.utils.translation import get_language

CONTENT_LANGUAGES = ("fi", "sv", "en")


def current_language() -> str:
    language = (get_language() or "fi")[:2]
    return language if language in CONTENT_LANGUAGES else "fi"


def translated(obj, field: str, language: str | None = None) -> str:
    language = language or current_language()
    for code in (language, "fi", "sv", "en"):
        value = getattr(obj, f"{field}_{code}", "")
        if value:
            return value
    return ""


class TranslatedMixin:
    """Gives models `obj.tr("name")`; templates use the `tr` filter."""

    def tr(self, field: str, language: str | None = None) -> str:
        return translated(self, field, language)
