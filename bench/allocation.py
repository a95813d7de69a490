#!/usr/bin/env python
"""The allocation methods on large instances (`make bench-decisions`, first half): `rank_order`,
`optimise(partial=False)` and `optimise(partial=True)` of `kannustin.decisions.allocation` on random, seeded
instances of 1 000 and 10 000 applications shaped like the programme. No database is needed.

    .venv/bin/python bench/allocation.py [--sizes 1000,10000] [--no-write]

An instance: scores 0–5 with three decimals (5 × Beta(6, 4): mean 3.0, sd 0.74, no ties at the ends), maxima
from 11 900 € to 2 000 000 € log-uniform (in cents), minimum share 0.5. The budget is 15 000 000 € (the
track's share in 2019) for 1 000 applications, and for 10 000 it is scaled with the number (150 000 000 €), so
that about the same share of the money asked for is funded; the real 15 M€ is run at 10 000 as well.

Each case runs in a child process with a memory limit (`--memory-gb`) and a time-out, so an instance too big
for the machine is reported, not fatal for the machine. Reported: the time (median of `--repeat` runs at 1 000,
of `--repeat-large` at 10 000), the objective (total score of the funded), the number funded, the money used,
the gain over rank order, and what HiGHS said (status, gap) for each `milp` call. The script checks that no
method spends more than the budget, and that every amount is zero or between the project's minimum and
maximum (its maximum without partial funding); it exits with status 1 if one does not.
"""

import argparse
import json
import math
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from decimal import ROUND_DOWN, Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "performance.md"
HEADING = "## Evaluation and decisions: the optimiser and decision PDFs"

CENT = Decimal("0.01")
SMALLEST, LARGEST = 11_900, 2_000_000
MIN_SHARE = Decimal("0.5")
BUDGET_PER_1000 = Decimal("15000000.00")
METHODS = {
    "rank": "rank order",
    "optimise": "optimiser",
    "partial": "optimiser, partial funding",
}


def parse_args(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="1000,10000", help="numbers of applications (1000,10000)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per method below 10 000 (3)")
    parser.add_argument("--repeat-large", type=int, default=1, help="timed runs per method at 10 000+ (1)")
    parser.add_argument("--seed", type=int, default=2026, help="random seed of the instances (2026)")
    parser.add_argument("--memory-gb", type=float, default=10.0, help="memory limit of each case (10 GB)")
    parser.add_argument("--timeout", type=int, default=900, help="time-out of each case in seconds (900)")
    parser.add_argument("--no-write", action="store_true", help="do not touch docs/performance.md")
    parser.add_argument("--worker", default="", help=argparse.SUPPRESS)  # size,budget,method,repeat,seed
    return parser.parse_args(argv)


# --- instances ----------------------------------------------------------------------------------------------


def instance(size: int, seed: int):
    from kannustin.decisions.allocation import Candidate

    rng = random.Random(f"{seed}-{size}")
    low, high = math.log(SMALLEST * 100), math.log(LARGEST * 100)
    candidates = []
    for number in range(1, size + 1):
        score = Decimal(round(5 * rng.betavariate(6, 4), 3)).quantize(Decimal("0.001"))
        cents = min(LARGEST * 100, max(SMALLEST * 100, round(math.exp(rng.uniform(low, high)))))
        maximum = Decimal(cents) / 100
        minimum = (maximum * MIN_SHARE).quantize(CENT, ROUND_DOWN)
        candidates.append(Candidate(number, score, maximum, minimum))
    return candidates


def scaled_budget(size: int) -> Decimal:
    return (BUDGET_PER_1000 * size / 1000).quantize(CENT)


def cases(sizes):
    """(size, budget, note) for every case: the scaled budget, and the real 15 M€ where that differs."""
    out = []
    for size in sizes:
        out.append((size, scaled_budget(size), "scaled" if size != 1000 else "2019"))
        if scaled_budget(size) != BUDGET_PER_1000:
            out.append((size, BUDGET_PER_1000, "2019"))
    return out


# --- one case, in a child process ---------------------------------------------------------------------------


def run_method(method: str, candidates, budget: Decimal):
    from kannustin.decisions import allocation

    if method == "rank":
        return allocation.rank_order(candidates, budget)
    if method == "optimise":
        return allocation.optimise(candidates, budget, partial=False)
    if method == "partial":
        return allocation.optimise(candidates, budget, partial=True)
    raise ValueError(method)


