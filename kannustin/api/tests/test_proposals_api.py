"""Track 2 through the API: the submitted proposals' public parts, registering interest in one, and a partner's
signatory confirming or declining its participation in an application."""

import json
from datetime import timedelta

import pytest
import time_machine
from django.core import mail

from kannustin.accounts.models import ApiToken, Membership
from kannustin.accounts.roles import Role
from kannustin.applications import actions
from kannustin.applications.models import Application, Participant
from kannustin.applications.tests.helpers import make_call
from kannustin.jointprojects import services
from kannustin.jointprojects.models import Interest
from kannustin.registry.models import Organisation

from .conftest import make_proposal, make_proposal_call

pytestmark = pytest.mark.django_db

LIST = "/api/v1/proposals/"


class Api:
    def __init__(self, client, user=None, scope=ApiToken.Scope.WRITE, language=None):
        self.client = client
        self.headers = {}
        if user is not None:
            # A year: tests travel past the track's last close, a few months ahead.
            _token, raw = ApiToken.issue(user, "test", scope=scope, days=365)
            self.headers["HTTP_AUTHORIZATION"] = f"Bearer {raw}"
        if language:
            self.headers["HTTP_ACCEPT_LANGUAGE"] = language

    def get(self, path, **params):
        return self.client.get(path, params, **self.headers)

    def post(self, path, data):
        return self.client.post(path, json.dumps(data), content_type="application/json", **self.headers)


def interest_path(proposal) -> str:
    return f"/api/v1/proposals/{proposal.pk}/interest/"


def municipality(code: str) -> Organisation:
    return Organisation.objects.get(code=code)


@pytest.fixture
def call(reference_data):
    return make_proposal_call()


@pytest.fixture
def proposer(helsinki, user_factory):
    return user_factory(Role.SIGNATORY, helsinki)


@pytest.fixture
def espoo_user(espoo, user_factory):
    return user_factory(Role.APPLICANT, espoo)


@pytest.fixture
def proposal(call, helsinki, proposer):
    return make_proposal(call, helsinki, proposer, title="Yhteinen asiakaspalvelu", topics=["eservices"])


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["items"]]


# Who may list ---------------------------------------------------------------------------------------------


def test_the_list_needs_a_token(client, proposal):
    response = client.get(LIST)
    assert response.status_code == 401 and response.json()["code"] == "not_authenticated"
    response = Api(client).post(interest_path(proposal), {"organisation": "049", "kind": "partner"})
    assert response.status_code == 401


def test_a_user_without_an_organisation_or_ministry_reading_role_is_refused(client, proposal, user_factory):
    reviewer = Api(client, user_factory(Role.REVIEWER))  # a ministry role that reads nothing by itself
    response = reviewer.get(LIST)
    assert response.status_code == 403 and response.json()["code"] == "permission_denied"
    response = reviewer.post(interest_path(proposal), {"organisation": "049", "kind": "partner"})
    assert response.status_code == 404


def test_members_and_officials_see_the_submitted_proposals_only(
    client, call, helsinki, espoo, proposer, espoo_user, user_factory
):
    tampere = municipality("837")
    shown = make_proposal(call, helsinki, proposer, title="Näkyvä")
    completing = make_proposal(call, tampere, proposer, status="completion_requested", title="Täydennettävä")
    secret_topics = make_proposal(call, espoo, proposer, title="Aiheet salassa", confidential_keys=["topics"])
    hidden = [
        make_proposal(call, helsinki, proposer, status="draft", title="Luonnos"),
        make_proposal(call, helsinki, proposer, status="withdrawn", title="Peruttu"),
        make_proposal(call, espoo, proposer, title="Salainen nimi", confidential_keys=["title"]),
        make_proposal(call, espoo, proposer, title="Salainen tiivistelmä", confidential_keys=["summary"]),
        make_proposal(call, espoo, proposer, title="Salainen hanke", confidential_keys=["project_name"]),
    ]
    unpublished = make_proposal_call(slug="unpublished")
    unpublished.is_published = False
    unpublished.save()
    hidden.append(make_proposal(unpublished, helsinki, proposer, title="Julkaisematon haku"))
    track_1 = make_call(slug="track-1")  # an application of track 1 is not a proposal
    application = actions.create_draft(track_1, helsinki, by=proposer)
    Application.objects.filter(pk=application.pk).update(status="submitted")
    hidden.append(application)

    expected = {shown.pk, completing.pk, secret_topics.pk}
    for user in (espoo_user, proposer, user_factory(Role.OFFICIAL), user_factory(Role.ADMIN)):
        listed = ids(Api(client, user).get(LIST))
        assert set(listed) == expected, user
    body = Api(client, espoo_user).get(LIST).json()
    assert body["count"] == 3 and body["limit"] == 100 and body["offset"] == 0
    by_id = {item["id"]: item for item in body["items"]}
    assert by_id[secret_topics.pk]["topics"] == []  # a business secret is left out, the rest is shown
    assert by_id[secret_topics.pk]["title"] == "Aiheet salassa"


