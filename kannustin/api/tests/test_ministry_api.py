"""The ministry's list of applications (case management) and the decision on an application, through the API:
who gets what, the values, and the number of queries."""

import json
from decimal import Decimal

import pytest

from conftest import make_user
from kannustin.accounts.models import ApiToken
from kannustin.accounts.roles import Role
from kannustin.applications import actions
from kannustin.applications.models import Application, Participant, Status
from kannustin.applications.tests.helpers import complete_application
from kannustin.core import clock
from kannustin.decisions import services
from kannustin.decisions.models import Decision, DecisionTemplate, Scenario
from kannustin.registry.models import Organisation
from kannustin.reviews.models import ApplicationScore, Review
from kannustin.reviews.tests.helpers import evaluation_call, review

pytestmark = pytest.mark.django_db

LIST = "/api/v1/applications/"


def decision_path(application) -> str:
    return f"/api/v1/applications/{application.pk}/decision/"


class Api:
    def __init__(self, client, user):
        self.client = client
        _token, raw = ApiToken.issue(user, "test", scope=ApiToken.Scope.READ)
        self.headers = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}

    def get(self, path, **params):
        return self.client.get(path, params, **self.headers)


def organisation(code) -> Organisation:
    return Organisation.objects.get(code=code)


def submitted(call, lead, signatory, *, partners=(), requested="8500.00"):
    application = actions.create_draft(call, lead, by=signatory)
    if partners:
        application = actions.save(
            application, by=signatory, version=application.version, changes={"participants": list(partners)}
        )
    application = complete_application(application, signatory, requested=requested)
    return actions.submit(application, by=signatory)


@pytest.fixture
def people(reference_data):
    return {
        "official": make_user(Role.OFFICIAL),
        "admin": make_user(Role.ADMIN),
        "presenter": make_user(Role.PRESENTER),
        "decision_maker": make_user(Role.DECISION_MAKER),
        "reviewers": [make_user(Role.REVIEWER, email=f"r{n}@example.com") for n in range(2)],
        "helsinki": make_user(Role.SIGNATORY, organisation("091")),
        "espoo": make_user(Role.SIGNATORY, organisation("049")),
        "vantaa": make_user(Role.SIGNATORY, organisation("092")),
        "korsholm": make_user(Role.SIGNATORY, organisation("499")),
    }


@pytest.fixture
def evaluated(people):
    """Three reviewed applications in a call whose track has 20 000 €: Helsinki (with Espoo as a partner and
    Vantaa, which declined), Espoo, and Korsholm (Swedish); a draft of Korsholm's besides."""
    call = evaluation_call()
    call.track.budget = Decimal("20000.00")
    call.track.save()
    helsinki = submitted(call, organisation("091"), people["helsinki"], partners=["049", "092"])
    declined = Participant.objects.get(application=helsinki, organisation__code="092")
    actions.decide_participation(declined, by=people["vantaa"], confirm=False)
    espoo = submitted(call, organisation("049"), people["espoo"], requested="8000.00")
    korsholm = submitted(call, organisation("499"), people["korsholm"], requested="7000.00")
    Application.objects.filter(pk=korsholm.pk).update(language="sv")
    scores = {helsinki: (5, 5), espoo: (4, 3), korsholm: (3, 3)}
    for application, (g1, c1) in scores.items():
        for reviewer in people["reviewers"]:
            review(application, reviewer, people["official"], G1=g1, C1=c1)
    draft = actions.create_draft(call, organisation("499"), by=people["korsholm"])
    return call, {"helsinki": helsinki, "espoo": espoo, "korsholm": korsholm, "draft": draft}


def prepared(call, people):
    scenario = services.draw(
        call,
        by=people["official"],
        method=Scenario.Method.RANK,
        name="A",
        budget=services.default_budget(call),
    )
    services.choose(scenario, by=people["official"], reason="Paras kokonaisuus")
    return services.prepare(call, by=people["official"])


