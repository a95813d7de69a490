from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "kannustin.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from . import permissions, signals  # noqa: F401 - registers the rules, connects the receivers
