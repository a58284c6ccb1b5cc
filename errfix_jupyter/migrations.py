"""Version migrations as data: names and arguments a release removed or moved, found through the messages they cause (pure).

One table per library (``migrations/<library>.json``). An entry says what was removed, in which release, and what
replaces it. It is found by the *shape* of the message its use raises, e.g. ``module 'numpy' has no attribute
'float'`` is the shape ``module_attribute`` with owner ``numpy`` and name ``float``, so one table covers every API
without a regex per entry.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import regex

from . import patterns
from .literals import required_words, tokens
from .schema import Problem

if TYPE_CHECKING:
    from .record import Record

Kind = Literal["attribute", "module_attribute", "import", "module", "keyword", "message"]
KINDS: tuple[Kind, ...] = ("attribute", "module_attribute", "import", "module", "keyword", "message")
MAX_TABLE_BYTES = 2_000_000
MESSAGE_TIMEOUT = 0.05
_NAME = r"[A-Za-z_][\w]{0,99}"
_DOTTED = r"[A-Za-z_][\w.]{0,199}"

# Each shape: the exception types that carry it, and the pattern with groups owner and name.
SHAPES: tuple[tuple[Kind, tuple[str, ...], regex.Pattern[str]], ...] = (
    ("module_attribute", ("AttributeError",), regex.compile(rf"module '(?P<owner>{_DOTTED})' has no attribute '(?P<name>{_NAME})'")),
    ("attribute", ("AttributeError",), regex.compile(rf"^'(?P<owner>{_DOTTED})' object has no attribute '(?P<name>{_NAME})'")),
    ("attribute", ("AttributeError",), regex.compile(rf"^type object '(?P<owner>{_DOTTED})' has no attribute '(?P<name>{_NAME})'")),
    ("import", ("ImportError",), regex.compile(rf"^cannot import name '(?P<name>{_NAME})' from '(?P<owner>{_DOTTED})'")),
    ("module", ("ModuleNotFoundError", "ImportError"), regex.compile(rf"^No module named '(?P<name>{_DOTTED})'")),
    ("keyword", ("TypeError",), regex.compile(rf"^(?P<owner>{_DOTTED})\(\) got an unexpected keyword argument '(?P<name>{_NAME})'")),
)


@dataclass(frozen=True)
class Entry:
    """One removed, renamed or moved name or argument, with its replacement."""

    id: str
    kind: Kind
    owners: tuple[str, ...]
    name: str
    removed: str
    action: str
    action_zh: str = ""
    deprecated: str = ""
    replacement: str = ""
    note: str = ""
    note_zh: str = ""
    code: str = ""
    verify: str = ""
    reproduce: str = ""
    python: str = ""
    message_regex: str = ""
    record: str = ""
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Table:
    """The migration entries of one library."""

    library: str
    module: str
    domain: str
    doc_url: str
    entries: tuple[Entry, ...]
    source: str = ""


@dataclass(frozen=True)
class Hit:
    """An entry found for an error, with the table it belongs to and the owner and name in the user's message."""

    entry: Entry
    table: Table
    owner: str
    name: str


