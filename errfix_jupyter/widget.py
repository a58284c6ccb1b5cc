"""The panel as ONE anywidget model: both languages travel as one JSON trait and the packaged ES module lays them out (glue)."""

from __future__ import annotations

from importlib import resources
from typing import Any

import anywidget
import traitlets

_STATIC = resources.files("errfix_jupyter").joinpath("static")


class ErrfixPanel(anywidget.AnyWidget):
    """One errfix panel: the cards of both languages, the language shown, and whether it starts collapsed."""

    _esm = _STATIC.joinpath("panel.js").read_text(encoding="utf-8")
    _css = _STATIC.joinpath("panel.css").read_text(encoding="utf-8")
    data = traitlets.Dict().tag(sync=True)


_LAYOUT: Any = None


def make_widget(data: dict[str, Any]) -> ErrfixPanel:
    """A panel widget for data made by ``bundle.widget_data``.

    anywidget's DOMWidget base gives every instance a Layout model; all panels share one, so each panel after the
    first opens exactly one widget model.
    """
    global _LAYOUT
    if _LAYOUT is None:
        import ipywidgets

        _LAYOUT = ipywidgets.Layout()
    return ErrfixPanel(data=data, layout=_LAYOUT)
