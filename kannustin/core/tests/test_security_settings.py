"""Production settings refuse what would be unsafe, and every page carries a strict Content-Security-Policy."""

import logging
import os
import re
import subprocess
import sys

import pytest
from django.conf import settings
from django.urls import reverse


def start_with(**env):
    environment = {**os.environ, "DEBUG": "0", "ALLOWED_HOSTS": "kannustin.example", **env}
    environment.pop("KANNUSTIN_TESTING", None)
    return subprocess.run(  # noqa: S603
        [sys.executable, "-c", "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', "
                               "'kannustin.settings'); django.setup(); print('started')"],
        capture_output=True, text=True, env=environment, cwd=settings.BASE_DIR, timeout=60,
    )  # fmt: skip


def test_a_short_secret_key_refuses_to_start_in_production():
    weak = start_with(SECRET_KEY="tooshort")
    assert weak.returncode != 0 and "SECRET_KEY is too weak" in weak.stderr
    strong = start_with(SECRET_KEY="x8Jq2" * 12)
    assert strong.returncode == 0 and "started" in strong.stdout, strong.stderr


@pytest.mark.django_db
def test_every_page_has_a_strict_policy_and_the_inline_script_its_nonce(client):
    response = client.get(reverse("programmes:home"))
    policy = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["default-src"] == "'self'"
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    nonce = re.search(r"'nonce-([^']+)'", directives["script-src"]).group(1)
    html = response.content.decode()
    inline = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", html)
    assert inline and all(f'nonce="{nonce}"' in attributes for attributes in inline)
    assert (
        client.get(reverse("programmes:home"))["Content-Security-Policy"] != policy
    )  # a fresh nonce each time


@pytest.mark.django_db
def test_violations_reported_by_browsers_are_logged(client, caplog):
    report = b'{"csp-report": {"blocked-uri": "inline", "violated-directive": "script-src-elem"}}'
    with caplog.at_level(logging.WARNING, logger="kannustin.csp"):
        response = client.post(reverse("csp_report"), report, content_type="application/csp-report")
    assert response.status_code == 204
    assert "script-src-elem" in caplog.text
    assert (
        client.post(reverse("csp_report"), b"x" * 100_000, content_type="application/csp-report").status_code
        == 204
    )
    assert client.get(reverse("csp_report")).status_code == 405
