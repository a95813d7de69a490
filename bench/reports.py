#!/usr/bin/env python
"""The reports at scale (`make bench-reports`): a call's summary pages and the programme dashboard with 100 and
10 000 applications, and the whole-call workbook of the officials at both sizes, with production settings.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kannustin_bench .venv/bin/python bench/reports.py

The database is emptied first (its name must contain "bench"), as in bench/run.py. It then holds the 2019
programme (its real track-1 form) and the applications of `kannustin.reports.tests.scale.build`, written in
bulk as the scale test writes them: a mix of statuses, amounts in every band, a municipality as partner of every
third, reviews, sent decisions and frozen maturity self-assessments. The summary is published again at each
size. Measured per size, with Django's test client as bench/measure.py does (warm-ups, timed requests, one more
request whose SQL is counted and whose peak of Python memory is traced):

- the published summary page (anonymous), its PDF and its workbook; the officials' preview (which computes the
  figures, as publishing does); the dashboard (all calls of the programme, and the track-1 call alone);
- the summary PDF made once (in Finnish, as the task queued at publishing makes each language); the PDF page
  then serves the kept file;
- the whole-call workbook (`reports.tasks.export_call`, the background job, run inline on a ListExport row).

Results are printed and written into docs/performance.md between the `bench:reports` markers.
"""

import argparse
import gc
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import run as bench_run

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "performance.md"
HEADING = "## Reports: summaries, dashboard and the call's workbook at scale"
SIZES = (100, 10_000)
REVIEWERS = 12


def parse_args(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=5, help="timed requests per page and size (5)")
    parser.add_argument("--exports", type=int, default=2, help="timed whole-call workbooks per size (2)")
    parser.add_argument(
        "--sizes", default=",".join(str(size) for size in SIZES), help="applications, ascending (100,10000)"
    )
    parser.add_argument("--no-write", action="store_true", help="do not touch docs/performance.md")
    parser.add_argument(
        "--json", default=str(Path(tempfile.gettempdir()) / "kannustin-bench-reports.json"),
        help="where the figures are also written as JSON",
    )  # fmt: skip
    parser.add_argument("--rewrite", metavar="JSON", help="only write docs/performance.md from a run's JSON")
    parser.add_argument("--allow-sqlite", action="store_true", help="run on SQLite (not comparable)")
    parser.add_argument("--force", action="store_true", help="flush a database whose name lacks 'bench'")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.rewrite:  # the section again from a run's JSON, without measuring
        import json

        summary = json.loads(Path(args.rewrite).read_text())
        summary["sizes"] = [int(size) for size in summary["sizes"]]
        summary["results"] = {int(size): value for size, value in summary["results"].items()}
        bench_run.prepare_database(args)
        bench_run.configure_environment()
        import django

        django.setup()
        write(summary)
        return 0
    bench_run.prepare_database(args)
    media = bench_run.configure_environment()
    try:
        return run(args)
    finally:
        import shutil

        shutil.rmtree(media, ignore_errors=True)


# --- the data -----------------------------------------------------------------------------------------------


