"""Open data: the funded projects as a 360Giving package (JSON) and a flat CSV, and counts per call of all
applications. Public, so everything about an application comes from `public_view` / `listable` (business
secrets left out); nothing personal is published. A fixed number of queries at any size.

Identifiers (see docs/open-data.md):
- grant: `360G-vm-kannustin-` + the case number made safe for an identifier (e.g. `VM-123-2019`);
- organisations: `FI-PRO-<Business ID>` (org-id.guide's list for the Finnish Trade Register / Business
  Information System), else a municipality by its code as `360G-vm-kannustin-kunta-<code>`, else
  `360G-vm-kannustin-org-<internal id>`;
- the funder: the Ministry of Finance, `FI-PRO-0245439-9`.
"""

import csv
import io
import re
from collections import defaultdict
from decimal import Decimal

from django.db.models import Count, OuterRef, Prefetch, Q, Subquery, Sum

from kannustin.applications.models import Application, Participant, Status
from kannustin.applications.presentation import listable, public_view
from kannustin.core import clock
from kannustin.decisions.models import Decision
from kannustin.programmes.models import Call, Question

SCHEMA_VERSION = "1.4"
LICENSE = "https://creativecommons.org/licenses/by/4.0/"
PREFIX = "360G-vm-kannustin-"
ORG_PREFIX = "FI-PRO-"
MUNICIPALITY_PREFIX = PREFIX + "kunta-"
OTHER_ORG_PREFIX = PREFIX + "org-"
MINISTRY = {"id": ORG_PREFIX + "0245439-9", "name": "Valtiovarainministeriö / Ministry of Finance"}
PUBLISHER = {
    "identifier": MINISTRY["id"],
    "name": MINISTRY["name"],
    "website": "https://vm.fi/",
}
# Said instead of what an applicant marked as a business secret (the grant schema requires both fields).
SECRET_DESCRIPTION = "The description of this project is not public (business secret)."

CSV_FIELDS = [
    "Identifier", "Title", "Description", "Currency", "Amount Applied For", "Amount Awarded", "Award Date",
    "Planned Dates:Start Date", "Planned Dates:End Date", "Recipient Org:Identifier", "Recipient Org:Name",
    "Other Participants:Identifiers", "Other Participants:Names", "Funding Org:Identifier", "Funding Org:Name",
    "Grant Programme:Code", "Grant Programme:Title", "Call:Code", "Call:Title",
    "Beneficiary Location:Name", "Beneficiary Location:Geographic Code", "Beneficiary Location:Region",
    "Beneficiary Location:Region Code", "Track", "Topics", "Decision Number",
]  # fmt: skip


