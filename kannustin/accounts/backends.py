import functools

from allauth.account.auth_backends import AuthenticationBackend
from allauth.mfa.models import Authenticator
from django.db.models import Exists, OuterRef

from .models import GlobalRole, User, apply_membership_roles, with_membership_roles
from .roles import MinistryRole


class KannustinBackend(AuthenticationBackend):
    """allauth's backend (sign-in by email, also used by the admin's login). It loads the user of each
    request together with their ministry roles, their memberships and whether they have a TOTP second factor,
    in one query, so the role checks and the second-factor rule of every page cost nothing more."""

    def get_user(self, user_id):
        user = _user_query().filter(pk=user_id).first()
        if user is None or not self.user_can_authenticate(user):
            return None
        apply_membership_roles(user, user.packed_memberships)
        user.ministry_roles = frozenset(role for role in MinistryRole.values if getattr(user, f"role_{role}"))
        return user


@functools.cache
def _user_query():
    """The user with their ministry roles, second factor and memberships: built once per process (building
    the annotations costs more than running the query)."""
    annotations = {
        "has_totp": Exists(Authenticator.objects.filter(user=OuterRef("pk"), type=Authenticator.Type.TOTP)),
        **{
            f"role_{role}": Exists(GlobalRole.objects.filter(user=OuterRef("pk"), role=role))
            for role in MinistryRole.values
        },
        "packed_memberships": with_membership_roles(),
    }
    return User._default_manager.annotate(**annotations)
