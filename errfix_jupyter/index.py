"""A compiled index of one record folder in SQLite: safe to open, kept current per file, queried without parsing records (pure).

Each file is keyed on its size, mtime, ctime and inode; when any of them differs its content hash decides whether
it is read again, so ``cp -p`` and ``touch`` cost a hash and an edit that keeps size and mtime is still seen (its
ctime moves). Only changed files are re-read. The index carries its format version and is rebuilt, never trusted,
when that differs. Nothing in it executes: it holds strings and numbers. Index files live in the user cache folder,
owned by the user and not writable by others; where there is none (no home, read-only disk) the index is in memory.
"""

from __future__ import annotations

import functools
import hashlib
import os
import sqlite3
import stat
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from .literals import required_words, tokens
from .loader import Folder, parse_bytes, record_files
from .record import Record, Summary, summarise
from .schema import Problem

FORMAT = 9  # bump whenever what is stored, or how it is derived from a record, changes
BATCH = 500
REKEY_AFTER = 50  # a refresh that read this many files (and a tenth of the index) keys every record again
RARE_WORD = 64  # a signature word shared by more records than this does not select near-miss candidates
# A lookup reads the same summaries again and again: decode each stored text once (a changed record is new text).
_summary = functools.lru_cache(maxsize=16384)(Summary.from_json)
SCAN_ALL = 200  # exception types with at most this many records are compared in full for near misses
Progress = Callable[[int, int], None]

