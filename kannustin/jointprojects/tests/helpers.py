"""Building track 2 for tests: the demo round (its real forms: proposals, joint applications, the workshop),
proposals written and submitted through the same actions as the pages use."""

from kannustin.applications import actions
from kannustin.core import clock
from kannustin.programmes import setup
from kannustin.programmes.models import Call, Workshop

TEXTS = {
    "p1_ways_of_working": "Palveluprosessit sujuvoituvat ja asukkaat asioivat verkossa.",
    "p2_goals": "Yhteinen ratkaisu käytössä kaikissa kunnissa.",
    "p3_significance": "Tulokset hyödyttävät koko kuntakenttää.",
    "p4_cost_savings": "Säästöjä syntyy yhteisistä hankinnoista.",
    "p5_risks": "Aikataulu on tiukka; varaudumme vaiheistuksella.",
}


def demo_track2() -> dict:
    """The demo round (every stage open around today) and its track-2 calls and workshop."""
    programme = setup.create_demo_programme(clock.helsinki(clock.now()).date())
    proposal_call = programme.calls.get(stage=Call.Stage.PROPOSAL)
    joint_call = programme.calls.get(stage=Call.Stage.JOINT_APPLICATION)
    workshop = Workshop.objects.get(track=proposal_call.track)
    return {
        "programme": programme,
        "proposal_call": proposal_call,
        "joint_call": joint_call,
        "workshop": workshop,
    }


def write_proposal(call, organisation, user, *, title="Sähköinen asiointi", summary="Yhteinen asiointipalvelu.",
                   topics=("eservices",), texts=None, submit=True):  # fmt: skip
    """A proposal of `organisation` with every required answer, submitted by `user` (a signatory)."""
    proposal = actions.create_draft(call, organisation, by=user)
    answers = {"title": title, "summary": summary, "topics": list(topics), "national_goals": ["customer_oriented"],
               **(texts or TEXTS)}  # fmt: skip
    proposal = actions.save(
        proposal, by=user, version=proposal.version,
        changes={"answers": answers, "contacts": [{"name": "Sanna Esimerkki", "email": "sanna@example.com"}]},
    )  # fmt: skip
    if submit:
        proposal = actions.submit(proposal, by=user)
    return proposal


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def answer_for(question, call):
    """A valid answer to any question of the demo's joint-application form."""
    from datetime import timedelta

    start = clock.helsinki(call.closes_at).date() + timedelta(days=60)
    if question.key == "start_date":
        return start.isoformat()
    if question.key == "end_date":
        return (start + timedelta(days=365)).isoformat()
    if question.type == "choice":
        return next(o["key"] for o in question.options if not o.get("refuses"))
    if question.type == "multiple_choice":
        return ["none"] if question.key == "excluded_fields" else [question.options[0]["key"]]
    if question.type == "text":
        return f"Vastaus: {question.label_fi}"[: question.max_length or 500]
    return None


def complete_joint_application(application, user, *, shares=None, agreement=True):
    """Every answer and part of a joint application, written by the administrator's `user`. `shares`:
    {organisation identifier: amount} (default: the eligible 100 000 € split evenly)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from kannustin.applications.tests.helpers import rate_maturity

    call = application.call
    answers = {}
    for question in application.questions():
        if question.required or question.key in ("excluded_fields",):
            value = answer_for(question, call)
            if value is not None:
                answers[question.key] = value
    participants = application.participant_rows()
    total = 100000
    if shares is None:
        each = total // len(participants)
        shares = {p.organisation.identifier: each for p in participants}
        shares[participants[0].organisation.identifier] += total - each * len(participants)
    year = clock.helsinki(call.closes_at).year + 1
    application = actions.save(
        application, by=user, version=application.version,
        changes={
            "answers": answers,
            "budget": [{"category": "personnel", "year": year, "description": "Projektipäällikkö", "amount": f"{total}.00"}],
            "requested_amount": "85000.00",
            "contacts": [{"name": "Sanna Esimerkki", "email": "sanna@example.com"}],
            "indicators": [{"name": "Asiointiaika", "baseline": "10 pv", "target": "2 pv", "follow_up": "Kuukausittain"}],
            "participants": [
                {"organisation": p.organisation.identifier, "budget_share": f"{shares[p.organisation.identifier]}.00"}
                for p in participants
            ],
            "participants_confirmed": True,
        },
    )  # fmt: skip
    if agreement:
        application = type(application).objects.get(pk=application.pk)
        actions.add_attachment(
            application, SimpleUploadedFile("sopimus.pdf", PDF), by=user, document="agreement",
            description="Sopimus",
        )  # fmt: skip
    rate_maturity(application.organisation, call, user)
    return type(application).objects.get(pk=application.pk)


TOPIC_WORDS = {
    "eservices": (
        "Sähköinen asiointi ja verkkopalvelut asukkaille",
        "asiointi verkkopalvelu lomake chat ajanvaraus",
    ),
    "contract_management": (
        "Yhteinen sopimushallinta",
        "sopimus sopimushallinta hankinta toimittaja valvonta",
    ),
    "materials_logistics": (
        "Kuljetusten ja logistiikan optimointi",
        "kuljetus logistiikka reitti materiaali varasto",
    ),
    "automation": ("Ohjelmistorobotiikka taloushallintoon", "robotiikka automaatio tekoäly prosessi lasku"),
}


def bulk_proposals(call, count: int, *, by, interests_each: int = 2) -> list:
    """`count` submitted proposals of distinct municipalities, written straight to the database (for sizes:
    query counts and benchmarks), each with `interests_each` expressions of interest."""
    from kannustin.applications.models import Application, Participant
    from kannustin.registry.models import Organisation

    from ..models import Interest

    municipalities = list(Organisation.objects.municipalities().in_classification(2019).order_by("code"))
    question_set = call.current_question_set()
    topics = list(TOPIC_WORDS)
    now = clock.now()
    rows = []
    start = Application.objects.filter(call=call).count()
    for index in range(start, start + count):
        topic = topics[index % len(topics)]
        title, words = TOPIC_WORDS[topic]
        rows.append(
            Application(
                call=call, question_set=question_set, organisation=municipalities[index % len(municipalities)],
                status="submitted", created_by=by, updated_by=by, submitted_by=by, submitted_at=now,
                case_number=f"TEST/{call.pk}/{index}",
                answers={"title": f"{title} {index}", "summary": f"{words} {index}", "topics": [topic],
                         "national_goals": ["productivity"], **{k: f"{v} {words}" for k, v in TEXTS.items()}},
            )
        )  # fmt: skip
    made = Application.objects.bulk_create(rows)
    Participant.objects.bulk_create(
        Participant(application=a, organisation_id=a.organisation_id, role="lead", confirmed_at=now)
        for a in made
    )
    Interest.objects.bulk_create(
        Interest(call=call, proposal=a, organisation=municipalities[(i + k + 1) % len(municipalities)],
                 kind="partner", created_by=by)
        for i, a in enumerate(made) for k in range(interests_each)
    )  # fmt: skip
    return made
