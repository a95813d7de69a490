"""Response shapes of the API. Money, shares and weights are decimal strings ("0.850", "2000000.00"), never
floats; times are ISO 8601 in Finnish time with the offset (2019-09-19T16:15:00+03:00)."""

from datetime import date, datetime
from typing import Annotated, Literal

from ninja import Field, Schema

DecimalString = Annotated[
    str,
    Field(pattern=r"^-?[0-9]+(\.[0-9]+)?$", json_schema_extra={"format": "decimal"}, examples=["0.850"]),
]


# Errors ------------------------------------------------------------------------------------------------


class ErrorOut(Schema):
    code: str = Field(description="Stable machine-readable code, e.g. not_authenticated, not_found.")
    detail: str = Field(description="Explanation for people, in the language of Accept-Language (fi/sv/en).")


class FieldErrorOut(Schema):
    field: str = Field(description="The parameter or field, e.g. classification.")
    location: str = Field(description="Where it was sent: query, path, body, header.")
    message: str
    type: str = Field(description="Stable error type, e.g. literal_error, string_pattern_mismatch.")


class ValidationErrorOut(ErrorOut):
    errors: list[FieldErrorOut]


# The caller ----------------------------------------------------------------------------------------------


class OrganisationRefOut(Schema):
    id: int
    kind: str
    code: str | None = Field(description="Municipality code (three digits), for municipalities.")
    business_id: str | None
    name_fi: str
    name_sv: str
    name_en: str


class MembershipOut(Schema):
    organisation: OrganisationRefOut
    role: Literal["applicant", "signatory"]


class MeOut(Schema):
    email: str
    name: str
    language: Literal["fi", "sv", "en"]
    ministry_roles: list[str] = Field(
        description="Codes: official, reviewer, presenter, decision_maker, admin.", examples=[["official"]]
    )
    memberships: list[MembershipOut]


# Municipalities ------------------------------------------------------------------------------------------


class RegionOut(Schema):
    code: str = Field(examples=["01"])
    name_fi: str
    name_sv: str
    name_en: str


class LanguageStatusOut(Schema):
    code: int = Field(ge=0, le=3, description="Statistics Finland's code 0–3.")
    key: Literal["finnish", "bilingual_finnish_majority", "swedish", "bilingual_swedish_majority"]
    label_fi: str
    label_sv: str
    label_en: str


class MunicipalityOut(Schema):
    code: str = Field(examples=["091"])
    business_id: str | None
    name_fi: str
    name_sv: str
    name_en: str
    region: RegionOut | None
    language_status: LanguageStatusOut | None
    population: int | None
    population_date: date | None
    in_2019: bool = Field(description="In Statistics Finland's classification of 1 January 2019.")
    in_2026: bool = Field(description="In Statistics Finland's classification of 1 January 2026.")
    merged_into: str | None = Field(description="Code of the municipality this one merged into.")
    merged_on: date | None


class MunicipalityDetailOut(MunicipalityOut):
    merged_from: list[str] = Field(description="Codes of municipalities that merged into this one.")
    attribution: str
    license: str


class MunicipalityListOut(Schema):
    attribution: str = Field(
        examples=["Municipality classification and population: © Statistics Finland, CC BY 4.0"]
    )
    license: str
    count: int
    items: list[MunicipalityOut]


# Calls ---------------------------------------------------------------------------------------------------


class ProgrammeRefOut(Schema):
    slug: str
    name_fi: str
    name_sv: str
    name_en: str
    year: int


class TrackRefOut(Schema):
    number: int
    kind: Literal["applications", "joint_projects"]
    name_fi: str
    name_sv: str
    name_en: str


class CallOut(Schema):
    id: int
    programme: ProgrammeRefOut
    track: TrackRefOut
    stage: Literal["application", "proposal", "joint_application"]
    slug: str
    title_fi: str
    title_sv: str
    title_en: str
    opens_at: datetime = Field(
        description="Finnish time with offset.", examples=["2019-08-01T08:00:00+03:00"]
    )
    closes_at: datetime = Field(
        description="Finnish time with offset.", examples=["2019-09-19T16:15:00+03:00"]
    )
    state: Literal["upcoming", "open", "closed"]
    is_open: bool
    max_aid_share: DecimalString = Field(description="Largest share of eligible costs the grant may cover.")
    url: str = Field(description="The call's public page.")


class CallListOut(Schema):
    count: int
    items: list[CallOut]


class OptionOut(Schema):
    key: str
    label_fi: str
    label_sv: str
    label_en: str