def _safe(value: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", value).strip("-")


def organisation_id(organisation) -> str:
    if organisation.business_id:
        return ORG_PREFIX + organisation.business_id
    if organisation.code:
        return MUNICIPALITY_PREFIX + organisation.code
    return f"{OTHER_ORG_PREFIX}{organisation.pk}"


def grant_id(application) -> str:
    return PREFIX + (_safe(application.case_number) if application.case_number else f"app-{application.pk}")


def _published(queryset):
    return queryset.filter(call__is_published=True, call__programme__is_published=True)


def funded_applications() -> list:
    """Applications whose decision in force (the latest sent one) grants money, with that decision's terms
    annotated; organisations, participants, attachments and calls loaded in the same fixed set of queries."""
    latest = Decision.objects.filter(application=OuterRef("pk"), state=Decision.State.SENT).order_by(
        "-sent_at", "-pk"
    )
    fields = ("outcome", "amount", "number", "signed_at", "sent_at", "period_starts", "period_ends")
    return list(
        _published(Application.objects.filter(status=Status.GRANTED))
        .annotate(**{f"decision_{name}": Subquery(latest.values(name)[:1]) for name in fields})
        .filter(decision_outcome=Decision.Outcome.GRANTED)
        .select_related("call", "call__programme", "call__track", "organisation", "organisation__region")
        .prefetch_related(
            Prefetch(
                "participants",
                queryset=Participant.objects.select_related("organisation").order_by("order", "pk"),
                to_attr="_participants",
            ),
            "attachments",
        )
        .order_by("call__programme_id", "call__opens_at", "call_id", "case_number", "pk")
    )


def _questions(applications) -> dict:
    by_set = defaultdict(list)
    for question in Question.objects.filter(
        question_set__in={a.question_set_id for a in applications}
    ).select_related("criterion"):
        by_set[question.question_set_id].append(question)
    return by_set


def _date(value) -> str | None:
    if value is None:
        return None
    if hasattr(value, "hour"):
        return clock.helsinki(value).date().isoformat()
    return value.isoformat()


def _number(amount) -> int | float | None:
    if amount is None:
        return None
    amount = Decimal(amount)
    return int(amount) if amount == amount.to_integral_value() else float(amount)


def _topics(view) -> list[dict]:
    """The topics the application declared, when its answer is public."""
    for answer in view.answers:
        question = answer["question"]
        if question.key != "topics":
            continue
        labels = {option.get("key"): option for option in question.options or []}
        chosen = (view.source.answers or {}).get("topics") or []
        result = []
        for key in chosen:
            option = labels.get(key) or {}
            title = option.get("label_en") or option.get("label_fi") or str(key)
            result.append({"vocabulary": "kannustin-topics", "code": str(key), "title": title})
        return result
    return []


def grant(application, questions) -> dict:
    """One funded project as a 360Giving grant."""
    view = public_view(application, questions)
    call, programme, track = application.call, application.call.programme, application.call.track
    lead = view.lead
    named = listable(application.confidential_keys) and bool(view.title)
    municipality = lead.name_fi
    title = view.title if named else f"Project of {municipality}"
    description = view.summary if named and view.summary else SECRET_DESCRIPTION
    planned = {}
    if application.decision_period_starts:
        planned["startDate"] = _date(application.decision_period_starts)
    if application.decision_period_ends:
        planned["endDate"] = _date(application.decision_period_ends)
    location = {"name": municipality, "countryCode": "FI"}
    if lead.code:
        location.update(id=MUNICIPALITY_PREFIX + lead.code, geoCode=lead.code, geoCodeType="KUNTA")
    if lead.region is not None:
        location["description"] = f"Region: {lead.region.name_fi} ({lead.region.code})"
    result = {
        "id": grant_id(application),
        "title": title,
        "description": description,
        "currency": "EUR",
        "amountAwarded": _number(application.decision_amount),
        "awardDate": _date(application.decision_signed_at or application.decision_sent_at),
        "recipientOrganization": [{"id": organisation_id(lead), "name": lead.name_fi}],
        "fundingOrganization": [dict(MINISTRY)],
        "grantProgramme": [
            {"code": programme.slug, "title": programme.name_fi},
        ],
        "beneficiaryLocation": [location],
        "fromOpenCall": "Yes",
        "classifications": [
            {
                "vocabulary": "kannustin-track",
                "code": str(track.number),
                "title": track.name_en or track.name_fi,
            },
            {"vocabulary": "kannustin-call", "code": f"{programme.slug}/{call.slug}", "title": call.title_fi},
            *_topics(view),
        ],
    }
    if view.requested_amount is not None:
        result["amountAppliedFor"] = _number(view.requested_amount)
    if planned:
        result["plannedDates"] = [planned]
    if view.partners:
        result["beneficiaryLocation"] += [
            {
                "name": partner.name_fi,
                "countryCode": "FI",
                **(
                    {
                        "id": MUNICIPALITY_PREFIX + partner.code,
                        "geoCode": partner.code,
                        "geoCodeType": "KUNTA",
                    }
                    if partner.code
                    else {}
                ),
            }
            for partner in view.partners
        ]
    result["_partners"] = view.partners
    result["_decision_number"] = application.decision_number or ""
    result["_region"] = lead.region
    return result


def _grants() -> list[dict]:
    applications = funded_applications()
    questions = _questions(applications)
    return [grant(application, questions[application.question_set_id]) for application in applications]


def _public(grant: dict) -> dict:
    return {key: value for key, value in grant.items() if not key.startswith("_")}


def package(download_url: str = "", access_url: str = "") -> dict:
    """The 360Giving package of every funded project."""
    now = clock.now()
    return {
        "version": SCHEMA_VERSION,
        "title": "Kannustin: grants of the Ministry of Finance's incentive programme for municipal digitalisation",
        "description": (
            "Every funded project (the decision in force grants money) of the published calls of Kannustin, "
            "the Ministry of Finance's grant service. Parts that applicants marked as business secrets are "
            "left out. Updated live."
        ),
        "identifier": PREFIX + "grants",
        "issued": clock.helsinki(now).isoformat(),
        "modified": clock.helsinki(now).isoformat(),
        "publisher": dict(PUBLISHER),
        "license": LICENSE,
        **({"downloadURL": download_url} if download_url else {}),
        **({"accessURL": access_url} if access_url else {}),
        "grants": [_public(g) for g in _grants()],
    }


def grants_csv() -> str:
    """The same facts flattened, one row per grant; UTF-8 with a byte order mark (for Excel)."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_FIELDS)
    for g in _grants():
        planned = (g.get("plannedDates") or [{}])[0]
        lead_location = g["beneficiaryLocation"][0]
        region = g["_region"]
        topics = [c["code"] for c in g["classifications"] if c["vocabulary"] == "kannustin-topics"]
        track = next(c for c in g["classifications"] if c["vocabulary"] == "kannustin-track")
        call = next(c for c in g["classifications"] if c["vocabulary"] == "kannustin-call")
        writer.writerow(
            [
                g["id"], g["title"], g["description"], g["currency"], g.get("amountAppliedFor", ""),
                g["amountAwarded"], g["awardDate"], planned.get("startDate", ""), planned.get("endDate", ""),
                g["recipientOrganization"][0]["id"], g["recipientOrganization"][0]["name"],
                ";".join(organisation_id(p) for p in g["_partners"]),
                ";".join(p.name_fi for p in g["_partners"]),
                g["fundingOrganization"][0]["id"], g["fundingOrganization"][0]["name"],
                g["grantProgramme"][0]["code"], g["grantProgramme"][0]["title"], call["code"], call["title"],
                lead_location["name"], lead_location.get("geoCode", ""), region.name_fi if region else "",
                region.code if region else "", track["code"], ";".join(topics), g["_decision_number"],
            ]
        )  # fmt: skip
    return out.getvalue()


def summary() -> dict:
    """Counts per published call of all submitted applications: received, granted, rejected, the total
    requested and the total granted (by the decisions in force). No personal data, no application content."""
    latest = Decision.objects.filter(application=OuterRef("pk"), state=Decision.State.SENT).order_by(
        "-sent_at", "-pk"
    )
    granted_amounts = dict(
        _published(Application.objects.filter(status=Status.GRANTED))
        .annotate(
            decision_amount=Subquery(latest.values("amount")[:1]),
            decision_outcome=Subquery(latest.values("outcome")[:1]),
        )
        .filter(decision_outcome=Decision.Outcome.GRANTED)
        .values("call_id")
        .annotate(total=Sum("decision_amount"))
        .values_list("call_id", "total")
    )
    counts = {
        row["call_id"]: row
        for row in _published(Application.objects.submitted())
        .values("call_id")
        .annotate(
            received=Count("pk"),
            granted=Count("pk", filter=Q(status=Status.GRANTED)),
            rejected=Count("pk", filter=Q(status=Status.REJECTED)),
            requested=Sum("requested_amount"),
        )
        .order_by()
    }
    calls = Call.objects.filter(pk__in=counts.keys()).select_related("programme", "track")
    rows = []
    for call in calls.order_by("programme_id", "opens_at", "pk"):
        row = counts[call.pk]
        rows.append(
            {
                "programme": call.programme.slug,
                "call": call.slug,
                "title": call.title_fi,
                "track": call.track.number,
                "received": row["received"],
                "granted": row["granted"],
                "rejected": row["rejected"],
                "requested_total": str(row["requested"] or Decimal("0.00")),
                "granted_total": str(granted_amounts.get(call.pk) or Decimal("0.00")),
            }
        )
    return {
        "title": "Kannustin: applications per call",
        "license": LICENSE,
        "publisher": MINISTRY["name"],
        "currency": "EUR",
        "generated": clock.helsinki(clock.now()).isoformat(),
        "calls": rows,
    }
