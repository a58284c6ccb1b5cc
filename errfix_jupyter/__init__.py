"""errfix_jupyter: a fix panel under every notebook error, from a local knowledge base of real error records.

In a notebook::

    In [1]: %load_ext errfix_jupyter
    In [2]: import pandas as pd; pd.DataFrame({"a": [1]})["price"]
    KeyError: 'price'              <- IPython's traceback, unchanged
    ▸ errfix: the column is not in the DataFrame — fix: check df.columns ...

From Python: ``errfix_jupyter.lookup_text(traceback_text)`` and ``errfix_jupyter.lookup_exception(exc)``.
Importing this package is cheap: no IPython glue, no widgets, no records until they are needed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["__version__", "load_ipython_extension", "lookup_exception", "lookup_text", "unload_ipython_extension"]

if TYPE_CHECKING:
    from .lookup import lookup_exception, lookup_text


def load_ipython_extension(ipython: Any) -> None:
    """Called by ``%load_ext errfix_jupyter``: register the handler and the ``%errfix`` magic."""
    from .extension import load

    load(ipython)


def unload_ipython_extension(ipython: Any) -> None:
    """Called by ``%unload_ext errfix_jupyter``: restore the previous handler and remove the magic."""
    from .extension import unload

    unload(ipython)


def __getattr__(name: str) -> Any:
    if name in ("lookup_text", "lookup_exception"):
        from . import lookup

        return getattr(lookup, name)
    raise AttributeError(f"module 'errfix_jupyter' has no attribute {name!r}")
