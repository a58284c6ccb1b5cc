"""errfix_jupyter benchmarks: every figure is a ratio against a baseline measured in the same run.

Usage: make bench  (or .venv/bin/python benchmarks/run.py [--quick]); writes benchmarks/results.md.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "benchmarks")]
QUICK = "--quick" in sys.argv
ROWS: list[tuple[str, str, str, str, str]] = []  # what, ours, baseline, ratio, spread


def row(what: str, ours: str, baseline: str, ratio: str, spread: str) -> None:
    ROWS.append((what, ours, baseline, ratio, spread))
    print(f"{what:<58} {ours:>14} {baseline:>14} {ratio:>10}  {spread}", flush=True)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def iqr(values: list[float]) -> str:
    q = statistics.quantiles(values, n=4)
    return f"IQR {q[0] * 1000:.2f}–{q[2] * 1000:.2f} ms"


# ------------------------------------------------------------------ kernel


def bench_kernel() -> None:
    from kernel_driver import Kernel, comm_opens, panels

    n = 15 if QUICK else 60
    plain, ours, light = Kernel(load=False), Kernel(load=True), Kernel(load=True)
    light.run("%config ErrfixMagics.widget = False")
    light.run("1/0")
    try:
        plain_first = plain.timed("1/0")[0]
        first, outputs = ours.timed("1/0")
        assert panels(outputs) == 1
        later = [ours.timed("1/0")[0] for _ in range(5)]
        opens = comm_opens(ours.run("1/0"))
        row("kernel: first error (anywidget import, index) vs a plain kernel's first", ms(first), ms(plain_first),
            f"+{(first - plain_first) * 1000:.0f} ms", f"a later error: {ms(statistics.median(later))}; "
            f"widget models opened per later panel: {opens}")
        fail_p, fail_o, fail_l, ok_p, ok_o = [], [], [], [], []
        for _ in range(n):  # interleaved, so machine noise hits both kernels alike
            fail_p.append(plain.timed("1/0")[0])
            fail_o.append(ours.timed("1/0")[0])
            fail_l.append(light.timed("1/0")[0])
            ok_p.append(plain.timed("x = 1")[0])
            ok_o.append(ours.timed("x = 1")[0])
        for name, a, b in (("failing cell, widget panel (kernel, execute to idle)", fail_o, fail_p),
                           ("failing cell, HTML-only panel (ErrfixMagics.widget = False)", fail_l, fail_p),
                           ("successful cell (kernel, execute to idle)", ok_o, ok_p)):
            row(name, ms(statistics.median(a)), ms(statistics.median(b)),
                f"×{statistics.median(a) / statistics.median(b):.2f}", f"ours {iqr(a)}; base {iqr(b)}; n={n}")
    finally:
        for kernel in (plain, ours, light):
            kernel.close()


# ------------------------------------------------------------------ import and load


_IMPORT_CHILD = r"""
import time, sys
t0 = time.perf_counter()
import IPython
from IPython.core.interactiveshell import InteractiveShell
ip = InteractiveShell.instance()
t1 = time.perf_counter()
import errfix_jupyter
ip.run_line_magic("load_ext", "errfix_jupyter")
t2 = time.perf_counter()
heavy = [m for m in ("ipywidgets", "anywidget", "jsonschema", "regex", "rapidfuzz", "sqlite3", "errfix_jupyter.knowledge") if m in sys.modules]
print(t1 - t0, t2 - t1, ",".join(heavy) or "-")
"""


def bench_import() -> None:
    runs = [subprocess.run([sys.executable, "-c", _IMPORT_CHILD], capture_output=True, text=True, check=True).stdout.split()
            for _ in range(5 if QUICK else 15)]
    base = [float(r[0]) for r in runs]
    added = [float(r[1]) for r in runs]
    heavy = ", ".join(sorted({r[2] for r in runs if len(r) > 2 and r[2] != "-"})) or "none"
    row("import errfix_jupyter + %load_ext (added, fresh process)", ms(statistics.median(added)),
        ms(statistics.median(base)) + " IPython", f"+{statistics.median(added) * 1000:.1f} ms",
        f"{iqr(added)}; widgets, regex, index loaded at load time: {heavy}")


_FIRST_ERROR_CHILD = r"""
import sys, time
from IPython.core.interactiveshell import InteractiveShell
from IPython.utils.capture import capture_output
ip = InteractiveShell.instance()
if sys.argv[1] == "errfix":
    ip.run_line_magic("load_ext", "errfix_jupyter")
