from django.contrib import admin
from django.urls import include, path

from kannustin.api.api import api
from kannustin.core import views as core_views

urlpatterns = [
    path("", include("kannustin.programmes.urls")),
    path("language/<str:code>/", core_views.set_language, name="set_language"),
    path("accounts/", include("allauth.urls")),
    path("profile/", include("kannustin.accounts.urls")),
    path("maturity/", include("kannustin.maturity.urls")),
    path("applications/", include("kannustin.applications.urls")),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
]

handler400 = "kannustin.core.views.bad_request"
handler403 = "kannustin.core.views.permission_denied"
handler404 = "kannustin.core.views.page_not_found"
handler500 = "kannustin.core.views.server_error"
