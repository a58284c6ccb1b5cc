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
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
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
    from kernel_driver import Kernel, panels

    n = 15 if QUICK else 60
    plain, ours, light = Kernel(load=False), Kernel(load=True), Kernel(load=True)
    light.run("%config ErrfixMagics.widget = False")
    light.run("1/0")
    try:
        plain_first = plain.timed("1/0")[0]
        first, outputs = ours.timed("1/0")
        assert panels(outputs) == 1
        later = [ours.timed("1/0")[0] for _ in range(5)]
        row("first error of a session (records, widgets) vs a later one", ms(first), ms(statistics.median(later)),
            f"×{first / statistics.median(later):.2f}", "one run each")
        row("first error of a session vs a plain kernel's first error", ms(first), ms(plain_first),
            f"+{(first - plain_first) * 1000:.0f} ms", "IPython's first traceback imports its formatter in both")
        fail_p, fail_o, fail_l, ok_p, ok_o = [], [], [], [], []
        for _ in range(n):  # interleaved, so machine noise hits both kernels alike
            fail_p.append(plain.timed("1/0")[0])
            fail_o.append(ours.timed("1/0")[0])
            fail_l.append(light.timed("1/0")[0])
            ok_p.append(plain.timed("x = 1")[0])
            ok_o.append(ours.timed("x = 1")[0])
        for name, a, b in (("failing cell, panel shown (kernel, execute to idle)", fail_o, fail_p),
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
heavy = [m for m in ("ipywidgets", "jsonschema", "regex", "rapidfuzz", "errfix_jupyter.loader") if m in sys.modules]
print(t1 - t0, t2 - t1, ",".join(heavy))
"""


def bench_import() -> None:
    runs = [subprocess.run([sys.executable, "-c", _IMPORT_CHILD], capture_output=True, text=True, check=True).stdout.split()
            for _ in range(5 if QUICK else 15)]
    base = [float(r[0]) for r in runs]
    added = [float(r[1]) for r in runs]
    heavy = ", ".join(sorted({r[2] for r in runs if len(r) > 2})) or "none"
    row("import errfix_jupyter + %load_ext (added, fresh process)", ms(statistics.median(added)),
        ms(statistics.median(base)) + " IPython", f"+{statistics.median(added) * 1000:.1f} ms",
        f"{iqr(added)}; widgets, jsonschema, regex, records loaded: {heavy}")


_FIRST_LOOKUP_CHILD = r"""
import time
t0 = time.perf_counter()
from errfix_jupyter import loader
kb = knowledge.knowledge_base()
t1 = time.perf_counter()
import ipywidgets
t2 = time.perf_counter()
print(t1 - t0, t2 - t1, len(kb))
"""


def bench_first_error_parts() -> None:
    runs = [subprocess.run([sys.executable, "-c", _FIRST_LOOKUP_CHILD], capture_output=True, text=True, check=True).stdout.split()
            for _ in range(3 if QUICK else 7)]
    kb = statistics.median(float(r[0]) for r in runs)
    widgets = statistics.median(float(r[1]) for r in runs)
    row(f"  of which: load {runs[0][2]} records (cold process)", ms(kb), "-", "-", "median of fresh processes")
    row("  of which: import ipywidgets", ms(widgets), "-", "-", "median of fresh processes")


# ------------------------------------------------------------------ lookup


def tracebacks() -> list[dict]:
    path = ROOT / "benchmarks" / "tracebacks.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def naive_lookup(kb, error) -> list:
    """The baseline: try every record's regex on the message, no index."""
    texts = [f"{error.qualname}: {error.message}", f"{error.type_name}: {error.message}"]
    found = []
    for record in kb.records:
        pattern = kb.compiled(record)
        if pattern is not None and any(pattern.search(t, timeout=0.05) for t in texts):
            found.append(record)
    return found


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p * len(ordered)))]


