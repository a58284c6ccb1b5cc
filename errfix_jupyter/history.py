"""Notebook history: what IPython's ``In`` and this session's failed cells say about an error, in IPython's words ``In[N]`` (pure).

Three facts, each a common notebook mistake:
- a name that an earlier cell would have assigned, had it not failed first;
- a cell run twice whose first run already changed the state (drop, rename, del, pop, inplace);
- a name that a later cell deleted, or rebound to another type (``df`` became a Series; ``list`` became a list).
"""

from __future__ import annotations

import ast
import builtins
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from .context import Fact

MAX_CELLS = 300
MAX_CELL_CHARS = 20_000
_STATEFUL = re.compile(r"\.(?:drop|rename|pop|remove|set_index|reset_index|dropna|fillna|clear|update|insert)\(|"
                       r"\bdel\b|inplace\s*=\s*True|\+=|-=")


@dataclass(frozen=True)
class Cell:
    """One executed cell: its number, source, and the error it ended with, if any."""

    number: int
    source: str
    failed: str = ""


def cells(inputs: Sequence[str], failures: Mapping[int, str], upto: int) -> list[Cell]:
    """The last cells before ``upto`` (IPython's ``In`` list; ``failures`` maps a number to its error line)."""
    start = max(1, upto - MAX_CELLS)
    return [Cell(n, inputs[n][:MAX_CELL_CHARS], failures.get(n, "")) for n in range(start, min(upto, len(inputs)))
            if isinstance(inputs[n], str)]


def facts(error_type: str, message: str, source_line: str, *, current: Cell, earlier: Sequence[Cell],
          types_now: Mapping[str, str]) -> list[Fact]:
    """History facts for an error raised by ``current`` (``types_now``: type names of the names it uses, read with ``type()``)."""
    found: list[Fact] = []
    missing = _missing_name(error_type, message)
    if missing:
        found += _failed_assignment(missing, earlier) or _deleted(missing, earlier)
    twice = _ran_twice(current, earlier)
    found += twice or _removed_label(_missing_label(error_type, message), source_line, earlier)
    found += _rebound(source_line, earlier, types_now, message)
    return found[:4]


def _missing_label(error_type: str, message: str) -> str:
    """The column or key a KeyError (or pandas' "not found in axis") names."""
    found = re.search(r"^'([^']{1,200})'$", message) if error_type == "KeyError" else None
    found = found or re.search(r"\['([^']{1,200})'\] not (?:found in axis|in index)", message)
    return found.group(1) if found else ""


def _removed_label(label: str, source_line: str, earlier: Sequence[Cell]) -> list[Fact]:
    """An earlier cell that dropped, renamed, popped or deleted this column of a name the failing line uses."""
    if not label:
        return []
    quoted = re.compile(r"""(['"])""" + re.escape(label) + r"\1")
    for cell in reversed(earlier):
        for line in cell.source.splitlines():
            change = re.search(r"\.(drop|rename|pop)\(|\bdel\s+\w+\[", line)
            if change and quoted.search(line):
                name = re.match(r"\s*(?:del\s+)?([A-Za-z_]\w*)", line)
                if name and name.group(1) in source_line:
                    what = change.group(1) or "del"
                    return [Fact("history_removed", {"key": label, "name": name.group(1), "cell": f"In[{cell.number}]",
                                                     "what": what, "code": line.strip()[:120]})]
    return []


def _missing_name(error_type: str, message: str) -> str:
    if error_type not in ("NameError", "UnboundLocalError"):
        return ""
    found = re.search(r"name '([^']{1,100})' is not defined", message)
    return found.group(1) if found else ""


def _failed_assignment(name: str, earlier: Sequence[Cell]) -> list[Fact]:
    for cell in reversed(earlier):
        if cell.failed and name in assigned_names(cell.source):
            return [Fact("history_failed", {"name": name, "cell": f"In[{cell.number}]", "error": cell.failed[:160]})]
    return []


def _deleted(name: str, earlier: Sequence[Cell]) -> list[Fact]:
    for cell in reversed(earlier):
        if name in deleted_names(cell.source):
            return [Fact("history_deleted", {"name": name, "cell": f"In[{cell.number}]"})]
    return []


def _ran_twice(current: Cell, earlier: Sequence[Cell]) -> list[Fact]:
    code = current.source.strip()
    if not code or not _STATEFUL.search(code):
        return []
    for cell in reversed(earlier):
        if cell.source.strip() == code and not cell.failed:
            return [Fact("history_twice", {"cell": f"In[{cell.number}]", "what": _what_changed(code),
                                           "rerunnable": _rerunnable(code)})]
    return []


