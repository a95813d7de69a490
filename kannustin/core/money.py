"""Money is Decimal euros with cents, never float."""

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.db import models

CENT = Decimal("0.01")
NBSP = "\u00a0"


class MoneyField(models.DecimalField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_digits", 14)
        kwargs.setdefault("decimal_places", 2)
        super().__init__(*args, **kwargs)


class AmountFormatError(ValueError):
    """An amount written with thousands separators ("70,000.00", "70.000,00", "70,000"): it cannot be read
    safely (is "70,000" seventy euros or seventy thousand?), so it is refused with an explanation of the
    format instead of being read as something else."""


# More than two decimals after the only separator: a thousands group, not cents ("70,000", "1.234").
_GROUPED = re.compile(r"-?\d+[.,]\d{3,}")


def to_money(value) -> Decimal:
    """Parse euros from a Decimal, int or a string written the Finnish or English way ('1 234,50', '1234.50').
    Raises AmountFormatError for thousands separators other than spaces, ValueError for anything else."""
    if isinstance(value, Decimal):
        amount = value
    elif isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, str):
        text = value.replace(NBSP, "").replace("\u202f", "").replace(" ", "").replace("€", "")
        if ("," in text and "." in text) or text.count(",") + text.count(".") > 1 or _GROUPED.fullmatch(text):
            raise AmountFormatError(value)
        try:
            amount = Decimal(text.replace(",", "."))
        except InvalidOperation as exc:
            raise ValueError(value) from exc
    else:
        raise ValueError(value)
    if not amount.is_finite():
        raise ValueError(value)
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def format_euros(amount, language: str = "fi", cents: bool = True) -> str:
    """1 234 567,50 € in Finnish and Swedish; €1,234,567.50 in English."""
    if amount is None:
        return ""
    amount = Decimal(amount).quantize(CENT if cents else Decimal(1), rounding=ROUND_HALF_UP)
    sign = "-" if amount < 0 else ""
    whole, _, frac = f"{abs(amount):.{2 if cents else 0}f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    if language == "en":
        number = ",".join(groups) + (f".{frac}" if cents else "")
        return f"{sign}€{number}"
    number = NBSP.join(groups) + (f",{frac}" if cents else "")
    return f"{sign}{number}{NBSP}€"
