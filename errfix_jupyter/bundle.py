"""The one display output of a panel: widget view (if any), static HTML and text in one mimebundle (pure)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from . import render_html, render_text
from .i18n import Lang
from .view import PanelModel


class PanelBundle:
    """Widget view (if any), our static HTML and our readable text, as one output (rich's JupyterRenderable)."""

    def __init__(self, html: str, text: str, widget: Any = None) -> None:
        self.html = html
        self.text = text
        self.widget = widget

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        data: dict[str, Any] = {}
        if self.widget is not None:
            shown = self.widget._repr_mimebundle_(include=include, exclude=exclude) or {}
            data.update(shown[0] if isinstance(shown, tuple) else shown)  # (data, metadata) or data
        data["text/html"] = self.html
        data["text/plain"] = self.text
        return data

    def static(self) -> PanelBundle:
        """The same panel without its widget (what an older panel becomes when its widget model is released)."""
        return PanelBundle(self.html, self.text)

    def __repr__(self) -> str:
        return self.text


def other(lang: Lang) -> Lang:
    """The other panel language."""
    return "zh" if lang == "en" else "en"


def static_bundle(models: Mapping[Lang, PanelModel], lang: Lang, *, collapsed: bool, text_collapsed: bool,
                  show_error: bool = False, cli: bool = False) -> PanelBundle:
    """HTML (with the other language nested) and text for these models."""
    model = models[lang]
    html = render_html.render_html(model, other=models.get(other(lang)), collapsed=collapsed, show_error=show_error)
    text = render_text.render_text(model, collapsed=text_collapsed, show_error=show_error, cli=cli)
    return PanelBundle(html, text)


def widget_data(models: Mapping[Lang, PanelModel], lang: Lang, *, collapsed: bool, show_error: bool = False) -> dict[str, Any]:
    """What the widget's front end renders: both languages' cards (escaped HTML with copy buttons) and their labels."""
    from .i18n import t

    panels = {code: {"summary": render_html.summary_html(m),
                     "body": render_html.body_html(m, interactive=True, show_error=show_error),
                     "copy": t("copy", code), "copy_code": t("copy_code", code), "copied": t("copied", code),
                     "lang_tag": "zh-CN" if code == "zh" else "en",
                     "confident": bool(m.confident or m.fixes)}
              for code, m in models.items()}
    return {"lang": lang, "collapsed": collapsed, "panels": panels}
