from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.utils import translation

from kannustin.core.middleware import SUPPORTED


@receiver(user_logged_in)
def speak_the_users_language(sender, request, user, **kwargs):
    """Without a language chosen in this browser, the rest of the sign-in request (the "signed in as"
    message) already speaks the user's own language, as every later page will."""
    if request is None or request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME):
        return
    language = getattr(user, "language", None)
    if language in SUPPORTED:
        translation.activate(language)
        request.LANGUAGE_CODE = language