def problems(candidates, budget: Decimal, amounts: dict, partial: bool) -> list[str]:
    found = []
    used = sum(amounts.values(), Decimal(0))
    if used > budget:
        found.append(f"spends {used} > budget {budget}")
    wrong = 0
    for c in candidates:
        amount = amounts.get(c.application_id, Decimal(0))
        if amount == 0:
            continue
        if (partial and not c.minimum <= amount <= c.maximum) or (not partial and amount != c.maximum):
            wrong += 1
    if wrong:
        found.append(f"{wrong} amounts outside their minimum–maximum")
    return found


def worker(spec: str) -> dict:
    """Time one method on one instance; the `milp` calls are watched for HiGHS's status and gap."""
    import scipy.optimize

    from kannustin.decisions import allocation

    size, budget, method, repeat, seed = spec.split(",")
    size, repeat, budget = int(size), int(repeat), Decimal(budget)
    candidates = instance(size, int(seed))
    solves = []
    original = scipy.optimize.milp

    def watched(*args, **kwargs):
        started = time.perf_counter()
        result = original(*args, **kwargs)
        solves.append(
            {
                "seconds": time.perf_counter() - started,
                "status": int(result.status),
                "message": str(result.message),
                "gap": getattr(result, "mip_gap", None),
            }
        )
        return result

    scipy.optimize.milp = watched
    timings, amounts = [], {}
    for _ in range(repeat):
        solves.clear()
        started = time.perf_counter()
        amounts = run_method(method, candidates, budget)
        timings.append(time.perf_counter() - started)
    funded = [c for c in candidates if amounts.get(c.application_id, 0) > 0]
    requested = sum((c.maximum for c in candidates), Decimal(0))
    used = sum(amounts.values(), Decimal(0))
    return {
        "size": size,
        "budget": str(budget),
        "method": method,
        "timings": timings,
        "seconds": statistics.median(timings),
        "objective": str(allocation.objective(candidates, amounts)),
        "funded": len(funded),
        "used": str(used),
        "requested": str(requested),
        "partly": sum(1 for c in funded if amounts[c.application_id] < c.maximum),
        "at_minimum": sum(1 for c in funded if amounts[c.application_id] == c.minimum),
        "solves": list(solves),
        "problems": problems(candidates, budget, amounts, partial=method == "partial"),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def run_case(size: int, budget: Decimal, method: str, repeat: int, args) -> dict:
    limit = int(args.memory_gb * 1024**3)

    def limited():
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    spec = f"{size},{budget},{method},{repeat},{args.seed}"
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", spec]
    started = time.perf_counter()
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=args.timeout, preexec_fn=limited, check=False
        )
    except subprocess.TimeoutExpired:
        return {"size": size, "budget": str(budget), "method": method,
                "failed": f"not done in {args.timeout} s (stopped)"}  # fmt: skip
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        if "MemoryError" in done.stderr or "Unable to allocate" in done.stderr:
            last = f"out of memory (limit {args.memory_gb:g} GB) after {elapsed:.0f} s: {last}"
        return {"size": size, "budget": str(budget), "method": method, "failed": last}
    return json.loads(done.stdout.strip().splitlines()[-1])


# --- report -------------------------------------------------------------------------------------------------


def thousands(value) -> str:
    return f"{value:,}".replace(",", "\u202f")


def euros(value) -> str:
    return f"{Decimal(value):,.0f} €".replace(",", "\u202f")


def seconds(value: float) -> str:
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.1f} s"


def highs(result: dict) -> str:
    solves = result.get("solves") or []
    if not solves:
        return "–"
    parts = []
    for solve in solves:
        state = {0: "optimal", 1: "time limit", 2: "infeasible", 3: "unbounded", 4: "other"}.get(
            solve["status"], str(solve["status"])
        )
        gap = solve.get("gap")
        gap_text = f", gap {gap * 100:.3g} %" if gap is not None and solve["status"] != 0 else ""
        parts.append(f"{state} {seconds(solve['seconds'])}{gap_text}")
    return "; ".join(parts)


