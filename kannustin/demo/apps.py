from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo: its accounts, the 2019 round's applications and the demo round's drafts (`manage.py seed_demo`).
    Nothing of the service imports this package; it sits above every other app."""

    name = "kannustin.demo"
    verbose_name = "Demo"