_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE files(path TEXT PRIMARY KEY, size INT, mtime INT, ctime INT, inode INT, digest TEXT);
CREATE TABLE records(rid INTEGER PRIMARY KEY, path TEXT, id TEXT, type TEXT, generic INT, nwords INT, words TEXT, summary TEXT);
CREATE INDEX records_kind ON records(type, generic, nwords);
CREATE INDEX records_id ON records(id);
CREATE INDEX records_path ON records(path);
CREATE TABLE keys(type TEXT, word TEXT, rid INT);
CREATE INDEX keys_key ON keys(type, word);
CREATE INDEX keys_rid ON keys(rid);
CREATE TABLE wordfreq(type TEXT, word TEXT, n INT, PRIMARY KEY(type, word));
CREATE TABLE sigwords(type TEXT, word TEXT, rid INT);
CREATE INDEX sigwords_key ON sigwords(type, word);
CREATE INDEX sigwords_rid ON sigwords(rid);
CREATE TABLE sigfreq(type TEXT, word TEXT, n INT, PRIMARY KEY(type, word));
CREATE TABLE problems(path TEXT, json_path TEXT, message TEXT, code TEXT);
CREATE INDEX problems_path ON problems(path);
"""


@dataclass(frozen=True)
class RefreshStats:
    """What one refresh did: files seen, re-read, removed, and the seconds it took."""

    files: int
    read: int
    removed: int
    seconds: float


class FolderIndex:
    """The index of one folder (or, for records given in memory, of those records)."""

    def __init__(self, folder: Folder, connection: sqlite3.Connection, *, location: str = ":memory:") -> None:
        self.folder = folder
        self.location = location
        self._db = connection
        self._memory_records: dict[str, Record] = {}
        self._type_sizes: dict[str, int] | None = None
        self._key_words: dict[str, frozenset[str]] | None = None  # type ("" for any) -> words that key a record
        self._rare_words: dict[str, frozenset[str]] | None = None  # type ("" for any) -> rare signature words
        self._generation: object = None

    # ------------------------------------------------------------ opening

    @classmethod
    def open(cls, folder: Folder, cache_dir: Path | None) -> FolderIndex:
        """The folder's index file in ``cache_dir`` (created, or rebuilt if of another format); in memory if unusable."""
        path = index_path(folder.path, cache_dir) if cache_dir is not None else None
        if path is not None:
            connection = _open_file(path)
            if connection is not None:
                return cls(folder, connection, location=str(path))
        return cls(folder, _new_memory())

    @classmethod
    def from_records(cls, records: Iterable[Record], origin: str = "shipped") -> FolderIndex:
        """An in-memory index of records already parsed (tests, the CLI, pasted knowledge)."""
        index = cls(Folder(Path("<memory>"), origin), _new_memory())
        with index._db:
            for record in records:
                if record.id in index._memory_records:
                    continue
                index._memory_records[record.id] = record
                index._insert(record.source or record.id, record, [], origin)
        return index

    def close(self) -> None:
        """Close the database connection."""
        self._db.close()

    # ------------------------------------------------------------ keeping current

    def refresh(self, progress: Progress | None = None) -> RefreshStats:
        """Re-read exactly the files that changed since the last refresh, drop the removed ones."""
        started = time.perf_counter()
        on_disk = dict(_stat_files(self.folder.path))
        known = {row[0]: row[1:] for row in self._db.execute("SELECT path, size, mtime, ctime, inode, digest FROM files")}
        removed = [p for p in known if p not in on_disk]
        changed = [p for p, st in on_disk.items() if p not in known or tuple(known[p][:4]) != st]
        with self._db:
            for path in removed:
                self._forget(path)
                self._db.execute("DELETE FROM files WHERE path = ?", (path,))
        read = self._reindex(changed, on_disk, known, progress)
        if read >= REKEY_AFTER and read * 10 >= self.count():
            self._rekey()
        if removed or read:
            with self._db:  # tells this index's other readers (a kernel's main thread, other kernels) to reload
                self._db.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'")
            self._forget_caches()
        return RefreshStats(len(on_disk), read, len(removed), time.perf_counter() - started)

    def _reindex(self, changed: list[str], on_disk: dict[str, tuple[int, int, int, int]],
                 known: dict[str, tuple[int, int, int, int, str]], progress: Progress | None) -> int:
        read = 0
        base = self.folder.path if self.folder.path.is_dir() else self.folder.path.parent
        for start in range(0, len(changed), BATCH):
            with self._db:
                for path in changed[start : start + BATCH]:
                    read += self._reindex_file(Path(path), on_disk[path], known.get(path), base)
            if progress is not None:
                progress(min(start + BATCH, len(changed)), len(changed))
        return read

    def _reindex_file(self, path: Path, st: tuple[int, int, int, int], before: tuple[int, int, int, int, str] | None,
                      base: Path) -> int:
        """Hash the file; if its content changed, parse it again. Returns 1 if it was re-read."""
        try:
            from .loader import read_bytes

            data = read_bytes(path)
        except OSError as exc:
            data = Problem(str(path), "$", f"cannot read: {exc.strerror or exc}")
        digest = hashlib.sha256(data if isinstance(data, bytes) else str(data).encode()).hexdigest()
        self._db.execute("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?)", (str(path), *st, digest))
        if before is not None and before[4] == digest:
            return 0
        self._forget(str(path))
        if isinstance(data, Problem):
            self._add_problems([data])
            return 1
        record, problems = parse_bytes(data, str(path), path, base)
        if record is not None:
            duplicate = self._db.execute("SELECT path FROM records WHERE id = ?", (record.id,)).fetchone()
            if duplicate is not None:
                problems = [*problems, Problem(str(path), "$.id", f"duplicate id {record.id!r}, already loaded from {duplicate[0]}")]
                record = None
        if record is not None:
            self._insert(str(path), record, problems, self.folder.origin)
        else:
            self._add_problems(problems)
        return 1

    def _insert(self, path: str, record: Record, problems: list[Problem], origin: str) -> None:
        summary = summarise(record, origin, path)
        words = sorted(required_words(record.regex)) if not record.generic else []
        cursor = self._db.execute("INSERT INTO records(path, id, type, generic, nwords, words, summary) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                  (path, record.id, summary.type_name, int(record.generic), len(words), " ".join(words),
                                   summary.to_json()))
        rid = cursor.lastrowid
        if words:
            self._key(summary.type_name, words, rid)
        if not record.generic:
            signature_words = sorted(tokens(record.signature.partition(":")[2]))
            self._db.executemany("INSERT INTO sigwords VALUES (?, ?, ?)", [(summary.type_name, w, rid) for w in signature_words])
            self._db.executemany("INSERT INTO sigfreq VALUES (?, ?, 1) ON CONFLICT(type, word) DO UPDATE SET n = n + 1",
                                 [(summary.type_name, w) for w in signature_words])
        self._add_problems(problems)

    def _key(self, type_name: str, words: list[str], rid: int | None) -> None:
        """Count the record's required words and key it on the rarest of them so far (one row per record)."""
        self._db.executemany("INSERT INTO wordfreq VALUES (?, ?, 1) ON CONFLICT(type, word) DO UPDATE SET n = n + 1",
                             [(type_name, w) for w in words])
        marks = ",".join("?" * len(words))
        counts = {(type_name, w): n for w, n in self._db.execute(f"SELECT word, n FROM wordfreq WHERE type = ? AND word IN ({marks})",
                                                                 (type_name, *words))}
        self._db.execute("INSERT INTO keys VALUES (?, ?, ?)", (type_name, _rarest(type_name, words, counts), rid))

    def _rekey(self) -> None:
        """After many records came in, key each on its rarest word among all of them (early ones saw few)."""
        counts: dict[tuple[str, str], int] = {(t, w): n for t, w, n in self._db.execute("SELECT type, word, n FROM wordfreq")}
        rows = self._db.execute("SELECT rid, type, words FROM records WHERE nwords > 0").fetchall()
        keyed = [(t, _rarest(t, ws.split(), counts), rid) for rid, t, ws in rows]
        with self._db:
            self._db.execute("DELETE FROM keys")
            self._db.executemany("INSERT INTO keys VALUES (?, ?, ?)", keyed)

    def _forget(self, path: str) -> None:
        rows = self._db.execute("SELECT rid, type, words FROM records WHERE path = ?", (path,)).fetchall()
        for rid, type_name, words in rows:
            pairs = self._db.execute("SELECT type, word FROM sigwords WHERE rid = ?", (rid,)).fetchall()
            self._db.executemany("UPDATE sigfreq SET n = n - 1 WHERE type = ? AND word = ?", pairs)
            self._db.executemany("UPDATE wordfreq SET n = n - 1 WHERE type = ? AND word = ?",
                                 [(type_name, w) for w in (words or "").split()])
            for table in ("keys", "sigwords"):
                self._db.execute(f"DELETE FROM {table} WHERE rid = ?", (rid,))
        self._db.execute("DELETE FROM records WHERE path = ?", (path,))
        self._db.execute("DELETE FROM problems WHERE path = ?", (path,))

    def _add_problems(self, problems: Sequence[Problem]) -> None:
        self._db.executemany("INSERT INTO problems VALUES (?, ?, ?, ?)", [(p.path, p.json_path, p.message, p.code) for p in problems])

    # ------------------------------------------------------------ queries

    def count(self) -> int:
        """How many records the index holds."""
        return int(self._db.execute("SELECT COUNT(*) FROM records").fetchone()[0])

    def file_count(self) -> int:
        """How many files the last refresh saw."""
        return int(self._db.execute("SELECT COUNT(*) FROM files").fetchone()[0])

    def regex_candidates(self, type_names: Sequence[str], words: set[str], *, unkeyed_limit: int = 200) -> list[Summary]:
        """Specific records of these types whose required words all occur in ``words``, then those with none.

        Each record is keyed on its rarest required word: the query reads the records keyed on a word of the message
        (few, however common the message's other words are), and the rest of each record's words are checked here.
        """
        found: dict[int, str] = {}
        keyed = self._vocabulary()[0]
        for type_clause, params in _type_clauses(type_names):
            listed = sorted(w for w in words if w in keyed.get(params[0] if params else "", ()))[:400]
            if listed:
                marks = ",".join("?" * len(listed))
                query = (f"SELECT r.rid, r.summary, r.words FROM keys k JOIN records r ON r.rid = k.rid "
                         f"WHERE {type_clause.format(t='k.type')} AND k.word IN ({marks})")
                found.update((rid, summary) for rid, summary, needed in self._db.execute(query, (*params, *listed))
                             if words.issuperset(needed.split()))
            query = f"SELECT rid, summary FROM records WHERE {type_clause.format(t='type')} AND nwords = 0 AND generic = 0 LIMIT ?"
            found.update(self._db.execute(query, (*params, unkeyed_limit)).fetchall())
        return [_summary(s) for s in found.values()]

    def near_miss_candidates(self, type_names: Sequence[str], words: set[str], *, scan_all: bool = True) -> list[Summary]:
        """Specific records of these types worth a text-similarity comparison: small types in full, else by rare words."""
        found: dict[int, str] = {}
        sizes = self._sizes()
        rare = self._vocabulary()[1]
        for name in type_names or [""]:
            if name and scan_all and sizes.get(name, 0) <= SCAN_ALL:
                found.update(self._db.execute("SELECT rid, summary FROM records WHERE type = ? AND generic = 0", (name,)).fetchall())
                continue
            listed = sorted(w for w in words if w in rare.get(name, ()))[:400]
            if not listed:
                continue
            type_clause, params = ("s.type = ?", (name,)) if name else ("1", ())
            marks = ",".join("?" * len(listed))
            query = (f"SELECT r.rid, r.summary FROM sigwords s JOIN sigfreq f ON f.type = s.type AND f.word = s.word "
                     f"JOIN records r ON r.rid = s.rid WHERE {type_clause} AND s.word IN ({marks}) AND f.n <= ? "
                     f"GROUP BY s.rid ORDER BY COUNT(*) DESC LIMIT ?")
            found.update(self._db.execute(query, (*params, *listed, RARE_WORD, SCAN_ALL)).fetchall())
        return [_summary(s) for s in found.values()]

    def generic_for(self, type_name: str) -> list[Summary]:
        """Generic fallback records for one exception type."""
        rows = self._db.execute("SELECT summary FROM records WHERE type = ? AND generic = 1", (type_name,)).fetchall()
        return [_summary(s) for (s,) in rows]

    def held(self, record_ids: Sequence[str]) -> set[str]:
        """Which of these ids this index holds (one query per 500 ids)."""
        found: set[str] = set()
        for start in range(0, len(record_ids), 500):
            chunk = list(record_ids[start : start + 500])
            rows = self._db.execute(f"SELECT id FROM records WHERE id IN ({','.join('?' * len(chunk))})", chunk).fetchall()
            found.update(row[0] for row in rows)
        return found

    def get(self, record_id: str) -> Summary | None:
        """The summary of the record with this id, if indexed."""
        row = self._db.execute("SELECT summary FROM records WHERE id = ?", (record_id,)).fetchone()
        return _summary(row[0]) if row else None

    def ids(self) -> list[str]:
        """Every record id in the index."""
        return [i for (i,) in self._db.execute("SELECT id FROM records ORDER BY rid")]

    def type_names(self) -> list[str]:
        """Every exception type name some record is about."""
        return list(self._sizes())

    def problems(self) -> list[Problem]:
        """The problems found when the files were last read."""
        rows = self._db.execute("SELECT path, json_path, message, code FROM problems ORDER BY path, rowid")
        return [Problem(*row) for row in rows]

    def load(self, summary: Summary) -> Record | None:
        """The full record: parsed from its file, which must still hold what was indexed (else it is re-indexed)."""
        if summary.id in self._memory_records:
            return self._memory_records[summary.id]
        path = Path(summary.path)
        row = self._db.execute("SELECT digest FROM files WHERE path = ?", (summary.path,)).fetchone()
        try:
            from .loader import read_bytes

            data = read_bytes(path)
        except OSError:
            return None
        if isinstance(data, Problem) or row is None or hashlib.sha256(data).hexdigest() != row[0]:
            self.refresh()  # the file changed after it was indexed: bring the index up to date, show nothing stale
            return None
        base = self.folder.path if self.folder.path.is_dir() else self.folder.path.parent
        record, _ = parse_bytes(data, summary.path, path, base)
        if record is None or record.id != summary.id:
            return None
        from dataclasses import replace

        return replace(record, origin=summary.origin)

    def _vocabulary(self) -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
        """The words that key a record and the rare signature words, per type: a message's other words need no query."""
        self._check_generation()
        if self._key_words is None or self._rare_words is None:
            self._key_words = _by_type(self._db.execute("SELECT DISTINCT type, word FROM keys"))
            self._rare_words = _by_type(self._db.execute("SELECT type, word FROM sigfreq WHERE n BETWEEN 1 AND ?", (RARE_WORD,)))
        return self._key_words, self._rare_words

    def _check_generation(self) -> None:
        row = self._db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        if row != self._generation:
            self._generation = row
            self._forget_caches()

    def _forget_caches(self) -> None:
        self._type_sizes = self._key_words = self._rare_words = None

    def _sizes(self) -> dict[str, int]:
        self._check_generation()
        if self._type_sizes is None:
            rows = self._db.execute("SELECT type, COUNT(*) FROM records WHERE generic = 0 GROUP BY type").fetchall()
            self._type_sizes = dict(rows)
        return self._type_sizes


