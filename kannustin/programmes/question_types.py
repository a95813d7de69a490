"""Question types: each type is one class that knows its form field, how to clean an answer into its stored JSON
form, how to show it to a person, and its JSON schema for the API. A new type is one class and a
`register()`; every form, page, PDF and the API then handle it.

Answers are stored as JSON under the question's key; an empty answer is stored as the type's `empty` value.
A draft may hold empty required answers (`is_empty` tells completeness what is missing); a value that is
given must be valid.
"""

from datetime import date
from decimal import Decimal

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kannustin.core.formats import format_date, parse_date
from kannustin.core.forms import GovukDateInput
from kannustin.core.i18n import current_language
from kannustin.core.money import CENT, AmountFormatError, format_euros, to_money

# An amount with thousands separators ("70,000.00"): said to be a matter of format, not of the amount.
AMOUNT_FORMAT_MESSAGE = gettext_lazy(
    "The amount is written in a way that cannot be read for certain: write the thousands with spaces or "
    "together and the cents after a comma or a point, for example 70 000,00 or 70000.00."
)

_TYPES: dict[str, "QuestionType"] = {}


def register(cls):
    """Add a type (a class decorator). A type's `code` is stored on questions; never change it."""
    _TYPES[cls.code] = cls()
    return cls


def get(code: str) -> "QuestionType":
    try:
        return _TYPES[code]
    except KeyError:
        raise ValueError(f"Unknown question type {code!r}") from None


def choices() -> list[tuple[str, str]]:
    """For the `type` field of Question (evaluated when needed, so registered types are included)."""
    return [(code, type_.label) for code, type_ in _TYPES.items()]


class DraftFieldMixin:
    """Required for the person (no "(optional)" marker), but an empty value is accepted in a draft."""

    def validate(self, value):
        if value in self.empty_values:
            return
        super().validate(value)


class TextAnswerField(DraftFieldMixin, forms.CharField):
    def to_python(self, value):
        # Browsers send textarea line breaks as CRLF; count (and store) them as one character.
        if isinstance(value, str):
            value = value.replace("\r\n", "\n")
        return super().to_python(value)


class PlainAnswerField(DraftFieldMixin, forms.CharField):
    pass


class DateAnswerField(DraftFieldMixin, forms.DateField):
    def __init__(self, **kwargs):
        kwargs.setdefault("widget", GovukDateInput)
        kwargs.setdefault("error_messages", {"invalid": _("Enter a real date: day, month and year.")})
        super().__init__(**kwargs)


class ChoiceAnswerField(DraftFieldMixin, forms.ChoiceField):
    pass


class MultipleChoiceAnswerField(DraftFieldMixin, forms.MultipleChoiceField):
    pass


def _with_hint(help_text, hint) -> str:
    return " ".join(str(part) for part in (help_text, hint) if part)


class QuestionType:
    code = ""
    label = ""
    empty = ""
    schema: dict = {}

    def form_field(self, question, **context) -> forms.Field:
        return PlainAnswerField(**self.common(question))

    @staticmethod
    def common(question) -> dict:
        return {
            "label": question.tr("label"),
            "help_text": question.tr("help"),
            "required": question.required,
        }

    def initial(self, question, value):
        """The stored answer as the form field shows it."""
        return self.empty if self.is_empty(value) else value

    def form_value(self, value):
        """The form's cleaned value as `clean` takes it."""
        return self.empty if value is None else value

    def is_empty(self, value) -> bool:
        return value in (None, "", [])

    def clean(self, question, value):
        """The stored JSON form of an answer, or ValueError with a translated message."""
        if self.is_empty(value):
            return self.empty
        return self.clean_value(question, value)

    def clean_value(self, question, value):
        raise NotImplementedError

    def display(self, question, value) -> str:
        """The answer as a person reads it, in the active language."""
        return "" if self.is_empty(value) else str(value)

    def json_schema(self, question) -> dict:
        return dict(self.schema)

    def attachment_ids(self, value) -> set[int]:
        """The application's attachments an answer points to (an answer pointing to a secret one is secret)."""
        return set()

    def check_definition(self, question) -> dict:
        """Problems of a question of this type as the administration reports them: {field: message}."""
        return {}


@register
class Text(QuestionType):
    code, label = "text", gettext_lazy("Text")
    schema = {"type": "string"}

    @staticmethod
    def rows(limit):
        if limit and limit <= 300:
            return 2
        return 5 if limit and limit <= 1500 else 10

    def form_field(self, question, **context):
        return TextAnswerField(
            max_length=question.max_length,
            widget=forms.Textarea(attrs={"rows": self.rows(question.max_length)}),
            **self.common(question),
        )

    def clean_value(self, question, value):
        if not isinstance(value, str):
            raise ValueError(_("Enter text."))
        text = value.replace("\r\n", "\n").strip()
        if question.max_length and len(text) > question.max_length:
            raise ValueError(
                _("Use at most %(limit)s characters (now %(count)s).")
                % {"limit": question.max_length, "count": len(text)}
            )
        return text

    def json_schema(self, question):
        return {"type": "string", **({"maxLength": question.max_length} if question.max_length else {})}

    def check_definition(self, question):
        return {} if question.max_length else {"max_length": _("Give text questions a character limit.")}


