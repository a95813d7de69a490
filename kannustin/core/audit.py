"""Write audit events. Call `record` inside the transaction that changes the state."""

from decimal import Decimal

from django.db import models

from .models import AuditEvent


def _plain(value):
    if isinstance(value, models.Model):
        return str(value.pk)
    if isinstance(value, Decimal):
        return str(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def snapshot(instance: models.Model) -> dict:
    """Concrete field values of a model instance, as JSON-able data, for before/after comparison."""
    data = {}
    for field in instance._meta.concrete_fields:
        if field.name in {"password"}:
            continue
        data[field.name] = _plain(getattr(instance, field.attname))
    return data


def diff(before: dict, after: dict) -> dict:
    return {
        key: {"before": before.get(key), "after": after.get(key)}
        for key in sorted(set(before) | set(after))
        if before.get(key) != after.get(key)
    }


def record(actor, action: str, obj=None, changes: dict | None = None, *, object_type: str = "") -> AuditEvent:
    actor_label = ""
    if actor is not None and getattr(actor, "is_authenticated", False):
        actor_label = actor.get_username()
    else:
        actor = None
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
    return AuditEvent.objects.create(
        actor=actor,
        actor_label=actor_label or "system",
        action=action,
        object_type=object_type,
        object_id=str(obj.pk) if obj is not None and obj.pk is not None else "",
        object_repr=str(obj)[:255] if obj is not None else "",
        changes=_plain(changes or {}),
    )