def _rarest(type_name: str, words: list[str], counts: dict[tuple[str, str], int]) -> str:
    """The word fewest records of this type require (ties: the first in order)."""
    return min(words, key=lambda w: (counts.get((type_name, w), 0), w))


def _by_type(rows: Iterable[tuple[str, str]]) -> dict[str, frozenset[str]]:
    """``(type, word)`` rows as words per type, and every word under "" (for a message without a type)."""
    found: dict[str, set[str]] = {"": set()}
    for type_name, word in rows:
        found.setdefault(type_name, set()).add(word)
        found[""].add(word)
    return {t: frozenset(w) for t, w in found.items()}


def _type_clauses(type_names: Sequence[str]) -> Iterator[tuple[str, tuple[str, ...]]]:
    if not type_names:
        yield "1", ()
        return
    for name in type_names:
        yield "{t} = ?", (name,)


# ---------------------------------------------------------------- files


def _stat_files(folder: Path) -> Iterator[tuple[str, tuple[int, int, int, int]]]:
    try:
        files = record_files(folder) if folder.exists() else []
    except OSError:
        files = []
    for path in files:
        try:
            info = path.stat()
        except OSError:
            continue
        yield str(path), (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)


def index_path(folder: Path, cache_dir: Path) -> Path:
    """Where the index of ``folder`` is kept in ``cache_dir``."""
    try:
        real = os.path.realpath(folder)
    except (OSError, ValueError):
        real = str(folder)
    digest = hashlib.sha256(real.encode("utf-8", "surrogatepass")).hexdigest()[:20]
    return cache_dir / f"index-{digest}.sqlite3"


