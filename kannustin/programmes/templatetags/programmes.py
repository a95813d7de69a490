"""{% help_box call application %}: the programme's contact people on every application page (and on the call
page), those who serve the reader's language first; after submission, when the decision is expected."""

from django import template

from kannustin.core.i18n import current_language

register = template.Library()

SUBMITTED = {"submitted", "completion_requested"}


@register.inclusion_tag("programmes/_help_box.html")
def help_box(call=None, application=None):
    call = call or application.call
    contacts = call.programme.contacts_for(current_language())
    submitted = getattr(application, "status", None) in SUBMITTED
    return {
        "call": call,
        "contacts": contacts,
        "submitted": submitted,
        "decisions_expected_on": call.decisions_expected_on if submitted else None,
    }