def test_a_proposal_in_full(client, call, proposal, espoo, espoo_user, user_factory):
    services.register_interest(proposal, espoo, by=espoo_user, kind="partner", note="Mukaan!")
    oulu_user = user_factory(Role.SIGNATORY, municipality("564"))
    services.register_interest(proposal, municipality("564"), by=oulu_user, kind="observer")
    Interest.objects.filter(organisation=espoo).update(accepted_at=proposal.submitted_at)

    response = Api(client, espoo_user, language="sv").get(LIST)

    assert response.status_code == 200
    assert "Accept-Language" in response["Vary"]
    [item] = response.json()["items"]
    assert item == {
        "id": proposal.pk,
        "call": call.pk,
        "case_number": proposal.case_number,
        "title": "Yhteinen asiakaspalvelu",
        "summary": "Tiivistelmä: Yhteinen asiakaspalvelu",
        "topics": [
            {"key": "eservices", "label": "E-tjänster för invånarna", "label_fi": "Asukkaiden sähköiset palvelut",
             "label_sv": "E-tjänster för invånarna", "label_en": "E-services for residents"},
        ],
        "national_goals": ["digital_first"],
        "lead": {"identifier": "091", "kind": "municipality", "name_fi": "Helsinki", "name_sv": "Helsingfors",
                 "name_en": "Helsinki", "region": "01"},
        "submitted_at": item["submitted_at"],
        "interested": [
            {"organisation": "049", "name_fi": "Espoo", "name_sv": "Esbo", "name_en": "Espoo", "kind": "partner",
             "accepted": True},
            {"organisation": "564", "name_fi": "Oulu", "name_sv": "Uleåborg", "name_en": "Oulu",
             "kind": "observer", "accepted": False},
        ],
    }  # fmt: skip
    assert item["submitted_at"].endswith(("+02:00", "+03:00"))
    english = Api(client, espoo_user).get(LIST).json()["items"][0]["topics"][0]["label"]
    assert english == "E-services for residents"  # no Accept-Language: English, as the API's texts
    finnish = Api(client, espoo_user, language="fi-FI,fi;q=0.9").get(LIST).json()
    assert finnish["items"][0]["topics"][0]["label"] == "Asukkaiden sähköiset palvelut"


def test_a_topic_the_form_no_longer_offers_is_named_by_its_key(client, call, helsinki, proposer, espoo_user):
    make_proposal(call, helsinki, proposer, topics=["retired_topic"])
    [topic] = Api(client, espoo_user).get(LIST).json()["items"][0]["topics"]
    assert topic == {"key": "retired_topic", "label": "retired_topic", "label_fi": "retired_topic",
                     "label_sv": "retired_topic", "label_en": "retired_topic"}  # fmt: skip


# Filters and pages -------------------------------------------------------------------------------------------


