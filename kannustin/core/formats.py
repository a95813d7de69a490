"""One way to write dates, clock times and amounts of money in each language, everywhere: pages, emails,
PDF copies, content loaded from data files and messages built in Python.

| | Finnish | Swedish | English |
| --- | --- | --- | --- |
| date | 1.3.2027 | 1.3.2027 | 1 March 2027 |
| clock time | 16.15 | 16.15 | 16:15 |
| date and time | 1.3.2027 klo 16.15 | 1.3.2027 kl. 16.15 | 1 March 2027 at 16:15 |
| money | 1 234 567,50 € | 1 234 567,50 € | €1,234,567.50 |

Dates have no leading zeros (never 01.03.2027); Finnish and Swedish write clock times with a full stop, as
the public notices of the programme did ("klo 16.15", "kl. 16.15"). Aware datetimes are shown in Finnish
time. Templates use the filters `date_text`, `time_text`, `datetime_text` and `euros`
(core/templatetags/kannustin.py); Python code calls the functions here. Sentences around a time
("{{ date }} at {{ time }} Finnish time") are translated in the catalogues, where "at" becomes "klo" and
"kl.". `parse_date` reads what people type: 1.3.2027, 01.03.2027 and 2027-03-01.
"""

import re
from datetime import date, datetime, time

from .clock import HELSINKI
from .i18n import current_language
from .money import format_euros

MONTHS_EN = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
AT = {"fi": "klo", "sv": "kl.", "en": "at"}

__all__ = ["format_date", "format_time", "format_datetime", "format_span", "format_euros", "parse_date"]


def _language(language: str | None) -> str:
    return language if language in AT else current_language()


def _local(value):
    """A datetime in Finnish time (a naive one is taken as Finnish time already)."""
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(HELSINKI)
    return value


def format_date(value: date | datetime | None, language: str | None = None) -> str:
    """1.3.2027 in Finnish and Swedish, 1 March 2027 in English."""
    if value is None or value == "":
        return ""
    value = _local(value)
    if _language(language) == "en":
        return f"{value.day} {MONTHS_EN[value.month - 1]} {value.year}"
    return f"{value.day}.{value.month}.{value.year}"


def format_time(value: time | datetime | None, language: str | None = None, *, seconds: bool = False) -> str:
    """16.15 in Finnish and Swedish, 16:15 in English; with seconds 16.14.59 / 16:14:59."""
    if value is None or value == "":
        return ""
    value = _local(value)
    separator = ":" if _language(language) == "en" else "."
    text = f"{value.hour}{separator}{value.minute:02d}"
    return f"{text}{separator}{value.second:02d}" if seconds else text


def format_datetime(value: datetime | None, language: str | None = None, *, seconds: bool = False) -> str:
    """1.3.2027 klo 16.15, 1.3.2027 kl. 16.15, 1 March 2027 at 16:15."""
    if value is None or value == "":
        return ""
    language = _language(language)
    value = _local(value)
    return f"{format_date(value, language)} {AT[language]} {format_time(value, language, seconds=seconds)}"


def format_moment(value: datetime, language: str | None = None) -> str:
    """A date and time, or only the date when the time is midnight (a window that opens on a day)."""
    value = _local(value)
    if value.time() == time(0, 0):
        return format_date(value, language)
    return format_datetime(value, language)


def format_span(starts: datetime, ends: datetime, language: str | None = None) -> str:
    """An event within one day: 27.9.2019 klo 9.00–16.00, 27 September 2019 at 9:00–16:00."""
    language = _language(language)
    starts, ends = _local(starts), _local(ends)
    hours = f"{format_time(starts, language)}–{format_time(ends, language)}"
    return f"{format_date(starts, language)} {AT[language]} {hours}"


_FINNISH_DATE = re.compile(r"(\d{1,2})\s*\.\s*(\d{1,2})\s*\.\s*(\d{4})\.?")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def parse_date(text) -> date | None:
    """A date as people write it (1.3.2027, 01.03.2027, 1. 3. 2027) or as ISO 8601 (2027-03-01); None when
    the text is no real date."""
    if isinstance(text, datetime):
        return text.date()
    if isinstance(text, date):
        return text
    if not isinstance(text, str):
        return None
    text = text.strip()
    try:
        if match := _FINNISH_DATE.fullmatch(text):
            day, month, year = (int(part) for part in match.groups())
            return date(year, month, day)
        if match := _ISO_DATE.fullmatch(text):
            year, month, day = (int(part) for part in match.groups())
            return date(year, month, day)
    except ValueError:
        return None
    return None
