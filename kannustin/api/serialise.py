"""Model → plain data for the API. Kept apart from the endpoints so other parts of the API (and exports)
shape the same objects the same way."""

from decimal import Decimal

from kannustin.core import clock

LANGUAGES = ("fi", "sv", "en")


def decimal_string(value: Decimal | None) -> str | None:
    # format(…, "f") never gives exponent notation ("1E+3"), which a client would not expect.
    return None if value is None else format(value, "f")


def trilingual(obj, *fields: str) -> dict:
    """{"name_fi": …, "name_sv": …, "name_en": …} for each field; missing translations are "" not null."""
    return {
        f"{field}_{code}": getattr(obj, f"{field}_{code}", "") or "" for field in fields for code in LANGUAGES
    }


def finnish_time(moment):
    return clock.helsinki(moment) if moment is not None else None
