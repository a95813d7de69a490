"""The form renderer: every standard widget comes out as its GOV.UK Frontend component."""

import datetime
from html.parser import HTMLParser

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

from kannustin.core.forms import GovukBoundField, GovukDateInput, GovukFormRenderer, error_anchor


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.elements = []

    def handle_starttag(self, tag, attrs):
        self.elements.append({"tag": tag, **{name: value or "" for name, value in attrs}})


def elements(html):
    parser = _Collector()
    parser.feed(str(html))
    return parser.elements


def by_id(html):
    found = {}
    for element in elements(html):
        if "id" in element:
            assert element["id"] not in found, f"duplicate id {element['id']}"
            found[element["id"]] = element
    return found


def classes(element):
    return set(element.get("class", "").split())


def describedby(element):
    return element.get("aria-describedby", "").split()


class SampleForm(forms.Form):
    name = forms.CharField(label="Name", help_text="As in the population register", max_length=100)
    email = forms.EmailField(required=False)
    amount = forms.DecimalField()
    website = forms.URLField(required=False, assume_scheme="https")
    password = forms.CharField(widget=forms.PasswordInput)
    summary = forms.CharField(widget=forms.Textarea, max_length=500, help_text="Describe the project")
    notes = forms.CharField(widget=forms.Textarea, required=False)
    region = forms.ChoiceField(choices=[("", "Choose"), ("uusimaa", "Uusimaa"), ("lappi", "Lapland")])
    track = forms.ChoiceField(
        choices=[("1", "Track 1"), ("2", "Track 2")], widget=forms.RadioSelect, help_text="Pick one"
    )
    topics = forms.MultipleChoiceField(
        choices=[("data", "Data"), ("services", "Services")], widget=forms.CheckboxSelectMultiple
    )
    consent = forms.BooleanField(help_text="Required to apply")
    attachment = forms.FileField(required=False)
    starts = forms.DateField(widget=GovukDateInput, help_text="For example, 27 9 2019")
    ends = forms.DateField(widget=forms.DateInput)
    version = forms.CharField(widget=forms.HiddenInput)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("name") == "clash":
            raise forms.ValidationError("These answers do not fit together.")
        return cleaned


VALID = {
    "name": "Maija",
    "amount": "10",
    "password": "x",
    "summary": "Short",
    "region": "lappi",
    "track": "2",
    "topics": ["data"],
    "consent": "on",
    "starts_day": "27",
    "starts_month": "9",
    "starts_year": "2019",
    "ends": "2021-11-30",
    "version": "3",
}


def test_the_renderer_gives_forms_the_govuk_bound_field():
    form = SampleForm()
    assert isinstance(form.renderer, GovukFormRenderer)
    assert isinstance(form["name"], GovukBoundField)


def test_an_unbound_form_renders_each_widget_as_its_govuk_component():
    html = SampleForm().render()
    ids = by_id(html)

    for name in ("name", "email", "amount", "website", "password"):
        assert classes(ids[f"id_{name}"]) >= {"govuk-input"}, name
        assert "govuk-input--error" not in classes(ids[f"id_{name}"])
    assert ids["id_email"]["type"] == "email"
    assert ids["id_amount"]["type"] == "number"
    assert ids["id_website"]["type"] == "url"
    assert ids["id_password"]["type"] == "password"
    assert ids["id_summary"]["tag"] == "textarea" and "govuk-textarea" in classes(ids["id_summary"])
    assert ids["id_notes"]["tag"] == "textarea" and "govuk-textarea" in classes(ids["id_notes"])
    assert ids["id_region"]["tag"] == "select" and "govuk-select" in classes(ids["id_region"])
    assert "govuk-file-upload" in classes(ids["id_attachment"])
    assert classes(ids["id_ends"]) >= {"govuk-input", "govuk-input--width-10"}
    assert ids["id_consent"]["type"] == "checkbox"
    assert "govuk-checkboxes__input" in classes(ids["id_consent"])
    for i in (0, 1):
        assert "govuk-radios__input" in classes(ids[f"id_track_{i}"])
        assert "govuk-checkboxes__input" in classes(ids[f"id_topics_{i}"])
    for i, width in ((0, 2), (1, 2), (2, 4)):
        assert classes(ids[f"id_starts_{i}"]) >= {
            "govuk-input",
            "govuk-date-input__input",
            f"govuk-input--width-{width}",
        }
    assert "govuk-date-input" in classes(ids["id_starts"])
    # Hidden inputs stay plain.
    assert ids["id_version"]["type"] == "hidden" and "class" not in ids["id_version"]
    # No browser validation bubbles: the server validates.
    assert not any("required" in element for element in elements(html))


