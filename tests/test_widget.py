"""The ipywidgets panel: one bundle with widget, HTML and text; the language toggle re-renders in place."""

from __future__ import annotations

from errfix_jupyter import display, errorinfo
from errfix_jupyter.knowledge import KnowledgeBase
from errfix_jupyter.matcher import match
from test_render import RECORD

ERROR = errorinfo.from_text("ValueError: bad value here")
MATCHES = match(ERROR, KnowledgeBase([RECORD]), installed={})


def make(lang="en", collapsed=True):
    bundle, model = display.bundle_for(MATCHES, ERROR, lang, with_widget=True, collapsed=collapsed,
                                       min_score=0.5, max_fixes=3)
    return bundle, model


def test_one_bundle_holds_the_widget_view_the_html_and_the_text():
    bundle, _ = make()
    data = bundle._repr_mimebundle_()
    assert set(data) == {"application/vnd.jupyter.widget-view+json", "text/html", "text/plain"}
    assert data["application/vnd.jupyter.widget-view+json"]["model_id"] == bundle.widget.model_id
    assert data["text/plain"].startswith("── errfix ──")


def test_the_panel_starts_collapsed_to_one_line_with_the_headline_and_top_fix():
    bundle, _ = make()
    state = bundle.widget.get_state()
    assert state["selected_index"] is None
    assert state["titles"][0].startswith("errfix ▸ A value was bad")
    assert "fix: Use fix() first" in state["titles"][0]


def test_expanded_when_asked():
    bundle, _ = make(collapsed=False)
    assert bundle.widget.get_state()["selected_index"] == 0


def test_the_language_toggle_switches_the_whole_panel_and_back():
    bundle, _ = make("en")
    toggle, body = bundle.widget.children[0].children
    assert "What happened" in body.value
    toggle.value = "zh"
    assert "发生了什么" in body.value and bundle.widget.get_state()["titles"][0].startswith("errfix ▸ 值不对")
    toggle.value = "en"
    assert "What happened" in body.value and "发生了什么" not in body.value


def test_the_widget_body_holds_the_fix_code_escaped():
    bundle, _ = make()
    body = bundle.widget.children[0].children[1]
    assert '<pre class="errfix-code"' in body.value and "fix()  # &lt;script&gt;" in body.value


def test_without_a_front_end_there_is_no_widget():
    bundle, _ = display.bundle_for(MATCHES, ERROR, "en", with_widget=False, collapsed=True, min_score=0.5, max_fixes=3)
    assert set(bundle._repr_mimebundle_()) == {"text/html", "text/plain"}


def test_hostile_record_text_stays_escaped_in_the_widget_values():
    bundle, _ = make()
    toggle, body = bundle.widget.children[0].children
    # The accordion title is plain text (the front end sets it as a text label, never as HTML); the body is HTML.
    for lang in ("en", "zh"):
        toggle.value = lang
        assert "<script" not in body.value and "<img" not in body.value
        assert "&lt;script&gt;" in body.value
        assert 'href="javascript:' not in body.value
