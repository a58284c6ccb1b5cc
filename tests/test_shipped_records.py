"""Every shipped record and seed: parses, validates, id equals path, lint clean (allow-list aside), ranks itself first."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from errfix_jupyter import i18n, lint, loader, lookup
from errfix_jupyter.knowledge import KnowledgeBase

ROOT = Path(__file__).resolve().parents[1]
RESULT = loader.load_dirs([ROOT / "records", ROOT / "seeds"])
OURS = [r for r in RESULT.records if r.source.startswith(str(ROOT / "records"))]
KB = KnowledgeBase(RESULT.records)
CODE_SPAN = re.compile(r"`([^`\n]+)`")


def test_every_record_file_loads_without_problems():
    assert [str(p) for p in RESULT.problems] == []
    assert RESULT.files == len(RESULT.records)


def test_lint_is_clean_on_records_and_seeds():
    assert [str(p) for p in lint.lint(RESULT.records)] == []


@pytest.mark.parametrize("record", OURS, ids=lambda r: r.id)
def test_a_record_lives_at_its_id_and_domain(record):
    assert record.source == str(ROOT / "records" / f"{record.id}.json")
    assert record.id.split("/")[0] == record.domain


@pytest.mark.parametrize("record", OURS, ids=lambda r: r.id)
def test_every_zh_field_is_chinese_and_keeps_the_english_code_spans(record):
    for field in ("signature_zh", "root_cause_zh"):
        assert i18n.has_chinese(getattr(record, field)), field
    assert len(record.workarounds_zh) == len(record.workarounds)
    for fix, zh in zip(record.workarounds, record.workarounds_zh):
        text = " ".join((zh.action, zh.how, zh.condition))
        assert i18n.has_chinese(zh.action)
        for span in CODE_SPAN.findall(fix.action + " " + fix.condition + " " + fix.how):
            assert span in text, f"code span `{span}` missing from the Chinese"


@pytest.mark.parametrize("record", [r for r in OURS if not r.generic], ids=lambda r: r.id)
def test_a_records_own_signature_finds_it_confidently(record):
    # A bare one-line signature has no frames to tell e.g. a pandas KeyError from a dict one, so records
    # sharing a message may tie here; the reproducer test asserts first place on the real traceback.
    matches = lookup.lookup_text(record.signature, top=5, kb=KB)
    ours = [m for m in matches if m.record.id == record.id]
    assert ours, [(m.record.id, m.score) for m in matches]
    assert ours[0].score >= 0.5 and ours[0].match_kind == "regex"


def test_the_knowledge_base_is_spread_over_domains():
    assert len({r.domain for r in OURS}) >= 12
