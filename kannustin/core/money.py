"""Money is Decimal euros with cents, never float."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.db import models

CENT = Decimal("0.01")
NBSP = "\u00a0"


class MoneyField(models.DecimalField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_digits", 14)
        kwargs.setdefault("decimal_places", 2)
        super().__init__(*args, **kwargs)


def to_money(value) -> Decimal:
    """Parse euros from a Decimal, int or a string written the Finnish or English way ('1 234,50')."""
    if isinstance(value, Decimal):
        amount = value
    elif isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, str):
        text = value.replace(NBSP, "").replace("\u202f", "").replace(" ", "").replace("€", "")
        if "," in text and "." in text:
            raise ValueError(value)
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