class QuestionOut(Schema):
    key: str
    type: str = Field(
        description="The question type's code: text, number, money, date, choice, multiple_choice, "
        "municipalities, organisations, file; `answer_schema` says what an answer of this question looks like.",
        examples=["text"],
    )
    section: str
    order: int
    label_fi: str
    label_sv: str
    label_en: str
    help_fi: str
    help_sv: str
    help_en: str
    required: bool
    max_length: int | None
    min_value: DecimalString | None
    max_value: DecimalString | None
    options: list[OptionOut]
    criterion: str | None = Field(
        description="Code of the evaluation criterion the answer is scored against."
    )
    min_count: int | None = Field(description="For lists of organisations: at least this many.")
    max_count: int | None = Field(description="For lists of organisations: at most this many.")
    answer_schema: dict = Field(description="JSON Schema of an answer to this question, as PATCH takes it.")


class SectionOut(Schema):
    key: str = Field(
        description="Questions name their section by this key; a structured part's key is its kind."
    )
    kind: str = Field(
        description="`questions`, or the structured part: indicators, participants, contacts, budget, "
        "attachments, confidentiality, maturity."
    )
    order: int
    title_fi: str
    title_sv: str
    title_en: str
    required: bool = Field(description="Must be complete before the form can be sent.")
    options: dict = Field(
        description="Settings of a structured part, e.g. min_municipalities for participants."
    )


class QuestionSetOut(Schema):
    version: int
    purpose: str = Field(description="application, proposal or expression_of_interest.")
    sections: list[SectionOut] = Field(description="The parts of the form, in order.")
    questions: list[QuestionOut]


class CriterionOut(Schema):
    code: str
    order: int
    title_fi: str
    title_sv: str
    title_en: str
    description_fi: str
    description_sv: str
    description_en: str
    weight: DecimalString
    emphasised: bool = Field(description="Weighed especially.")
    is_scored: bool


class ScaleLevelOut(Schema):
    value: int
    label_fi: str
    label_sv: str
    label_en: str


class ScoringOut(Schema):
    score_min: int
    score_max: int
    levels: list[ScaleLevelOut]


class CostCategoryOut(Schema):
    key: str
    order: int
    name_fi: str
    name_sv: str
    name_en: str
    help_fi: str
    help_sv: str
    help_en: str


class AttachmentLimitsOut(Schema):
    max_count: int
    max_size_mb: int


class MaturityLevelOut(Schema):
    value: int
    name_fi: str
    name_sv: str
    name_en: str


class MaturityDescriptorOut(Schema):
    level: int
    text_fi: str
    text_sv: str
    text_en: str


class MaturityDimensionOut(Schema):
    key: str
    order: int
    name_fi: str
    name_sv: str
    name_en: str
    description_fi: str
    description_sv: str
    description_en: str
    descriptors: list[MaturityDescriptorOut]


class MaturityModelOut(Schema):
    id: int
    name_fi: str
    name_sv: str
    name_en: str
    intro_fi: str
    intro_sv: str
    intro_en: str
    levels: list[MaturityLevelOut]
    dimensions: list[MaturityDimensionOut]


class CallDetailOut(CallOut):
    body_fi: str = Field(description="Call text, Markdown.")
    body_sv: str
    body_en: str
    eligibility_fi: str = Field(description="Who may apply and exclusions, Markdown.")
    eligibility_sv: str
    eligibility_en: str
    previous_stage: int | None = Field(description="Id of the call of the previous stage (track 2).")
    vat_eligible: bool
    project_starts_from: date | None
    project_ends_by: date | None
    min_grant: DecimalString | None
    max_grant: DecimalString | None
    attachments: AttachmentLimitsOut
    maturity_required: bool
    question_set: QuestionSetOut | None
    criteria: list[CriterionOut]
    scoring: ScoringOut
    cost_categories: list[CostCategoryOut]
    maturity_model: MaturityModelOut | None


class IndexOut(Schema):
    name: str
    version: str
    openapi: str
    docs: str


# Proposals (track 2, stage 1) ----------------------------------------------------------------------------


class TopicOut(Schema):
    key: str = Field(description="Option key of the form's `topics` question, e.g. `eservices`.")
    label: str = Field(
        description="The topic's name in the language of Accept-Language (fi, sv or en; English when none "
        "of them is asked for), falling back to Finnish where that translation is missing."
    )
    label_fi: str
    label_sv: str
    label_en: str


class LeadOut(Schema):
    identifier: str = Field(description="Municipality code or Business ID.", examples=["091"])
    kind: str = Field(
        description="municipality, joint_authority, regional_council, company, association or other."
    )
    name_fi: str
    name_sv: str
    name_en: str
    region: str | None = Field(description="Two-digit region (maakunta) code.", examples=["01"])


class InterestedOut(Schema):
    organisation: str = Field(description="Municipality code or Business ID.")
    name_fi: str
    name_sv: str
    name_en: str
    kind: Literal["partner", "observer"]
    accepted: bool = Field(description="The proposal's lead has accepted the organisation as a partner.")


