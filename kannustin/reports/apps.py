from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "kannustin.reports"
    label = "reports"
    verbose_name = _("Summaries, dashboards and open data")

    def ready(self):
        from . import permissions  # noqa: F401  registers the rules of core.permissions.can
