"""Every record's reproduce.code raises, in a fresh interpreter, a message its regex matches, and the real
traceback ranks the record first. A record whose library is missing is skipped naming the package
(a failure in CI, where ERRFIX_REQUIRE_ALL_RECORDS=1)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import regex

from errfix_jupyter import loader, lookup

import record_runner as reproduce
from errfix_jupyter.knowledge import KnowledgeBase

ROOT = Path(__file__).resolve().parents[1]
RESULT = loader.load_dirs([ROOT / "records", ROOT / "seeds"])
KB = KnowledgeBase(RESULT.records)
OURS = [r for r in RESULT.records if r.reproduce and r.source.startswith(str(ROOT / "records"))]


def _group(record) -> str:
    # Keep the heavy imports of one library on one worker, so its files stay in the page cache.
    return record.domain if record.domain in ("tensorflow", "keras", "torch") else "light"


@pytest.mark.records
@pytest.mark.parametrize("record", [pytest.param(r, marks=pytest.mark.xdist_group(_group(r))) for r in OURS],
                         ids=lambda r: r.id)
def test_the_record_reproduces_and_ranks_first_on_its_real_traceback(record):
    requires = dict(record.reproduce.get("requires") or {})
    missing = reproduce.missing_requirements(requires)
    if missing:
        message = f"{record.id}: not installed: {', '.join(missing)}"
        if os.environ.get("ERRFIX_REQUIRE_ALL_RECORDS") == "1":
            pytest.fail(message)
        pytest.skip(message)
    got = reproduce.run(record.reproduce["code"], timeout=float(record.reproduce.get("timeout", 180)))
    assert got.raised, "the reproducer raised nothing"
    pattern = regex.compile(record.regex)
    texts = [f"{got.qualname}: {got.message}", f"{got.name}: {got.message}"]
    assert any(pattern.search(t, timeout=1) for t in texts), f"regex does not match the real message {texts[0]!r}"
    matches = lookup.lookup_text(got.traceback, top=20, kb=KB)
    ranking = [(m.record.id, m.score, m.match_kind) for m in matches]
    if record.generic:
        # A fallback explains the type in general: it is offered, below 0.5, and never above a specific record.
        ours = [m for m in matches if m.record.id == record.id]
        assert ours and ours[0].match_kind == "generic" and ours[0].score < 0.5, ranking
        assert all(m.match_kind == "generic" for m in matches[matches.index(ours[0]):]), ranking
        return
    assert matches and matches[0].record.id == record.id, ranking
    assert matches[0].score >= 0.5


def test_every_shipped_record_has_a_reproducer():
    ours = [r for r in RESULT.records if r.source.startswith(str(ROOT / "records"))]
    assert [r.id for r in ours if not r.reproduce] == []
