#!/usr/bin/env python
"""The closing-day surge as a benchmark: every municipality of 2019 with a complete draft and two editors
autosaving it through the API, then every draft submitted twice in the last minute, against the production
server (gunicorn with WEB_CONCURRENCY workers and a background worker, as `make serve` runs them) on
PostgreSQL. Load from locust, headless, in this machine's other processes.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kannustin_surge .venv/bin/python bench/surge/run.py \\
        [--seconds 300] [--every 5] [--window 60] [--scale 1] [--drafts 311]

The database is emptied and rebuilt (its name must contain "surge"). Reported: requests per second, p50/p95/p99
per kind of request, errors, the server's CPU time per request, lost saves (an acknowledged save missing from
the saved versions) and duplicate case numbers; written to bench/results/surge-<scale>x.json and printed as
Markdown for docs/performance.md.
"""

import argparse
import csv
import json
import os
import secrets
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
VENV = ROOT / ".venv" / "bin"
RESULTS = ROOT / "bench" / "results"


def parse_args():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=int, default=300, help="length of the autosave phase (300)")
    parser.add_argument("--every", type=float, default=5.0, help="seconds between one editor's saves (5)")
    parser.add_argument("--window", type=int, default=60, help="the last minute: the submit window (60)")
    parser.add_argument(
        "--scale", type=int, default=1, help="editors per draft and role (10 for the 10× run)"
    )
    parser.add_argument("--drafts", type=int, default=311, help="municipalities with a draft (311)")
    parser.add_argument("--port", type=int, default=8777)
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", "3")))
    parser.add_argument("--reuse", action="store_true",
                        help="keep the database and its drafts (no rebuild); submitted ones become drafts again")  # fmt: skip
    return parser.parse_args()


def environment() -> dict:
    url = os.environ.get("DATABASE_URL", "")
    if "postgres" not in url or "surge" not in url.rsplit("/", 1)[-1]:
        sys.exit(
            "surge: set DATABASE_URL to a PostgreSQL database whose name contains 'surge' (it is emptied)."
        )
    env = dict(os.environ)
    env.update(DEBUG="0", SECRET_KEY=env.get("SECRET_KEY") or secrets.token_urlsafe(50), ALLOWED_HOSTS="127.0.0.1",
               SECURE_SSL_REDIRECT="0", LOG_LEVEL="ERROR", DJANGO_SETTINGS_MODULE="kannustin.settings",
               MEDIA_ROOT=tempfile.mkdtemp(prefix="kannustin-surge-media-"))  # fmt: skip
    return env