def decided(call, people, capture):
    drafts = prepared(call, people)
    services.present(drafts, by=people["presenter"])
    services.sign(drafts, by=people["decision_maker"])
    with capture(execute=True):
        services.send(call, by=people["official"])


# The list ------------------------------------------------------------------------------------------------


def test_anonymous_and_bad_tokens_get_401(client, evaluated):
    _call, applications = evaluated
    for path in (LIST, decision_path(applications["helsinki"])):
        assert client.get(path).status_code == 401
        response = client.get(path, HTTP_AUTHORIZATION="Bearer kan_nonsense")
        assert response.status_code == 401 and response.json()["code"] == "not_authenticated"


def test_an_official_lists_every_submitted_application_with_its_score_and_decision(
    client, evaluated, people, django_capture_on_commit_callbacks
):
    call, applications = evaluated
    decided(call, people, django_capture_on_commit_callbacks)
    late = submitted(call, organisation("092"), people["vantaa"], requested="5000.00")  # not yet reviewed

    response = Api(client, people["official"]).get(LIST)

    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["count"], body["limit"], body["offset"]) == (4, 100, 0)
    items = {item["id"]: item for item in body["items"]}
    assert list(items) == sorted(items)  # oldest first
    assert applications["draft"].pk not in items
    helsinki = items[applications["helsinki"].pk]
    decision = Decision.objects.get(application=applications["helsinki"])
    assert helsinki == {
        "id": applications["helsinki"].pk,
        "call": call.pk,
        "case_number": applications["helsinki"].case_number,
        "lead": {"identifier": "091", "code": "091", "business_id": None, "name_fi": "Helsinki",
                 "name_sv": "Helsingfors", "name_en": "Helsinki"},
        "co_applicants": ["049"],  # Vantaa declined
        "track": call.track.number,
        "status": "granted",
        "requested_amount": "8500.00",
        "score": "5.000",
        "granted_amount": "8500.00",
        "decision_number": decision.number,
        "submitted_at": helsinki["submitted_at"],
    }  # fmt: skip
    assert decision.number and helsinki["submitted_at"].endswith(("+02:00", "+03:00"))
    espoo, korsholm = items[applications["espoo"].pk], items[applications["korsholm"].pk]
    assert (espoo["status"], espoo["score"], espoo["granted_amount"]) == ("granted", "3.667", "8000.00")
    assert espoo["co_applicants"] == []
    rejected = Decision.objects.get(application=applications["korsholm"])
    assert (korsholm["status"], korsholm["score"], korsholm["granted_amount"]) == ("rejected", "3.000", None)
    assert korsholm["decision_number"] == rejected.number
    assert items[late.pk] | {"lead": None, "submitted_at": None, "case_number": None} == {
        "id": late.pk, "call": call.pk, "case_number": None, "lead": None, "co_applicants": [],
        "track": call.track.number, "status": "submitted", "requested_amount": "5000.00", "score": None,
        "granted_amount": None, "decision_number": None, "submitted_at": None,
    }  # fmt: skip


def test_filters_and_pages(client, evaluated, people, django_capture_on_commit_callbacks):
    call, applications = evaluated
    decided(call, people, django_capture_on_commit_callbacks)
    api = Api(client, people["official"])
    granted = api.get(LIST, call=call.pk, status="granted").json()
    assert {item["id"] for item in granted["items"]} == {
        applications["helsinki"].pk,
        applications["espoo"].pk,
    }
    assert api.get(LIST, status="rejected").json()["count"] == 1
    assert api.get(LIST, status="draft").json() == {"count": 0, "limit": 100, "offset": 0, "items": []}
    assert api.get(LIST, call=call.pk + 1000).json()["count"] == 0
    page = api.get(LIST, limit=2, offset=1).json()
    assert page["count"] == 3 and [item["id"] for item in page["items"]] == [
        applications["espoo"].pk,
        applications["korsholm"].pk,
    ]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"status": "decided"}, "status"),
        ({"call": "abc"}, "call"),
        ({"call": "0"}, "call"),
        ({"limit": "501"}, "limit"),
        ({"offset": "-1"}, "offset"),
    ],
)
def test_invalid_filters_are_422(client, people, params, field):
    response = Api(client, people["official"]).get(LIST, **params)
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "validation_error" and [e["field"] for e in body["errors"]] == [field]


