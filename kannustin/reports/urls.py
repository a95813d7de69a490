from django.urls import path

from . import views_dashboard, views_export, views_open

app_name = "reports"
urlpatterns = [
    path("dashboard/", views_dashboard.dashboard, name="dashboard"),
    path("calls/<int:call_id>/export/", views_export.export_call, name="export_call"),
    path("open-data/", views_open.open_data, name="open_data"),
]
