"""The public page about the open data: what the datasets are, their licence, fields and addresses."""

from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from . import opendata

# (field in the JSON, column in the CSV, meaning, example)
FIELDS = [
    ("id", "Identifier", _("Stable identifier of the grant: the prefix 360G-vm-kannustin- and the case number."),
     "360G-vm-kannustin-VM-123-2019"),
    ("title", "Title", _("Name of the project; “Project of <municipality>” when the name is a business secret."),
     "Digital services for residents"),
    ("description", "Description", _("The applicant's summary of the project, unless it is a business secret."),
     ""),
    ("currency", "Currency", _("Currency of the amounts."), "EUR"),
    ("amountAppliedFor", "Amount Applied For", _("The amount the applicant applied for."), "85000"),
    ("amountAwarded", "Amount Awarded", _("The largest amount granted by the decision in force."), "80000"),
    ("awardDate", "Award Date", _("The date the decision was signed."), "2019-11-15"),
    ("plannedDates", "Planned Dates:Start Date / End Date", _("The period in which the grant may be used."),
     "2019-12-01 – 2021-12-31"),
    ("recipientOrganization", "Recipient Org:Identifier / Name",
     _("The lead applicant: FI-PRO- and its Business ID, or 360G-vm-kannustin-kunta- and its municipality code."),
     "FI-PRO-0201256-6"),
    ("fundingOrganization", "Funding Org:Identifier / Name", _("The Ministry of Finance."), "FI-PRO-0245439-9"),
    ("grantProgramme", "Grant Programme:Code / Title", _("The programme the grant was made under."), ""),
    ("beneficiaryLocation", "Beneficiary Location:Name / Geographic Code / Region",
     _("The municipalities of the project with their Statistics Finland codes, and the lead's region."),
     "Helsinki, 091"),
    ("classifications", "Track / Topics / Call:Code",
     _("The track of the programme, the call, and the topics the project declared."), "1"),
]  # fmt: skip


def open_data(request):
    """Public: describes the open datasets and links to them."""
    return render(
        request,
        "reports/open_data.html",
        {
            "fields": FIELDS,
            "license_url": opendata.LICENSE,
            "prefix": opendata.PREFIX,
            "funder_id": opendata.MINISTRY["id"],
            "grants_json": "/api/v1/open/grants.json",
            "grants_csv": "/api/v1/open/grants.csv",
            "summary_json": "/api/v1/open/summary.json",
        },
    )
