"""The one permission question: `can(user, action, obj)`.

Views, templates (`{% can "submit" application as may_submit %}`), actions and the API all ask it and get the
same answer. The answers are object-level rules of the `rules` library (django-rules), registered by each app
in its `permissions` module under `<app_label>.<action>_<model_name>`, e.g. `applications.submit_application`;
an action that already names its rule (`"maturity.view_assessment"`) is used as it is. Global roles and
per-object grants (an assigned reviewer, a disqualification) are predicates of those rules.

Why `rules` and not Django's `user.has_perm`: a superuser passes every `has_perm`, and an administrator must
not read a draft or score an application just by being one. `rules.test_rule` asks the rule only.
"""

import rules
from django.core.exceptions import ImproperlyConfigured, PermissionDenied


def rule_name(action: str, obj=None) -> str:
    if "." in action:
        return action
    if obj is None or not hasattr(obj, "_meta"):
        raise ImproperlyConfigured(f"can(): give a full rule name for {action!r} without a model object")
    return f"{obj._meta.app_label}.{action}_{obj._meta.model_name}"


def can(user, action: str, obj=None) -> bool:
    name = rule_name(action, obj)
    if not rules.rule_exists(name):
        raise ImproperlyConfigured(f"No rule {name!r}: register it in the app's permissions module.")
    return rules.test_rule(name, user, obj)


def require(user, action: str, obj=None) -> None:
    if not can(user, action, obj):
        raise PermissionDenied