with capture_output():
    t = time.perf_counter()
    ip.run_cell("import json\njson.loads('{bad')")
    first = time.perf_counter() - t
print(first)
"""


def first_error(kind: str, env: dict[str, str] | None = None) -> float:
    done = subprocess.run([sys.executable, "-c", _FIRST_ERROR_CHILD, kind], capture_output=True, text=True, check=True,
                          env={**os.environ, **(env or {})})
    return float(done.stdout.split()[-1])


def bench_first_error() -> None:
    """The first error of a session in a plain shell, shipped records, warm index, against plain IPython's first error."""
    first_error("errfix")  # builds the index of the shipped records once, as the first kernel after install does
    n = 5 if QUICK else 11
    ours, plain = [], []
    for _ in range(n):  # interleaved fresh processes
        plain.append(first_error("plain"))
        ours.append(first_error("errfix"))
    o, p = statistics.median(ours), statistics.median(plain)
    row("first error of a session, plain shell, shipped records", ms(o), ms(p) + " plain IPython", f"×{o / p:.2f}",
        f"goal ≤ 150 ms and ≤ ×2.5; ours {iqr(ours)}; plain {iqr(plain)}; n={n} fresh processes each")
    with tempfile.TemporaryDirectory() as cold:
        c = first_error("errfix", {"XDG_CACHE_HOME": cold})
    row("  the very first error after install (index built)", ms(c), ms(p) + " plain IPython", f"×{c / p:.1f}",
        "once per machine and errfix version; later kernels open the index")


_CONTEXT_CHILD = r"""
import statistics, time
from IPython.core.interactiveshell import InteractiveShell
from IPython.utils.capture import capture_output
ip = InteractiveShell.instance()
ip.run_line_magic("load_ext", "errfix_jupyter")
handler = ip._errfix_jupyter_state.handler
with capture_output():
    ip.run_cell("import pandas as pd\nsales = pd.DataFrame({'Revenue_EUR': [1.0] * 100})", store_history=True)
    ip.run_cell("sales['revenue_eur']", store_history=True)
on, off, gathering = [], [], []
for i in range(N):
    for flag, bucket in ((True, on), (False, off)):
        ip.run_line_magic("config", f"ErrfixMagics.context = {flag}")
        with capture_output():
            t = time.perf_counter()
            ip.run_cell("sales['revenue_eur']", store_history=True)
            bucket.append(time.perf_counter() - t)
        if flag:  # the context of the error just shown (the run without context has none)
            gathering.append(handler.last.context.seconds)
print(statistics.median(on), statistics.median(off), statistics.median(gathering))
"""


def bench_context() -> None:
    n = 10 if QUICK else 40
    done = subprocess.run([sys.executable, "-c", _CONTEXT_CHILD.replace("N", str(n))], capture_output=True, text=True, check=True)
    on, off, gathering = map(float, done.stdout.split()[-3:])
    row("failing cell with session context vs without (shell)", ms(on), ms(off), f"×{on / off:.2f}",
        f"context gathering itself {gathering * 1000:.2f} ms (names, columns, shapes, history; budget 50 ms); n={n} each")


# ------------------------------------------------------------------ lookup


def tracebacks() -> list[dict]:
    path = ROOT / "benchmarks" / "tracebacks.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def naive_lookup(records, error) -> list:
    """The baseline: try every record's regex on the message, no index."""
    from errfix_jupyter import patterns

    texts = [f"{error.qualname}: {error.message}", f"{error.type_name}: {error.message}"]
    return [r for r in records if (p := patterns.compiled(r.regex)) is not None and any(p.search(t, timeout=0.05) for t in texts)]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p * len(ordered)))]


