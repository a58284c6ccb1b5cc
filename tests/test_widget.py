"""The interactive panel is ONE anywidget model: both languages in one JSON trait, the same escaped card as the static HTML."""

from __future__ import annotations

from errfix_jupyter import bundle, errorinfo, view
from errfix_jupyter.knowledge import KnowledgeBase
from errfix_jupyter.matcher import match
from test_render import HOSTILE, RECORD

ERROR = errorinfo.from_text("ValueError: bad value here")
MATCHES = match(ERROR, KnowledgeBase([RECORD]), installed={})
MODELS = {lang: view.build(MATCHES, ERROR, lang) for lang in ("en", "zh")}


def make(lang="en", collapsed=True, models=MODELS):
    from errfix_jupyter.widget import make_widget

    static = bundle.static_bundle(models, lang, collapsed=collapsed, text_collapsed=False)
    panel = make_widget(bundle.widget_data(models, lang, collapsed=collapsed))
    return bundle.PanelBundle(static.html, static.text, panel), panel


def test_one_bundle_holds_the_widget_view_the_html_and_the_text():
    shown, panel = make()
    data = shown._repr_mimebundle_()
    assert set(data) == {"application/vnd.jupyter.widget-view+json", "text/html", "text/plain"}
    assert data["application/vnd.jupyter.widget-view+json"]["model_id"] == panel.model_id
    assert "errfix" in data["text/plain"]


def _models() -> set[str]:
    from ipywidgets.widgets.widget import _instances

    return set(_instances)


def test_a_panel_is_one_widget_model():
    make()  # the first panel also makes the Layout that every panel shares
    before = _models()
    _, panel = make()
    assert _models() - before == {panel.model_id}, "no Layout, Style or child widgets of its own: one model per panel"


def test_the_state_carries_both_languages_and_starts_collapsed():
    _, panel = make()
    data = panel.get_state()["data"]
    assert data["lang"] == "en" and data["collapsed"] is True
    assert set(data["panels"]) == {"en", "zh"}
    assert "A value was bad" in data["panels"]["en"]["summary"]
    assert "值不对" in data["panels"]["zh"]["summary"]


def test_the_front_end_code_and_css_are_packaged_with_the_widget():
    from errfix_jupyter.widget import ErrfixPanel

    state = ErrfixPanel(data={}).get_state()
    assert "export default" in state["_esm"] and "navigator.clipboard" in state["_esm"]
    assert "--jp-layout-color1" in state["_css"], "the card follows JupyterLab's theme variables"


def test_each_code_block_has_a_copy_button_and_the_apply_line():
    _, panel = make(collapsed=False)
    body = panel.get_state()["data"]["panels"]["en"]["body"]
    assert 'class="errfix-copy" data-copy="code"' in body
    assert "%errfix apply 1" in body


def test_the_static_html_has_no_buttons_and_nests_the_other_language():
    shown, _ = make()
    assert "<button" not in shown.html and "<script" not in shown.html
    assert 'class="errfix-other-lang" lang="zh-CN"' in shown.html


def test_hostile_record_text_stays_escaped_in_the_widget_values():
    error = errorinfo.from_text(f"ValueError: bad value {HOSTILE}")
    matches = match(error, KnowledgeBase([RECORD]), installed={})
    models = {lang: view.build(matches, error, lang) for lang in ("en", "zh")}
    _, panel = make(models=models, collapsed=False)
    for part in panel.get_state()["data"]["panels"].values():
        for html in (part["summary"], part["body"]):
            assert "<script" not in html and "<img" not in html
            assert "&lt;script&gt;" in html or "script" not in html
