"""Load and unload: register the handler, hook and magic; put back exactly what was there before (IPython glue)."""

from __future__ import annotations

from typing import Any

from .magics import ErrfixMagics

STATE = "_errfix_jupyter_state"


def load(shell: Any) -> None:
    """Register ErrfixMagics, the custom exception handler and the post_run_cell hook (once per shell)."""
    if getattr(shell, STATE, None) is not None:
        return
    magics = ErrfixMagics(shell=shell)
    shell.register_magics(magics)
    magics.handler.register()
    shell.events.register("post_run_cell", magics.handler.on_post_run_cell)
    setattr(shell, STATE, magics)


def unload(shell: Any) -> None:
    """Restore the previous (custom_exceptions, CustomTB) pair and remove the hook and the magic."""
    magics: ErrfixMagics | None = getattr(shell, STATE, None)
    if magics is None:
        return
    try:
        shell.events.unregister("post_run_cell", magics.handler.on_post_run_cell)
    except ValueError:
        pass
    magics.handler.restore_previous()
    _remove_magics(shell, magics)
    delattr(shell, STATE)


def _remove_magics(shell: Any, magics: ErrfixMagics) -> None:
    # IPython has no unregister call: undo what register_magics did, entry by entry.
    manager = shell.magics_manager
    for kind in ("line", "cell"):
        table = manager.magics.get(kind, {})
        if getattr(table.get("errfix"), "__self__", None) is magics:
            del table["errfix"]
    if manager.registry.get(type(magics).__name__) is magics:
        del manager.registry[type(magics).__name__]
    if magics in shell.configurables:
        shell.configurables.remove(magics)
