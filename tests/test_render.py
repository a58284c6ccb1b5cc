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
    "workarounds_zh": [{"action": "先用 `fix()`", "condition": "总是"}, "Try `other()` (English only)"],
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
    assert lines[1].startswith("▸ A value was bad")
    assert "fix: Use `fix()` first" in lines[2]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_text_fits_in_80_columns_except_unbreakable_tokens(lang):
    for line in render_text.render_text(model(lang)).splitlines():
        if render_text.display_width(line) > 80:
            assert " " not in line.strip() or "://" in line or "fix()" in line, line
