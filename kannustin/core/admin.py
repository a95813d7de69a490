from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from . import audit
from .mail import retry_now as retry_email
from .models import AuditEvent, OutboundEmail

admin.site.site_header = _("Kannustin administration")
admin.site.site_title = _("Kannustin administration")
admin.site.index_title = _("Programmes, calls and users")


class AuditedAdmin(admin.ModelAdmin):
    """Every save and delete through the admin leaves an audit event with the fields that changed."""

    def save_model(self, request, obj, form, change):
        before = audit.snapshot(type(obj).objects.get(pk=obj.pk)) if change and obj.pk else {}
        super().save_model(request, obj, form, change)
        after = audit.snapshot(obj)
        action = f"{obj._meta.model_name}.{'changed' if change else 'created'}"
        audit.record(request.user, action, obj, audit.diff(before, after))

    def delete_model(self, request, obj):
        audit.record(request.user, f"{obj._meta.model_name}.deleted", obj, {"before": audit.snapshot(obj)})
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            audit.record(
                request.user, f"{obj._meta.model_name}.deleted", obj, {"before": audit.snapshot(obj)}
            )
        super().delete_queryset(request, queryset)

    def save_formset(self, request, form, formset, change):
        instances = formset.save(commit=False)
        for obj in formset.deleted_objects:
            audit.record(
                request.user, f"{obj._meta.model_name}.deleted", obj, {"before": audit.snapshot(obj)}
            )
            obj.delete()
        for obj in instances:
            is_new = obj.pk is None
            before = {} if is_new else audit.snapshot(type(obj).objects.get(pk=obj.pk))
            obj.save()
            action = f"{obj._meta.model_name}.{'created' if is_new else 'changed'}"
            audit.record(request.user, action, obj, audit.diff(before, audit.snapshot(obj)))
        formset.save_m2m()


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ["at", "actor_label", "action", "object_type", "object_repr"]
    list_filter = ["action", "object_type"]
    search_fields = ["actor_label", "object_repr", "object_id", "action"]
    date_hierarchy = "at"
    list_select_related = False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(OutboundEmail)
class OutboundEmailAdmin(admin.ModelAdmin):
    list_display = ["created_at", "subject", "recipients", "status", "attempts", "sent_at", "next_attempt_at"]
    list_filter = ["status"]
    search_fields = ["subject", "to"]
    readonly_fields = [f.name for f in OutboundEmail._meta.fields]
    actions = ["retry_now"]

    @admin.display(description=_("recipients"))
    def recipients(self, obj):
        return ", ".join(obj.to)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_fields(self, request, obj=None):
        fields = super().get_fields(request, obj)
        if obj is not None and obj.sensitive:
            # The text holds someone's sign-in or password link: not for anyone else's eyes.
            return [name for name in fields if name not in {"body", "html_body"}]
        return fields

    @admin.action(description=_("Try to send the selected emails now"))
    def retry_now(self, request, queryset):
        count = 0
        for email in queryset.exclude(status=OutboundEmail.Status.SENT):
            retry_email(email)
            count += 1
        audit.record(
            request.user, "outbox.retried", changes={"count": count}, object_type="core.outboundemail"
        )
        self.message_user(
            request, _("%(count)d emails were queued to be sent again.") % {"count": count}, messages.SUCCESS
        )