def test_an_unknown_status_names_the_allowed_ones(client, people):
    response = Api(client, people["official"]).get(LIST, status="decided")
    (error,) = response.json()["errors"]
    assert error["location"] == "query" and error["type"] == "value_error"
    assert error["message"] == (
        "There is no status decided. Use one of: draft, submitted, completion_requested, withdrawn, granted, "
        "rejected."
    )
    # The caller's language (Accept-Language) is used for the message when it has been translated.
    response = Api(client, people["espoo"]).get(LIST, status="decided")
    assert response.status_code == 422


@pytest.mark.parametrize("role", ["official", "admin", "presenter", "decision_maker"])
def test_every_ministry_role_but_reviewers_gets_the_list(client, evaluated, people, role):
    response = Api(client, people[role]).get(LIST)
    assert response.status_code == 200 and response.json()["count"] == 3


def test_reviewers_are_refused_the_list(client, evaluated, people):
    response = Api(client, people["reviewers"][0]).get(LIST)
    assert response.status_code == 403 and response.json()["code"] == "permission_denied"


def test_a_disqualified_official_does_not_see_the_application(client, evaluated, people):
    _call, applications = evaluated
    official = make_user(Role.OFFICIAL, email="jaava@example.com")
    Review.objects.create(
        application=applications["helsinki"], reviewer=official, state=Review.State.DISQUALIFIED
    )
    body = Api(client, official).get(LIST).json()
    assert body["count"] == 2 and applications["helsinki"].pk not in {item["id"] for item in body["items"]}


def test_municipal_people_still_get_their_own_applications(client, evaluated, people):
    _call, applications = evaluated
    response = Api(client, people["espoo"]).get(LIST)
    assert response.status_code == 200
    own = response.json()
    assert isinstance(own, list)  # the plain list of before
    assert {(item["id"], item["role"]) for item in own} == {
        (applications["helsinki"].pk, "partner"),
        (applications["espoo"].pk, "lead"),
    }
    drafts = Api(client, people["korsholm"]).get(LIST, status="draft").json()
    assert [item["id"] for item in drafts] == [applications["draft"].pk]
    assert Api(client, people["vantaa"]).get(LIST).json() == []  # declined: no longer theirs
    assert Api(client, people["korsholm"]).get(LIST, status="").status_code == 200


def test_the_list_runs_a_constant_number_of_queries(client, evaluated, people, django_assert_max_num_queries):
    call, applications = evaluated
    services.ensure_templates()
    template = DecisionTemplate.current(DecisionTemplate.Kind.GRANT, "fi")
    municipalities = list(Organisation.objects.municipalities().filter(in_2026=True).order_by("code")[:40])
    official = people["official"]

    def grow_to(total):
        while Application.objects.exclude(status=Status.DRAFT).count() < total:
            n = Application.objects.count()
            lead, partner, declined = (
                municipalities[n % 40],
                municipalities[(n + 1) % 40],
                municipalities[(n + 2) % 40],
            )
            application = Application.objects.create(
                call=call, question_set=call.current_question_set(), organisation=lead, status=Status.GRANTED,
                created_by=official, updated_by=official, submitted_at=clock.now(), case_number=f"VM/{n}/2019",
                requested_amount=Decimal("1000.00"),
            )  # fmt: skip
            Participant.objects.bulk_create([
                Participant(application=application, organisation=lead, role=Participant.Role.LEAD, order=0),
                Participant(application=application, organisation=partner, role=Participant.Role.PARTNER, order=1),
                Participant(application=application, organisation=declined, role=Participant.Role.PARTNER, order=2,
                            declined_at=clock.now()),
            ])  # fmt: skip
            ApplicationScore.objects.create(
                application=application, score=Decimal("3.5"), complete=2, reviewers=2
            )
            Review.objects.create(application=application, reviewer=official, state=Review.State.SUBMITTED)
            Decision.objects.create(
                application=application, outcome=Decision.Outcome.GRANTED, state=Decision.State.SENT,
                amount=Decimal("900.00"), number=f"VM/P/{n}/2019", template=template, created_by=official,
                sent_at=clock.now(),
            )  # fmt: skip

    api = Api(client, official)
    counts = []
    for total in (5, 25):
        grow_to(total)
        api.get(LIST)  # warm-up: the token's last use is written at most once a minute
        with django_assert_max_num_queries(8) as captured:
            response = api.get(LIST, call=call.pk)
        body = response.json()
        assert body["count"] == total and len(body["items"]) == total
        grown = [item for item in body["items"] if item["decision_number"] and item["status"] == "granted"]
        assert grown and all(len(item["co_applicants"]) == 1 and item["score"] for item in grown)
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1], "\n".join(query["sql"] for query in captured.captured_queries)


