"""The service navigation: what this person can go to, by their roles."""

from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from .roles import Role


def navigation(request):
    return {"navigation": SimpleLazyObject(lambda: navigation_items(request))}


def navigation_items(request) -> list[dict]:
    """The service navigation: what this person can go to. Evaluated only when the header renders."""
    match = getattr(request, "resolver_match", None)
    current = match.view_name if match else ""
    items = [
        (
            _("Programme"),
            "programmes:home",
            ("programmes:home", "programmes:programme", "programmes:call"),
            False,
        ),
        (_("FAQ"), "programmes:faq", ("programmes:faq",), False),
        (_("Funded projects"), "funded_projects", ("funded_projects",), False),
    ]
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        # Ministry staff do not act for municipalities (disqualification); their menu skips the lookup.
        if not user.is_ministry and user.membership_roles:
            items.append((_("My applications"), "applications:dashboard", ("applications:",), False))
            items.append((_("Joint projects"), "jointprojects:proposals", ("jointprojects:",), False))
        if user.has_role(Role.OFFICIAL) or user.has_role(Role.ADMIN):
            items.append((_("Applications"), "applications:ministry_list", ("applications:ministry",), False))
            items.append((_("Joint projects"), "jointprojects:dashboard", ("jointprojects:",), False))
            items.append(
                (
                    _("Evaluation and decisions"),
                    "decisions:index",
                    (
                        "decisions:",
                        "reviews:assignments",
                        "reviews:declarations",
                        "reviews:application_reviews",
                    ),
                    False,
                )
            )
            items.append((_("Feedback"), "programmes:feedback_list", ("programmes:feedback_list",), False))
        elif user.has_role(Role.PRESENTER) or user.has_role(Role.DECISION_MAKER):
            items.append((_("Decisions"), "decisions:index", ("decisions:",), False))
        if user.has_role(Role.REVIEWER):
            items.append(
                (
                    _("My reviews"),
                    "reviews:mine",
                    ("reviews:mine", "reviews:review", "reviews:declare"),
                    False,
                )
            )
        items.append((_("My profile"), "accounts:profile", ("accounts:",), True))
        if user.is_staff:
            items.append((_("Administration"), "admin:index", ("admin:",), True))

    def active(prefixes):
        hit = [p for p in prefixes if current == p or (p.endswith(":") and current.startswith(p))]
        # "My applications" must not light up on the ministry's application pages.
        return bool(hit) and not (
            prefixes == ("applications:",) and current.startswith("applications:ministry")
        )

    return [
        {
            "label": label,
            "url": reverse(name),
            "active": active(prefixes),
            "page": current == name,
            "end": end,
        }
        for label, name, prefixes, end in items
    ]
