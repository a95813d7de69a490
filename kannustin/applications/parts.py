"""The structured parts of a form, one class each: budget, indicators, contact people, participants,
attachments, business secrets and the maturity self-assessment.

A question set names the parts it has as `Section` records (kind = a part's `kind`); everything that walks a
form — the task list, completeness, check-your-answers, the conflict page, the PDF copy, the save path and
the API — asks these classes, so a form without a budget simply has no budget anywhere. A part knows:
- `change_keys`: the keys of `actions.save` changes that belong to it (a completion request opens parts);
- `url(application)`: its page; `summary_template`: how check-your-answers, the ministry's page and the PDF
  show it (included with the context of `presentation.application_context`);
- `clean` / `apply`: validate and write its changes; `snapshot`: its state in a saved version;
- `saved_annotations` / `is_saved`: whether anything is saved (the task list, in one query for all parts);
- `missing`: what stops a submission, as [{"code", "field", "section", "message"}].
"""

from decimal import Decimal

from django.db.models import Exists, OuterRef, prefetch_related_objects
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from kannustin.core.money import format_euros

from .models import Attachment, BudgetLine, ContactPerson, Indicator, Participant


def missing_item(code: str, section: str, message: str, field: str | None = None) -> dict:
    return {"code": code, "field": field or section, "section": section, "message": message}


class Part:
    kind = ""
    # The related name of the part's rows, fetched once per page where the whole application is shown.
    rows = ""
    # False for a part written on its own pages, which "save and continue" steps over.
    in_sequence = True
    change_keys: tuple[str, ...] = ()
    # The application's own columns that `apply` sets (an autosave writes only these and the answers).
    row_fields: tuple[str, ...] = ()
    summary_template = ""

    @property
    def state_keys(self) -> tuple[str, ...]:
        """The keys of its `snapshot`: what two saves on the same version compare to see if they clash."""
        return self.change_keys

    def url(self, application) -> str:
        return reverse(f"applications:{self.kind}", args=[application.pk])

    def saved_annotations(self) -> dict:
        return {}

    def is_saved(self, application, flags: dict) -> bool:
        return False

    def flags_from_rows(self, rows: list) -> dict:
        """The flags of `saved_annotations`, from the part's rows when they are fetched already."""
        return {}

    def clean(self, application, changes: dict, section) -> dict:
        """The part's changes, cleaned ({} when it has none); raises validation.ApplicationInvalid."""
        return {}

    def apply(self, application, cleaned: dict, by) -> None:
        pass

    def snapshot(self, application) -> dict:
        return {}

    def missing(self, application, section) -> list[dict]:
        return []


class Rows(Part):
    """Repeating rows of one model: indicators, contact people."""

    model = None
    fields: tuple[str, ...] = ()
    missing_code = ""
    missing_message = ""

    @property
    def related(self) -> str:
        return self.kind

    @property
    def rows(self) -> str:
        return self.kind

    def saved_annotations(self):
        return {f"has_{self.kind}": Exists(self.model.objects.filter(application=OuterRef("pk")))}

    def flags_from_rows(self, rows):
        return {f"has_{self.kind}": bool(rows)}

    def is_saved(self, application, flags):
        return flags.get(f"has_{self.kind}", False)

    def cleaner(self, rows):
        raise NotImplementedError

    def clean(self, application, changes, section):
        if self.kind not in changes:
            return {}
        return {self.kind: self.cleaner(changes[self.kind])}

    def apply(self, application, cleaned, by):
        if self.kind in cleaned:
            getattr(application, self.related).all().delete()
            self.model.objects.bulk_create(
                self.model(application=application, order=i, **row)
                for i, row in enumerate(cleaned[self.kind])
            )

    def snapshot(self, application):
        return {self.kind: list(getattr(application, self.related).values(*self.fields))}

    def missing(self, application, section):
        if section.required and not self.is_saved(application, saved_flags(application)):
            return [missing_item(self.missing_code, section.key, str(self.missing_message))]
        return []


