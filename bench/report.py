"""The results as a table: printed, written into docs/performance.md between markers, and kept as JSON."""

import json
import os
import platform
import subprocess
from datetime import datetime
from pathlib import Path

import django
from django.db import connection
from measure import QUERY_BUDGET

START = "<!-- bench:results:start -->"
END = "<!-- bench:results:end -->"


def machine() -> dict:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor()
    ram = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                ram = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    except OSError:
        pass
    try:
        nproc = subprocess.run(["nproc"], capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        nproc = str(os.cpu_count())
    database = connection.vendor
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            database = f"PostgreSQL {cursor.fetchone()[0]}"
    elif connection.vendor == "sqlite":
        import sqlite3

        database = f"SQLite {sqlite3.sqlite_version}"
    try:
        load = " ".join(f"{value:.2f}" for value in os.getloadavg())
    except OSError:
        load = ""
    return {
        "load": load,
        "nproc": nproc,
        "cpu": cpu,
        "ram": ram,
        "python": platform.python_version(),
        "django": django.get_version(),
        "database": database,
        "os": platform.platform(),
    }


def verdict(results: dict) -> tuple[str, list[str]]:
    """'within' or 'over', and why, for one page's results at every size."""
    large = results[max(results)]
    reasons = []
    if any(r.status != 200 for r in results.values()):
        reasons.append("status " + "/".join(str(r.status) for r in results.values()))
    if large.median_ms > large.page.budget_ms:
        reasons.append(f"time > {large.page.budget_ms:.0f} ms")
    if any(r.queries > QUERY_BUDGET for r in results.values()):
        reasons.append(f"queries > {QUERY_BUDGET}")
    if len({r.queries for r in results.values()}) > 1:
        reasons.append("queries grow with data")
    return ("over" if reasons else "within"), reasons


def rows(by_page: dict) -> list[dict]:
    out = []
    for results in by_page.values():
        sizes = sorted(results)
        small, large = results[sizes[0]], results[sizes[-1]]
        state, reasons = verdict(results)
        out.append(
            {
                "key": large.page.key,
                "label": large.page.label,
                "url": large.page.url,
                "budget_ms": large.page.budget_ms,
                "sizes": sizes,
                "small": small,
                "large": large,
                "state": state,
                "reasons": reasons,
            }
        )
    return out


def table(by_page: dict) -> str:
    data = rows(by_page)
    if not data:
        return ""
    small_n, large_n = data[0]["sizes"][0], data[0]["sizes"][-1]
    lines = [
        f"| page | budget | median ms @{small_n} | median ms @{large_n} | p90 ms @{large_n} | CPU ms @{large_n} "
        f"| queries @{small_n} | queries @{large_n} | KiB | verdict |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for row in data:
        small, large = row["small"], row["large"]
        verdict_text = "within" if row["state"] == "within" else "**OVER**: " + ", ".join(row["reasons"])
        lines.append(
            f"| {row['label']} (`{row['url']}`) | {row['budget_ms']:.0f} ms "
            f"| {small.median_ms:.1f} | {large.median_ms:.1f} | {large.p90_ms:.1f} | {large.cpu_ms:.1f} "
            f"| {small.queries} | {large.queries} | {large.bytes / 1024:.1f} | {verdict_text} |"
        )
    return "\n".join(lines)


def console(by_page: dict) -> str:
    data = rows(by_page)
    if not data:
        return ""
    small_n, large_n = data[0]["sizes"][0], data[0]["sizes"][-1]
    head = (
        f"{'page':44} {'budget':>6} {'med@' + str(small_n):>9} {'med@' + str(large_n):>9} "
        f"{'p90@' + str(large_n):>9} {'cpu@' + str(large_n):>9} {'q@' + str(small_n):>6} {'q@' + str(large_n):>6} {'KiB':>7}  verdict"
    )
    lines = [head, "-" * len(head)]
    for row in data:
        small, large = row["small"], row["large"]
        lines.append(
            f"{row['label'][:44]:44} {row['budget_ms']:>6.0f} {small.median_ms:>9.1f} {large.median_ms:>9.1f} "
            f"{large.p90_ms:>9.1f} {large.cpu_ms:>9.1f} {small.queries:>6} {large.queries:>6} {large.bytes / 1024:>7.1f}  "
            + (row["state"] if row["state"] == "within" else "OVER: " + ", ".join(row["reasons"]))
        )
    return "\n".join(lines)


def markdown(by_page: dict, info: dict, sizes_info: dict, options: dict) -> str:
    when = datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    data = rows(by_page)
    over = [row["label"] for row in data if row["state"] != "within"]
    lines = [
        f"### Results of {when}",
        "",
        f"Machine: {info['nproc']} CPUs ({info['cpu']}), {info['ram']} RAM, {info['os']}; "
        f"Python {info['python']}, Django {info['django']}, {info['database']}. "
        f"Load average at the start and the end of the run: {info.get('load_start', '?')}; {info['load']} "
        "(other work on the machine slows the timings; the CPU column, this process's CPU time, is less "
        "affected).",
        "",
        f"Settings: DEBUG off, cached template loader, database cache, sessions in the database. "
        f"Each page: {options['warmup']} warm-up requests, then the median and p90 of {options['repeat']} "
        f"timed requests (`time.perf_counter()` around `Client.get`); queries counted on one more request.",
        "",
        "Data at each size: "
        + "; ".join(
            f"**{size}**: " + ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in counts.items())
            for size, counts in sorted(sizes_info.items())
        )
        + ".",
        "",
        table(by_page),
        "",
        (
            f"{len(data) - len(over)} of {len(data)} within budget."
            + (f" Over: {', '.join(over)}." if over else "")
        ),
    ]
    return "\n".join(lines)


def write_markdown(path: Path, section: str, skeleton: str) -> None:
    text = path.read_text() if path.exists() else skeleton
    if START not in text or END not in text:
        text = text.rstrip() + f"\n\n{START}\n{END}\n"
    before, rest = text.split(START, 1)
    _old, after = rest.split(END, 1)
    path.write_text(f"{before}{START}\n{section}\n{END}{after}")


def replace_section(path: Path, name: str, section: str, *headings: str) -> None:
    """Write `section` between the `<!-- bench:<name>:start -->` and `…:end -->` markers of `path` (the other
    benches' sections of docs/performance.md); the first time, after `headings`, each added unless there."""
    start, end = f"<!-- bench:{name}:start -->", f"<!-- bench:{name}:end -->"
    text = path.read_text()
    if start not in text:
        for heading in headings:
            if heading not in text:
                text = text.rstrip() + f"\n\n{heading}\n"
        text = text.rstrip() + f"\n\n{start}\n{end}\n"
    before, rest = text.split(start, 1)
    _old, after = rest.split(end, 1)
    path.write_text(f"{before}{start}\n{section}\n{end}{after}")


def write_json(path: Path, by_page: dict, info: dict, sizes_info: dict) -> None:
    data = {
        "when": datetime.now().astimezone().isoformat(timespec="seconds"),
        "machine": info,
        "sizes": sizes_info,
        "pages": [
            {
                "key": row["key"],
                "url": row["url"],
                "budget_ms": row["budget_ms"],
                "verdict": row["state"],
                "reasons": row["reasons"],
                "results": {
                    str(size): {
                        "status": result.status,
                        "median_ms": round(result.median_ms, 2),
                        "p90_ms": round(result.p90_ms, 2),
                        "cpu_ms": round(result.cpu_ms, 2),
                        "queries": result.queries,
                        "bytes": result.bytes,
                        "timings_ms": [round(t, 2) for t in result.timings_ms],
                    }
                    for size, result in sorted(by_page[row["key"]].items())
                },
            }
            for row in rows(by_page)
        ],
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
