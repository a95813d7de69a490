"""Django's own date and time formats, per language, matching kannustin.core.formats: what Django renders or
reads by itself (the admin's date fields, `{{ some_date }}` without a filter) follows the same rule as the
service's pages. FORMAT_MODULE_PATH in settings points here."""

# Dates are read as people write them (1.3.2027, 01.03.2027) or as ISO 8601; never month first.
DATE_INPUT_FORMATS = ["%d.%m.%Y", "%Y-%m-%d"]
TIME_INPUT_FORMATS = ["%H.%M", "%H:%M", "%H.%M.%S", "%H:%M:%S"]
DATETIME_INPUT_FORMATS = [
    f"{day} {clock}" for day in DATE_INPUT_FORMATS for clock in TIME_INPUT_FORMATS
] + DATE_INPUT_FORMATS