def test_filters(client, call, helsinki, espoo, proposer, espoo_user):
    tampere = municipality("837")
    other_call = make_proposal_call(slug="other")
    digital = make_proposal(call, helsinki, proposer, title="Digitaalinen ASIOINTI", topics=["eservices"])
    contracts = make_proposal(
        call, tampere, proposer, title="Sopimukset", topics=["contract_management", "logistics"]
    )
    secret_topics = make_proposal(
        call, espoo, proposer, title="Salaiset aiheet", topics=["logistics"], confidential_keys=["topics"]
    )
    elsewhere = make_proposal(other_call, tampere, proposer, title="Toinen haku", topics=["eservices"],
                              summary="Logistiikka ja asiointi")  # fmt: skip
    api = Api(client, espoo_user)

    assert set(ids(api.get(LIST))) == {digital.pk, contracts.pk, secret_topics.pk, elsewhere.pk}
    assert set(ids(api.get(LIST, call=call.pk))) == {digital.pk, contracts.pk, secret_topics.pk}
    assert set(ids(api.get(LIST, call=other_call.pk))) == {elsewhere.pk}
    assert set(ids(api.get(LIST, topic="eservices"))) == {digital.pk, elsewhere.pk}
    # A topic that is a business secret does not find its proposal.
    assert set(ids(api.get(LIST, topic="logistics"))) == {contracts.pk}
    assert set(ids(api.get(LIST, topic="contract"))) == set()  # a whole key, not a part of one
    assert set(ids(api.get(LIST, region="01"))) == {digital.pk, secret_topics.pk}
    assert set(ids(api.get(LIST, region="06"))) == {contracts.pk, elsewhere.pk}
    assert set(ids(api.get(LIST, q="asiointi"))) == {digital.pk, elsewhere.pk}  # title or summary, any case
    assert set(ids(api.get(LIST, q="sopimukset", region="06", call=call.pk))) == {contracts.pk}
    assert ids(api.get(LIST, q="Tiivistelmä: Sopimukset")) == [contracts.pk]


def test_pages(client, call, reference_data, proposer, espoo_user):
    municipalities = list(Organisation.objects.municipalities().filter(in_2026=True).exclude(code="049")[:5])
    made = [make_proposal(call, organisation, proposer, title=f"Ehdotus {n}")
            for n, organisation in enumerate(municipalities)]  # fmt: skip
    newest_first = [p.pk for p in reversed(made)]
    api = Api(client, espoo_user)

    first = api.get(LIST, limit=2).json()
    assert (
        first["count"] == 5 and first["limit"] == 2 and [i["id"] for i in first["items"]] == newest_first[:2]
    )
    assert ids(api.get(LIST, limit=2, offset=2)) == newest_first[2:4]
    assert ids(api.get(LIST, limit=2, offset=4)) == newest_first[4:]
    assert api.get(LIST, offset=10).json() == {"count": 5, "limit": 100, "offset": 10, "items": []}
    assert len(ids(api.get(LIST, limit=500))) == 5


@pytest.mark.parametrize(
    "params, field",
    [
        ({"limit": 501}, "limit"),
        ({"limit": 0}, "limit"),
        ({"offset": -1}, "offset"),
        ({"region": "1"}, "region"),
        ({"topic": "two words"}, "topic"),
        ({"call": "x"}, "call"),
        ({"call": 2**63}, "call"),
        ({"q": "x" * 101}, "q"),
        ({"q": "a\x00b"}, "q"),  # PostgreSQL takes no NUL in a query: refused before it
    ],
)
def test_invalid_filters(client, espoo_user, params, field):
    response = Api(client, espoo_user).get(LIST, **params)
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "validation_error" and [e["field"] for e in body["errors"]] == [field]


