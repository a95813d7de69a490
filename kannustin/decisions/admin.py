from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from kannustin.core import audit

from .models import DecisionTemplate


@admin.register(DecisionTemplate)
class DecisionTemplateAdmin(admin.ModelAdmin):
    """Editing a template saves a new version: decisions already made keep the version they name."""

    list_display = ["kind", "language", "version", "note", "created_at", "created_by"]
    list_filter = ["kind", "language"]
    fields = ["kind", "language", "version", "note", "body"]
    readonly_fields = ["version"]

    def get_readonly_fields(self, request, obj=None):
        return ["kind", "language", "version"] if obj else ["version"]

    def save_model(self, request, obj, form, change):
        latest = (
            DecisionTemplate.objects.filter(kind=obj.kind, language=obj.language).order_by("-version").first()
        )
        obj.pk = None  # always a new row
        obj._state.adding = True
        obj.version = (latest.version + 1) if latest else 1
        obj.created_by = request.user
        if not obj.note:
            obj.note = str(_("edited"))
        obj.save()
        audit.record(request.user, "decisiontemplate.versioned", obj, {"version": obj.version})

    def has_delete_permission(self, request, obj=None):
        return False
