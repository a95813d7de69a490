from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MaturityConfig(AppConfig):
    name = "kannustin.maturity"
    label = "maturity"
    verbose_name = _("Maturity self-assessment")

    def ready(self):
        from . import permissions  # noqa: F401  registers the rules of core.permissions.can