@dataclass
class MigrationIndex:
    """Every table's entries, keyed by (kind, owner, name); message-regex entries are tried in turn."""

    tables: list[Table] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    _keyed: dict[tuple[str, str, str], list[tuple[Entry, Table]]] = field(default_factory=dict)
    _by_name: dict[tuple[str, str], list[tuple[Entry, Table]]] = field(default_factory=dict)
    _patterns: list[tuple[regex.Pattern[str], frozenset[str], Entry, Table]] = field(default_factory=list)

    def add(self, table: Table) -> None:
        """Index one table's entries."""
        self.tables.append(table)
        for entry in table.entries:
            # A name removed from a module is met both ways: `from m import name` and `m.name`.
            kinds = ("import", "module_attribute") if entry.kind in ("import", "module_attribute") else (entry.kind,)
            for kind in kinds:
                for owner in entry.owners or ("",):
                    key = (kind, owner_key(kind, owner), entry.name)
                    self._keyed.setdefault(key, []).append((entry, table))
            self._by_name.setdefault((entry.kind, entry.name), []).append((entry, table))
            compiled = patterns.compiled(entry.message_regex) if entry.message_regex else None
            if compiled is not None:
                self._patterns.append((compiled, frozenset(required_words(entry.message_regex)), entry, table))

    def __len__(self) -> int:
        return sum(len(t.entries) for t in self.tables)

    def lookup(self, type_names: Iterable[str], message: str) -> list[Hit]:
        """Entries whose shape or own pattern fits ``message`` (of an exception with these type names)."""
        names = set(type_names)
        text = message[:2000]
        hits: dict[str, Hit] = {}
        # The library's own message first (numpy's "`np.float` was a deprecated alias..."), then the shapes.
        words = tokens(text)
        for compiled, needed, entry, table in self._patterns:
            if not needed <= words:  # a pattern is tried only when the message has every word it requires
                continue
            try:
                if compiled.search(text, timeout=MESSAGE_TIMEOUT):
                    hits.setdefault(entry.id, Hit(entry, table, entry.owners[0] if entry.owners else "", entry.name))
            except TimeoutError:
                continue
        for kind, types, pattern in SHAPES:
            if names and not names & set(types):
                continue
            found = pattern.search(text, timeout=MESSAGE_TIMEOUT)
            if found:
                for hit in self._shape_hits(kind, found.groupdict().get("owner") or "", found.group("name")):
                    hits.setdefault(hit.entry.id, hit)
        return list(hits.values())

    def _shape_hits(self, kind: Kind, owner: str, name: str) -> list[Hit]:
        found = self._keyed.get((kind, owner_key(kind, owner), name))
        if found is None and kind == "module":
            found = self._module_prefix(name)
        if found is None and kind == "keyword" and owner_key(kind, owner) in ("", "__init__"):
            found = self._by_name.get((kind, name))
        ordered = sorted(found or (), key=lambda pair: pair[0].kind != kind)  # an entry written for this way first
        return [Hit(entry, table, owner, name) for entry, table in ordered]

    def _module_prefix(self, dotted: str) -> list[tuple[Entry, Table]] | None:
        """``No module named 'a.b.c'``: an entry for ``a.b`` (a removed package) covers its submodules."""
        parts = dotted.split(".")
        for cut in range(len(parts) - 1, 0, -1):
            found = self._keyed.get(("module", "", ".".join(parts[:cut])))
            if found:
                return found
        return None


def owner_key(kind: str, owner: str) -> str:
    """How owners compare: a callable's last name without ``__init__`` (``OneHotEncoder.__init__`` -> ``OneHotEncoder``)."""
    if kind != "keyword":
        return owner
    parts = [p for p in owner.split(".") if p and p != "__init__"]
    return parts[-1] if parts else owner


# ---------------------------------------------------------------- loading


def load_tables(directories: Iterable[Path]) -> MigrationIndex:
    """Load every ``*.json`` table under ``directories``; a bad table or entry is a Problem, the rest loads."""
    index = MigrationIndex()
    seen: dict[str, str] = {}
    for directory in directories:
        files = sorted(directory.glob("*.json")) if directory.is_dir() else []
        for path in files:
            table, problems = load_table(path)
            index.problems += problems
            if table is None:
                continue
            unique = tuple(e for e in table.entries if seen.setdefault(e.id, str(path)) == str(path))
            kept = {id(e) for e in unique}  # by identity: comparing entries field by field made loading quadratic
            for entry in table.entries:
                if id(entry) not in kept:
                    index.problems.append(Problem(str(path), "$.entries", f"duplicate entry id {entry.id!r}, already in {seen[entry.id]}"))
            index.add(Table(table.library, table.module, table.domain, table.doc_url, unique, table.source))
    return index


