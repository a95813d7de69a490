"""Track 2's pages: what each person sees, forms that keep what was typed, fixed query counts, the map."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kannustin.accounts.roles import Role
from kannustin.applications import actions
from kannustin.applications.models import Application

from .. import services
from ..models import Interest, Presentation, WorkshopTable
from .helpers import PDF, bulk_proposals, complete_joint_application, write_proposal

QUERY_BUDGET = 15  # of any page (docs/performance.md)

pytestmark = pytest.mark.django_db


@pytest.fixture
def lead(helsinki, user_factory):
    return user_factory(Role.SIGNATORY, helsinki)


@pytest.fixture
def partner(espoo, user_factory):
    return user_factory(Role.SIGNATORY, espoo)


@pytest.fixture
def official(user_factory):
    return user_factory(Role.OFFICIAL)


@pytest.fixture
def proposal(track2, helsinki, lead):
    return write_proposal(track2["proposal_call"], helsinki, lead, title="Yhteinen chat-palvelu asukkaille")


def html_of(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


# Finding proposals -------------------------------------------------------------------------------------------


def test_the_list_shows_submitted_proposals_and_filters_them(
    client, track2, proposal, partner, turku, user_factory
):
    draft = write_proposal(track2["proposal_call"], turku, user_factory(Role.SIGNATORY, turku),
                           title="Luonnos jota ei näy", submit=False)  # fmt: skip
    client.force_login(partner)
    url = reverse("jointprojects:proposals")
    page = html_of(client.get(url))
    assert "Yhteinen chat-palvelu asukkaille" in page and "Luonnos jota ei näy" not in page
    assert draft.status == "draft"
    assert "Yhteinen chat-palvelu" not in html_of(client.get(url, {"topic": "contract_management"}))
    assert "Yhteinen chat-palvelu" in html_of(client.get(url, {"topic": "eservices", "region": "01"}))
    assert "Yhteinen chat-palvelu" not in html_of(client.get(url, {"region": "02"}))
    assert "Yhteinen chat-palvelu" in html_of(client.get(url, {"q": "CHAT"}))


def test_a_proposal_whose_title_is_a_business_secret_is_not_listed(client, proposal, lead, partner):
    Application.objects.filter(pk=proposal.pk).update(confidential_keys=["title"])
    client.force_login(partner)
    assert "Yhteinen chat-palvelu" not in html_of(client.get(reverse("jointprojects:proposals")))


def test_people_without_an_organisation_see_no_proposals(client, proposal, user_factory):
    client.force_login(user_factory(Role.REVIEWER))
    assert client.get(reverse("jointprojects:proposals")).status_code == 403
    assert client.get(reverse("jointprojects:proposal", args=[proposal.pk])).status_code == 404


def test_registering_interest_from_the_page_and_a_wrong_form_keeps_the_note(client, proposal, partner):
    client.force_login(partner)
    url = reverse("jointprojects:interest", args=[proposal.pk])
    response = client.post(url, {"organisation": "049", "kind": "sponsor", "note": "Meillä on kokemusta"})
    page = html_of(response)
    assert "Meillä on kokemusta" in page and "govuk-error-summary" in page
    assert not Interest.objects.exists()
    response = client.post(url, {"organisation": "049", "kind": "partner", "note": "Meillä on kokemusta"})
    assert response.status_code == 302
    assert Interest.objects.get().note == "Meillä on kokemusta"
    again = client.post(url, {"organisation": "049", "kind": "observer", "note": "Seuraamme"}, follow=True)
    assert "Ilmoittautumisesi on päivitetty." in html_of(again)  # changed, not registered again
    assert Interest.objects.get().kind == "observer"
    # Another organisation's code is not a way in.
    assert "govuk-error-summary" in html_of(client.post(url, {"organisation": "837", "kind": "partner"}))
    assert not Interest.objects.filter(organisation__code="837").exists()


def test_the_proposer_sees_who_is_interested_with_their_contact_and_accepts(
    client, proposal, lead, partner, espoo
):
    interest = services.register_interest(proposal, espoo, by=partner, kind="partner", note="Mukaan")
    client.force_login(lead)
    page = html_of(client.get(reverse("jointprojects:proposal", args=[proposal.pk])))
    assert "Mukaan" in page and partner.email in page
    assert reverse("jointprojects:accept_interest", args=[interest.pk]) in page
    client.post(reverse("jointprojects:accept_interest", args=[interest.pk]))
    interest.refresh_from_db()
    assert interest.accepted_at is not None


def test_others_see_interests_but_not_the_contacts(client, proposal, partner, espoo, tampere, user_factory):
    services.register_interest(proposal, espoo, by=partner, kind="partner", note="Mukaan")
    client.force_login(user_factory(Role.APPLICANT, tampere))
    page = html_of(client.get(reverse("jointprojects:proposal", args=[proposal.pk])))
    assert "Mukaan" in page and partner.email not in page


def test_the_partner_page_shows_similar_proposals_and_a_map_with_the_same_facts_as_the_table(
    client, track2, proposal, partner, espoo, tampere, user_factory
):
    other_lead = user_factory(Role.SIGNATORY, tampere)
    similar = write_proposal(track2["proposal_call"], tampere, other_lead, title="Chat-palvelu asukkaiden asiointiin",
                             summary="Yhteinen asiointipalvelu ja chat.")  # fmt: skip
    services.register_interest(proposal, espoo, by=partner, kind="partner")
    client.force_login(partner)
    page = html_of(client.get(reverse("jointprojects:matching", args=[proposal.pk])))
    assert reverse("jointprojects:proposal", args=[similar.pk]) in page
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in page and 'role="img"' in page
    assert "<title>Espoo</title>" in page  # on the map …
    table = page[page.index("<table", page.index("interest-map")) :]
    assert "Espoo" in table  # … and in the table beside it


# Stage 2 ---------------------------------------------------------------------------------------------------


def test_the_proposer_starts_a_joint_application_from_the_proposal(
    client, track2, proposal, lead, partner, espoo
):
    interest = services.register_interest(proposal, espoo, by=partner, kind="partner")
    services.accept_interest(interest, by=lead)
    client.force_login(lead)
    page = html_of(client.get(reverse("jointprojects:proposal", args=[proposal.pk])))
    start = reverse("jointprojects:start_joint", args=[track2["joint_call"].pk, "091"])
    assert start in page
    assert str(proposal.pk) in html_of(client.get(start, {"proposal": proposal.pk}))
    assert "govuk-error-summary" in html_of(client.post(start, {}))  # nothing chosen
    response = client.post(start, {"proposals": [proposal.pk]})
    application = Application.objects.get(call=track2["joint_call"])
    assert response["Location"] == reverse("applications:overview", args=[application.pk])
    assert [p.organisation.code for p in application.partners()] == ["049"]


def test_two_partners_saving_different_parts_at_once_both_keep_their_changes(
    client, track2, proposal, lead, partner, espoo
):
    interest = services.register_interest(proposal, espoo, by=partner, kind="partner")
    services.accept_interest(interest, by=lead)
    application = services.start_joint_application(
        track2["joint_call"], [proposal], proposal.organisation, by=lead
    )
    actions.decide_participation(application.participants.get(organisation=espoo), by=partner, confirm=True)
    application = complete_joint_application(Application.objects.get(pk=application.pk), lead)
    seen = application.version  # both pages were opened at this version
    section = lambda key: reverse("applications:section", args=[application.pk, key])  # noqa: E731

    def basics(**answers):
        data = {"version": str(seen), "action": "continue", **{k: v for k, v in application.answers.items()
                if k in ("project_name", "summary", "service_process")}}  # fmt: skip
        for key in ("start_date", "end_date"):
            year, month, day = application.answers[key].split("-")
            data.update({f"{key}_day": day, f"{key}_month": month, f"{key}_year": year})
        data.update(answers)
        return data

    client.force_login(lead)
    assert client.post(section("basics"), basics(summary="Hallinnoijan tiivistelmä")).status_code == 302
    client.force_login(partner)
    work = {"version": str(seen), "action": "continue", "division_of_work": "Espoo vastaa testauksesta.",
            "excluded_fields": ["none"]}  # fmt: skip
    assert client.post(section("cooperation"), work).status_code == 302
    answers = Application.objects.get(pk=application.pk).answers
    assert (
        answers["summary"] == "Hallinnoijan tiivistelmä"
        and answers["division_of_work"] == "Espoo vastaa testauksesta."
    )
    # The same answer changed by both on the same version: the second gets the conflict page, nothing is lost.
    seen = Application.objects.get(pk=application.pk).version
    client.force_login(lead)
    assert client.post(section("basics"), basics(summary="Ensimmäinen")).status_code == 302
    client.force_login(partner)
    response = client.post(section("basics"), basics(summary="Toinen"))
    assert response.status_code == 409
    assert "Ensimmäinen" in response.content.decode() and "Toinen" in response.content.decode()
    assert Application.objects.get(pk=application.pk).answers["summary"] == "Ensimmäinen"


# The officials' dashboard and the workshop ------------------------------------------------------------------


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_track_2_pages_run_the_same_queries_at_10_and_1000_proposals(client, track2, lead, official):
    """The list, a proposal, its partner page with the map, and the officials' dashboard; within the budget
    of any page (tests/test_query_budgets.py)."""
    call = track2["proposal_call"]
    first = bulk_proposals(call, 10, by=lead)[0]
    pages = {
        "list": (lead, reverse("jointprojects:proposals")),
        "proposal": (lead, reverse("jointprojects:proposal", args=[first.pk])),
        "matching": (lead, reverse("jointprojects:matching", args=[first.pk])),
        "dashboard": (official, reverse("jointprojects:dashboard")),
    }

    def counts():
        result = {}
        for key, (user, url) in pages.items():
            client.force_login(user)
            queries(client, url)  # the matching model is fitted on the first visit after a change
            result[key] = queries(client, url)
        return result

    small = counts()
    bulk_proposals(call, 990, by=lead)
    assert counts() == small
    assert max(small.values()) <= QUERY_BUDGET, small
    client.force_login(official)
    page = html_of(client.get(reverse("jointprojects:dashboard")))
    assert ">1000<" in page.replace(" ", "")


def test_officials_build_the_tables_from_suggested_clusters_and_edit_them(client, track2, lead, official):
    call = track2["proposal_call"]
    made = bulk_proposals(call, 16, by=lead)
    workshop = track2["workshop"]
    client.force_login(official)
    url = reverse("jointprojects:tables", args=[workshop.pk])
    page = html_of(client.get(url, {"suggest": "1", "count": "4"}))
    assert page.count('<fieldset class="govuk-fieldset') == 4
    data = {"action": "save", "table_count": "4"}
    for number in range(1, 5):
        data.update(
            {f"table-{number}-title_fi": f"Pöytä {number}", f"table-{number}-title_sv": f"Bord {number}"}
        )
    for index, proposal in enumerate(made):
        data[f"proposal-{proposal.pk}"] = str(index % 4 + 1)
    data["table-2-title_sv"] = ""
    assert "Bord" in html_of(client.post(url, data))  # refused: what was typed stays
    assert not WorkshopTable.objects.exists()
    data["table-2-title_sv"] = "Bord 2"
    assert client.post(url, data).status_code == 302
    assert [t.proposals.count() for t in WorkshopTable.objects.order_by("number")] == [4, 4, 4, 4]
    public = html_of(client.get(reverse("jointprojects:workshop", args=[workshop.pk])))
    assert "Pöytä 3" in public


def test_presentations_are_public_once_published(client, track2, official):
    workshop = track2["workshop"]
    client.force_login(official)
    url = reverse("jointprojects:presentations", args=[workshop.pk])
    refused = client.post(url, {"action": "upload", "title_fi": "Avaus", "title_sv": "Öppning",
                                "file": SimpleUploadedFile("a.pdf", b"GIF89a not pdf")})  # fmt: skip
    assert "govuk-error-summary" in html_of(refused) and not Presentation.objects.exists()
    client.post(url, {"action": "upload", "title_fi": "Avaus", "title_sv": "Öppning",
                      "file": SimpleUploadedFile("a.pdf", PDF)})  # fmt: skip
    presentation = Presentation.objects.get()
    download = reverse("jointprojects:presentation", args=[workshop.pk, presentation.pk])
    client.logout()
    assert client.get(download).status_code == 404
    client.force_login(official)
    client.post(url, {"action": "publish"})
    client.logout()
    response = client.get(download)
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert "Avaus" in html_of(client.get(reverse("jointprojects:workshop", args=[workshop.pk])))


def test_registration_and_the_participant_list_with_consent(client, track2, partner, lead):
    workshop = track2["workshop"]
    url = reverse("jointprojects:workshop", args=[workshop.pk])
    client.force_login(lead)
    client.post(url, {"organisation": "091", "name": "Liisa Lista", "email": "liisa@hel.fi", "remote": "venue",
                      "dietary": "gluteeniton", "listed": ""})  # fmt: skip
    client.force_login(partner)
    participants = reverse("jointprojects:participants", args=[workshop.pk])
    assert client.get(participants).status_code == 404  # not registered
    response = client.post(url, {"organisation": "049", "name": "", "email": "x", "remote": "online"})
    assert "govuk-error-summary" in html_of(response)
    client.post(url, {"organisation": "049", "name": "Erkki Esbo", "email": "erkki@espoo.fi", "remote": "online",
                      "listed": "on"})  # fmt: skip
    page = html_of(client.get(participants))
    assert "Erkki Esbo" in page and "Liisa Lista" not in page and "gluteeniton" not in page
    client.force_login(track2.get("official") or _official())
    page = html_of(client.get(participants))
    assert "Liisa Lista" in page and "gluteeniton" in page


def _official():
    from conftest import make_user

    return make_user(Role.OFFICIAL, email="official-2@example.com")


def test_a_withdrawn_proposal_is_no_longer_suggested_even_by_an_older_model(
    client, track2, proposal, partner, tampere, user_factory
):
    other_lead = user_factory(Role.SIGNATORY, tampere)
    similar = write_proposal(track2["proposal_call"], tampere, other_lead, title="Chat-palvelu asukkaiden asiointiin",
                             summary="Yhteinen asiointipalvelu ja chat.")  # fmt: skip
    client.force_login(partner)
    url = reverse("jointprojects:matching", args=[proposal.pk])
    assert reverse("jointprojects:proposal", args=[similar.pk]) in html_of(client.get(url))
    actions.withdraw(similar, by=other_lead, reason="Yhdistimme hankkeet.")
    assert reverse("jointprojects:proposal", args=[similar.pk]) not in html_of(client.get(url))
