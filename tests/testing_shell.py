"""One testing shell for every shell test (as jupysql's TestingShell): fresh, history-less, plain colours."""

from __future__ import annotations

from typing import Any

from IPython.core.interactiveshell import ExecutionResult, InteractiveShell
from IPython.utils.capture import CapturedIO, capture_output
from traitlets.config import Config


def fresh_shell() -> InteractiveShell:
    """A new InteractiveShell with no history file and no colours; errfix not loaded."""
    cfg = Config()
    cfg.HistoryManager.enabled = False
    cfg.InteractiveShell.colors = "nocolor"
    InteractiveShell.clear_instance()
    return InteractiveShell.instance(config=cfg)


def run(ip: InteractiveShell, *cells: str, store_history: bool = True) -> tuple[ExecutionResult, CapturedIO]:
    """Run cells as a notebook does (numbered, kept in In); the last cell's result and captured output."""
    outcome: tuple[Any, Any] = (None, None)
    for cell in cells:
        with capture_output() as captured:
            outcome = (ip.run_cell(cell, store_history=store_history), captured)
    return outcome


def last_panel(ip: InteractiveShell, lang: str = "en") -> Any:
    """The PanelModel errfix built for the last error shown."""
    shown = ip._errfix_jupyter_state.handler.last
    assert shown is not None, "no panel was shown"
    return shown.models[lang]
