"""Content written by people in three languages lives in `<field>_fi`, `<field>_sv`, `<field>_en` columns.

`translated(obj, "name")` picks the current language and falls back to Finnish, then Swedish.
"""

from urllib.parse import urlsplit

from django.urls import translate_url
from django.utils import translation
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


def in_language(url: str, code: str) -> str:
    """`url` in language `code`: the same public page under its address in that language; any other address
    as it is. (The language prefix resolves only in its own language, hence the override.)"""
    current = translation.get_language_from_path(urlsplit(url).path)
    if current is None:
        return url
    with translation.override(current):
        return translate_url(url, code)


class TranslatedMixin:
    """Gives models `obj.tr("name")`; templates use the `tr` filter."""

    def tr(self, field: str, language: str | None = None) -> str:
        return translated(self, field, language)
