"""KnowledgeBase: the indexes of every record folder, queried as one; full records parsed only when shown (pure).

The shipped records come first, then packs, then the user's folders. An id that an earlier folder already has is
reported and skipped, never an override. Small folders are brought up to date before each lookup (at most once a
second); a large one (over ``SYNC_FILES`` files) answers from its index at once and is refreshed in the background.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TypeVar

from .index import FolderIndex, Progress, is_busy, safe_dir
from .loader import Folder, folders
from .record import Record, Summary
from .schema import Problem

T = TypeVar("T")
_NO_IDS: list[str] = []
_NO_SUMMARIES: list[Summary] = []
SYNC_FILES = 5000
REFRESH_EVERY = 1.0  # seconds between freshness checks of one folder within a session


class KnowledgeBase:
    """Records of several folders behind one query interface."""

    def __init__(self, records: Iterable[Record] = (), problems: Sequence[Problem] = (), *,
                 indexes: Sequence[FolderIndex] | None = None) -> None:
        self.indexes: list[FolderIndex] = list(indexes) if indexes is not None else [FolderIndex.from_records(records)]
        self._extra_problems = list(problems)
        self._loaded: dict[str, Record | None] = {}
        self._checked = 0.0
        self._background: threading.Thread | None = None
        self.notes: list[str] = []

    # ------------------------------------------------------------ size and problems

    def __len__(self) -> int:
        return sum(self._each(lambda i: i.count(), 0))

    @property
    def problems(self) -> list[Problem]:
        """Problems of every folder's files, and ids that collide with an earlier folder's."""
        found = list(self._extra_problems)
        for index in self.indexes:
            found += self._guard(index, FolderIndex.problems, [])
        return found + self.collisions()

    def collisions(self) -> list[Problem]:
        """Records whose id an earlier folder already has (reported, and skipped when matching)."""
        found: list[Problem] = []
        for position, index in enumerate(self.indexes[1:], start=1):
            for record_id in self._guard(index, FolderIndex.ids, _NO_IDS):
                first = self._first_holder(record_id, position)
                if first is not None:
                    mine = index.get(record_id)
                    found.append(Problem(mine.path if mine else record_id, "$.id",
                                         f"id {record_id!r} is already a record of {first.folder.origin} ({first.folder.path}); "
                                         "this one is not used"))
        return found

    # ------------------------------------------------------------ candidates

    def regex_candidates(self, type_names: Sequence[str], words: set[str]) -> list[Summary]:
        """Records whose regex is worth trying for an error of these types with these words."""
        return self._merged(lambda i: i.regex_candidates(type_names, words))

    def near_miss_candidates(self, type_names: Sequence[str], words: set[str], *, scan_all: bool = True) -> list[Summary]:
        """Records worth a text-similarity comparison."""
        return self._merged(lambda i: i.near_miss_candidates(type_names, words, scan_all=scan_all))

    def generic_for(self, type_names: Sequence[str]) -> list[Summary]:
        """Generic fallback records for the first of these type names that has one."""
        for name in type_names:
            found = self._merged(lambda i, name=name: i.generic_for(name))  # type: ignore[misc]
            if found:
                return found
        return []

    def type_names(self) -> list[str]:
        """Every exception type name some record is about."""
        names: dict[str, None] = {}
        for index in self.indexes:
            names.update(dict.fromkeys(self._guard(index, FolderIndex.type_names, _NO_IDS)))
        return list(names)

    def get(self, record_id: str) -> Record | None:
        """The full record with this id (the first folder's), parsed on demand."""
        for index in self.indexes:
            summary = self._guard(index, lambda i: i.get(record_id), None)
            if summary is not None:
                return self.record(summary)
        return None

    def summary(self, record_id: str) -> Summary | None:
        """The indexed summary of the record with this id."""
        for index in self.indexes:
            found = self._guard(index, lambda i: i.get(record_id), None)
            if found is not None:
                return found
        return None

    def record(self, summary: Summary) -> Record | None:
        """The full record behind a summary, parsed once (None if its file no longer holds it)."""
        key = f"{summary.origin}\0{summary.path}\0{summary.id}"
        if key not in self._loaded:
            index = next((i for i in self.indexes if i.folder.origin == summary.origin and
                          (summary.id in i._memory_records or summary.path.startswith(str(i.folder.path)))), None)
            self._loaded[key] = self._guard(index, lambda i: i.load(summary), None) if index else None
        return self._loaded[key]

    def all_records(self) -> list[Record]:
        """Every record, parsed (for statistics and benchmarks, not for lookups)."""
        found = []
        for index in self.indexes:
            for record_id in self._guard(index, FolderIndex.ids, _NO_IDS):
                summary = index.get(record_id)
                record = self.record(summary) if summary else None
                if record is not None:
                    found.append(record)
        return found

    # ------------------------------------------------------------ freshness

    def refresh(self, progress: Progress | None = None, *, force: bool = False, first: bool = False) -> None:
        """Bring small folders up to date now and large ones in the background (at most once a second).

        A folder never indexed before is built now, with ``progress``: there is nothing to answer from yet.
        """
        now = time.monotonic()
        if not (force or first) and now - self._checked < REFRESH_EVERY:
            return
        self._checked = now
        large = []
        for index in list(self.indexes):
            if index._memory_records:
                continue
            known = self._guard(index, FolderIndex.file_count, 0)
            if known > SYNC_FILES and not force and index.location != ":memory:":
                large.append(index)
                continue
            self._guard(index, lambda i: i.refresh(progress), None)
            self._loaded.clear()
        if large and (self._background is None or not self._background.is_alive()):
            self._background = threading.Thread(target=self._refresh_in_background, args=(large,), daemon=True,
                                                name="errfix-index-refresh")
            self._background.start()

    def _refresh_in_background(self, indexes: list[FolderIndex]) -> None:
        for index in indexes:
            try:
                mine = FolderIndex.open(index.folder, Path(index.location).parent) if index.location != ":memory:" else None
                if mine is not None:
                    mine.refresh()
                    mine.close()
            except Exception:  # noqa: BLE001 - a background refresh that fails leaves the index as it was
                continue

    # ------------------------------------------------------------ helpers

    def _merged(self, query: Callable[[FolderIndex], list[Summary]]) -> list[Summary]:
        found: dict[str, Summary] = {}
        for position, index in enumerate(self.indexes):
            fresh = [s for s in self._guard(index, query, _NO_SUMMARIES) if s.id not in found]
            taken = self._held_before(position, [s.id for s in fresh]) if position and fresh else set()
            found.update((s.id, s) for s in fresh if s.id not in taken)
        return list(found.values())

    def _held_before(self, position: int, ids: list[str]) -> set[str]:
        """The ids an earlier folder holds (that folder's record wins): one query per earlier folder."""
        taken: set[str] = set()
        for earlier in self.indexes[:position]:
            taken |= self._guard(earlier, lambda i: i.held(ids), set[str]())
        return taken

    def _first_holder(self, record_id: str, before: int) -> FolderIndex | None:
        for index in self.indexes[:before]:
            if self._guard(index, lambda i: i.get(record_id), None) is not None:
                return index
        return None

    def _each(self, query: Callable[[FolderIndex], int], default: int) -> list[int]:
        return [self._guard(index, query, default) for index in self.indexes]

    def _guard(self, index: FolderIndex | None, call: Callable[[FolderIndex], T], default: T) -> T:
        """Run one index query, never raising: a busy index sits out this query; a broken one is left out for the
        session (one note each)."""
        if index is None:
            return default
        try:
            return call(index)
        except sqlite3.Error as exc:
            if is_busy(exc):  # another process is writing this index: skip it for this query only
                note = f"the index of {index.folder.path} was busy ({exc}); a lookup went without its records"
                if note not in self.notes:
                    self.notes.append(note)
                return default
            self.indexes = [i for i in self.indexes if i is not index]
            self.notes.append(f"the index of {index.folder.path} cannot be read ({exc}); its records are left out")
            return default


# ---------------------------------------------------------------- the process-wide knowledge base

_OPEN: dict[tuple[str, ...], KnowledgeBase] = {}
KEEP_OPEN = 4  # knowledge bases (sets of folders) kept open per process


def knowledge_base(extra: Sequence[str | os.PathLike[str]] = (), *, bundled: bool = True,
                   progress: Progress | None = None) -> KnowledgeBase:
    """The knowledge base over the shipped, pack and user folders, opened once per process and kept current per file."""
    return open_knowledge_base(folders(extra, bundled=bundled), progress=progress)


def cache_dir() -> Path | None:
    """The user cache folder for indexes, if there is one that is ours (else indexes live in memory)."""
    try:
        import platformdirs

        folder = Path(platformdirs.user_cache_dir("errfix_jupyter", appauthor=False))
    except Exception:  # noqa: BLE001 - no home directory: no cache
        return None
    # With no home and no passwd entry, "~" stays "~": a relative path is no cache folder.
    return folder if folder.is_absolute() and safe_dir(folder) else None


def open_knowledge_base(folders: Sequence[Folder], *, progress: Progress | None = None) -> KnowledgeBase:
    """The knowledge base of these folders, opened once per process and kept current."""
    where = cache_dir()
    key = (str(where), *(f"{f.origin}:{f.path}" for f in folders))  # another cache folder is another index
    kb = _OPEN.get(key)
    if kb is None:
        indexes = [FolderIndex.open(folder, where) for folder in folders]
        missing = [Problem(str(f.path), "$", "record folder does not exist") for f in folders if not f.path.exists()]
        kb = KnowledgeBase(indexes=indexes, problems=missing)
        kb.refresh(progress, first=True)
        while len(_OPEN) >= KEEP_OPEN:
            _OPEN.pop(next(iter(_OPEN)))
        _OPEN[key] = kb
    else:
        kb.refresh(progress)
    return kb


def forget_open() -> None:
    """Close the open knowledge bases; the next lookup opens them again (after a record was written, or in tests)."""
    for kb in _OPEN.values():
        for index in kb.indexes:
            index.close()
    _OPEN.clear()