class ProposalOut(Schema):
    id: int
    call: int = Field(description="Id of the call for proposals.")
    case_number: str | None
    title: str
    summary: str
    topics: list[TopicOut]
    national_goals: list[str] = Field(
        description="Option keys of the form's `national_goals` question (labels: GET /api/v1/calls/{id}/)."
    )
    lead: LeadOut = Field(description="The organisation that made the proposal.")
    submitted_at: datetime | None = Field(description="Finnish time with offset.")
    interested: list[InterestedOut] = Field(
        description="Organisations that registered interest in the proposal, in the order they did."
    )


class ProposalListOut(Schema):
    count: int = Field(description="How many proposals match the filters, on every page together.")
    limit: int
    offset: int
    items: list[ProposalOut]


class InterestIn(Schema):
    organisation: str = Field(
        max_length=20,
        pattern=r"^[^\x00]*$",
        description="Municipality code or Business ID of one of your organisations (not the proposal's lead).",
        examples=["049"],
    )
    kind: Literal["partner", "observer"] = Field(
        description="partner: wants to take part in the joint project; observer: follows it."
    )
    note: str = Field(
        "",
        max_length=1000,
        pattern=r"^[^\x00]*$",
        description="A few words to the proposal's lead (optional).",
    )


class InterestOut(Schema):
    id: int
    proposal: int
    organisation: str = Field(description="Municipality code or Business ID.")
    name_fi: str
    name_sv: str
    name_en: str
    kind: Literal["partner", "observer"]
    note: str
    accepted: bool = Field(description="The proposal's lead has accepted the organisation as a partner.")
    created_at: datetime = Field(description="When the interest was first registered (Finnish time).")


# The ministry: applications for case management, and decisions ---------------------------------------

APPLICATION_STATUSES = ("draft", "submitted", "completion_requested", "withdrawn", "granted", "rejected")
ApplicationStatus = Literal["draft", "submitted", "completion_requested", "withdrawn", "granted", "rejected"]


class OrganisationCodesOut(Schema):
    identifier: str = Field(description="Municipality code, or the Business ID of another organisation.")
    code: str | None = Field(description="Municipality code (three digits), for municipalities.")
    business_id: str | None
    name_fi: str
    name_sv: str
    name_en: str


class MinistryApplicationOut(Schema):
    id: int
    call: int
    case_number: str | None = Field(description="Diary number, e.g. VM/1234/2019.")
    lead: OrganisationCodesOut = Field(
        description="The applicant: the lead, or the project administrator of a joint project."
    )
    co_applicants: list[str] = Field(
        description="Municipality codes or Business IDs of the other participants that have not declined, in "
        "the order the application names them."
    )
    track: int = Field(description="Number of the call's track (1 or 2).")
    status: ApplicationStatus
    requested_amount: DecimalString | None
    score: DecimalString | None = Field(
        description="Weighted mean of the reviewers' scores from the complete reviews; null until one is complete."
    )
    granted_amount: DecimalString | None = Field(
        description="The largest amount granted by the decision in force (the latest one sent), or null."
    )
    decision_number: str | None = Field(description="Number of the decision in force, or null.")
    submitted_at: datetime | None = Field(description="Finnish time with offset.")


class MinistryApplicationListOut(Schema):
    count: int = Field(description="How many applications match the filters, on every page together.")
    limit: int
    offset: int
    items: list[MinistryApplicationOut]


class DecisionOut(Schema):
    id: int
    application: int
    status: Literal["draft", "presented", "signed", "sent"] = Field(
        description="Where the decision is: drafted, presented by the presenter, signed by the decision-maker, "
        "or sent. An applicant sees only sent decisions."
    )
    outcome: Literal["granted", "rejected"]
    amount: DecimalString | None = Field(description="Granted at most (euros); null for a rejection.")
    max_share: DecimalString | None = Field(description="Largest share of the eligible costs, e.g. 0.850.")
    language: Literal["fi", "sv"] = Field(description="The language the decision is written in.")
    number: str | None = Field(description="Decision number, given when it is signed.")
    signed_at: datetime | None = Field(description="Finnish time with offset.")
    sent_at: datetime | None = Field(description="Finnish time with offset.")
    period_starts: date | None = Field(description="The grant's period of use starts.")
    period_ends: date | None = Field(description="The grant's period of use ends.")
    pdf_url: str = Field(
        description="The decision as PDF in the service (opens for a signed-in person allowed to see it)."
    )
    rectification_decision: bool = Field(
        description="A decision on a request for rectification: it is appealed to the administrative court, "
        "not rectified again."
    )
    rectification_deadline: date | None = Field(
        description="Last day for a request for rectification (30 days from the notification); null before "
        "the decision is sent and for a decision on a request for rectification."
    )
