"""Find record files, parse and validate them, and build a KnowledgeBase; loading never raises (pure, filesystem only)."""

from __future__ import annotations

import gc
import hashlib
import json
import os
import pickle
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from . import __version__
from .knowledge import KnowledgeBase
from .literals import required_words
from .record import Record, from_dict
from .schema import Problem, validate

MAX_FILE_BYTES = 1_000_000
ENV_VAR = "ERRFIX_RECORDS"
_SKIP_SUFFIXES = {".md", ".py", ".pyc", ".yml", ".yaml", ".toml", ".cfg", ".ini"}


@dataclass
class LoadResult:
    """Records that loaded, and the problems of the files that did not (or loaded with a finding)."""

    records: list[Record] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: int = 0
    required: dict[str, set[str]] = field(default_factory=dict)
    from_cache: int = 0


def package_root() -> Path:
    """The installed package folder."""
    return Path(str(resources.files("errfix_jupyter")))


def bundled_dirs() -> list[Path]:
    """Shipped records and seeds: ``_records``/``_seeds`` in a wheel, else the source tree (editable install)."""
    root = package_root()
    found = []
    for inside, beside in (("_records", "records"), ("_seeds", "seeds")):
        for candidate in (root / inside, root.parent / beside):
            if candidate.is_dir():
                found.append(candidate)
                break
    return found


def user_dirs(extra: Sequence[str | os.PathLike[str]] = ()) -> list[Path]:
    """Extra record folders: the given ones, then ``$ERRFIX_RECORDS`` (path list), then the user folder if it exists."""
    dirs = [Path(p).expanduser() for p in extra]
    dirs += [Path(p).expanduser() for p in os.environ.get(ENV_VAR, "").split(os.pathsep) if p.strip()]
    data_home = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    user = data_home / "errfix_jupyter" / "records"
    if user.is_dir():
        dirs.append(user)
    return dirs


def record_files(directory: Path) -> list[Path]:
    """Every candidate record file below ``directory``, sorted; seeds are recognised by content, not extension."""
    if directory.is_file():
        return [directory]
    files = []
    for path in sorted(directory.rglob("*")):
        if path.is_file() and not path.name.startswith(".") and path.suffix.lower() not in _SKIP_SUFFIXES:
            files.append(path)
    return files


def load_file(path: Path, base: Path | None = None) -> tuple[Record | None, list[Problem]]:
    """Parse and validate one file; return its Record (or None) and its problems."""
    shown = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, [Problem(shown, "$", f"file is {size} bytes; records are at most {MAX_FILE_BYTES}")]
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, [Problem(shown, "$", f"not UTF-8 text: {exc.reason} at byte {exc.start}")]
    except OSError as exc:
        return None, [Problem(shown, "$", f"cannot read: {exc.strerror or exc}")]
    return parse_text(text, shown, path, base)


