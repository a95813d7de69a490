from django.contrib import admin

from kannustin.core.admin import AuditedAdmin

from .models import Tie


@admin.register(Tie)
class TieAdmin(AuditedAdmin):
    """Administrators record the reviewers' known ties (home municipality, employer, boards): automatic
    assignment avoids them and manual assignment refuses them."""

    list_display = ["reviewer", "organisation", "kind", "note"]
    list_filter = ["kind"]
    search_fields = ["reviewer__email", "reviewer__name", "organisation__name_fi", "organisation__code"]
    autocomplete_fields = ["organisation"]
    raw_id_fields = ["reviewer"]
