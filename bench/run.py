#!/usr/bin/env python
"""Kannustin's performance benchmark (`make bench`): server time and SQL queries of the main pages and API
endpoints with 10 and 1 000 applications in PostgreSQL, DEBUG off, the cached template loader.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kannustin_bench make bench

The database named in DATABASE_URL is created when missing and EMPTIED (flushed) when it exists; its name
must contain "bench" (or give --force). SQLite is refused unless --allow-sqlite (the numbers are then not
comparable with the budget). Results are printed, written into docs/performance.md between markers, and kept
in bench/results/latest.json. See docs/performance.md.
"""

import argparse
import os
import secrets
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
DOC = ROOT / "docs" / "performance.md"
JSON_RESULTS = BENCH / "results" / "latest.json"
STATIC_CACHE = Path(tempfile.gettempdir()) / "kannustin-bench-static"
SQLITE_DEFAULT = f"sqlite:///{Path(tempfile.gettempdir()) / 'kannustin-bench.sqlite3'}"
EXAMPLE_URL = "postgres://postgres@127.0.0.1:5432/kannustin_bench"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="10,1000", help="numbers of applications to measure at (10,1000)")
    parser.add_argument("--repeat", type=int, default=10, help="timed requests per page (10)")
    parser.add_argument("--warmup", type=int, default=2, help="untimed requests first (2)")
    parser.add_argument("--only", default="", help="measure only these pages (comma-separated keys)")
    parser.add_argument(
        "--profile", default="", help="after measuring, profile these pages or writes (needs pyinstrument)"
    )
    parser.add_argument("--sql", default="", help="print the SQL of these pages at the largest size")
    parser.add_argument("--list", action="store_true", help="list the page keys and exit")
    parser.add_argument("--check", action="store_true", help="exit with status 1 when a page is over budget")
    parser.add_argument(
        "--no-write", action="store_true", help="do not touch docs/performance.md or results/"
    )
    parser.add_argument("--allow-sqlite", action="store_true", help="run on SQLite (not comparable)")
    parser.add_argument("--no-writes", action="store_true", help="measure the pages only, not the writes")
    parser.add_argument("--force", action="store_true", help="flush a database whose name lacks 'bench'")
    return parser.parse_args(argv)


def fail(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr)
    sys.exit(2)


def prepare_database(args) -> None:
    """Check DATABASE_URL before Django starts; create the PostgreSQL database if it does not exist."""
    import dj_database_url

    url = os.environ.get("DATABASE_URL", "")
    if not url:
        if not args.allow_sqlite:
            fail(
                "DATABASE_URL is not set. The budget is measured on PostgreSQL, e.g.\n"
                f"  DATABASE_URL={EXAMPLE_URL} make bench\n"
                "(or pass --allow-sqlite to try it on a throw-away SQLite file)."
            )
        url = os.environ["DATABASE_URL"] = SQLITE_DEFAULT
    config = dj_database_url.parse(url)
    engine, name = config["ENGINE"], str(config["NAME"])
    if engine.endswith("sqlite3"):
        if not args.allow_sqlite:
            fail(
                "DATABASE_URL points at SQLite. The budget is measured on PostgreSQL, e.g.\n"
                f"  DATABASE_URL={EXAMPLE_URL} make bench\n"
                "Pass --allow-sqlite to run on SQLite anyway (numbers not comparable with the budget)."
            )
        if Path(name).resolve() == (ROOT / "db.sqlite3").resolve():
            fail("refusing to flush the project's own db.sqlite3; point DATABASE_URL at another file.")
        return
    if "postgresql" not in engine:
        fail(f"unsupported database engine {engine}.")
    if "bench" not in name and not args.force:
        fail(f"the database {name!r} would be emptied; use a name containing 'bench' (or --force).")
    import psycopg
    from psycopg import sql

    params = {
        "dbname": "postgres",
        "host": config.get("HOST") or None,
        "port": config.get("PORT") or None,
        "user": config.get("USER") or None,
        "password": config.get("PASSWORD") or None,
    }
    try:
        with psycopg.connect(**{k: v for k, v in params.items() if v}, autocommit=True) as conn:
            exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
            if not exists:
                conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
                print(f"Created database {name}.")
    except psycopg.Error as error:
        fail(f"cannot reach PostgreSQL to create {name!r}: {error}")


