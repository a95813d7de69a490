"""Who may open what: every URL pattern of the site × every role.

Each URL name is classified below. A new URL that is not classified fails `test_every_url_is_classified`,
so the matrix grows with the project. Outcomes:
  ok     – the page answers (200, or a redirect that is not to sign-in or second-factor set-up)
  login  – an anonymous visitor is sent to sign in
  404    – not found: another organisation's things do not even reveal that they exist
  403    – signed in, but not allowed
"""

from decimal import Decimal

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
    """A submitted application of A in the ministry's pages: officials, administrators, presenters and
    decision-makers read it; a reviewer only through a review of it once declared not disqualified (here the
    reviewer's review of it waits for the declaration), so like everyone else they learn nothing."""
    if principal == "anonymous":
        return "login"
    if principal in {"official", "admin", "presenter", "decision_maker"}:
        return "ok"
    return "404"


def officials_act_on_submitted_a(principal):
    """Acting on A's submitted application (asking for a completion) is an official's work only; those who may
    read it are refused, others learn nothing."""
    if principal == "anonymous":
        return "login"
    if principal == "official":
        return "ok"
    return "403" if principal in {"admin", "presenter", "decision_maker"} else "404"


def allocation_readers(principal):
    """A call's ranking and allocation scenarios: officials act, administrators, presenters and decision-makers
    read; other ministry people are refused, municipal users learn nothing."""
    if principal == "anonymous":
        return "login"
    if principal in {"official", "admin", "presenter", "decision_maker"}:
        return "ok"
    return "403" if principal in MINISTRY else "404"


def allocators(principal):
    """Drawing, changing and choosing allocation scenarios: officials only."""
    if principal == "anonymous":
        return "login"
    if principal == "official":
        return "ok"
    return "403" if principal in MINISTRY else "404"


def own_list_export(principal):
    """An Excel export of the list of applications (asked for by the official): its requester and officials."""
    if principal == "anonymous":
        return "login"
    return "ok" if principal == "official" else "404"


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


def reviewers(principal):
    """A reviewer's own list of work: reviewers only."""
    if principal == "anonymous":
        return "login"
    return "ok" if principal == "reviewer" else "403"


def own_review(principal):
    """The reviewer's own review (declaration, scoring): theirs only; officials read reviews elsewhere."""
    if principal == "anonymous":
        return "login"
    return "ok" if principal == "reviewer" else "404"


def post_only(principal):
    """A button's POST: judged by the page's own tests; a GET answers 405 to those signed in."""
    return "login" if principal == "anonymous" else "method"


def reviews_of_submitted_a(principal):
    """All reviews of A's submitted application: officials and administrators; others learn nothing."""
    if principal == "anonymous":
        return "login"
    return "ok" if principal in {"official", "admin"} else "404"


def decision_followers(principal):
    """The ministry's decision pages per call: officials, administrators, presenters and decision-makers."""
    if principal == "anonymous":
        return "login"
    return "ok" if principal in {"official", "admin", "presenter", "decision_maker"} else "403"


def decision_senders(principal):
    """Sending a call's signed decisions: officials only."""
    if principal == "anonymous":
        return "login"
    return "ok" if principal == "official" else "403"


def drafted_decision_of_a(principal):
    """A decision on A's application before it is sent: the ministry's (not a reviewer's); A learns nothing."""
    if principal == "anonymous":
        return "login"
    return "ok" if principal in {"official", "admin", "presenter", "decision_maker"} else "404"


def sent_decision_of_a_rectification(principal):
    """Filing a request for rectification of A's sent decision: A's people; the ministry reads the decision but
    does not file; others learn nothing."""
    if principal == "anonymous":
        return "login"
    if principal in ORG_A:
        return "ok"
    return "403" if principal in {"official", "admin", "presenter", "decision_maker"} else "404"


