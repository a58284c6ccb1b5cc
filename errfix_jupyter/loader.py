"""Find record folders and parse record files, each file isolated: a bad file is a Problem, never a crash (pure, filesystem only)."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from . import patterns
from .record import Record, from_dict
from .schema import Problem, validate

MAX_FILE_BYTES = 1_000_000
MAX_DEPTH = 32
ENV_VAR = "ERRFIX_RECORDS"
ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9_.-]{0,99}/[a-z0-9][a-z0-9_.-]{0,199}")
_SKIP_SUFFIXES = {".md", ".py", ".pyc", ".yml", ".yaml", ".toml", ".cfg", ".ini", ".sqlite3", ".txt~"}


@dataclass(frozen=True)
class Folder:
    """A folder of records and where it comes from: ``shipped``, ``pack:<name>`` or ``user``."""

    path: Path
    origin: str = "user"

    @property
    def shipped(self) -> bool:
        """Records that come with errfix_jupyter (their tier is ours to vouch for)."""
        return self.origin == "shipped"


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
    return [d for d in (_bundled("_records", "records"), _bundled("_seeds", "seeds")) if d is not None]


def migration_dirs() -> list[Path]:
    """Shipped migration tables: ``_migrations`` in a wheel, else the source tree's ``migrations/``."""
    found = _bundled("_migrations", "migrations")
    return [found] if found is not None else []


def _bundled(inside: str, beside: str) -> Path | None:
    root = package_root()
    for candidate in (root / inside, root.parent / beside):
        if candidate.is_dir():
            return candidate
    return None


def user_data_dir() -> Path | None:
    """The user's own records folder (platformdirs' user data folder), or None when there is no home."""
    try:
        import platformdirs

        folder = Path(platformdirs.user_data_dir("errfix_jupyter", appauthor=False)) / "records"
    except Exception:  # noqa: BLE001 - no home directory (docker --user 12345): simply no user folder
        return None
    return folder if folder.is_absolute() else None  # no home: "~" stays unexpanded


def user_dirs(extra: Sequence[str | os.PathLike[str]] = ()) -> list[Path]:
    """Extra record folders: the given ones, then ``$ERRFIX_RECORDS`` (a path list), then the user folder if it exists."""
    dirs = [_absolute(p) for p in extra]
    dirs += [_absolute(p) for p in os.environ.get(ENV_VAR, "").split(os.pathsep) if p.strip()]
    user = user_data_dir()
    if user is not None and user.is_dir():
        dirs.append(user)
    return dirs


def _absolute(path: str | os.PathLike[str]) -> Path:
    try:
        return Path(path).expanduser().absolute()
    except (RuntimeError, OSError):  # "~" with no home
        return Path(path).absolute()


def folders(extra: Sequence[str | os.PathLike[str]] = (), *, bundled: bool = True, packs: bool = True) -> list[Folder]:
    """Every record folder in load order (shipped, packs, user), each real folder once."""
    found = [Folder(d, "shipped") for d in (bundled_dirs() if bundled else [])]
    if packs:
        from .packs import pack_dirs

        found += [Folder(d, f"pack:{name}") for name, d in pack_dirs()]
    found += [Folder(d, "user") for d in user_dirs(extra)]
    unique: dict[str, Folder] = {}
    for folder in found:
        unique.setdefault(_real(folder.path), folder)
    return list(unique.values())


def _real(path: Path) -> str:
    try:
        return os.path.realpath(path)
    except (OSError, ValueError):
        return str(path)


def record_files(directory: Path) -> list[Path]:
    """Every candidate record file below ``directory``, sorted; seeds are recognised by content, not extension."""
    if directory.is_file():
        return [directory]
    files = []
    for path in sorted(directory.rglob("*")):
        if path.name.startswith(".") or path.suffix.lower() in _SKIP_SUFFIXES:
            continue
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(directory).parts):
            files.append(path)
    return files


def load_file(path: Path, base: Path | None = None) -> tuple[Record | None, list[Problem]]:
    """Parse and validate one file; return its Record (or None) and its problems."""
    try:
        data = read_bytes(path)
    except OSError as exc:
        return None, [Problem(str(path), "$", f"cannot read: {exc.strerror or exc}")]
    if isinstance(data, Problem):
        return None, [data]
    return parse_bytes(data, str(path), path, base)


