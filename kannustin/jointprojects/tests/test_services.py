"""Track 2's rules where they live: interests, accepting partners, a joint application grown from proposals and
what stops its submission, the workshop."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from kannustin.accounts.roles import Role
from kannustin.applications import actions
from kannustin.applications.completeness import missing_for_submit
from kannustin.applications.files import FileRefused
from kannustin.applications.models import Participant, Status
from kannustin.core import clock
from kannustin.core.models import Notification

from .. import services
from ..models import Interest, Presentation, Registration
from .helpers import PDF, complete_joint_application, write_proposal

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(helsinki, espoo, tampere, user_factory):
    return {
        "lead": user_factory(Role.SIGNATORY, helsinki),
        "lead_applicant": user_factory(Role.APPLICANT, helsinki),
        "espoo": user_factory(Role.SIGNATORY, espoo),
        "tampere": user_factory(Role.SIGNATORY, tampere),
    }


@pytest.fixture
def proposal(track2, helsinki, people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return write_proposal(track2["proposal_call"], helsinki, people["lead"])


def codes(notifications):
    return sorted(n.user.email for n in notifications)


# Interests ---------------------------------------------------------------------------------------------------


def test_interest_is_registered_once_and_the_proposer_is_told_in_their_language(
    proposal, espoo, people, django_capture_on_commit_callbacks
):
    people["lead_applicant"].language = "sv"
    people["lead_applicant"].save()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        interest = services.register_interest(
            proposal, espoo, by=people["espoo"], kind="partner", note="Mukaan"
        )
    told = Notification.objects.filter(url=f"/joint-projects/proposals/{proposal.pk}/").select_related("user")
    assert codes(told) == sorted([people["lead"].email, people["lead_applicant"].email])
    assert "Espoo" in told.get(user=people["lead"]).subject
    swedish = told.get(user=people["lead_applicant"])
    assert swedish.subject == "Esbo är intresserad av ditt förslag"
    # Registering again changes the kind and the note; no second notice.
    with django_capture_on_commit_callbacks(execute=True):
        again = services.register_interest(
            proposal, espoo, by=people["espoo"], kind="observer", note="Seuraamme"
        )
    assert again.pk == interest.pk and again.kind == "observer" and again.note == "Seuraamme"
    assert told.count() == 2


def test_the_proposer_cannot_be_interested_in_its_own_proposal(proposal, helsinki, people):
    with pytest.raises(PermissionDenied):
        services.register_interest(proposal, helsinki, by=people["lead"], kind="partner")


def test_nobody_registers_interest_for_an_organisation_they_do_not_act_for(proposal, espoo, tampere, people):
    with pytest.raises(PermissionDenied):
        services.register_interest(proposal, tampere, by=people["espoo"], kind="partner")


def test_a_draft_proposal_takes_no_interest(track2, helsinki, espoo, people):
    draft = write_proposal(track2["proposal_call"], helsinki, people["lead"], submit=False)
    with pytest.raises(PermissionDenied):
        services.register_interest(draft, espoo, by=people["espoo"], kind="partner")


def test_interest_is_taken_until_the_last_stage_of_the_track_closes(track2, proposal, espoo, people):
    closes = services.interest_closes_at(track2["proposal_call"])
    assert closes == track2["joint_call"].closes_at > track2["proposal_call"].closes_at
    with time_machine.travel(track2["proposal_call"].closes_at + timedelta(days=1)):
        assert services.register_interest(proposal, espoo, by=people["espoo"], kind="partner")
    with time_machine.travel(closes), pytest.raises(services.Refused) as refused:
        services.register_interest(proposal, espoo, by=people["espoo"], kind="observer")
    assert refused.value.code == "interest_closed"


def test_topic_interest_must_name_a_topic_of_the_call(track2, espoo, people):
    call = track2["proposal_call"]
    interest = services.register_topic_interest(call, "automation", espoo, by=people["espoo"], kind="partner")
    assert interest.proposal is None and interest.topic == "automation"
    with pytest.raises(ValidationError):
        services.register_topic_interest(call, "astrology", espoo, by=people["espoo"], kind="partner")


def test_only_the_proposer_accepts_partners_and_the_partner_is_told(
    proposal, espoo, tampere, people, django_capture_on_commit_callbacks
):
    interest = services.register_interest(proposal, espoo, by=people["espoo"], kind="partner")
    observer = services.register_interest(proposal, tampere, by=people["tampere"], kind="observer")
    with pytest.raises(PermissionDenied):
        services.accept_interest(interest, by=people["tampere"])
    with pytest.raises(PermissionDenied):
        services.accept_interest(observer, by=people["lead"])  # an observer is not taken as a partner
    with django_capture_on_commit_callbacks(execute=True):
        accepted = services.accept_interest(interest, by=people["lead"])
    assert accepted.accepted_at and accepted.accepted_by == people["lead"]
    assert Notification.objects.filter(user=people["espoo"], subject__contains="Helsinki").exists()
    with pytest.raises(PermissionDenied):
        services.accept_interest(interest, by=people["lead"])  # once


# Stage 2: the joint application -----------------------------------------------------------------------------


def grown(track2, proposal, people, espoo, tampere, capture):
    with capture(execute=True):
        for organisation, user in ((espoo, people["espoo"]), (tampere, people["tampere"])):
            interest = services.register_interest(proposal, organisation, by=user, kind="partner")
            services.accept_interest(interest, by=people["lead"])
        return services.start_joint_application(
            track2["joint_call"], [proposal], proposal.organisation, by=people["lead"]
        )


def test_a_joint_application_grows_from_a_proposal_with_its_accepted_partners(
    track2, proposal, people, espoo, tampere, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    application = grown(track2, proposal, people, espoo, tampere, django_capture_on_commit_callbacks)
    assert list(application.proposals.all()) == [proposal]
    assert application.answers["project_name"] == proposal.answers["title"]
    roles = {p.organisation.code: (p.role, p.state) for p in application.participant_rows()}
    assert roles == {
        "091": ("administrator", "confirmed"),
        "049": ("partner", "waiting"),
        "837": ("partner", "waiting"),
    }
    invited = {n.user.email for n in Notification.objects.filter(url__contains="/participants/")}
    assert invited == {people["espoo"].email, people["tampere"].email}


def test_several_proposals_join_and_their_proposers_become_partners(
    track2, proposal, people, espoo, tampere, django_capture_on_commit_callbacks
):
    other = write_proposal(track2["proposal_call"], tampere, people["tampere"], title="Sopimushallinta")
    application = services.start_joint_application(
        track2["joint_call"], [proposal, other], proposal.organisation, by=people["lead"]
    )
    assert {p.organisation.code for p in application.partners()} == {"837"}
    assert set(application.proposals.all()) == {proposal, other}


def test_only_a_proposer_or_an_accepted_partner_starts_a_joint_application(track2, proposal, espoo, people):
    with pytest.raises(PermissionDenied):
        services.start_joint_application(track2["joint_call"], [proposal], espoo, by=people["espoo"])
    with pytest.raises(ValidationError):
        services.start_joint_application(track2["joint_call"], [], proposal.organisation, by=people["lead"])


def test_it_cannot_be_submitted_before_every_municipality_has_confirmed(
    track2, proposal, people, espoo, tampere, django_capture_on_commit_callbacks
):
    application = grown(track2, proposal, people, espoo, tampere, django_capture_on_commit_callbacks)
    application = complete_joint_application(application, people["lead"])
    assert sorted(m["code"] for m in missing_for_submit(application)) == ["participant_unconfirmed"] * 2
    with pytest.raises(actions.Incomplete):
        actions.submit(application, by=people["lead"])
    actions.decide_participation(
        application.participants.get(organisation=espoo), by=people["espoo"], confirm=True
    )
    with pytest.raises(actions.Incomplete):
        actions.submit(type(application).objects.get(pk=application.pk), by=people["lead"])
    actions.decide_participation(
        application.participants.get(organisation=tampere), by=people["tampere"], confirm=True
    )
    with django_capture_on_commit_callbacks(execute=True):
        submitted = actions.submit(type(application).objects.get(pk=application.pk), by=people["lead"])
    assert submitted.status == Status.SUBMITTED and submitted.case_number


def test_it_cannot_be_submitted_with_one_municipality(
    track2, proposal, people, espoo, tampere, django_capture_on_commit_callbacks
):
    application = grown(track2, proposal, people, espoo, tampere, django_capture_on_commit_callbacks)
    for organisation, user in ((espoo, people["espoo"]), (tampere, people["tampere"])):
        actions.decide_participation(
            application.participants.get(organisation=organisation), by=user, confirm=False
        )
    application = type(application).objects.get(pk=application.pk)
    application = actions.save(application, by=people["lead"], version=application.version,
                               changes={"participants": []})  # fmt: skip
    application = complete_joint_application(application, people["lead"], shares={"091": 100000})
    assert [m["code"] for m in missing_for_submit(application)] == ["too_few_municipalities"]
    with pytest.raises(actions.Incomplete):
        actions.submit(application, by=people["lead"])


@pytest.fixture
def confirmed(track2, proposal, people, espoo, tampere, django_capture_on_commit_callbacks):
    application = grown(track2, proposal, people, espoo, tampere, django_capture_on_commit_callbacks)
    for organisation, user in ((espoo, people["espoo"]), (tampere, people["tampere"])):
        actions.decide_participation(
            application.participants.get(organisation=organisation), by=user, confirm=True
        )
    return type(application).objects.get(pk=application.pk)


def test_an_excluded_field_stops_the_submission(confirmed, people):
    application = complete_joint_application(confirmed, people["lead"])
    assert missing_for_submit(application) == []
    application = actions.save(application, by=people["lead"], version=application.version,
                               changes={"answers": {"excluded_fields": ["social_health", "archiving"]}})  # fmt: skip
    (missing,) = missing_for_submit(application)
    assert missing["code"] == "excluded" and missing["field"] == "excluded_fields"
    assert "Sosiaali- ja terveydenhuolto" in missing["message"] and "Arkistointi" in missing["message"]


def test_the_agreement_must_be_attached(confirmed, people):
    application = complete_joint_application(confirmed, people["lead"], agreement=False)
    assert [m["code"] for m in missing_for_submit(application)] == ["document_missing"]


def test_only_a_listed_document_may_be_named(confirmed, people):
    with pytest.raises(actions.validation.ApplicationInvalid):
        actions.add_attachment(
            confirmed, SimpleUploadedFile("x.pdf", PDF), by=people["lead"], document="will"
        )


def test_the_shares_of_the_budget_must_add_up_to_the_eligible_costs(confirmed, people):
    application = complete_joint_application(
        confirmed, people["lead"], shares={"091": 50000, "049": 30000, "837": 10000}
    )
    (missing,) = missing_for_submit(application)
    assert missing["code"] == "budget_split_mismatch" and "90" in missing["message"]


def test_the_administrator_must_be_a_municipality_or_a_joint_municipal_authority(confirmed, people):
    from kannustin.registry.models import Organisation

    company = Organisation.objects.create(kind=Organisation.Kind.COMPANY, name_fi="Ohjelmisto Oy",
                                          business_id="9000005-7")  # fmt: skip
    Participant.objects.filter(application=confirmed, role="administrator").update(organisation=company)
    application = complete_joint_application(
        type(confirmed).objects.get(pk=confirmed.pk), people["lead"],
        shares={"9000005-7": 40000, "049": 30000, "837": 30000},
    )  # fmt: skip
    assert "administrator_kind" in [m["code"] for m in missing_for_submit(application)]


# The workshop -----------------------------------------------------------------------------------------------


def registration_data(**overrides):
    return {"name": "Sanna", "email": "sanna@example.com", "remote": False, "dietary": "", "accessibility": "",
            "listed": True, **overrides}  # fmt: skip


def test_the_places_at_the_venue_run_out_but_online_is_open(track2, espoo, tampere, people):
    workshop = track2["workshop"]
    workshop.capacity = 1
    workshop.save()
    services.register_for_workshop(workshop, espoo, by=people["espoo"], data=registration_data())
    with pytest.raises(services.Refused) as refused:
        services.register_for_workshop(workshop, tampere, by=people["tampere"], data=registration_data())
    assert refused.value.code == "workshop_full"
    services.register_for_workshop(
        workshop, tampere, by=people["tampere"], data=registration_data(remote=True)
    )
    # Changing one's own registration does not count oneself twice.
    services.register_for_workshop(
        workshop, espoo, by=people["espoo"], data=registration_data(dietary="vegaani")
    )
    assert Registration.objects.get(user=people["espoo"]).dietary == "vegaani"


def test_registration_closes_at_its_deadline(track2, espoo, people):
    workshop = track2["workshop"]
    with time_machine.travel(workshop.registration_closes_at), pytest.raises(services.Refused) as refused:
        services.register_for_workshop(workshop, espoo, by=people["espoo"], data=registration_data())
    assert refused.value.code == "registration_closed"


def test_publishing_tells_everyone_the_workshop_is_for(
    track2, proposal, espoo, tampere, people, user_factory, django_capture_on_commit_callbacks
):
    workshop = track2["workshop"]
    services.register_topic_interest(
        track2["proposal_call"], "eservices", espoo, by=people["espoo"], kind="partner"
    )
    outsider = user_factory(Role.APPLICANT, tampere, email="outsider@example.com")
    services.register_for_workshop(workshop, tampere, by=outsider, data=registration_data())
    official = user_factory(Role.OFFICIAL)
    Notification.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        services.publish_programme(workshop, by=official)
    told = set(Notification.objects.values_list("user__email", flat=True))
    assert told == {
        people["lead"].email,
        people["lead_applicant"].email,
        people["espoo"].email,
        outsider.email,
    }
    with pytest.raises(services.Refused):
        services.publish_presentations(workshop, by=official)  # nothing to publish yet


def test_a_presentation_that_is_not_a_pdf_is_refused_before_it_is_stored(track2, user_factory):
    official = user_factory(Role.OFFICIAL)
    workshop = track2["workshop"]
    with pytest.raises(FileRefused):
        services.add_presentation(workshop, SimpleUploadedFile("x.pdf", b"MZ\x90\x00 not a pdf"), by=official,
                                  titles={"fi": "Avaus", "sv": "Öppning"})  # fmt: skip
    assert not Presentation.objects.exists()
    presentation = services.add_presentation(workshop, SimpleUploadedFile("a.pdf", PDF), by=official,
                                             titles={"fi": "Avaus", "sv": "Öppning"})  # fmt: skip
    assert presentation.file.read().startswith(b"%PDF")
    with pytest.raises(PermissionDenied):
        services.add_presentation(workshop, SimpleUploadedFile("a.pdf", PDF), by=user_factory(Role.REVIEWER),
                                  titles={"fi": "X", "sv": "X"})  # fmt: skip


def test_a_proposal_sits_at_one_table_at_most(track2, proposal, user_factory):
    official = user_factory(Role.OFFICIAL)
    tables = services.save_tables(
        track2["workshop"],
        [{"title_fi": "A", "title_sv": "A", "proposals": [proposal.pk]},
         {"title_fi": "B", "title_sv": "B", "proposals": [proposal.pk]}],
        by=official,
    )  # fmt: skip
    assert [list(t.proposals.all()) for t in tables] == [[proposal], []]


def test_interests_outlive_nothing_they_should_not(proposal, espoo, people):
    interest = services.register_interest(proposal, espoo, by=people["espoo"], kind="partner")
    with pytest.raises(PermissionDenied):
        services.withdraw_interest(interest, by=people["lead"])
    services.withdraw_interest(interest, by=people["espoo"])
    assert not Interest.objects.exists()
    assert clock.now()