def rectification_request_of_a(principal):
    """A's request for rectification: officials (who handle it) and administrators; others learn nothing."""
    if principal == "anonymous":
        return "login"
    return "ok" if principal in {"official", "admin"} else "404"


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
    "applications:ministry_export": (lambda w: {}, officials),
    "applications:ministry_export_status": (lambda w: {"pk": w["list_export"].pk}, own_list_export),
    "applications:ministry_export_download": (lambda w: {"pk": w["list_export"].pk}, own_list_export),
    "decisions:ranking": (lambda w: {"call_id": w["call"].pk}, allocation_readers),
    "decisions:compare": (lambda w: {"call_id": w["call"].pk}, allocation_readers),
    "decisions:scenario": (lambda w: {"pk": w["allocation_scenario"].pk}, allocation_readers),
    "decisions:draw": (lambda w: {"call_id": w["call"].pk}, allocators),
    "decisions:override": (
        lambda w: {"pk": w["allocation_scenario"].pk, "line_id": w["allocation_line"].pk},
        allocators,
    ),
    "decisions:choose": (lambda w: {"pk": w["allocation_scenario"].pk}, allocators),
    "decisions:index": (lambda w: {}, decision_followers),
    "decisions:call_decisions": (lambda w: {"call_id": w["call"].pk}, decision_followers),
    "decisions:prepare": (lambda w: {"call_id": w["call"].pk}, post_only),
    "decisions:present_all": (lambda w: {"call_id": w["call"].pk}, post_only),
    "decisions:sign_all": (lambda w: {"call_id": w["call"].pk}, post_only),
    "decisions:send": (lambda w: {"call_id": w["call"].pk}, decision_senders),
    "decisions:decision": (lambda w: {"pk": w["decision"].pk}, drafted_decision_of_a),
    "decisions:pdf": (lambda w: {"pk": w["decision"].pk}, drafted_decision_of_a),
    "decisions:edit": (lambda w: {"pk": w["decision"].pk}, officials_act_on_submitted_a),
    "decisions:present": (lambda w: {"pk": w["decision"].pk}, post_only),
    "decisions:sign": (lambda w: {"pk": w["decision"].pk}, post_only),
    "decisions:return": (lambda w: {"pk": w["decision"].pk}, post_only),
    "decisions:request_rectification": (
        lambda w: {"pk": w["sent_decision"].pk},
        sent_decision_of_a_rectification,
    ),
    "decisions:rectifications": (lambda w: {}, officials),
    "decisions:rectification": (lambda w: {"pk": w["rectification_request"].pk}, rectification_request_of_a),
    "funded_projects": (lambda w: {}, public),
    "reports:open_data": (lambda w: {}, public),
    "reports:export_call": (lambda w: {"call_id": w["call"].pk}, officials),
    "reports:dashboard": (lambda w: {}, officials),
    "reports:summary_preview": (lambda w: {"call_id": w["call"].pk}, officials),
    "reports:summary_publish": (lambda w: {"call_id": w["call"].pk}, post_only),
    # The published summary is for anyone; none is published in this world (test_summaries covers the rest).
    "reports:summary": (lambda w: {"call_id": w["call"].pk}, lambda principal: "404"),
    "reports:summary_pdf": (lambda w: {"call_id": w["call"].pk}, lambda principal: "404"),
    "reports:summary_xlsx": (lambda w: {"call_id": w["call"].pk}, lambda principal: "404"),
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
    "reviews:mine": (lambda w: {}, reviewers),
    "reviews:declare": (lambda w: {"pk": w["waiting_review"].pk}, own_review),
    "reviews:review": (lambda w: {"pk": w["scoring_review"].pk}, own_review),
    "reviews:assignments": (lambda w: {"call_id": w["call"].pk}, officials),
    "reviews:declarations": (lambda w: {"call_id": w["call"].pk}, officials),
    "reviews:application_reviews": (lambda w: {"pk": w["submitted"].pk}, reviews_of_submitted_a),
    "reviews:auto_assign": (lambda w: {"call_id": w["call"].pk}, post_only),
    "reviews:assign": (lambda w: {"pk": w["submitted"].pk}, post_only),
    "reviews:unassign": (lambda w: {"pk": w["waiting_review"].pk}, post_only),
    "reviews:reopen": (lambda w: {"pk": w["scoring_review"].pk}, post_only),
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
    # Reviews: the reviewer is to declare on A's submitted application (which grants no reading yet) and scores
    # B's submitted application.
    from kannustin.reviews import services as reviews

    signatory_b = users["signatory_b"]
    reviewed = complete_application(actions.create_draft(call, b, by=signatory_b), signatory_b)
    with capture(execute=False):
        reviewed = actions.submit(reviewed, by=signatory_b)
        waiting_review = reviews.assign(submitted, users["reviewer"], by=users["official"], notify_now=False)
        scoring_review = reviews.declare(
            reviews.assign(reviewed, users["reviewer"], by=users["official"], notify_now=False),
            by=users["reviewer"], disqualified=False,
        )  # fmt: skip
    # Allocation: a manual scenario of the call (a line per submitted application), and an Excel export of the
    # list of applications that the official asked for.
    from django.core.files.base import ContentFile

    from kannustin.applications.models import ListExport
    from kannustin.decisions import services as allocation

    allocation_scenario = allocation.draw(call, by=users["official"], method="manual", name="Matrix",
                                          budget=Decimal("10000.00"))  # fmt: skip
    list_export = ListExport.objects.create(requested_by=users["official"], state=ListExport.State.DONE,
                                            row_count=1)  # fmt: skip
    list_export.file.save("matrix.xlsx", ContentFile(b"PK\x03\x04"), save=True)
    # Decisions: a drafted decision on A's submitted application, and a sent one (made directly: the flow is
    # tested in kannustin/decisions) with a request for rectification filed by A.
    from kannustin.core import clock
    from kannustin.decisions.models import Decision, DecisionTemplate, RectificationRequest

    allocation.ensure_templates()
    decision = Decision.objects.create(
        application=submitted, outcome="rejected", reasons="Matrix",
        template=DecisionTemplate.current("rejection", "fi"), created_by=users["official"],
    )  # fmt: skip
    sent_decision = Decision.objects.create(
        application=submitted, outcome="rejected", reasons="Matrix", state="sent", sent_at=clock.now(),
        number="VM/P/1/2099", template=DecisionTemplate.current("rejection", "fi"),
        created_by=users["official"],
    )  # fmt: skip
    rectification_request = RectificationRequest.objects.create(
        decision=sent_decision, text="x", filed_by=signatory
    )
    return {
        "reviewed": reviewed, "waiting_review": waiting_review, "scoring_review": scoring_review,
        "users": users, "call": call, "draft": draft, "attachment": attachment, "submitted": submitted,
        "submitted_attachment": submitted_attachment, "token": token, "notification": notification,
        "feedback": feedback, "joint": joint, "proposal": proposal, "interest": interest,
        "workshop": track["workshop"], "joint_call": track["joint_call"], "presentation": presentation,
        "allocation_scenario": allocation_scenario,
        "allocation_line": allocation_scenario.lines.order_by("pk").first(), "list_export": list_export,
        "decision": decision, "sent_decision": sent_decision, "rectification_request": rectification_request,
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
    "reviews:declare": ("reviews.declare_review", lambda w: w["waiting_review"]),
    "reviews:review": ("reviews.score_review", lambda w: w["scoring_review"]),
    "reviews:application_reviews": ("reviews.view_reviews_application", lambda w: w["submitted"]),
    "decisions:decision": ("decisions.view_decision", lambda w: w["decision"]),
    "decisions:request_rectification": (
        "decisions.request_rectification_decision",
        lambda w: w["sent_decision"],
    ),
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
