"""Building applications for tests: a call with a small form, and a complete application."""

from datetime import date, datetime, timedelta

from kannustin.core import clock
from kannustin.maturity import services as maturity
from kannustin.programmes.models import Question
from kannustin.programmes.tests.factories import make_programme

from .. import actions


def make_call(*, opens_at: datetime | None = None, closes_at: datetime | None = None, slug="testi"):
    """A call (track 1 style) with basics questions, one criterion question, a cost category and a maturity model."""
    programme, call = make_programme(slug=slug)
    if opens_at or closes_at:
        call.opens_at = opens_at or call.opens_at
        call.closes_at = closes_at or call.closes_at
    call.project_ends_by = date(call.closes_at.year + 2, 11, 30)
    call.save()
    question_set = call.current_question_set()
    for order, (key, kind, limit, required) in enumerate(
        [
            ("project_name", "text", 200, True),
            ("summary", "text", 1500, True),
            ("start_date", "date", None, True),
            ("end_date", "date", None, True),
        ]  # fmt: skip
    ):
        Question(
            question_set=question_set, key=key, type=kind, max_length=limit, required=required, section="basics",
            order=order, label_fi=key, label_sv=key, label_en=key,
        ).save(bypass_lock=True)  # fmt: skip
    Question.objects.filter(question_set=question_set, key="g1_impact").update(order=10)
    return call


def rate_maturity(organisation, call, user):
    structure = maturity.structure_for(call)
    ratings = {key: {"current": 2, "target": 4} for key in structure.keys}
    return maturity.save_ratings(organisation, call, ratings, by=user, service_process="Laskujen käsittely")


def complete_application(application, user, *, requested="8500.00", amount="10000.00"):
    """Fill every part so the application can be submitted."""
    year = application.call.opens_at.year
    start = clock.helsinki(application.call.closes_at).date() + timedelta(days=30)
    application = actions.save(
        application,
        by=user,
        version=application.version,
        changes={
            "answers": {
                "project_name": "Tiedolla johtamisen kehittäminen",
                "summary": "Automatisoidaan talouden raportointi.",
                "start_date": start.isoformat(),
                "end_date": (start + timedelta(days=365)).isoformat(),
                "g1_impact": "Säästää työaikaa.",
            },
            "budget": [
                {"category": "personnel", "year": year, "description": "Projektipäällikkö", "amount": amount}
            ],
            "requested_amount": requested,
            "contacts": [{"name": "Sanna", "email": "sanna@example.com"}],
            "indicators": [
                {"name": "Käsittelyaika", "baseline": "10 pv", "target": "2 pv", "follow_up": "Kuukausittain"}
            ],
            "participants_confirmed": True,
        },
    )
    rate_maturity(application.organisation, application.call, user)
    return application
