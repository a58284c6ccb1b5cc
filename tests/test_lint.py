"""Lint: coded checks beyond the schema; the seed's known problems are found, and allow-listed."""

from __future__ import annotations

from pathlib import Path

from errfix_jupyter import lint, loader
from errfix_jupyter.record import from_dict

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_f0ad45e7d4f7a515.txt"


def seed_findings():
    record, _ = loader.load_file(SEED)
    return {(p.code, p.json_path) for p in lint.lint_record(record)}


def test_lint_flags_the_seeds_english_workarounds_zh():
    found = seed_findings()
    assert ("ZH001", "$.workarounds_zh[0]") in found
    assert ("ZH001", "$.workarounds_zh[1]") in found


def test_lint_flags_the_seeds_other_known_problems():
    codes = {code for code, _ in seed_findings()}
    assert {"DUP001", "TYPE001", "TIER001", "ZH003", "REC002"} <= codes
    assert "RX002" not in codes, "the seed's regex equals its signature, so it matches it"


def test_the_allowlist_keeps_the_seed_quiet_but_not_our_records():
    record, _ = loader.load_file(SEED)
    assert lint.lint([record]) == []
    assert lint.lint([record], use_allowlist=False)


def _rec(**extra):
    data = {"id": "python/x", "signature": "KeyError: 'a'", "regex": "KeyError: '[^']*'", "domain": "python",
            "root_cause": "r", "workarounds": [{"action": "Use `d.get`"}, {"action": "b"}], "verification_tier": "reproduced",
            "reproduce": {"code": "{}['a']"}, "workarounds_zh": [{"action": "用 `d.get` 取值"}, {"action": "另一个办法"}]}
    data.update(extra)
    return from_dict(data, source="x.json")


def codes(record):
    return sorted(p.code for p in lint.lint_record(record))


def test_a_clean_record_has_no_findings():
    assert codes(_rec()) == []


def test_regex_problems_are_coded():
    assert codes(_rec(regex="KeyError: ([")) == ["RX001"]
    assert codes(_rec(regex="IndexError")) == ["RX002"]
    assert "RX003" in codes(_rec(regex=r"KeyError: '(\w+\s?)*'", signature="KeyError: 'a'"))


def test_chinese_problems_are_coded():
    assert codes(_rec(workarounds_zh=[{"action": "use d.get"}, {"action": "另一个办法"}])) == ["ZH001"]
    assert codes(_rec(workarounds_zh=[{"action": "用 get 方法取值"}, {"action": "另一个办法"}])) == ["ZH002"]
    assert codes(_rec(root_cause_zh="调用fit之前")) == ["ZH003"]
    assert codes(_rec(workarounds_zh=[{"action": "用 `d.get` 取值"}])) == ["ZH004"]


def test_content_problems_are_coded():
    assert codes(_rec(workarounds=[{"action": "same", "how": "same"}, {"action": "b"}],
                      workarounds_zh=[{"action": "一样"}, {"action": "另一个"}])) == ["DUP001"]
    assert codes(_rec(workarounds=[{"action": "b"}], workarounds_zh=[{"action": "另一个"}])) == ["REC001"]
    assert codes(_rec(official_doc_url="http://example.org")) == ["URL001"]
    assert codes(_rec(domain="pandas")) == ["ID002"]
