"""Every change of track 2 around the proposals: interests, accepting partners, starting a joint application
from proposals, the workshop (registrations, tables, presentations, publishing). One transaction each, a
permission check through `can`, an audit event, and notifications after commit.

The proposal itself and the joint application are applications: they change through `applications.actions`.
"""

import hashlib
from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kannustin.applications import actions
from kannustin.applications.files import FileRefused, check_upload
from kannustin.applications.models import Application
from kannustin.core import audit, clock
from kannustin.core.permissions import can
from kannustin.programmes.models import Call

from . import notifications
from .models import Interest, Presentation, Registration, WorkshopTable


class Refused(Exception):
    """Not possible now, with a stable code (e.g. interest_closed, registration_closed, workshop_full)."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def interest_closes_at(call: Call) -> datetime:
    """Interest in a proposal is taken until the last call of its track that grows from it closes: partners are
    still found while the joint applications are written."""
    closes = [call.closes_at, *(later.closes_at for later in call.next_stages.all())]
    return max(closes)


def interest_refusal(call: Call, at: datetime | None = None) -> str | None:
    at = at or clock.now()
    if at < call.opens_at:
        return "interest_not_open"
    return None if at < interest_closes_at(call) else "interest_closed"


def _member_of(by, organisation) -> None:
    if not can(by, "accounts.act_for_organisation", organisation):
        raise PermissionDenied


def register_interest(proposal: Application, organisation, *, by, kind: str, note: str = "") -> Interest:
    """The organisation wants to join the proposal (partner or observer). Registering again updates the
    kind and the note; an accepted partner stays accepted."""
    _member_of(by, organisation)
    if (
        not can(by, "jointprojects.register_interest", proposal)
        or organisation.pk == proposal.organisation_id
    ):
        raise PermissionDenied
    code = interest_refusal(proposal.call)
    if code:
        raise Refused(code)
    with transaction.atomic():
        interest, created = Interest.objects.select_for_update().get_or_create(
            proposal=proposal, organisation=organisation,
            defaults={"call": proposal.call, "kind": kind, "note": note[:1000], "created_by": by},
        )  # fmt: skip
        if not created:
            interest.kind, interest.note = kind, note[:1000]
            interest.save(update_fields=["kind", "note"])
        audit.record(by, "interest.registered", interest,
                     {"proposal": proposal.pk, "organisation": organisation.identifier, "kind": kind})  # fmt: skip
        if created:
            transaction.on_commit(lambda: notifications.interest_registered(interest.pk))
    return interest


def register_topic_interest(
    call: Call, topic: str, organisation, *, by, kind: str, note: str = ""
) -> Interest:
    """The organisation is interested in any project of a topic of the call."""
    _member_of(by, organisation)
    if topic not in dict(topic_choices(call)):
        raise ValidationError(_("Choose one of the topics."))
    code = interest_refusal(call)
    if code:
        raise Refused(code)
    with transaction.atomic():
        interest, created = Interest.objects.get_or_create(
            call=call, proposal=None, topic=topic, organisation=organisation,
            defaults={"kind": kind, "note": note[:1000], "created_by": by},
        )  # fmt: skip
        if not created:
            interest.kind, interest.note = kind, note[:1000]
            interest.save(update_fields=["kind", "note"])
        audit.record(by, "interest.registered", interest,
                     {"call": call.pk, "topic": topic, "organisation": organisation.identifier, "kind": kind})  # fmt: skip
    return interest


def withdraw_interest(interest: Interest, *, by) -> None:
    if not can(by, "jointprojects.withdraw_interest", interest):
        raise PermissionDenied
    with transaction.atomic():
        audit.record(by, "interest.withdrawn", interest,
                     {"proposal": interest.proposal_id, "topic": interest.topic,
                      "organisation": interest.organisation.identifier})  # fmt: skip
        interest.delete()


def accept_interest(interest: Interest, *, by) -> Interest:
    """The proposal's lead accepts the interested organisation as a partner."""
    with transaction.atomic():
        interest = Interest.objects.select_for_update(of=("self",)).select_related(
            "proposal", "organisation"
        ).get(pk=interest.pk)  # fmt: skip
        if not can(by, "jointprojects.accept_interest", interest):
            raise PermissionDenied
        interest.accepted_at, interest.accepted_by = clock.now(), by
        interest.save(update_fields=["accepted_at", "accepted_by"])
        audit.record(by, "interest.accepted", interest,
                     {"proposal": interest.proposal_id, "organisation": interest.organisation.identifier})  # fmt: skip
        transaction.on_commit(lambda: notifications.partner_accepted(interest.pk))
    return interest


