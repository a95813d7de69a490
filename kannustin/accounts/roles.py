"""Roles are stable English codes; only their labels are translated."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    APPLICANT = "applicant", _("Applicant")
    SIGNATORY = "signatory", _("Signatory")
    OFFICIAL = "official", _("Official")
    REVIEWER = "reviewer", _("Reviewer")
    PRESENTER = "presenter", _("Presenter")
    DECISION_MAKER = "decision_maker", _("Decision-maker")
    ADMIN = "admin", _("Administrator")


ORGANISATION_ROLES = (Role.APPLICANT, Role.SIGNATORY)
MINISTRY_ROLES = (Role.OFFICIAL, Role.REVIEWER, Role.PRESENTER, Role.DECISION_MAKER, Role.ADMIN)


class OrganisationRole(models.TextChoices):
    APPLICANT = Role.APPLICANT.value, Role.APPLICANT.label
    SIGNATORY = Role.SIGNATORY.value, Role.SIGNATORY.label


class MinistryRole(models.TextChoices):
    OFFICIAL = Role.OFFICIAL.value, Role.OFFICIAL.label
    REVIEWER = Role.REVIEWER.value, Role.REVIEWER.label
    PRESENTER = Role.PRESENTER.value, Role.PRESENTER.label
    DECISION_MAKER = Role.DECISION_MAKER.value, Role.DECISION_MAKER.label
    ADMIN = Role.ADMIN.value, Role.ADMIN.label
