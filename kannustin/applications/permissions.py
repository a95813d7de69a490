"""Who may see and do what with an application. One place; pages and the API both ask here.

- Members (applicant, signatory) of the lead organisation see and edit its applications; only a signatory
  submits or withdraws.
- Ministry officials and admins see submitted applications (not drafts: a draft is not yet a document
  given to the authority) and ask for completions.
- Everyone else sees nothing: the views answer 404, not 403, so existence is not revealed.
"""

from kannustin.accounts.roles import Role

from .models import Application, Status


def member_role(user, organisation_id) -> str | None:
    if not user.is_authenticated:
        return None
    return user.membership_roles.get(organisation_id)


def is_ministry_viewer(user) -> bool:
    return user.is_authenticated and (user.has_role(Role.OFFICIAL) or user.has_role(Role.ADMIN))


def can_view(user, application: Application) -> bool:
    if member_role(user, application.organisation_id):
        return True
    return is_ministry_viewer(user) and application.status != Status.DRAFT


def can_edit(user, application: Application) -> bool:
    return bool(member_role(user, application.organisation_id)) and application.is_editable


def can_submit(user, application: Application) -> bool:
    return member_role(user, application.organisation_id) == Role.SIGNATORY


def can_request_completion(user, application: Application) -> bool:
    return user.is_authenticated and user.has_role(Role.OFFICIAL) and application.status == Status.SUBMITTED


def visible_applications(user):
    """The applications a user may see, as a queryset."""
    if not user.is_authenticated:
        return Application.objects.none()
    organisation_ids = list(user.membership_roles)
    mine = Application.objects.filter(organisation_id__in=organisation_ids)
    if is_ministry_viewer(user):
        return Application.objects.exclude(status=Status.DRAFT) | mine
    return mine
