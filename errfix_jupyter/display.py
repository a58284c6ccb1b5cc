"""Build the panel bundle for a front end and display it (thin glue over view, renderers and widget)."""

from __future__ import annotations

from typing import Any, Sequence

from . import render_html, render_text, view
from .errorinfo import ErrorInfo
from .i18n import LANGS, Lang
from .matcher import Match
from .widget import PanelBundle


_WARNED: set[str] = set()


def has_widget_frontend(shell: Any) -> bool:
    """Widgets only make sense when a kernel talks to a front end (not in terminal IPython)."""
    return getattr(shell, "kernel", None) is not None


def widgets_available() -> bool:
    """Whether ipywidgets imports here; says once, in one line, when it does not (the static panel is used)."""
    try:
        import ipywidgets  # noqa: F401
    except Exception as exc:  # noqa: BLE001 - missing or broken: either way, fall back
        if "ipywidgets" not in _WARNED:
            _WARNED.add("ipywidgets")
            import sys

            print(f"errfix: ipywidgets cannot be imported in this kernel ({type(exc).__name__}: {exc}); "
                  "showing the static panel instead (pip install ipywidgets for the interactive one)", file=sys.stderr)
        return False
    return True


def bundle_for(matches: Sequence[Match], error: ErrorInfo | None, lang: Lang, *, with_widget: bool,
               collapsed: bool, min_score: float, max_fixes: int) -> tuple[PanelBundle | None, view.PanelModel | None]:
    """The one display object (widget + HTML + text) for these matches, and the model shown."""
    models = {code: view.build(matches, error, code, min_score=min_score, max_fixes=max_fixes) for code in LANGS}
    model = models[lang]
    if model is None:
        return None, None
    other = models["zh" if lang == "en" else "en"]
    html = render_html.render_html(model, other=other, collapsed=collapsed)
    text = render_text.render_text(model, collapsed=collapsed and not with_widget)
    widget = None
    if with_widget:
        from .widget import make_widget

        widget = make_widget(models, lang, collapsed=collapsed)  # type: ignore[arg-type]
    return PanelBundle(html, text, widget), model


def show(matches: Sequence[Match], error: ErrorInfo | None, lang: Lang, *, shell: Any, collapsed: bool,
         min_score: float, max_fixes: int, widget: bool = True) -> view.PanelModel | None:
    """Display the panel under the current cell's output; returns the model shown (None when nothing matched)."""
    from IPython.display import display

    with_widget = widget and has_widget_frontend(shell) and widgets_available()
    bundle, model = bundle_for(matches, error, lang, with_widget=with_widget,
                               collapsed=collapsed, min_score=min_score, max_fixes=max_fixes)
    if bundle is not None:
        display(bundle)
    return model
