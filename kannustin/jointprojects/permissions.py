"""Who may see and do what in track 2 around the proposals: the rules behind `core.permissions.can`.

- A submitted proposal's public parts (title, summary, topics, goals, the descriptions not marked as business
  secrets, the lead and who is interested) are shown to every signed-in member of an organisation, so that
  municipalities and other actors find each other; the proposal's own people see their draft as any
  application (`applications.view_application`).
- A member of another organisation registers its interest in a proposal while interest is taken (see
  `services.interest_refusal`); the proposal's lead accepts partners.
- Officials manage the workshop (event, tables, presentations) and see the dashboards; the participant list of
  a workshop is shown to those registered for it (the people who agreed to be listed) and to officials.

Rules name their full code (`jointprojects.<action>`), since most of their objects are applications.
"""

import rules

from kannustin.accounts.permissions import is_ministry_reader, is_official, member_role
from kannustin.applications.models import Status
from kannustin.applications.permissions import is_lead_member, is_participant_member


@rules.predicate
def is_organisation_member(user) -> bool:
    return user.is_authenticated and bool(user.membership_roles)


@rules.predicate
def is_submitted_proposal(user, proposal) -> bool:
    return proposal.call.stage == "proposal" and proposal.status in {
        Status.SUBMITTED,
        Status.COMPLETION_REQUESTED,
    }


@rules.predicate
def is_outsider_member(user, proposal) -> bool:
    """A member of an organisation other than the proposal's lead."""
    return user.is_authenticated and any(
        organisation_id != proposal.organisation_id for organisation_id in user.membership_roles
    )


@rules.predicate
def leads_interested_proposal(user, interest) -> bool:
    return interest.proposal is not None and member_role(user, interest.proposal.organisation_id) is not None


@rules.predicate
def is_open_partner_interest(user, interest) -> bool:
    return interest.kind == interest.Kind.PARTNER and interest.accepted_at is None


@rules.predicate
def is_interested_member(user, interest) -> bool:
    return member_role(user, interest.organisation_id) is not None


@rules.predicate
def is_registered(user, workshop) -> bool:
    return user.is_authenticated and workshop.registrations.filter(user=user).exists()


rules.add_rule(
    "jointprojects.view_proposal",
    (is_submitted_proposal & (is_organisation_member | is_ministry_reader)) | is_participant_member,
)
rules.add_rule("jointprojects.register_interest", is_submitted_proposal & is_outsider_member)
rules.add_rule("jointprojects.start_joint_application", is_submitted_proposal & is_lead_member)
rules.add_rule("jointprojects.accept_interest", leads_interested_proposal & is_open_partner_interest)
rules.add_rule("jointprojects.withdraw_interest", is_interested_member)
rules.add_rule("jointprojects.browse_proposals", is_organisation_member | is_ministry_reader)
rules.add_rule("jointprojects.view_dashboard", is_ministry_reader)
rules.add_rule("jointprojects.manage_workshop", is_official)
rules.add_rule("jointprojects.register_workshop", is_organisation_member)
rules.add_rule("jointprojects.view_workshop_participants", is_registered | is_ministry_reader)
