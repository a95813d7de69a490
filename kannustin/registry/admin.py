from django.contrib import admin

from kannustin.core.admin import AuditedAdmin

from .models import Organisation, Region


@admin.register(Region)
class RegionAdmin(AuditedAdmin):
    list_display = ["code", "name_fi", "name_sv", "name_en"]
    search_fields = ["code", "name_fi", "name_sv"]


@admin.register(Organisation)
class OrganisationAdmin(AuditedAdmin):
    list_display = [
        "name_fi",
        "kind",
        "code",
        "business_id",
        "region",
        "population",
        "in_2019",
        "in_2026",
        "merged_into",
    ]
    list_filter = ["kind", "in_2019", "in_2026", "region", "language_status"]
    search_fields = ["name_fi", "name_sv", "name_en", "code", "business_id"]
    list_select_related = ["region", "merged_into"]
    autocomplete_fields = ["merged_into"]
    fieldsets = [
        (None, {"fields": ["kind", "name_fi", "name_sv", "name_en", "code", "business_id", "region"]}),
        ("Municipality", {"fields": ["language_status", "population", "population_date", "population_2019", "in_2019", "in_2026", "merged_into", "merged_on"]}),
    ]  # fmt: skip
