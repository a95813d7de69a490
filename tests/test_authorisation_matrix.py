"""Who may open what: every URL pattern of the site × every role.

Each URL name is classified below. A new URL that is not classified fails `test_every_url_is_classified`,
so the matrix grows with the project. Outcomes:
  ok     – the page answers (200, or a redirect that is not to sign-in or second-factor set-up)
  login  – an anonymous visitor is sent to sign in
  404    – not found: another organisation's things do not even reveal that they exist
  403    – signed in, but not allowed
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from kannustin.accounts.models import ApiToken
from kannustin.accounts.roles import Role
from kannustin.applications import actions
from kannustin.applications.tests.helpers import complete_application, make_call
from kannustin.core.models import Notification
from kannustin.jointprojects import services
from kannustin.jointprojects.tests.helpers import demo_track2, write_proposal
from kannustin.programmes.models import Feedback

pytestmark = pytest.mark.django_db

PRINCIPALS = [
    "anonymous", "applicant_a", "signatory_a", "applicant_b", "signatory_b",
    "official", "reviewer", "presenter", "decision_maker", "admin",
]  # fmt: skip
MINISTRY = {"official", "reviewer", "presenter", "decision_maker", "admin"}
ORG_A = {"applicant_a", "signatory_a"}


def public(principal):
    return "ok"


def signed_in(principal):
    return "login" if principal == "anonymous" else "ok"


def org_a_only(principal):
    """Things of organisation A that the ministry does not see (drafts, maturity of A being written)."""
    if principal == "anonymous":
        return "login"
    return "ok" if principal in ORG_A else "404"


def org_a_and_ministry_readers(principal):
    """The maturity assessment of A: A's members, officials and admins read it (reviewers, presenters and
    decision makers only through a grant on an application, which later stages add)."""
    if principal == "anonymous":
        return "login"
    if principal in ORG_A or principal in {"official", "admin"}:
        return "ok"
    return "404"


def partner_b_only(principal):
    """B's own page about A's joint draft that names B as a partner: B's members only."""
    if principal == "anonymous":
        return "login"
    return "ok" if principal in {"applicant_b", "signatory_b"} else "404"


def officials(principal):
    if principal == "anonymous":
        return "login"
    return "ok" if principal in {"official", "admin"} else "403"


def submitted_a_for_ministry(principal):
    """A submitted application of A in the ministry's pages."""
    if principal == "anonymous":
        return "login"
    if principal in {"official", "admin"}:
        return "ok"
    return "404" if principal not in MINISTRY else "403"


def officials_act_on_submitted_a(principal):
    """Acting on A's submitted application (asking for a completion) is an official's work only."""
    if principal == "anonymous":
        return "login"
    if principal == "official":
        return "ok"
    return "404" if principal not in MINISTRY else "403"


def own_token(principal):
    if principal == "anonymous":
        return "login"
    return "ok" if principal == "signatory_a" else "404"


def own_notification(principal):
    if principal == "anonymous":
        return "login"
    return "ok" if principal == "signatory_a" else "404"


def org_members_and_ministry_readers(principal):
    """Track 2's proposals: every organisation's people find them; officials and admins follow them."""
    if principal == "anonymous":
        return "login"
    return "ok" if principal in ORG_A | {"applicant_b", "signatory_b", "official", "admin"} else "403"


def proposal_of_a(principal):
    """A's submitted proposal: any organisation's people and the ministry's readers; others learn nothing."""
    if principal == "anonymous":
        return "login"
    return "ok" if principal in ORG_A | {"applicant_b", "signatory_b", "official", "admin"} else "404"


def organisation_members(principal):
    if principal == "anonymous":
        return "login"
    return "ok" if principal in ORG_A | {"applicant_b", "signatory_b"} else "403"


def workshop_participants(principal):
    """The participant list: those registered (B's applicant) and the ministry's readers."""
    if principal == "anonymous":
        return "login"
    return "ok" if principal in {"applicant_b", "official", "admin"} else "404"


def workshop_managers(principal):
    if principal == "anonymous":
        return "login"
    if principal == "official":
        return "ok"
    return "403" if principal in MINISTRY else "404"


