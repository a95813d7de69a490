from django import forms
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from kannustin.core import audit
from kannustin.core.admin import AuditedAdmin

from . import models


class ContactPersonForm(forms.ModelForm):
    """The languages a contact person serves in, as checkboxes (stored as "fi,sv")."""

    languages = forms.MultipleChoiceField(
        label=_("serves in"),
        choices=[(code, name) for code, name in models.SERVICE_LANGUAGES.items()],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one language.")},
    )

    class Meta:
        model = models.ContactPerson
        fields = [
            "order",
            "name",
            "title_fi",
            "title_sv",
            "title_en",
            "topic_fi",
            "topic_sv",
            "topic_en",
            "email",
            "phone",
            "languages",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["languages"] = self.instance.language_codes

    def clean_languages(self):
        return ",".join(code for code in models.SERVICE_LANGUAGES if code in self.cleaned_data["languages"])


class ContactInline(admin.TabularInline):
    model = models.ContactPerson
    form = ContactPersonForm
    extra = 0


class TrackInline(admin.StackedInline):
    model = models.Track
    extra = 0


class FaqInline(admin.StackedInline):
    model = models.FaqEntry
    extra = 0


@admin.register(models.Programme)
class ProgrammeAdmin(AuditedAdmin):
    list_display = ["name_fi", "year", "budget_item", "appropriation", "is_published", "is_demo"]
    list_filter = ["is_published", "is_demo"]
    prepopulated_fields = {"slug": ["name_fi"]}
    inlines = [TrackInline, ContactInline, FaqInline]


class CriterionInline(admin.TabularInline):
    model = models.Criterion
    extra = 0
    fields = ["order", "code", "title_fi", "title_sv", "title_en", "weight", "emphasised", "is_scored"]


class ScaleLevelInline(admin.TabularInline):
    model = models.ScaleLevel
    extra = 0


class CostCategoryInline(admin.TabularInline):
    model = models.CostCategory
    extra = 0
    fields = ["order", "key", "name_fi", "name_sv", "name_en"]


class QuestionSetInline(admin.TabularInline):
    model = models.QuestionSet
    extra = 0
    fields = ["version", "note", "locked_at", "created_at"]
    readonly_fields = ["version", "locked_at", "created_at"]
    show_change_link = True
    can_delete = False


@admin.register(models.Call)
class CallAdmin(AuditedAdmin):
    list_display = [
        "title_fi",
        "programme",
        "track",
        "stage",
        "opens_at",
        "closes_at",
        "state_label",
        "is_published",
    ]
    list_filter = ["programme", "stage", "is_published"]
    list_select_related = ["programme", "track"]
    search_fields = ["title_fi", "title_sv", "title_en", "slug"]
    inlines = [CriterionInline, ScaleLevelInline, CostCategoryInline, QuestionSetInline]

    @admin.display(description=_("status"))
    def state_label(self, obj):
        return {"open": _("Open"), "upcoming": _("Upcoming"), "closed": _("Closed")}[obj.state]


class QuestionInline(admin.StackedInline):
    model = models.Question
    extra = 0
    fk_name = "question_set"
    autocomplete_fields = []

    def _locked(self, obj):
        return obj is not None and obj.is_locked

    def has_add_permission(self, request, obj=None):
        return not self._locked(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return not self._locked(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not self._locked(obj) and super().has_delete_permission(request, obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "criterion":
            set_id = request.resolver_match.kwargs.get("object_id")
            question_set = models.QuestionSet.objects.filter(pk=set_id).first() if set_id else None
            kwargs["queryset"] = (
                models.Criterion.objects.filter(call=question_set.call_id)
                if question_set
                else models.Criterion.objects.none()
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(models.QuestionSet)
class QuestionSetAdmin(AuditedAdmin):
    list_display = ["call", "version", "note", "created_at", "is_locked_label"]
    list_filter = ["call__programme"]
    list_select_related = ["call"]
    inlines = [QuestionInline]
    actions = ["make_new_version"]

    @admin.display(description=_("in use"), boolean=True)
    def is_locked_label(self, obj):
        return obj.is_locked

    def get_readonly_fields(self, request, obj=None):
        return ["call", "version", "locked_at"] if obj else ["version", "locked_at"]

    def save_model(self, request, obj, form, change):
        if not change:
            latest = models.QuestionSet.objects.filter(call=obj.call).order_by("-version").first()
            obj.version = latest.version + 1 if latest else 1
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Make a new editable version of the selected question set"))
    def make_new_version(self, request, queryset):
        for question_set in queryset:
            copy = question_set.new_version(note=_("Copied from version %(v)s") % {"v": question_set.version})
            audit.record(request.user, "questionset.versioned", copy, {"from_version": question_set.version})
            self.message_user(
                request,
                _("Version %(v)s of %(call)s can now be edited.") % {"v": copy.version, "call": copy.call},
                messages.SUCCESS,
            )


class MaturityLevelInline(admin.TabularInline):
    model = models.MaturityLevel
    extra = 0


class MaturityDimensionInline(admin.StackedInline):
    model = models.MaturityDimension
    extra = 0
    show_change_link = True
    fields = ["order", "key", "name_fi", "name_sv", "name_en"]


@admin.register(models.MaturityModel)
class MaturityModelAdmin(AuditedAdmin):
    list_display = ["name_fi"]
    inlines = [MaturityLevelInline, MaturityDimensionInline]


class MaturityDescriptorInline(admin.TabularInline):
    model = models.MaturityDescriptor
    extra = 0


@admin.register(models.MaturityDimension)
class MaturityDimensionAdmin(AuditedAdmin):
    list_display = ["name_fi", "model", "key", "order"]
    list_select_related = ["model"]
    inlines = [MaturityDescriptorInline]


@admin.register(models.Workshop)
class WorkshopAdmin(AuditedAdmin):
    list_display = ["title_fi", "track", "starts_at", "place_fi"]


@admin.register(models.SitePage)
class SitePageAdmin(AuditedAdmin):
    list_display = ["key", "title_fi", "updated_at"]


@admin.register(models.Feedback)
class FeedbackAdmin(AuditedAdmin):
    list_display = ["created_at", "message", "email", "handled_at"]
    readonly_fields = ["created_at", "name", "email", "page_url", "message", "language"]