def bench_lookup_shipped() -> None:
    from errfix_jupyter import errorinfo, knowledge, matcher
    from errfix_jupyter.lookup import installed_versions, migration_index

    kb = knowledge.knowledge_base()
    records = kb.all_records()
    rows = tracebacks()
    errors = [errorinfo.from_text(r["traceback"]) for r in rows]
    installed, tables = installed_versions(), migration_index()
    for e in errors[:20]:
        matcher.match(e, kb, installed=installed, migrations=tables)
    generic = {r.id for r in records if r.generic}
    ours, naive, right = [], [], 0
    for row_, error in zip(rows, errors, strict=True):
        t = time.perf_counter()
        found = matcher.match(error, kb, installed=installed, top=3, migrations=tables)
        ours.append(time.perf_counter() - t)
        right += row_["id"] not in generic and bool(found) and found[0].record.id == row_["id"]
        t = time.perf_counter()
        naive_lookup(records, error)
        naive.append(time.perf_counter() - t)
    specific = sum(r["id"] not in generic for r in rows)
    row(f"lookup, shipped knowledge base ({len(kb)} records, {len(tables)} migrations), p50", ms(statistics.median(ours)),
        ms(statistics.median(naive)) + " naive", f"×{statistics.median(naive) / statistics.median(ours):.1f} faster",
        f"p99 {ms(percentile(ours, 0.99))} (naive p99 {ms(percentile(naive, 0.99))}); {len(rows)} real tracebacks; "
        f"{right} of {specific} ({right / max(specific, 1):.0%}) specific records ranked first on their own traceback")


# ------------------------------------------------------------------ scale


def synthetic_records(size: int) -> list[dict]:
    """``size`` distinct, realistic records made from the shipped ones by renaming one required word each."""
    from errfix_jupyter import loader
    from errfix_jupyter.literals import required_words

    seeds = []
    for record in loader.load_dirs([ROOT / "records"]).records:
        words = sorted(w for w in required_words(record.regex) if w in record.signature.lower() and w.isalpha() and len(w) > 4)
        if words and not record.generic:
            seeds.append((record, words[0]))
    out = []
    i = 0
    while len(out) < size:
        record, word = seeds[i % len(seeds)]
        new = f"{word}{i // len(seeds)}q"
        data = dict(record.raw)
        data["id"] = f"synthetic/r{i}"
        data["domain"] = "synthetic"
        data["regex"] = _swap(record.regex, word, new)
        data["signature"] = _swap(record.signature, word, new)
        out.append(data)
        i += 1
    return out


def _swap(text: str, word: str, new: str) -> str:
    import re

    return re.sub(re.escape(word), new, text, count=1, flags=re.I)


_SCALE_CHILD = r"""
import json, os, resource, statistics, sys, time
t0 = time.perf_counter()
from errfix_jupyter import errorinfo, knowledge, lookup
rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
def progress(done, total):
    if done == total or done % 20000 < 500:
        print(f"progress {done} {total}", file=sys.stderr, flush=True)
kb = knowledge.knowledge_base(progress=progress)
first = lookup.lookup_text("KeyError: 'price'", kb=kb)
t1 = time.perf_counter()
queries = [errorinfo.from_text(json.loads(l)["traceback"]) for l in open(sys.argv[1], encoding="utf-8")][:200]
times = []
for q in queries:
    t = time.perf_counter()
    lookup.lookup_error(q, 3, kb=kb)
    times.append(time.perf_counter() - t)
times.sort()
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(t1 - t0, statistics.median(times), times[int(0.99 * (len(times) - 1))], rss / 1024, len(kb))
"""


def scale_run(records_dir: str | None, cache: str) -> list[float]:
    env = {**os.environ, "XDG_CACHE_HOME": cache}
    env.pop("ERRFIX_RECORDS", None)
    if records_dir:
        env["ERRFIX_RECORDS"] = records_dir
    done = subprocess.run([sys.executable, "-c", _SCALE_CHILD, str(ROOT / "benchmarks" / "tracebacks.jsonl")],
                          capture_output=True, text=True, check=True, env=env)
    return [float(x) for x in done.stdout.split()[-5:]]