def unpublished_presentation(principal):
    return "ok" if principal == "official" else "404"


# url name → (kwargs builder, rule). Builders get the world dict.
RULES = {
    "programmes:home": (lambda w: {}, public),
    "programmes:programme": (lambda w: {"slug": w["call"].programme.slug}, public),
    "programmes:call": (lambda w: {"slug": w["call"].programme.slug, "call_slug": w["call"].slug}, public),
    "programmes:faq": (lambda w: {}, public),
    "programmes:site_page": (lambda w: {"key": "accessibility"}, public),
    "programmes:feedback": (lambda w: {}, public),
    "programmes:feedback_thanks": (lambda w: {}, public),
    "programmes:feedback_list": (lambda w: {}, officials),
    "programmes:feedback_handled": (lambda w: {"pk": w["feedback"].pk}, officials),
    "set_language": (lambda w: {"code": "sv"}, public),
    "csp_report": (lambda w: {}, lambda principal: "method"),  # browsers POST reports; anyone may
    "accounts:profile": (lambda w: {}, signed_in),
    "accounts:token_create": (lambda w: {}, signed_in),
    "accounts:token_created": (lambda w: {}, signed_in),
    "accounts:token_revoke": (lambda w: {"pk": w["token"].pk}, own_token),
    "maturity:overview": (lambda w: {"org_code": "091", "call_id": w["call"].pk}, org_a_and_ministry_readers),
    "maturity:service_process": (
        lambda w: {"org_code": "091", "call_id": w["call"].pk},
        org_a_and_ministry_readers,
    ),
    "maturity:result": (lambda w: {"org_code": "091", "call_id": w["call"].pk}, org_a_and_ministry_readers),
    "maturity:dimension": (
        lambda w: {"org_code": "091", "call_id": w["call"].pk, "key": "data"},
        org_a_and_ministry_readers,
    ),
    "applications:dashboard": (lambda w: {}, signed_in),
    "applications:start": (lambda w: {"call_id": w["call"].pk, "org_code": "091"}, org_a_only),
    "applications:overview": (lambda w: {"pk": w["draft"].pk}, org_a_only),
    "applications:section": (lambda w: {"pk": w["draft"].pk, "section": "basics"}, org_a_only),
    "applications:check": (lambda w: {"pk": w["draft"].pk}, org_a_only),
    "applications:submit": (lambda w: {"pk": w["draft"].pk}, org_a_only),
    "applications:receipt": (lambda w: {"pk": w["draft"].pk}, org_a_only),
    "applications:pdf": (lambda w: {"pk": w["draft"].pk}, org_a_only),
    "applications:withdraw": (lambda w: {"pk": w["draft"].pk}, org_a_only),
    "applications:similar": (lambda w: {"pk": w["draft"].pk}, org_a_only),
    "applications:notification": (lambda w: {"pk": w["notification"].pk}, own_notification),
    "applications:indicators": (lambda w: {"pk": w["draft"].pk}, org_a_only),
    "applications:participants": (lambda w: {"pk": w["draft"].pk}, org_a_only),
    "applications:participation": (lambda w: {"pk": w["joint"].pk, "org_code": "049"}, partner_b_only),
    "applications:contacts": (lambda w: {"pk": w["draft"].pk}, org_a_only),
    "applications:budget": (lambda w: {"pk": w["draft"].pk}, org_a_only),
    "applications:attachments": (lambda w: {"pk": w["draft"].pk}, org_a_only),
    "applications:attachment": (
        lambda w: {"pk": w["draft"].pk, "attachment_id": w["attachment"].pk},
        org_a_only,
    ),
    "applications:attachment_delete": (
        lambda w: {"pk": w["draft"].pk, "attachment_id": w["attachment"].pk},
        org_a_only,
    ),
    "applications:confidentiality": (lambda w: {"pk": w["draft"].pk}, org_a_only),
    "applications:organisation_search": (lambda w: {}, signed_in),
    "applications:ministry_list": (lambda w: {}, officials),
    "applications:ministry_detail": (lambda w: {"pk": w["submitted"].pk}, submitted_a_for_ministry),
    "applications:request_completion": (lambda w: {"pk": w["submitted"].pk}, officials_act_on_submitted_a),
    "applications:ministry_attachment": (
        lambda w: {"pk": w["submitted"].pk, "attachment_id": w["submitted_attachment"].pk},
        submitted_a_for_ministry,
    ),
    "applications:outbox": (lambda w: {}, officials),
    "jointprojects:proposals": (lambda w: {}, org_members_and_ministry_readers),
    "jointprojects:proposal": (lambda w: {"pk": w["proposal"].pk}, proposal_of_a),
    "jointprojects:matching": (lambda w: {"pk": w["proposal"].pk}, proposal_of_a),
    "jointprojects:interest": (
        lambda w: {"pk": w["proposal"].pk},
        lambda p: "login" if p == "anonymous" else "method",
    ),
    "jointprojects:accept_interest": (
        lambda w: {"pk": w["interest"].pk},
        lambda p: "login" if p == "anonymous" else "method",
    ),
    "jointprojects:withdraw_interest": (
        lambda w: {"pk": w["interest"].pk},
        lambda p: "login" if p == "anonymous" else "method",
    ),
    "jointprojects:topic_interest": (lambda w: {}, organisation_members),
    "jointprojects:start_joint": (lambda w: {"call_id": w["joint_call"].pk, "org_code": "091"}, org_a_only),
    "jointprojects:dashboard": (lambda w: {}, officials),
    "jointprojects:workshop": (lambda w: {"pk": w["workshop"].pk}, public),
    "jointprojects:cancel_registration": (
        lambda w: {"pk": w["workshop"].pk},
        lambda p: "login" if p == "anonymous" else "method",
    ),
    "jointprojects:participants": (lambda w: {"pk": w["workshop"].pk}, workshop_participants),
    "jointprojects:manage_workshop": (lambda w: {"pk": w["workshop"].pk}, workshop_managers),
    "jointprojects:tables": (lambda w: {"pk": w["workshop"].pk}, workshop_managers),
    "jointprojects:presentations": (lambda w: {"pk": w["workshop"].pk}, workshop_managers),
    "jointprojects:presentation": (
        lambda w: {"pk": w["workshop"].pk, "presentation_id": w["presentation"].pk},
        unpublished_presentation,
    ),
}