class Indicators(Rows):
    kind = "indicators"
    change_keys = ("indicators",)
    model = Indicator
    fields = ("name", "baseline", "target", "follow_up")
    summary_template = "applications/summary/indicators.html"
    missing_code = "indicators_missing"

    @property
    def missing_message(self):
        return _("Add at least one indicator for the project's goals.")

    def cleaner(self, rows):
        from .validation import clean_indicators

        return clean_indicators(rows)


class Contacts(Rows):
    kind = "contacts"
    change_keys = ("contacts",)
    model = ContactPerson
    fields = ("name", "title", "email", "phone", "role")
    summary_template = "applications/summary/contacts.html"
    missing_code = "contacts_missing"

    @property
    def missing_message(self):
        return _("Add at least one contact person.")

    def cleaner(self, rows):
        from .validation import clean_contacts

        return clean_contacts(rows)


class Budget(Part):
    kind = "budget"
    rows = "budget_lines"
    change_keys = ("budget", "requested_amount")
    row_fields = ("requested_amount",)
    summary_template = "applications/summary/budget.html"

    def saved_annotations(self):
        return {"has_budget": Exists(BudgetLine.objects.filter(application=OuterRef("pk")))}

    def flags_from_rows(self, rows):
        return {"has_budget": bool(rows)}

    def is_saved(self, application, flags):
        return flags.get("has_budget", False) or application.requested_amount is not None

    def clean(self, application, changes, section):
        from .validation import clean_budget, clean_requested_amount

        cleaned = {}
        if "budget" in changes:
            cleaned["budget"] = clean_budget(application.call, changes["budget"])
        if "requested_amount" in changes:
            cleaned["requested_amount"] = clean_requested_amount(changes["requested_amount"])
        return cleaned

    def apply(self, application, cleaned, by):
        if "requested_amount" in cleaned:
            application.requested_amount = cleaned["requested_amount"]
        if "budget" in cleaned:
            application.budget_lines.all().delete()
            BudgetLine.objects.bulk_create(
                BudgetLine(application=application, order=i, **line)
                for i, line in enumerate(cleaned["budget"])
            )

    def snapshot(self, application):
        requested = application.requested_amount
        return {
            "requested_amount": str(requested) if requested is not None else None,
            "budget": [
                {
                    "category": b.category,
                    "year": b.year,
                    "description": b.description,
                    "amount": str(b.amount),
                }
                for b in application.budget_lines.all()
            ],
        }

    def missing(self, application, section):
        from .models import eligible_total
        from .validation import check_aid_share

        if not section.required:
            return []
        missing = []
        lines = list(application.budget_lines.all())
        if not lines:
            missing.append(missing_item("budget_missing", section.key, _("Fill in the budget."), "budget"))
        requested = application.requested_amount
        if requested is None or requested <= 0:
            missing.append(missing_item("requested_amount_missing", section.key,
                                        _("Enter the amount you apply for."), "requested_amount"))  # fmt: skip
        else:
            for message in check_aid_share(application.call, eligible_total(lines), requested):
                missing.append(missing_item("aid_share_exceeded", section.key, message, "requested_amount"))
        return missing


