"""Import names and the distributions that provide them: for reproducers' requirements and ``%pip install`` fixes (pure)."""

from __future__ import annotations

import ast
import json
import sys
from functools import lru_cache
from importlib import metadata, resources


def imported_modules(code: str) -> set[str]:
    """Top-level third-party modules that ``code`` imports (absolute imports; the standard library left out)."""
    try:
        tree = ast.parse(code)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return set()
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module.split(".")[0])
    return {n for n in names if n not in sys.stdlib_module_names and n != "__future__"}


@lru_cache(maxsize=1)
def _installed() -> dict[str, list[str]]:
    try:
        return dict(metadata.packages_distributions())
    except Exception:  # noqa: BLE001 - broken metadata in a user's environment: know nothing rather than fail
        return {}


@lru_cache(maxsize=1)
def known_names() -> dict[str, str]:
    """The shipped table of import names whose PyPI distribution is named differently (``cv2`` -> ``opencv-python``)."""
    text = resources.files("errfix_jupyter").joinpath("data", "pip_names.json").read_text(encoding="utf-8")
    return {k: v for k, v in json.loads(text).items() if not k.startswith("_")}


def distributions_for(module: str) -> list[str]:
    """Installed distributions that provide the top-level ``module`` (empty when none is installed)."""
    return sorted(set(_installed().get(module.split(".", maxsplit=1)[0], [])))


def pip_name(module: str) -> str:
    """The distribution to ``pip install`` for a module that is not installed: from the table, else its top-level name.

    Empty for modules that pip cannot provide (``tkinter`` comes with Python, ``imp`` was removed from it). The
    environment's own metadata is not consulted: nothing installed here provides a module that failed to import.
    """
    table = known_names()
    parts = module.split(".")
    for cut in range(len(parts), 0, -1):
        dotted = ".".join(parts[:cut])
        if dotted in table:
            return table[dotted]
    return parts[0]