def bench_lookup_shipped() -> None:
    from errfix_jupyter import errorinfo, loader, matcher

    kb = knowledge.knowledge_base()
    rows = tracebacks()
    errors = [errorinfo.from_text(r["traceback"]) for r in rows]
    for e in errors[:20]:
        matcher.match(e, kb, installed={})
    generic = {r.id for r in kb.records if r.generic}
    ours, naive, right = [], [], 0
    from errfix_jupyter.lookup import installed_versions

    installed = installed_versions()
    for row_, error in zip(rows, errors):
        t = time.perf_counter()
        found = matcher.match(error, kb, installed=installed, top=3)
        ours.append(time.perf_counter() - t)
        right += row_["id"] not in generic and bool(found) and found[0].record.id == row_["id"]
        t = time.perf_counter()
        naive_lookup(kb, error)
        naive.append(time.perf_counter() - t)
    row(f"lookup, shipped knowledge base ({len(kb)} records), p50", ms(statistics.median(ours)),
        ms(statistics.median(naive)) + " naive", f"×{statistics.median(naive) / statistics.median(ours):.1f} faster",
        f"p99 {ms(percentile(ours, 0.99))} (naive p99 {ms(percentile(naive, 0.99))}); {len(rows)} real tracebacks; "
        f"{right} of {sum(r['id'] not in generic for r in rows)} specific records ranked first (generic fallbacks rank "
        "below a specific record by design)")


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
        n = i // len(seeds)
        new = f"{word}{n}q"
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


def knowledge_base_of(shipped, loaded):  # type: ignore[no-untyped-def]
    """Index as knowledge.knowledge_base() does (garbage collector paused while building)."""
    from errfix_jupyter import loader
    from errfix_jupyter.knowledge import KnowledgeBase

    with loader.gc_paused():
        return KnowledgeBase(shipped + loaded.records, required=loaded.required)


def bench_scale() -> None:
    from errfix_jupyter import errorinfo, loader, matcher

    shipped = loader.load_dirs([ROOT / "records"]).records
    queries = [errorinfo.from_text(r["traceback"]) for r in tracebacks()][: 60 if QUICK else 200]
    for size in (1_000, 10_000) if QUICK else (1_000, 10_000, 100_000):
        data = synthetic_records(size)
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "synthetic" / "synthetic"
            folder.mkdir(parents=True)
            for d in data:
                (folder / f"{d['id'].split('/')[1]}.json").write_text(json.dumps(d), encoding="utf-8")
            saved_cache = os.environ.get("XDG_CACHE_HOME")
            os.environ["XDG_CACHE_HOME"] = str(Path(tmp) / "cache")
            t = time.perf_counter()
            loaded = loader.load_dirs([Path(tmp) / "synthetic"], cache=True)
            kb = knowledge_base_of(shipped, loaded)
            load_time = time.perf_counter() - t
            del kb
            t = time.perf_counter()
            loaded = loader.load_dirs([Path(tmp) / "synthetic"], cache=True)
            kb = knowledge_base_of(shipped, loaded)
            cached_time = time.perf_counter() - t
            assert loaded.files == size
            if saved_cache is None:
                os.environ.pop("XDG_CACHE_HOME", None)
            else:
                os.environ["XDG_CACHE_HOME"] = saved_cache
        assert not loaded.problems, loaded.problems[:3]
        row(f"knowledge-base load, {size:,} synthetic + shipped records", f"{load_time:.2f} s",
            f"{cached_time:.2f} s cached", f"×{load_time / cached_time:.1f}", "first load parses, validates, indexes and writes the cache; second reads it")
        for q in queries[:10]:
            matcher.match(q, kb, installed={})
        ours = []
        for q in queries:
            t = time.perf_counter()
            matcher.match(q, kb, installed={}, top=3)
            ours.append(time.perf_counter() - t)
        naive_n = queries[:10 if size >= 100_000 else 30]
        for record in kb.records:
            kb.compiled(record)
        naive = []
        for q in naive_n:
            t = time.perf_counter()
            naive_lookup(kb, q)
            naive.append(time.perf_counter() - t)
        row(f"lookup p50 at {len(kb):,} records (index vs naive scan)", ms(statistics.median(ours)),
            ms(statistics.median(naive)) + " naive", f"×{statistics.median(naive) / statistics.median(ours):.0f} faster",
            f"p99 {ms(percentile(ours, 0.99))}; {len(ours)} queries (naive {len(naive)})")


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
              "renaming one required word each, against a naive scan that tries every regex)."]
    (ROOT / "benchmarks" / "results.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    started = time.time()
    print(f"{'what':<58} {'errfix':>14} {'baseline':>14} {'ratio':>10}  spread")
    bench_import()
    bench_kernel()
    bench_first_error_parts()
    bench_lookup_shipped()
    bench_scale()
    write_results(started)
    print(f"\nwritten to benchmarks/results.md in {time.time() - started:.0f} s")


if __name__ == "__main__":
    main()