def _rerunnable(code: str) -> str:
    """The cell's ``drop(...)`` line made safe to run again (``errors='ignore'``), or "" when there is none."""
    for line in code.splitlines():
        found = re.search(r"\.drop\(([^()\n]{1,160})\)", line)
        if found and "errors" not in found.group(1):
            return line[:found.start()] + f".drop({found.group(1)}, errors='ignore')" + line[found.end():]
    return ""


def _what_changed(code: str) -> str:
    """A short account of the state the cell changes: ``drop('b')``, ``del x``, ``rename(...)``."""
    dropped = re.search(r"\.(drop|pop|remove)\(\s*(?:columns\s*=\s*)?(\[?['\"][^)\n]{0,80}?\]?)\s*[,)]", code)
    if dropped:
        return f"{dropped.group(1)}({dropped.group(2)})"
    for pattern in (r"\bdel\s+[^\n]{1,60}", r"\.\w+\([^)\n]{0,60}inplace\s*=\s*True[^)\n]{0,20}\)", r"\.rename\([^)\n]{0,60}\)",
                    r"\w+\s*[+-]=\s*[^\n]{1,40}", r"\.(?:set_index|reset_index|dropna|fillna)\([^)\n]{0,60}\)"):
        found = re.search(pattern, code)
        if found:
            return found.group(0).strip()
    return ""


def _rebound(line: str, earlier: Sequence[Cell], types_now: Mapping[str, str], message: str) -> list[Fact]:
    for name, type_name in types_now.items():
        builtin = hasattr(builtins, name) and not name.startswith("_")
        assigning = [c for c in earlier if name in assigned_names(c.source)]
        if builtin and assigning:
            return [Fact("history_builtin", {"name": name, "cell": f"In[{assigning[-1].number}]", "type": type_name})]
        if len(assigning) >= 2 and re.search(rf"\b{re.escape(type_name)}\b", message):
            last = assigning[-1]
            return [Fact("history_rebound", {"name": name, "cell": f"In[{last.number}]", "type": type_name,
                                             "code": _assignment_line(last.source, name)})]
    return []


def _assignment_line(source: str, name: str) -> str:
    for line in source.splitlines():
        if re.match(rf"\s*{re.escape(name)}\s*(?:,[^=]*)?=(?!=)", line):
            return line.strip()[:120]
    return ""


def _parse(source: str) -> ast.AST | None:
    """A cell's code with IPython's ``%`` and ``!`` lines blanked, parsed; None when it does not parse."""
    text = "\n".join("" if line.lstrip().startswith(("%", "!")) else line for line in source.splitlines())
    try:
        return ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None


@lru_cache(maxsize=4096)
def assigned_names(source: str) -> frozenset[str]:
    """Names a cell binds at its top level or in its functions' reach: assignments, for/with targets, imports, defs.

    Cached per source text: every error of a long notebook looks through the same earlier cells.
    """
    tree = _parse(source)
    return frozenset(_bound(tree)) if tree is not None else frozenset()


def _bound(tree: ast.AST) -> Iterator[str]:
    for node in ast.walk(tree):
        if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.For, ast.With, ast.NamedExpr)):
            targets = node.targets if isinstance(node, ast.Assign) else (
                [item.optional_vars for item in node.items if item.optional_vars] if isinstance(node, ast.With) else [node.target])
            for target in targets:
                yield from _target_names(target)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            yield from ((a.asname or a.name).split(".")[0] for a in node.names)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            yield node.name


def _target_names(target: ast.AST) -> Iterator[str]:
    """The names an assignment target binds: ``x``, ``a, b``, ``*rest``; not ``df['b']`` or ``obj.attr``, which mutate."""
    if isinstance(target, ast.Name):
        yield target.id
    elif isinstance(target, (ast.Tuple, ast.List)):
        for element in target.elts:
            yield from _target_names(element)
    elif isinstance(target, ast.Starred):
        yield from _target_names(target.value)


@lru_cache(maxsize=4096)
def deleted_names(source: str) -> frozenset[str]:
    """Names a cell deletes with ``del`` (cached per source text)."""
    tree = _parse(source)
    if tree is None:
        return frozenset()
    return frozenset(t.id for node in ast.walk(tree) if isinstance(node, ast.Delete) for t in node.targets
                     if isinstance(t, ast.Name))