def safe_dir(path: Path) -> bool:
    """Whether ``path`` is a folder of ours: owned by this user and writable by nobody else (created 0700 if missing)."""
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and _ours(info)


def _ours(info: os.stat_result) -> bool:
    owner_ok = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    return owner_ok and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _open_file(path: Path) -> sqlite3.Connection | None:
    """Open (or create) an index file; None if it is not a regular file of ours or not usable.

    A file that is not a database at all (truncated, garbage) is ours to replace: it is removed and built again.
    A file another process keeps locked past the timeout is left alone (the caller indexes in memory).
    """
    for attempt in (1, 2):
        try:
            if not _claim(path):
                return None
        except OSError:
            return None
        connection, broken = _connect(path)
        if connection is not None or not broken or attempt == 2 or not _remove(path):
            return connection
    return None


def _connect(path: Path) -> tuple[sqlite3.Connection | None, bool]:
    """The index at ``path``, made current; else None, and whether the file is broken (ours to replace)."""
    connection = None
    try:
        connection = sqlite3.connect(str(path), timeout=5, check_same_thread=False)
        if not _current(connection):
            _initialise(connection)
        return connection, False
    except (OSError, sqlite3.Error) as exc:
        if connection is not None:
            connection.close()
        return None, isinstance(exc, sqlite3.DatabaseError) and not is_busy(exc)