class Participants(Part):
    """Who takes part: the lead (in joint projects the project administrator) and partners, any organisation
    of the registry. Options of the section: `lead_role` ("lead" or "administrator"), `min_municipalities`,
    `partners_must_confirm` (each partner's own signatory confirms before the application can be sent),
    `kinds` (the kinds of organisation that may take part)."""

    kind = "participants"
    change_keys = ("participants", "participants_confirmed")
    row_fields = ("participants_confirmed",)
    summary_template = "applications/summary/participants.html"

    def is_saved(self, application, flags):
        return application.participants_confirmed

    def clean(self, application, changes, section):
        from .validation import clean_participants

        cleaned = {}
        if "participants" in changes:
            cleaned["participants"] = clean_participants(
                changes["participants"], application, (section.options or {}) if section else {}
            )
        if "participants_confirmed" in changes:
            cleaned["participants_confirmed"] = bool(changes["participants_confirmed"])
        return cleaned

    def apply(self, application, cleaned, by):
        if "participants_confirmed" in cleaned:
            application.participants_confirmed = cleaned["participants_confirmed"]
        if "participants" not in cleaned:
            return
        wanted = {entry["organisation"].pk: entry for entry in cleaned["participants"]}
        existing = {p.organisation_id: p for p in application.participants.all()}
        for organisation_id, participant in existing.items():
            if not participant.is_lead and organisation_id not in wanted:
                participant.delete()
        for order, entry in enumerate(cleaned["participants"], start=1):
            participant = existing.get(entry["organisation"].pk)
            if participant is None:
                Participant.objects.create(
                    application=application, organisation=entry["organisation"], role=Participant.Role.PARTNER,
                    order=order, budget_share=entry.get("budget_share"), added_by=by,
                )  # fmt: skip
            elif not participant.is_lead:
                participant.order = order
                if "budget_share" in entry:
                    participant.budget_share = entry["budget_share"]
                participant.save(update_fields=["order", "budget_share"])
            elif "budget_share" in entry:
                participant.budget_share = entry["budget_share"]
                participant.save(update_fields=["budget_share"])
        application.__dict__.pop("_participants", None)

    def snapshot(self, application):
        return {
            "participants_confirmed": application.participants_confirmed,
            "participants": [
                {
                    "organisation": p.organisation.identifier,
                    # Names and confirmation kept too, so that an autosave's answer needs no query for them.
                    "name_fi": p.organisation.name_fi,
                    "name_sv": p.organisation.name_sv,
                    "name_en": p.organisation.name_en,
                    "role": p.role,
                    "budget_share": str(p.budget_share) if p.budget_share is not None else None,
                    "state": p.state,
                    "confirmed_at": p.confirmed_at.isoformat() if p.confirmed_at else None,
                }
                for p in application.participants.select_related("organisation").order_by("order", "pk")
            ],
        }

    def missing(self, application, section):
        options = section.options or {}
        key = section.key
        missing = []
        if not application.participants_confirmed:
            missing.append(missing_item("participants_unconfirmed", key,
                                        _("Confirm the co-applicants, or that the municipality applies alone.")))  # fmt: skip
        rows = application.participant_rows()
        minimum = options.get("min_municipalities") or 0
        municipalities = [p for p in rows if p.organisation.is_municipality and p.state != "declined"]
        if len(municipalities) < minimum:
            missing.append(missing_item(
                "too_few_municipalities", key,
                _("A joint project needs at least %(count)s municipalities taking part.") % {"count": minimum},
            ))  # fmt: skip
        lead_kinds = options.get("lead_kinds")
        lead = next((p for p in rows if p.is_lead), None)
        if lead_kinds and lead is not None and lead.organisation.kind not in lead_kinds:
            missing.append(missing_item(
                "administrator_kind", key,
                _("The project administrator must be a municipality or a joint municipal authority."),
            ))  # fmt: skip
        if options.get("budget_split"):
            missing.extend(self._budget_split(application, rows, key))
        for participant in rows:
            if participant.state == "declined":
                missing.append(missing_item(
                    "participant_declined", key,
                    _("%(name)s declined to take part: remove it from the participants.")
                    % {"name": participant.organisation.tr("name")},
                ))  # fmt: skip
            elif participant.state == "waiting" and options.get("partners_must_confirm"):
                missing.append(missing_item(
                    "participant_unconfirmed", key,
                    _("%(name)s has not yet confirmed its participation.") % {"name": participant.organisation.tr("name")},
                ))  # fmt: skip
        return missing

    @staticmethod
    def _budget_split(application, rows, key) -> list[dict]:
        """Each participant's share of the budget is given, and the shares add up to the eligible costs."""
        from .models import eligible_total

        taking_part = [p for p in rows if p.state != "declined"]
        without = [p for p in taking_part if p.budget_share is None]
        if without:
            return [missing_item(
                "budget_share_missing", key,
                _("Give the share of the budget of: %(names)s.")
                % {"names": ", ".join(p.organisation.tr("name") for p in without)},
            )]  # fmt: skip
        lines = list(application.budget_lines.all())
        total, shares = eligible_total(lines), sum((p.budget_share for p in taking_part), Decimal("0.00"))
        if lines and shares != total:
            return [missing_item(
                "budget_split_mismatch", key,
                _("The participants' shares add up to %(shares)s, but the eligible costs of the budget are "
                  "%(total)s. They must be equal.") % {"shares": format_euros(shares, get_language() or "fi"), "total": format_euros(total, get_language() or "fi")},
            )]  # fmt: skip
        return []


