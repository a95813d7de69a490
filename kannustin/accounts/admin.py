from allauth.mfa.models import Authenticator
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.utils.translation import gettext_lazy as _

from kannustin.core import audit
from kannustin.core.admin import AuditedAdmin

from .models import ApiToken, GlobalRole, Membership, User


class UserCreationForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ["email", "name"]


class UserEditForm(UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


class GlobalRoleInline(admin.TabularInline):
    model = GlobalRole
    extra = 0
    fields = ["role", "granted_at"]
    readonly_fields = ["granted_at"]
    verbose_name = _("ministry role")
    verbose_name_plural = _("ministry roles (need a second factor at sign-in)")


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    fields = ["organisation", "role", "created_at"]
    readonly_fields = ["created_at"]
    autocomplete_fields = ["organisation"]


@admin.register(User)
class UserAdmin(AuditedAdmin, DjangoUserAdmin):
    """People sign in with their email address; there is no username."""

    form = UserEditForm
    add_form = UserCreationForm
    inlines = [GlobalRoleInline, MembershipInline]
    list_display = ["email", "name", "title", "is_active", "is_staff", "last_login"]
    list_filter = ["is_active", "is_staff", "is_superuser", "global_roles__role", "memberships__role"]
    search_fields = ["email", "name", "title", "memberships__organisation__name_fi"]
    ordering = ["email"]
    readonly_fields = ["last_login", "date_joined"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Personal details"), {"fields": ["name", "title", "phone", "language"]}),
        (
            _("Permissions"),
            {
                "fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"],
                "classes": ["collapse"],
            },
        ),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {"classes": ["wide"], "fields": ["email", "name", "usable_password", "password1", "password2"]},
        ),
    ]

    def user_change_password(self, request, id, form_url=""):
        response = super().user_change_password(request, id, form_url)
        if request.method == "POST" and response.status_code == 302:
            user = self.get_object(request, id)
            audit.record(request.user, "user.password_changed", user, {"password": "changed"})
        return response


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Read-only: only a fingerprint of each token is stored, so there is nothing secret to show. A token can be
    revoked here (for example when it has leaked); it cannot be created or edited."""

    list_display = [
        "name",
        "user",
        "prefix",
        "scope",
        "created_at",
        "expires_at",
        "last_used_at",
        "revoked_at",
    ]
    list_filter = [("revoked_at", admin.EmptyFieldListFilter)]
    search_fields = ["name", "user__email", "prefix"]
    list_select_related = ["user"]
    fields = ["user", "name", "prefix", "scope", "created_at", "expires_at", "last_used_at", "revoked_at"]
    readonly_fields = fields
    actions = ["revoke"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Revoke the selected API tokens"), permissions=["view"])
    def revoke(self, request, queryset):
        count = 0
        for token in queryset.filter(revoked_at__isnull=True):
            token.revoke()
            audit.record(
                request.user, "api_token.revoked", token, {"name": token.name, "prefix": token.prefix}
            )
            count += 1
        self.message_user(request, _("Revoked %(count)d API tokens.") % {"count": count}, messages.SUCCESS)


# allauth registers its own admin for authenticators, which shows the TOTP secret and writes no audit event.
if admin.site.is_registered(Authenticator):
    admin.site.unregister(Authenticator)


@admin.register(Authenticator)
class AuthenticatorAdmin(admin.ModelAdmin):
    """An administrator removes a lost authenticator app; the person sets up a new one at the next sign-in.
    The secret itself is never shown, nor written into the audit log."""

    list_display = ["user", "type", "created_at", "last_used_at"]
    list_filter = ["type"]
    search_fields = ["user__email", "user__name"]
    list_select_related = ["user"]
    fields = ["user", "type", "created_at", "last_used_at"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def _record_removal(self, request, obj):
        audit.record(request.user, "authenticator.deleted", obj, {"user": obj.user_id, "type": obj.type})

    def delete_model(self, request, obj):
        self._record_removal(request, obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self._record_removal(request, obj)
        super().delete_queryset(request, queryset)
