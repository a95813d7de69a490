#!/usr/bin/env python
"""Track 2's benchmark (`make bench-matching`): how well the suggested workshop clusters agree with the demo's
known topics, how fast similar proposals are found among 1 000 proposals, and the track-2 pages at 133 and
1 000 proposals, in PostgreSQL with production settings.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kannustin_bench .venv/bin/python bench/matching.py

The database is emptied first (its name must contain "bench"), as in bench/run.py. It then holds the 2019
round with its 133 proposals (`seed_demo`'s track 2), and grows to 1 000 proposals by writing more of the
same generator's proposals. Results are printed and written into docs/performance.md between the
`bench:matching` markers.

- Agreement: the adjusted Rand index (sklearn.metrics.adjusted_rand_score) between the suggested clusters and
  each proposal's primary topic, with the declared topics as features (as the service does) and from the text
  alone. 1 is perfect agreement, 0 is chance.
- Lookup: `matching.similar_proposals` for 100 proposals picked at random, the model fitted (as it is after
  the first request following a change); and the fitting itself, once per change of the proposals.
"""

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

import run as bench_run

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "performance.md"
LOOKUP_BUDGET_MS = 200.0


def parse_args(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--proposals", type=int, default=1000, help="proposals for the lookup (1000)")
    parser.add_argument("--lookups", type=int, default=100, help="timed lookups (100)")
    parser.add_argument("--repeat", type=int, default=10, help="timed requests per page (10)")
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


def _ms(seconds: float) -> float:
    return seconds * 1000


def run(args) -> int:
    import django

    django.setup()
    import measure
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import override_settings
    from django.urls import reverse
    from sklearn.metrics import adjusted_rand_score

    from kannustin.accounts.models import User
    from kannustin.applications.models import Application
    from kannustin.demo import track2 as demo_track2
    from kannustin.jointprojects import matching
    from kannustin.programmes.models import Call

    started = time.perf_counter()
    print(f"Database: {connection.vendor} {connection.settings_dict['NAME']}")
    print("Preparing the database and the demo (migrate, flush, seed_demo) …")
    call_command("migrate", interactive=False, verbosity=0)
    call_command("flush", interactive=False, verbosity=0)
    call_command("createcachetable", verbosity=0)
    static = override_settings(STATIC_ROOT=str(bench_run.STATIC_CACHE))
    static.enable()
    call_command("collectstatic", interactive=False, verbosity=0)
    call_command("load_reference_data", verbosity=0)
    call_command("seed_demo", "--force", verbosity=0)

    call = Call.objects.get(stage=Call.Stage.PROPOSAL, programme__year=2019, programme__is_demo=False)
    proposals = list(matching.proposals_of(call).order_by("pk"))
    known = {p.pk: demo_track2.known_topic(p) for p in proposals}
    all_topics = [o["key"] for o in call.current_question_set().questions.get(key="topics").options]
    topic_keys = [key for key in all_topics if key != "other"]
    results = {"proposals": len(proposals), "topics": len(set(known.values()))}

    def agreement(weight):
        known = {p.pk: demo_track2.known_topic(p) for p in matching.proposals_of(call).only("pk", "answers")}
        matching._in_process.clear()
        clusters = matching.suggest_clusters(call, topic_keys, topic_weight=weight)
        found = {pk: number for number, cluster in enumerate(clusters) for pk in cluster["proposals"]}
        return adjusted_rand_score([known[pk] for pk in found], [found[pk] for pk in found]), len(clusters)

    results["ari"], results["clusters"] = agreement(matching.TOPIC_WEIGHT)
    results["ari_text"], _count = agreement(0)
    print(f"  {len(proposals)} proposals, {results['topics']} known topics, {results['clusters']} clusters: "
          f"ARI {results['ari']:.3f} (text alone {results['ari_text']:.3f})")  # fmt: skip

    # The pages at the demo's size.
    users = {
        "applicant": User.objects.get(email="signatory@kannustin.example"),
        "official": User.objects.get(email="official@kannustin.example"),
    }
    clients = {}
    for key, user in users.items():
        client = Client()
        client.force_login(user)
        clients[key] = client
    proposal = proposals[0]
    pages = [
        measure.Page("t2_list", "Proposals (list)", "track 2", "applicant", reverse("jointprojects:proposals"), True),
        measure.Page("t2_proposal", "A proposal", "track 2", "applicant",
                     reverse("jointprojects:proposal", args=[proposal.pk])),
        measure.Page("t2_matching", "Find partners (map)", "track 2", "applicant",
                     reverse("jointprojects:matching", args=[proposal.pk])),
        measure.Page("t2_dashboard", "Officials' dashboard", "track 2", "official", reverse("jointprojects:dashboard")),
    ]  # fmt: skip
    page_results = {}

    def measure_pages(size):
        for page in pages:
            result = measure.measure(clients[page.who], page, size, repeat=args.repeat, warmup=2)
            page_results.setdefault(page.key, {})[size] = result
            print(f"  {page.key:14} median {result.median_ms:7.1f} ms  p90 {result.p90_ms:7.1f} ms  "
                  f"{result.queries:3} queries  status {result.status}")  # fmt: skip

    print(f"\nPages at {len(proposals)} proposals:")
    measure_pages(len(proposals))

    # Grow to the lookup size with more proposals of the same generator.
    grow = args.proposals - len(proposals)
    if grow > 0:
        made = demo_track2.more_proposals(call, grow, seed=2020)
        print(f"\nAdded {made} proposals.")
    count = matching.proposals_of(call).count()
    matching._in_process.clear()
    from django.core.cache import cache

    cache.clear()
    fit_started = time.perf_counter()
    matching.refit(call)
    results["fit_ms"] = _ms(time.perf_counter() - fit_started)
    ids = list(matching.proposals_of(call).values_list("pk", flat=True))
    rng = random.Random(1000)
    picked = [
        Application.objects.select_related("call").get(pk=pk)
        for pk in rng.sample(ids, min(args.lookups, len(ids)))
    ]
    timings = []
    for item in picked:
        lookup_started = time.perf_counter()
        matching.similar_proposals(item, limit=8)
        timings.append(_ms(time.perf_counter() - lookup_started))
    results.update(
        count=count,
        lookup_median=statistics.median(timings),
        lookup_p90=measure.percentile(timings, 90),
        lookup_max=max(timings),
    )
    print(f"  {count} proposals: fitting {results['fit_ms']:.0f} ms (once per change); lookup median "
          f"{results['lookup_median']:.1f} ms, p90 {results['lookup_p90']:.1f} ms, max {results['lookup_max']:.1f} ms "
          f"(budget {LOOKUP_BUDGET_MS:.0f} ms)")  # fmt: skip
    results["ari_large"], results["clusters_large"] = agreement(matching.TOPIC_WEIGHT)
    print(f"  clusters at {count}: ARI {results['ari_large']:.3f}")
    print(f"\nPages at {count} proposals:")
    measure_pages(count)

    if not args.no_write:
        write(results, page_results, pages, [len(proposals), count])
        print(f"\nWritten: {DOC.relative_to(ROOT)}")
    static.disable()
    print(f"Done in {time.perf_counter() - started:.0f} s.")
    return 0


def write(results, page_results, pages, sizes) -> None:
    import report

    info = report.machine()
    lines = [
        f"Measured {time.strftime('%Y-%m-%d')} on {info.get('cpu', 'this machine')}, PostgreSQL, DEBUG off "
        "(`bench/matching.py`).",
        "",
        "| | value |",
        "| --- | --- |",
        f"| demo proposals (2019) with known primary topics | {results['proposals']} in {results['topics']} topics |",
        f"| suggested clusters vs known topics, adjusted Rand index | **{results['ari']:.3f}** ({results['clusters']} clusters) |",
        f"| the same from the text alone (no topic features) | {results['ari_text']:.3f} |",
        f"| clusters at {results['count']} proposals, ARI | {results['ari_large']:.3f} |",
        f"| similar-proposal lookup at {results['count']} proposals, median / p90 / max | "
        f"**{results['lookup_median']:.1f} / {results['lookup_p90']:.1f} / {results['lookup_max']:.1f} ms** "
        f"(budget {LOOKUP_BUDGET_MS:.0f} ms) |",
        f"| fitting the model at {results['count']} proposals (once per change, in the background) | {results['fit_ms']:.0f} ms |",
        "",
        "| page | " + " | ".join(f"{size} proposals: median, queries" for size in sizes) + " |",
        "| --- | " + " | ".join("---" for _ in sizes) + " |",
    ]  # fmt: skip
    for page in pages:
        cells = []
        for size in sizes:
            result = page_results[page.key].get(size)
            cells.append(f"{result.median_ms:.1f} ms, {result.queries}" if result else "–")
        lines.append(f"| {page.label} | " + " | ".join(cells) + " |")
    section = "\n".join(lines)
    from report import replace_section

    replace_section(DOC, "matching", section, "## Track 2: matching and its pages")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main())