def load_table(path: Path) -> tuple[Table | None, list[Problem]]:
    """Parse one table file; entries that are malformed are reported and left out."""
    shown = str(path)
    try:
        if path.stat().st_size > MAX_TABLE_BYTES:
            return None, [Problem(shown, "$", f"table is larger than {MAX_TABLE_BYTES} bytes")]
        data = json.loads(path.read_text(encoding="utf-8"), parse_constant=_reject_constant)
    except (OSError, ValueError, RecursionError) as exc:
        return None, [Problem(shown, "$", f"cannot read table: {exc}"[:300])]
    return parse_table(data, shown)


def parse_table(data: Any, shown: str) -> tuple[Table | None, list[Problem]]:
    """A Table from parsed JSON, with a Problem per malformed entry."""
    if not isinstance(data, dict):
        return None, [Problem(shown, "$", "a migration table is a JSON object")]
    problems: list[Problem] = []
    for key in ("library", "module", "domain"):
        if not isinstance(data.get(key), str) or not data[key]:
            problems.append(Problem(shown, f"$.{key}", "required string"))
    found = data.get("entries")
    raw_entries: list[Any] = found if isinstance(found, list) else []
    if not isinstance(found, list):
        problems.append(Problem(shown, "$.entries", "required list of entries"))
    if problems:
        return None, problems
    entries = []
    for i, item in enumerate(raw_entries):
        entry, found = parse_entry(item, f"$.entries[{i}]", shown)
        problems += found
        if entry is not None:
            entries.append(entry)
    table = Table(data["library"], data["module"], data["domain"], _s(data.get("doc_url")), tuple(entries), shown)
    return table, problems


def parse_entry(item: Any, at: str, shown: str) -> tuple[Entry | None, list[Problem]]:
    """One entry, or the Problems that keep it out."""
    if not isinstance(item, dict):
        return None, [Problem(shown, at, "an entry is a JSON object")]
    problems = [Problem(shown, f"{at}.{k}", "required string") for k in ("id", "name", "removed", "action")
                if not isinstance(item.get(k), str) or not item[k]]
    if item.get("kind") not in KINDS:
        problems.append(Problem(shown, f"{at}.kind", f"kind must be one of {', '.join(KINDS)}"))
    owners = item.get("owner", "")
    owners = [owners] if isinstance(owners, str) else owners
    if not isinstance(owners, list) or not all(isinstance(o, str) for o in owners):
        problems.append(Problem(shown, f"{at}.owner", "owner is a string or a list of strings"))
    pattern = _s(item.get("message_regex"))
    if item.get("kind") == "message" and not pattern:
        problems.append(Problem(shown, f"{at}.message_regex", "an entry of kind 'message' needs message_regex"))
    if pattern:
        bad = patterns.pattern_problem(pattern)
        if bad:
            problems.append(Problem(shown, f"{at}.message_regex", bad, "RX001"))
    if problems:
        return None, problems
    return Entry(
        id=item["id"], kind=item["kind"], owners=tuple(o for o in owners if o), name=item["name"], removed=item["removed"],
        action=item["action"], action_zh=_s(item.get("action_zh")), deprecated=_s(item.get("deprecated")),
        replacement=_s(item.get("replacement")), note=_s(item.get("note")), note_zh=_s(item.get("note_zh")),
        code=_s(item.get("code")), verify=_s(item.get("verify")), reproduce=_s(item.get("reproduce")),
        python=_s(item.get("python")), message_regex=pattern, record=_s(item.get("record")),
        sources=tuple(s for s in item.get("sources") or () if isinstance(s, str)),
    ), []


