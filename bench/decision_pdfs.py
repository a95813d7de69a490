#!/usr/bin/env python
"""Decision PDFs (`make bench-decisions`, second half): how long `kannustin.decisions.documents.decision_pdf`
takes per document, in Finnish and in Swedish, and for a batch of 200, with production settings.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kannustin_bench .venv/bin/python bench/decision_pdfs.py

The database is emptied first (its name must contain "bench"), as in bench/run.py. It then holds the 2019
programme with 200 realistic track-1 applications (the demo's generator, `seed_applications_2019`, asked for
200 municipalities instead of 185) and goes the whole way through the services: `reviews.services.auto_assign`
(two reviewers each), `declare` and `submit` (seeded scores), `decisions.services.draw` (the optimiser at the
track's budget), `choose`, `prepare`, `present`, `sign` and `send`. The PDFs themselves are then made as the
delivery task makes them (the decision loaded with the same `select_related`), outside any request:

- per document: 20 timed documents for each language and outcome (different decisions where there are that
  many, after two untimed ones), median and p90 of the wall clock and the median CPU time; the very first PDF
  of the process (WeasyPrint's import and font set-up) is reported apart;
- batch: the 200 decisions loaded in one query and made one after another, total and per document.
Pages are counted with pypdf. Results are printed and written into docs/performance.md between the
`bench:decision-pdfs` markers.
"""

import argparse
import io
import os
import random
import resource
import secrets
import statistics
import sys
import time
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import run as bench_run

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "performance.md"
HEADING = "## Evaluation and decisions: the optimiser and decision PDFs"
APPLICATIONS = 200
REVIEWERS = 8
SEED = 2026
NARROW = "\u202f"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--repeat", type=int, default=20, help="timed documents per language and outcome (20)"
    )
    parser.add_argument("--batch", type=int, default=APPLICATIONS, help="decisions in the batch (200)")
    parser.add_argument("--no-write", action="store_true", help="do not touch docs/performance.md")
    parser.add_argument("--allow-sqlite", action="store_true", help="run on SQLite (not comparable)")
    parser.add_argument("--force", action="store_true", help="flush a database whose name lacks 'bench'")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    bench_run.prepare_database(args)
    media = bench_run.configure_environment()
    try:
        return run(args)
    finally:
        import shutil

        shutil.rmtree(media, ignore_errors=True)


# --- the data -----------------------------------------------------------------------------------------------


def make_user(role, email: str, name: str, title: str = ""):
    from allauth.account.models import EmailAddress

    from kannustin.accounts.models import GlobalRole, User

    user = User.objects.create_user(email=email, password=secrets.token_urlsafe(16), name=name)
    user.title = title
    user.save(update_fields=["title"])
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    GlobalRole.objects.create(user=user, role=role)
    return user


def seed_applications(count: int):
    """The 2019 programme and `count` submitted track-1 applications from the demo's generator."""
    from django.db import transaction

    from kannustin.demo import applications as demo_applications
    from kannustin.programmes import setup
    from kannustin.registry.reference_data import load_reference_data

    load_reference_data()
    choose = demo_applications.choose_municipalities
    demo_applications.choose_municipalities = lambda rng, count_=count: choose(rng, count_)
    try:
        with transaction.atomic():
            programme = setup.create_programme_2019()
            demo_applications.seed_applications_2019(programme)
    finally:
        demo_applications.choose_municipalities = choose
    return demo_applications.track_1_call(programme)


