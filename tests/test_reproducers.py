"""Every record proves itself against real libraries: its reproducer raises a message its regex matches (on Python
3.11, 3.12 and 3.13 for standard-library records), each fix with code runs clean when applied to the reproducer's
situation, and the real traceback ranks the record first. Every migration entry's old spelling raises a message that
finds the entry, and its replacement runs. A record whose library is missing is skipped naming the package (a failure
in CI, where ERRFIX_REQUIRE_ALL_RECORDS=1)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import record_runner
from errfix_jupyter import loader, lookup, migrations
from errfix_jupyter.knowledge import KnowledgeBase

ROOT = Path(__file__).resolve().parents[1]
RESULT = loader.load_dirs([ROOT / "records", ROOT / "seeds"])
KB = KnowledgeBase(RESULT.records)
OURS = [r for r in RESULT.records if r.reproduce and r.source.startswith(str(ROOT / "records"))
        and r.verification_tier == "reproduced"]
TABLES = migrations.load_tables([ROOT / "migrations"])
REQUIRED = os.environ.get("ERRFIX_REQUIRE_ALL_RECORDS") == "1"


def _group(domain: str) -> str:
    # Keep the heavy imports of one library on one worker, so its files stay in the page cache.
    return domain if domain in ("tensorflow", "keras", "torch") else "light"


def _skip_or_fail(message: str) -> None:
    if REQUIRED:
        pytest.fail(message)
    pytest.skip(message)


@pytest.mark.records
@pytest.mark.parametrize("record", [pytest.param(r, marks=pytest.mark.xdist_group(_group(r.domain))) for r in OURS],
                         ids=lambda r: r.id)
def test_the_record_reproduces_its_fixes_work_and_it_ranks_first_on_its_real_traceback(record):
    missing = record_runner.missing_requirements(dict(record.reproduce.get("requires") or {}))
    if missing:
        _skip_or_fail(f"{record.id}: not installed: {', '.join(missing)}")
    run = record_runner.run_record(record)
    absent = [p for p in run.problems if "is not installed here" in p]
    if absent:
        _skip_or_fail(f"{record.id}: {absent[0]}")
    assert run.problems == [], run.problems
    here = next(got for got in run.raised.values())
    matches = lookup.lookup_text(here.traceback, top=20, kb=KB, with_migrations=False)
    ranking = [(m.record.id, m.score, m.match_kind) for m in matches]
    if record.generic:
        # A fallback explains the type in general: it is offered, below 0.5, and never above a specific record.
        ours = [m for m in matches if m.record.id == record.id]
        assert ours and ours[0].match_kind == "generic" and ours[0].score < 0.5, ranking
        assert all(m.match_kind == "generic" for m in matches[matches.index(ours[0]):]), ranking
        return
    assert matches and matches[0].record.id == record.id, ranking
    assert matches[0].score >= 0.5


@pytest.mark.records
def test_standard_library_records_are_checked_on_python_3_12_and_3_13():
    found = record_runner.interpreters()
    if not {"3.12", "3.13"} <= set(found):
        _skip_or_fail(f"Python 3.12 and 3.13 are not both installed here (found {sorted(found)})")
    stdlib = [r for r in OURS if record_runner.stdlib_only(r.reproduce.get("requires"))]
    assert len(stdlib) > 50, "the test below covers them one by one"


@pytest.mark.records
@pytest.mark.parametrize("table", [pytest.param(t, marks=pytest.mark.xdist_group(_group(t.domain))) for t in TABLES.tables],
                         ids=lambda t: t.library)
def test_every_migration_entry_raises_a_message_that_finds_it_and_its_replacement_runs(table):
    installed = record_runner.missing_requirements({table.library: ""}) if table.library != "python" else []
    if installed:
        _skip_or_fail(f"{table.library} is not installed")
    results = record_runner.run_entries(table.entries, TABLES)
    problems = [f"{r.entry_id} [{r.python}]: {p}" for r in results for p in r.problems]
    assert problems == []
    unproven = [e.id for e in table.entries if not e.reproduce and not any(s.startswith("https://") for s in e.sources)]
    assert unproven == [], "an entry not raised here cites the release notes that removed it"


def test_every_migration_table_loads_without_problems():
    assert [str(p) for p in TABLES.problems] == []
