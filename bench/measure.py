"""Timing pages with Django's test client: warm-ups, timed requests, and one more request whose SQL is counted
(counting forces Django's debug cursor, so it is kept out of the timed requests)."""

import gc
import os
import statistics
import time
from dataclasses import dataclass, field

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

# Budgets from ARCHITECTURE.md: server time of a list page and of any other page, and SQL queries per page.
LIST_BUDGET_MS = 100.0
PAGE_BUDGET_MS = 60.0
QUERY_BUDGET = 15


@dataclass
class Page:
    key: str
    label: str
    group: str  # public, applicant, maturity, ministry, api
    who: str  # anonymous, or a key of World.users; "token" for the API with the applicant's token
    url: str
    is_list: bool = False

    @property
    def budget_ms(self) -> float:
        return LIST_BUDGET_MS if self.is_list else PAGE_BUDGET_MS


@dataclass
class Result:
    page: Page
    size: int
    status: int
    median_ms: float
    p90_ms: float
    cpu_ms: float  # median CPU time of this process: less disturbed by other load than the wall clock
    queries: int
    bytes: int
    timings_ms: list[float] = field(default_factory=list)
    sql: list[str] = field(default_factory=list)


def pages(world) -> list[Page]:
    """Every measured page, with the URL built from the fixed URL names."""
    draft, submitted = world.draft.pk, world.submitted.pk
    org = world.org_a.code
    demo = world.call_demo
    return [
        Page("home", "Home", "public", "anonymous", reverse("programmes:home")),
        Page(
            "call", "Call page (current track 1)", "public", "anonymous",
            reverse("programmes:call", kwargs={"slug": demo.programme.slug, "call_slug": demo.slug}),
        ),
        Page("faq", "FAQ", "public", "anonymous", reverse("programmes:faq")),
        Page("dashboard", "Applicant dashboard", "applicant", "signatory_a",
             reverse("applications:dashboard"), is_list=True),
        Page("overview", "Application overview (task list)", "applicant", "signatory_a",
             reverse("applications:overview", args=[draft])),
        Page("section", "Section page: basics (with similar projects)", "applicant", "signatory_a",
             reverse("applications:section", args=[draft, "basics"])),
        Page("budget", "Budget page", "applicant", "signatory_a", reverse("applications:budget", args=[draft])),
        Page("check", "Check your answers", "applicant", "signatory_a", reverse("applications:check", args=[draft])),
        Page("maturity_overview", "Maturity overview (current call)", "maturity", "signatory_a",
             reverse("maturity:overview", args=[org, demo.pk])),
        Page("maturity_result", "Maturity result (2019, with comparisons)", "maturity", "signatory_a",
             reverse("maturity:result", args=[org, world.call_2019.pk])),
        Page("ministry_list", "Ministry: applications, page 1", "ministry", "official",
             reverse("applications:ministry_list"), is_list=True),
        Page("ministry_detail", "Ministry: application detail", "ministry", "official",
             reverse("applications:ministry_detail", args=[submitted])),
        Page("outbox", "Ministry: outbox", "ministry", "official", reverse("applications:outbox"), is_list=True),
        Page("api_calls", "API: calls", "api", "anonymous", "/api/v1/calls/", is_list=True),
        Page("api_call", "API: one call", "api", "anonymous", f"/api/v1/calls/{demo.pk}/"),
        Page("api_municipalities", "API: municipalities", "api", "anonymous", "/api/v1/municipalities/",
             is_list=True),
        Page("api_application", "API: one application", "api", "token", f"/api/v1/applications/{draft}/"),
    ]  # fmt: skip


def clients(world) -> dict:
    """One signed-in client per person (sessions in the database, as in production)."""
    made = {"anonymous": Client(), "token": Client(headers={"authorization": f"Bearer {world.token}"})}
    for key in ("signatory_a", "official"):
        client = Client()
        client.force_login(world.users[key])
        made[key] = client
    return made


def _get(client, url):
    # secure=True: production settings redirect plain HTTP to HTTPS.
    return client.get(url, secure=True)


def measure(client, page: Page, size: int, *, repeat: int = 10, warmup: int = 2) -> Result:
    response = None
    for _ in range(warmup):
        response = _get(client, page.url)
    gc.collect()
    timings, cpu = [], []
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        response = _get(client, page.url)
        timings.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    with CaptureQueriesContext(connection) as queries:
        response = _get(client, page.url)
    return Result(
        page=page,
        size=size,
        status=response.status_code,
        median_ms=statistics.median(timings),
        p90_ms=percentile(timings, 90),
        cpu_ms=statistics.median(cpu),
        queries=len(queries),
        bytes=len(response.content),
        timings_ms=timings,
        sql=[query["sql"] for query in queries.captured_queries],
    )


def percentile(values: list[float], pct: float) -> float:
    """Linear interpolation between the closest ranks (numpy's default)."""
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    rank = (len(ordered) - 1) * pct / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def profile(client, page: Page, *, repeat: int = 5) -> str:
    """A pyinstrument profile of a page (pyinstrument is not a dependency: install it to use --profile)."""
    try:
        from pyinstrument import Profiler
    except ImportError:
        return "pyinstrument is not installed: .venv/bin/python -m pip install pyinstrument"
    for _ in range(2):
        _get(client, page.url)
    profiler = Profiler(interval=0.0005)
    profiler.start()
    for _ in range(repeat):
        _get(client, page.url)
    profiler.stop()
    return profiler.output_text(unicode=True, color=False, show_all=bool(os.environ.get("PROFILE_ALL")))
