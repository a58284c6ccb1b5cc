"""Local feedback: which fixes worked for this user, stored in their data folder and never sent anywhere (pure, filesystem only).

``%errfix good N`` and ``%errfix bad N`` record an outcome for fix N of the last panel, keyed ``<record id>#<index>``.
Later panels for the same record rank that fix up ("worked for you") or down. A corrupt or unreadable file is
reported once and ignored; it is moved aside, not overwritten, when the next outcome is saved.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FORMAT = 1
MAX_BYTES = 2_000_000
MAX_ENTRIES = 20_000


@dataclass
class Store:
    """Outcomes per fix key: counts of good and bad, and the last verdict."""

    path: Path | None
    entries: dict[str, dict[str, Any]] = field(default_factory=dict)
    problem: str = ""

    def record(self, key: str, verdict: str) -> None:
        """Count one outcome (``good`` or ``bad``) for a fix and save."""
        entry = self.entries.setdefault(key, {"good": 0, "bad": 0})
        entry[verdict] = int(entry.get(verdict, 0)) + 1
        entry["last"] = verdict
        entry["updated"] = time.strftime("%Y-%m-%dT%H:%M:%S")
        self.save()

    def outcomes(self) -> dict[str, str]:
        """Per fix key, ``good`` or ``bad``: the majority, the last verdict on a tie."""
        found = {}
        for key, entry in self.entries.items():
            good, bad = int(entry.get("good", 0)), int(entry.get("bad", 0))
            found[key] = "good" if good > bad else "bad" if bad > good else str(entry.get("last", ""))
        return {k: v for k, v in found.items() if v in ("good", "bad")}

    def clear(self) -> int:
        """Forget every outcome; returns how many fixes had one."""
        count = len(self.entries)
        self.entries = {}
        self.save()
        return count

    def save(self) -> None:
        """Write the store atomically; a corrupt file found at load is moved aside first."""
        if self.path is None:
            raise OSError("there is no user data folder to keep feedback in")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self.problem and self.path.exists():
            self.path.replace(self.path.with_name(f"{self.path.name}.corrupt-{int(time.time())}"))
            self.problem = ""
        data = {"format": FORMAT, "outcomes": self.entries}
        fd, temp = tempfile.mkstemp(dir=self.path.parent, prefix=".feedback-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(data, handle, ensure_ascii=False, indent=1)
            os.replace(temp, self.path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise


def default_path() -> Path | None:
    """``feedback.json`` in the user data folder (platformdirs), or None when there is no home."""
    try:
        import platformdirs

        path = Path(platformdirs.user_data_dir("errfix_jupyter", appauthor=False)) / "feedback.json"
    except Exception:  # noqa: BLE001
        return None
    return path if path.is_absolute() else None


def load(path: Path | None = None) -> Store:
    """The store at ``path`` (default: the user's); a missing file is empty, a bad one is reported and ignored."""
    path = path if path is not None else default_path()
    if path is None or not path.exists():
        return Store(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ValueError(f"larger than {MAX_BYTES} bytes")
        data = json.loads(path.read_text(encoding="utf-8"))
        return Store(path, _entries(data))
    except (OSError, ValueError, RecursionError) as exc:
        return Store(path, {}, f"{path}: feedback file ignored ({type(exc).__name__}: {str(exc)[:120]})")


def _entries(data: Any) -> dict[str, dict[str, Any]]:
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("outcomes"), dict):
        raise ValueError("not an errfix feedback file of format 1")
    entries = {}
    for key, entry in list(data["outcomes"].items())[:MAX_ENTRIES]:
        if isinstance(key, str) and isinstance(entry, dict):
            entries[key] = {k: v for k, v in entry.items() if isinstance(v, (int, str)) and not isinstance(v, bool)}
    return entries


def summary(stores: Mapping[str, Store]) -> list[str]:
    """Lines for ``errfix stats --feedback``: per record, how often each fix was marked good and bad."""
    lines = []
    for name, store in stores.items():
        if store.problem:
            lines.append(store.problem)
        by_record: dict[str, list[str]] = {}
        for key, entry in sorted(store.entries.items()):
            record_id, _, index = key.partition("#")
            by_record.setdefault(record_id, []).append(
                f"fix {int(index) + 1 if index.isdigit() else index}: {entry.get('good', 0)} good, {entry.get('bad', 0)} bad")
        lines.append(f"{name}: {len(store.entries)} fixes with outcomes, {len(by_record)} records")
        lines += [f"  {rid}: " + "; ".join(parts) for rid, parts in by_record.items()]
    return lines