def evaluate(call, people, rng: random.Random) -> int:
    """Two reviewers per application through the services: declared not disqualified, scores submitted.
    Each application has a quality of its own; the reviewers score around it."""
    from kannustin.reviews import services as reviews
    from kannustin.reviews.models import Review

    reviews.auto_assign(call, by=people["official"], per=2)
    codes = [c.code for c in call.criteria.all() if c.is_scored]
    levels = sorted(call.scale_levels.values_list("value", flat=True)) or list(
        range(call.score_min, call.score_max + 1)
    )
    quality = {}
    count = 0
    for review in Review.objects.filter(application__call=call).select_related("reviewer").order_by("pk"):
        review = reviews.declare(review, by=review.reviewer, disqualified=False)
        centre = quality.setdefault(review.application_id, rng.uniform(levels[0] + 0.5, levels[-1] - 0.3))
        scores = {
            code: {
                "score": min(levels[-1], max(levels[0], round(rng.gauss(centre, 0.7)))),
                "justification": "Arvio perustuu hakemuksen kuvaukseen ja kustannusarvioon.",
            }
            for code in codes
        }
        reviews.submit(review, by=review.reviewer, scores=scores, comment="", version=review.version)
        count += 1
    return count


def decide(call, people):
    from kannustin.decisions import services
    from kannustin.decisions.models import Decision, Scenario

    scenario = services.draw(
        call, by=people["official"], method=Scenario.Method.OPTIMISER, name="Optimointi",
        budget=services.default_budget(call),
    )  # fmt: skip
    services.choose(scenario, by=people["official"], reason="Suurin pistesumma määrärahan puitteissa.")
    drafts = services.prepare(call, by=people["official"])
    services.present(drafts, by=people["presenter"])
    # Signed when the 2019 round was decided: the decision's year, number and period of use are those of
    # 2019 (signing today would start the period of use after its end, 30 November 2021).
    services.sign(drafts, by=people["decision_maker"], at=call.closes_at + timedelta(weeks=10))
    services.send(call, by=people["official"])
    return scenario, Decision.objects.filter(application__call=call, state=Decision.State.SENT).count()


def loaded():
    """Decisions as the delivery task loads them (`tasks.deliver_decision`)."""
    from kannustin.decisions.models import Decision

    return Decision.objects.select_related(
        "application", "application__call", "application__call__programme", "application__organisation",
        "template", "presenter", "decision_maker", "rectification__decision",
    )  # fmt: skip


# --- measuring ----------------------------------------------------------------------------------------------


def pages_of(content: bytes) -> int:
    import pypdf

    return len(pypdf.PdfReader(io.BytesIO(content)).pages)


def _timed(make, decision):
    wall, cpu = time.perf_counter(), time.process_time()
    content = make(decision)
    return time.perf_counter() - wall, time.process_time() - cpu, content


def per_document(groups: dict, repeat: int) -> dict:
    """Per language and outcome: two untimed documents, then `repeat` timed ones (distinct decisions while
    there are enough, then again from the first)."""
    import gc

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from kannustin.decisions.documents import decision_pdf

    results = {}
    for key, pks in groups.items():
        if not pks:
            continue
        order = [pks[i % len(pks)] for i in range(repeat + 2)]
        walls, cpus, sizes, pages = [], [], [], []
        for number, pk in enumerate(order):
            decision = loaded().get(pk=pk)
            gc.collect()
            wall, cpu, content = _timed(decision_pdf, decision)
            if number < 2:
                continue
            walls.append(wall * 1000)
            cpus.append(cpu * 1000)
            sizes.append(len(content))
            pages.append(pages_of(content))
        decision = loaded().get(pk=pks[0])
        with CaptureQueriesContext(connection) as queries:
            decision_pdf(decision)
        results[key] = {
            "documents": len(walls),
            "distinct": min(len(pks), repeat),
            "median_ms": statistics.median(walls),
            "p90_ms": sorted(walls)[max(0, int(round(0.9 * len(walls))) - 1)],
            "cpu_ms": statistics.median(cpus),
            "queries": len(queries),
            "pages": (min(pages), max(pages)),
            "kib": statistics.median(sizes) / 1024,
        }
    return results


