"""Partner matching: similar proposals across Finnish and Swedish, and clusters that follow the topics."""

import pytest
from sklearn.metrics import adjusted_rand_score

from kannustin.accounts.roles import Role
from kannustin.applications.models import Application
from kannustin.registry.models import Organisation

from .. import matching
from .helpers import TEXTS, write_proposal

pytestmark = pytest.mark.django_db

TOPICS = {
    "contract_management": [
        (
            "Sopimushallinnan yhteinen järjestelmä",
            "Kunnat ottavat käyttöön yhteisen sopimushallinnan järjestelmän "
            "ja sähköisen sopimusarkiston; sopimusten valvonta ja hankintasopimusten seuranta paranevat.",
            "fi",
        ),
        (
            "Sopimusten elinkaaren hallinta",
            "Hankintasopimusten ja toimittajasopimusten seuranta sopimushallinnan "
            "järjestelmässä; sopimuskauden päättymisestä tulee muistutus.",
            "fi",
        ),
        (
            "Gemensam avtalshantering",
            "Kommunerna inför ett gemensamt system för avtalshantering och "
            "uppföljning av upphandlingsavtal; avtalens giltighet och leverantörer syns.",
            "sv",
        ),
    ],
    "materials_logistics": [
        (
            "Kuljetusten reittioptimointi",
            "Koulukuljetusten ja kotihoidon reittien optimointi; logistiikka ja "
            "kuljetusreitit suunnitellaan algoritmilla ja kilometrit vähenevät.",
            "fi",
        ),
        (
            "Materiaalilogistiikan keskittäminen",
            "Varastojen ja materiaalien logistiikka keskitetään; kuljetukset "
            "ja reitit optimoidaan yhteisellä logistiikkajärjestelmällä.",
            "fi",
        ),
        (
            "Optimering av transporter och logistik",
            "Skoltransporternas rutter och materiallogistiken optimeras; "
            "logistiksystemet planerar transporterna.",
            "sv",
        ),
    ],
}


@pytest.fixture
def proposals(track2, user_factory):
    made = {}
    municipalities = iter(Organisation.objects.municipalities().in_classification(2019).order_by("code")[:20])
    for topic, items in TOPICS.items():
        for title, summary, language in items:
            organisation = next(municipalities)
            proposal = write_proposal(
                track2["proposal_call"], organisation, user_factory(Role.SIGNATORY, organisation),
                title=title, summary=summary, topics=[topic], texts=dict.fromkeys(TEXTS, summary),
            )  # fmt: skip
            Application.objects.filter(pk=proposal.pk).update(language=language)
            made[proposal.pk] = topic
    matching._in_process.clear()
    return made


def test_similar_proposals_are_those_of_the_same_topic_in_either_language(proposals):
    for pk, topic in proposals.items():
        proposal = Application.objects.select_related("call").get(pk=pk)
        ranked = matching.similar_proposals(proposal, limit=2, min_score=0)
        assert [proposals[other] for other, _score in ranked] == [topic, topic], proposal.title
        assert pk not in [other for other, _score in ranked]


def test_a_proposal_of_the_same_organisation_is_not_suggested(track2, proposals):
    proposal = Application.objects.select_related("call").get(pk=next(iter(proposals)))
    sibling = write_proposal(track2["proposal_call"], proposal.organisation, proposal.created_by,
                             title=proposal.answers["title"], summary=proposal.answers["summary"])  # fmt: skip
    assert sibling.pk not in [pk for pk, _ in matching.similar_proposals(proposal, limit=10, min_score=0)]


def test_what_is_marked_as_a_business_secret_does_not_enter_the_text():
    answers = {"title": "Julkinen", "p4_cost_savings": "Salainen laskelma"}
    assert matching.proposal_text(answers, ["p4_cost_savings"]) == "Julkinen"


@pytest.mark.parametrize("topic_weight", [matching.TOPIC_WEIGHT, 0])
def test_suggested_clusters_follow_the_topics(track2, proposals, topic_weight):
    clusters = matching.suggest_clusters(track2["proposal_call"], list(TOPICS), topic_weight=topic_weight)
    assert sorted(len(c["proposals"]) for c in clusters) == [3, 3]
    found = {pk: number for number, cluster in enumerate(clusters) for pk in cluster["proposals"]}
    assert adjusted_rand_score([proposals[pk] for pk in found], list(found.values())) == 1.0
    assert {c["topic"] for c in clusters} == set(TOPICS)


def test_after_a_change_pages_go_on_with_the_previous_model_while_it_is_refitted(
    track2, proposals, user_factory, monkeypatch
):
    call = track2["proposal_call"]
    before = matching.model(call)
    queued = []
    refit_task = matching.refit_matching

    class Queue:
        @staticmethod
        def enqueue(call_id):
            queued.append(call_id)

    monkeypatch.setattr(matching, "refit_matching", Queue)
    organisation = Organisation.objects.get(code="853")
    newcomer = write_proposal(call, organisation, user_factory(Role.SIGNATORY, organisation), title="Uusi")
    assert matching.model(call) is before and newcomer.pk not in before["index"]
    assert matching.model(call) is before
    assert queued == [call.pk]  # once per change
    # A proposal missing from the model is still compared, by its own text.
    newcomer = Application.objects.select_related("call").get(pk=newcomer.pk)
    assert matching.similar_proposals(newcomer, min_score=0)
    refit_task.call(call.pk)
    assert newcomer.pk in matching.model(call)["index"]
    # The officials' clusters always seat every proposal.
    assert newcomer.pk in {pk for c in matching.suggest_clusters(call, list(TOPICS)) for pk in c["proposals"]}