def make_user(role, email: str, name: str):
    """A verified ministry user with a TOTP authenticator (the second-factor middleware asks for one)."""
    import secrets

    from allauth.account.models import EmailAddress
    from allauth.mfa.totp.internal.auth import TOTP

    from kannustin.accounts.models import GlobalRole, User

    user = User.objects.create_user(email=email, password=secrets.token_urlsafe(16), name=name)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    GlobalRole.objects.create(user=user, role=role)
    TOTP.activate(user, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    return user


def seed_call():
    """The 2019 programme (published) and its track-1 call; the decision templates."""
    from django.db import transaction

    from kannustin.decisions import services as decisions
    from kannustin.demo import applications as demo_applications
    from kannustin.programmes import setup
    from kannustin.registry.reference_data import load_reference_data

    load_reference_data()
    with transaction.atomic():
        programme = setup.create_programme_2019()
    decisions.ensure_templates()
    call = demo_applications.track_1_call(programme)
    type(programme).objects.filter(pk=programme.pk).update(is_published=True)
    type(call).objects.filter(pk=call.pk).update(is_published=True)
    return call


# --- measuring ----------------------------------------------------------------------------------------------


def _get(client, url):
    return client.get(url, secure=True)  # production settings redirect plain HTTP to HTTPS


def _post(client, url):
    return client.post(url, secure=True)


SLOW_MS = 20_000  # an item whose first run takes longer is run once only (its memory is not traced)


def measured(work, repeat: int) -> dict:
    """A first run (a warm-up) counting the SQL; then `repeat` timed runs and one more tracing the peak of
    Python memory (tracemalloc). An item slower than SLOW_MS is run once only, that run timed."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time()
    with CaptureQueriesContext(connection) as queries:
        result = work()
    first_wall, first_cpu = (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000
    figures = {"queries": len(queries), "result": result, "peak_mb": None}
    if first_wall > SLOW_MS:
        walls, cpus = [first_wall], [first_cpu]
    else:
        walls, cpus = [], []
        for _ in range(repeat):
            gc.collect()
            wall, cpu = time.perf_counter(), time.process_time()
            work()
            walls.append((time.perf_counter() - wall) * 1000)
            cpus.append((time.process_time() - cpu) * 1000)
        gc.collect()
        tracemalloc.start()
        try:
            work()
            figures["peak_mb"] = tracemalloc.get_traced_memory()[1] / 1024 / 1024
        finally:
            tracemalloc.stop()
    figures.update(
        {
            "median_ms": statistics.median(walls),
            "p90_ms": percentile(walls, 90),
            "max_ms": max(walls),
            "cpu_ms": statistics.median(cpus),
            "timed": len(walls),
        }
    )
    return figures


def _mb(value) -> str:
    return "–" if value is None else f"{value:.0f} MB"


def percentile(values: list[float], pct: float) -> float:
    from measure import percentile as interpolated

    return interpolated(values, pct)


def pages(call) -> list[tuple[str, str, str]]:
    """(key, label, who, url) of every measured page."""
    from django.urls import reverse

    dashboard = reverse("reports:dashboard")
    return [
        ("summary", "Summary page (published, public)", "anonymous", reverse("reports:summary", args=[call.pk])),
        ("summary_pdf", "Summary PDF (the kept file)", "anonymous", reverse("reports:summary_pdf", args=[call.pk])),
        ("summary_xlsx", "Summary workbook (XLSX)", "anonymous", reverse("reports:summary_xlsx", args=[call.pk])),
        ("preview", "Summary preview (officials; figures computed)", "official",
         reverse("reports:summary_preview", args=[call.pk])),
        ("dashboard", "Dashboard (all calls of the programme)", "official",
         f"{dashboard}?programme={call.programme_id}"),
        ("dashboard_call", "Dashboard (the track-1 call)", "official",
         f"{dashboard}?programme={call.programme_id}&call={call.pk}"),
    ]  # fmt: skip


def measure_pages(call, clients, repeat: int) -> dict:
    results = {}
    for key, label, who, url in pages(call):
        client = clients[who]

        def get(client=client, url=url):
            response = _get(client, url)
            if response.status_code != 200:
                bench_run.fail(f"{url} answered {response.status_code}")
            return response

        figures = measured(get, repeat)
        figures.update({"label": label, "kib": len(figures.pop("result").content) / 1024})
        queries, peak = figures["queries"], figures["peak_mb"]
        results[key] = figures
        print(
            f"  {label:48} median {figures['median_ms']:8.0f} ms  p90 {figures['p90_ms']:8.0f} ms  "
            f"CPU {figures['cpu_ms']:8.0f} ms  {queries:3} queries  peak {_mb(peak)}  "
            f"{figures['kib']:7.0f} KiB"
        )
    return results


def measure_publish(call, client) -> dict:
    """One POST: the figures computed and stored (timed once, the SQL counted)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from kannustin.reports.models import PublishedSummary

    url = reverse("reports:summary_publish", args=[call.pk])
    versions = PublishedSummary.objects.filter(call=call).count()
    wall = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        response = _post(client, url)
    if response.status_code != 302 or PublishedSummary.objects.filter(call=call).count() != versions + 1:
        bench_run.fail(f"publishing answered {response.status_code} and published nothing")
    return {"ms": (time.perf_counter() - wall) * 1000, "queries": len(queries), "peak_mb": None}


def measure_pdf_made(call) -> dict:
    """The PDF of the new version in Finnish as the task queued at publishing makes it (once per version and
    language; timed once, CPU too), before the pages are measured: readers then get the kept file."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from kannustin.reports.models import PublishedSummary
    from kannustin.reports.summary_documents import pdf_content

    published = PublishedSummary.objects.select_related("call").filter(call=call).order_by("-version").first()
    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time()
    with CaptureQueriesContext(connection) as queries:
        content = pdf_content(published, "fi")
    return {
        "ms": (time.perf_counter() - wall) * 1000, "cpu_ms": (time.process_time() - cpu) * 1000,
        "queries": len(queries), "kib": len(content) / 1024,
    }  # fmt: skip


def measure_export(call, official, repeat: int) -> dict:
    """The whole-call workbook as the background job makes it (`tasks.export_call`, run inline)."""
    from kannustin.applications.models import ListExport
    from kannustin.reports import tasks

    def export():
        item = ListExport.objects.create(
            requested_by=official, kind=ListExport.Kind.CALL, params={"call": call.pk, "language": "fi"}
        )
        rows = tasks.export_call.call(item.pk)
        item.refresh_from_db()
        if item.state != ListExport.State.DONE:
            bench_run.fail(f"the export ended {item.state}")
        return rows, item.file.size

    figures = measured(export, repeat)
    rows, size = figures.pop("result")
    figures.update({"rows": rows, "mib": size / 1024 / 1024})
    queries, peak = figures["queries"], figures["peak_mb"]
    print(
        f"  {'Whole-call workbook (export task, inline)':48} median {figures['median_ms']:8.0f} ms  "
        f"max {figures['max_ms']:8.0f} ms  CPU {figures['cpu_ms']:8.0f} ms  {queries:3} queries  "
        f"peak {_mb(peak)}  {rows} applications, {figures['mib']:.1f} MiB"
    )
    return figures


# --- the run ------------------------------------------------------------------------------------------------


def run(args) -> int:
    import os

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client, override_settings

    from kannustin.accounts.roles import Role
    from kannustin.applications.models import Application
    from kannustin.reports.tests import scale

    if settings.DEBUG:
        bench_run.fail("DEBUG is on; run with DEBUG=0.")
    sizes = sorted(int(size) for size in args.sizes.split(","))
    started = time.perf_counter()
    load_start = " ".join(f"{value:.2f}" for value in os.getloadavg())
    print(f"Database: {connection.vendor} {connection.settings_dict['NAME']}; load average {load_start}")
    print("Preparing the database (migrate, flush) …")
    call_command("migrate", interactive=False, verbosity=0)
    call_command("flush", interactive=False, verbosity=0)
    call_command("createcachetable", verbosity=0)
    # Static files collected outside the project, as bench/run.py does (the manifest storage needs them).
    override_settings(STATIC_ROOT=str(bench_run.STATIC_CACHE)).enable()
    call_command("collectstatic", interactive=False, verbosity=0)
    call = seed_call()
    official = make_user(Role.OFFICIAL, "official@bench.example.fi", "Outi Valmistelija")
    reviewers = [
        make_user(Role.REVIEWER, f"reviewer{n}@bench.example.fi", f"Arvioija {n}") for n in range(REVIEWERS)
    ]
    clients = {"anonymous": Client(), "official": Client()}
    clients["official"].force_login(official)

    results, made = {}, 0
    for size in sizes:
        step = time.perf_counter()
        scale.build(call, size - made, user=official, reviewers=reviewers, start=made)
        made = size
        received = scale.received(call)
        print(
            f"\n{Application.objects.filter(call=call).count()} applications in {call} ({received} received), "
            f"written in {time.perf_counter() - step:.1f} s"
        )
        publish = measure_publish(call, clients["official"])
        print(
            f"  {'Publishing the summary (one POST)':48} {publish['ms']:8.0f} ms  {publish['queries']:3} queries  "
            f"peak {_mb(publish['peak_mb'])}"
        )
        pdf_made = measure_pdf_made(call)
        print(
            f"  {'Summary PDF made (once per version, fi)':48} {pdf_made['ms']:8.0f} ms  CPU "
            f"{pdf_made['cpu_ms']:8.0f} ms  {pdf_made['kib']:7.0f} KiB"
        )
        results[size] = {
            "received": received,
            "publish": publish,
            "pdf_made": pdf_made,
            "pages": measure_pages(call, clients, args.repeat),
            "export": measure_export(call, official, args.exports),
        }
    queries = {
        key: [results[size]["pages"][key]["queries"] for size in sizes] for key in results[sizes[0]]["pages"]
    }
    constant = all(len(set(counts)) == 1 for counts in queries.values())
    print(
        f"\nQueries per page at {', '.join(map(str, sizes))}: {queries} ({'constant' if constant else 'NOT constant'})"
    )
    summary = {
        "sizes": sizes, "results": results, "constant": constant, "load_start": load_start,
        "load_end": " ".join(f"{value:.2f}" for value in os.getloadavg()),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }  # fmt: skip
    print(
        f"Peak memory of the process: {summary['peak_rss_mb']:.0f} MB; load average at the end {summary['load_end']}"
    )
    import json

    Path(args.json).write_text(json.dumps(summary, default=str, indent=1))
    if not args.no_write:
        write(summary)
        print(f"\nWritten: {DOC.relative_to(ROOT)}")
    print(f"Done in {time.perf_counter() - started:.0f} s.")
    return 0


def _ms(value: float) -> str:
    return f"{value / 1000:.1f} s" if value >= 1000 else f"{value:.0f} ms"


def _n(value: int) -> str:
    return f"{value:,}".replace(",", "\u202f")


def write(summary) -> None:
    import report

    info = report.machine()
    sizes = summary["sizes"]
    results = summary["results"]
    big = sizes[-1]
    lines = [
        f"Measured {time.strftime('%Y-%m-%d')} on this {info.get('nproc')}-core machine ({info.get('cpu')}), "
        f"{info.get('database')}, DEBUG off (`bench/reports.py`; load average {summary['load_start']} at the "
        f"start, {summary['load_end']} at the end).",
        "",
        "Data: the 2019 track-1 call with the applications of `kannustin.reports.tests.scale.build` (written in "
        "bulk: a mix of statuses, amounts in every band, partners, reviews, sent decisions, frozen maturity "
        "self-assessments), "
        + ", ".join(f"{_n(size)} applications ({_n(results[size]['received'])} received)" for size in sizes)
        + "; the summary published again at each size. Median and p90 of the wall clock over the timed "
        "requests after a warm-up, median CPU time, SQL queries and the peak of Python memory (tracemalloc) "
        "of one more request.",
        "",
        "| page | applications | median | p90 | CPU | SQL queries | peak memory | size |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    keys = list(results[sizes[0]]["pages"])
    for key in keys:
        for size in sizes:
            r = results[size]["pages"][key]
            label = r["label"] if size == sizes[0] else ""
            median = f"**{_ms(r['median_ms'])}**" if size == big else _ms(r["median_ms"])
            p90 = _ms(r["p90_ms"]) if r["timed"] > 1 else "(one run)"
            lines.append(
                f"| {label} | {_n(size)} | {median} | {p90} | {_ms(r['cpu_ms'])} | {r['queries']} | "
                f"{_mb(r['peak_mb'])} | {_n(round(r['kib']))} KiB |"
            )
    for size in sizes:
        r = results[size]["export"]
        label = "Whole-call workbook (the export task, run inline)" if size == sizes[0] else ""
        median = f"**{_ms(r['median_ms'])}**" if size == big else _ms(r["median_ms"])
        lines.append(
            f"| {label} | {_n(size)} | {median} | (one run) | {_ms(r['cpu_ms'])} | {r['queries']} | "
            f"{_mb(r['peak_mb'])} | {r['mib']:.1f} MiB, {_n(r['rows'])} applications |"
        )
    for size in sizes:
        r = results[size].get("pdf_made")
        if r is None:  # a run from before the PDF was kept
            continue
        label = "Summary PDF made (once per version and language, by the task queued at publishing)"
        label = label if size == sizes[0] else ""
        median = f"**{_ms(r['ms'])}**" if size == big else _ms(r["ms"])
        lines.append(
            f"| {label} | {_n(size)} | {median} | (one run) | {_ms(r['cpu_ms'])} | {r['queries']} | – | "
            f"{_n(round(r['kib']))} KiB |"
        )
    for size in sizes:
        r = results[size]["publish"]
        label = "Publishing the summary (one POST: figures computed and stored)" if size == sizes[0] else ""
        lines.append(f"| {label} | {_n(size)} | {_ms(r['ms'])} | (one run) | | {r['queries']} | | |")
    lines += [
        "",
        f"The pages run {'the same number of' if summary['constant'] else 'DIFFERENT numbers of'} SQL queries at "
        f"{' and '.join(_n(size) for size in sizes)} applications (asserted by "
        "`kannustin/reports/tests/test_scale.py`); the workbook's queries grow by a fixed number per chunk of "
        "100 applications. An item slower than 20 s was run once (its memory not traced). Peak memory of the "
        f"whole bench process: {_n(round(summary['peak_rss_mb']))} MB.",
    ]
    section = "\n".join(lines)
    from report import replace_section

    replace_section(DOC, "reports", section, HEADING)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main())
