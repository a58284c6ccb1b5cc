"""Load and unload: register the handler, hook and magic; put back exactly what was there before (IPython glue)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .handler import Handler
from .magics import ErrfixMagics

STATE = "_errfix_jupyter_state"


@dataclass(frozen=True)
class State:
    """What load() installed on a shell, so unload() can take exactly that away."""

    magics: ErrfixMagics
    handler: Handler


def load(shell: Any) -> None:
    """Register ErrfixMagics, the custom exception handler and the post_run_cell hook (once per shell)."""
    if getattr(shell, STATE, None) is not None:
        return
    magics = ErrfixMagics(shell=shell)
    shell.register_magics(magics)
    magics.handler.register()
    shell.events.register("post_run_cell", magics.handler.on_post_run_cell)
    setattr(shell, STATE, State(magics, magics.handler))


def unload(shell: Any) -> None:
    """Restore the previous (custom_exceptions, CustomTB) pair and remove the hook and the magic."""
    state: State | None = getattr(shell, STATE, None)
    if state is None:
        return
    try:
        shell.events.unregister("post_run_cell", state.handler.on_post_run_cell)
    except ValueError:
        pass
    state.handler.restore_previous()
    _remove_magics(shell, state.magics)
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
