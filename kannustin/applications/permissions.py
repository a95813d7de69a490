"""Who may see and do what with an application: the rules behind `core.permissions.can`.

- The members (applicant, signatory) of every participating organisation see the application: the lead's and
  the partners' (a partner that declined sees it no more). The lead's members and the members of partners
  that have confirmed change its content while it is open for changes (see `Application.editing_refusal`);
  only the lead's members change who takes part; only the lead's signatory submits and withdraws; a
  partner's own signatory confirms or declines its participation.
- Ministry officials and administrators see submitted applications (a draft is not yet a document given to
  the authority); officials ask for completions. Reviewers, presenters and decision-makers see nothing of
  an application until a grant on that application says so (later stages add those predicates here).
- Everyone else sees nothing: pages answer 404, not 403, so existence is not revealed.

States and transitions are declared in `workflow.py`; this module answers "may this person".
"""

import rules

from kannustin.accounts.permissions import is_ministry_reader, is_official, member_role
from kannustin.accounts.roles import Role

from .models import Application, Participant, Status

# Predicates ----------------------------------------------------------------------------------------------


@rules.predicate
def is_lead_member(user, application) -> bool:
    return member_role(user, application.organisation_id) is not None


@rules.predicate
def is_lead_signatory(user, application) -> bool:
    return member_role(user, application.organisation_id) == Role.SIGNATORY


@rules.predicate
def is_participant_member(user, application) -> bool:
    if not user.is_authenticated or not user.membership_roles:
        return False
    if application.organisation_id in user.membership_roles:
        return True
    return any(
        p.organisation_id in user.membership_roles and p.state != "declined"
        for p in application.participant_rows()
    )


@rules.predicate
def is_confirmed_partner_member(user, application) -> bool:
    if not user.is_authenticated or not user.membership_roles:
        return False
    return any(
        p.organisation_id in user.membership_roles and p.role == Participant.Role.PARTNER and p.confirmed_at
        for p in application.participant_rows()
    )


@rules.predicate
def is_draft(user, application) -> bool:
    return application.status == Status.DRAFT


@rules.predicate
def is_open_for_changes(user, application) -> bool:
    return application.editing_refusal() is None


@rules.predicate
def is_submitted(user, application) -> bool:
    return application.status == Status.SUBMITTED


@rules.predicate
def may_be_withdrawn(user, application) -> bool:
    return application.status in {Status.SUBMITTED, Status.COMPLETION_REQUESTED}


@rules.predicate
def is_partners_signatory(user, participant) -> bool:
    return member_role(user, participant.organisation_id) == Role.SIGNATORY


@rules.predicate
def is_undecided_partner(user, participant) -> bool:
    return (
        participant.role == Participant.Role.PARTNER
        and participant.application.status != Status.WITHDRAWN
        and not participant.confirmed_at
        and not participant.declined_at
    )


# Rules -------------------------------------------------------------------------------------------------

rules.add_rule("applications.view_application", is_participant_member | (is_ministry_reader & ~is_draft))
rules.add_rule(
    "applications.change_application", (is_lead_member | is_confirmed_partner_member) & is_open_for_changes
)
rules.add_rule("applications.manage_participants_application", is_lead_member & is_open_for_changes)
rules.add_rule("applications.submit_application", is_lead_signatory)
rules.add_rule("applications.withdraw_application", is_lead_signatory & may_be_withdrawn)
rules.add_rule("applications.request_completion_application", is_official & is_submitted)
rules.add_rule("applications.view_ministry_application", is_ministry_reader & ~is_draft)
rules.add_rule("applications.confirm_participant", is_partners_signatory & is_undecided_partner)
rules.add_rule("applications.list_ministry", is_ministry_reader)


def visible_applications(user):
    """The applications a user may see, as a queryset (the same answer as the view rule, for lists)."""
    if not user.is_authenticated:
        return Application.objects.none()
    organisation_ids = list(user.membership_roles)
    participating = Application.objects.filter(
        pk__in=Participant.objects.filter(
            organisation_id__in=organisation_ids, declined_at__isnull=True
        ).values("application_id")
    )
    if is_ministry_reader(user):
        return Application.objects.exclude(status=Status.DRAFT) | participating
    return participating
