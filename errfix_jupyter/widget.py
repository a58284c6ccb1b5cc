"""PanelModel -> ipywidgets panel with a language toggle, and the one-bundle display object (widgets only, no shell)."""

from __future__ import annotations

from typing import Any, Mapping

from .i18n import Lang, t
from .render_html import body_html
from .view import PanelModel

TITLE_LIMIT = 220
WIDGET_CLASS = "errfix-panel-widget"


class PanelBundle:
    """One display output: the widget view (if any), our static HTML and our readable text, in one mimebundle."""

    def __init__(self, html: str, text: str, widget: Any = None) -> None:
        self.html = html
        self.text = text
        self.widget = widget

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        data: dict[str, Any] = {}
        if self.widget is not None:
            data.update(self.widget._repr_mimebundle_(include=include, exclude=exclude) or {})
        data["text/html"] = self.html
        data["text/plain"] = self.text
        return data

    def __repr__(self) -> str:
        return self.text


def title_text(model: PanelModel) -> str:
    """The accordion's one-line title: what went wrong and the top fix, as plain text."""
    text = f"{t('brand', model.lang)} ▸ {model.headline.text}"
    if model.top_fix is not None and model.confident:
        text += f" — {t('top_fix', model.lang)}{t('colon', model.lang)}{model.top_fix.action.text}"
    text = text.replace("`", "")
    return text if len(text) <= TITLE_LIMIT else text[: TITLE_LIMIT - 1] + "…"


def make_widget(models: Mapping[Lang, PanelModel], lang: Lang, *, collapsed: bool = True) -> Any:
    """An Accordion whose one section holds the language toggle and the panel body; toggling re-renders in place."""
    import ipywidgets as widgets

    # Every widget model is a comm the kernel opens and the front end mirrors; one shared Layout saves three.
    layout = widgets.Layout()
    body = widgets.HTML(value=body_html(models[lang]), layout=layout)
    toggle = widgets.ToggleButtons(
        options=[("English", "en"), ("中文", "zh")], value=lang, description=t("language", lang),
        style={"button_width": "80px"}, layout=layout,
    )
    toggle.add_class("errfix-lang-toggle")
    panel = widgets.Accordion(children=[widgets.VBox([toggle, body], layout=layout)], titles=(title_text(models[lang]),),
                              selected_index=None if collapsed else 0, layout=layout)
    panel.add_class(WIDGET_CLASS)

    def switch(change: Mapping[str, Any]) -> None:
        chosen = models[change["new"]]
        body.value = body_html(chosen)
        panel.set_title(0, title_text(chosen))
        toggle.description = t("language", change["new"])

    toggle.observe(switch, names="value")
    return panel
