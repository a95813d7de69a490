"""The states of an application and the transitions between them, declared in one place.

Each transition names the states it leaves, the state it enters, the rule of `core.permissions.can` that says
who may perform it (None: only the service itself, e.g. the scheduler), and its guards: functions of the
application and the moment that return a refusal code, or None to let it pass. `actions.py` performs a
transition with `perform()` inside its transaction and writes everything else that goes with it (case number,
stamps, audit, notifications). Later stages (reviews, decisions, payments) add their states and transitions
here, with their own rules.
"""

from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from kannustin.core import clock
from kannustin.core.permissions import can

from .models import Status


class Refused(Exception):
    """A transition or change that is not possible now, with a stable code for pages and the API."""

    code = "refused"

    def __init__(self, code: str | None = None):
        super().__init__(code or self.code)
        if code:
            self.code = code


class CallClosed(Refused):
    code = "call_closed"


class NotEditable(Refused):
    """The content may not change now: `code` says why (not_editable, call_closed, completion_overdue)."""

    code = "not_editable"


def call_is_open(application, at: datetime) -> str | None:
    return None if clock.is_open(application.call.opens_at, application.call.closes_at, at) else "call_closed"


def completion_is_not_overdue(application, at: datetime) -> str | None:
    request = application.open_completion_request()
    return None if request is not None and at < request.due_at else "completion_overdue"


@dataclass(frozen=True)
class Transition:
    name: str
    sources: frozenset
    target: str
    rule: str | None
    guards: tuple = ()
    label: str = ""


TRANSITIONS = {
    t.name: t
    for t in (
        Transition("submit", frozenset({Status.DRAFT}), Status.SUBMITTED, "submit", (call_is_open,),
                   _("Submit")),
        Transition("resubmit", frozenset({Status.COMPLETION_REQUESTED}), Status.SUBMITTED, "submit",
                   (completion_is_not_overdue,), _("Send the completed application")),
        Transition("request_completion", frozenset({Status.SUBMITTED}), Status.COMPLETION_REQUESTED,
                   "request_completion", (), _("Ask for completion")),
        Transition("expire_completion", frozenset({Status.COMPLETION_REQUESTED}), Status.SUBMITTED, None, (),
                   _("Close an overdue completion request")),
        Transition("withdraw", frozenset({Status.SUBMITTED, Status.COMPLETION_REQUESTED}), Status.WITHDRAWN,
                   "withdraw", (), _("Withdraw")),
        # Decisions: performed by the service when a signed decision is sent (`decisions.services.send`); who
        # may present and sign is the decisions app's rules. A decision on a request for rectification may
        # turn one outcome into the other.
        Transition("grant", frozenset({Status.SUBMITTED}), Status.GRANTED, None, (), _("Grant")),
        Transition("reject", frozenset({Status.SUBMITTED}), Status.REJECTED, None, (), _("Reject")),
        Transition("rectify_grant", frozenset({Status.GRANTED, Status.REJECTED}), Status.GRANTED, None, (),
                   _("Grant on rectification")),
        Transition("rectify_reject", frozenset({Status.GRANTED, Status.REJECTED}), Status.REJECTED, None, (),
                   _("Reject on rectification")),
    )
}  # fmt: skip


def refusal(name: str, application, by=None, at: datetime | None = None) -> str | None:
    """Why the transition cannot happen now (a code), or None. Raises PermissionDenied for a person who may
    not perform it at all."""
    transition = TRANSITIONS[name]
    if transition.rule is not None and not can(by, transition.rule, application):
        raise PermissionDenied
    if application.status not in transition.sources:
        return "wrong_state"
    at = at or clock.now()
    for guard in transition.guards:
        code = guard(application, at)
        if code:
            return code
    return None


def perform(name: str, application, by=None, at: datetime | None = None) -> Transition:
    """Check the transition and move the (locked) application to its target state."""
    code = refusal(name, application, by, at)
    if code is not None:
        raise CallClosed(code) if code in {"call_closed", "completion_overdue"} else Refused(code)
    transition = TRANSITIONS[name]
    application.status = transition.target
    return transition


def available(application, user, at: datetime | None = None) -> list[Transition]:
    """The transitions this person could perform now, for the buttons of a page."""
    result = []
    for transition in TRANSITIONS.values():
        if transition.rule is None:
            continue
        try:
            if refusal(transition.name, application, user, at) is None:
                result.append(transition)
        except PermissionDenied:
            continue
    return result