# Covered by their own tests: allauth's sign-in pages (kannustin/accounts/tests), the Django admin
# (test_admin_is_for_administrators below) and the API (kannustin/api/tests, every endpoint with 401/404).
ELSEWHERE_PREFIXES = ("admin:", "api:", "account_", "mfa_")

PDF = b"%PDF-1.4\n%%EOF\n"


def url_names():
    def walk(patterns, namespace=None):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                ns = namespace
                if pattern.namespace:
                    ns = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
                yield from walk(pattern.url_patterns, ns)
            elif isinstance(pattern, URLPattern):
                yield f"{namespace}:{pattern.name}" if namespace else (pattern.name or str(pattern.pattern))

    return sorted(set(walk(get_resolver().url_patterns)))


def test_every_url_is_classified():
    unclassified = [n for n in url_names() if n not in RULES and not n.startswith(ELSEWHERE_PREFIXES)]
    assert unclassified == [], f"Add these URL names to the authorisation matrix: {unclassified}"


@pytest.fixture(scope="module")
def world_module(django_db_setup, django_db_blocker, tmp_path_factory):
    """The world, made once for the module inside a transaction rolled back after it; each test's own
    transaction is a savepoint inside this one, so whatever a test changes is undone."""
    from django.db import transaction
    from django.test import TestCase, override_settings

    from conftest import make_user

    media = tmp_path_factory.mktemp("matrix")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        try:
            yield {**build_world(make_user, TestCase.captureOnCommitCallbacks), "media": media}
        finally:
            transaction.set_rollback(True)


@pytest.fixture
def world(world_module, settings):
    settings.MEDIA_ROOT = world_module["media"]
    return world_module


