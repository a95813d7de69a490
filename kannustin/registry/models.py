from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from kannustin.core.i18n import TranslatedMixin


def business_id_check_digit(first_seven: str) -> int | None:
    """Check digit of a Finnish Business ID (Y-tunnus): weights 7,9,10,5,8,4,2; remainder 1 is never issued."""
    weights = (7, 9, 10, 5, 8, 4, 2)
    remainder = sum(int(d) * w for d, w in zip(first_seven, weights, strict=True)) % 11
    if remainder == 1:
        return None
    return 0 if remainder == 0 else 11 - remainder


def normalise_business_id(value: str) -> str:
    value = (value or "").strip()
    if len(value) == 8 and value.isdigit():
        value = f"{value[:7]}-{value[7]}"
    if len(value) == 8 and value[:6].isdigit() and value[6] == "-":  # old 6-digit form: pad with zero
        value = "0" + value
    return value


def validate_business_id(value: str) -> None:
    value = normalise_business_id(value)
    if len(value) != 9 or value[7] != "-" or not value[:7].isdigit() or not value[8].isdigit():
        raise ValidationError(_("Enter a Business ID in the form 1234567-8."), code="business_id_format")
    expected = business_id_check_digit(value[:7])
    if expected is None or expected != int(value[8]):
        raise ValidationError(
            _("This Business ID is not valid: its check digit does not match."), code="business_id_check"
        )


class Region(TranslatedMixin, models.Model):
    code = models.CharField(_("code"), max_length=2, unique=True)
    name_fi = models.CharField(_("name in Finnish"), max_length=100)
    name_sv = models.CharField(_("name in Swedish"), max_length=100)
    name_en = models.CharField(_("name in English"), max_length=100)

    class Meta:
        ordering = ["code"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self):
        return f"{self.code} {self.name_fi}"


class LanguageStatus(models.IntegerChoices):
    FINNISH = 0, _("Finnish-speaking")
    BILINGUAL_FINNISH_MAJORITY = 1, _("Bilingual, Finnish majority")
    SWEDISH = 2, _("Swedish-speaking")
    BILINGUAL_SWEDISH_MAJORITY = 3, _("Bilingual, Swedish majority")


class OrganisationQuerySet(models.QuerySet):
    def municipalities(self):
        return self.filter(kind=Organisation.Kind.MUNICIPALITY)

    def in_classification(self, year: int):
        return self.filter(**{f"in_{year}": True})


class Organisation(TranslatedMixin, models.Model):
    """A municipality (from Statistics Finland's classification) or another actor taking part in the programme:
    joint municipal authority, regional council, company, association."""

    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("Municipality")
        JOINT_AUTHORITY = "joint_authority", _("Joint municipal authority")
        REGIONAL_COUNCIL = "regional_council", _("Regional council")
        COMPANY = "company", _("Company")
        ASSOCIATION = "association", _("Association")
        OTHER = "other", _("Other organisation")

    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices, default=Kind.MUNICIPALITY)
    code = models.CharField(
        _("municipality code"), max_length=3, unique=True, null=True, blank=True,
        help_text=_("Statistics Finland's three-digit code, for municipalities."),
    )  # fmt: skip
    business_id = models.CharField(
        _("Business ID"), max_length=9, unique=True, null=True, blank=True, validators=[validate_business_id]
    )
    name_fi = models.CharField(_("name in Finnish"), max_length=200)
    name_sv = models.CharField(_("name in Swedish"), max_length=200, blank=True)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    region = models.ForeignKey(
        Region, verbose_name=_("region"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    language_status = models.PositiveSmallIntegerField(
        _("language status"), choices=LanguageStatus.choices, null=True, blank=True
    )
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    population_date = models.DateField(_("population date"), null=True, blank=True)
    population_2019 = models.PositiveIntegerField(_("population 31 Dec 2019"), null=True, blank=True)
    in_2019 = models.BooleanField(_("in the 2019 classification"), default=False)
    in_2026 = models.BooleanField(_("in the 2026 classification"), default=False)
    merged_into = models.ForeignKey(
        "self", verbose_name=_("merged into"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="merged_from",
    )  # fmt: skip
    merged_on = models.DateField(_("merged on"), null=True, blank=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name_fi"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="municipality") | models.Q(code__isnull=False),
                name="municipality_has_code",
            )
        ]

    def __str__(self):
        return self.name_fi

    def clean(self):
        if self.business_id:
            self.business_id = normalise_business_id(self.business_id)
        if self.kind == self.Kind.MUNICIPALITY and not self.code:
            raise ValidationError({"code": _("A municipality needs its three-digit code.")})
        if self.kind != self.Kind.MUNICIPALITY and not self.business_id:
            raise ValidationError({"business_id": _("Enter the organisation's Business ID.")})

    @property
    def is_municipality(self) -> bool:
        return self.kind == self.Kind.MUNICIPALITY

    @property
    def identifier(self) -> str:
        """How the service names it in addresses, answers and the API: municipalities by their code, other
        organisations by their Business ID."""
        return self.code or self.business_id or ""

    @staticmethod
    def identifier_of(organisation) -> str:
        return organisation.identifier

    @property
    def swedish_speaking(self) -> bool:
        """Decisions and emails go in Swedish to Swedish-speaking and Swedish-majority municipalities."""
        return self.language_status in {LanguageStatus.SWEDISH, LanguageStatus.BILINGUAL_SWEDISH_MAJORITY}

    @property
    def official_language(self) -> str:
        return "sv" if self.swedish_speaking else "fi"

    @property
    def size_class(self) -> str:
        return population_size_class(self.population)


SIZE_CLASSES = [
    (5_000, "under_5000"),
    (20_000, "5000_19999"),
    (50_000, "20000_49999"),
    (100_000, "50000_99999"),
    (None, "100000_plus"),
]


def population_size_class(population: int | None) -> str:
    if population is None:
        return ""
    for limit, key in SIZE_CLASSES:
        if limit is None or population < limit:
            return key
    return ""


def find_organisation(identifier: str):
    """The organisation with this municipality code or Business ID (None if there is none)."""
    found, _unknown = find_organisations([identifier])
    return next(iter(found.values()), None)


def find_organisations(identifiers) -> tuple[dict, list]:
    """({identifier as given: organisation}, [identifiers not found]) for municipality codes and Business IDs,
    in one query. Codes may be given without their leading zeros ("91" for 091)."""
    identifiers = [str(i).strip() for i in identifiers]
    codes = {i: i.zfill(3) for i in identifiers if i.isdigit() and len(i) <= 3}
    business_ids = {i: normalise_business_id(i) for i in identifiers if i not in codes}
    found = {}
    if codes or business_ids:
        query = models.Q(code__in=set(codes.values())) | models.Q(business_id__in=set(business_ids.values()))
        by_key = {}
        for organisation in Organisation.objects.filter(query).select_related("region", "merged_into"):
            if organisation.code:
                by_key[organisation.code] = organisation
            if organisation.business_id:
                by_key[organisation.business_id] = organisation
        for given, key in {**codes, **business_ids}.items():
            if key in by_key:
                found[given] = by_key[key]
    return found, [i for i in identifiers if i not in found]
