"""Kannustin settings: one file, driven by the environment.

Without any environment the project runs as the embedded default (SQLite, DEBUG on, outbox delivery to
files in sent-mail/). Production sets DEBUG=0, SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL.
"""

import os
import sys
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


TESTING = "pytest" in sys.modules or env_bool("KANNUSTIN_TESTING")
# The zero-setup default is local development; production sets DEBUG=0 and must then give a SECRET_KEY.
DEBUG = env_bool("DEBUG", default=True)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise RuntimeError("Set SECRET_KEY when DEBUG is off.")
    SECRET_KEY = "insecure-local-development-key-not-for-production-use-0123456789"
elif not DEBUG and (
    len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5 or SECRET_KEY.startswith("django-insecure")
):
    # The same bar as Django's deploy check (security.W009), but refusing to start instead of warning:
    # sessions, password-reset links and signed values all rest on this key.
    raise RuntimeError(
        "SECRET_KEY is too weak: use at least 50 random characters, e.g. "
        "python -c 'import secrets; print(secrets.token_urlsafe(50))'."
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG or TESTING else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "kannustin.core",
    "kannustin.registry",
    "kannustin.accounts",
    "kannustin.programmes",
    "kannustin.maturity",
    "kannustin.applications",
    "kannustin.jointprojects",
    "kannustin.reviews",
    "kannustin.decisions",
    "kannustin.reports",
    "kannustin.api",
    "kannustin.demo",
]

MIDDLEWARE = [
    "kannustin.core.middleware.RequestSizeLimitMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "kannustin.core.middleware.LanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "kannustin.accounts.middleware.RequireSecondFactorMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "kannustin.urls"
WSGI_APPLICATION = "kannustin.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kannustin.core.context_processors.site",
                "kannustin.accounts.context_processors.navigation",
            ],
            "builtins": ["kannustin.core.templatetags.kannustin"],
        },
    }
]
if not DEBUG:
    # The cached loader is Django's default when DEBUG is off and APP_DIRS is on; spelled out for clarity.
    TEMPLATES[0]["APP_DIRS"] = False
    TEMPLATES[0]["OPTIONS"]["loaders"] = [
        (
            "django.template.loaders.cached.Loader",
            ["django.template.loaders.filesystem.Loader", "django.template.loaders.app_directories.Loader"],
        )
    ]

