from datetime import datetime

import pytest
import time_machine

from kannustin.programmes.models import Call, Question, QuestionSet

from .conftest import helsinki_time, make_call, make_maturity_model, make_programme

LIST = "/api/v1/calls/"


def detail_url(call):
    return f"/api/v1/calls/{call.pk}/"


def test_list_content(client, summer_call, winter_call):
    with time_machine.travel(helsinki_time(2019, 9, 10, 12, 0), tick=False):
        body = client.get(LIST).json()
    assert body["count"] == 3
    by_slug = {item["slug"]: item for item in body["items"]}
    item = by_slug["applications-2019"]
    assert item == {
        "id": summer_call.pk,
        "programme": {
            "slug": "kannustin-2019",
            "year": 2019,
            "name_fi": "Digitalisation incentive (fi)",
            "name_sv": "Digitalisation incentive (sv)",
            "name_en": "Digitalisation incentive (en)",
        },
        "track": {
            "number": 1,
            "kind": "applications",
            "name_fi": "Track 1 (fi)",
            "name_sv": "Track 1 (sv)",
            "name_en": "Track 1 (en)",
        },
        "stage": "application",
        "slug": "applications-2019",
        "title_fi": "Call applications-2019 (fi)",
        "title_sv": "Call applications-2019 (sv)",
        "title_en": "Call applications-2019 (en)",
        "opens_at": "2019-08-01T08:00:00+03:00",
        "closes_at": "2019-09-19T16:15:00+03:00",
        "state": "open",
        "is_open": True,
        "max_aid_share": "0.850",
        "url": "http://testserver/en/programmes/kannustin-2019/calls/applications-2019/",
    }
    assert by_slug["joint-2019"]["state"] == "upcoming"
    assert by_slug["proposals-2019"]["state"] == "closed"
    # In the order they open.
    assert [i["slug"] for i in body["items"]] == ["applications-2019", "proposals-2019", "joint-2019"]


def test_offsets_in_summer_and_winter(client, winter_call):
    body = client.get(detail_url(winter_call)).json()
    assert body["opens_at"] == "2019-11-13T08:00:00+02:00"
    assert body["closes_at"] == "2019-12-19T16:15:00+02:00"
    assert body["max_aid_share"] == "0.800"
    summer = client.get(LIST).json()["items"][0]
    assert summer["closes_at"] == "2019-09-19T16:15:00+03:00"
    # The same instant as stored in UTC.
    assert datetime.fromisoformat(summer["closes_at"]) == Call.objects.get(slug="applications-2019").closes_at


@pytest.mark.parametrize(
    ("moment", "state"),
    [
        (helsinki_time(2019, 7, 31, 23, 59), "upcoming"),
        (helsinki_time(2019, 8, 1, 8, 0), "open"),
        (helsinki_time(2019, 9, 19, 16, 14, 59), "open"),
        (helsinki_time(2019, 9, 19, 16, 15), "closed"),  # the closing instant is already late
    ],
)
def test_state_follows_the_clock(client, summer_call, moment, state):
    with time_machine.travel(moment, tick=False):
        item = client.get(LIST).json()["items"][0]
        detail = client.get(detail_url(summer_call)).json()
    assert (item["state"], item["is_open"]) == (state, state == "open")
    assert (detail["state"], detail["is_open"]) == (state, state == "open")


