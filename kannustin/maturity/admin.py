from django.contrib import admin

from .models import SelfAssessment


@admin.register(SelfAssessment)
class SelfAssessmentAdmin(admin.ModelAdmin):
    """Read-only: assessments change only through the pages and the API, which check versions, freezing and
    write the audit events."""

    list_display = ["organisation", "call", "version", "updated_at", "frozen_at", "frozen_with"]
    list_filter = ["call"]
    search_fields = ["organisation__name_fi", "organisation__code", "service_process"]
    list_select_related = ["organisation", "call"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