def test_labels_point_at_their_inputs_and_optional_fields_say_so():
    html = str(SampleForm().render())
    labels = {el["for"] for el in elements(html) if el["tag"] == "label" and "for" in el}
    for target in (
        "id_name",
        "id_summary",
        "id_region",
        "id_attachment",
        "id_consent",
        "id_track_0",
        "id_starts_0",
    ):
        assert target in labels
    assert 'for="id_email">Email <span class="kannustin-optional">' in html
    assert 'for="id_name">Name</label>' in html


def test_hints_are_wired_with_aria_describedby():
    ids = by_id(SampleForm().render())
    assert "govuk-hint" in classes(ids["id_name-hint"])
    assert describedby(ids["id_name"]) == ["id_name-hint"]
    assert "aria-describedby" not in ids["id_email"]
    # Grouped fields carry the description on the fieldset, not on each input.
    fieldsets = [el for el in elements(SampleForm().render()) if el["tag"] == "fieldset"]
    assert [describedby(fs) for fs in fieldsets] == [["id_track-hint"], [], ["id_starts-hint"]]
    assert "aria-describedby" not in ids["id_track_0"]


def test_an_invalid_form_marks_every_error_and_links_it_to_the_input():
    form = SampleForm(
        data={"email": "not an email", "starts_day": "31", "starts_month": "2", "starts_year": "2019"}
    )
    assert not form.is_valid()
    html = str(form.render())
    ids = by_id(html)

    assert classes(ids["id_name"]) >= {"govuk-input", "govuk-input--error"}
    assert describedby(ids["id_name"]) == ["id_name-hint", "id_name-error"]
    assert describedby(ids["id_email"]) == ["id_email-error"]
    assert ids["id_email"]["aria-invalid"] == "true"
    assert "govuk-select--error" in classes(ids["id_region"])
    assert "govuk-textarea--error" in classes(ids["id_summary"])
    for name in ("name", "email", "region", "summary", "track", "topics", "consent", "starts", "ends"):
        error = ids[f"id_{name}-error"]
        assert error["tag"] == "p" and "govuk-error-message" in classes(error), name
    # One message per invalid field, the hidden one among the form-level errors.
    assert html.count('<span class="govuk-visually-hidden">Error:</span> ') == len(form.errors)
    assert html.count("govuk-form-group--error") >= 9
    fieldsets = [el for el in elements(html) if el["tag"] == "fieldset"]
    assert [describedby(fs) for fs in fieldsets] == [
        ["id_track-hint", "id_track-error"],
        ["id_topics-error"],
        ["id_starts-hint", "id_starts-error"],
    ]
    assert describedby(ids["id_consent"]) == ["id_consent-hint", "id_consent-error"]
    # The date parts keep what was typed and are all marked.
    assert ids["id_starts_0"]["value"] == "31" and ids["id_starts_2"]["value"] == "2019"
    assert all("govuk-input--error" in classes(ids[f"id_starts_{i}"]) for i in range(3))


def test_the_error_message_has_the_visually_hidden_prefix():
    form = SampleForm(data={})
    form.is_valid()
    html = str(form["name"].as_field_group())
    assert (
        '<p class="govuk-error-message" id="id_name-error"><span class="govuk-visually-hidden">Error:</span> '
        in html
    )