class Attachments(Part):
    kind = "attachments"
    rows = "attachments"
    summary_template = "applications/summary/attachments.html"

    def saved_annotations(self):
        return {"has_attachments": Exists(Attachment.objects.filter(application=OuterRef("pk")))}

    def flags_from_rows(self, rows):
        return {"has_attachments": bool(rows)}

    def is_saved(self, application, flags):
        return flags.get("has_attachments", False)

    def snapshot(self, application):
        return {
            "attachments": [
                {
                    "id": a.pk,
                    "name": a.original_name,
                    "kind": a.kind,
                    "content_type": a.content_type,
                    "size": a.size,
                    "sha256": a.sha256,
                    "confidential": a.confidential,
                    "document": a.document,
                }  # fmt: skip
                for a in application.attachments.all()
            ]
        }

    def missing(self, application, section):
        documents = required_documents(section)
        if documents:
            present = {a.document for a in application.attachments.all()}
            return [
                missing_item(
                    "document_missing",
                    section.key,
                    _("Attach: %(document)s") % {"document": label},
                    "document",
                )  # fmt: skip
                for key, label in documents.items()
                if key not in present
            ]
        if section.required and not saved_flags(application).get("has_attachments"):
            return [
                missing_item("attachments_missing", section.key, _("Add the attachments the call asks for."))
            ]
        return []


# Documents a form may require among its attachments (the attachments section's option
# `required_documents`); an uploader says which file is which.
DOCUMENTS = {
    "agreement": gettext_lazy(
        "The agreement between the project administrator and the other participants on administering the "
        "project and passing on the grant (Act on Discretionary Government Transfers, section 7(3))"
    ),
}


def required_documents(section) -> dict:
    """{key: label} of the documents the attachments section requires, in order."""
    keys = ((section.options or {}).get("required_documents") or []) if section is not None else []
    return {key: DOCUMENTS[key] for key in keys if key in DOCUMENTS}