def test_the_list_runs_a_constant_number_of_queries(
    client, call, reference_data, proposer, espoo_user, user_factory, django_assert_max_num_queries
):
    municipalities = list(Organisation.objects.municipalities().filter(in_2026=True).exclude(code="049"))
    interested = municipalities[-2:]
    users = [user_factory(Role.APPLICANT, organisation) for organisation in interested]
    other_call = make_proposal_call(slug="other")  # two forms on the page: their topics in one query

    def grow_to(total):
        while Application.objects.filter(call__stage="proposal").count() < total:
            n = Application.objects.count()
            proposal = make_proposal(other_call if n % 2 else call, municipalities[n], proposer,
                                     title=f"Ehdotus {n}", topics=["eservices", "logistics"])  # fmt: skip
            for organisation, user in zip(interested, users, strict=True):
                services.register_interest(proposal, organisation, by=user, kind="partner")

    api = Api(client, espoo_user)
    counts = []
    for total in (3, 30):
        grow_to(total)
        api.get(LIST)  # warm-up: the token's last use is written at most once a minute
        with django_assert_max_num_queries(6) as captured:
            response = api.get(LIST)
        assert response.json()["count"] == total
        assert all(len(item["interested"]) == 2 for item in response.json()["items"])
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1], "\n".join(query["sql"] for query in captured.captured_queries)


# Registering interest -------------------------------------------------------------------------------------------


def test_register_and_update_interest(
    client, proposal, proposer, espoo_user, django_capture_on_commit_callbacks
):
    api = Api(client, espoo_user)

    with django_capture_on_commit_callbacks(execute=True):
        created = api.post(
            interest_path(proposal), {"organisation": "049", "kind": "partner", "note": "Mukaan"}
        )

    assert created.status_code == 201, created.content
    assert [message.to for message in mail.outbox] == [[proposer.email]]  # the proposal's people are told
    body = created.json()
    assert body == {
        "id": body["id"], "proposal": proposal.pk, "organisation": "049", "name_fi": "Espoo", "name_sv": "Esbo",
        "name_en": "Espoo", "kind": "partner", "note": "Mukaan", "accepted": False, "created_at": body["created_at"],
    }  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        updated = api.post(interest_path(proposal), {"organisation": "049", "kind": "observer"})
    assert updated.status_code == 200 and len(mail.outbox) == 1  # told once, not of every change
    assert updated.json() == {**body, "kind": "observer", "note": ""}
    assert Interest.objects.get().kind == "observer"
    [listed] = api.get(LIST).json()["items"][0]["interested"]
    assert listed["organisation"] == "049" and listed["kind"] == "observer"


def test_an_accepted_partner_stays_accepted(client, proposal, espoo_user):
    api = Api(client, espoo_user)
    api.post(interest_path(proposal), {"organisation": "049", "kind": "partner"})
    Interest.objects.update(accepted_at=proposal.submitted_at)
    response = api.post(interest_path(proposal), {"organisation": "049", "kind": "partner", "note": "Kiitos"})
    assert response.status_code == 200 and response.json()["accepted"] is True


def test_interest_is_refused_for_others_and_for_the_lead(client, proposal, espoo_user, proposer, helsinki):
    api = Api(client, espoo_user)
    for organisation in (
        "837",
        "999",
        "1234567-8",
    ):  # not the caller's; no such municipality; no such company
        response = api.post(interest_path(proposal), {"organisation": organisation, "kind": "partner"})
        assert response.status_code == 403 and response.json()["code"] == "permission_denied", organisation
    response = Api(client, proposer).post(interest_path(proposal), {"organisation": "091", "kind": "partner"})
    assert response.status_code == 403 and response.json()["code"] == "own_proposal"
    # Someone of the lead who also acts for another organisation may register that one.
    Membership.objects.create(user=proposer, organisation=municipality("837"), role=Role.APPLICANT)
    response = Api(client, proposer).post(
        interest_path(proposal), {"organisation": "837", "kind": "observer"}
    )
    assert response.status_code == 201
    assert not Interest.objects.filter(organisation=helsinki).exists()