def topic_choices(call: Call) -> list[tuple[str, str]]:
    """The call's topic list: the options of its form's `topics` question, labelled in the reader's language."""
    question_set = call.current_question_set()
    question = question_set.questions.filter(key="topics").first() if question_set else None
    return [(option.key, option.tr("label")) for option in question.translated_options()] if question else []


def joint_calls(proposal_call: Call, at=None) -> list[Call]:
    """The open calls of stage 2 that grow from the proposal call."""
    return [
        call
        for call in proposal_call.next_stages.filter(is_published=True).order_by("opens_at")
        if clock.is_open(call.opens_at, call.closes_at, at)
    ]


def start_joint_application(call: Call, proposals: list[Application], organisation, *, by) -> Application:
    """A joint application in a stage-2 call, grown from proposals: `organisation` is the project
    administrator; its partners are the other proposals' leads and the organisations accepted as partners
    in any of them (each asked to confirm). The title and summary come from the first proposal."""
    if not proposals or call.stage != Call.Stage.JOINT_APPLICATION:
        raise ValidationError(_("Choose at least one proposal."))
    for proposal in proposals:
        if proposal.call_id != call.previous_stage_id or not can(by, "jointprojects.view_proposal", proposal):
            raise PermissionDenied
    leads = {p.organisation_id for p in proposals}
    partner_interests = Interest.objects.filter(
        proposal__in=proposals, kind=Interest.Kind.PARTNER, accepted_at__isnull=False
    )
    if organisation.pk not in leads and not partner_interests.filter(organisation=organisation).exists():
        raise PermissionDenied  # only a proposer or an accepted partner starts the joint project
    application = actions.create_draft(call, organisation, by=by)
    first = proposals[0]
    partners = []
    for identifier in [p.organisation.identifier for p in proposals] + [
        interest.organisation.identifier for interest in partner_interests.select_related("organisation")
    ]:
        if identifier != organisation.identifier and identifier not in partners:
            partners.append(identifier)
    answers = {
        key: value
        for key, value in {"project_name": first.title, "summary": first.summary}.items()
        if value and key in {q.key for q in application.questions()}
    }
    with transaction.atomic():
        application.proposals.set(proposals)
        changes = {"answers": answers}
        if partners:
            changes["participants"] = partners
        application = actions.save(application, by=by, version=application.version, changes=changes)
        audit.record(by, "application.grown_from_proposals", application,
                     {"proposals": [p.pk for p in proposals]})  # fmt: skip
    return application


# The workshop -------------------------------------------------------------------------------------------


def register_for_workshop(workshop, organisation, *, by, data: dict) -> Registration:
    _member_of(by, organisation)
    code = workshop.registration_refusal()
    if code:
        raise Refused(code)
    with transaction.atomic():
        type(workshop).objects.select_for_update().filter(pk=workshop.pk).first()
        existing = Registration.objects.filter(workshop=workshop, user=by).first()
        # The places are for those who come to the venue; anyone may follow online.
        on_site = Registration.objects.filter(workshop=workshop, remote=False).exclude(user=by).count()
        if workshop.capacity is not None and not data.get("remote") and on_site >= workshop.capacity:
            raise Refused("workshop_full")
        registration = existing or Registration(workshop=workshop, user=by)
        registration.organisation = organisation
        for field in ("name", "email", "remote", "dietary", "accessibility", "listed"):
            setattr(registration, field, data.get(field, getattr(registration, field)))
        registration.save()
        audit.record(
            by,
            "workshop.registered",
            registration,
            {"workshop": workshop.pk, "organisation": organisation.identifier},
        )
    return registration


def cancel_registration(registration: Registration, *, by) -> None:
    if registration.user_id != by.pk:
        raise PermissionDenied
    with transaction.atomic():
        audit.record(
            by, "workshop.registration_cancelled", registration, {"workshop": registration.workshop_id}
        )
        registration.delete()


