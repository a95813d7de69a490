import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from kannustin.registry.models import Organisation, Region, business_id_check_digit, validate_business_id

pytestmark = pytest.mark.django_db


def test_reference_data_holds_both_classifications(reference_data):
    assert Organisation.objects.municipalities().in_classification(2019).count() == 311
    assert Organisation.objects.municipalities().in_classification(2026).count() == 308
    assert Region.objects.count() == 19


def test_load_is_idempotent(reference_data):
    before = (Organisation.objects.count(), Region.objects.count())
    call_command("load_reference_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert (Organisation.objects.count(), Region.objects.count()) == before


@pytest.mark.parametrize(
    ("code", "into", "date"),
    [("911", "541", "2020-01-01"), ("099", "214", "2021-01-01"), ("588", "507", "2025-01-01")],
)
def test_merged_municipalities_keep_their_row_and_point_onwards(reference_data, code, into, date):
    ceased = Organisation.objects.get(code=code)
    assert ceased.in_2019 and not ceased.in_2026
    assert ceased.merged_into.code == into
    assert ceased.merged_on.isoformat() == date


def test_names_in_three_languages_and_swedish_from_2026(reference_data):
    akaa = Organisation.objects.get(code="020")
    assert akaa.name_sv == "Ackas"  # the 2026 classification gives traditional Swedish names
    helsinki = Organisation.objects.get(code="091")
    assert (helsinki.name_fi, helsinki.name_sv) == ("Helsinki", "Helsingfors")
    assert helsinki.region.code == "01" and helsinki.population > 600_000


def test_language_status_decides_the_official_language(reference_data):
    assert Organisation.objects.get(code="545").official_language == "sv"  # Närpes
    assert Organisation.objects.get(code="478").official_language == "sv"  # Mariehamn
    assert Organisation.objects.get(code="091").official_language == "fi"  # Helsinki, Finnish majority


@pytest.mark.parametrize("valid", ["0245437-2", "1572860-0", "0201256-6", "02454372"])
def test_valid_business_ids(valid):
    validate_business_id(valid)


@pytest.mark.parametrize("invalid", ["0245437-3", "1234567", "abcdefg-h", "1234567-88", ""])
def test_invalid_business_ids(invalid):
    with pytest.raises(ValidationError):
        validate_business_id(invalid)


def test_check_digit_remainder_one_is_never_issued():
    assert business_id_check_digit("0000006") is None  # 6 × 2 = 12, remainder 1
    assert business_id_check_digit("0000100") == 3  # 1 × 8 = 8, 11 - 8