def table(results: list[dict], repeat: int, repeat_large: int) -> list[str]:
    lines = [
        "| applications | budget | method | time | objective | funded | mean score of the funded | money used | gain over rank order | HiGHS |",
        "| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]  # fmt: skip
    rank = {}
    for result in results:
        if result["method"] == "rank" and "failed" not in result:
            rank[(result["size"], result["budget"])] = Decimal(result["objective"])
    for result in results:
        key = (result["size"], result["budget"])
        label = METHODS[result["method"]]
        runs = repeat if result["size"] < 10000 else repeat_large
        if "failed" in result:
            lines.append(
                f"| {thousands(result['size'])} | {euros(result['budget'])} | {label} | **failed** | – | – | – | – | – | "
                f"{result['failed'][:160].replace('|', '/')} |"
            )
            continue
        objective = Decimal(result["objective"])
        gain = (
            f"{(objective - rank[key]) / rank[key] * 100:+.1f} %"
            if result["method"] != "rank" and rank.get(key)
            else "–"
        )
        partly = (
            f" ({result['partly']} in part, {result.get('at_minimum', 0)} at the minimum)"
            if result["partly"]
            else ""
        )
        mean = f"{objective / result['funded']:.3f}" if result["funded"] else "–"
        time_text = seconds(result["seconds"]) + (f" (median of {runs})" if runs > 1 else "")
        lines.append(
            f"| {thousands(result['size'])} | {euros(result['budget'])} | {label} | {time_text} | "
            f"{objective:.3f} | {result['funded']}{partly} | {mean} | {euros(result['used'])} | {gain} | "
            f"{highs(result)} |"
        )
    return lines


def write(results, args, machine: str) -> None:
    lines = [
        f"Measured {time.strftime('%Y-%m-%d')} on {machine} (`bench/allocation.py`, seed {args.seed}; "
        f"time: median of {args.repeat} runs at 1 000, {args.repeat_large} at 10 000; each case in its own "
        f"process, memory limit {args.memory_gb:g} GB).",
        "",
        *table(results, args.repeat, args.repeat_large),
    ]
    requested = {r["size"]: Decimal(r["requested"]) for r in results if "requested" in r}
    asked = "; ".join(
        f"{thousands(size)} applications {euros(total)}" for size, total in sorted(requested.items())
    )
    checked = (
        "**Some method broke the budget or a project's limits: see the run's output.**"
        if any(r.get("problems") for r in results)
        else "Every method kept within the budget and every amount within its project's minimum and maximum "
        "(checked by the script)."
    )
    lines += ["", f"Money asked for (the sum of the maxima): {asked}. {checked}"]
    section = "\n".join(lines)
    from report import replace_section

    replace_section(DOC, "allocation", section, HEADING, "### The optimiser")


def machine_text() -> str:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"this {os.cpu_count()}-core machine{f' ({cpu})' if cpu else ''}"


def main(argv=None) -> int:
    args = parse_args(argv)
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kannustin.settings")
    if args.worker:
        print(json.dumps(worker(args.worker)))
        return 0
    sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    methods = ["rank", "optimise", "partial"]
    load = " ".join(f"{value:.2f}" for value in os.getloadavg())
    print(f"Allocation benchmark, seed {args.seed}; load average {load}")
    started = time.perf_counter()
    results = []
    for size, budget, _note in cases(sizes):
        print(f"\n{size} applications, budget {euros(budget)}:")
        for method in methods:
            repeat = args.repeat if size < 10000 else args.repeat_large
            result = run_case(size, budget, method, repeat, args)
            results.append(result)
            if "failed" in result:
                print(f"  {METHODS[method]:40} FAILED: {result['failed']}")
                continue
            print(
                f"  {METHODS[method]:40} {seconds(result['seconds']):>9}  objective {Decimal(result['objective']):9.3f}  "
                f"funded {result['funded']:5} ({result['partly']} in part)  used {euros(result['used']):>16}  "
                f"peak {result['peak_rss_mb']:.0f} MB  HiGHS: {highs(result)}"
            )  # fmt: skip
            for problem in result["problems"]:
                print(f"    PROBLEM: {problem}")
    print()
    print("\n".join(table(results, args.repeat, args.repeat_large)))
    if not args.no_write:
        write(results, args, machine_text())
        print(f"\nWritten: {DOC.relative_to(ROOT)}")
    print(f"Done in {time.perf_counter() - started:.0f} s.")
    broken = [r for r in results if r.get("problems")]
    if broken:
        print("A method broke the budget or a project's limits:", file=sys.stderr)
        for r in broken:
            print(f"  {r['size']} {r['budget']} {r['method']}: {'; '.join(r['problems'])}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
