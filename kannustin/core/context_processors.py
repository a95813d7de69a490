from django.conf import settings


def site(request):
    return {
        "LANGUAGE_CHOICES": [(code, name) for code, name in settings.LANGUAGES],
        "SITE_URL": settings.SITE_URL,
    }