def test_non_field_errors_are_shown():
    form = SampleForm(data={**VALID, "name": "clash"})
    assert not form.is_valid()
    html = str(form.render())
    assert 'id="non-field-errors"' in html
    assert "These answers do not fit together." in html


def test_a_textarea_with_max_length_is_a_character_count_that_works_without_javascript():
    field = SampleForm()["summary"]
    html = str(field.as_field_group())
    wrapper = next(el for el in elements(html) if "data-module" in el)
    assert wrapper["data-module"] == "govuk-character-count"
    assert wrapper["data-maxlength"] == "500"
    assert "govuk-character-count" in classes(wrapper)
    assert wrapper["data-i18n.characters-under-limit.other"] == "You have %{count} characters remaining"
    ids = by_id(html)
    # Without JavaScript the limit is stated in a hint the textarea points to.
    assert "govuk-character-count__message" in classes(ids["id_summary-info"])
    assert "You can enter up to 500 characters" in html
    assert describedby(ids["id_summary"]) == ["id_summary-hint", "id_summary-info"]
    assert "govuk-js-character-count" in classes(ids["id_summary"])
    # The browser must not cut text silently at the limit.
    assert "maxlength" not in ids["id_summary"]
    # A textarea without a limit is a plain textarea.
    assert "data-maxlength" not in str(SampleForm()["notes"].as_field_group())


def test_the_character_count_limit_is_still_enforced_on_the_server():
    form = SampleForm(data={**VALID, "summary": "x" * 501})
    assert not form.is_valid()
    assert "summary" in form.errors


def test_the_date_input_gives_the_field_a_date_and_rejects_impossible_ones():
    form = SampleForm(data=VALID)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["starts"] == datetime.date(2019, 9, 27)
    assert form.cleaned_data["ends"] == datetime.date(2021, 11, 30)

    form = SampleForm(data={**VALID, "starts_day": "31", "starts_month": "2"})
    assert not form.is_valid()
    assert "starts" in form.errors
    form = SampleForm(data={**VALID, "starts_day": "", "starts_month": "", "starts_year": ""})
    assert not form.is_valid()
    assert "starts" in form.errors


def test_the_date_input_shows_an_initial_date_in_its_parts():
    form = SampleForm(initial={"starts": datetime.date(2019, 8, 1)})
    ids = by_id(form["starts"].as_field_group())
    assert (ids["id_starts_0"]["value"], ids["id_starts_1"]["value"], ids["id_starts_2"]["value"]) == (
        "1",
        "8",
        "2019",
    )
    assert ids["id_starts_0"]["inputmode"] == "numeric"


def test_a_file_field_with_a_current_file_offers_removal_as_a_govuk_checkbox():
    class Current:
        url = "/media/plan.pdf"

        def __str__(self):
            return "plan.pdf"

    form = SampleForm(initial={"attachment": Current()})
    html = str(form["attachment"].as_field_group())
    ids = by_id(html)
    assert "govuk-file-upload" in classes(ids["id_attachment"])
    assert "govuk-checkboxes__input" in classes(ids["attachment-clear_id"])
    assert '<a class="govuk-link" href="/media/plan.pdf">plan.pdf</a>' in html
    assert "Currently" not in html


def test_an_uploaded_file_is_accepted():
    upload = SimpleUploadedFile("plan.pdf", b"%PDF-1.4")
    form = SampleForm(data=VALID, files={"attachment": upload})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["attachment"].name == "plan.pdf"


def test_label_classes_size_labels_and_legends():
    class Sized(forms.Form):
        govuk_label_classes = {"title": "govuk-label--l", "choice": "govuk-label--m"}
        title = forms.CharField()
        choice = forms.ChoiceField(choices=[("a", "A")], widget=forms.RadioSelect)

    html = str(Sized().render())
    assert '<label class="govuk-label govuk-label--l" for="id_title">' in html
    assert '<legend class="govuk-fieldset__legend govuk-fieldset__legend--m">' in html


