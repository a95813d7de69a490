"""Predicates about a person's roles, for the rules of every app (see core.permissions)."""

import rules

from .roles import Role


@rules.predicate
def is_ministry_reader(user) -> bool:
    """Ministry staff who follow every submitted application: officials and administrators."""
    return user.is_authenticated and (user.has_role(Role.OFFICIAL) or user.has_role(Role.ADMIN))


@rules.predicate
def is_official(user) -> bool:
    return user.is_authenticated and user.has_role(Role.OFFICIAL)


def member_role(user, organisation_id) -> str | None:
    """The person's role in the organisation (applicant or signatory), or None."""
    if not user.is_authenticated:
        return None
    return user.membership_roles.get(organisation_id)


@rules.predicate
def is_member(user, organisation) -> bool:
    return member_role(user, organisation.pk) is not None


rules.add_rule("accounts.act_for_organisation", is_member)