def build_world(user_factory, capture) -> dict:
    from kannustin.registry.models import Organisation

    a, b = Organisation.objects.get(code="091"), Organisation.objects.get(code="049")
    users = {
        "applicant_a": user_factory(Role.APPLICANT, a),
        "signatory_a": user_factory(Role.SIGNATORY, a),
        "applicant_b": user_factory(Role.APPLICANT, b),
        "signatory_b": user_factory(Role.SIGNATORY, b),
        **{
            role: user_factory(role)
            for role in ("official", "reviewer", "presenter", "decision_maker", "admin")
        },
    }
    call = make_call()
    signatory = users["signatory_a"]
    submitted = complete_application(actions.create_draft(call, a, by=signatory), signatory)
    submitted_attachment = actions.add_attachment(submitted, SimpleUploadedFile("a.pdf", PDF), by=signatory)
    with capture(execute=False):
        submitted = actions.submit(submitted, by=signatory)
    # A second application of A, still a draft (an organisation may have several in one call).
    draft = actions.create_draft(call, a, by=signatory)
    attachment = actions.add_attachment(draft, SimpleUploadedFile("b.pdf", PDF), by=signatory)
    # A third, a joint project draft naming B as a partner that has not yet confirmed.
    joint = actions.create_draft(call, a, by=signatory)
    joint = actions.save(joint, by=signatory, version=joint.version, changes={"participants": ["049"]})
    token, _raw = ApiToken.issue(signatory, "matrix")
    notification = Notification.objects.create(user=signatory, subject="Hei", body="x", url="/applications/")
    feedback = Feedback.objects.create(message="Kontrasti")
    # Track 2: A's submitted proposal with B's interest, a workshop with B's applicant registered and a
    # presentation not yet published.
    track = demo_track2()
    proposal = write_proposal(track["proposal_call"], a, signatory)
    interest = services.register_interest(proposal, b, by=users["signatory_b"], kind="partner")
    services.register_for_workshop(track["workshop"], b, by=users["applicant_b"],
                                   data={"name": "B", "email": "b@example.com", "listed": True})  # fmt: skip
    presentation = services.add_presentation(track["workshop"], SimpleUploadedFile("p.pdf", PDF),
                                             by=users["official"], titles={"fi": "Avaus", "sv": "Öppning"})  # fmt: skip
    return {
        "users": users, "call": call, "draft": draft, "attachment": attachment, "submitted": submitted,
        "submitted_attachment": submitted_attachment, "token": token, "notification": notification,
        "feedback": feedback, "joint": joint, "proposal": proposal, "interest": interest,
        "workshop": track["workshop"], "joint_call": track["joint_call"], "presentation": presentation,
    }  # fmt: skip


def outcome(response) -> str:
    if response.status_code in (200, 204):
        return "ok"
    if response.status_code in (301, 302, 303):
        location = response["Location"]
        if "/accounts/login/" in location:
            return "login"
        if "/accounts/2fa/" in location or "/accounts/reauthenticate/" in location:
            return "second-factor"
        return "ok"
    if response.status_code == 405:
        return "method"  # POST-only: judged by test_other_organisations_cannot_post
    return str(response.status_code)


@pytest.mark.parametrize("principal", PRINCIPALS)
def test_matrix_get(client, world, principal):
    if principal != "anonymous":
        client.force_login(world["users"][principal])
    failures = []
    for name, (kwargs, rule) in RULES.items():
        url = reverse(name, kwargs=kwargs(world))
        got = outcome(client.get(url))
        expected = rule(principal)
        if got == "method" and principal != "anonymous":
            continue
        if got != expected:
            failures.append(f"{name} {url}: expected {expected}, got {got}")
    assert failures == [], "\n".join(failures)


