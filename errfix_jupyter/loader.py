"""Find record files, parse and validate them, and build a KnowledgeBase; loading never raises (pure, filesystem only)."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Iterable, Sequence

from .knowledge import KnowledgeBase
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
    mismatch = id_path_problem(record, path, base)
    return record, ([mismatch] if mismatch else [])


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


def load_dirs(dirs: Iterable[Path]) -> LoadResult:
    """Load every record under ``dirs``; duplicate ids are reported and the first one wins."""
    result = LoadResult()
    seen: dict[str, str] = {}
    for directory in dirs:
        if not directory.exists():
            result.problems.append(Problem(str(directory), "$", "record folder does not exist"))
            continue
        base = directory if directory.is_dir() else directory.parent
        for path in record_files(directory):
            result.files += 1
            record, problems = load_file(path, base)
            result.problems += problems
            if record is None:
                continue
            if record.id in seen:
                result.problems.append(Problem(str(path), "$.id", f"duplicate id {record.id!r}, already loaded from {seen[record.id]}"))
                continue
            seen[record.id] = str(path)
            result.records.append(record)
    return result


_CACHE: dict[tuple[str, ...], KnowledgeBase] = {}


def knowledge_base(extra: Sequence[str | os.PathLike[str]] = (), *, bundled: bool = True) -> KnowledgeBase:
    """The knowledge base from the shipped records plus ``extra``/env/user folders, built once and cached."""
    dirs = (bundled_dirs() if bundled else []) + user_dirs(extra)
    key = tuple(str(d) for d in dirs) + tuple(_mtime(d) for d in dirs)
    if key not in _CACHE:
        loaded = load_dirs(dirs)
        _CACHE.clear()
        _CACHE[key] = KnowledgeBase(loaded.records, problems=loaded.problems)
    return _CACHE[key]


def _mtime(directory: Path) -> str:
    try:
        return str(directory.stat().st_mtime_ns)
    except OSError:
        return "-"