def test_interest_in_what_is_not_a_visible_proposal_is_not_found(
    client, call, helsinki, proposer, espoo_user
):
    api = Api(client, espoo_user)
    draft = make_proposal(call, helsinki, proposer, status="draft")
    withdrawn = make_proposal(call, helsinki, proposer, status="withdrawn")
    track_1 = make_call(slug="track-1")
    application = actions.create_draft(track_1, helsinki, by=proposer)
    Application.objects.filter(pk=application.pk).update(status="submitted")
    for target in (draft, withdrawn, application, Application(pk=10**9)):
        response = api.post(interest_path(target), {"organisation": "049", "kind": "partner"})
        assert response.status_code == 404 and response.json()["code"] == "not_found", target.pk
    response = api.post(f"/api/v1/proposals/{2**63}/interest/", {"organisation": "049", "kind": "partner"})
    assert response.status_code == 404
    # The proposal's own people see their draft; interest in it waits for it to be submitted.
    Membership.objects.create(user=proposer, organisation=municipality("837"), role=Role.APPLICANT)
    response = Api(client, proposer).post(interest_path(draft), {"organisation": "837", "kind": "partner"})
    assert response.status_code == 409 and response.json()["code"] == "not_submitted"
    assert not Interest.objects.exists()


@pytest.mark.parametrize(
    "body, field",
    [
        ({"organisation": "049", "kind": "sponsor"}, "kind"),
        ({"organisation": "049"}, "kind"),
        ({"kind": "partner"}, "organisation"),
        ({"organisation": "049", "kind": "partner", "note": "x" * 1001}, "note"),
        ({"organisation": "049", "kind": "partner", "note": "a\x00b"}, "note"),
        ({"organisation": "04\x009", "kind": "partner"}, "organisation"),
    ],
)
def test_invalid_interest(client, proposal, espoo_user, body, field):
    response = Api(client, espoo_user).post(interest_path(proposal), body)
    assert response.status_code == 422
    assert response.json()["code"] == "validation_error"
    assert [error["field"] for error in response.json()["errors"]] == [f"payload.{field}"]
    assert not Interest.objects.exists()


def test_a_read_only_token_may_not_register_interest(client, proposal, espoo_user):
    api = Api(client, espoo_user, scope=ApiToken.Scope.READ)
    assert api.get(LIST).status_code == 200
    response = api.post(interest_path(proposal), {"organisation": "049", "kind": "partner"})
    assert response.status_code == 403 and response.json()["code"] == "insufficient_scope"
    assert not Interest.objects.exists()


def test_interest_is_taken_from_the_opening_until_the_last_stage_closes(client, call, proposal, espoo_user):
    closes = services.interest_closes_at(call)
    assert closes > call.closes_at  # the joint-application call's close, not the proposals'
    api = Api(client, espoo_user)
    body = {"organisation": "049", "kind": "partner"}
    with time_machine.travel(call.closes_at + timedelta(days=1)):  # proposals closed, joint applications not
        assert api.post(interest_path(proposal), body).status_code == 201
    with time_machine.travel(closes - timedelta(seconds=1)):
        assert api.post(interest_path(proposal), body).status_code == 200
    with time_machine.travel(closes):
        response = api.post(interest_path(proposal), body)
    assert response.status_code == 409 and response.json()["code"] == "interest_closed"
    with time_machine.travel(call.opens_at - timedelta(seconds=1)):
        response = api.post(interest_path(proposal), body)
    assert response.status_code == 409 and response.json()["code"] == "interest_not_open"


def test_refusals_are_written_in_the_callers_language(client, call, proposal, espoo_user):
    api = Api(client, espoo_user, language="fi")
    with time_machine.travel(services.interest_closes_at(call)):
        response = api.post(interest_path(proposal), {"organisation": "049", "kind": "partner"})
    assert response.json()["code"] == "interest_closed" and response["Content-Language"] == "fi"


# A partner confirms or declines ----------------------------------------------------------------------------------


@pytest.fixture
def application(helsinki, proposer, reference_data):
    """A draft of Helsinki's (track 1) naming Espoo and Vantaa as partners."""
    draft = actions.create_draft(make_call(slug="track-1"), helsinki, by=proposer)
    return actions.save(draft, by=proposer, version=draft.version, changes={"participants": ["049", "092"]})


def confirm_path(application, code) -> str:
    return f"/api/v1/applications/{application.pk}/participants/{code}/confirm/"


