from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    name = "kannustin.applications"
    label = "applications"
    verbose_name = _("Applications")

    def ready(self):
        from . import (
            permissions,  # noqa: F401  registers the rules of core.permissions.can
            schedule,  # noqa: F401  registers the periodic jobs at start-up, not at first use
        )