class Confidentiality(Part):
    kind = "confidentiality"
    rows = "attachments"
    change_keys = ("confidential_keys", "confidential_attachments")
    row_fields = ("confidential_keys",)
    state_keys = ("confidential_keys", "attachments")
    summary_template = "applications/summary/confidentiality.html"

    def saved_annotations(self):
        return {
            "has_secret_attachments": Exists(
                Attachment.objects.filter(application=OuterRef("pk"), confidential=True)
            )
        }

    def is_saved(self, application, flags):
        return bool(application.confidential_keys) or flags.get("has_secret_attachments", False)

    def flags_from_rows(self, rows):
        return {"has_secret_attachments": any(attachment.confidential for attachment in rows)}

    def clean(self, application, changes, section):
        from .validation import ApplicationInvalid

        cleaned, errors = {}, {}
        keys = {q.key for q in application.questions()}
        confidential = changes.get("confidential_keys")
        if confidential is not None:
            if not isinstance(confidential, list) or any(key not in keys for key in confidential):
                errors["confidential_keys"] = [_("Mark only answers of this form as business secrets.")]
            else:
                cleaned["confidential_keys"] = [
                    q.key for q in application.questions() if q.key in confidential
                ]
        secret_files = changes.get("confidential_attachments")
        if secret_files is not None:
            try:
                secret_files = {int(pk) for pk in secret_files}
            except (TypeError, ValueError):
                secret_files = None
            if secret_files is None or not secret_files <= set(
                application.attachments.values_list("pk", flat=True)
            ):
                errors["confidential_attachments"] = [_("Mark only attachments of this application.")]
            else:
                cleaned["confidential_attachments"] = secret_files
        if errors:
            raise ApplicationInvalid(errors)
        return cleaned

    def apply(self, application, cleaned, by):
        if "confidential_keys" in cleaned:
            application.confidential_keys = cleaned["confidential_keys"]
        if "confidential_attachments" in cleaned:
            secret = cleaned["confidential_attachments"]
            application.attachments.filter(pk__in=secret).update(confidential=True)
            application.attachments.exclude(pk__in=secret).update(confidential=False)

    def snapshot(self, application):
        # Marks on attachments are kept with the attachments: this part changes both.
        return {
            "confidential_keys": application.confidential_keys,
            **PARTS["attachments"].snapshot(application),
        }


class Maturity(Part):
    """The organisation's maturity self-assessment for the call: written on its own pages, frozen with the
    submission. The level never affects the grant."""

    kind = "maturity"
    in_sequence = False
    summary_template = "applications/summary/maturity.html"

    def url(self, application) -> str:
        return reverse("maturity:overview", args=[application.organisation.identifier, application.call_id])

    def is_saved(self, application, flags):
        return application.maturity_assessment() is not None

    def missing(self, application, section):
        from kannustin.maturity import services as maturity

        if not section.required or not application.call.maturity_model_id:
            return []
        assessment = application.maturity_assessment()
        if assessment is None or not maturity.is_complete(assessment):
            return [missing_item("maturity_assessment_missing", section.key,
                                 _("Complete the maturity self-assessment."), "maturity")]  # fmt: skip
        return []


def saved_flags(application) -> dict:
    """Whether each structured part of the application's form holds rows: from rows already fetched
    (`fetch_rows`), the rest in one query for all of them; kept on the instance for the request (a save
    forgets it: `forget_saved_flags`)."""
    if not hasattr(application, "_saved_flags"):
        fetched = getattr(application, "_prefetched_objects_cache", {})
        flags, annotations = {}, {}
        for part in filter(None, map(part_for, application.sections())):
            if part.rows and part.rows in fetched:
                flags.update(part.flags_from_rows(list(fetched[part.rows])))
            else:
                annotations.update(part.saved_annotations())
        if annotations and application.pk:
            flags.update(
                type(application)
                .objects.filter(pk=application.pk)
                .annotate(**annotations)
                .values(*annotations)
                .get()
            )
        application._saved_flags = flags
    return application._saved_flags


def fetch_rows(application) -> None:
    """Fetch the rows of every structured part of the form at once, for a page that shows them all."""
    prefetch_related_objects(
        [application], *{part.rows for part in map(part_for, application.sections()) if part and part.rows}
    )


def forget_saved_flags(application) -> None:
    application.__dict__.pop("_saved_flags", None)


PARTS: dict[str, Part] = {
    part.kind: part
    for part in (
        Indicators(),
        Participants(),
        Contacts(),
        Budget(),
        Attachments(),
        Confidentiality(),
        Maturity(),
    )
}


def part_for(section) -> Part | None:
    """The part class of a structured section (None for a page of questions)."""
    return None if section.is_questions else PARTS[section.kind]


def change_owners(sections) -> dict[str, object]:
    """{change key: the section that owns it} for the structured parts of a form."""
    owners = {}
    for section in sections:
        part = part_for(section)
        for key in part.change_keys if part else ():
            owners[key] = section
    return owners