def test_a_partners_signatory_confirms(client, application, espoo, user_factory):
    api = Api(client, user_factory(Role.SIGNATORY, espoo))

    response = api.post(confirm_path(application, "049"), {"confirm": True})

    assert response.status_code == 200, response.content
    body = response.json()
    assert body == {
        "organisation": "049", "name_fi": "Espoo", "name_sv": "Esbo", "name_en": "Espoo", "role": "partner",
        "state": "confirmed", "confirmed_at": body["confirmed_at"], "declined_at": None,
    }  # fmt: skip
    assert Participant.objects.get(application=application, organisation=espoo).confirmed_at
    again = api.post(confirm_path(application, "049"), {"confirm": False})
    assert again.status_code == 409 and again.json()["code"] == "already_decided"
    assert api.post(confirm_path(application, "49"), {}).json()["code"] == "already_decided"  # code without 0


@pytest.mark.parametrize("body", [b"", b"{}", b"null"])
def test_an_empty_body_confirms(client, application, espoo, user_factory, body):
    """As before the body was read: a POST without one (or with an empty object) confirms."""
    api = Api(client, user_factory(Role.SIGNATORY, espoo))
    response = client.generic(
        "POST", confirm_path(application, "049"), body, content_type="application/json", **api.headers
    )
    assert response.status_code == 200, response.content
    assert response.json()["state"] == "confirmed"


def test_a_partners_signatory_declines_and_that_is_final(client, application, user_factory):
    vantaa = Api(client, user_factory(Role.SIGNATORY, municipality("092")))

    response = vantaa.post(confirm_path(application, "092"), {"confirm": False})

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["state"] == "declined" and body["declined_at"] and body["confirmed_at"] is None
    # A declined partner no longer sees the application, but is told why it cannot decide again.
    assert vantaa.client.get(f"/api/v1/applications/{application.pk}/", **vantaa.headers).status_code == 404
    again = vantaa.post(confirm_path(application, "092"), {"confirm": True})
    assert again.status_code == 409 and again.json()["code"] == "already_decided"


def test_only_the_partners_own_signatory_decides(client, application, espoo, proposer, user_factory):
    response = Api(client, user_factory(Role.APPLICANT, espoo)).post(confirm_path(application, "049"), {})
    assert response.status_code == 403 and response.json()["code"] == "permission_denied"
    lead = Api(client, proposer)
    response = lead.post(confirm_path(application, "049"), {})
    assert response.status_code == 403 and response.json()["code"] == "permission_denied"
    response = lead.post(confirm_path(application, "091"), {})  # the lead takes part by definition
    assert response.status_code == 409 and response.json()["code"] == "already_decided"
    assert Participant.objects.get(application=application, organisation=espoo).state == "waiting"


def test_confirming_what_is_not_visible_or_not_named_is_not_found(client, application, espoo, user_factory):
    outsider = Api(client, user_factory(Role.SIGNATORY, municipality("837")))
    for code in ("837", "049", "999"):
        response = outsider.post(confirm_path(application, code), {})
        assert response.status_code == 404 and response.json()["code"] == "not_found", code
    espoo_signatory = Api(client, user_factory(Role.SIGNATORY, espoo))
    for code in ("837", "999", "x" * 30, "1234567-8", "04%009"):  # not a participant, not an organisation
        response = espoo_signatory.post(confirm_path(application, code), {})
        assert response.status_code == 404, code
    for pk in (10**9, 2**63):
        response = espoo_signatory.post(f"/api/v1/applications/{pk}/participants/049/confirm/", {})
        assert response.status_code == 404


def test_a_withdrawn_application_cannot_be_confirmed(client, application, espoo, user_factory):
    Application.objects.filter(pk=application.pk).update(status="withdrawn")
    response = Api(client, user_factory(Role.SIGNATORY, espoo)).post(confirm_path(application, "049"), {})
    assert response.status_code == 409 and response.json()["code"] == "not_editable"


def test_a_bad_confirmation_body(client, application, espoo, user_factory):
    response = Api(client, user_factory(Role.SIGNATORY, espoo)).post(
        confirm_path(application, "049"), {"confirm": "perhaps"}
    )
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "payload.confirm"