FORM_RENDERER = "kannustin.core.forms.GovukFormRenderer"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Fail fast when the database is unreachable instead of hanging a worker on the connection.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20, "init_command": "PRAGMA journal_mode=WAL;"}
    )
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTHENTICATION_BACKENDS = ["kannustin.accounts.backends.KannustinBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:profile"
LOGOUT_REDIRECT_URL = "programmes:home"

# django-allauth: login by email, verified addresses, no open sign-up (accounts are created for people).
ACCOUNT_ADAPTER = "kannustin.accounts.adapters.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False  # confirming an address never signs anyone in
# Limits per account first: five wrong passwords lock that account for five minutes, not the colleagues who
# share its municipality's address (one NAT). The per-address limits only stop one address from trying many
# accounts. Anonymous forms of our own (accessibility feedback) are limited here too.
ACCOUNT_RATE_LIMITS = {
    "login_failed": "5/5m/key,100/5m/ip",
    "login": "60/m/ip",
    "reset_password": "20/m/ip,3/m/key",
    "confirm_email": "1/3m/key",
    "feedback": "5/10m/ip,30/h/ip",
}
# The client's address for those limits: behind a load balancer, from the header it sets (e.g. X-Real-IP),
# or the n-th address from the right of X-Forwarded-For; otherwise the connection's own address.
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = os.environ.get("TRUSTED_CLIENT_IP_HEADER") or None
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
ACCOUNT_EMAIL_SUBJECT_PREFIX = "Kannustin: "
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False  # no "sign up" invitations: accounts are created for people
MFA_ADAPTER = "kannustin.accounts.adapters.MFAAdapter"  # ministry users cannot switch their second factor off
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Kannustin"

LANGUAGE_CODE = "fi"
LANGUAGES = [("fi", _("Finnish")), ("sv", _("Swedish")), ("en", _("English"))]
LANGUAGE_COOKIE_NAME = "kannustin_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates and times as kannustin.core.formats writes them (1.3.2027, klo 16.15), also where Django formats or
# parses by itself (the admin).
FORMAT_MODULE_PATH = ["kannustin.formats"]
TIME_ZONE = "Europe/Helsinki"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Locally and in tests WhiteNoise serves straight from the source folders (no collectstatic needed).
WHITENOISE_USE_FINDERS = DEBUG or TESTING
WHITENOISE_AUTOREFRESH = DEBUG or TESTING
# Uploads. A call sets its own file-size limit (at most MAX_ATTACHMENT_MB); a request body larger than that
# plus a margin for the form is refused before it is read (core.middleware.RequestSizeLimitMiddleware), and
# storage is bounded per application and per organisation; an organisation may keep only a few drafts open
# per call.
MAX_ATTACHMENT_MB = int(os.environ.get("MAX_ATTACHMENT_MB", "25"))
MAX_REQUEST_BYTES = (MAX_ATTACHMENT_MB + 1) * 1024 * 1024
ATTACHMENT_QUOTA_PER_APPLICATION_MB = int(os.environ.get("ATTACHMENT_QUOTA_PER_APPLICATION_MB", "100"))
ATTACHMENT_QUOTA_PER_ORGANISATION_MB = int(os.environ.get("ATTACHMENT_QUOTA_PER_ORGANISATION_MB", "1000"))
MAX_OPEN_DRAFTS_PER_CALL = int(os.environ.get("MAX_OPEN_DRAFTS_PER_CALL", "10"))
# Consecutive autosaves of one person at most this many seconds apart, that nobody else has seen, make one
# version (up to VERSION_FOLD_MAX of them). 0 keeps every autosave as its own version.
VERSION_FOLD_SECONDS = int(os.environ.get("VERSION_FOLD_SECONDS", "60"))
VERSION_FOLD_MAX = int(os.environ.get("VERSION_FOLD_MAX", "12"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

# Background work: django-tasks with the database backend (worker: `manage.py db_worker`);
# tests run tasks immediately.
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks.backends.immediate.ImmediateBackend"
            if TESTING
            else "django_tasks_db.DatabaseBackend"
        ),
        # Email has a queue (and in `make serve` a worker) of its own, so a slow mail server never holds up
        # receipts and other work.
        "QUEUES": ["default", "email"],
    }
}
# A task still RUNNING this long after it started belongs to a worker that died: it is put back in the queue
# (every task is safe to run again).
TASK_RUNNING_TIMEOUT_SECONDS = int(os.environ.get("TASK_RUNNING_TIMEOUT_SECONDS", "900"))

# Email: every message becomes an outbox row first (kannustin.core.mail.OutboxBackend); the worker delivers
# it through OUTBOX_DELIVERY_BACKEND and retries with back-off.
EMAIL_BACKEND = "kannustin.core.mail.OutboxBackend"
OUTBOX_DELIVERY_BACKEND = os.environ.get(
    "EMAIL_DELIVERY_BACKEND",
    "django.core.mail.backends.locmem.EmailBackend"
    if TESTING
    else (
        "django.core.mail.backends.filebased.EmailBackend"
        if DEBUG
        else "django.core.mail.backends.smtp.EmailBackend"
    ),
)
EMAIL_FILE_PATH = BASE_DIR / "sent-mail"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
# A mail server that accepts the connection and never answers must not hold a worker for minutes.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Kannustin <kannustin@vm.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Login rate limits and used TOTP codes live in the cache, so several app servers must share one:
# Redis when REDIS_URL is set, otherwise the database (`createcachetable`), locally process memory.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
elif not DEBUG and not TESTING:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "kannustin_cache"}
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG and not TESTING:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True

# Content-Security-Policy on every page, in development and tests too (the browser tests fail on a
# violation): only this origin's scripts, styles, images and fonts; the one inline script of the base layout
# carries the request's nonce. Browsers report violations to /csp-report/, which logs them.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "report-uri": "/csp-report/",
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
