from allauth.account.decorators import secure_admin_login
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from kannustin.api.api import api
from kannustin.core import views as core_views
from kannustin.decisions import views as decision_views

# The admin has no sign-in of its own: its login page sends people to the service's sign-in, which asks for
# the second factor and applies the rate limits. Django's own admin login form would create a session with a
# password alone.
admin.site.login = secure_admin_login(admin.site.login)

urlpatterns = [
    path("language/<str:code>/", core_views.set_language, name="set_language"),
    path("csp-report/", core_views.csp_report, name="csp_report"),
    path("accounts/", include("allauth.urls")),
    path("profile/", include("kannustin.accounts.urls")),
    path("maturity/", include("kannustin.maturity.urls")),
    path("applications/", include("kannustin.applications.urls")),
    path("joint-projects/", include("kannustin.jointprojects.urls")),
    path("reviews/", include("kannustin.reviews.urls")),
    path("decisions/", include("kannustin.decisions.urls")),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
]
# The public pages (the programme, its calls, FAQ, site pages, summaries, funded projects, open data) have an
# address per language, /fi/…, /sv/…, /en/…, that opens in that language and can be shared (docs/i18n.md).
# The officials' pages of the same apps (feedback, dashboard, exports) follow along; the service's other pages
# keep the remembered language. An address without the language is sent on (core.middleware).
urlpatterns += i18n_patterns(
    path("", include("kannustin.programmes.urls")),
    path("reports/", include("kannustin.reports.urls")),
    path("funded-projects/", decision_views.funded_projects, name="funded_projects"),
)

handler400 = "kannustin.core.views.bad_request"
handler403 = "kannustin.core.views.permission_denied"
handler404 = "kannustin.core.views.page_not_found"
handler500 = "kannustin.core.views.server_error"
