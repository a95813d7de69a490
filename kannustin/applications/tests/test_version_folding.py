"""Versions that scale: one person's consecutive autosaves that nobody else has seen fold into one version;
every submitted state, every state another person saw and every conflict's versions stay."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse

from kannustin.accounts.roles import Role
from kannustin.core import clock

from .. import actions
from ..models import ApplicationVersion
from .helpers import complete_application, make_call

pytestmark = pytest.mark.django_db


@pytest.fixture
def signatory(helsinki, user_factory):
    return user_factory(Role.SIGNATORY, helsinki)


@pytest.fixture
def applicant(helsinki, user_factory):
    return user_factory(Role.APPLICANT, helsinki, email="applicant-2@example.com")


@pytest.fixture
def draft(helsinki, signatory):
    return actions.create_draft(make_call(), helsinki, by=signatory)


def versions(application) -> list[tuple[int, dict, int]]:
    rows = ApplicationVersion.objects.filter(application=application).order_by("version")
    return [(row.version, row.data["answers"], row.folded) for row in rows]


def autosave(application, user, **answers):
    return actions.save(application, by=user, version=application.version, changes={"answers": answers})


def test_one_persons_quick_autosaves_fold_into_one_version(draft, signatory):
    draft = autosave(draft, signatory, summary="a")
    draft = autosave(draft, signatory, summary="ab")
    draft = autosave(draft, signatory, summary="abc")
    assert draft.version == 4  # the version still counts every save: a client's version stays meaningful
    assert versions(draft) == [(1, {}, 0), (4, {"summary": "abc"}, 2)]


def test_autosaves_further_apart_than_the_window_are_kept(draft, signatory, settings):
    now = clock.now()
    with time_machine.travel(now, tick=False):
        draft = autosave(draft, signatory, summary="a")
    with time_machine.travel(now + timedelta(seconds=settings.VERSION_FOLD_SECONDS + 1), tick=False):
        draft = autosave(draft, signatory, summary="ab")
    assert [v for v, _a, _f in versions(draft)] == [1, 2, 3]


def test_at_most_a_dozen_autosaves_make_one_version(draft, signatory, settings):
    for n in range(settings.VERSION_FOLD_MAX + 1):
        draft = autosave(draft, signatory, summary="x" * (n + 1))
    assert [(v, f) for v, _a, f in versions(draft)] == [
        (1, 0), (settings.VERSION_FOLD_MAX + 1, settings.VERSION_FOLD_MAX - 1), (settings.VERSION_FOLD_MAX + 2, 0)
    ]  # fmt: skip


def test_a_state_another_person_saw_is_kept(client, draft, signatory, applicant):
    draft = autosave(draft, signatory, summary="luonnos")
    client.force_login(applicant)
    assert client.get(reverse("applications:overview", args=[draft.pk])).status_code == 200
    draft = autosave(draft, signatory, summary="luonnos 2")
    assert [a for _v, a, _f in versions(draft)] == [{}, {"summary": "luonnos"}, {"summary": "luonnos 2"}]


def test_reading_ones_own_autosave_does_not_keep_it(client, draft, signatory):
    draft = autosave(draft, signatory, summary="a")
    client.force_login(signatory)
    client.get(reverse("applications:overview", args=[draft.pk]))
    draft = autosave(draft, signatory, summary="ab")
    assert [v for v, _a, _f in versions(draft)] == [1, 3]


def test_another_persons_save_is_not_folded_into(draft, signatory, applicant):
    draft = autosave(draft, signatory, summary="a")
    draft = autosave(draft, applicant, project_name="B")
    draft = autosave(draft, signatory, summary="ab")
    assert [v for v, _a, _f in versions(draft)] == [1, 2, 3, 4]


def test_the_submitted_state_is_kept(draft, signatory):
    draft = complete_application(draft, signatory)
    draft = actions.submit(draft, by=signatory)
    submitted = ApplicationVersion.objects.get(application=draft, version=draft.version)
    assert submitted.kept and submitted.data["status"] == "submitted"
    assert submitted.data["answers"] == draft.answers


def test_a_tab_holding_a_folded_version_gets_the_conflict_page_not_a_silent_merge(draft, signatory):
    draft = autosave(draft, signatory, summary="a")
    folded_away = draft.version
    draft = autosave(draft, signatory, summary="ab")
    with pytest.raises(actions.VersionConflict):
        actions.save(draft, by=signatory, version=folded_away, changes={"answers": {"project_name": "X"}})


def test_folding_can_be_turned_off(draft, signatory, settings):
    settings.VERSION_FOLD_SECONDS = 0
    draft = autosave(draft, signatory, summary="a")
    draft = autosave(draft, signatory, summary="ab")
    assert [v for v, _a, _f in versions(draft)] == [1, 2, 3]


def test_the_version_a_conflict_was_against_is_kept(draft, signatory):
    # Two tabs of one person: the second is told of a conflict, then saves over it. The state it was told of
    # is not folded away by that save.
    draft = autosave(draft, signatory, summary="ensimmäinen välilehti")
    seen_in_conflict = draft.version
    with pytest.raises(actions.VersionConflict):
        actions.save(draft, by=signatory, version=1, changes={"answers": {"summary": "toinen välilehti"}})
    draft = actions.save(draft, by=signatory, version=seen_in_conflict,
                         changes={"answers": {"summary": "toinen välilehti"}})  # fmt: skip
    assert [a for _v, a, _f in versions(draft)] == [
        {}, {"summary": "ensimmäinen välilehti"}, {"summary": "toinen välilehti"}
    ]  # fmt: skip
