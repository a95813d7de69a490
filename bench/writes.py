"""Write budgets: what an autosave, a section autosave, an attachment upload and a submission cost, measured
like the pages (warm-ups, timed requests, then one more whose SQL is counted), beside a **floor**: a bare
Django view that authenticates the same token, locks the row, updates one JSON field, inserts one version row
and answers JSON — the least a save can cost on this machine and database.

Each kind of write has its own state: the autosaves send the version they were based on and go on from the
answer; an upload is removed again (untimed) so that the count limit is never reached; every submission
consumes a complete draft prepared beforehand, one per organisation.
"""

import gc
import json
import statistics
import time
from dataclasses import dataclass

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.http import Http404, JsonResponse
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import include, path, reverse
from django.views.decorators.csrf import csrf_exempt
from measure import percentile

from kannustin.accounts.models import ApiToken
from kannustin.accounts.roles import Role
from kannustin.applications import actions
from kannustin.applications.models import Application, ApplicationVersion
from kannustin.demo.applications import tiny_pdf
from kannustin.registry.models import Organisation

# Queries per write: the autosaves and submit as the save path's acceptance asks (docs/performance.md); the
# upload as measured when this was written (its file checks and quota read more); the floor for reference.
QUERY_BUDGETS = {
    "api_autosave": 10,
    "section_autosave": 12,
    "attachment_upload": 20,
    "submit": 25,
    "floor": 6,
}


# --- the floor ---------------------------------------------------------------------------------------------


@csrf_exempt
def floor(request, pk):
    """The least a save can do: the same token check, the row locked, one JSON field updated, one version row
    inserted, JSON back."""
    raw = request.headers.get("Authorization", "").removeprefix("Bearer ")
    token = ApiToken.authenticate(raw)
    if token is None:
        raise Http404
    body = json.loads(request.body or b"{}")
    with transaction.atomic():
        application = Application.objects.select_for_update().only("id", "answers", "version").get(pk=pk)
        application.answers = {**application.answers, **body.get("answers", {})}
        application.version += 1
        application.save(update_fields=["answers", "version"])
        ApplicationVersion.objects.create(
            application_id=pk,
            version=application.version,
            saved_by=token.user,
            data={"answers": application.answers},
        )
    return JsonResponse({"version": application.version})


# The project's URLs plus the floor (run.py points ROOT_URLCONF here).
urlpatterns = [path("bench/floor/<int:pk>/", floor), path("", include("kannustin.urls"))]


# --- the writes --------------------------------------------------------------------------------------------


@dataclass
class WriteResult:
    key: str
    label: str
    size: int
    status: int
    median_ms: float
    p90_ms: float
    cpu_ms: float
    queries: int
    budget: int
    sql: list


