import functools
import hashlib
import secrets
from datetime import timedelta

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models import Exists, OuterRef
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from kannustin.core import clock

from .roles import MINISTRY_ROLES, MinistryRole, OrganisationRole, Role


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True)
        return self._create_user(email, password, **extra)


class User(AbstractUser):
    """A person. Signs in with the email address. Municipal roles come from memberships, ministry roles are
    global (`GlobalRole`)."""

    class Language(models.TextChoices):
        FI = "fi", _("Finnish")
        SV = "sv", _("Swedish")
        EN = "en", _("English")

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("email address"), unique=True)
    name = models.CharField(_("name"), max_length=150, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    title = models.CharField(_("title"), max_length=150, blank=True)
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, default=Language.FI,
        help_text=_("Emails and decisions are sent in this language (Finnish or Swedish)."),
    )  # fmt: skip

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        ordering = ["email"]
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.name or self.email

    def get_full_name(self):
        return self.name or self.email

    def get_short_name(self):
        return self.name or self.email

    @cached_property
    def ministry_roles(self) -> frozenset[str]:
        return frozenset(self.global_roles.values_list("role", flat=True))

    @cached_property
    def membership_roles(self) -> dict[int, str]:
        """Organisation id → role code, for the organisations this user acts for (one query per request, none
        where the user was loaded with `with_membership_roles`)."""
        return dict(self.memberships.values_list("organisation_id", "role"))

    def has_role(self, role: str) -> bool:
        return role in self.ministry_roles

    @property
    def is_ministry(self) -> bool:
        return bool(self.ministry_roles & set(MINISTRY_ROLES))

    @property
    def needs_second_factor(self) -> bool:
        return self.is_ministry or self.is_superuser

    def organisation_ids(self, role: str | None = None) -> list[int]:
        memberships = self.memberships.all()
        if role:
            memberships = memberships.filter(role=role)
        return list(memberships.values_list("organisation_id", flat=True))


class GlobalRole(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="global_roles")
    role = models.CharField(_("role"), max_length=32, choices=MinistryRole.choices)
    granted_at = models.DateTimeField(_("granted"), auto_now_add=True)

    class Meta:
        verbose_name = _("ministry role")
        verbose_name_plural = _("ministry roles")
        constraints = [models.UniqueConstraint(fields=["user", "role"], name="unique_global_role")]

    def __str__(self):
        return f"{self.user} – {self.get_role_display()}"


class _RolesAgg(models.Aggregate):
    """ "organisation id:role" of each membership, comma-separated: STRING_AGG or GROUP_CONCAT."""

    function = "STRING_AGG"
    template = "%(function)s(%(expressions)s, ',')"
    output_field = models.TextField()

    def as_sqlite(self, compiler, connection, **extra):
        return super().as_sql(compiler, connection, function="GROUP_CONCAT", **extra)


def with_membership_roles(user_field: str = "pk") -> models.Subquery:
    """An annotation carrying the user's memberships in the query that loads the user (`user_field` names the
    user's id in that query); `apply_membership_roles` turns it into `User.membership_roles`."""
    from django.db.models.functions import Cast, Concat

    pairs = Concat(Cast("organisation_id", models.CharField()), models.Value(":"), "role")
    return models.Subquery(
        Membership.objects.filter(user_id=OuterRef(user_field))
        .values("user_id")
        .annotate(roles=_RolesAgg(pairs))
        .values("roles")[:1],
        output_field=models.TextField(),
    )


def apply_membership_roles(user: "User", packed: str | None) -> None:
    roles = {}
    for pair in filter(None, (packed or "").split(",")):
        organisation_id, role = pair.split(":", 1)
        roles[int(organisation_id)] = role
    user.__dict__["membership_roles"] = roles


class Membership(models.Model):
    """A user acting for an organisation: `applicant` drafts, `signatory` may also submit."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(
        "registry.Organisation", verbose_name=_("organisation"), on_delete=models.PROTECT,
        related_name="memberships",
    )  # fmt: skip
    role = models.CharField(_("role"), max_length=32, choices=OrganisationRole.choices)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="unique_membership"),
        ]

    def __str__(self):
        return f"{self.user} – {self.organisation} ({self.get_role_display()})"

    @property
    def can_submit(self) -> bool:
        return self.role == Role.SIGNATORY


TOKEN_PREFIX = "kan_"


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def active(self, at=None):
        return self.filter(revoked_at__isnull=True, expires_at__gt=at or clock.now())


def default_token_expiry():
    return clock.now() + timedelta(days=ApiToken.DEFAULT_DAYS)


class ApiToken(models.Model):
    """A personal API token. Only its SHA-256 is stored; the token itself is shown once. A token expires, and
    reads only unless it was given the write scope. A ministry user's token works only while its user has
    the second factor set up (the token itself stands in for the second factor only for the user who set
    one up)."""

    class Scope(models.TextChoices):
        READ = "read", _("Read only")
        WRITE = "write", _("Read and write")

    DEFAULT_DAYS = 90
    LIFETIMES = (30, 90, 365)

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(_("starts with"), max_length=12, editable=False)
    scope = models.CharField(_("scope"), max_length=8, choices=Scope.choices, default=Scope.READ)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"), default=default_token_expiry)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @property
    def can_write(self) -> bool:
        return self.scope == self.Scope.WRITE

    @classmethod
    def issue(
        cls, user, name: str, *, scope: str = Scope.READ, days: int = DEFAULT_DAYS
    ) -> tuple["ApiToken", str]:
        raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
        token = cls.objects.create(
            user=user, name=name, key_hash=hash_token(raw), prefix=raw[:10], scope=scope,
            expires_at=clock.now() + timedelta(days=days),
        )  # fmt: skip
        return token, raw

    @classmethod
    def authenticate(cls, raw: str) -> "ApiToken | None":
        """The active token with this value, its user and the user's memberships loaded, in one query; None for
        an unknown, revoked or expired token, an inactive user, or a ministry user without a second factor."""
        token = (
            _authentication_query()
            .filter(revoked_at__isnull=True, expires_at__gt=clock.now(), key_hash=hash_token(raw))
            .first()
        )
        if token is None or not token.user.is_active:
            return None
        apply_membership_roles(token.user, token.user_memberships)
        if (token.user_is_ministry or token.user.is_superuser) and not token.user_has_totp:
            return None
        token.user.has_totp = token.user_has_totp
        now = clock.now()
        if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
            cls.objects.filter(pk=token.pk).update(last_used_at=now)
        return token

    def revoke(self):
        self.revoked_at = clock.now()
        self.save(update_fields=["revoked_at"])


@functools.cache
def _authentication_query():
    """The token with its user, second factor, ministry flag and memberships: built once per process, since
    building the annotations costs more than running the query."""
    from allauth.mfa.models import Authenticator

    return ApiToken.objects.select_related("user").annotate(
        user_has_totp=Exists(
            Authenticator.objects.filter(user=OuterRef("user_id"), type=Authenticator.Type.TOTP)
        ),
        user_is_ministry=Exists(GlobalRole.objects.filter(user=OuterRef("user_id"))),
        user_memberships=with_membership_roles("user_id"),
    )