def read_bytes(path: Path) -> bytes | Problem:
    """A file's bytes, or a Problem when it is too large to be a record."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return Problem(str(path), "$", f"file is {size} bytes; records are at most {MAX_FILE_BYTES}")
    with open(path, "rb") as handle:
        return handle.read(MAX_FILE_BYTES + 1)


def parse_bytes(data: bytes, shown: str, path: Path | None = None, base: Path | None = None) -> tuple[Record | None, list[Problem]]:
    """Decode and parse one record file's bytes."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, [Problem(shown, "$", f"not UTF-8 text: {exc.reason} at byte {exc.start}")]
    return parse_text(text, shown, path, base)


def parse_text(text: str, shown: str, path: Path | None = None, base: Path | None = None) -> tuple[Record | None, list[Problem]]:
    """Parse one record's JSON text; anything malformed rejects this file only."""
    data, problem = parse_json(text, shown)
    if problem is not None:
        return None, [problem]
    try:
        problems = validate(data, shown)
    except (RecursionError, ValueError, TypeError) as exc:  # a validator choking on odd input rejects this file only
        problems = [Problem(shown, "$", f"cannot be validated: {type(exc).__name__}")]
    if problems:
        return None, problems
    record = from_dict(data, source=shown)
    if not ID_PATTERN.fullmatch(record.id):
        return None, [Problem(shown, "$.id", f"id {record.id[:120]!r} is not <domain>/<slug> (lowercase, no spaces or newlines)", "ID003")]
    found = [p for p in (id_path_problem(record, path, base), regex_problem(record, shown),
                         regex_problem(record, shown, field="source_regex")) if p]
    return record, found


def parse_json(text: str, shown: str) -> tuple[Any, Problem | None]:
    """JSON without NaN or infinities, with integers of sane size and nesting at most MAX_DEPTH deep."""
    try:
        data = json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        return None, Problem(shown, "$", f"invalid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})")
    except ValueError as exc:  # a NaN, or an integer too long for Python to convert
        return None, Problem(shown, "$", f"invalid JSON value: {str(exc)[:160]}")
    except RecursionError:
        return None, Problem(shown, "$", "invalid JSON: nested too deeply")
    if depth(data) > MAX_DEPTH:
        return None, Problem(shown, "$", f"nested more than {MAX_DEPTH} levels deep")
    return data, None


def _no_constant(name: str) -> float:
    raise ValueError(f"{name} is not a finite number")


def depth(data: Any) -> int:
    """How deeply lists and objects nest in ``data`` (iteratively: deep input cannot exhaust the stack)."""
    deepest, stack = 0, [(data, 1)]
    while stack:
        value, level = stack.pop()
        if isinstance(value, (list, dict)):
            deepest = max(deepest, level)
            if level > MAX_DEPTH:
                return level
            stack += [(v, level + 1) for v in (value.values() if isinstance(value, dict) else value)]
    return deepest


def regex_problem(record: Record, shown: str, field: str = "regex") -> Problem | None:
    """RX001 when a pattern of the record is out of bounds or does not compile; the record still loads, and a refused
    pattern is never compiled (a refused regex leaves near-miss matching; a refused source_regex, no line evidence)."""
    pattern = getattr(record, field)
    if not pattern:
        return None
    problem = patterns.bounds_problem(pattern)
    if problem is None and patterns.compiled(pattern) is None:
        problem = f"regex does not compile: {patterns.compile_error(pattern)}"
    return Problem(shown, f"$.{field}", problem, "RX001") if problem else None


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
    """Parse every record under ``dirs`` in full (for validate, lint, stats and tests); the first of a duplicate id wins."""
    result = LoadResult()
    seen: dict[str, str] = {}
    for directory in dirs:
        if not directory.exists():
            result.problems.append(Problem(str(directory), "$", "record folder does not exist"))
            continue
        base = directory if directory.is_dir() else directory.parent
        for path in _listed(directory, result):
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


def _listed(directory: Path, result: LoadResult) -> list[Path]:
    try:
        return record_files(directory)
    except OSError as exc:
        result.problems.append(Problem(str(directory), "$", f"cannot list the folder: {exc.strerror or exc}"))
        return []
