"""Authoring check for record files and migration tables, as the test suite will run them.

Records: schema and lint (as `errfix lint`, cross-record checks against the whole knowledge base included), then the
reproducer on every applicable Python (3.11, and 3.12/3.13 for standard-library records), the regex against the real
message, each fix's verify program, and the rank of the record on its real traceback.
Migration tables: every entry's reproducer raises a message that finds the entry, and its fix runs clean.

Usage:
  .venv/bin/python dev/check_records.py records/pandas/foo.json [more files or folders]
  .venv/bin/python dev/check_records.py --no-run records/pandas          # schema and lint only
  .venv/bin/python dev/check_records.py migrations/pandas.json
  --root DIR: the checkout whose records/ and migrations/ form the knowledge base (default: this one)
  .venv/bin/python dev/check_records.py --root /work/main --lookup FILE [FILE...]
      look up each pasted traceback (a file per error; - reads one from stdin) against that knowledge base and print
      the top three matches and the first panel's fixes, as errfix would show them
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "dev")]
import record_runner  # noqa: E402
from errfix_jupyter import lint, loader, lookup, migrations  # noqa: E402
from errfix_jupyter.knowledge import KnowledgeBase  # noqa: E402


def record_files(args: list[str]) -> list[Path]:
    files: list[Path] = []
    for arg in args:
        path = Path(arg).resolve()
        files += sorted(path.rglob("*.json")) if path.is_dir() else [path]
    return files


DATA = ROOT


def check_record(path: Path, kb: KnowledgeBase, records: list, run: bool) -> list[str]:  # type: ignore[type-arg]
    record, problems = loader.load_file(path, DATA / "records")
    found = [str(p) for p in problems]
    if record is None:
        return found
    others = [r for r in records if r.id != record.id] + [record]
    found += [str(p) for p in lint.lint([record]) if p.code != "BROAD001"]
    found += [str(p) for p in lint.cross_check(others) if p.path == str(path) or record.id in p.message]
    if run and record.reproduce and record.verification_tier == "reproduced":
        found += check_run(path, record, records)
    return found


def check_run(path: Path, record, records) -> list[str]:  # type: ignore[no-untyped-def]
    missing = record_runner.missing_requirements(dict(record.reproduce.get("requires") or {}))
    if missing:
        return [f"{path}: SKIP, not installed: {', '.join(missing)}"]
    result = record_runner.run_record(record)
    for version, got in result.raised.items():
        print(f"  {path.name} [{version}]: {got.line[:300]!r}" if got.raised else f"  {path.name} [{version}]: raised nothing")
    for index, fixed in sorted(result.fixes.items()):
        print(f"  {path.name}: fix {index + 1} verify: {'raised ' + fixed.line[:200] if fixed.raised else 'ok'}")
    found = [f"{path}: {p}" for p in result.problems]
    unverified = [i + 1 for i, w in enumerate(record.workarounds) if w.code and not w.is_check and i not in result.fixes]
    if unverified:
        found.append(f"{path}: fixes {unverified} have code but were not verified (no verify program)")
    here = next(iter(result.raised.values()), None)
    if here is not None and here.raised:
        merged = KnowledgeBase([r for r in records if r.id != record.id] + [record])
        ranking = lookup.lookup_text(here.traceback, top=3, kb=merged, with_migrations=False)
        if not ranking or ranking[0].record.id != record.id:
            found.append(f"{path}: its real traceback ranks {[(m.record.id, m.score) for m in ranking]} first, not this record")
    return found


def check_table(path: Path, run: bool) -> list[str]:
    table, problems = migrations.load_table(path)
    found = [str(p) for p in problems]
    if table is None or not run:
        return found
    index = migrations.load_tables([DATA / "migrations"])
    index.add(table) if not any(t.source == str(path) for t in index.tables) else None
    for result in record_runner.run_entries(table.entries, index):
        line = result.raised.line[:200] if result.raised and result.raised.raised else "-"
        print(f"  {result.entry_id} [{result.python}]: {line}" + ("" if result.fixed is None else
              f"  | fix: {'raised ' + result.fixed.line[:120] if result.fixed.raised else 'ok'}"))
        found += [f"{path}: {result.entry_id}: {p}" for p in result.problems]
    no_repro = [e.id for e in table.entries if not e.reproduce and not e.sources]
    found += [f"{path}: {eid}: neither a reproducer nor a cited source" for eid in no_repro]
    return found


def lookup_files(paths: list[str]) -> int:
    """Show what errfix answers for pasted errors, against the knowledge base of DATA."""
    from errfix_jupyter import errorinfo, render_text, view

    loaded = loader.load_dirs([DATA / "records", DATA / "seeds"])
    kb = KnowledgeBase(loaded.records)
    tables = migrations.load_tables([DATA / "migrations"])
    for name in paths:
        text = sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8", errors="replace")
        error = errorinfo.from_text(text)
        found = lookup.lookup_error(error, 3, kb=kb, with_migrations=False)
        from errfix_jupyter import matcher
        from errfix_jupyter.lookup import installed_versions

        found = matcher.match(error.subject, kb, installed=installed_versions(), top=3, migrations=tables)
        print(f"== {name}: {error.line[:200]}")
        for m in found:
            print(f"   {m.score:.2f} {m.match_kind:<9} {m.record.id}")
        panel = view.build(found, error, "en")
        if panel is not None:
            print("\n".join("   | " + line for line in render_text.render_text(panel, cli=True).splitlines()[:14]))
    return 0


def main(argv: list[str]) -> int:
    global DATA
    run = "--no-run" not in argv
    if "--root" in argv:
        at = argv.index("--root")
        DATA = Path(argv[at + 1]).resolve()
        argv = argv[:at] + argv[at + 2:]
    if "--lookup" in argv:
        return lookup_files([a for a in argv if a != "--lookup"])
    paths = record_files([a for a in argv if not a.startswith("--")])
    loaded = loader.load_dirs([DATA / "records", DATA / "seeds"])
    kb = KnowledgeBase(loaded.records)
    records = loaded.records
    problems = 0
    for path in paths:
        lines = check_table(path, run) if path.parent.name == "migrations" else check_record(path, kb, records, run)
        for line in lines:
            print(line)
            problems += "SKIP, not installed" not in line
    print(f"{len(paths)} files checked, {problems} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
