from django.urls import path

from . import views

app_name = "maturity"
# "service-process" and "result" come before the dimension pages, so no dimension may use those keys.
urlpatterns = [
    path("<str:org_code>/<int:call_id>/", views.overview, name="overview"),
    path("<str:org_code>/<int:call_id>/service-process/", views.service_process, name="service_process"),
    path("<str:org_code>/<int:call_id>/result/", views.result, name="result"),
    path("<str:org_code>/<int:call_id>/<slug:key>/", views.dimension, name="dimension"),
]
