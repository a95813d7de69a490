"""Server-side rules for what an application may hold (drafts) and what it must hold to be submitted.

Errors are dictionaries {field: [message, …]} with translated messages; the pages and the API show them.
Field names: an answer is its question key; structured parts are `budget`, `requested_amount`,
`co_applicants`, `contacts`, `indicators`, `confidential_keys`.
"""

from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kannustin.core.formats import format_date, parse_date
from kannustin.core.i18n import current_language
from kannustin.core.money import CENT, AmountFormatError, format_euros, to_money
from kannustin.programmes.models import Question
from kannustin.registry.models import Organisation

# An amount with thousands separators ("70,000.00"): said to be a matter of format, not of the amount.
AMOUNT_FORMAT_MESSAGE = gettext_lazy(
    "The amount is written in a way that cannot be read for certain: write the thousands with spaces or "
    "together and the cents after a comma or a point, for example 70 000,00 or 70000.00."
)


class ApplicationInvalid(Exception):
    def __init__(self, errors: dict):
        super().__init__(errors)
        self.errors = errors


def clean_answer(question: Question, value):
    """Normalise one answer to its stored JSON form, or raise ValueError with a translated message.
    Empty values are stored as None/""/[] (allowed in drafts; `missing_for_submit` checks required ones)."""
    kind = question.type
    if value is None or value == "" or value == []:
        return [] if kind in {Question.Type.MULTIPLE_CHOICE, Question.Type.MUNICIPALITIES} else ""
    if kind == Question.Type.TEXT:
        if not isinstance(value, str):
            raise ValueError(_("Enter text."))
        text = value.replace("\r\n", "\n").strip()
        if question.max_length and len(text) > question.max_length:
            raise ValueError(
                _("Use at most %(limit)s characters (now %(count)s).")
                % {"limit": question.max_length, "count": len(text)}
            )
        return text
    if kind in {Question.Type.NUMBER, Question.Type.MONEY}:
        try:
            number = to_money(value if not isinstance(value, float) else str(value))
        except AmountFormatError:
            raise ValueError(str(AMOUNT_FORMAT_MESSAGE)) from None
        except ValueError:
            raise ValueError(_("Enter a number, for example 1 500,00.")) from None
        if kind == Question.Type.NUMBER:
            number = number.normalize() if number == number.to_integral() else number
        if question.min_value is not None and number < question.min_value:
            raise ValueError(_("Enter at least %(min)s.") % {"min": question.min_value})
        if question.max_value is not None and number > question.max_value:
            raise ValueError(_("Enter at most %(max)s.") % {"max": question.max_value})
        return str(number.quantize(CENT) if kind == Question.Type.MONEY else number)
    if kind == Question.Type.DATE:
        # As people write it (1.3.2027) or as ISO 8601 (2027-03-01); stored as ISO 8601.
        day = parse_date(value)
        if day is None:
            raise ValueError(_("Enter a real date, for example 1.3.2027 or 2027-03-01."))
        return day.isoformat()
    option_keys = [option.get("key") for option in question.options or []]
    if kind == Question.Type.CHOICE:
        if value not in option_keys:
            raise ValueError(_("Choose one of the options."))
        return value
    if kind == Question.Type.MULTIPLE_CHOICE:
        values = value if isinstance(value, list) else [value]
        if any(v not in option_keys for v in values):
            raise ValueError(_("Choose among the options."))
        return [key for key in option_keys if key in values]
    if kind == Question.Type.MUNICIPALITIES:
        codes = value if isinstance(value, list) else [c.strip() for c in str(value).split(",") if c.strip()]
        known = set(
            Organisation.objects.municipalities().filter(code__in=codes).values_list("code", flat=True)
        )
        unknown = [code for code in codes if code not in known]
        if unknown:
            raise ValueError(
                _("Unknown municipality code: %(codes)s.") % {"codes": ", ".join(map(str, unknown))}
            )
        return list(dict.fromkeys(codes))
    if kind == Question.Type.FILE:
        # File questions hold attachment ids; the files themselves are uploaded separately.
        ids = value if isinstance(value, list) else [value]
        try:
            return [int(v) for v in ids]
        except (TypeError, ValueError):
            raise ValueError(_("Choose an uploaded attachment.")) from None
    raise ValueError(_("This question cannot be answered."))


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