def test_a_class_given_on_the_widget_is_kept():
    class Narrow(forms.Form):
        postcode = forms.CharField(widget=forms.TextInput(attrs={"class": "govuk-input--width-5"}))

    ids = by_id(Narrow().render())
    assert classes(ids["id_postcode"]) == {"govuk-input", "govuk-input--width-5"}


@pytest.mark.parametrize(
    ("name", "anchor"),
    [
        ("name", "id_name"),
        ("region", "id_region"),
        ("track", "id_track_0"),
        ("topics", "id_topics_0"),
        ("consent", "id_consent"),
        ("starts", "id_starts_0"),
        ("attachment", "id_attachment"),
    ],
)
def test_error_anchor_is_the_first_input_of_the_field(name, anchor):
    form = SampleForm()
    assert error_anchor(form[name]) == anchor
    assert anchor in by_id(form.render())


def render_summary(form):
    return Template('{% include "includes/error_summary.html" with form=form %}').render(
        Context({"form": form})
    )


def test_the_error_summary_links_to_each_invalid_field():
    form = SampleForm(data={"name": "Maija", "email": "nope"})
    assert not form.is_valid()
    html = render_summary(form)
    summary = next(el for el in elements(html) if el.get("data-module"))
    assert summary["data-module"] == "govuk-error-summary"
    assert "govuk-error-summary" in classes(summary)
    links = [el["href"] for el in elements(html) if el["tag"] == "a"]
    expected = [f"#{error_anchor(form[name])}" for name in form.errors if name != "version"]
    assert links == expected
    assert {"#id_email", "#id_track_0", "#id_topics_0", "#id_starts_0", "#id_consent"} <= set(links)
    # Every link target exists in the rendered form.
    ids = by_id(form.render())
    assert all(link[1:] in ids for link in links)
    # The hidden field's error is listed without a link.
    assert "Hidden field" not in html and html.count("<li>") == len(links) + 1


def test_the_error_summary_lists_non_field_errors_and_is_empty_for_a_valid_form():
    form = SampleForm(data={**VALID, "name": "clash"})
    form.is_valid()
    assert "These answers do not fit together." in render_summary(form)
    valid = SampleForm(data=VALID)
    assert valid.is_valid()
    assert render_summary(valid).strip() == ""
    assert render_summary(SampleForm()).strip() == ""


def test_the_title_prefix_says_error_only_when_a_form_has_errors():
    template = Template("{% error_title_prefix form formset %}")
    invalid = SampleForm(data={})
    assert template.render(Context({"form": invalid})) == "Error: "
    assert template.render(Context({"form": SampleForm(data=VALID)})) == ""
    assert template.render(Context({"form": SampleForm()})) == ""
    assert template.render(Context({})) == ""

    formset_class = forms.formset_factory(SampleForm, extra=1)
    management = {"form-TOTAL_FORMS": "1", "form-INITIAL_FORMS": "0"}
    bad = formset_class(data={**management, "form-0-name": "x"})
    assert template.render(Context({"formset": bad})) == "Error: "
    good = formset_class(data={**management, **{f"form-0-{k}": v for k, v in VALID.items()}})
    assert template.render(Context({"formset": good})) == ""


def test_a_page_title_gets_the_prefix_in_the_base_template(rf: RequestFactory):
    template = Template('{% extends "base.html" %}{% block page_title %}Apply{% endblock %}')
    request = rf.get("/")
    request.user = type("Anonymous", (), {"is_authenticated": False, "is_staff": False})()
    html = template.render(Context({"form": SampleForm(data={}), "request": request}))
    assert "<title>Error: Apply – Kannustin</title>" in html
    html = template.render(Context({"form": SampleForm(), "request": request}))
    assert "<title>Apply – Kannustin</title>" in html
