"""One format per language for dates, clock times and money, and one place that writes them."""

import re
from datetime import UTC, date, datetime, time
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.template import Context, Template
from django.utils import translation

from kannustin.core import clock
from kannustin.core.formats import (
    format_date,
    format_datetime,
    format_euros,
    format_moment,
    format_span,
    format_time,
    parse_date,
)

CLOSE = datetime(2027, 3, 1, 16, 15, tzinfo=clock.HELSINKI)


@pytest.mark.parametrize(
    ("language", "day", "clock_time", "both"),
    [
        ("fi", "1.3.2027", "16.15", "1.3.2027 klo 16.15"),
        ("sv", "1.3.2027", "16.15", "1.3.2027 kl. 16.15"),
        ("en", "1 March 2027", "16:15", "1 March 2027 at 16:15"),
    ],
)
def test_one_format_per_language(language, day, clock_time, both):
    assert format_date(CLOSE, language) == day
    assert format_date(date(2027, 3, 1), language) == day
    assert format_time(CLOSE, language) == clock_time
    assert format_datetime(CLOSE, language) == both
    with translation.override(language):  # the current language when none is given
        assert format_datetime(CLOSE) == both


def test_times_are_finnish_time_whatever_the_zone_given():
    assert format_datetime(datetime(2027, 3, 1, 14, 15, tzinfo=UTC), "fi") == "1.3.2027 klo 16.15"
    summer = datetime(2019, 9, 19, 13, 14, 59, tzinfo=UTC)
    assert format_datetime(summer, "sv", seconds=True) == "19.9.2019 kl. 16.14.59"
    assert format_time(time(9, 5), "en") == "9:05"


def test_moments_and_spans():
    assert format_moment(datetime(2019, 8, 1, tzinfo=clock.HELSINKI), "fi") == "1.8.2019"
    assert format_moment(CLOSE, "sv") == "1.3.2027 kl. 16.15"
    starts = datetime(2019, 9, 27, 9, 0, tzinfo=clock.HELSINKI)
    ends = datetime(2019, 9, 27, 16, 0, tzinfo=clock.HELSINKI)
    assert format_span(starts, ends, "fi") == "27.9.2019 klo 9.00–16.00"
    assert format_span(starts, ends, "en") == "27 September 2019 at 9:00–16:00"


def test_money_in_one_style():
    assert format_euros(Decimal("30000000"), "sv", cents=False) == "30\u00a0000\u00a0000\u00a0€"
    assert format_euros(Decimal("70000"), "fi") == "70\u00a0000,00\u00a0€"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.3.2027", date(2027, 3, 1)),
        ("01.03.2027", date(2027, 3, 1)),
        (" 1. 3. 2027 ", date(2027, 3, 1)),
        ("1.3.2027.", date(2027, 3, 1)),
        ("2027-03-01", date(2027, 3, 1)),
        ("31.2.2027", None),
        ("1.3.27", None),
        ("3/1/2027", None),
        ("", None),
        (None, None),
    ],
)
def test_dates_are_read_as_people_write_them(text, expected):
    assert parse_date(text) == expected


def test_template_filters_write_the_same():
    template = Template(
        "{{ at|date_text }} · {{ at|time_text }} · {{ at|datetime_text }} · {{ at|datetime_text:'seconds' }}"
    )
    with translation.override("sv"):
        assert (
            template.render(Context({"at": CLOSE}))
            == "1.3.2027 · 16.15 · 1.3.2027 kl. 16.15 · 1.3.2027 kl. 16.15.00"
        )
    with translation.override("en"):
        assert template.render(Context({"at": CLOSE})).startswith("1 March 2027 · 16:15")


# One place writes them: templates and code do not format dates and times themselves.

ROOT = Path(settings.BASE_DIR)
OWN_FORMAT = re.compile(r"\|date:(?![\"']c[\"'])|\|time:")
PYTHON_FORMAT = re.compile(r"strftime\(|:%-?d\.%|%H[.:]%M")
PYTHON_ALLOWED = {
    # Operators' and log output, not for the people the service serves.
    "kannustin/core/management/commands/run_scheduler.py",
    "kannustin/core/models.py",
    # Django's own input formats (what the admin reads), the same rule as core.formats.
    "kannustin/formats/__init__.py",
}


def test_templates_leave_dates_and_times_to_the_filters():
    offenders = []
    for path in sorted((ROOT / "templates").rglob("*")):
        if path.suffix in {".html", ".txt"}:
            for number, line in enumerate(path.read_text().splitlines(), start=1):
                if OWN_FORMAT.search(line):
                    offenders.append(f"{path.relative_to(ROOT)}:{number}")
    assert not offenders, "use date_text, time_text or datetime_text: " + ", ".join(offenders)


def test_code_leaves_dates_and_times_to_core_formats():
    offenders = []
    for path in sorted((ROOT / "kannustin").rglob("*.py")):
        relative = str(path.relative_to(ROOT))
        if "/tests/" in relative or "/migrations/" in relative or relative in PYTHON_ALLOWED:
            continue
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            if PYTHON_FORMAT.search(line) and "format_" not in line:
                offenders.append(f"{relative}:{number}")
    assert not offenders, "use kannustin.core.formats: " + ", ".join(offenders)


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (("1", "3", "2027"), date(2027, 3, 1)),
        (("01", "03", "2027"), date(2027, 3, 1)),
        (("1.3.2027", "", ""), date(2027, 3, 1)),  # the whole date typed into the day box
        (("", "", "1.3.2027"), date(2027, 3, 1)),
        (("2027-03-01", "", ""), date(2027, 3, 1)),
    ],
)
def test_date_fields_accept_what_people_type(parts, expected):
    from django import forms

    from kannustin.core.forms import GovukDateInput

    class Form(forms.Form):
        day = forms.DateField(widget=GovukDateInput)

    for language in ("fi", "sv", "en"):
        with translation.override(language):
            form = Form(data={"day_day": parts[0], "day_month": parts[1], "day_year": parts[2]})
            assert form.is_valid(), (language, form.errors)
            assert form.cleaned_data["day"] == expected


def test_an_impossible_date_keeps_what_was_typed():
    from django import forms

    from kannustin.core.forms import GovukDateInput

    class Form(forms.Form):
        day = forms.DateField(widget=GovukDateInput)

    form = Form(data={"day_day": "31", "day_month": "2", "day_year": "2027"})
    assert not form.is_valid()
    html = str(form["day"])
    assert 'value="31"' in html and 'value="2"' in html and 'value="2027"' in html