def create_database(url: str) -> None:
    import dj_database_url
    import psycopg
    from psycopg import sql

    config = dj_database_url.parse(url)
    name = str(config["NAME"])
    params = {"dbname": "postgres", "host": config.get("HOST") or None, "port": config.get("PORT") or None,
              "user": config.get("USER") or None}  # fmt: skip
    with psycopg.connect(**{k: v for k, v in params.items() if v}, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


SETUP_SCRIPT = r"""
import json, sys
import django
django.setup()
sys.path.insert(0, "bench")
from django.core.management import call_command
from kannustin.accounts.models import ApiToken
from kannustin.accounts.roles import Role
from kannustin.core import clock
from kannustin.programmes import setup
from kannustin.registry.models import Organisation
from kannustin.registry.reference_data import load_reference_data
from kannustin.demo.applications import track_1_call
import world

call_command("migrate", interactive=False, verbosity=0)
call_command("createcachetable", verbosity=0)
load_reference_data()
demo = setup.create_demo_programme(clock.helsinki(clock.now()).date())
call = track_1_call(demo)
count = int(sys.argv[1])
drafts = []
for organisation in Organisation.objects.municipalities().in_classification(2019).order_by("code")[:count]:
    signatory = world.make_user(Role.SIGNATORY, organisation)
    applicant = world.make_user(Role.APPLICANT, organisation)
    draft = world._complete(call, organisation, signatory, f"surge-{organisation.code}")
    tokens = {role: ApiToken.issue(user, "surge", scope=ApiToken.Scope.WRITE)[1]
              for role, user in (("signatory", signatory), ("applicant", applicant))}
    drafts.append({"id": draft.pk, "code": organisation.code, "signatory_token": tokens["signatory"],
                   "applicant_token": tokens["applicant"]})
    if len(drafts) % 50 == 0:
        print(f"  {len(drafts)} drafts", flush=True)
print(json.dumps({"call": call.pk, "drafts": drafts}), file=open(sys.argv[2], "w"))
"""


def setup(env, drafts: int, path: Path) -> None:
    print(f"Setting up {drafts} complete drafts with two editors each …", flush=True)
    subprocess.run([str(VENV / "python"), "-c", SETUP_SCRIPT, str(drafts), str(path)], cwd=ROOT, env=env,
                   check=True)  # fmt: skip


def start_server(env, port: int, workers: int):
    web = subprocess.Popen(
        [str(VENV / "gunicorn"), "kannustin.wsgi:application", "--bind", f"127.0.0.1:{port}", "--workers",
         str(workers), "--timeout", "60", "--error-logfile", "-", "--log-level", "warning"],
        cwd=ROOT, env=env, start_new_session=True,
    )  # fmt: skip
    worker = subprocess.Popen(
        [str(VENV / "python"), "manage.py", "run_worker", "--queue-name", "default", "--interval", "1"],
        cwd=ROOT, env=env, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    import urllib.request

    for _ in range(60):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/", timeout=2)
            break
        except Exception:  # noqa: BLE001 - not up yet
            time.sleep(0.5)
    return web, worker


def machine_cpu() -> dict:
    """CPU seconds the whole machine has been busy, and those of this script's finished children (locust)."""
    import resource

    import psutil

    times = psutil.cpu_times()
    idle = times.idle + getattr(times, "iowait", 0.0)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"busy": sum(times) - idle, "locust": children.ru_utime + children.ru_stime, "wall": time.time()}


RESET_SCRIPT = r"""
import json, sys
import django
django.setup()
from kannustin.applications.models import Application, Receipt
ids = [d["id"] for d in json.load(open(sys.argv[1]))["drafts"]]
Receipt.objects.filter(application_id__in=ids).delete()
print(Application.objects.filter(pk__in=ids).update(status="draft", case_number=None, submitted_at=None),
      "drafts made drafts again")
"""


def reset(env, path: Path) -> None:
    """--reuse: the drafts of an earlier run, submitted by it, become drafts again."""
    subprocess.run([str(VENV / "python"), "-c", RESET_SCRIPT, str(path)], cwd=ROOT, env=env, check=True)


def server_cpu(web) -> float:
    """CPU seconds used so far by gunicorn's master and workers."""
    import psutil

    process = psutil.Process(web.pid)
    total = 0.0
    for p in [process, *process.children(recursive=True)]:
        try:
            times = p.cpu_times()
            total += times.user + times.system
        except psutil.NoSuchProcess:
            pass
    return total


def locust(env, *, phase: str, users: int, seconds: int, port: int, prefix: Path, extra: dict) -> dict:
    run_env = {**env, **extra, "SURGE_PHASE": phase}
    # The autosave phase is measured in its steady state: editors join over one autosave interval and the
    # statistics start once all have joined (--reset-stats); submits come as they come.
    every = float(extra["SURGE_EVERY"])
    spawn = max(1, round(users / every)) if phase == "autosave" else max(1, min(users, 200))
    steady = ["--reset-stats"] if phase == "autosave" else []
    subprocess.run(
        [str(VENV / "locust"), "-f", str(HERE / "locustfile.py"), "--headless", "-u", str(users), "-r", str(spawn),
         "-t", f"{seconds}s", "--host", f"http://127.0.0.1:{port}", "--csv", str(prefix), "--only-summary",
         "--stop-timeout", "10", "--loglevel", "ERROR", *steady],
        cwd=ROOT, env=run_env, check=False,
    )  # fmt: skip
    stats = {}
    with open(f"{prefix}_stats.csv") as handle:
        for row in csv.DictReader(handle):
            stats[row["Name"]] = {
                "requests": int(row["Request Count"]),
                "failures": int(row["Failure Count"]),
                "rps": float(row["Requests/s"]),
                "p50": float(row["50%"] or 0),
                "p95": float(row["95%"] or 0),
                "p99": float(row["99%"] or 0),
            }
    return stats


CHECK_SCRIPT = r"""
import json, sys
import django
django.setup()
from django.db import connection
from django.db.models import Count
from kannustin.applications.models import Application

acks = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
# An acknowledged save is lost when its value can no longer be found: not in any saved version of its
# application, nor replaced by a later acknowledged save of the same answer in the version it was folded into
# (versions that scale). A value that a save sent unchanged on top of an older version of its own (a client
# retrying on the version a 409 named) is kept in the version where it was first written, and found there.
ids = sorted({ack["id"] for ack in acks})
saved, values = {}, {}
with connection.cursor() as cursor:
    cursor.execute(
        "SELECT application_id, version, data->'answers' FROM applications_applicationversion "
        "WHERE application_id = ANY(%s) ORDER BY application_id, version", [ids],
    )
    for application_id, version, answers in cursor.fetchall():
        answers = answers if isinstance(answers, dict) else json.loads(answers)
        saved.setdefault(application_id, []).append((version, answers))
        for field, value in answers.items():
            values.setdefault((application_id, field), set()).add(value)
later = {}
for ack in acks:
    later.setdefault((ack["id"], ack["field"]), []).append(ack["version"])
lost = 0
for ack in acks:
    if ack["value"] in values.get((ack["id"], ack["field"]), set()):
        continue
    row = next(((v, a) for v, a in saved.get(ack["id"], []) if v >= ack["version"]), None)
    if row is None or not any(ack["version"] < v <= row[0] for v in later[(ack["id"], ack["field"])]):
        lost += 1
duplicates = list(Application.objects.exclude(case_number=None).values("case_number").annotate(n=Count("id"))
                  .filter(n__gt=1).values_list("case_number", flat=True))
drafts = json.load(open(sys.argv[2]))["drafts"]
submitted = Application.objects.filter(pk__in=[d["id"] for d in drafts]).exclude(case_number=None).count()
ids = [d["id"] for d in drafts]
with connection.cursor() as cursor:  # versions that scale: how many rows and bytes the run left
    cursor.execute(
        "SELECT count(*), coalesce(sum(folded), 0), coalesce(avg(pg_column_size(data)), 0), "
        "coalesce(sum(pg_column_size(data)), 0) FROM applications_applicationversion WHERE application_id = ANY(%s)",
        [ids],
    )
    rows, folded, avg_bytes, total_bytes = cursor.fetchone()
print(json.dumps({"acknowledged_saves": len(acks), "lost_saves": lost, "duplicate_case_numbers": duplicates,
                  "submitted": submitted, "version_rows": rows, "autosaves_folded": int(folded),
                  "bytes_per_version": round(float(avg_bytes)), "version_bytes_per_application":
                  round(float(total_bytes) / max(len(ids), 1))}))
"""


def main() -> int:
    args = parse_args()
    env = environment()
    RESULTS.mkdir(parents=True, exist_ok=True)
    setup_file = RESULTS / "surge-setup.json"
    if not args.reuse or not setup_file.exists():
        create_database(env["DATABASE_URL"])
        setup(env, args.drafts, setup_file)
    else:
        reset(env, setup_file)
    drafts = len(json.loads(setup_file.read_text())["drafts"])
    acks = Path(tempfile.mkstemp(prefix="surge-acks-", suffix=".jsonl")[1])
    web, worker = start_server(env, args.port, args.workers)
    editors = 2 * drafts * args.scale
    extra = {"SURGE_SETUP": str(setup_file), "SURGE_EVERY": str(args.every), "SURGE_WINDOW": str(args.window),
             "SURGE_ACKS": str(acks), "SURGE_SCALE": str(args.scale)}  # fmt: skip
    try:
        print(
            f"Autosave phase: {editors} editors, a save every {args.every} s each, {args.seconds} s …",
            flush=True,
        )
        cpu0, machine0 = server_cpu(web), machine_cpu()
        saves = locust(env, phase="autosave", users=editors, seconds=args.seconds, port=args.port,
                       prefix=RESULTS / f"surge-{args.scale}x-autosave", extra=extra)  # fmt: skip
        cpu1, machine1 = server_cpu(web), machine_cpu()
        print(f"Submit phase: every draft submitted twice within {args.window} s …", flush=True)
        submits = locust(env, phase="submit", users=editors, seconds=args.window, port=args.port,
                         prefix=RESULTS / f"surge-{args.scale}x-submit", extra=extra)  # fmt: skip
        cpu2 = server_cpu(web)
    finally:
        for process in (web, worker):
            os.killpg(process.pid, signal.SIGTERM)
    check = json.loads(subprocess.run([str(VENV / "python"), "-c", CHECK_SCRIPT, str(acks), str(setup_file)],
                                      cwd=ROOT, env=env, check=True, capture_output=True, text=True).stdout)  # fmt: skip
    saves_total = saves.get("Aggregated", {}).get("requests", 0)
    submits_total = submits.get("Aggregated", {}).get("requests", 0)
    result = {
        "scale": args.scale, "drafts": drafts, "editors": editors, "every_s": args.every, "seconds": args.seconds,
        "window_s": args.window, "workers": args.workers, "autosave_phase": saves, "submit_phase": submits,
        "cpu_ms_per_request_autosave_phase": round((cpu1 - cpu0) * 1000 / max(saves_total, 1), 1),
        "cpu_ms_per_request_submit_phase": round((cpu2 - cpu1) * 1000 / max(submits_total, 1), 1),
        # Where the machine's CPU went in the autosave phase, per request: the app server, the load generator
        # (locust, this script's child) and the rest (PostgreSQL, the background worker, the system).
        "autosave_phase_cpu_ms_per_request": {
            key: round((machine1[key] - machine0[key]) * 1000 / max(saves_total, 1), 1)
            for key in ("busy", "locust")
        },
        "autosave_phase_cpu_busy_share": round(
            (machine1["busy"] - machine0["busy"]) / max(machine1["wall"] - machine0["wall"], 1e-9)
            / (os.cpu_count() or 1), 2),
        **check,
    }  # fmt: skip
    (RESULTS / f"surge-{args.scale}x.json").write_text(json.dumps(result, indent=2))
    print(markdown(result))
    return 0


def markdown(r: dict) -> str:
    lines = [
        f"Surge at {r['scale']}×: {r['drafts']} drafts, {r['editors']} editors saving every {r['every_s']} s for "
        f"{r['seconds']} s, then every draft submitted twice within {r['window_s']} s; gunicorn with "
        f"{r['workers']} workers and one background worker, PostgreSQL, this machine.",
        "",
        "| request | count | errors | req/s | p50 ms | p95 ms | p99 ms |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for phase in ("autosave_phase", "submit_phase"):
        for name, s in r[phase].items():
            if name == "Aggregated":
                continue
            lines.append(f"| {name} | {s['requests']} | {s['failures']} | {s['rps']:.1f} | {s['p50']:.0f} | "
                         f"{s['p95']:.0f} | {s['p99']:.0f} |")  # fmt: skip
    lines += [
        "",
        f"Server CPU per request: {r['cpu_ms_per_request_autosave_phase']} ms (autosave phase), "
        f"{r['cpu_ms_per_request_submit_phase']} ms (submit phase). Acknowledged saves: {r['acknowledged_saves']}, "
        f"lost: {r['lost_saves']}. Submitted: {r['submitted']} of {r['drafts']}. Duplicate case numbers: "
        f"{len(r['duplicate_case_numbers'])}.",
        "",
        f"Machine CPU in the autosave phase: {r['autosave_phase_cpu_busy_share']:.0%} of both cores busy; per "
        f"request {r['autosave_phase_cpu_ms_per_request']['busy']} ms in all, of which the app server "
        f"{r['cpu_ms_per_request_autosave_phase']} ms and locust {r['autosave_phase_cpu_ms_per_request']['locust']} "
        "ms (the rest: PostgreSQL, the background worker, the system).",
        "",
        f"Versions of the surge's drafts: {r['version_rows']} rows ({r['autosaves_folded']} autosaves folded into "
        f"them), {r['bytes_per_version']} bytes per version, {r['version_bytes_per_application']} bytes per "
        "application.",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
