from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DecisionsConfig(AppConfig):
    name = "kannustin.decisions"
    label = "decisions"
    verbose_name = _("Allocation and decisions")

    def ready(self):
        from . import (
            permissions,  # noqa: F401  registers the rules of core.permissions.can
            schedule,  # noqa: F401  registers the periodic jobs at start-up
        )
