"""The view model and its renderers: golden text and HTML in both languages, escaping, visible fallback (pure)."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from errfix_jupyter import errorinfo, render_html, render_text, view
from errfix_jupyter.knowledge import KnowledgeBase
from errfix_jupyter.matcher import match
from errfix_jupyter.record import from_dict

HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)>"
RECORD = from_dict({
    "id": "demo/hostile", "domain": "demo", "verification_tier": "reproduced", "confidence": 0.9,
    "signature": f"ValueError: bad value {HOSTILE}", "regex": r"ValueError: bad value",
    "summary": f"A value was bad {HOSTILE}", "summary_zh": "值不对 <b>加粗</b>",
    "root_cause": f"Because {HOSTILE}.", "root_cause_zh": "因为 <script>x</script>。",
    "signature_zh": "ValueError：值不对。",
    "workarounds": [{"action": "Use `fix()` first", "success_rate": 0.9, "condition": "always", "code": f"fix()  # {HOSTILE}"},
                    {"action": "Try `other()`", "success_rate": 0.5}],
    "workarounds_zh": ["先用 `fix()`", "Try `other()` (English only)"],
    "workarounds_zh_details": [{"condition": "总是"}, {}],
    "dead_ends": [{"action": "Ignore it", "why_fails": "It comes back"}],
    "versions": [{"version": "demo>=1.0", "introduced": "1.0"}],
    "official_doc_url": "javascript:alert(3)",
})
KB = KnowledgeBase([RECORD])


def model(lang: str, url: str | None = None):
    record = RECORD if url is None else from_dict({**RECORD.raw, "official_doc_url": url})
    error = errorinfo.from_text(f"ValueError: bad value {HOSTILE}")
    return view.build(match(error, KnowledgeBase([record]), installed={"demo": "1.2"}), error, lang)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += attrs


def parsed(html: str) -> _Collector:
    collector = _Collector()
    collector.feed(html)
    return collector


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_text_rendering_matches_the_golden_file(lang, golden):
    golden(f"panel_{lang}.txt", render_text.render_text(model(lang)) + "\n")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_html_rendering_matches_the_golden_file(lang, golden):
    other = model("zh" if lang == "en" else "en")
    golden(f"panel_{lang}.html", render_html.render_html(model(lang), other=other) + "\n")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_html_never_contains_markup_from_messages_or_records(lang):
    html = render_html.render_html(model(lang), other=model("zh" if lang == "en" else "en"))
    found = parsed(html)
    assert not {"script", "img"} & set(found.tags)
    assert "&lt;b&gt;加粗&lt;/b&gt;" in html
    assert not any(name.startswith("on") for name, _ in found.attrs)
    assert "javascript:" not in " ".join(v or "" for n, v in found.attrs if n == "href")
    assert "&lt;script&gt;" in html


def test_only_http_links_become_links():
    assert 'href="https://docs.example.org/x?a=1&amp;b=2"' in render_html.render_html(model("en", "https://docs.example.org/x?a=1&b=2"))
    assert "href" not in render_html.render_html(model("en", "javascript:alert(1)")).split("errfix-record")[0]
    for bad in ("javascript:alert(1)", "data:text/html,x", "https://x.org/\" onmouseover=\"a", "//evil.org"):
        assert not view.is_safe_url(bad)


def test_a_missing_chinese_field_is_shown_in_english_with_a_visible_marker():
    zh = model("zh")
    assert zh.fixes[1].action.fallback and zh.fixes[1].action.text.startswith("Try")
    assert "〔此项缺少中文，显示英文原文〕" in render_text.render_text(zh)
    assert zh.dead_ends[0].action.fallback
    assert not zh.fixes[0].action.fallback


def test_the_collapsed_text_is_the_headline_and_the_top_fix():
    lines = render_text.render_text(model("en"), collapsed=True).splitlines()
    assert lines[0].startswith("● errfix ▸ A value was bad")
    assert "fix: Use `fix()` first" in lines[1]
    assert lines[-1].strip() == "%errfix shows the full panel"


def test_the_panel_does_not_repeat_the_error_line_the_traceback_shows():
    for collapsed in (True, False):
        text = render_text.render_text(model("en"), collapsed=collapsed)
        assert "ValueError: bad value" not in text
    assert render_text.render_text(model("en"), show_error=True).startswith("ValueError: bad value")


def test_the_cli_speaks_of_errfix_not_of_notebook_commands():
    text = render_text.render_text(model("en"), cli=True)
    assert "%errfix" not in text and "copy the code below" not in text.split("fix()")[0]
    assert "errfix lookup shows the full panel" in render_text.render_text(model("en"), cli=True, collapsed=True)


CHINESE = from_dict({
    "id": "demo/chinese", "domain": "demo", "verification_tier": "reproduced",
    "signature": "ValueError: 发票总额必须为正数，但是这一批次里有三张发票的金额是负数，请先核对原始数据再重新导入这一批次",
    "regex": "ValueError: 发票总额必须为正数", "summary": "An invoice total is negative.",
    "summary_zh": "有发票总额是负数，导入前请先核对原始数据中每一张发票的金额、币种和税率是否正确填写。",
    "root_cause": "r", "root_cause_zh": "原始数据里有负数金额，通常是退款单被当成了普通发票导入，或者金额列的正负号在导出时被弄反了。",
    "workarounds": [{"action": "Filter refunds out.", "code": "df = df[df['total'] > 0]"}, {"action": "b"}],
    "workarounds_zh": ["先把退款单筛掉，再导入剩下的发票，并在导入后检查每一张发票的金额是否为正数。", "二"],
})


@pytest.mark.parametrize("collapsed", [True, False])
def test_a_chinese_error_line_fits_the_80_column_terminal(collapsed, golden):
    error = errorinfo.from_text(CHINESE.signature)
    panel = view.build(match(error, KnowledgeBase([CHINESE]), installed={}), error, "zh")
    text = render_text.render_text(panel, width=80, collapsed=collapsed, show_error=True)
    assert all(render_text.display_width(line) <= 80 for line in text.splitlines()), text
    if not collapsed:
        golden("panel_zh_80_columns.txt", text + "\n")


def test_exception_group_members_and_notes_are_in_what_happened():
    try:
        group = ExceptionGroup("two failures", [KeyError("price"), ValueError("negative total")])
        group.add_note("while importing batch b-771")
        raise group
    except ExceptionGroup as exc:
        error = errorinfo.from_exception(exc)
    panel = view.build([], error, "en")
    text = render_text.render_text(panel)
    assert "in the group: KeyError: 'price'" in text
    assert "in the group: ValueError: negative total" in text
    assert "note: while importing batch b-771" in text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_text_fits_in_80_columns(lang):
    for line in render_text.render_text(model(lang)).splitlines():
        assert render_text.display_width(line) <= 80, line


def test_control_characters_from_records_never_reach_the_terminal():
    evil = from_dict({**RECORD.raw, "summary": "ok\x1b]52;c;ZXZpbA==\x07\x1b[2J\x1b[1A title\u202eoxt.exe",
                      "workarounds": [{"action": "run \x1b[8mhidden\x1b[0m", "code": "print(1)\x1b[1A\x1b[2Kos.system('x')"}]})
    error = errorinfo.from_text("ValueError: bad value \x1b]0;pwned\x07")
    text = render_text.render_text(view.build(match(error, KnowledgeBase([evil]), installed={}), error, "en"), show_error=True)
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
    assert "os.system('x')" in text, "the code shown is the code apply inserts, not hidden by cursor moves"
