"""The reviews' pages through the test client: a reviewer's work (declaration both ways, scoring with drafts,
conflicts, missing items, the others' reviews after one's own), the officials' assignment page, the
declarations and one application's reviews; who may open what; constant query counts."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import make_user
from kannustin.accounts.roles import Role
from kannustin.applications import actions
from kannustin.applications.tests.helpers import complete_application
from kannustin.programmes.models import ScaleLevel
from kannustin.registry.models import Organisation

from .. import services
from ..models import Ground, Review, Tie
from .helpers import evaluation_call, review, scores, submitted_application

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture
def call(reference_data):
    call = evaluation_call()
    labels = {0: "Puuttuu", 1: "Heikko", 2: "Välttävä", 3: "Hyvä", 4: "Erittäin hyvä", 5: "Erinomainen"}
    english = {0: "Missing", 1: "Weak", 2: "Fair", 3: "Good", 4: "Very good", 5: "Excellent"}
    for level in ScaleLevel.objects.filter(call=call):
        level.label_fi, level.label_en = labels[level.value], english[level.value]
        level.save()
    return call


@pytest.fixture
def official():
    return make_user(Role.OFFICIAL)


@pytest.fixture
def signatory(helsinki):
    return make_user(Role.SIGNATORY, helsinki)


@pytest.fixture
def application(call, helsinki, espoo, signatory):
    """Helsinki's application with Espoo as a partner and a confidential attachment."""
    draft = actions.create_draft(call, helsinki, by=signatory)
    draft = complete_application(draft, signatory)
    draft = actions.save(
        draft, by=signatory, version=draft.version,
        changes={"participants": ["049"], "participants_confirmed": True},
    )  # fmt: skip
    actions.add_attachment(draft, SimpleUploadedFile("liite.pdf", PDF), by=signatory)
    return actions.submit(draft, by=signatory)


def reviewer(n):
    return make_user(Role.REVIEWER, email=f"arvioija{n}@example.com")


def english(client, user=None):
    if user is not None:
        client.force_login(user)
    client.cookies["kannustin_language"] = "en"
    return client


def page(response) -> str:
    return response.content.decode()


def assigned(application, person, official):
    return services.assign(application, person, by=official, notify_now=False)


def cleared(application, person, official):
    return services.declare(assigned(application, person, official), by=person, disqualified=False)


# A reviewer's own work ----------------------------------------------------------------------------------


def test_my_reviews_lists_the_work_grouped_by_call_with_the_next_step(client, call, application, official):
    person = reviewer(1)
    waiting = assigned(application, person, official)
    other_call = evaluation_call(slug="toinen")
    other = submitted_application(other_call, Organisation.objects.get(code="092"),
                                  make_user(Role.SIGNATORY, Organisation.objects.get(code="092")))  # fmt: skip
    scoring = cleared(other, person, official)
    text = page(english(client, person).get(reverse("reviews:mine")))
    assert call.title_fi in text or call.title_en in text
    assert reverse("reviews:declare", args=[waiting.pk]) in text
    assert reverse("reviews:review", args=[scoring.pk]) in text
    assert application.case_number in text and other.case_number in text
    assert "Waiting for your declaration" in text


def test_my_reviews_is_for_reviewers(client, official, signatory):
    assert client.get(reverse("reviews:mine")).status_code == 302
    for user in (official, signatory):
        client.force_login(user)
        assert client.get(reverse("reviews:mine")).status_code == 403