def parse_text(text: str, shown: str, path: Path | None = None, base: Path | None = None) -> tuple[Record | None, list[Problem]]:
    """Parse one record's JSON text; schema violations reject it, the id/path check is reported."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return None, [Problem(shown, "$", f"invalid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})")]
    problems = validate(data, shown)
    if problems:
        return None, problems
    record = from_dict(data, source=shown)
    found = [p for p in (id_path_problem(record, path, base), regex_problem(record, shown)) if p]
    return record, found


def regex_problem(record: Record, shown: str) -> Problem | None:
    """A record whose regex does not compile still loads (near-miss and generic matching need no regex)."""
    import regex

    try:
        regex.compile(record.regex)
    except (regex.error, ValueError, TypeError, RecursionError) as exc:
        return Problem(shown, "$.regex", f"regex does not compile: {exc}", "RX001")
    return None


def id_path_problem(record: Record, path: Path | None, base: Path | None) -> Problem | None:
    """ID001 when a file under a records folder is not at ``<id>.json``."""
    if path is None or base is None or path.suffix != ".json":
        return None
    try:
        expected = path.relative_to(base).with_suffix("").as_posix()
    except ValueError:
        return None
    if expected != record.id:
        return Problem(str(path), "$.id", f"id {record.id!r} does not match the file's path {expected!r}", "ID001")
    return None


def load_dirs(dirs: Iterable[Path], *, cache: bool = False) -> LoadResult:
    """Load every record under ``dirs``; duplicate ids are reported and the first one wins.

    With ``cache``, each folder's parsed and validated records are kept in the user cache folder and reused
    for every file whose size and modification time are unchanged.
    """
    with gc_paused():
        return _load_dirs(dirs, cache)


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while many long-lived objects are created.

    Loading allocates records that all live on; without the pause, every collection walks all of them again,
    and loading 100,000 records takes minutes instead of seconds. The collector's previous state is restored.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _load_dirs(dirs: Iterable[Path], cache: bool) -> LoadResult:
    result = LoadResult()
    seen: dict[str, str] = {}
    for directory in dirs:
        if not directory.exists():
            result.problems.append(Problem(str(directory), "$", "record folder does not exist"))
            continue
        base = directory if directory.is_dir() else directory.parent
        entries = _load_folder(directory, base, cache)
        for path, (record, problems, words) in entries.items():
            result.files += 1
            result.problems += problems
            if record is None:
                continue
            if record.id in seen:
                result.problems.append(Problem(path, "$.id", f"duplicate id {record.id!r}, already loaded from {seen[record.id]}"))
                continue
            seen[record.id] = path
            result.records.append(record)
            result.required[record.id] = words
    return result


_Entry = tuple[Record | None, list[Problem], set[str]]


def _load_folder(directory: Path, base: Path, cache: bool) -> dict[str, _Entry]:
    cached = _read_cache(directory) if cache else {}
    entries: dict[str, _Entry] = {}
    stamps: dict[str, tuple[int, int]] = {}
    for path in record_files(directory):
        try:
            info = path.stat()
            stamp = (info.st_mtime_ns, info.st_size)
        except OSError:
            stamp = (0, -1)
        key = str(path)
        hit = cached.get(key)
        if hit is not None and hit[0] == stamp:
            entries[key] = hit[1]
        else:
            record, problems = load_file(path, base)
            entries[key] = (record, problems, required_words(record.regex) if record else set())
        stamps[key] = stamp
    if cache and (set(cached) != set(entries) or any(cached[k][0] != stamps[k] for k in entries)):
        _write_cache(directory, {k: (stamps[k], entries[k]) for k in entries})
    return entries


def cache_file(directory: Path) -> Path:
    """Where the parsed records of ``directory`` are cached."""
    home = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    digest = hashlib.sha1(str(directory.resolve()).encode("utf-8", "replace")).hexdigest()[:16]
    return home / "errfix_jupyter" / f"records-{__version__}-{digest}.pickle"


def _read_cache(directory: Path) -> dict:
    try:
        with open(cache_file(directory), "rb") as handle:
            data = pickle.load(handle)
        return data if isinstance(data, dict) else {}
    except Exception:  # noqa: BLE001 - a missing, stale or corrupt cache is simply rebuilt
        return {}


def _write_cache(directory: Path, data: dict) -> None:
    target = cache_file(directory)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=target.parent, delete=False) as handle:
            pickle.dump(data, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, target)
    except OSError:
        pass  # a read-only home just means no cache


_CACHE: dict[tuple[str, ...], KnowledgeBase] = {}


def knowledge_base(extra: Sequence[str | os.PathLike[str]] = (), *, bundled: bool = True) -> KnowledgeBase:
    """The knowledge base from the shipped records plus ``extra``/env/user folders, built once and cached."""
    dirs = (bundled_dirs() if bundled else []) + user_dirs(extra)
    key = tuple(str(d) for d in dirs) + tuple(_mtime(d) for d in dirs)
    if key not in _CACHE:
        loaded = load_dirs(dirs, cache=True)
        _CACHE.clear()
        with gc_paused():
            _CACHE[key] = KnowledgeBase(loaded.records, problems=loaded.problems, required=loaded.required)
    return _CACHE[key]


def _mtime(directory: Path) -> str:
    try:
        return str(directory.stat().st_mtime_ns)
    except OSError:
        return "-"
