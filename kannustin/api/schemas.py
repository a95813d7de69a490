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