def bench_scale() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        cache = str(Path(tmp) / "cache")
        scale_run(None, cache)  # the shipped index, built once
        shipped_runs = [scale_run(None, cache) for _ in range(3)]
        shipped = [statistics.median(r[i] for r in shipped_runs) for i in range(5)]
        row(f"first lookup, shipped records only ({shipped[4]:.0f}), warm index, fresh process", f"{shipped[0] * 1000:.0f} ms",
            "-", "-", f"lookup p50 {ms(shipped[1])}, p99 {ms(shipped[2])}; peak RSS {shipped[3]:.0f} MiB")
        for size in (10_000,) if QUICK else (10_000, 100_000):
            folder = Path(tmp) / f"synthetic-{size}" / "synthetic"
            folder.mkdir(parents=True)
            for d in synthetic_records(size):
                (folder / f"{d['id'].split('/')[1]}.json").write_text(json.dumps(d), encoding="utf-8")
            cold = scale_run(str(folder.parent), cache)
            warm = [scale_run(str(folder.parent), cache) for _ in range(3)]
            w = [statistics.median(r[i] for r in warm) for i in range(5)]
            row(f"{size:,} synthetic records: cold index build + first lookup", f"{cold[0]:.1f} s", "-", "-",
                "goal ≤ 30 s at 100,000, with progress (a bar in Jupyter, a line in a terminal)")
            row(f"{size:,} synthetic records: warm first lookup vs shipped only", f"{w[0] * 1000:.0f} ms",
                f"{shipped[0] * 1000:.0f} ms", f"×{w[0] / shipped[0]:.2f}", "goal ≤ ×3 at 100,000; fresh processes, medians of 3")
            row(f"{size:,} synthetic records: peak RSS vs shipped only", f"{w[3]:.0f} MiB", f"{shipped[3]:.0f} MiB",
                f"+{w[3] - shipped[3]:.0f} MiB", "goal ≤ +400 MiB at 100,000")
            row(f"{size:,} synthetic records: lookup p50 / p99", ms(w[1]), ms(shipped[1]) + " shipped", f"×{w[1] / shipped[1]:.1f}",
                f"p99 {ms(w[2])} (shipped {ms(shipped[2])}); goal p50 ≤ 1 ms; 200 real tracebacks")


# ------------------------------------------------------------------ held-out real errors


def bench_heldout() -> None:
    import heldout

    score = heldout.score()
    row("held-out real errors: top record names the thread's fix", f"{score['top1']:.0%}", "-", "-",
        f"top 3: {score['top3']:.0%}; {score['cases']} cases from public threads not used for writing records "
        f"({score['excluded']} left out: cited by a record); `python benchmarks/heldout.py` lists them")


# ------------------------------------------------------------------ report


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else platform.processor()
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()} {platform.release()}"


def write_results(started: float) -> None:
    lines = ["# Benchmark results", "",
             f"Written by `make bench` ({'quick' if QUICK else 'full'} run) on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
             f"in {time.time() - started:.0f} s.", "", f"Machine: {machine()}.", "",
             "Each figure is measured against a baseline in the same run (same process or interleaved kernels), "
             "because these machines are noisy; medians, with the spread.", "",
             "| what | errfix | baseline | ratio | spread, notes |", "|---|---|---|---|---|"]
    lines += [f"| {' | '.join(r)} |" for r in ROWS]
    lines += ["", "How each is measured: see `benchmarks/run.py` (kernel figures: two kernels, requests interleaved, "
              "execute request to idle status; import: fresh processes; lookup: real tracebacks printed by the records' "
              "reproducers, `benchmarks/tracebacks.jsonl`; scale: synthetic records made from the shipped ones by "
              "renaming one required word each, in a user folder, each figure from fresh processes; held-out: "
              "`benchmarks/heldout/cases.jsonl`)."]
    (ROOT / "benchmarks" / "results.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    started = time.time()
    print(f"{'what':<58} {'errfix':>14} {'baseline':>14} {'ratio':>10}  spread")
    bench_import()
    bench_first_error()
    bench_kernel()
    bench_context()
    bench_lookup_shipped()
    bench_scale()
    bench_heldout()
    write_results(started)
    print(f"\nwritten to benchmarks/results.md in {time.time() - started:.0f} s")


if __name__ == "__main__":
    main()
