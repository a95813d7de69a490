"""The one place that says what time it is and whether a window is open.

Times are stored in UTC and decided in Finnish time. Tests steer the clock with time-machine.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

HELSINKI = ZoneInfo("Europe/Helsinki")


def now() -> datetime:
    return timezone.now()


def helsinki(moment: datetime) -> datetime:
    return moment.astimezone(HELSINKI)


def window_state(opens_at: datetime | None, closes_at: datetime | None, at: datetime | None = None) -> str:
    """'upcoming', 'open' or 'closed'. A window is open from opens_at inclusive to closes_at exclusive:
    a submission stamped at the closing instant 16:15:00.000 is already late."""
    at = at or now()
    if opens_at and at < opens_at:
        return "upcoming"
    if closes_at and at >= closes_at:
        return "closed"
    return "open"


def is_open(opens_at, closes_at, at=None) -> bool:
    return window_state(opens_at, closes_at, at) == "open"
