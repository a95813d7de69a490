"""The benchmark's data: the 2019 programme and a current round, users of every role, and applications at a
chosen size.

`build()` makes the base: reference data, both programmes, users, the 185 realistic 2019 applications, and
two applications made through the same actions as the pages (a complete draft of the measured municipal user
and a submitted application with a completion-request round for the ministry's pages). `grow()` copies the
2019 applications (with their budgets, contacts, indicators, co-applicants, attachments, saved versions and
self-assessments) until the database holds the wanted number; `shrink()` deletes copies and 2019 applications
until it holds fewer. The measured applications are never copied or deleted, so every size measures the same
pages of the same applications.
"""

import random
import re
from dataclasses import dataclass, field
from datetime import timedelta

from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP
from django.db import connection, transaction
from django.db.models import Exists, OuterRef

from kannustin.accounts.models import ApiToken, GlobalRole, Membership, User
from kannustin.accounts.roles import MINISTRY_ROLES, Role
from kannustin.applications import actions, completeness, validation
from kannustin.applications.models import (
    Application,
    ApplicationVersion,
    Attachment,
    BudgetLine,
    CaseNumberCounter,
    CompletionRequest,
    ContactPerson,
    Indicator,
    Participant,
    Status,
)
from kannustin.core import clock
from kannustin.core.models import Notification, OutboundEmail
from kannustin.demo.applications import plan_application, seed_applications_2019, tiny_pdf, track_1_call
from kannustin.maturity import services as maturity
from kannustin.maturity.models import SelfAssessment
from kannustin.programmes import setup
from kannustin.registry.models import Organisation
from kannustin.registry.reference_data import load_reference_data

# The measured municipal user is a signatory of Hämeenlinna, which also has a 2019 application (with a frozen
# self-assessment that has comparison groups); the ministry's pages show a submitted application of Närpes.
ORG_A = "109"
ORG_B = "545"
# How many applications the measured user's organisation has in the large database (the dashboard's size).
ORG_A_APPLICATIONS = 50
BENCH_PASSWORD = "bench-password-not-secret-1"
BENCH_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
ISO_DATE = re.compile(r"^(\d{4})(-\d{2}-\d{2})$")


@dataclass
class World:
    programme_2019: object
    demo: object
    call_2019: object
    call_demo: object
    org_a: Organisation
    org_b: Organisation
    users: dict
    token: str
    draft: Application
    submitted: Application
    # Applications the benchmark made by copying, newest last; shrink() deletes these first.
    copies: list[int] = field(default_factory=list)
    # Outbox rows made by the benchmark (one receipt per submitted application), kept in step with the size.
    emails: dict[int, int] = field(default_factory=dict)

    @property
    def protected(self) -> set[int]:
        """Applications that every size keeps: the measured ones and organisation A's own 2019 application."""
        own_2019 = Application.objects.filter(organisation=self.org_a, call=self.call_2019).order_by("pk")
        first = own_2019.values_list("pk", flat=True).first()
        return {self.draft.pk, self.submitted.pk} | ({first} if first else set())


# --- users ---------------------------------------------------------------------------------------------------


def make_user(role: str, organisation: Organisation | None = None) -> User:
    """A verified user with the role; ministry users get a TOTP authenticator, as the second-factor middleware
    asks for one (signing in with force_login skips the code itself)."""
    email = f"{role}-{organisation.code if organisation else 'vm'}@bench.example.fi"
    user = User.objects.create_user(email=email, password=BENCH_PASSWORD, name=role.replace("_", " ").title())
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    if role in MINISTRY_ROLES:
        GlobalRole.objects.create(user=user, role=role)
        if role == Role.ADMIN:
            user.is_staff = user.is_superuser = True
            user.save()
        TOTP.activate(user, BENCH_TOTP_SECRET)
    else:
        Membership.objects.create(user=user, organisation=organisation, role=role)
    return user


def make_users(org_a: Organisation, org_b: Organisation) -> dict:
    users = {
        "applicant_a": make_user(Role.APPLICANT, org_a),
        "signatory_a": make_user(Role.SIGNATORY, org_a),
        "signatory_b": make_user(Role.SIGNATORY, org_b),
    }
    for role in MINISTRY_ROLES:
        users[str(role)] = make_user(role)
    return users