@register
class Number(QuestionType):
    code, label = "number", gettext_lazy("Number")
    schema = {"type": "string", "pattern": r"^-?\d+(\.\d+)?$", "description": "A decimal number as a string."}
    hint = ""

    def form_field(self, question, **context):
        common = self.common(question)
        common["help_text"] = _with_hint(common["help_text"], self.hint)
        attrs = {"inputmode": "decimal", "class": "govuk-input--width-10", "spellcheck": "false"}
        return PlainAnswerField(widget=forms.TextInput(attrs=attrs), **common)

    def parse(self, question, value) -> Decimal:
        try:
            number = to_money(value if not isinstance(value, float) else str(value))
        except AmountFormatError:
            raise ValueError(str(AMOUNT_FORMAT_MESSAGE)) from None
        except ValueError:
            raise ValueError(_("Enter a number, for example 1 500,00.")) from None
        if question.min_value is not None and number < question.min_value:
            raise ValueError(_("Enter at least %(min)s.") % {"min": question.min_value})
        if question.max_value is not None and number > question.max_value:
            raise ValueError(_("Enter at most %(max)s.") % {"max": question.max_value})
        return number

    def clean_value(self, question, value):
        number = self.parse(question, value)
        return str(number.normalize() if number == number.to_integral() else number)

    def initial(self, question, value):
        return "" if self.is_empty(value) else str(value).replace(".", ",")


@register
class Money(Number):
    code, label = "money", gettext_lazy("Amount of money")
    schema = {
        "type": "string",
        "pattern": r"^-?\d+(\.\d{1,2})?$",
        "description": "Euros as a decimal string.",
    }
    hint = gettext_lazy("In euros, for example 12 500,00.")

    def clean_value(self, question, value):
        return str(self.parse(question, value).quantize(CENT))

    def display(self, question, value):
        return "" if self.is_empty(value) else format_euros(value, current_language())


@register
class Date(QuestionType):
    code, label = "date", gettext_lazy("Date")
    schema = {"type": "string", "format": "date"}

    def form_field(self, question, **context):
        common = self.common(question)
        common["help_text"] = _with_hint(common["help_text"], _("For example 27 3 2026"))
        return DateAnswerField(**common)

    def form_value(self, value):
        return value.isoformat() if isinstance(value, date) else (value or "")

    def clean_value(self, question, value):
        # As people write it (1.3.2027) or as ISO 8601 (2027-03-01); stored as ISO 8601.
        day = value if isinstance(value, date) else parse_date(value)
        if day is None:
            raise ValueError(_("Enter a real date, for example 1.3.2027 or 2027-03-01."))
        return day.isoformat()

    def display(self, question, value):
        return "" if self.is_empty(value) else (format_date(parse_date(value)) or str(value))


class _Options(QuestionType):
    def option_keys(self, question) -> list[str]:
        return [option.get("key") for option in question.options or []]

    def option_choices(self, question):
        return [(option.key, option.tr("label")) for option in question.translated_options()]

    def json_schema(self, question):
        return {"type": "string", "enum": self.option_keys(question)}

    def check_definition(self, question):
        options = question.options or []
        keys = [option.get("key") for option in options if isinstance(option, dict)]
        if not keys or len(keys) != len(options) or not all(keys) or len(set(keys)) != len(keys):
            return {"options": _("A choice question needs options, each with its own key.")}
        return {}


@register
class Choice(_Options):
    code, label = "choice", gettext_lazy("Choice")

    def form_field(self, question, **context):
        return ChoiceAnswerField(
            choices=self.option_choices(question), widget=forms.RadioSelect, **self.common(question)
        )

    def clean_value(self, question, value):
        if value not in self.option_keys(question):
            raise ValueError(_("Choose one of the options."))
        return value

    def display(self, question, value):
        return "" if self.is_empty(value) else question.option_label(value)


@register
class MultipleChoice(_Options):
    code, label = "multiple_choice", gettext_lazy("Multiple choice")
    empty = []

    def form_field(self, question, **context):
        return MultipleChoiceAnswerField(
            choices=self.option_choices(question),
            widget=forms.CheckboxSelectMultiple,
            **self.common(question),
        )

    def clean_value(self, question, value):
        values = value if isinstance(value, list) else [value]
        keys = self.option_keys(question)
        if any(v not in keys for v in values):
            raise ValueError(_("Choose among the options."))
        return [key for key in keys if key in values]

    def display(self, question, value):
        return "" if self.is_empty(value) else ", ".join(question.option_label(v) for v in value)

    def json_schema(self, question):
        return {"type": "array", "items": {"type": "string", "enum": self.option_keys(question)}}


