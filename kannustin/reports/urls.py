from django.urls import path

from . import views_dashboard, views_export, views_open, views_summaries

app_name = "reports"
urlpatterns = [
    path("dashboard/", views_dashboard.dashboard, name="dashboard"),
    path("calls/<int:call_id>/export/", views_export.export_call, name="export_call"),
    path("open-data/", views_open.open_data, name="open_data"),
    path("calls/<int:call_id>/summary/", views_summaries.summary, name="summary"),
    path("calls/<int:call_id>/summary/preview/", views_summaries.summary_preview, name="summary_preview"),
    path("calls/<int:call_id>/summary/publish/", views_summaries.summary_publish, name="summary_publish"),
    path("calls/<int:call_id>/summary/pdf/", views_summaries.summary_pdf, name="summary_pdf"),
    path("calls/<int:call_id>/summary/xlsx/", views_summaries.summary_xlsx, name="summary_xlsx"),
]
