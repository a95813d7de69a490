"""Who may assign, declare, score and read reviews, and the reviewers' grant on an application.

- Officials assign reviewers, follow the progress and read every review and declaration; administrators read.
- A reviewer sees an application only through a review of it: first the declaration page (name, case number
  and participants, to judge whether they are disqualified), then, once declared not disqualified, the
  application in full and their own scoring form. The others' reviews only after submitting their own.
- A disqualified person sees nothing more of the application, whatever other role they hold: the
  application's ministry rule is narrowed here (`applications.view_ministry_application`), so every page,
  download and API answer that asks it follows.
"""

import rules
from rules.rulesets import default_rules

from kannustin.accounts.permissions import is_ministry_reader, is_official
from kannustin.accounts.roles import Role
from kannustin.applications.permissions import is_draft, is_participant_member

from .models import Review


def _reviews_of(user, application) -> list:
    """The person's reviews of the application, once per application object and person."""
    cache = application.__dict__.setdefault("_reviews_by_user", {})
    if user.pk not in cache:
        cache[user.pk] = list(Review.objects.filter(application_id=application.pk, reviewer_id=user.pk))
    return cache[user.pk]


@rules.predicate
def is_disqualified(user, application) -> bool:
    if not user.is_authenticated or application is None:
        return False
    return any(r.is_disqualified for r in _reviews_of(user, application))


@rules.predicate
def is_cleared_reviewer(user, application) -> bool:
    """Assigned, and has declared not being disqualified."""
    if not user.is_authenticated or application is None or not user.has_role(Role.REVIEWER):
        return False
    return any(
        r.state in {Review.State.IN_PROGRESS, Review.State.SUBMITTED} for r in _reviews_of(user, application)
    )


@rules.predicate
def has_submitted_review(user, application) -> bool:
    if not user.is_authenticated or application is None:
        return False
    return any(r.state == Review.State.SUBMITTED for r in _reviews_of(user, application))


@rules.predicate
def is_signer(user) -> bool:
    """Presenters and decision-makers read the applications they present and sign decisions on."""
    return user.is_authenticated and (user.has_role(Role.PRESENTER) or user.has_role(Role.DECISION_MAKER))


@rules.predicate
def is_reviewer(user) -> bool:
    return user.is_authenticated and user.has_role(Role.REVIEWER)


@rules.predicate
def is_own_review(user, review) -> bool:
    return user.is_authenticated and review.reviewer_id == user.pk


@rules.predicate
def is_awaiting_declaration(user, review) -> bool:
    return review.state == Review.State.ASSIGNED


@rules.predicate
def is_being_scored(user, review) -> bool:
    return review.state == Review.State.IN_PROGRESS


@rules.predicate
def is_cleared_review(user, review) -> bool:
    return review.state in {Review.State.IN_PROGRESS, Review.State.SUBMITTED}


@rules.predicate
def is_application_in_evaluation(user, review) -> bool:
    from .services import UNDER_EVALUATION

    return review.application.status in UNDER_EVALUATION


# The application's ministry view: narrowed by a disqualification, widened by a review or a signing role.
_ministry_view = default_rules["applications.view_ministry_application"]
rules.set_rule(
    "applications.view_ministry_application",
    ((_ministry_view | (is_signer & ~is_draft)) & ~is_disqualified) | is_cleared_reviewer,
)
_view = default_rules["applications.view_application"]
rules.set_rule("applications.view_application", (_view & ~is_disqualified) | is_participant_member)

rules.add_rule("reviews.assign", is_official)
rules.add_rule("reviews.follow", is_ministry_reader)
rules.add_rule("reviews.review_work", is_reviewer)
rules.add_rule(
    "reviews.declare_review", is_own_review & is_awaiting_declaration & is_application_in_evaluation
)
rules.add_rule("reviews.score_review", is_own_review & is_being_scored & is_application_in_evaluation)
rules.add_rule("reviews.view_review", (is_own_review & is_cleared_review) | is_ministry_reader)
# Others' reviews of an application: the officials, and a reviewer who has submitted their own.
rules.add_rule(
    "reviews.view_reviews_application", (is_ministry_reader & ~is_disqualified) | has_submitted_review
)
