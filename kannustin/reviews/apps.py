from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewsConfig(AppConfig):
    name = "kannustin.reviews"
    label = "reviews"
    verbose_name = _("Reviews")

    def ready(self):
        from . import permissions  # noqa: F401  registers the rules of core.permissions.can