def test_the_declaration_page_shows_only_what_is_needed_to_judge(client, application, official):
    person = reviewer(1)
    item = assigned(application, person, official)
    text = page(english(client, person).get(reverse("reviews:declare", args=[item.pk])))
    for expected in (application.case_number, "Tiedolla johtamisen kehittäminen", "Helsinki", "(091)", "Espoo",
                     "(049)", "§ 28.1.4", "Administrative Procedure Act"):  # fmt: skip
        assert expected in text, expected
    # Nothing of the application itself before the declaration: no answers, budget or attachments.
    for hidden in (
        "Automatisoidaan talouden raportointi",
        "Säästää työaikaa",
        "liite.pdf",
        "Projektipäällikkö",
    ):
        assert hidden not in text, hidden
    # The scoring page and the application wait for the declaration.
    response = client.get(reverse("reviews:review", args=[item.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("reviews:declare", args=[item.pk])
    assert client.get(reverse("applications:ministry_detail", args=[application.pk])).status_code == 404


def test_declaring_not_disqualified_leads_to_the_scoring_page(client, application, official):
    person = reviewer(1)
    item = assigned(application, person, official)
    client = english(client, person)
    response = client.post(reverse("reviews:declare", args=[item.pk]), {"disqualified": "no"})
    assert response.status_code == 302 and response["Location"] == reverse("reviews:review", args=[item.pk])
    item.refresh_from_db()
    assert item.state == Review.State.IN_PROGRESS and item.declared_at
    text = page(client.get(reverse("reviews:review", args=[item.pk])))
    assert "Automatisoidaan talouden raportointi" in text  # now the application in full
    assert "liite.pdf" in text
    assert client.get(reverse("applications:ministry_detail", args=[application.pk])).status_code == 200
    # Declaring again is not possible: the page leads to the scoring page.
    again = client.get(reverse("reviews:declare", args=[item.pk]))
    assert again.status_code == 302 and again["Location"] == reverse("reviews:review", args=[item.pk])


def test_a_disqualification_needs_a_ground_and_an_explanation(client, application, official):
    person = reviewer(1)
    item = assigned(application, person, official)
    response = english(client, person).post(
        reverse("reviews:declare", args=[item.pk]), {"disqualified": "yes"}
    )
    assert response.status_code == 200
    text = page(response)
    assert "There is a problem" in text
    assert 'href="#id_ground_0"' in text and 'href="#id_explanation"' in text
    assert 'value="yes" checked' in text  # what was chosen is kept
    item.refresh_from_db()
    assert item.state == Review.State.ASSIGNED
    assert client.post(reverse("reviews:declare", args=[item.pk]), {}).status_code == 200


def test_a_disqualified_reviewer_is_replaced_and_gets_404_everywhere(client, application, official):
    person, other = reviewer(1), reviewer(2)
    item = assigned(application, person, official)
    client = english(client, person)
    response = client.post(
        reverse("reviews:declare", args=[item.pk]),
        {"disqualified": "yes", "ground": Ground.EMPLOYMENT, "explanation": "Olen Helsingin palveluksessa."},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("reviews:mine")
    text = page(response)
    assert "Your declaration is kept. The application was given to another reviewer." in text
    assert "Your disqualification declarations" in text
    item.refresh_from_db()
    assert item.state == Review.State.DISQUALIFIED and item.ground == Ground.EMPLOYMENT
    assert item.replaced_by.reviewer == other
    attachment = application.attachments.get()
    for url in (
        reverse("reviews:declare", args=[item.pk]),
        reverse("reviews:review", args=[item.pk]),
        reverse("reviews:application_reviews", args=[application.pk]),
        reverse("applications:ministry_detail", args=[application.pk]),
        reverse("applications:ministry_attachment", args=[application.pk, attachment.pk]),
    ):
        assert client.get(url).status_code == 404, url
    assert client.post(reverse("reviews:review", args=[item.pk]), {"version": 1}).status_code == 404


def test_a_disqualified_official_learns_nothing_more_of_the_application(client, application, official):
    official.global_roles.create(role=Role.REVIEWER)
    item = assigned(application, official, official)
    services.declare(item, by=official, disqualified=True, ground=Ground.BOARD, explanation="Hallituksessa.")
    client.force_login(official)
    assert client.get(reverse("reviews:application_reviews", args=[application.pk])).status_code == 404
    assert client.get(reverse("applications:ministry_detail", args=[application.pk])).status_code == 404
    text = page(client.get(reverse("reviews:assignments", args=[application.call_id])))
    assert application.case_number not in text
    response = client.post(reverse("reviews:assign", args=[application.pk]), {"reviewer": reviewer(3).pk})
    assert response.status_code == 404


# Scoring ------------------------------------------------------------------------------------------------


def form_data(item, action="save", **values):
    data = {"version": item.version, "comment": "Hyvä hanke.", "action": action}
    for code, (score, justification) in values.items():
        data[f"score_{code}"] = score
        data[f"justification_{code}"] = justification
    return data


def test_the_scoring_page_shows_the_criteria_the_scale_and_the_maturity_for_context(
    client, application, official
):
    person = reviewer(1)
    item = cleared(application, person, official)
    text = page(english(client, person).get(reverse("reviews:review", args=[item.pk])))
    assert "G1 – Impact" in text and "C1 – C1" in text
    assert "Weight 2" in text and "weighed especially" in text and "Weight 1" in text
    assert "3 – Good" in text and "5 – Excellent" in text
    assert 'name="score_G1"' in text and 'name="justification_C1"' in text
    assert "Save draft" in text and "Submit review" in text
    assert "for context only: it does not affect the score" in text
    assert "Levels now and after the project" in text  # the self-assessment's profile


def test_saving_a_draft_keeps_it_and_shows_it_again(client, application, official):
    person = reviewer(1)
    item = cleared(application, person, official)
    client = english(client, person)
    url = reverse("reviews:review", args=[item.pk])
    response = client.post(url, form_data(item, G1=("4", "Vaikuttava"), C1=("", "")))
    assert response.status_code == 302 and response["Location"] == url
    item.refresh_from_db()
    assert item.score_of("G1") == 4 and item.justification_of("G1") == "Vaikuttava"
    assert item.state == Review.State.IN_PROGRESS and item.comment == "Hyvä hanke."
    text = page(client.get(url))
    assert "Your draft was saved" in text
    assert re.search(r'value="4"[^>]*checked', text) and "Vaikuttava" in text
    assert f'name="version" value="{item.version}"' in text


def test_a_stale_form_shows_a_conflict_and_keeps_what_was_typed(client, application, official):
    person = reviewer(1)
    item = cleared(application, person, official)
    opened = item.version
    # Saved in another window after this page was opened.
    services.save(item, by=person, scores=scores(G1=2), comment="Toisesta ikkunasta", version=opened)
    response = english(client, person).post(
        reverse("reviews:review", args=[item.pk]),
        {**form_data(item, G1=("5", "Kirjoitettu tähän"), C1=("3", "Ja tähän")), "version": opened},
    )
    assert response.status_code == 200
    text = page(response)
    assert "saved elsewhere" in text
    assert "Kirjoitettu tähän" in text and "Ja tähän" in text  # kept in the form
    assert "Toisesta ikkunasta" in text  # the saved version shown for comparison
    item.refresh_from_db()
    assert item.comment == "Toisesta ikkunasta" and item.score_of("G1") == 2  # nothing overwritten
    assert f'name="version" value="{item.version}"' in text  # the next save is on the saved version


def test_submitting_with_missing_items_lists_them_and_keeps_the_draft(client, application, official):
    person = reviewer(1)
    item = cleared(application, person, official)
    response = english(client, person).post(
        reverse("reviews:review", args=[item.pk]),
        form_data(item, "submit", G1=("4", ""), C1=("", "Perustelu")),
    )
    assert response.status_code == 200
    text = page(response)
    assert "There is a problem" in text
    assert 'href="#id_justification_G1"' in text and 'href="#id_score_C1_0"' in text
    assert "Justify the score for G1." in text and "Give a score for C1." in text
    item.refresh_from_db()
    assert item.state == Review.State.IN_PROGRESS and item.score_of("G1") == 4  # not submitted, not lost
    assert "saved as your draft" in text


def test_a_score_off_the_scale_is_refused(client, application, official):
    person = reviewer(1)
    item = cleared(application, person, official)
    response = english(client, person).post(
        reverse("reviews:review", args=[item.pk]), form_data(item, G1=("9", ""))
    )
    assert response.status_code == 200 and "Choose a score on the call&#x27;s scale." in page(response)
    item.refresh_from_db()
    assert item.scores == {}


def test_others_reviews_are_hidden_until_one_submits_and_shown_after(client, application, official):
    first, second = reviewer(1), reviewer(2)
    review(application, first, official, G1=5, C1=1)
    Review.objects.filter(reviewer=first).update(comment="Ensimmäisen kommentti")
    item = cleared(application, second, official)
    client = english(client, second)
    url = reverse("reviews:review", args=[item.pk])
    before = page(client.get(url))
    assert "Perustelu G1" not in before and "Ensimmäisen kommentti" not in before
    assert "Score of the application" not in before
    response = client.post(
        url, form_data(item, "submit", G1=("4", "Oma G1"), C1=("4", "Oma C1")), follow=True
    )
    text = page(response)
    item.refresh_from_db()
    assert item.state == Review.State.SUBMITTED
    assert "Your review was submitted" in text
    assert "Perustelu G1" in text and "Ensimmäisen kommentti" in text and "Reviewer 2" in text
    assert "Oma G1" in text  # one's own review, read only
    assert 'name="score_G1"' not in text
    # G1: 5 and 4 → 4.50; C1: 1 and 4 differ by 3 → flagged. Score (4.5 × 2 + 2.5) / 3 = 3.833.
    assert "3.83" in text and "4.50" in text and "2.50" in text
    assert "Differ by 2 or more" in text
    # A submitted review can no longer be changed.
    assert client.post(url, form_data(item, G1=("0", "x"))).status_code == 302
    item.refresh_from_db()
    assert item.score_of("G1") == 4


def test_the_scoring_page_is_the_reviewers_own(client, application, official):
    person = reviewer(1)
    item = cleared(application, person, official)
    for other in (reviewer(2), official, make_user(Role.ADMIN)):
        client.force_login(other)
        assert client.get(reverse("reviews:review", args=[item.pk])).status_code == 404
        assert client.get(reverse("reviews:declare", args=[item.pk])).status_code == 404


# The officials' pages -----------------------------------------------------------------------------------


def test_the_assignment_page_shows_reviewers_states_and_forms(client, call, application, official):
    first, second, third = reviewer(1), reviewer(2), reviewer(3)
    done = review(application, first, official, G1=3, C1=3)
    waiting = assigned(application, second, official)
    text = page(english(client, official).get(reverse("reviews:assignments", args=[call.pk])))
    assert application.case_number in text and "Helsinki" in text
    assert reverse("reviews:unassign", args=[waiting.pk]) in text
    assert reverse("reviews:reopen", args=[done.pk]) in text
    assert reverse("reviews:assign", args=[application.pk]) in text
    assert reverse("reviews:auto_assign", args=[call.pk]) in text
    options = re.search(r'<select[^>]*name="reviewer">(.*?)</select>', text, re.S).group(1)
    assert f'value="{third.pk}"' in options
    assert f'value="{first.pk}"' not in options and f'value="{second.pk}"' not in options
    assert "1 / 2" in text  # one submitted of the two needed
    assert "Reviewers' work in this call" in text


def test_a_tie_is_refused_with_a_clear_message(client, call, application, official, helsinki):
    tied = reviewer(1)
    Tie.objects.create(reviewer=tied, organisation=helsinki, kind=Tie.Kind.HOME)
    client = english(client, official)
    text = page(client.get(reverse("reviews:assignments", args=[call.pk])))
    assert "known tie" in text
    response = client.post(
        reverse("reviews:assign", args=[application.pk]), {"reviewer": tied.pk}, follow=True
    )
    assert response.redirect_chain[-1][0].startswith(reverse("reviews:assignments", args=[call.pk]))
    assert "has a known tie to an organisation taking part" in page(response)
    assert not Review.objects.filter(reviewer=tied).exists()


def test_assign_unassign_and_reopen_from_the_page(client, call, application, official):
    person, other = reviewer(1), reviewer(2)
    client = english(client, official)
    response = client.post(
        reverse("reviews:assign", args=[application.pk]), {"reviewer": person.pk}, follow=True
    )
    assert "was given the application" in page(response)
    item = Review.objects.get(reviewer=person)
    again = client.post(
        reverse("reviews:assign", args=[application.pk]), {"reviewer": person.pk}, follow=True
    )
    assert "already has this application" in page(again)
    nobody = client.post(reverse("reviews:assign", args=[application.pk]), {"reviewer": "x"}, follow=True)
    assert "Choose a reviewer." in page(nobody)
    not_reviewer = client.post(reverse("reviews:assign", args=[application.pk]), {"reviewer": official.pk},
                               follow=True)  # fmt: skip
    assert "does not have the reviewer role" in page(not_reviewer)

    response = client.post(reverse("reviews:unassign", args=[item.pk]), {"page": "1"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("reviews:assignments", args=[call.pk]) + "?page=1")
    assert not Review.objects.filter(pk=item.pk).exists()

    done = review(application, other, official, G1=4, C1=4)
    refused = client.post(reverse("reviews:unassign", args=[done.pk]), follow=True)
    assert "can no longer be taken back" in page(refused)
    response = client.post(reverse("reviews:reopen", args=[done.pk]), follow=True)
    assert "was returned to" in page(response)
    done.refresh_from_db()
    assert done.state == Review.State.IN_PROGRESS
    again = client.post(reverse("reviews:reopen", args=[done.pk]), follow=True)
    assert "Only a submitted review can be returned" in page(again)


def test_automatic_assignment_from_the_page(client, call, application, official):
    reviewer(1), reviewer(2), reviewer(3)
    response = english(client, official).post(reverse("reviews:auto_assign", args=[call.pk]), follow=True)
    assert "2 assignments were made." in page(response)
    assert Review.objects.filter(application=application).count() == 2
    response = client.post(reverse("reviews:auto_assign", args=[call.pk]), follow=True)
    assert "No assignments were made" in page(response)
    assert client.get(reverse("reviews:auto_assign", args=[call.pk])).status_code == 405


def test_administrators_read_the_assignments_without_forms(client, call, application, official):
    item = assigned(application, reviewer(1), official)
    admin = make_user(Role.ADMIN)
    client.force_login(admin)
    text = page(client.get(reverse("reviews:assignments", args=[call.pk])))
    assert application.case_number in text
    assert reverse("reviews:unassign", args=[item.pk]) not in text
    assert reverse("reviews:auto_assign", args=[call.pk]) not in text
    assert client.post(reverse("reviews:auto_assign", args=[call.pk])).status_code == 403
    assert client.post(reverse("reviews:unassign", args=[item.pk])).status_code == 403
    assert Review.objects.filter(pk=item.pk).exists()


def test_the_officials_pages_are_refused_to_others(client, call, application, official, signatory):
    item = assigned(application, reviewer(1), official)
    urls = [reverse("reviews:assignments", args=[call.pk]), reverse("reviews:declarations", args=[call.pk])]
    for url in urls:
        assert "/accounts/login/" in client.get(url)["Location"]
    for user in (reviewer(2), signatory, make_user(Role.PRESENTER)):
        client.force_login(user)
        for url in urls:
            assert client.get(url).status_code == 403, url
        assert client.get(reverse("reviews:application_reviews", args=[application.pk])).status_code == 404
        assert client.post(reverse("reviews:unassign", args=[item.pk])).status_code == 404
        assert (
            client.post(reverse("reviews:assign", args=[application.pk]), {"reviewer": 1}).status_code == 404
        )
    assert Review.objects.filter(pk=item.pk).exists()


def test_the_declarations_are_kept_and_listed(client, call, application, official):
    person, other = reviewer(1), reviewer(2)
    item = assigned(application, person, official)
    services.declare(
        item, by=person, disqualified=True, ground=Ground.BOARD, explanation="Istun hallituksessa."
    )
    text = page(english(client, official).get(reverse("reviews:declarations", args=[call.pk])))
    assert "Istun hallituksessa." in text
    assert "sit on a governing body of a party" in text
    assert person.get_full_name() in text and application.case_number in text
    assert other.get_full_name() in text  # replaced by
    assert "1 declaration of disqualification" in text


def test_one_applications_reviews_for_officials(client, call, application, official):
    first, second = reviewer(1), reviewer(2)
    review(application, first, official, G1=4, C1=1)
    review(application, second, official, G1=4, C1=4)
    Review.objects.filter(reviewer=first).update(comment="Ensimmäisen kommentti")
    client = english(client, official)
    text = page(client.get(reverse("reviews:application_reviews", args=[application.pk])))
    assert "Perustelu C1" in text and "Ensimmäisen kommentti" in text
    assert reverse("applications:ministry_detail", args=[application.pk]) in text
    assert "3.50" in text  # (4 × 2 + 2.5 × 1) / 3
    assert "Differ by 2 or more" in text
    detail = page(client.get(reverse("applications:ministry_detail", args=[application.pk])))
    assert reverse("reviews:application_reviews", args=[application.pk]) in detail
    # A reviewer reads the others' reviews on their own page, not here.
    client.force_login(first)
    assert client.get(reverse("reviews:application_reviews", args=[application.pk])).status_code == 404
    assert reverse("reviews:application_reviews", args=[application.pk]) not in page(
        client.get(reverse("applications:ministry_detail", args=[application.pk]))
    )


# Query counts -------------------------------------------------------------------------------------------


def _more_applications(call, official, people, count, start):
    """`count` submitted applications of different municipalities, each with reviews in every state: the people
    take turns, so each of them has work in every state too."""
    codes = list(Organisation.objects.municipalities().exclude(code__in=["091", "049"]).order_by("code")
                 .values_list("code", flat=True)[start : start + count])  # fmt: skip
    for n, code in enumerate(codes):
        organisation = Organisation.objects.get(code=code)
        made = submitted_application(call, organisation, make_user(Role.SIGNATORY, organisation))
        waiting, scoring, done, out = people[n % 4 :] + people[: n % 4]
        assigned(made, waiting, official)
        cleared(made, scoring, official)
        review(made, done, official, G1=3, C1=2)
        services.declare(assigned(made, out, official), by=out, disqualified=True, ground=Ground.OTHER,
                         explanation="Syy")  # fmt: skip
        Tie.objects.get_or_create(reviewer=out, organisation=organisation, kind=Tie.Kind.OTHER)


def _same_queries(client, url, grow):
    client.get(url)  # warm up the session
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    grow()
    with CaptureQueriesContext(connection) as large:
        assert client.get(url).status_code == 200
    assert len(large.captured_queries) == len(small.captured_queries), [
        q["sql"] for q in large.captured_queries
    ]
    assert len(small.captured_queries) <= 15
    return large


def test_my_reviews_runs_a_constant_number_of_queries(client, call, official):
    people = [reviewer(n) for n in range(4)]
    _more_applications(call, official, people, 4, 0)
    other_call = evaluation_call(slug="toinen")
    client.force_login(people[0])

    def grow():
        _more_applications(call, official, people, 4, 4)
        _more_applications(other_call, official, people, 4, 8)

    _same_queries(client, reverse("reviews:mine"), grow)
    assert Review.objects.filter(reviewer=people[0]).count() == 12


def test_the_assignment_page_runs_a_constant_number_of_queries(client, call, official):
    people = [reviewer(n) for n in range(4)]
    _more_applications(call, official, people, 2, 0)
    client.force_login(official)
    _same_queries(client, reverse("reviews:assignments", args=[call.pk]),
                  lambda: _more_applications(call, official, people, 5, 2))  # fmt: skip
    _same_queries(client, reverse("reviews:declarations", args=[call.pk]),
                  lambda: _more_applications(call, official, people, 3, 7))  # fmt: skip
