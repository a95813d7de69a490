"""Server-side rules for what an application may hold (drafts) and what it must hold to be submitted.

Errors are dictionaries {field: [message, …]} with translated messages; the pages and the API show them.
Field names: an answer is its question key; the structured parts name their own (see `parts.py`).
Answers are cleaned by their question's type (`programmes.question_types`), the structured parts by the
functions here, and completeness follows the form's sections.
"""

from decimal import Decimal

from django.utils.translation import gettext as _

from kannustin.core.i18n import current_language
from kannustin.core.money import CENT, AmountFormatError, format_euros, to_money
from kannustin.programmes.models import Question
from kannustin.programmes.question_types import AMOUNT_FORMAT_MESSAGE
from kannustin.registry.models import find_organisations


class ApplicationInvalid(Exception):
    def __init__(self, errors: dict):
        super().__init__(errors)
        self.errors = errors


def clean_answer(question: Question, value):
    """Normalise one answer to its stored JSON form, or raise ValueError with a translated message.
    Empty values are stored as the type's empty value (allowed in drafts; `completeness.missing_for_submit` checks)."""
    return question.answer_type.clean(question, value)


def clean_answers(questions_by_key: dict, answers: dict) -> dict:
    if not isinstance(answers, dict):
        raise ApplicationInvalid({"answers": [_("Answers must be given by question key.")]})
    cleaned, errors = {}, {}
    for key, value in answers.items():
        question = questions_by_key.get(key)
        if question is None:
            errors[key] = [_("There is no question with this key in the call.")]
            continue
        try:
            cleaned[key] = clean_answer(question, value)
        except ValueError as exc:
            errors[key] = [str(exc)]
    if errors:
        raise ApplicationInvalid(errors)
    return cleaned


def budget_years(call) -> range:
    first = (call.project_starts_from or call.opens_at.date()).year
    last = call.project_ends_by.year if call.project_ends_by else first + 3
    return range(first, last + 1)


def clean_budget(call, lines) -> list[dict]:
    """Budget lines as [{"category", "year", "description", "amount"}] with amounts as decimal strings."""
    if not isinstance(lines, list):
        raise ApplicationInvalid({"budget": [_("The budget must be a list of cost lines.")]})
    categories = set(call.cost_categories.values_list("key", flat=True))
    years = budget_years(call)
    cleaned, errors = [], {}
    for index, line in enumerate(lines):
        prefix = f"budget.{index}"
        if not isinstance(line, dict):
            errors[prefix] = [_("A cost line needs a category, a year and an amount.")]
            continue
        line_errors = {}
        if line.get("category") not in categories:
            line_errors[f"{prefix}.category"] = [_("Choose one of the call's cost categories.")]
        try:
            year = int(line.get("year"))
            if year not in years:
                raise ValueError
        except (TypeError, ValueError):
            year = None
            line_errors[f"{prefix}.year"] = [
                _("Choose a year from %(first)s to %(last)s.") % {"first": years[0], "last": years[-1]}
            ]
        try:
            amount = to_money(line.get("amount") if not isinstance(line.get("amount"), float) else "x")
            if amount <= 0:
                raise ValueError
        except AmountFormatError:
            amount = None
            line_errors[f"{prefix}.amount"] = [str(AMOUNT_FORMAT_MESSAGE)]
        except (TypeError, ValueError):
            amount = None
            line_errors[f"{prefix}.amount"] = [
                _("Enter the amount in euros, more than zero, for example 12 500,00.")
            ]
        description = str(line.get("description") or "").strip()
        if len(description) > 300:
            line_errors[f"{prefix}.description"] = [_("Use at most 300 characters.")]
        if line_errors:
            errors.update(line_errors)
        else:
            cleaned.append(
                {"category": line["category"], "year": year, "description": description, "amount": amount}
            )
    if errors:
        raise ApplicationInvalid(errors)
    return cleaned


def clean_requested_amount(value):
    if value in (None, ""):
        return None
    try:
        amount = to_money(value if not isinstance(value, float) else "x")
    except AmountFormatError:
        raise ApplicationInvalid({"requested_amount": [str(AMOUNT_FORMAT_MESSAGE)]}) from None
    except ValueError:
        raise ApplicationInvalid(
            {"requested_amount": [_("Enter the amount in euros, for example 85 000,00.")]}
        ) from None
    if amount < 0:
        raise ApplicationInvalid({"requested_amount": [_("The amount cannot be negative.")]})
    return amount


def max_grant_for(call, eligible: Decimal) -> Decimal:
    """The largest grant the rules allow: max_aid_share of eligible costs, rounded down to the cent."""
    from decimal import ROUND_DOWN

    return (eligible * call.max_aid_share).quantize(CENT, rounding=ROUND_DOWN)


