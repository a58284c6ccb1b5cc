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
    assert {"DUP001", "TYPE001", "TIER001", "ZH003", "SRC001"} <= codes
    assert "RX002" not in codes, "the seed's regex equals its signature, so it matches it"
    assert "TYPE002" not in codes, "the seed's workarounds_zh is the seed format: a list of strings"


def test_the_allowlist_keeps_the_seed_quiet_but_not_our_records():
    record, _ = loader.load_file(SEED)
    assert lint.lint([record]) == []
    assert lint.lint([record], use_allowlist=False)


def _rec(**extra):
    data = {"id": "python/x", "signature": "KeyError: 'price'", "regex": "KeyError: '(?P<key>[^']{1,200})' in the price table",
            "domain": "python", "root_cause": "r", "workarounds": [{"action": "Use `d.get`"}, {"action": "b"}],
            "verification_tier": "reproduced", "reproduce": {"code": "{}['a']"},
            "workarounds_zh": ["用 `d.get` 取值", "另一个办法"]}
    data["signature"] = "KeyError: 'price' in the price table"
    data.update(extra)
    return from_dict(data, source="x.json")


def codes(record):
    return sorted(p.code for p in lint.lint_record(record))


def test_a_clean_record_has_no_findings():
    assert codes(_rec()) == []


def test_regex_problems_are_coded():
    assert codes(_rec(regex="KeyError: ([")) == ["RX001"]
    assert codes(_rec(regex="KeyError: 'a{4294967294}' in the price table")) == ["RX001"]
    assert codes(_rec(regex="IndexError: no such thing in here")) == ["RX002"]
    assert "RX003" in codes(_rec(regex=r"KeyError: '(\w+\s?)*' in the price table"))
    assert codes(_rec(source_regex="(?:(?:(?:(?:a{100}){100}){100}){100})")) == ["RX001"]
    assert codes(_rec(source_regex=r"(\w+\s?)*")) == ["RX003"]


def test_a_regex_that_spells_out_too_little_is_too_broad():
    assert codes(_rec(regex="KeyError: '[^']*'", signature="KeyError: 'price'")) == ["BROAD002"]
    assert codes(_rec(regex="KeyError: '[^']*'", signature="KeyError: 'price'", generic=True)) == [], "generic records may be broad"


def test_a_regex_that_matches_another_records_message_is_too_broad():
    broad = _rec(id="python/broad", regex="KeyError: '[^']{1,200}' in the [a-z ]{1,50}table")
    other = _rec(id="python/other", signature="KeyError: 'qty' in the stock table", regex="KeyError: '[^']{1,200}' in the stock table")
    found = [(p.code, p.message) for p in lint.cross_check([broad, other])]
    assert ("BROAD001", "regex also matches the message of python/other") in found
    related = _rec(id="python/broad", regex="KeyError: '[^']{1,200}' in the [a-z ]{1,50}table",
                   transition_graph={"frequently_confused_with": ["python/other"]})
    assert lint.cross_check([related, other]) == [], "records that declare each other as confusable are told apart on purpose"


def test_two_records_with_the_same_regex_are_duplicates():
    assert [p.code for p in lint.cross_check([_rec(id="python/a"), _rec(id="python/b")]) if p.code == "DUP002"] == ["DUP002"]


def test_chinese_problems_are_coded():
    assert codes(_rec(workarounds_zh=["use d.get", "另一个办法"])) == ["ZH001"]
    assert codes(_rec(workarounds_zh=["用 get 方法取值", "另一个办法"])) == ["ZH002"]
    assert codes(_rec(root_cause_zh="调用fit之前")) == ["ZH003"]
    assert codes(_rec(workarounds_zh=["用 `d.get` 取值"])) == ["ZH004"]


def test_objects_in_workarounds_zh_are_read_but_flagged_against_the_seed_format():
    record = _rec(workarounds_zh=[{"action": "用 `d.get` 取值", "how": "说明"}, {"action": "另一个办法"}])
    assert record.workarounds_zh[0].how == "说明"
    assert codes(record) == ["TYPE002"]


def test_content_problems_are_coded():
    assert codes(_rec(workarounds=[{"action": "same", "how": "same"}, {"action": "b"}],
                      workarounds_zh=["一样", "另一个"])) == ["DUP001"]
    assert codes(_rec(workarounds=[{"action": "b"}], workarounds_zh=["另一个"])) == ["REC001"]
    assert codes(_rec(official_doc_url="http://example.org")) == ["URL001"]
    assert codes(_rec(domain="pandas")) == ["ID002"]


def test_a_placeholder_needs_a_named_group():
    assert codes(_rec(summary="The key {key} is missing")) == []
    assert codes(_rec(summary="The column {column} is missing")) == ["PH001"]
    fix = {"action": "a", "code": "print(f'{value}')\nd[{key!r}]", "verify": "d = {'price': 1}\n<FIX>"}
    assert codes(_rec(workarounds=[fix, {"action": "b"}])) == [], "braces inside f-strings are code, not placeholders"
    assert codes(_rec(workarounds=[{**fix, "code": "x = {unknown}"}, {"action": "b"}])) == ["PH001"]


def test_session_placeholders_belong_in_text_and_pip_lines():
    assert codes(_rec(workarounds=[{"action": "Install {pip_name}", "code": "%pip install {pip_name}", "verify": "<FIX>"},
                                   {"action": "b"}], workarounds_zh=["安装 {pip_name}", "另一个办法"])) == []
    assert codes(_rec(workarounds=[{"action": "a", "code": "df[{container}]", "verify": "<FIX>"}, {"action": "b"}])) == ["PH002"]


def test_a_reproduced_fix_with_code_needs_a_verify_program_with_a_fix_line():
    assert codes(_rec(workarounds=[{"action": "a", "code": "x = 1"}, {"action": "b"}])) == ["VER001"]
    assert codes(_rec(workarounds=[{"action": "a", "code": "x = 1", "verify": "x = 1"}, {"action": "b"}])) == ["VER002"]
    assert codes(_rec(workarounds=[{"action": "a", "code": "print(x)", "kind": "check"}, {"action": "b"}])) == [], "a check needs no verify"


def test_fix_code_must_compile_but_may_await_and_use_magics():
    assert codes(_rec(workarounds=[{"action": "a", "code": "await main()\n%pip install x", "verify": "<FIX>"}, {"action": "b"}])) == []
    assert codes(_rec(workarounds=[{"action": "a", "code": "return x", "verify": "<FIX>"}, {"action": "b"}])) == ["CODE001"]


def test_a_record_not_raised_here_cites_a_public_source():
    assert codes(_rec(verification_tier="reported", reproduce=None)) == ["SRC001"]
    assert codes(_rec(verification_tier="reported", reproduce=None, sources=["https://github.com/x/y/issues/1"])) == []


def test_requires_names_every_third_party_module_the_reproducer_imports():
    assert codes(_rec(reproduce={"code": "import numpy as np\nnp.zeros(1)['a']", "requires": {}})) == ["REQ001"]
    assert codes(_rec(reproduce={"code": "import numpy as np\nnp.zeros(1)['a']", "requires": {"numpy": ">=1"}})) == []
    assert codes(_rec(reproduce={"code": "import json\njson.loads('x')", "requires": {}})) == []