class _OrganisationList(QuestionType):
    """A list of organisations of the registry, identified by municipality code or Business ID."""

    empty = []
    kinds: tuple = ()  # limits the organisations to these kinds; empty: any
    hint = gettext_lazy(
        "Municipality codes or Business IDs separated by commas, for example 091, 049 or 0201256-6."
    )

    def form_field(self, question, **context):
        common = self.common(question)
        common["help_text"] = _with_hint(common["help_text"], self.hint)
        return PlainAnswerField(
            widget=forms.TextInput(attrs={"spellcheck": "false", "autocomplete": "off"}), **common
        )

    def initial(self, question, value):
        return "" if self.is_empty(value) else ", ".join(value)

    def form_value(self, value):
        import re

        return [part for part in re.split(r"[\s,;]+", value or "") if part]

    def clean_value(self, question, value):
        from kannustin.registry.models import Organisation, find_organisations

        identifiers = value if isinstance(value, list) else str(value).replace(";", ",").split(",")
        identifiers = [str(i).strip() for i in identifiers if str(i).strip()]
        found, unknown = find_organisations(identifiers)
        if self.kinds:
            unknown += [i for i, organisation in found.items() if organisation.kind not in self.kinds]
        if unknown:
            raise ValueError(self.unknown_message(unknown))
        keys = list(dict.fromkeys(Organisation.identifier_of(found[i]) for i in identifiers))
        minimum, maximum = question.min_count, question.max_count
        if minimum and len(keys) < minimum:
            raise ValueError(_("Name at least %(count)s.") % {"count": minimum})
        if maximum and len(keys) > maximum:
            raise ValueError(
                _("Name exactly one.") if maximum == 1 else _("Name at most %(count)s.") % {"count": maximum}
            )
        return keys

    def unknown_message(self, unknown) -> str:
        return _("Unknown organisation: %(codes)s.") % {"codes": ", ".join(map(str, unknown))}

    def check_definition(self, question):
        if question.min_count and question.max_count and question.min_count > question.max_count:
            return {"max_count": _("The largest number must be at least the smallest.")}
        return {}

    def display(self, question, value):
        from kannustin.registry.models import find_organisations

        if self.is_empty(value):
            return ""
        found, _unknown = find_organisations(value)
        return ", ".join(f"{found[i].tr('name')} ({i})" if i in found else str(i) for i in value)

    def json_schema(self, question):
        schema = {
            "type": "array",
            "items": {"type": "string", "description": "Municipality code or Business ID."},
        }
        if question.min_count:
            schema["minItems"] = question.min_count
        if question.max_count:
            schema["maxItems"] = question.max_count
        return schema


@register
class Municipalities(_OrganisationList):
    code, label = "municipalities", gettext_lazy("List of municipalities")
    kinds = ("municipality",)
    hint = gettext_lazy(
        "Three-digit municipality codes separated by commas, for example 091, 049. You can look up codes by "
        "name on the participants page."
    )

    def unknown_message(self, unknown) -> str:
        return _("Unknown municipality code: %(codes)s.") % {"codes": ", ".join(map(str, unknown))}


@register
class Organisations(_OrganisationList):
    code, label = "organisations", gettext_lazy("Organisations")


@register
class File(QuestionType):
    """The id of an attachment of the application (uploaded on the attachments page)."""

    code, label = "file", gettext_lazy("File")
    empty = []
    schema = {"type": "array", "items": {"type": "integer"}, "description": "Attachment ids."}

    def form_field(self, question, attachments=(), **context):
        common = self.common(question)
        common["help_text"] = _with_hint(
            common["help_text"], _("Upload the file on the attachments page first, then choose it here.")
        )
        choices = [("", _("No attachment chosen"))] + [(str(a.pk), a.original_name) for a in attachments]
        return ChoiceAnswerField(choices=choices, widget=forms.Select, **common)

    def initial(self, question, value):
        if self.is_empty(value):
            return ""
        return str(value[0]) if isinstance(value, list) else str(value)

    def form_value(self, value):
        return [value] if value else []

    def attachment_ids(self, value) -> set[int]:
        ids = value if isinstance(value, list) else [value]
        return {v for v in ids if isinstance(v, int)}

    def clean_value(self, question, value):
        ids = value if isinstance(value, list) else [value]
        try:
            return [int(v) for v in ids]
        except (TypeError, ValueError):
            raise ValueError(_("Choose an uploaded attachment.")) from None
