"""Show a panel under the current cell: one bundle (widget + HTML + text), at most LIVE widget models kept (glue)."""

from __future__ import annotations

import sys
from collections import deque
from collections.abc import Callable, Mapping
from typing import Any

from . import bundle
from .bundle import PanelBundle
from .i18n import Lang
from .view import PanelModel

LIVE = 100  # widget models kept per shell; an older panel becomes its static HTML and its model is closed
_WARNED: set[str] = set()


def has_widget_frontend(shell: Any) -> bool:
    """Widgets only make sense when a kernel talks to a front end (not in terminal IPython)."""
    return getattr(shell, "kernel", None) is not None


def widgets_available() -> bool:
    """Whether anywidget (and ipywidgets) import here; says once, in one line, when they do not."""
    try:
        import anywidget  # noqa: F401
        import ipywidgets  # noqa: F401

        from . import widget  # noqa: F401
    except Exception as exc:  # noqa: BLE001 - missing or broken: either way, the static panel is shown
        if "widget" not in _WARNED:
            _WARNED.add("widget")
            print(f"errfix: the interactive panel needs anywidget and ipywidgets ({type(exc).__name__}: {exc}); "
                  "showing the static panel instead", file=sys.stderr)
        return False
    return True


class Display:
    """Displays panels for one shell and releases the widget models of old panels."""

    def __init__(self, shell: Any) -> None:
        self.shell = shell
        self._live: deque[tuple[str, Any, PanelBundle]] = deque()
        self._count = 0

    def show(self, models: Mapping[Lang, PanelModel], lang: Lang, *, collapsed: bool, widget: bool,
             show_error: bool = False) -> PanelBundle:
        """Display the panel; the widget when the front end has one and it is wanted, else static HTML and text."""
        from IPython.display import display as _display

        display: Callable[..., Any] = _display

        interactive = widget and has_widget_frontend(self.shell) and widgets_available()
        static = bundle.static_bundle(models, lang, collapsed=collapsed, text_collapsed=collapsed and not interactive,
                                      show_error=show_error)
        if not interactive:
            display(static)
            return static
        from .widget import make_widget

        panel = make_widget(bundle.widget_data(models, lang, collapsed=collapsed, show_error=show_error))
        shown = PanelBundle(static.html, static.text, panel)
        self._count += 1
        display_id = f"errfix-{id(self):x}-{self._count}"
        display(shown, display_id=display_id)
        self._live.append((display_id, panel, static))
        self._release()
        return shown

    def _release(self) -> None:
        from IPython.display import update_display as _update

        update_display: Callable[..., Any] = _update

        while len(self._live) > LIVE:
            display_id, panel, static = self._live.popleft()
            try:
                update_display(static, display_id=display_id)
            finally:
                panel.close()

    def close(self) -> None:
        """Close every live widget model (on unload)."""
        while self._live:
            self._live.popleft()[1].close()


class _Progress:
    """Progress of a long index build: a bar under the cell in Jupyter, one line in a terminal; silent for short builds."""

    SHOW_AFTER = 2000  # files; about a second of work

    def __init__(self, shell: Any) -> None:
        self.shell = shell
        self.handle: Any = None

    def __call__(self, done: int, total: int) -> None:
        if total < self.SHOW_AFTER:
            return
        try:
            self._show(done, total)
        except Exception:  # noqa: BLE001 - progress is a courtesy; it must never break a lookup
            pass

    def _show(self, done: int, total: int) -> None:
        text = f"errfix: indexing record files {done:,}/{total:,}"
        if not has_widget_frontend(self.shell):
            end = "\n" if done >= total else ""
            print(f"\r{text}", end=end, file=sys.stderr, flush=True)
            return
        from IPython import display as ipd

        HTML: Callable[..., Any] = ipd.HTML
        display: Callable[..., Any] = ipd.display

        share = done / total if total else 1.0
        html = (f'<div class="errfix-progress" style="font-size:12px">{text} '
                f'<progress value="{done}" max="{total}" style="width:200px"></progress> {share:.0%}</div>')
        bundle_ = HTML(html)
        if self.handle is None:
            self.handle = display(bundle_, display_id=True)
        else:
            self.handle.update(bundle_)


def progress_reporter(shell: Any) -> Any:
    """The progress callback for index builds in this shell."""
    return _Progress(shell)
