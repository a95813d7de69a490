"""Who may allocate, present, sign, send and read decisions, and file requests for rectification.

- Officials draw and choose allocation scenarios, draft decisions, send signed ones and handle requests for
  rectification; administrators follow.
- A presenter (esittelijä) presents drafted decisions; a decision-maker (ratkaisija) signs presented ones,
  never one they presented: the two are different people on every decision (also a database constraint).
- The applicant's people (every participating organisation's) read the decisions sent on their application
  and, within the deadline, file a request for rectification; before sending a decision is not theirs to see.
"""

import rules

from kannustin.accounts.permissions import is_ministry_reader, is_official
from kannustin.accounts.roles import Role
from kannustin.applications.permissions import is_participant_member
from kannustin.reviews.permissions import is_disqualified, is_signer

from .models import Decision


@rules.predicate
def is_presenter(user) -> bool:
    return user.is_authenticated and user.has_role(Role.PRESENTER)


@rules.predicate
def is_decision_maker(user) -> bool:
    return user.is_authenticated and user.has_role(Role.DECISION_MAKER)


@rules.predicate
def is_drafted(user, decision) -> bool:
    return decision.state == Decision.State.DRAFT


@rules.predicate
def is_presented(user, decision) -> bool:
    return decision.state == Decision.State.PRESENTED


@rules.predicate
def presented_it(user, decision) -> bool:
    return decision.presenter_id is not None and decision.presenter_id == user.pk


@rules.predicate
def is_sent(user, decision) -> bool:
    return decision.state == Decision.State.SENT


@rules.predicate
def is_party(user, decision) -> bool:
    return is_participant_member(user, decision.application)


@rules.predicate
def disqualified_on_it(user, decision) -> bool:
    return is_disqualified(user, decision.application)


rules.add_rule("decisions.allocate", is_official)
rules.add_rule("decisions.follow", is_ministry_reader | is_signer)
rules.add_rule("decisions.send", is_official)
rules.add_rule("decisions.present_decision", is_presenter & is_drafted & ~disqualified_on_it)
rules.add_rule(
    "decisions.sign_decision", is_decision_maker & is_presented & ~presented_it & ~disqualified_on_it
)
rules.add_rule("decisions.return_decision", (is_presenter | is_decision_maker) & is_presented)
rules.add_rule(
    "decisions.view_decision", ((is_ministry_reader | is_signer) & ~disqualified_on_it) | (is_party & is_sent)
)
rules.add_rule("decisions.request_rectification_decision", is_party & is_sent)
rules.add_rule("decisions.handle_rectification", is_official)