def batch(pks: list[int]) -> dict:
    from kannustin.decisions.documents import decision_pdf

    wall, cpu = time.perf_counter(), time.process_time()
    decisions = list(loaded().filter(pk__in=pks).order_by("pk"))
    contents = [decision_pdf(decision) for decision in decisions]
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    pages = [pages_of(content) for content in contents]
    sizes = [len(content) for content in contents]
    return {
        "documents": len(contents),
        "total_s": wall,
        "cpu_s": cpu,
        "per_document_ms": wall * 1000 / len(contents),
        "pages": (min(pages), statistics.median(pages), max(pages)),
        "pages_total": sum(pages),
        "bytes": (min(sizes), statistics.median(sizes), max(sizes)),
        "megabytes_total": sum(sizes) / 1024 / 1024,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


# --- the run ------------------------------------------------------------------------------------------------


def run(args) -> int:
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    from kannustin.accounts.roles import Role
    from kannustin.decisions.documents import decision_pdf
    from kannustin.decisions.models import Decision

    if settings.DEBUG:
        bench_run.fail("DEBUG is on; run with DEBUG=0.")
    started = time.perf_counter()
    load_start = " ".join(f"{value:.2f}" for value in os.getloadavg())
    print(f"Database: {connection.vendor} {connection.settings_dict['NAME']}; load average {load_start}")
    print("Preparing the database (migrate, flush) …")
    call_command("migrate", interactive=False, verbosity=0)
    call_command("flush", interactive=False, verbosity=0)
    call_command("createcachetable", verbosity=0)

    print(f"Seeding the 2019 programme with {APPLICATIONS} applications …")
    step = time.perf_counter()
    call = seed_applications(APPLICATIONS)
    people = {
        "official": make_user(Role.OFFICIAL, "official@bench.example.fi", "Outi Valmistelija", "erityisasiantuntija"),
        "presenter": make_user(Role.PRESENTER, "presenter@bench.example.fi", "Eeva Esittelijä", "neuvotteleva virkamies"),
        "decision_maker": make_user(Role.DECISION_MAKER, "decision-maker@bench.example.fi", "Ritva Ratkaisija",
                                    "osastopäällikkö"),
        "reviewers": [make_user(Role.REVIEWER, f"reviewer{n}@bench.example.fi", f"Arvioija {n}")
                      for n in range(1, REVIEWERS + 1)],
    }  # fmt: skip
    applications = call.applications.count()
    print(f"  {applications} applications in {call} ({time.perf_counter() - step:.0f} s)")
    step = time.perf_counter()
    reviewed = evaluate(call, people, random.Random(SEED))
    print(f"  {reviewed} reviews submitted through the services ({time.perf_counter() - step:.0f} s)")
    step = time.perf_counter()
    scenario, sent = decide(call, people)
    print(
        f"  scenario {scenario.name}: budget {scenario.budget} €; {sent} decisions drafted, presented, signed "
        f"and sent ({time.perf_counter() - step:.0f} s)"
    )

    decisions = list(
        Decision.objects.filter(application__call=call, state=Decision.State.SENT)
        .order_by("pk")
        .values_list("pk", "language", "outcome")
    )
    groups = {}
    for pk, language, outcome in decisions:
        groups.setdefault((language, outcome), []).append(pk)
    counts = {f"{language} {outcome}": len(pks) for (language, outcome), pks in sorted(groups.items())}
    print(f"  by language and outcome: {counts}")

    print("\nThe first PDF of the process (WeasyPrint's import and fonts):")
    first = loaded().get(pk=decisions[0][0])
    wall, cpu, content = _timed(decision_pdf, first)
    cold = {"ms": wall * 1000, "cpu_ms": cpu * 1000, "pages": pages_of(content)}
    print(f"  {cold['ms']:.0f} ms (CPU {cold['cpu_ms']:.0f} ms), {cold['pages']} pages")

    print(f"\nPer document ({args.repeat} timed after 2 untimed, per language and outcome):")
    single = per_document(dict(sorted(groups.items())), args.repeat)
    for (language, outcome), r in single.items():
        print(
            f"  {language} {outcome:9} median {r['median_ms']:6.0f} ms  p90 {r['p90_ms']:6.0f} ms  "
            f"CPU {r['cpu_ms']:6.0f} ms  {r['queries']} queries  pages {r['pages'][0]}–{r['pages'][1]}  "
            f"{r['kib']:.0f} KiB  ({r['distinct']} distinct decisions)"
        )
    pks = [pk for pk, _language, _outcome in decisions][: args.batch]
    print(f"\nBatch of {len(pks)} …")
    whole = batch(pks)
    print(
        f"  {whole['documents']} PDFs in {whole['total_s']:.1f} s (CPU {whole['cpu_s']:.1f} s): "
        f"{whole['per_document_ms']:.0f} ms per document; pages {whole['pages'][0]}–{whole['pages'][2]} "
        f"(median {whole['pages'][1]}), {whole['pages_total']} in all; {whole['megabytes_total']:.1f} MB; "
        f"peak memory {whole['peak_rss_mb']:.0f} MB"
    )
    results = {
        "applications": applications, "reviews": reviewed, "sent": sent, "counts": counts, "cold": cold,
        "single": single, "batch": whole, "budget": scenario.budget, "load_start": load_start,
        "load_end": " ".join(f"{value:.2f}" for value in os.getloadavg()),
    }  # fmt: skip
    print(f"Load average at the end: {results['load_end']}")
    if not args.no_write:
        write(results, args)
        print(f"\nWritten: {DOC.relative_to(ROOT)}")
    print(f"Done in {time.perf_counter() - started:.0f} s.")
    return 0


LANGUAGES = {"fi": "Finnish", "sv": "Swedish"}


def write(results, args) -> None:
    import report

    info = report.machine()
    whole = results["batch"]
    budget = f"{Decimal(results['budget']):,.0f}".replace(",", NARROW)
    lines = [
        f"Measured {time.strftime('%Y-%m-%d')} on this {info.get('nproc')}-core machine ({info.get('cpu')}), "
        f"{info.get('database')}, DEBUG off, WeasyPrint (`bench/decision_pdfs.py`; load average "
        f"{results['load_start']} at the start, {results['load_end']} at the end).",
        "",
        f"Data: {results['applications']} applications of the 2019 track-1 call, {results['reviews']} reviews, "
        f"the optimiser's scenario at the track's budget "
        f"({budget} €), "
        f"{results['sent']} decisions presented, signed and sent through the services "
        f"({', '.join(f'{k}: {v}' for k, v in results['counts'].items())}).",
        "",
        "| decisions | documents timed | median | p90 | CPU | SQL queries | pages | size |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for (language, outcome), r in results["single"].items():
        pages = f"{r['pages'][0]}" if r["pages"][0] == r["pages"][1] else f"{r['pages'][0]}–{r['pages'][1]}"
        lines.append(
            f"| {LANGUAGES.get(language, language)}, {outcome} | {r['documents']} ({r['distinct']} distinct) | "
            f"**{r['median_ms']:.0f} ms** | {r['p90_ms']:.0f} ms | {r['cpu_ms']:.0f} ms | {r['queries']} | "
            f"{pages} | {r['kib']:.0f} KiB |"
        )
    cold = results["cold"]
    lines += [
        f"| the first PDF of a process (WeasyPrint's import and fonts) | 1 | {cold['ms']:.0f} ms | | "
        f"{cold['cpu_ms']:.0f} ms | | {cold['pages']} | |",
        "",
        f"Batch: **{whole['documents']} decisions in {whole['total_s']:.1f} s**, {whole['per_document_ms']:.0f} ms "
        f"per document (CPU {whole['cpu_s']:.1f} s; loading included), one process; pages "
        f"{whole['pages'][0]}–{whole['pages'][2]} (median {whole['pages'][1]:g}), {whole['pages_total']} in all; "
        f"{whole['bytes'][0] / 1024:.0f}–{whole['bytes'][2] / 1024:.0f} KiB per PDF, "
        f"{whole['megabytes_total']:.1f} MB in all; peak memory of the process {whole['peak_rss_mb']:.0f} MB.",
    ]  # fmt: skip
    section = "\n".join(lines)
    from report import replace_section

    replace_section(DOC, "decision-pdfs", section, HEADING, "### Decision PDFs")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main())