def check_aid_share(call, eligible: Decimal, requested: Decimal | None) -> list[str]:
    if requested is None:
        return []
    limit = max_grant_for(call, eligible)
    if requested > limit:
        return [
            _(
                "The requested amount can be at most %(share)s %% of the eligible costs: %(limit)s "
                "(eligible costs %(eligible)s)."
            )
            % {
                "share": call.max_aid_percent,
                "limit": format_euros(limit, current_language()),
                "eligible": format_euros(eligible, current_language()),
            }
        ]
    return []


def clean_participants(entries, application, options: dict) -> list[dict]:
    """The partners of an application as [{"organisation": Organisation, "budget_share": Decimal|None}], from
    a list of municipality codes or Business IDs, or of {"organisation": code or Business ID,
    "budget_share": amount}. The lead is named by the application itself; it may appear in the list only to
    give its own budget share."""
    if not isinstance(entries, list):
        raise ApplicationInvalid(
            {"participants": [_("Give the participants as a list of municipality codes or Business IDs.")]}
        )
    given, errors = [], {}
    for index, entry in enumerate(entries):
        item = {"organisation": entry} if not isinstance(entry, dict) else dict(entry)
        identifier = str(item.get("organisation") or "").strip()
        row = {"identifier": identifier}
        if "budget_share" in item:
            try:
                row["budget_share"] = clean_requested_amount(item["budget_share"])
            except ApplicationInvalid:
                errors[f"participants.{index}.budget_share"] = [
                    _("Enter the share in euros, for example 12 500,00.")
                ]
        given.append(row)
    found, unknown = find_organisations([row["identifier"] for row in given])
    if unknown:
        errors["participants"] = [
            _("Unknown municipality code or Business ID: %(codes)s.") % {"codes": ", ".join(unknown)}
        ]
    kinds = options.get("kinds")
    if kinds and not errors:
        wrong = [i for i, organisation in found.items() if organisation.kind not in kinds]
        if wrong:
            errors["participants"] = [
                _("These organisations cannot take part in this call: %(codes)s.")
                % {"codes": ", ".join(wrong)}
            ]
    if errors:
        raise ApplicationInvalid(errors)
    result, seen = [], set()
    for row in given:
        organisation = found[row["identifier"]]
        if organisation.pk in seen:
            continue
        seen.add(organisation.pk)
        result.append(
            {
                "organisation": organisation,
                **({"budget_share": row["budget_share"]} if "budget_share" in row else {}),
            }
        )
    return result


def clean_contacts(contacts) -> list[dict]:
    from django.core.validators import validate_email

    if not isinstance(contacts, list):
        raise ApplicationInvalid({"contacts": [_("Give the contact people as a list.")]})
    cleaned, errors = [], {}
    for index, contact in enumerate(contacts):
        prefix = f"contacts.{index}"
        if not isinstance(contact, dict):
            errors[prefix] = [_("A contact person needs a name and an email address.")]
            continue
        name = str(contact.get("name") or "").strip()
        email = str(contact.get("email") or "").strip()
        if not name:
            errors[f"{prefix}.name"] = [_("Enter the contact person's name.")]
        try:
            validate_email(email)
        except Exception:  # noqa: BLE001 - any invalid address gets the same message
            errors[f"{prefix}.email"] = [_("Enter an email address like name@municipality.fi.")]
        cleaned.append(
            {
                "name": name[:150],
                "title": str(contact.get("title") or "").strip()[:150],
                "email": email,
                "phone": str(contact.get("phone") or "").strip()[:40],
                "role": str(contact.get("role") or "").strip()[:150],
            }
        )
    if errors:
        raise ApplicationInvalid(errors)
    return cleaned


def clean_indicators(indicators) -> list[dict]:
    if not isinstance(indicators, list):
        raise ApplicationInvalid({"indicators": [_("Give the indicators as a list.")]})
    cleaned, errors = [], {}
    labels = {
        "name": _("Enter the indicator."),
        "baseline": _("Enter the baseline: the situation now."),
        "target": _("Enter the target after the project."),
        "follow_up": _("Enter how the indicator is followed up."),
    }
    for index, indicator in enumerate(indicators):
        if not isinstance(indicator, dict):
            errors[f"indicators.{index}"] = [_("An indicator needs a name, baseline, target and follow-up.")]
            continue
        row = {}
        for field, message in labels.items():
            value = str(indicator.get(field) or "").strip()
            limit = 500 if field == "follow_up" else 300
            if not value:
                errors[f"indicators.{index}.{field}"] = [message]
            elif len(value) > limit:
                errors[f"indicators.{index}.{field}"] = [
                    _("Use at most %(limit)s characters.") % {"limit": limit}
                ]
            row[field] = value
        cleaned.append(row)
    if errors:
        raise ApplicationInvalid(errors)
    return cleaned