# The pages and the one permission check give the same answer: for each page about one object, the action
# the page stands for, on that object. A page answers "ok" exactly when `can` says yes.
PAGES_AS_ACTIONS = {
    "applications:overview": ("view", lambda w: w["draft"]),
    "jointprojects:proposal": ("jointprojects.view_proposal", lambda w: w["proposal"]),
    "applications:ministry_detail": ("view_ministry", lambda w: w["submitted"]),
    "maturity:overview": ("maturity.view_assessment", lambda w: w["draft"].organisation),
    "applications:participation": ("view", lambda w: w["joint"]),
}
# Actions without a page of their own (a POST or a button): who may, by the same rules.
ACTIONS = {
    ("change", "draft"): ORG_A,
    ("manage_participants", "draft"): ORG_A,
    ("submit", "draft"): {"signatory_a"},
    ("change", "submitted"): set(),
    ("withdraw", "submitted"): {"signatory_a"},
    ("request_completion", "submitted"): {"official"},
    ("maturity.change_assessment", "organisation_a"): ORG_A,
    ("view", "joint"): ORG_A | {"applicant_b", "signatory_b"},
    ("change", "joint"): ORG_A,  # B has not confirmed yet
    ("jointprojects.view_proposal", "proposal"): ORG_A | {"applicant_b", "signatory_b", "official", "admin"},
    ("jointprojects.register_interest", "proposal"): {"applicant_b", "signatory_b"},
    ("jointprojects.start_joint_application", "proposal"): ORG_A,
    ("jointprojects.accept_interest", "interest"): ORG_A,
    ("jointprojects.withdraw_interest", "interest"): {"applicant_b", "signatory_b"},
    ("jointprojects.manage_workshop", "workshop"): {"official"},
}


@pytest.mark.parametrize("principal", PRINCIPALS)
def test_pages_and_the_permission_check_agree(client, world, principal):
    from django.contrib.auth.models import AnonymousUser

    from kannustin.core.permissions import can

    user = world["users"].get(principal) or AnonymousUser()
    if principal != "anonymous":
        client.force_login(user)
    for name, (action, target) in PAGES_AS_ACTIONS.items():
        kwargs, rule = RULES[name]
        page_ok = outcome(client.get(reverse(name, kwargs=kwargs(world)))) == "ok"
        assert page_ok == (rule(principal) == "ok"), name
        if name == "applications:participation":
            continue  # the page is B's own view of the application: B may see it, but so may A
        assert can(user, action, target(world)) == page_ok, (name, action)
    objects = {"draft": world["draft"], "submitted": world["submitted"], "joint": world["joint"],
               "organisation_a": world["draft"].organisation, "proposal": world["proposal"],
               "interest": world["interest"], "workshop": world["workshop"]}  # fmt: skip
    for (action, key), allowed in ACTIONS.items():
        assert can(user, action, objects[key]) == (principal in allowed), (action, key)


# POST-only actions on another organisation's things change nothing and reveal nothing.
POST_ACTIONS = [
    "applications:submit", "applications:withdraw", "applications:attachment_delete", "applications:start",
    "applications:section", "applications:budget", "applications:contacts", "applications:indicators",
    "applications:participants", "applications:attachments", "applications:confidentiality",
    "accounts:token_revoke",
]  # fmt: skip


@pytest.mark.parametrize("principal", ["applicant_b", "signatory_b", "reviewer", "official"])
def test_other_organisations_cannot_post(client, world, principal):
    client.force_login(world["users"][principal])
    before = world["draft"].__class__.objects.get(pk=world["draft"].pk).version
    for name in POST_ACTIONS:
        kwargs, _rule = RULES[name]
        response = client.post(reverse(name, kwargs=kwargs(world)), {"version": before, "reason": "x"})
        assert response.status_code == 404, f"{name}: {response.status_code}"
    assert world["draft"].__class__.objects.get(pk=world["draft"].pk).version == before
    assert world["attachment"].__class__.objects.filter(pk=world["attachment"].pk).exists()


@pytest.mark.parametrize("principal", sorted(MINISTRY))
def test_ministry_roles_need_a_second_factor_everywhere(client, world, user_factory, principal):
    user = user_factory(principal, email=f"{principal}-nototp@example.com", totp=False)
    client.force_login(user)
    for name, (kwargs, _rule) in RULES.items():
        if name in {"set_language", "csp_report"}:
            continue
        response = client.get(reverse(name, kwargs=kwargs(world)))
        assert outcome(response) == "second-factor", f"{name} let a {principal} in without a second factor"


@pytest.mark.parametrize("principal", PRINCIPALS)
def test_admin_is_for_administrators(client, world, principal):
    if principal != "anonymous":
        client.force_login(world["users"][principal])
    response = client.get("/admin/")
    if principal == "admin":
        assert response.status_code == 200
    else:
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