def configure_environment() -> str:
    """Production settings: DEBUG off (so the cached template loader, manifest static files, database cache)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kannustin.settings")
    os.environ.setdefault("DEBUG", "0")
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))  # production settings refuse a weak key
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    os.environ.setdefault("LOG_LEVEL", "ERROR")  # 404 warnings of a failing page would drown the table
    media = tempfile.mkdtemp(prefix="kannustin-bench-media-")
    os.environ["MEDIA_ROOT"] = media
    sys.path.insert(0, str(ROOT))
    return media


def main(argv=None) -> int:
    args = parse_args(argv)
    prepare_database(args)
    media = configure_environment()
    try:
        return run(args)
    finally:
        shutil.rmtree(media, ignore_errors=True)


def run(args) -> int:
    import django

    django.setup()
    import measure
    import report
    import world as world_module
    import writes as writes_module
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import override_settings

    if settings.DEBUG:
        fail("DEBUG is on; run with DEBUG=0 (the budget is for production settings).")
    sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()}, reverse=True)
    started = time.perf_counter()
    load_start = " ".join(f"{value:.2f}" for value in os.getloadavg())
    busy = os.getloadavg()[0] > (os.cpu_count() or 1) / 2
    print(f"Database: {connection.vendor} {connection.settings_dict['NAME']}; load average {load_start}")
    if busy:
        print("  note: the machine is busy; timings will be slower than on an idle machine.")

    print("Preparing the database (migrate, flush, cache table, static files) …")
    call_command("migrate", interactive=False, verbosity=0)
    call_command("flush", interactive=False, verbosity=0)
    call_command("createcachetable", verbosity=0)
    # Static files are collected outside the project (the manifest storage needs them to render pages).
    # The project's URLs plus the floor view of the write budgets (bench/writes.py).
    static = override_settings(STATIC_ROOT=str(STATIC_CACHE), ROOT_URLCONF="writes")
    static.enable()
    call_command("collectstatic", interactive=False, verbosity=0)

    print("Building the data …")
    world = world_module.build()
    pages = measure.pages(world)
    if args.list:
        for page in pages:
            print(f"{page.key:20} {page.url}")
        return 0
    only = {key.strip() for key in args.only.split(",") if key.strip()}
    if only:
        unknown = only - {page.key for page in pages}
        if unknown:
            fail(f"unknown page keys: {', '.join(sorted(unknown))} (see --list)")
        pages = [page for page in pages if page.key in only]

    by_page: dict[str, dict[int, measure.Result]] = {page.key: {} for page in pages}
    sizes_info = {}
    clients = None
    writes, write_results = None, {}
    for size in sizes:
        made = world_module.grow(world, size)
        deleted = world_module.shrink(world, size)
        world_module.analyse()
        sizes_info[size] = world_module.sizes_summary(world)
        print(f"\n{size} applications (copied {made}, deleted {deleted}): {sizes_info[size]}")
        if sizes_info[size]["applications"] != size:
            print(f"  note: the database holds {sizes_info[size]['applications']} applications, not {size}")
        clients = clients or measure.clients(world)
        for page in pages:
            result = measure.measure(clients[page.who], page, size, repeat=args.repeat, warmup=args.warmup)
            by_page[page.key][size] = result
            flag = "" if result.status == 200 else f"  status {result.status}"
            print(
                f"  {page.key:20} median {result.median_ms:7.1f} ms  p90 {result.p90_ms:7.1f} ms  "
                f"cpu {result.cpu_ms:6.1f} ms  "
                f"{result.queries:3} queries  {result.bytes / 1024:7.1f} KiB{flag}"
            )
        if size == sizes[0]:
            for key in filter(None, (k.strip() for k in args.sql.split(","))):
                result = by_page.get(key, {}).get(size)
                if result:
                    print(f"\nSQL of {key} at {size}:")
                    for number, query in enumerate(result.sql, 1):
                        print(f"  {number:2}. {query[:400]}")
        if not args.no_writes and not only:
            writes = writes or writes_module.Writes(world, world_module.make_user, world_module._complete)
            write_results[size] = writes.measure(size, repeat=args.repeat, warmup=args.warmup)
            for r in write_results[size]:
                flag = "" if r.status in (200, 201) else f"  status {r.status}"
                print(
                    f"  {r.key:20} median {r.median_ms:7.1f} ms  p90 {r.p90_ms:7.1f} ms  cpu {r.cpu_ms:6.1f} ms  "
                    f"{r.queries:3} queries (budget {r.budget}){flag}"
                )
        if size == sizes[0]:
            for key in filter(None, (k.strip() for k in args.profile.split(","))):
                page = next((p for p in pages if p.key == key), None)
                if page:
                    print(f"\nProfile of {key} at {size}:\n{measure.profile(clients[page.who], page)}")
                elif writes is not None and key in dict(writes.KINDS):
                    print(f"\nProfile of {key} at {size}:\n{writes.profile(key)}")

    print()
    print(report.console(by_page))
    if write_results:
        print("\nWrites:\n" + writes_module.table(write_results))
    info = {**report.machine(), "load_start": load_start}
    options = {"repeat": args.repeat, "warmup": args.warmup}
    if not args.no_write and not only:
        report.write_markdown(DOC, report.markdown(by_page, info, sizes_info, options), SKELETON)
        report.write_json(JSON_RESULTS, by_page, info, sizes_info)
        print(f"\nWritten: {DOC.relative_to(ROOT)}, {JSON_RESULTS.relative_to(ROOT)}")
    static.disable()
    print(f"Done in {time.perf_counter() - started:.0f} s.")
    over = [row["label"] for row in report.rows(by_page) if row["state"] != "within"]
    if over:
        print(f"Over budget: {', '.join(over)}.")
    return 1 if over and args.check else 0


SKELETON = """# Performance

Budgets and how they are measured: see `bench/run.py` and ARCHITECTURE.md.

## Latest results
"""


if __name__ == "__main__":
    sys.exit(main())
