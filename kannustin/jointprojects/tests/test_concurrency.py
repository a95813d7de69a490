"""Two partners of a joint application saving at the same moment, in two threads with their own database
connections: different parts both stay; the same answer gives one success and one conflict, and nothing is
lost (the loser's value is still in its hands to save again)."""

import threading

import pytest
from django.db import connection

from kannustin.accounts.roles import Role
from kannustin.applications import actions
from kannustin.applications.models import Application
from kannustin.registry.models import Organisation

from .. import services
from .helpers import complete_joint_application, demo_track2, write_proposal

pytestmark = [
    pytest.mark.django_db(transaction=True),
    # SQLite's shared in-memory test database refuses a second writer at once ("table is locked") instead of
    # waiting: two real writers need PostgreSQL, where CI runs the whole suite too.
    pytest.mark.skipif(connection.vendor != "postgresql", reason="two writers at once need PostgreSQL"),
]


@pytest.fixture
def joint(reference_data, user_factory):
    track = demo_track2()
    helsinki, espoo = Organisation.objects.get(code="091"), Organisation.objects.get(code="049")
    lead, partner = user_factory(Role.SIGNATORY, helsinki), user_factory(Role.SIGNATORY, espoo)
    proposal = write_proposal(track["proposal_call"], helsinki, lead)
    services.accept_interest(services.register_interest(proposal, espoo, by=partner, kind="partner"), by=lead)
    application = services.start_joint_application(track["joint_call"], [proposal], helsinki, by=lead)
    actions.decide_participation(application.participants.get(organisation=espoo), by=partner, confirm=True)
    application = complete_joint_application(Application.objects.get(pk=application.pk), lead)
    return application, lead, partner


def at_once(*saves):
    """Run the saves in threads released together; each result is the saved version or the exception."""
    barrier = threading.Barrier(len(saves))
    results = [None] * len(saves)

    def run(index, save):
        try:
            barrier.wait(timeout=10)
            results[index] = save()
        except Exception as exc:  # noqa: BLE001 (the outcome is what the test looks at)
            results[index] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, save)) for i, save in enumerate(saves)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


def test_different_parts_saved_at_the_same_moment_both_stay(joint):
    application, lead, partner = joint
    seen = application.version

    def save(user, changes):
        return lambda: actions.save(
            Application.objects.get(pk=application.pk), by=user, version=seen, changes=changes
        )

    results = at_once(
        save(lead, {"answers": {"summary": "Hallinnoijan tiivistelmä"}}),
        save(partner, {"contacts": [{"name": "Erkki Esbo", "email": "erkki@espoo.example"}]}),
    )
    assert all(isinstance(result, Application) for result in results), results
    fresh = Application.objects.get(pk=application.pk)
    assert fresh.answers["summary"] == "Hallinnoijan tiivistelmä"
    assert list(fresh.contacts.values_list("email", flat=True)) == ["erkki@espoo.example"]
    assert fresh.version == seen + 2


def test_the_same_answer_saved_at_the_same_moment_gives_one_success_and_one_conflict(joint):
    application, lead, partner = joint
    seen = application.version

    def save(user, summary):
        return lambda: actions.save(
            Application.objects.get(pk=application.pk),
            by=user,
            version=seen,
            changes={"answers": {"summary": summary}},
        )

    results = at_once(save(lead, "Hallinnoijan versio"), save(partner, "Kumppanin versio"))
    saved = [r for r in results if isinstance(r, Application)]
    conflicts = [r for r in results if isinstance(r, actions.VersionConflict)]
    assert len(saved) == 1 and len(conflicts) == 1, results
    assert Application.objects.get(pk=application.pk).answers["summary"] == saved[0].answers["summary"]
    assert Application.objects.get(pk=application.pk).version == seen + 1
