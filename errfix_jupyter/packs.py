"""Record packs: distributions that ship records declare an entry point in the group ``errfix_jupyter.records`` (pure).

The entry point's value names an importable package; every ``*.json`` under it is a record in the seed format.
The package is located, never imported: a pack's code does not run inside the user's kernel.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from importlib import metadata
from pathlib import Path

GROUP = "errfix_jupyter.records"
_found: tuple[tuple[tuple[str, int | None], ...], list[tuple[str, Path]]] | None = None


def pack_dirs() -> list[tuple[str, Path]]:
    """(pack name, folder) for each installed pack whose package can be found; sorted by name for a stable order.

    Reading every distribution's entry points costs milliseconds, and this runs on every error: the answer is kept
    until ``sys.path`` or the modification time of one of its folders changes (an install adds a dist-info folder).
    """
    global _found
    key = _path_state()
    if _found is None or _found[0] != key:
        _found = (key, _discover())
    return list(_found[1])


def _path_state() -> tuple[tuple[str, int | None], ...]:
    state: list[tuple[str, int | None]] = []
    for entry in sys.path:
        try:
            state.append((entry, os.stat(entry or ".").st_mtime_ns))
        except (OSError, ValueError, TypeError):
            state.append((str(entry), None))
    return tuple(state)


def _discover() -> list[tuple[str, Path]]:
    found = []
    for entry in _entry_points():
        folder = package_folder(entry.value.split(":", 1)[0].strip())
        if folder is not None:
            found.append((entry.name, folder))
    return sorted(found)


def _entry_points() -> list[metadata.EntryPoint]:
    try:
        return list(metadata.entry_points(group=GROUP))
    except Exception:  # noqa: BLE001 - broken metadata of some other distribution must not hide the rest
        return []


def package_folder(dotted: str) -> Path | None:
    """The folder of package ``dotted`` (``acme_errfix.records``), found without importing it."""
    parts = [p for p in dotted.split(".") if p]
    if not parts or not all(p.isidentifier() for p in parts):
        return None
    try:
        spec = importlib.util.find_spec(parts[0])
    except (ImportError, ValueError):
        return None
    locations = list(spec.submodule_search_locations or []) if spec is not None else []
    for location in locations:
        folder = Path(location).joinpath(*parts[1:])
        if folder.is_dir():
            return folder
    return None
