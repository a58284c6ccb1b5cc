"""Every shipped record and seed: parses, validates, id equals path, lint clean (allow-list aside), ranks itself first."""

from __future__ import annotations

import json
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
SEED_FILE = ROOT / "seeds" / "000_f0ad45e7d4f7a515.txt"


def kind(value: object) -> str:
    return "null" if value is None else type(value).__name__


def seed_types() -> dict[str, str]:
    return {k: kind(v) for k, v in json.loads(SEED_FILE.read_text(encoding="utf-8")).items()}


@pytest.mark.parametrize("record", OURS, ids=lambda r: r.id)
def test_every_field_the_seed_has_keeps_the_seeds_type(record):
    """A tool that reads the user's format reads ours: same types, null allowed where the seed has null."""
    for field, expected in seed_types().items():
        if field not in record.raw or record.raw[field] is None or expected == "null":
            continue
        actual = kind(record.raw[field])
        if field == "resolvable":
            assert actual in ("bool", "str"), field  # the seed writes "true"; lint asks for a boolean
            continue
        assert actual == expected, f"{field} is {actual}, the seed has {expected}"
    zh = record.raw.get("workarounds_zh", [])
    assert all(isinstance(item, str) for item in zh), "workarounds_zh is the seed's list of strings"


@pytest.mark.parametrize("record", [r for r in OURS if r.verification_tier != "reproduced"], ids=lambda r: r.id)
def test_every_record_that_is_not_reproduced_cites_a_public_source(record):
    urls = list(record.sources) + [u for w in record.workarounds for u in w.sources]
    assert any(u.startswith("https://") for u in urls)
    assert not record.reproduce, "a reported record has no reproducer: its message comes from the cited thread"


@pytest.mark.parametrize("record", [r for r in OURS if r.verification_tier == "reproduced"], ids=lambda r: r.id)
def test_every_reproduced_record_has_a_reproducer_and_a_verify_program_for_each_code_fix(record):
    assert (record.reproduce or {}).get("code")
    missing = [i + 1 for i, w in enumerate(record.workarounds) if w.code and not w.is_check and "<FIX>" not in w.verify]
    assert missing == [], f"fixes {missing} have code but no verify program"


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
        assert isinstance(zh.action, str)
        text = " ".join((zh.action, zh.how, zh.condition))
        assert i18n.has_chinese(zh.action)
        for span in CODE_SPAN.findall(fix.action + " " + fix.condition):  # as lint ZH002: the action and when it applies
            assert span in text, f"code span `{span}` missing from the Chinese"


@pytest.mark.parametrize("record", [r for r in OURS if not r.generic], ids=lambda r: r.id)
def test_a_records_own_signature_finds_it_confidently(record):
    # A bare one-line signature has no frames to tell e.g. a pandas KeyError from a dict one, so records
    # sharing a message may tie here; the reproducer test asserts first place on the real traceback.
    matches = lookup.lookup_text(record.signature, top=5, kb=KB)
    ours = [m for m in matches if m.record.id == record.id]
    assert ours, [(m.record.id, m.score) for m in matches]
    assert ours[0].score >= 0.5 and ours[0].match_kind == "regex"


def test_the_knowledge_base_is_spread_over_the_twelve_libraries_and_python_jupyter_environment():
    domains = {r.domain for r in OURS}
    assert {"python", "jupyter", "environment", "numpy", "pandas", "scipy", "sklearn", "matplotlib", "seaborn", "torch",
            "tensorflow", "keras", "requests"} <= domains
