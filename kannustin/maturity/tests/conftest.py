import pytest

from kannustin.maturity import services
from kannustin.programmes.models import MaturityDescriptor, MaturityDimension
from kannustin.programmes.tests.factories import make_programme
from kannustin.registry.models import Organisation

EXTRA_DIMENSIONS = [
    ("strategy", "Strategia ja johtaminen", "Strategi och ledning", "Strategy and leadership"),
    ("processes", "Prosessit ja automaatio", "Processer och automation", "Processes and automation"),
]


@pytest.fixture
def call(reference_data):
    """A published, open call whose maturity model has three dimensions (data, strategy, processes) on
    levels 1–5, each level of each dimension described in three languages."""
    _programme, call = make_programme()
    model = call.maturity_model
    model.intro_fi = "Arvioi **uudistettava palveluprosessi**."
    model.intro_en = "Assess the **service process being renewed**."
    model.save()
    for order, (key, fi, sv, en) in enumerate(EXTRA_DIMENSIONS, start=1):
        dimension = MaturityDimension.objects.create(
            model=model, key=key, order=order, name_fi=fi, name_sv=sv, name_en=en,
            description_en=f"How {en.lower()} supports the process.",
        )  # fmt: skip
        for level in range(1, 6):
            MaturityDescriptor.objects.create(
                dimension=dimension,
                level=level,
                text_fi=f"{fi} taso {level}",
                text_sv=f"{sv} nivå {level}",
                text_en=f"{en} at level {level}",
            )
    return call


KEYS = ["data", "strategy", "processes"]


def full_ratings(current=2, target=4) -> dict:
    return {key: {"current": current, "target": target} for key in KEYS}


@pytest.fixture
def complete_assessment():
    """complete_assessment(organisation, call, by, current=2, target=4) → a complete saved assessment."""

    def make(organisation, call, by=None, current=2, target=4):
        return services.save_ratings(
            organisation, call, full_ratings(current, target), by=by, service_process="Ostolaskujen käsittely"
        )

    return make


def municipalities(**filters) -> list[Organisation]:
    return list(
        Organisation.objects.municipalities().filter(merged_into__isnull=True, **filters).order_by("code")
    )