# The decision --------------------------------------------------------------------------------------------


def test_the_applicant_sees_the_decision_once_it_is_sent(
    client, evaluated, people, django_capture_on_commit_callbacks
):
    call, applications = evaluated
    path = decision_path(applications["helsinki"])
    drafts = prepared(call, people)
    assert Api(client, people["helsinki"]).get(path).status_code == 404  # drafted: not the applicant's yet
    official = Api(client, people["official"]).get(path)
    assert official.status_code == 200 and official.json()["status"] == "draft"
    assert official.json()["number"] is None and official.json()["rectification_deadline"] is None
    services.present(drafts, by=people["presenter"])
    assert Api(client, people["presenter"]).get(path).json()["status"] == "presented"
    services.sign(drafts, by=people["decision_maker"])
    assert Api(client, people["helsinki"]).get(path).status_code == 404  # signed, not sent
    with django_capture_on_commit_callbacks(execute=True):
        services.send(call, by=people["official"])

    response = Api(client, people["helsinki"]).get(path)

    assert response.status_code == 200, response.content
    decision = Decision.objects.get(application=applications["helsinki"])
    body = response.json()
    assert body == {
        "id": decision.pk,
        "application": applications["helsinki"].pk,
        "status": "sent",
        "outcome": "granted",
        "amount": "8500.00",
        "max_share": "0.850",
        "language": "fi",
        "number": decision.number,
        "signed_at": body["signed_at"],
        "sent_at": body["sent_at"],
        "period_starts": decision.period_starts.isoformat(),
        "period_ends": decision.period_ends.isoformat(),
        "pdf_url": f"http://testserver/decisions/{decision.pk}/pdf/",
        "rectification_decision": False,
        "rectification_deadline": services.rectification_deadline(decision).isoformat(),
    }
    assert body["signed_at"] and body["sent_at"].endswith(("+02:00", "+03:00"))
    # The partner's people are parties too; the one that declined is not.
    assert Api(client, people["espoo"]).get(path).status_code == 200
    assert Api(client, people["vantaa"]).get(path).status_code == 404


def test_a_swedish_rejection(client, evaluated, people, django_capture_on_commit_callbacks):
    call, applications = evaluated
    decided(call, people, django_capture_on_commit_callbacks)
    body = Api(client, people["korsholm"]).get(decision_path(applications["korsholm"])).json()
    assert (body["outcome"], body["amount"], body["language"]) == ("rejected", None, "sv")