def _remove(path: Path) -> bool:
    try:
        path.unlink()
    except OSError:
        return False
    return True


def _claim(path: Path) -> bool:
    """The index file exists as a regular file of ours (created 0600 if missing)."""
    if path.exists() or path.is_symlink():
        info = os.lstat(path)
        return stat.S_ISREG(info.st_mode) and _ours(info)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    return True


def _current(connection: sqlite3.Connection) -> bool:
    """The file holds an index of this format (a file being written by another process raises, and is not reset)."""
    try:
        row = connection.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
    except sqlite3.OperationalError as exc:
        if is_busy(exc):
            raise
        return False
    except sqlite3.Error:
        return False
    return row is not None and row[0] == str(FORMAT)


def is_busy(exc: sqlite3.Error) -> bool:
    """Another connection holds the lock: a passing state, not a broken index."""
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def _initialise(connection: sqlite3.Connection) -> None:
    """Make the file an empty index of this format, under the write lock, unless another process just did.

    Two kernels that open a new cache at once both find no index; the second to take the lock finds the first's
    and keeps it, instead of dropping the tables the first is filling.
    """
    connection.execute("BEGIN IMMEDIATE")
    try:
        row = connection.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
    except sqlite3.OperationalError:
        row = None
    if row is not None and row[0] == str(FORMAT):
        connection.commit()
        return
    _reset(connection)  # in the same transaction: it commits when the tables are there


def _reset(connection: sqlite3.Connection) -> None:
    """Drop whatever the file holds and create an empty index of the current format."""
    tables = [t for (t,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    with connection:
        for table in tables:
            connection.execute(f'DROP TABLE IF EXISTS "{table}"')
        for statement in _SCHEMA.split(";"):
            if statement.strip():
                connection.execute(statement)
        connection.execute("INSERT INTO meta VALUES ('format', ?)", (str(FORMAT),))
        connection.execute("INSERT INTO meta VALUES ('generation', '0')")


def _new_memory() -> sqlite3.Connection:
    connection = sqlite3.connect(":memory:", check_same_thread=False)
    _reset(connection)
    return connection
