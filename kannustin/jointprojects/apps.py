from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JointProjectsConfig(AppConfig):
    name = "kannustin.jointprojects"
    label = "jointprojects"
    verbose_name = _("Joint projects")

    def ready(self):
        from . import permissions  # noqa: F401  (registers the rules)
