from django.urls import path

from .views import applicant, ministry, parts

app_name = "applications"
urlpatterns = [
    # The applicant's dashboard and the form (views/applicant.py)
    path("", applicant.dashboard, name="dashboard"),
    path("start/<int:call_id>/<str:org_code>/", applicant.start, name="start"),
    path("<int:pk>/", applicant.overview, name="overview"),
    path("<int:pk>/section/<slug:section>/", applicant.section, name="section"),
    path("<int:pk>/check/", applicant.check_answers, name="check"),
    path("<int:pk>/submit/", applicant.submit, name="submit"),
    path("<int:pk>/receipt/", applicant.receipt, name="receipt"),
    path("<int:pk>/pdf/", applicant.pdf, name="pdf"),
    path("<int:pk>/withdraw/", applicant.withdraw, name="withdraw"),
    path("<int:pk>/similar/", applicant.similar, name="similar"),
    path("notifications/<int:pk>/", applicant.notification, name="notification"),
    # Structured parts of the form (views/parts.py)
    path("<int:pk>/indicators/", parts.indicators, name="indicators"),
    path("<int:pk>/participants/", parts.participants, name="participants"),
    path("<int:pk>/participants/<str:org_code>/", parts.participation, name="participation"),
    path("<int:pk>/contacts/", parts.contacts, name="contacts"),
    path("<int:pk>/budget/", parts.budget, name="budget"),
    path("<int:pk>/attachments/", parts.attachments, name="attachments"),
    path("<int:pk>/attachments/<int:attachment_id>/", parts.attachment_download, name="attachment"),
    path(
        "<int:pk>/attachments/<int:attachment_id>/delete/", parts.attachment_delete, name="attachment_delete"
    ),
    path("<int:pk>/confidentiality/", parts.confidentiality, name="confidentiality"),
    path("organisations/", parts.organisation_search, name="organisation_search"),
    # The ministry's side (views/ministry.py)
    path("ministry/", ministry.application_list, name="ministry_list"),
    path("ministry/export/", ministry.export_list, name="ministry_export"),
    path("ministry/export/<int:pk>/", ministry.export_status, name="ministry_export_status"),
    path("ministry/export/<int:pk>/download/", ministry.export_download, name="ministry_export_download"),
    path("ministry/<int:pk>/", ministry.application_detail, name="ministry_detail"),
    path("ministry/<int:pk>/completion/", ministry.request_completion, name="request_completion"),
    path(
        "ministry/<int:pk>/attachments/<int:attachment_id>/",
        ministry.attachment_download,
        name="ministry_attachment",
    ),
    path("ministry/outbox/", ministry.outbox, name="outbox"),
]