def clean_co_applicants(codes, lead) -> list[Organisation]:
    if not isinstance(codes, list):
        raise ApplicationInvalid(
            {"co_applicants": [_("Give the co-applicants as a list of municipality codes.")]}
        )
    codes = [str(code).strip() for code in codes]
    found = {o.code: o for o in Organisation.objects.municipalities().filter(code__in=codes)}
    unknown = [code for code in codes if code not in found]
    if unknown:
        raise ApplicationInvalid(
            {"co_applicants": [_("Unknown municipality code: %(codes)s.") % {"codes": ", ".join(unknown)}]}
        )
    if lead.code in found:
        raise ApplicationInvalid({"co_applicants": [_("The applicant itself is not a co-applicant.")]})
    return [found[code] for code in dict.fromkeys(codes)]


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


def missing_for_submit(application) -> list[dict]:
    """Everything that stops a submission, as [{"code", "field", "section", "message"}]."""
    from kannustin.maturity import services as maturity

    call = application.call
    missing = []
    questions = application.questions()
    for question in questions:
        value = application.answers.get(question.key)
        if question.required and value in (None, "", []):
            missing.append(
                {
                    "code": "answer_missing",
                    "field": question.key,
                    "section": question.section,
                    "message": _("Answer: %(label)s") % {"label": question.tr("label")},
                }
            )
    start, end = application.answers.get("start_date"), application.answers.get("end_date")
    if start and end and end < start:
        missing.append({"code": "dates_reversed", "field": "end_date", "section": "basics",
                        "message": _("The project must end after it starts.")})  # fmt: skip
    if end and call.project_ends_by and end > call.project_ends_by.isoformat():
        missing.append(
            {"code": "ends_too_late", "field": "end_date", "section": "basics",
             "message": _("The project must end by %(date)s.") % {"date": format_date(call.project_ends_by)}}
        )  # fmt: skip
    if start and call.project_starts_from and start < call.project_starts_from.isoformat():
        missing.append(
            {"code": "starts_too_early", "field": "start_date", "section": "basics",
             "message": _("The project can start on %(date)s at the earliest.") % {"date": format_date(call.project_starts_from)}}
        )  # fmt: skip
    lines = list(application.budget_lines.all())
    if not lines:
        missing.append({"code": "budget_missing", "field": "budget", "section": "budget",
                        "message": _("Fill in the budget.")})  # fmt: skip
    if application.requested_amount is None:
        missing.append({"code": "requested_amount_missing", "field": "requested_amount", "section": "budget",
                        "message": _("Enter the amount you apply for.")})  # fmt: skip
    else:
        from .models import eligible_total

        for message in check_aid_share(call, eligible_total(lines), application.requested_amount):
            missing.append({"code": "aid_share_exceeded", "field": "requested_amount", "section": "budget",
                            "message": message})  # fmt: skip
        if application.requested_amount <= 0:
            missing.append({"code": "requested_amount_missing", "field": "requested_amount", "section": "budget",
                            "message": _("Enter the amount you apply for.")})  # fmt: skip
    if not application.contacts.exists():
        missing.append({"code": "contacts_missing", "field": "contacts", "section": "contacts",
                        "message": _("Add at least one contact person.")})  # fmt: skip
    if not application.indicators.exists():
        missing.append({"code": "indicators_missing", "field": "indicators", "section": "indicators",
                        "message": _("Add at least one indicator for the project's goals.")})  # fmt: skip
    if not application.co_applicants_confirmed:
        missing.append({"code": "co_applicants_unconfirmed", "field": "co_applicants", "section": "co_applicants",
                        "message": _("Confirm the co-applicants, or that the municipality applies alone.")})  # fmt: skip
    elif call.track.kind == "joint_projects" and not application.co_applicants.exists():
        missing.append({"code": "co_applicants_missing", "field": "co_applicants", "section": "co_applicants",
                        "message": _("A joint project needs the other municipalities listed.")})  # fmt: skip
    if call.maturity_required and call.maturity_model_id:
        assessment = application.maturity_assessment()
        if assessment is None or not maturity.is_complete(assessment):
            missing.append({"code": "maturity_assessment_missing", "field": "maturity", "section": "maturity",
                            "message": _("Complete the maturity self-assessment.")})  # fmt: skip
    return missing