def test_who_else_gets_404(client, evaluated, people, django_capture_on_commit_callbacks):
    call, applications = evaluated
    decided(call, people, django_capture_on_commit_callbacks)
    helsinki = applications["helsinki"]
    reviewer = people["reviewers"][0]  # reviewed it, but decisions are not the reviewers' to read
    for user in (people["korsholm"], reviewer):
        response = Api(client, user).get(decision_path(helsinki))
        assert response.status_code == 404 and response.json()["code"] == "not_found", user
    disqualified = make_user(Role.OFFICIAL, email="jaava@example.com")
    Review.objects.create(application=helsinki, reviewer=disqualified, state=Review.State.DISQUALIFIED)
    assert Api(client, disqualified).get(decision_path(helsinki)).status_code == 404
    for role in ("official", "admin", "presenter", "decision_maker"):
        assert Api(client, people[role]).get(decision_path(helsinki)).status_code == 200, role
    # No decision, a draft, no such application: the same answer.
    api = Api(client, people["official"])
    late = submitted(call, organisation("092"), people["vantaa"])
    for path in (decision_path(late), decision_path(applications["draft"]), "/api/v1/applications/999999/decision/",
                 f"/api/v1/applications/{2**63}/decision/"):  # fmt: skip
        assert api.get(path).status_code == 404, path
    assert Api(client, people["korsholm"]).get(decision_path(applications["draft"])).status_code == 404


def test_a_decision_on_rectification_is_the_one_in_force(
    client, evaluated, people, django_capture_on_commit_callbacks
):
    call, applications = evaluated
    decided(call, people, django_capture_on_commit_callbacks)
    korsholm = applications["korsholm"]
    first = Decision.objects.get(application=korsholm)
    request = services.request_rectification(first, by=people["korsholm"], text="Pyydämme oikaisua.")
    new = services.handle_rectification(request, by=people["official"], outcome=Decision.Outcome.GRANTED,
                                        amount=Decimal("3000"), reasons="Uusi arvio.")  # fmt: skip
    path = decision_path(korsholm)
    # The ministry follows the new draft; the applicant still sees the decision in force.
    assert Api(client, people["official"]).get(path).json()["id"] == new.pk
    assert Api(client, people["korsholm"]).get(path).json()["id"] == first.pk
    services.present([new], by=people["presenter"])
    services.sign([new], by=people["decision_maker"])
    with django_capture_on_commit_callbacks(execute=True):
        services.send(call, by=people["official"])
    body = Api(client, people["korsholm"]).get(path).json()
    assert (body["id"], body["outcome"], body["amount"]) == (new.pk, "granted", "3000.00")
    assert body["rectification_decision"] is True and body["rectification_deadline"] is None
    item = next(
        i for i in Api(client, people["official"]).get(LIST).json()["items"] if i["id"] == korsholm.pk
    )
    assert (item["status"], item["granted_amount"], item["decision_number"]) == (
        "granted",
        "3000.00",
        Decision.objects.get(pk=new.pk).number,
    )


# The OpenAPI document ------------------------------------------------------------------------------------


def test_the_openapi_document_describes_both(client):
    document = json.loads(client.get("/api/v1/openapi.json").content)
    listing = document["paths"]["/api/v1/applications/"]["get"]
    assert {p["name"] for p in listing["parameters"]} == {"call", "status", "limit", "offset"}
    status = next(p for p in listing["parameters"] if p["name"] == "status")
    assert status["schema"]["anyOf"][0]["enum"] == [
        "draft", "submitted", "completion_requested", "withdrawn", "granted", "rejected",
    ]  # fmt: skip
    assert set(Status.values) == set(status["schema"]["anyOf"][0]["enum"])
    assert {"200", "401", "403", "422"} <= set(listing["responses"])
    shapes = listing["responses"]["200"]["content"]["application/json"]["schema"]["anyOf"]
    assert {"$ref": "#/components/schemas/MinistryApplicationListOut"} in shapes
    decision = document["paths"]["/api/v1/applications/{application_id}/decision/"]["get"]
    assert decision["operationId"] == "get_decision" and decision["security"] == [{"BearerToken": []}]
    assert {"200", "401", "404"} <= set(decision["responses"])
    properties = document["components"]["schemas"]["DecisionOut"]["properties"]
    assert {"status", "amount", "language", "pdf_url", "rectification_deadline"} <= set(properties)
    item = document["components"]["schemas"]["MinistryApplicationOut"]["properties"]
    assert item["granted_amount"]["anyOf"][0]["format"] == "decimal"
