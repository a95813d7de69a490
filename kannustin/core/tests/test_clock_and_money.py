from datetime import datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kannustin.core import clock
from kannustin.core.money import format_euros, to_money

CLOSE = datetime(2019, 9, 19, 16, 15, tzinfo=clock.HELSINKI)
OPEN = datetime(2019, 8, 1, 0, 0, tzinfo=clock.HELSINKI)


@pytest.mark.parametrize(
    ("at", "state"),
    [
        (datetime(2019, 7, 31, 23, 59, 59, tzinfo=clock.HELSINKI), "upcoming"),
        (OPEN, "open"),
        (datetime(2019, 9, 19, 16, 14, 59, tzinfo=clock.HELSINKI), "open"),
        (CLOSE, "closed"),
        (datetime(2019, 9, 19, 16, 15, 1, tzinfo=clock.HELSINKI), "closed"),
    ],
)
def test_window_is_decided_in_finnish_time(at, state):
    assert clock.window_state(OPEN, CLOSE, at) == state


def test_closing_instant_is_the_same_moment_in_utc():
    # 16:15 Finnish summer time is 13:15 UTC; a UTC clock one second before is still open.
    from datetime import UTC

    assert clock.is_open(OPEN, CLOSE, datetime(2019, 9, 19, 13, 14, 59, tzinfo=UTC))
    assert not clock.is_open(OPEN, CLOSE, datetime(2019, 9, 19, 13, 15, 0, tzinfo=UTC))


def test_winter_time_closing():
    close = datetime(2019, 12, 19, 16, 15, tzinfo=clock.HELSINKI)
    assert close.utcoffset().total_seconds() == 2 * 3600
    from datetime import UTC

    assert clock.is_open(None, close, datetime(2019, 12, 19, 14, 14, 59, tzinfo=UTC))
    assert not clock.is_open(None, close, datetime(2019, 12, 19, 14, 15, tzinfo=UTC))


@pytest.mark.parametrize(
    ("amount", "language", "text"),
    [
        (Decimal("1234567.5"), "fi", "1\u00a0234\u00a0567,50\u00a0€"),
        (Decimal("11900"), "sv", "11\u00a0900,00\u00a0€"),
        (Decimal("999.999"), "fi", "1\u00a0000,00\u00a0€"),
        (Decimal("30000000"), "en", "€30,000,000.00"),
        (Decimal("-12.3"), "fi", "-12,30\u00a0€"),
    ],
)
def test_format_euros(amount, language, text):
    assert format_euros(amount, language) == text


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("1 234,50", Decimal("1234.50")),
        ("1234.5", Decimal("1234.50")),
        ("10\u00a0000 €", Decimal("10000.00")),
    ],
)
def test_to_money_parses_finnish_and_english(text, amount):
    assert to_money(text) == amount


@pytest.mark.parametrize("bad", ["abc", "1,234.50", "NaN", "Infinity", 1.5])
def test_to_money_refuses_ambiguous_or_float(bad):
    with pytest.raises(ValueError):
        to_money(bad)


@given(st.decimals(min_value=0, max_value=10**11, places=2, allow_nan=False, allow_infinity=False))
def test_format_then_parse_round_trips(amount):
    assert to_money(format_euros(amount, "fi")) == amount
