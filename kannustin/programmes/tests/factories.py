"""A small programme for tests that do not need the whole 2019 programme."""

from datetime import datetime, timedelta
from decimal import Decimal

from kannustin.core import clock
from kannustin.programmes.models import (
    Call,
    ContactPerson,
    CostCategory,
    Criterion,
    MaturityDescriptor,
    MaturityDimension,
    MaturityLevel,
    MaturityModel,
    Programme,
    Question,
    QuestionSet,
    Section,
    Track,
)

# The structured parts of an application form, as the shipped track-1 form has them.
APPLICATION_PARTS = (
    ("indicators", True), ("participants", True), ("contacts", True), ("budget", True),
    ("attachments", False), ("confidentiality", False), ("maturity", True),
)  # fmt: skip


# The shipped titles of the usual sections, so that pages and emails read as in the real service.
PAGE_TITLES = {
    "basics": ("Hankkeen perustiedot", "Grunduppgifter om projektet", "Project basics"),
    "criteria": ("Hanke suhteessa arviointikriteereihin", "Projektet i förhållande till kriterierna",
                 "The project against the criteria"),
    "sharing": ("Tulosten jakaminen", "Spridning av resultaten", "Sharing the results"),
    "indicators": ("Mittarit", "Indikatorer", "Indicators"),
    "participants": ("Kanssahakijat", "Medsökande", "Co-applicants"),
    "contacts": ("Yhteyshenkilöt", "Kontaktpersoner", "Contact people"),
    "budget": ("Budjetti", "Budget", "Budget"),
    "attachments": ("Liitteet", "Bilagor", "Attachments"),
    "confidentiality": ("Liikesalaisuudet", "Affärshemligheter", "Business secrets"),
    "maturity": ("Kypsyysmallin itsearvio", "Självbedömning av mognadsgrad", "Maturity self-assessment"),
}  # fmt: skip


def add_page(question_set, key: str, order: int, required: bool = True):
    """A section of questions; its titles are the shipped ones where the key is a shipped page's."""
    fi, sv, en = PAGE_TITLES.get(key, (key.capitalize(),) * 3)
    Section(question_set=question_set, key=key, order=order, required=required, title_fi=fi, title_sv=sv,
            title_en=en).save(bypass_lock=True)  # fmt: skip


def add_sections(question_set, pages=("basics", "criteria"), parts=APPLICATION_PARTS, **options):
    """Sections for a test form: pages of questions, then structured parts; `options` by part kind."""
    order = 0
    for key in pages:
        order += 10
        add_page(question_set, key, order)
    for kind, required in parts:
        order += 10
        fi, sv, en = PAGE_TITLES.get(kind, (kind.replace("_", " ").capitalize(),) * 3)
        Section(question_set=question_set, key=kind, kind=kind, order=order, required=required,
                options=options.get(kind, {}), title_fi=fi, title_sv=sv, title_en=en).save(bypass_lock=True)  # fmt: skip


def make_programme(*, opens_in_days=-1, closes_in_days=10, slug="testi"):
    now = clock.now()
    programme = Programme.objects.create(
        slug=slug,
        name_fi="Testiohjelma",
        name_sv="Testprogram",
        name_en="Test programme",
        year=now.year,
        budget_item="28.90.32",
        appropriation=Decimal("30000000.00"),
        legal_basis_fi="Valtionavustuslaki 688/2001",
        legal_basis_sv="Statsunderstödslagen 688/2001",
        legal_basis_en="Act on Discretionary Government Transfers 688/2001",
        body_fi="Ohjelman **kuvaus**.",
        body_sv="Programmets **beskrivning**.",
        body_en="The programme's **description**.",
    )
    ContactPerson.objects.create(
        programme=programme,
        name="Maija Malli",
        title_fi="Neuvotteleva virkamies",
        email="maija@vm.example",
    )
    track = Track.objects.create(
        programme=programme,
        number=1,
        kind=Track.Kind.APPLICATIONS,
        name_fi="Kohde 1",
        name_sv="Punkt 1",
        name_en="Track 1",
    )
    model = MaturityModel.objects.create(
        name_fi="Kypsyysmalli", name_sv="Mognadsgradsmodell", name_en="Maturity model"
    )
    for value in range(1, 6):
        MaturityLevel.objects.create(
            model=model,
            value=value,
            name_fi=f"Taso {value}",
            name_sv=f"Nivå {value}",
            name_en=f"Level {value}",
        )
    dimension = MaturityDimension.objects.create(
        model=model, key="data", name_fi="Tieto", name_sv="Data", name_en="Data"
    )
    for value in range(1, 6):
        MaturityDescriptor.objects.create(
            dimension=dimension,
            level=value,
            text_fi=f"Kuvaus {value}",
            text_sv=f"Beskrivning {value}",
            text_en=f"Descriptor {value}",
        )
    call = Call.objects.create(
        programme=programme,
        track=track,
        slug="kohde-1",
        title_fi="Kohteen 1 haku",
        title_sv="Utlysning punkt 1",
        title_en="Track 1 call",
        opens_at=now + timedelta(days=opens_in_days),
        closes_at=now + timedelta(days=closes_in_days),
        maturity_model=model,
    )
    criterion = Criterion.objects.create(
        call=call, code="G1", title_fi="Vaikuttavuus", title_sv="Genomslagskraft", title_en="Impact",
        weight=Decimal("2"), emphasised=True,
    )  # fmt: skip
    CostCategory.objects.create(
        call=call, key="personnel", name_fi="Henkilöstö", name_sv="Personal", name_en="Personnel"
    )
    question_set = QuestionSet.objects.create(call=call, version=1)
    add_sections(question_set)
    Question(
        question_set=question_set, key="g1_impact", section="criteria", type=Question.Type.TEXT, max_length=2000,
        label_fi="Kuvaa vaikuttavuus", label_sv="Beskriv genomslagskraften", label_en="Describe the impact",
        criterion=criterion,
    ).save(bypass_lock=True)  # fmt: skip
    return programme, call


def helsinki_dt(*args):
    return datetime(*args, tzinfo=clock.HELSINKI)
