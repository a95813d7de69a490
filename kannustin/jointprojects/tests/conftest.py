import pytest

from kannustin.registry.models import Organisation

from .helpers import demo_track2


@pytest.fixture
def track2(reference_data):
    return demo_track2()


@pytest.fixture
def tampere(reference_data):
    return Organisation.objects.get(code="837")


@pytest.fixture
def turku(reference_data):
    return Organisation.objects.get(code="853")
