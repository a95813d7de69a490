"""The data migration from one organisation plus co-applicants to participants, run on a database written in
the previous shape (the schema of applications 0002): nothing is lost, every count adds up."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from kannustin.accounts.roles import Role
from kannustin.core import clock
from kannustin.registry.models import Organisation

from .helpers import make_call

BEFORE = [("applications", "0002_receipt")]
AFTER = [("applications", "0003_participants")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_lead_and_co_applicants_become_participants_without_loss(user_factory):
    from kannustin.registry.reference_data import load_reference_data

    load_reference_data()
    call = make_call()  # programmes and registry are at their latest; only applications goes back
    signatory = user_factory(Role.SIGNATORY, Organisation.objects.get(code="091"))
    # Going back unapplies the apps that depend on applications too (joint projects): forward again, every app.
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        old = migrate(BEFORE)
        Application = old.get_model("applications", "Application")
        CompletionRequest = old.get_model("applications", "CompletionRequest")
        codes = ["091", "049", "092", "853", "545", "287"]
        orgs = {o.code: o.pk for o in Organisation.objects.filter(code__in=codes)}
        plans = [
            ("091", []),
            ("049", ["092"]),
            ("853", ["545", "287", "091"]),
            ("092", ["092"]),
        ]  # the last names itself
        now = clock.now()
        for lead, partners in plans:
            application = Application.objects.create(
                call_id=call.pk, question_set_id=call.current_question_set().pk, organisation_id=orgs[lead],
                language="fi", created_by_id=signatory.pk, updated_by_id=signatory.pk, answers={},
                co_applicants_confirmed=True, status="submitted", submitted_at=now,
            )  # fmt: skip
            application.co_applicants.set([orgs[code] for code in partners])
            if lead == "049":
                CompletionRequest.objects.create(application=application, requested_by_id=signatory.pk, message="x",
                                                 sections=["budget", "co_applicants"], due_at=now)  # fmt: skip
        expected_partners = sum(len([c for c in partners if c != lead]) for lead, partners in plans)

        new = migrate(AFTER)
        Application = new.get_model("applications", "Application")
        Participant = new.get_model("applications", "Participant")
        CompletionRequest = new.get_model("applications", "CompletionRequest")
        assert Application.objects.count() == len(plans)
        assert Participant.objects.filter(role="lead").count() == len(plans)
        assert Participant.objects.filter(role="partner").count() == expected_partners == 4
        for lead, partners in plans:
            application = Application.objects.get(organisation_id=orgs[lead])
            rows = Participant.objects.filter(application=application).order_by("order")
            # The lead first; the co-applicants (a set before: no order to keep) after it.
            assert (rows[0].organisation_id, rows[0].role) == (orgs[lead], "lead")
            assert sorted((r.organisation_id, r.role) for r in rows[1:]) == sorted(
                (orgs[code], "partner") for code in partners if code != lead
            )
            lead_row = rows[0]
            assert (
                lead_row.confirmed_at == application.created_at and lead_row.confirmed_by_id == signatory.pk
            )
            assert all(r.confirmed_at is None and r.added_by_id == signatory.pk for r in rows[1:])
            assert application.participants_confirmed
        assert CompletionRequest.objects.get().sections == ["budget", "participants"]
    finally:
        migrate(latest)