def test_filters(client, summer_call, winter_call):
    other = make_programme(slug="other")
    make_call(
        other, winter_call.track, slug="elsewhere"
    )  # a track of another programme is fine for filtering
    with time_machine.travel(helsinki_time(2019, 9, 10, 12, 0), tick=False):
        assert client.get(LIST).json()["count"] == 4
        assert [i["slug"] for i in client.get(LIST, {"programme": "other"}).json()["items"]] == ["elsewhere"]
        open_now = client.get(LIST, {"state": "open"}).json()["items"]
        assert {i["slug"] for i in open_now} == {"applications-2019", "elsewhere"}
        assert [i["slug"] for i in client.get(LIST, {"state": "upcoming"}).json()["items"]] == ["joint-2019"]
        assert [i["slug"] for i in client.get(LIST, {"state": "closed"}).json()["items"]] == [
            "proposals-2019"
        ]
    response = client.get(LIST, {"state": "soon"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "state"


def test_unpublished_calls_and_programmes_are_hidden(client, summer_call, winter_call):
    Call.objects.filter(pk=winter_call.pk).update(is_published=False)
    assert winter_call.slug not in [i["slug"] for i in client.get(LIST).json()["items"]]
    response = client.get(detail_url(winter_call))
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"

    summer_call.programme.is_published = False
    summer_call.programme.save()
    assert client.get(LIST).json()["count"] == 0
    assert client.get(detail_url(summer_call)).status_code == 404


@pytest.mark.parametrize("path", ["999999/", "0/", "-1/", "abc/", "99999999999999999999999999/"])
def test_unknown_call_is_404_json(client, summer_call, path):
    response = client.get(LIST + path)
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_detail_content(client, summer_call):
    body = client.get(detail_url(summer_call)).json()
    assert body["id"] == summer_call.pk
    assert body["previous_stage"] is None
    assert body["vat_eligible"] is False
    assert body["project_starts_from"] == "2019-11-21"
    assert body["project_ends_by"] == "2021-11-30"
    assert (body["min_grant"], body["max_grant"]) == ("10000.00", "2000000.00")
    assert body["attachments"] == {"max_count": 10, "max_size_mb": 10}
    assert body["maturity_required"] is True

    question_set = body["question_set"]
    assert question_set["version"] == 1
    assert [q["key"] for q in question_set["questions"]] == ["q1", "q2", "size", "budget"]
    q1 = question_set["questions"][0]
    assert q1 == {
        "key": "q1",
        "type": "text",
        "section": "project",
        "order": 1,
        "label_fi": "Question 1 (fi)",
        "label_sv": "Question 1 (sv)",
        "label_en": "Question 1 (en)",
        "help_fi": "Help 1 (fi)",
        "help_sv": "Help 1 (sv)",
        "help_en": "Help 1 (en)",
        "required": True,
        "max_length": 2000,
        "min_value": None,
        "max_value": None,
        "options": [],
        "criterion": "C1",
        "min_count": None,
        "max_count": None,
        "answer_schema": {"type": "string", "maxLength": 2000},
    }
    assert question_set["purpose"] == "application"
    assert [(s["key"], s["kind"], s["required"]) for s in question_set["sections"]] == [
        ("project", "questions", True), ("budget", "budget", True), ("maturity", "maturity", True),
    ]  # fmt: skip
    size = question_set["questions"][2]
    assert size["type"] == "choice"
    assert size["criterion"] is None
    assert size["options"] == [
        {"key": "small", "label_fi": "Pieni", "label_sv": "Liten", "label_en": "Small"},
        {"key": "large", "label_fi": "Suuri", "label_sv": "Stor", "label_en": "Large"},
    ]
    budget = question_set["questions"][3]
    assert (budget["min_value"], budget["max_value"], budget["required"]) == ("0.00", "2000000.00", False)

    assert body["criteria"][0] == {
        "code": "C1",
        "order": 1,
        "title_fi": "Criterion 1 (fi)",
        "title_sv": "Criterion 1 (sv)",
        "title_en": "Criterion 1 (en)",
        "description_fi": "What C1 means (fi)",
        "description_sv": "What C1 means (sv)",
        "description_en": "What C1 means (en)",
        "weight": "2.00",
        "emphasised": True,
        "is_scored": True,
    }
    assert [c["code"] for c in body["criteria"]] == ["C1", "C2"]
    assert body["scoring"]["score_min"] == 0
    assert body["scoring"]["score_max"] == 5
    assert [level["value"] for level in body["scoring"]["levels"]] == [0, 1, 2, 3, 4, 5]
    assert body["scoring"]["levels"][5]["label_sv"] == "Score 5 (sv)"
    assert body["cost_categories"] == [
        {
            "key": f"cost-{i}",
            "order": i,
            "name_fi": f"Cost {i} (fi)",
            "name_sv": f"Cost {i} (sv)",
            "name_en": f"Cost {i} (en)",
            "help_fi": "",
            "help_sv": "",
            "help_en": "",
        }
        for i in (1, 2)
    ]

    model = body["maturity_model"]
    assert model["name_en"] == "Maturity model (en)"
    assert [level["value"] for level in model["levels"]] == [1, 2, 3, 4, 5]
    assert model["levels"][0]["name_sv"] == "Level 1 (sv)"
    assert [d["key"] for d in model["dimensions"]] == ["dim-1", "dim-2"]
    dimension = model["dimensions"][1]
    assert dimension["description_fi"] == "About dimension 2 (fi)"
    assert [d["level"] for d in dimension["descriptors"]] == [1, 2, 3, 4, 5]
    assert dimension["descriptors"][2] == {
        "level": 3,
        "text_fi": "Dimension 2 at level 3 (fi)",
        "text_sv": "Dimension 2 at level 3 (sv)",
        "text_en": "Dimension 2 at level 3 (en)",
    }


def test_detail_of_second_stage(client, winter_call):
    body = client.get(detail_url(winter_call)).json()
    assert body["stage"] == "joint_application"
    assert body["previous_stage"] == winter_call.previous_stage_id
    assert body["maturity_model"] is None
    assert body["min_grant"] is None


def test_detail_shows_the_current_question_set_version(client, summer_call):
    newer = summer_call.question_sets.get().new_version(note="typo fixed")
    Question.objects.filter(question_set=newer, key="q1").update(label_en="Question one, fixed")
    body = client.get(detail_url(summer_call)).json()
    assert body["question_set"]["version"] == 2
    assert body["question_set"]["questions"][0]["label_en"] == "Question one, fixed"


def test_call_without_questions(client, summer_call):
    QuestionSet.objects.filter(call=summer_call).delete()
    assert client.get(detail_url(summer_call)).json()["question_set"] is None


def test_list_query_count_is_constant(client, programme, tracks, django_assert_num_queries):
    make_call(programme, tracks[0], slug="call-0")
    with django_assert_num_queries(1):
        assert client.get(LIST).json()["count"] == 1
    for i in range(1, 12):
        make_call(programme, tracks[i % 2], slug=f"call-{i}", questions=0, criteria=0, cost_categories=0)
    with django_assert_num_queries(1):
        assert client.get(LIST).json()["count"] == 12


def test_detail_query_count_is_constant(client, programme, tracks, django_assert_num_queries):
    small = make_call(programme, tracks[0], slug="small", questions=1, criteria=1, cost_categories=1,
                      maturity_model=make_maturity_model(dimensions=1, levels=2))  # fmt: skip
    large = make_call(programme, tracks[0], slug="large", questions=40, criteria=10, cost_categories=8,
                      maturity_model=make_maturity_model(dimensions=7, levels=5))  # fmt: skip
    # call, criteria, scale, cost categories, maturity levels, dimensions, descriptors, question set, sections,
    # questions
    with django_assert_num_queries(10):
        assert len(client.get(detail_url(small)).json()["question_set"]["questions"]) == 1
    with django_assert_num_queries(10):
        body = client.get(detail_url(large)).json()
    assert len(body["question_set"]["questions"]) == 40
    assert len(body["maturity_model"]["dimensions"]) == 7