def _s(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _reject_constant(name: str) -> float:
    raise ValueError(f"non-finite number {name} is not allowed")


def is_finite(value: Any) -> bool:
    """True unless ``value`` is a float NaN or infinity."""
    return not isinstance(value, float) or math.isfinite(value)


def entry_summary(entry: Entry, table: Table) -> Mapping[str, str]:
    """The words a panel needs: what was removed, by whom, when, and what replaces it."""
    owner = entry.owners[0] if entry.owners else ""
    shown = entry.name if entry.kind in ("module", "message") or not owner else f"{owner}.{entry.name}"
    if entry.kind == "keyword":
        shown = f"{owner}({entry.name}=...)" if owner else f"{entry.name}="
    return {"what": shown, "library": table.library, "removed": entry.removed, "deprecated": entry.deprecated,
            "replacement": entry.replacement}


def entry_record(hit: Hit, caller: str = "") -> Record:
    """A record, in the seed format's terms, that tells the user what was removed, since when, and what replaces it.

    When another library's code made the call (``caller``), upgrading that library comes first: the user's own code
    is not where the old name is.
    """
    from .record import from_dict

    entry, table = hit.entry, hit.table
    what, library = entry_summary(entry, table)["what"], table.library
    fixes, zh = _entry_fixes(entry, library, what, caller)
    requirement = "python" if library == "python" else library
    cause, cause_zh = _entry_cause(entry, library, what)
    data = {
        "id": f"migration:{entry.id}", "signature": f"{what}: removed in {library} {entry.removed}", "regex": "",
        "domain": table.domain, "summary": f"`{what}` was removed in {library} {entry.removed}.",
        "summary_zh": f"`{what}` 在 {library} {entry.removed} 中已被移除。", "root_cause": cause, "root_cause_zh": cause_zh,
        "workarounds": fixes, "workarounds_zh": zh,
        "versions": [{"version": f"{requirement}>={entry.removed}", "deprecated": entry.deprecated or None,
                      "removed": entry.removed}],
        "official_doc_url": entry.sources[0] if entry.sources else table.doc_url,
        "verification_tier": "reproduced" if entry.reproduce else "reported", "confidence": 0.9,
        "sources": list(entry.sources),
    }
    return from_dict(data, source=table.source)


def _entry_cause(entry: Entry, library: str, what: str) -> tuple[str, str]:
    """The entry's own note, else: gone since which release, and why old code still calls it (English, Chinese)."""
    since = f"{library} {entry.deprecated} deprecated it and {entry.removed} removed it" if entry.deprecated else \
        f"{library} {entry.removed} removed it"
    since_zh = f"{library} {entry.deprecated} 起弃用、{entry.removed} 移除" if entry.deprecated else f"{library} {entry.removed} 移除了它"
    cause = entry.note or (f"`{what}` is gone: {since}. Code written for older releases (tutorials, old notebooks, "
                           "answers online) still uses it.")
    cause_zh = entry.note_zh or (f"`{what}` 已经不存在：{since_zh}。按旧版本写的代码（教程、旧 notebook、网上的回答）还在用它。")
    return cause, cause_zh


def _entry_fixes(entry: Entry, library: str, what: str, caller: str) -> tuple[list[dict[str, Any]], list[str]]:
    """Upgrade the calling library (when another library made the call), the replacement, then pinning (and Chinese)."""
    from .imports import pip_name

    fixes: list[dict[str, Any]] = [{"action": entry.action, "success_rate": 0.9, "code": entry.code, "verify": entry.verify,
                                    "sources": list(entry.sources)}]
    zh = [entry.action_zh or entry.action]
    if caller:
        dist = pip_name(caller) or caller
        fixes.insert(0, {"action": f"Upgrade {dist}: it is {caller}'s own code that still calls `{what}`, which {library} "
                                   f"{entry.removed} removed; a newer {dist} uses the replacement.",
                         "success_rate": 0.85, "code": f"%pip install -U {dist}", "sources": list(entry.sources)})
        zh.insert(0, f"升级 {dist}：是 {caller} 自己的代码还在调用 `{what}`，而 {library} {entry.removed} 已经移除了它；"
                     f"新版的 {dist} 用的是替代写法。")
    fixes.append({"action": f"If you cannot change the code yet, pin {library} below {entry.removed}.",
                  "success_rate": 0.6, "sources": list(entry.sources)})
    zh.append(f"暂时改不了代码的话，把 {library} 固定在 {entry.removed} 以下。")
    return fixes, zh