# --- the measured applications ---------------------------------------------------------------------------


def _plan(call, organisation, seed: str):
    rng = random.Random(seed)
    question_set = call.current_question_set()
    questions = list(question_set.questions.select_related("criterion").order_by("order", "id"))
    categories = list(call.cost_categories.order_by("order", "key").values_list("key", flat=True))
    structure = maturity.structure_for(call)
    partners = list(
        Organisation.objects.municipalities()
        .in_classification(2019)
        .filter(region_id=organisation.region_id)
        .exclude(pk=organisation.pk)
        .order_by("code")[:2]
    )
    plan = plan_application(
        rng, call, questions, organisation, partners=partners, categories=categories, structure=structure,
        used_titles=set(),
    )  # fmt: skip
    total = sum(line["amount"] for line in plan.budget)
    plan.requested = validation.max_grant_for(call, total)
    return plan


def _complete(call, organisation, user, seed: str) -> Application:
    """A complete application written the way a user writes one: three saves, a PDF, the self-assessment."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    plan = _plan(call, organisation, seed)
    application = actions.create_draft(call, organisation, by=user)
    basics = {k: v for k, v in plan.answers.items() if k in {"project_name", "summary"}}
    answers = {k: v for k, v in plan.answers.items() if v not in ("", [], None)}
    for changes in (
        {"answers": basics},
        {"answers": answers, "indicators": plan.indicators, "contacts": plan.contacts},
        {
            "budget": [{**line, "amount": str(line["amount"])} for line in plan.budget],
            "requested_amount": str(plan.requested),
            "participants": [o.identifier for o in plan.co_applicants],
            "participants_confirmed": True,
        },
    ):
        application = actions.save(application, by=user, version=application.version, changes=changes)
    pdf = tiny_pdf(["Projektisuunnitelma", plan.answers.get("project_name", "")])
    actions.add_attachment(application, SimpleUploadedFile("projektisuunnitelma.pdf", pdf), by=user)
    application.refresh_from_db()
    maturity.save_ratings(organisation, call, plan.ratings, by=user, service_process=plan.service_process)
    return application


def make_submitted_with_history(call, organisation, signatory, official) -> Application:
    """Submitted, asked to complete its budget, completed and resubmitted: a ministry page with history."""
    application = _complete(call, organisation, signatory, "bench-submitted")
    application = actions.submit(application, by=signatory)
    actions.request_completion(
        application,
        by=official,
        message="Täsmentäkää henkilöstökulujen laskentaperuste.",
        sections=["budget"],
        due_at=clock.now() + timedelta(days=14),
    )
    application = Application.objects.get(pk=application.pk)
    lines = [
        {"category": b.category, "year": b.year, "description": b.description or "", "amount": str(b.amount)}
        for b in application.budget_lines.all()
    ]
    lines[0]["description"] = (lines[0]["description"] + " (laskentaperuste: 0,5 htv)")[:300]
    application = actions.save(
        application, by=signatory, version=application.version, changes={"budget": lines}
    )
    return actions.submit(application, by=signatory)


# --- the base ------------------------------------------------------------------------------------------------


def build(log=print) -> World:
    today = clock.helsinki(clock.now()).date()
    load_reference_data()
    programme_2019 = setup.create_programme_2019()
    setup.create_site_pages()
    setup.create_faq(programme_2019)
    demo = setup.create_demo_programme(today)
    setup.create_faq(demo)
    org_a = Organisation.objects.get(code=ORG_A)
    org_b = Organisation.objects.get(code=ORG_B)
    users = make_users(org_a, org_b)
    log("  seeding the 185 applications of 2019 …")
    seed_applications_2019(programme_2019)
    call_2019, call_demo = track_1_call(programme_2019), track_1_call(demo)

    log("  writing the measured draft and the submitted application through the actions …")
    draft = _complete(call_demo, org_a, users["signatory_a"], "bench-draft")
    missing = completeness.missing_for_submit(draft)
    if missing:
        log(f"  note: the measured draft is not complete: {[m['code'] for m in missing]}")
    submitted = make_submitted_with_history(call_demo, org_b, users["signatory_b"], users["official"])
    Notification.objects.bulk_create(
        Notification(
            user=users["signatory_a"],
            subject=f"Ilmoitus {n}: hakemuksen tila muuttui",
            body="Hakemuksenne tila on muuttunut. Katso tiedot asiointipalvelusta.",
            url=f"/applications/{draft.pk}/",
        )
        for n in range(15)
    )
    _token, raw = ApiToken.issue(users["signatory_a"], "bench")
    return World(
        programme_2019=programme_2019, demo=demo, call_2019=call_2019, call_demo=call_demo, org_a=org_a,
        org_b=org_b, users=users, token=raw, draft=draft, submitted=submitted,
    )  # fmt: skip


# --- changing the size ------------------------------------------------------------------------------------


def _shift_years(value, years: int):
    if isinstance(value, str) and (match := ISO_DATE.match(value)):
        return f"{int(match.group(1)) + years}{match.group(2)}"
    return value


def _case_numbers(prefix: str, year: int, count: int) -> list[str]:
    counter, _created = CaseNumberCounter.objects.select_for_update().get_or_create(prefix=prefix, year=year)
    first = counter.last + 1
    counter.last += count
    counter.save(update_fields=["last"])
    return [f"{prefix}/{n}/{year}" for n in range(first, first + count)]


def _copy_specs(world: World, count: int, rng: random.Random) -> list[dict]:
    """Where each copy goes: organisation, call, status. Organisation A's dashboard gets its mix of drafts,
    submitted applications, open completion requests and a withdrawal first."""
    have_a = Application.objects.filter(organisation=world.org_a).count()
    for_a = max(0, min(count, ORG_A_APPLICATIONS - have_a))
    a_statuses = [Status.COMPLETION_REQUESTED] * 2 + [Status.WITHDRAWN]
    specs = []
    for index in range(for_a):
        if index < len(a_statuses):
            specs.append({"organisation": world.org_a, "call": world.call_2019, "status": a_statuses[index]})
        else:
            draft = index % 3 == 0
            call = world.call_demo if draft or index % 3 == 1 else world.call_2019
            specs.append(
                {
                    "organisation": world.org_a,
                    "call": call,
                    "status": Status.DRAFT if draft else Status.SUBMITTED,
                }
            )
    others = list(
        Organisation.objects.municipalities()
        .in_classification(2019)
        .exclude(pk=world.org_a.pk)
        .order_by("code")
    )
    for _index in range(count - for_a):
        roll = rng.random()
        call = world.call_2019 if roll < 0.6 else world.call_demo
        status = Status.DRAFT if roll >= 0.85 else Status.SUBMITTED
        specs.append({"organisation": rng.choice(others), "call": call, "status": status})
    return specs


@transaction.atomic
def grow(world: World, total: int, rng: random.Random | None = None) -> int:
    """Copy the 2019 applications until the database holds `total` applications. Returns how many were made."""
    rng = rng or random.Random(1000)
    count = total - Application.objects.count()
    if count <= 0:
        return 0
    originals = list(
        Application.objects.filter(call=world.call_2019)
        .exclude(pk__in=world.protected)
        .exclude(pk__in=world.copies)
        .prefetch_related("budget_lines", "contacts", "indicators", "participants", "attachments")
        .order_by("pk")
    )
    versions = {
        v.application_id: v.data
        for v in ApplicationVersion.objects.filter(application__in=originals).order_by(
            "application", "version"
        )
    }
    ratings = {
        a.organisation_id: a
        for a in SelfAssessment.objects.filter(call=world.call_2019, organisation__in=[o.organisation_id for o in originals])
    }  # fmt: skip
    official = world.users["official"]
    now = clock.now()
    question_sets = {call.pk: call.current_question_set() for call in (world.call_2019, world.call_demo)}
    specs = _copy_specs(world, count, rng)
    for spec, original in zip(specs, (originals[i % len(originals)] for i in range(count)), strict=True):
        spec["original"] = original
        spec["years"] = (
            clock.helsinki(spec["call"].opens_at).year - clock.helsinki(original.call.opens_at).year
        )

    numbered = [s for s in specs if s["status"] != Status.DRAFT]
    for call in (world.call_2019, world.call_demo):
        mine = [s for s in numbered if s["call"].pk == call.pk]
        if mine:
            year = clock.helsinki(call.closes_at if call.pk == world.call_2019.pk else now).year
            for spec, number in zip(
                mine, _case_numbers(call.case_number_prefix, year, len(mine)), strict=True
            ):
                spec["case_number"] = number

    applications = []
    for spec in specs:
        original, call, status = spec["original"], spec["call"], spec["status"]
        if status == Status.DRAFT:
            submitted_at = None
        elif call.pk == world.call_2019.pk:
            submitted_at = original.submitted_at + timedelta(minutes=rng.randint(-600, 600))
        else:
            submitted_at = call.opens_at + (now - call.opens_at) * rng.random()
        answers = {k: _shift_years(v, spec["years"]) for k, v in original.answers.items()}
        application = Application(
            call=call,
            question_set=question_sets[call.pk],
            organisation=spec["organisation"],
            status=status,
            language=original.language,
            version=1,
            answers=answers,
            confidential_keys=original.confidential_keys,
            requested_amount=original.requested_amount,
            participants_confirmed=True,
            case_number=spec.get("case_number"),
            created_by=original.created_by,
            updated_by=original.created_by,
            submitted_at=submitted_at,
            submitted_by=original.submitted_by if submitted_at else None,
        )
        if status == Status.WITHDRAWN:
            application.withdrawn_at = now - timedelta(days=rng.randint(1, 30))
            application.withdrawal_reason = "Hanke toteutetaan osana maakunnallista hanketta."
        spec["application"] = application
        applications.append(application)
    Application.objects.bulk_create(applications)

    for spec in specs:
        app, original = spec["application"], spec["original"]
        base = app.submitted_at or (now - timedelta(days=rng.randint(1, 10)))
        app.created_at = base - timedelta(days=rng.uniform(0.5, 30))
        app.updated_at = base
    Application.objects.bulk_update(applications, ["created_at", "updated_at"], batch_size=500)

    def copied(model, related, **extra):
        rows = []
        for spec in specs:
            for row in getattr(spec["original"], related).all():
                values = {
                    f.attname: getattr(row, f.attname)
                    for f in model._meta.concrete_fields
                    if not f.primary_key and f.attname != "application_id"
                }
                values.update({k: fn(spec, row) for k, fn in extra.items()})
                rows.append(model(application_id=spec["application"].pk, **values))
        model.objects.bulk_create(rows, batch_size=1000)

    copied(BudgetLine, "budget_lines", year=lambda spec, row: row.year + spec["years"])
    copied(ContactPerson, "contacts")
    copied(Indicator, "indicators")
    copied(Attachment, "attachments")
    participants = []
    for spec in specs:
        app = spec["application"]
        participants.append(Participant(application_id=app.pk, organisation_id=spec["organisation"].pk,
                                        role=Participant.Role.LEAD, order=0, confirmed_at=app.created_at))  # fmt: skip
        partners = [p for p in spec["original"].participants.all() if p.role == Participant.Role.PARTNER]
        for order, partner in enumerate(partners, start=1):
            if partner.organisation_id != spec["organisation"].pk:
                participants.append(Participant(application_id=app.pk, organisation_id=partner.organisation_id,
                                                role=Participant.Role.PARTNER, order=order,
                                                confirmed_at=partner.confirmed_at))  # fmt: skip
    Participant.objects.bulk_create(participants, batch_size=1000)
    ApplicationVersion.objects.bulk_create(
        (
            ApplicationVersion(
                application_id=spec["application"].pk,
                version=1,
                saved_by=spec["original"].created_by,
                data={**versions.get(spec["original"].pk, {}), "status": spec["status"]},
            )
            for spec in specs
        ),
        batch_size=500,
    )
    CompletionRequest.objects.bulk_create(
        CompletionRequest(
            application=spec["application"],
            requested_by=official,
            message="Täydentäkää talousarvion perustelut.",
            sections=["budget"],
            due_at=now + timedelta(days=10),
        )
        for spec in specs
        if spec["status"] == Status.COMPLETION_REQUESTED
    )

    # One self-assessment per organisation and call, as in life; copies into a call where the organisation
    # has none bring the original's ratings along, frozen with the copy when it is submitted.
    taken = set(SelfAssessment.objects.values_list("organisation_id", "call_id"))
    assessments = []
    for spec in specs:
        key = (spec["organisation"].pk, spec["call"].pk)
        source = ratings.get(spec["original"].organisation_id)
        if key in taken or source is None:
            continue
        taken.add(key)
        app = spec["application"]
        assessments.append(
            SelfAssessment(
                organisation=spec["organisation"],
                call=spec["call"],
                service_process=source.service_process,
                ratings=source.ratings,
                version=1,
                created_by=source.created_by,
                updated_by=source.created_by,
                created_at=app.created_at,
                updated_at=app.created_at,
                frozen_at=app.submitted_at,
                frozen_with=app.pk if app.submitted_at else None,
            )  # fmt: skip
        )
    SelfAssessment.objects.bulk_create(assessments, batch_size=500)
    world.copies.extend(app.pk for app in applications)
    sync_outbox(world)
    return len(applications)


@transaction.atomic
def shrink(world: World, total: int) -> int:
    """Delete copies first, then 2019 applications, until `total` remain. Returns how many were deleted."""
    count = Application.objects.count() - total
    if count <= 0:
        return 0
    protected = world.protected
    order = list(reversed(world.copies)) + list(
        Application.objects.exclude(pk__in=world.copies)
        .exclude(pk__in=protected)
        .order_by("-pk")
        .values_list("pk", flat=True)
    )
    doomed = order[:count]
    Application.objects.filter(pk__in=doomed).delete()
    # Self-assessments go with their applications: frozen with a deleted one, or of an organisation that no
    # longer has an application in that call.
    SelfAssessment.objects.filter(frozen_with__in=doomed).delete()
    SelfAssessment.objects.exclude(
        Exists(Application.objects.filter(organisation=OuterRef("organisation"), call=OuterRef("call")))
    ).delete()
    gone = set(doomed)
    world.copies = [pk for pk in world.copies if pk not in gone]
    sync_outbox(world)
    return len(doomed)


def sync_outbox(world: World) -> None:
    """One receipt email per submitted application in the outbox, as submissions leave behind."""
    submitted = dict(
        Application.objects.submitted().exclude(pk__in=world.protected).values_list("pk", "case_number")
    )
    stale = [pk for app, pk in world.emails.items() if app not in submitted]
    OutboundEmail.objects.filter(pk__in=stale).delete()
    world.emails = {app: pk for app, pk in world.emails.items() if app in submitted}
    missing = [(app, case) for app, case in submitted.items() if app not in world.emails]
    now = clock.now()
    emails = [
        OutboundEmail(
            to=[f"hakija{app}@kunta.example.fi"],
            from_email="Kannustin <kannustin@vm.example.fi>",
            subject=f"Kannustin: hakemuksenne {case} on vastaanotettu",
            body="Hakemuksenne on vastaanotettu. Liitteenä kopio hakemuksesta.\n" * 20,
            status=OutboundEmail.Status.GAVE_UP if app % 97 == 0 else OutboundEmail.Status.SENT,
            attempts=5 if app % 97 == 0 else 1,
            sent_at=None if app % 97 == 0 else now,
            last_error="Connection refused" if app % 97 == 0 else "",
        )
        for app, case in missing
    ]
    OutboundEmail.objects.bulk_create(emails, batch_size=500)
    world.emails.update({app: email.pk for (app, _case), email in zip(missing, emails, strict=True)})


def analyse() -> None:
    """Fresh planner statistics after bulk changes, as autovacuum would give a live database."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def sizes_summary(world: World) -> dict:
    return {
        "applications": Application.objects.count(),
        "submitted": Application.objects.submitted().count(),
        "measured_organisation": Application.objects.filter(organisation=world.org_a).count(),
        "self_assessments": SelfAssessment.objects.count(),
        "outbox": OutboundEmail.objects.count(),
        "budget_lines": BudgetLine.objects.count(),
    }