class Writes:
    """The measured writes and their state, made once per run (after the world is built)."""

    def __init__(self, world, make_user, complete):
        self.world = world
        signatory = world.users["signatory_a"]
        _token, self.raw = ApiToken.issue(signatory, "bench writes", scope=ApiToken.Scope.WRITE)
        self.api = Client(headers={"authorization": f"Bearer {self.raw}"})
        self.browser = Client()
        self.browser.force_login(signatory)
        self.make_user, self.complete = make_user, complete
        # The floor writes to its own draft (of a municipality with none yet: drafts per organisation are
        # capped), so that the measured draft's versions stay whole.
        self.floor_draft = None
        self.to_submit: list[tuple[Application, str]] = []
        self.counter = 0

    def prepare_submissions(self, count: int) -> None:
        """Complete drafts of organisations with no application in the demo call, each with its signatory's
        write token."""
        for organisation in self._free_organisations()[: max(0, count - len(self.to_submit))]:
            signatory = self._signatory(organisation)
            draft = self.complete(
                self.world.call_demo, organisation, signatory, f"bench-submit-{organisation.code}"
            )
            _token, raw = ApiToken.issue(signatory, "bench submit", scope=ApiToken.Scope.WRITE)
            self.to_submit.append((draft, raw))

    def _signatory(self, organisation):
        """The bench's signatory of the organisation (made once: a size change may free the organisation again)."""
        from kannustin.accounts.models import User

        existing = User.objects.filter(memberships__organisation=organisation, memberships__role=Role.SIGNATORY,
                                       email__endswith="@bench.example.fi").first()  # fmt: skip
        return existing or self.make_user(Role.SIGNATORY, organisation)

    def _free_organisations(self):
        taken = Application.objects.filter(call=self.world.call_demo).values("organisation_id")
        return (
            Organisation.objects.municipalities()
            .in_classification(2026)
            .exclude(pk__in=taken)
            .order_by("code")
        )

    def _version(self, application) -> int:
        return Application.objects.values_list("version", flat=True).get(pk=application.pk)

    def _text(self) -> str:
        self.counter += 1
        return f"Talouden raportoinnin automatisointi, muokkaus {self.counter}"

    # One request of each kind (the untimed preparation of the next one is done inside, before the clock).

    def api_autosave(self):
        draft = self.world.draft
        body = {"version": self._version(draft), "answers": {"summary": self._text()}}
        return lambda: self.api.patch(f"/api/v1/applications/{draft.pk}/", json.dumps(body),
                                      content_type="application/json", secure=True)  # fmt: skip

    def section_autosave(self):
        draft = self.world.draft
        data = {"version": self._version(draft), "project_name": self._text()[:200]}
        url = reverse("applications:section", args=[draft.pk, "basics"])
        return lambda: self.browser.post(url, data, HTTP_HX_REQUEST="true", secure=True)

    def attachment_upload(self):
        draft = self.world.draft
        for attachment in draft.attachments.filter(original_name__startswith="bench-"):
            actions.remove_attachment(attachment, by=self.world.users["signatory_a"])
        name = f"bench-{self.counter}.pdf"
        pdf = tiny_pdf(["Liite", name])

        def request():
            return self.api.post(f"/api/v1/applications/{draft.pk}/attachments/",
                                 {"file": SimpleUploadedFile(name, pdf, content_type="application/pdf")}, secure=True)  # fmt: skip

        return request

    def submit(self):
        draft, raw = self.to_submit.pop()
        client = Client(headers={"authorization": f"Bearer {raw}"})
        return lambda: client.post(f"/api/v1/applications/{draft.pk}/submit/", secure=True)

    def floor(self):
        body = {"answers": {"summary": self._text()}}
        pk = self.floor_draft.pk
        return lambda: self.api.post(f"/bench/floor/{pk}/", json.dumps(body), content_type="application/json",
                                     secure=True)  # fmt: skip

    KINDS = (
        ("floor", "Floor: a bare view (token, lock, one JSON field, one version row)"),
        ("api_autosave", "API autosave (one answer)"),
        ("section_autosave", "Section autosave (htmx, one section)"),
        ("attachment_upload", "Attachment upload (API, a small PDF)"),
        ("submit", "Submit (API; receipt after commit)"),
    )

    def profile(self, key: str, *, repeat: int = 20) -> str:
        """A pyinstrument profile of one kind of write (not for submit, which consumes prepared drafts)."""
        try:
            from pyinstrument import Profiler
        except ImportError:
            return "pyinstrument is not installed: .venv/bin/python -m pip install pyinstrument"
        if key == "submit":
            return "submit is not profiled (each request consumes a prepared draft)"
        make = getattr(self, key)
        requests = [make() for _ in range(2)]
        for request in requests:
            request()
        profiler = Profiler(interval=0.0005)
        for _ in range(repeat):
            request = make()
            profiler.start()
            request()
            profiler.stop()
        return profiler.output_text(unicode=True, color=False, show_all=False)

    def measure(self, size: int, *, repeat: int, warmup: int) -> list[WriteResult]:
        if self.floor_draft is None or not Application.objects.filter(pk=self.floor_draft.pk).exists():
            # A smaller size deletes applications the benchmark did not keep: make the floor's draft again.
            organisation = self._free_organisations().first()
            self.floor_draft = actions.create_draft(self.world.call_demo, organisation,
                                                    by=self._signatory(organisation))  # fmt: skip
        self.prepare_submissions(repeat + warmup + 1)
        results = []
        for key, label in self.KINDS:
            make = getattr(self, key)
            runs = repeat
            if key == "submit":  # each submission consumes a prepared draft
                runs = min(repeat, len(self.to_submit) - warmup - 1)
                if runs < 1:
                    continue
            for _ in range(warmup):
                make()()
            gc.collect()
            timings, cpu = [], []
            for _ in range(runs):
                request = make()
                started, started_cpu = time.perf_counter(), time.process_time()
                response = request()
                timings.append((time.perf_counter() - started) * 1000)
                cpu.append((time.process_time() - started_cpu) * 1000)
            request = make()
            with CaptureQueriesContext(connection) as queries:
                response = request()
            results.append(
                WriteResult(
                    key=key,
                    label=label,
                    size=size,
                    status=response.status_code,
                    median_ms=statistics.median(timings),
                    p90_ms=percentile(timings, 90),
                    cpu_ms=statistics.median(cpu),
                    queries=len(queries),
                    budget=QUERY_BUDGETS[key],
                    sql=[q["sql"] for q in queries.captured_queries],
                )  # fmt: skip
            )
        return results


def table(results_by_size: dict[int, list[WriteResult]]) -> str:
    """A Markdown table: each write at each size, with the floor's time for comparison."""
    lines = [
        "| write | size | median ms | p90 ms | CPU ms | × floor | queries (budget) | status |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for size, results in sorted(results_by_size.items()):
        floor_ms = next((r.median_ms for r in results if r.key == "floor"), None)
        for r in results:
            ratio = f"{r.median_ms / floor_ms:.1f}" if floor_ms else "–"
            lines.append(
                f"| {r.label} | {size} | {r.median_ms:.1f} | {r.p90_ms:.1f} | {r.cpu_ms:.1f} | {ratio} | "
                f"{r.queries} ({r.budget}) | {r.status} |"
            )
    return "\n".join(lines)