def update_workshop(workshop, *, by, values: dict):
    if not can(by, "jointprojects.manage_workshop", workshop):
        raise PermissionDenied
    with transaction.atomic():
        changes = {}
        for field, value in values.items():
            if getattr(workshop, field) != value:
                changes[field] = str(value)
                setattr(workshop, field, value)
        workshop.save()
        audit.record(by, "workshop.updated", workshop, changes)
    return workshop


def publish_programme(workshop, *, by):
    if not can(by, "jointprojects.manage_workshop", workshop):
        raise PermissionDenied
    if not any(workshop.tr("programme", language) for language in ("fi", "sv", "en")):
        raise Refused("programme_missing")
    with transaction.atomic():
        first_time = workshop.programme_published_at is None
        workshop.programme_published_at = clock.now()
        workshop.save(update_fields=["programme_published_at"])
        audit.record(by, "workshop.programme_published", workshop, {})
        transaction.on_commit(lambda: notifications.workshop_published(workshop.pk, "programme", first_time))
    return workshop


def save_tables(workshop, tables: list[dict], *, by) -> list[WorkshopTable]:
    """Replace the workshop's tables: [{"title_fi", "title_sv", "title_en", "proposals": [ids]}]; a proposal
    sits at one table at most."""
    if not can(by, "jointprojects.manage_workshop", workshop):
        raise PermissionDenied
    seen = set()
    for table in tables:
        table["proposals"] = [pk for pk in table["proposals"] if pk not in seen]
        seen.update(table["proposals"])
    with transaction.atomic():
        workshop.tables.all().delete()
        made = []
        for number, table in enumerate(tables, start=1):
            row = WorkshopTable.objects.create(
                workshop=workshop, number=number,
                **{f"title_{language}": (table.get(f"title_{language}") or "")[:200] for language in ("fi", "sv", "en")},
            )  # fmt: skip
            row.proposals.set(table["proposals"])
            made.append(row)
        audit.record(by, "workshop.tables_saved", workshop,
                     {"tables": [[row.title_fi, table["proposals"]] for row, table in zip(made, tables, strict=True)]})  # fmt: skip
    return made


def add_presentation(workshop, uploaded, *, by, titles: dict) -> Presentation:
    """A PDF of the workshop; anything else is refused before it is stored."""
    if not can(by, "jointprojects.manage_workshop", workshop):
        raise PermissionDenied
    kind = check_upload(uploaded, max_bytes=20 * 1024 * 1024)
    if kind != "pdf":
        raise FileRefused(
            _("Presentations are published as PDF files. Save the presentation as PDF and upload it again.")
        )
    digest = hashlib.sha256()
    for chunk in uploaded.chunks():
        digest.update(chunk)
    uploaded.seek(0)
    with transaction.atomic():
        presentation = Presentation(
            workshop=workshop, size=uploaded.size, sha256=digest.hexdigest(), uploaded_by=by,
            order=workshop.presentations.count(),
            **{f"title_{language}": (titles.get(language) or "")[:200] for language in ("fi", "sv", "en")},
        )  # fmt: skip
        presentation.file.save("upload", uploaded, save=False)
        presentation.save()
        audit.record(
            by,
            "workshop.presentation_added",
            presentation,
            {"workshop": workshop.pk, "sha256": presentation.sha256},
        )
    return presentation


def remove_presentation(presentation: Presentation, *, by) -> None:
    if not can(by, "jointprojects.manage_workshop", presentation.workshop):
        raise PermissionDenied
    with transaction.atomic():
        audit.record(
            by, "workshop.presentation_removed", presentation, {"workshop": presentation.workshop_id}
        )
        presentation.file.delete(save=False)
        presentation.delete()


def publish_presentations(workshop, *, by):
    if not can(by, "jointprojects.manage_workshop", workshop):
        raise PermissionDenied
    if not workshop.presentations.exists():
        raise Refused("presentations_missing")
    with transaction.atomic():
        first_time = workshop.presentations_published_at is None
        workshop.presentations_published_at = clock.now()
        workshop.save(update_fields=["presentations_published_at"])
        audit.record(by, "workshop.presentations_published", workshop, {})
        transaction.on_commit(
            lambda: notifications.workshop_published(workshop.pk, "presentations", first_time)
        )
    return workshop
