"""Live context: what the failing frame and the namespace say about this error, read without running user code (pure).

Only dictionary lookups, ``type()`` and exact-type checks touch the user's objects. Attributes are read only from
known library types whose attributes cannot run user code (the columns of a pandas DataFrame, the shape and dtype
of numpy arrays and torch tensors), and only when the object's type is exactly that library type, so a user's
subclass with its own properties is never read. No ``repr``, ``len``, ``dir`` or ``__getattr__`` of a user
object. Every step runs under one time budget, a failing step is skipped, and no frame is kept.
"""

from __future__ import annotations

import ast
import builtins
import difflib
import glob
import os
import re
import sys
import time
import types
from collections import ChainMap
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .errorinfo import ErrorInfo
from .imports import known_names, pip_name

BUDGET = 0.05  # seconds for all of one error's context
# Placeholders a record may use beside its regex groups, filled from the session: the distribution to install for a
# missing module, the name the failing line indexes, and the close match found for a missing name or key.
CONTEXT_PLACEHOLDERS = frozenset({"pip_name", "container", "suggestion"})
MAX_NAMES = 5000  # candidates read from one namespace, container or module
MAX_LABELS = 2000  # columns or keys read from one container
_CELL_FILE = re.compile(r"^(?:<ipython-input-\d+-[0-9a-f]+>|.*[/\\]ipykernel_\d+[/\\]\d+\.py|<cell>|<stdin>)$")
_SHAPE_WORDS = re.compile(r"shape|broadcast|dimension|mat1|mat2|size mismatch|dtype|expected scalar type|"
                          r"must match|same size|sizes? of tensors|incompatible", re.I)
_GETSET = type(type.__dict__["__dict__"])  # the C descriptor type of a class's real __dict__
_SIMPLE = (str, int, float, bool)


@dataclass(frozen=True)
class Fact:
    """One thing the session shows about this error; ``code`` names an i18n string that takes ``params``."""

    code: str
    params: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Suggestion:
    """A fix made from the session itself (a close name, the distribution to install), checked where cheap."""

    code: str  # the i18n key of its action
    params: Mapping[str, str]
    snippet: str
    checked: bool = False


@dataclass(frozen=True)
class Context:
    """Everything gathered for one error: facts for "what happened", fixes from the session, and check results."""

    facts: tuple[Fact, ...] = ()
    suggestions: tuple[Suggestion, ...] = ()
    checks: Mapping[str, bool] = field(default_factory=dict)
    seconds: float = 0.0
    values: Mapping[str, str] = field(default_factory=dict)


EMPTY = Context()


class _Gathering:
    def __init__(self, deadline: float) -> None:
        self.deadline = deadline
        self.facts: list[Fact] = []
        self.suggestions: list[Suggestion] = []
        self.checks: dict[str, bool] = {}
        self.values: dict[str, str] = {}

    def late(self) -> bool:
        return time.perf_counter() > self.deadline


def gather(exc: BaseException, error: ErrorInfo, namespace: Mapping[str, Any] | None, *,
           history: Iterable[Fact] = (), budget: float = BUDGET, environments: Callable[[], list[str]] | None = None) -> Context:
    """The context of one live error; never raises, and returns what it found before the budget ran out."""
    started = time.perf_counter()
    found = _Gathering(started + budget)
    scope = _scope(exc, namespace)
    steps: list[Callable[[], None]] = [
        lambda: _names(exc, error, scope, found),
        lambda: _attributes(exc, error, found),
        lambda: _imports(exc, error, found, environments),
        lambda: _keys(exc, error, scope, found),
        lambda: _shapes(error, scope, found),
        lambda: _shadowing(exc, error, found),
    ]
    for step in steps:
        if found.late():
            break
        try:
            step()
        except Exception:  # noqa: BLE001 - one step that fails on odd input leaves the others
            continue
    history = list(history)
    told = {f.params.get("name") for f in history if f.code in ("history_failed", "history_deleted")}
    facts = tuple(f for f in found.facts if not (f.code == "did_you_mean" and f.params.get("name") in told))
    suggestions = [s for s in found.suggestions if not (s.code == "use_name" and s.params.get("name") in told)]
    suggestions = [*_from_history(history), *suggestions]
    return Context(tuple(history) + facts, tuple(suggestions), dict(found.checks), time.perf_counter() - started,
                   dict(found.values))


def _from_history(history: list[Fact]) -> list[Suggestion]:
    """Fixes that notebook history makes plain: give a rebound builtin back; run the cell that failed first; keep a
    rebound variable and give the new value its own name; make a cell that ran twice safe to run again."""
    made = []
    for fact in history:
        params = dict(fact.params)
        if fact.code == "history_builtin":
            made.append(Suggestion("del_builtin", params, f"del {params['name']}", checked=True))
        elif fact.code == "history_failed":
            made.append(Suggestion("rerun_failed", params, "", checked=True))
        elif fact.code == "history_rebound":
            made.append(_keep_name(params))
        elif fact.code == "history_twice":
            rerunnable = params.get("rerunnable", "")
            made.append(Suggestion("rerunnable" if rerunnable else "rerun_above", params, rerunnable.strip()))
    return made


def _keep_name(params: dict[str, str]) -> Suggestion:
    """``df = df['price']`` overwrote ``df``: suggest ``price = df['price']`` and rerunning the cells that build ``df``."""
    name = params["name"]
    found = re.match(rf"\s*{re.escape(name)}\s*=\s*(.+)$", params.get("code", ""))
    key = re.search(r"\[\s*['\"]([A-Za-z_]\w{0,30})['\"]\s*\]\s*$", found.group(1)) if found else None
    new = key.group(1) if key and key.group(1) != name else f"{name}_{params.get('type', 'value').lower()}"
    snippet = f"{new} = {found.group(1).strip()}" if found else ""
    return Suggestion("keep_name", {**params, "new": new}, snippet)


# ---------------------------------------------------------------- where the names live


def _scope(exc: BaseException, namespace: Mapping[str, Any] | None) -> Mapping[str, Any]:
    """The innermost notebook frame's locals over the user's namespace (dicts only; the frame itself is let go)."""
    maps: list[dict[str, Any]] = []
    tb = _attr(exc, "__traceback__")
    innermost = None
    while isinstance(tb, types.TracebackType):
        if _CELL_FILE.match(tb.tb_frame.f_code.co_filename) or tb.tb_frame.f_globals is namespace:
            innermost = tb.tb_frame
        tb = tb.tb_next
    if innermost is not None:
        local = innermost.f_locals
        if type(local) is dict and local is not namespace:
            maps.append(local)
    del innermost
    if isinstance(namespace, dict):
        maps.append(namespace)
    return ChainMap(*maps) if maps else {}


def _attr(value: object, name: str) -> Any:
    try:
        return getattr(value, name, None) if isinstance(value, BaseException) else None
    except Exception:  # noqa: BLE001 - a hostile exception attribute
        return None


def _names_of(mapping: Mapping[str, Any]) -> list[str]:
    names = []
    for key in mapping:
        if type(key) is str:
            names.append(key)
            if len(names) >= MAX_NAMES:
                break
    return names


def close(word: str, candidates: Iterable[str]) -> tuple[str, str] | None:
    """The closest candidate and how it differs: ``case``, ``spaces``, or ``spelling``; None when nothing is close."""
    pool = [c for c in candidates if c != word]
    folded = word.strip().casefold()
    for candidate in pool:
        if candidate.strip().casefold() == folded:
            return candidate, "case" if candidate.casefold() == word.casefold() else "spaces"
    if not word.startswith("_"):
        pool = [c for c in pool if not c.startswith("_")]
    if len(word) < 4:  # "dt" and "dot": for names this short only a missing last letter counts ("sqr" for "sqrt")
        grown = sorted(c for c in pool if c.startswith(word) and len(c) == len(word) + 1)
        return (grown[0], "spelling") if len(grown) == 1 else None
    found = difflib.get_close_matches(word, pool, n=1, cutoff=0.8)
    return (found[0], "spelling") if found else None


def _replace_word(line: str, old: str, new: str, *, quoted: bool = False) -> str:
    if quoted:
        return re.sub(r"(['\"])" + re.escape(old) + r"\1", lambda m: m.group(1) + new + m.group(1), line)
    return re.sub(r"(?<![\w.])" + re.escape(old) + r"(?!\w)", new, line) if not old.startswith(".") else line.replace(old, new)


# ---------------------------------------------------------------- names, attributes, imports


def _names(exc: BaseException, error: ErrorInfo, scope: Mapping[str, Any], found: _Gathering) -> None:
    if not isinstance(exc, NameError) or isinstance(exc, UnboundLocalError):
        return
    name = _attr(exc, "name")
    if not isinstance(name, str):
        match = re.search(r"name '([^']{1,100})' is not defined", error.message)
        name = match.group(1) if match else None
    if not name:
        return
    candidates = _names_of(scope) + [n for n in vars(builtins) if not n.startswith("_")]
    best = _stdlib_suggestion(exc, name) or close(name, candidates)
    if best is None:
        return
    right, how = best
    found.facts.append(Fact("did_you_mean", {"name": name, "suggestion": right, "how": how}))
    found.values["suggestion"] = right
    line = _replace_word(error.source_line, name, right) if error.source_line else right
    checked = right in scope or right in candidates
    found.suggestions.append(Suggestion("use_name", {"name": name, "suggestion": right}, line, checked=checked))


def _stdlib_suggestion(exc: BaseException, name: str) -> tuple[str, str] | None:
    """Python 3.12+ computes NameError's "Did you mean" from frame dicts and builtins only: take it where it exists."""
    compute = getattr(__import__("traceback"), "_compute_suggestion_error", None)
    if compute is None or sys.version_info < (3, 12):
        return None
    tb = _attr(exc, "__traceback__")
    suggestion = compute(exc, tb, name)
    return (suggestion, "spelling") if isinstance(suggestion, str) and suggestion else None


def _attributes(exc: BaseException, error: ErrorInfo, found: _Gathering) -> None:
    if not isinstance(exc, AttributeError):
        return
    name, owner = _attr(exc, "name"), _attr(exc, "obj")
    if not isinstance(name, str) or owner is None:
        return
    candidates = _module_names(owner) if type(owner) is types.ModuleType else _class_names(owner) + _columns_of(owner)
    best = close(name, candidates)
    if best is None:
        return
    right, how = best
    found.facts.append(Fact("did_you_mean_attribute", {"name": name, "suggestion": right, "how": how}))
    line = _replace_word(error.source_line, "." + name, "." + right) if error.source_line else f".{right}"
    found.suggestions.append(Suggestion("use_attribute", {"name": name, "suggestion": right}, line, checked=True))


def _columns_of(owner: object) -> list[str]:
    """A pandas DataFrame's string column names: ``df.order_totals`` is attribute access to a column."""
    labels, kind = _labels(owner)
    return labels if labels is not None and kind == "column" else []


def _module_names(module: types.ModuleType) -> list[str]:
    namespace = module.__dict__  # an exact ModuleType: its __dict__ is the C getset, no user code
    return _names_of(namespace) if type(namespace) is dict else []


def _class_names(owner: object) -> list[str]:
    """Attribute names from the classes' own dictionaries and the instance's real ``__dict__``, read through C descriptors."""
    cls = type(owner)
    names: dict[str, None] = {}
    real_dict = type.__dict__["__dict__"]
    for klass in type.__dict__["__mro__"].__get__(cls):
        names.update(dict.fromkeys(_names_of(real_dict.__get__(klass))))
    descriptor = None
    for klass in type.__dict__["__mro__"].__get__(cls):
        descriptor = real_dict.__get__(klass).get("__dict__")
        if descriptor is not None:
            break
    if descriptor is not None and type(descriptor) is _GETSET:
        instance = descriptor.__get__(owner, cls)
        if type(instance) is dict:
            names.update(dict.fromkeys(_names_of(instance)))
    return list(names)[:MAX_NAMES]


def _imports(exc: BaseException, error: ErrorInfo, found: _Gathering,
             environments: Callable[[], list[str]] | None) -> None:
    if not isinstance(exc, ImportError):
        return
    name = _attr(exc, "name")
    missing = re.search(r"^cannot import name '([^']{1,100})' from '([\w.]{1,200})'", error.message)
    if missing:
        module = sys.modules.get(missing.group(2))
        if type(module) is types.ModuleType:
            best = close(missing.group(1), _module_names(module))
            if best:
                params = {"name": missing.group(1), "suggestion": best[0], "module": missing.group(2)}
                found.facts.append(Fact("did_you_mean_import", params))
                line = _replace_word(error.source_line, missing.group(1), best[0]) if error.source_line else best[0]
                found.suggestions.append(Suggestion("use_import", {"name": missing.group(1), "suggestion": best[0]}, line, checked=True))
        return
    if not isinstance(exc, ModuleNotFoundError) or not isinstance(name, str) or not name:
        return
    top = name.split(".")[0]
    if top in sys.stdlib_module_names or top in sys.modules:
        return  # a missing submodule of a package that is installed: not a pip install
    dist = pip_name(name)
    if not dist:
        found.facts.append(Fact("module_not_on_pypi", {"module": name}))
        return
    found.facts.append(Fact("module_pip", {"module": name, "dist": dist}))
    found.values["pip_name"] = dist
    where = _installed_elsewhere(top, environments, found)
    if where:
        found.facts.append(Fact("module_elsewhere", {"module": top, "where": where, "kernel": sys.executable}))
    found.suggestions.append(Suggestion("pip_install", {"dist": dist, "module": name}, f"%pip install {dist}",
                                        checked=name in known_names() or top in known_names()))


def _installed_elsewhere(module: str, environments: Callable[[], list[str]] | None, found: _Gathering) -> str:
    for site in (environments or other_site_packages)():
        if found.late():
            return ""
        for candidate in (os.path.join(site, module), os.path.join(site, module + ".py")):
            if os.path.exists(candidate):
                return site
        if glob.glob(os.path.join(glob.escape(site), glob.escape(module) + ".*.so")):
            return site
    return ""


def other_site_packages() -> list[str]:
    """site-packages folders of other Pythons on this machine (pyenv, conda, the system), not the kernel's own."""
    mine = {os.path.realpath(p) for p in sys.path if p}
    home = os.path.expanduser("~")
    patterns = [f"{home}/.pyenv/versions/*/lib/python3.*/site-packages", f"{home}/*conda*/lib/python3.*/site-packages",
                f"{home}/*conda*/envs/*/lib/python3.*/site-packages", "/opt/conda/lib/python3.*/site-packages",
                "/opt/conda/envs/*/lib/python3.*/site-packages", "/usr/lib/python3/dist-packages",
                "/usr/local/lib/python3.*/site-packages", f"{home}/.local/lib/python3.*/site-packages"]
    found = []
    for pattern in patterns:
        for path in sorted(glob.glob(pattern))[:20]:
            if os.path.realpath(path) not in mine:
                found.append(path)
    return found[:40]


# ---------------------------------------------------------------- keys and columns


def _keys(exc: BaseException, error: ErrorInfo, scope: Mapping[str, Any], found: _Gathering) -> None:
    key = _missing_key(exc, error)
    if key is None or not error.source_line:
        return
    names = _subscripted_names(error.source_line)
    for name in names + [n for n in _line_names(error.source_line) if n not in names]:
        value = scope.get(name)
        labels, kind = _labels(value)
        if labels is None:
            continue
        if key in labels:
            continue
        index_names = _index_names(value)
        if key in index_names:
            found.facts.append(Fact("key_is_index", {"container": name, "key": key}))
            return
        best = close(key, labels)
        if best is None:
            found.facts.append(Fact("key_missing", {"container": name, "key": key, "kind": kind,
                                                    "some": ", ".join(repr(x) for x in labels[:8])}))
            return
        right, how = best
        found.facts.append(Fact("key_close", {"container": name, "key": key, "suggestion": right, "how": how, "kind": kind}))
        found.checks["suggested_key_exists"] = True
        found.values.update(container=name, suggestion=right)
        line = _replace_word(error.source_line, key, right, quoted=True)
        found.suggestions.append(Suggestion("use_key", {"key": key, "suggestion": right, "container": name, "kind": kind}, line,
                                            checked=True))
        return


_KEY_MESSAGES = (
    re.compile(r"\[?'([^']{1,200})'\]? not (?:found|in) (?:in )?(?:axis|index)"),  # pandas drop / loc
    re.compile(r"Could not interpret value `([^`]{1,200})` for"),  # seaborn
    re.compile(r"None of \[Index\(\['([^']{1,200})'\]"),  # pandas list lookup
)


def _missing_key(exc: BaseException, error: ErrorInfo) -> str | None:
    for pattern in _KEY_MESSAGES:
        found = pattern.search(error.message)
        if found:
            return found.group(1)
    if isinstance(exc, KeyError):
        args = _attr(exc, "args")
        if isinstance(args, tuple) and args and type(args[0]) is str:
            return args[0]
    return None


def _subscripted_names(line: str) -> list[str]:
    """Names that the failing line subscripts or calls methods on (``sales['x']``, ``df.drop(...)``), in order."""
    try:
        tree = ast.parse(line.strip().rstrip(":"), mode="exec")
    except (SyntaxError, ValueError, RecursionError):
        return re.findall(r"([A-Za-z_]\w{0,60})\s*(?:\[|\.loc\[|\.drop\()", line)
    names: dict[str, None] = {}
    for node in ast.walk(tree):
        target = node.value if isinstance(node, (ast.Subscript, ast.Attribute)) else None
        if isinstance(target, ast.Name):
            names.setdefault(target.id, None)
        elif isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name):
            names.setdefault(target.value.id, None)
    return list(names)[:10]


def _pandas_types() -> tuple[type, type] | None:
    pandas = sys.modules.get("pandas")
    frame, series = getattr(pandas, "DataFrame", None), getattr(pandas, "Series", None)
    return (frame, series) if isinstance(frame, type) and isinstance(series, type) else None


def _labels(value: object) -> tuple[list[str] | None, str]:
    """String keys of a dict, or string column/index labels of a pandas DataFrame/Series (exact types only)."""
    if type(value) is dict:
        return [k for k in list(value)[:MAX_LABELS] if type(k) is str], "key"
    kinds = _pandas_types()
    if kinds is None:
        return None, ""
    if type(value) is kinds[0]:
        return [c for c in list(value.columns[:MAX_LABELS]) if type(c) is str], "column"  # type: ignore[attr-defined]
    if type(value) is kinds[1]:
        return [c for c in list(value.index[:MAX_LABELS]) if type(c) is str], "label"  # type: ignore[attr-defined]
    return None, ""


def _index_names(value: object) -> list[str]:
    kinds = _pandas_types()
    if kinds is None or type(value) is not kinds[0]:
        return []
    return [n for n in list(value.index.names) if type(n) is str]  # type: ignore[attr-defined]


# ---------------------------------------------------------------- shapes and dtypes


def _shapes(error: ErrorInfo, scope: Mapping[str, Any], found: _Gathering) -> None:
    if not error.source_line or not _SHAPE_WORDS.search(error.message):
        return
    for name in _line_names(error.source_line):
        if found.late():
            return
        described = describe_array(scope.get(name))
        if described:
            found.facts.append(Fact("shape", {"name": name, **described}))


def _line_names(line: str) -> list[str]:
    try:
        tree = ast.parse(line.strip().rstrip(":"))
    except (SyntaxError, ValueError, RecursionError):
        return []
    names: dict[str, None] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            names.setdefault(node.id, None)
    return list(names)[:10]


def describe_array(value: object) -> dict[str, str] | None:
    """Shape and dtype of a numpy array, torch tensor or pandas object, read only for those exact types."""
    cls = type(value)
    module, name = getattr(cls, "__module__", ""), getattr(cls, "__qualname__", "")
    if (module, name) == ("numpy", "ndarray"):
        return {"shape": _shape(value.shape), "dtype": str(value.dtype), "kind": "array"}  # type: ignore[attr-defined]
    if module.startswith("torch") and name in ("Tensor", "Parameter"):
        torch = sys.modules.get("torch")
        if torch is not None and cls in (getattr(torch, "Tensor", None), getattr(getattr(torch, "nn", None), "Parameter", None)):
            return {"shape": _shape(tuple(value.shape)), "dtype": str(value.dtype).replace("torch.", ""), "kind": "tensor"}  # type: ignore[attr-defined]
    kinds = _pandas_types()
    if kinds is not None and cls in kinds:
        dtype = str(value.dtype) if cls is kinds[1] else _frame_dtypes(value)  # type: ignore[attr-defined]
        return {"shape": _shape(value.shape), "dtype": dtype, "kind": "frame" if cls is kinds[0] else "series"}  # type: ignore[attr-defined]
    return None


def _shape(shape: object) -> str:
    if isinstance(shape, tuple) and all(type(n) is int for n in shape):
        return "(" + ", ".join(map(str, shape)) + ("," if len(shape) == 1 else "") + ")"
    return "?"


def _frame_dtypes(frame: Any) -> str:
    kinds = sorted({str(d) for d in list(frame.dtypes)[:200]})
    return ", ".join(kinds[:5]) + (", …" if len(kinds) > 5 else "")


# ---------------------------------------------------------------- a local file shadowing a module


def _shadowing(exc: BaseException, error: ErrorInfo, found: _Gathering) -> None:
    if not isinstance(exc, (AttributeError, ImportError)):
        return
    named = re.search(r"module '([\w.]{1,200})' has no attribute|from (?:partially initialized module )?'([\w.]{1,200})'", error.message)
    if not named:
        return
    module_name = named.group(1) or named.group(2)
    module = sys.modules.get(module_name.split(".")[0])
    path = module.__dict__.get("__file__") if type(module) is types.ModuleType else None
    if not isinstance(path, str):
        return
    shadowing = _is_local(path)
    found.checks["module_is_local"] = shadowing
    if shadowing:
        found.facts.append(Fact("module_shadowed", {"module": module_name.split(".")[0], "path": path}))


def _is_local(path: str) -> bool:
    """A module file outside every installation folder: the user's own file, in the working folder or beside it."""
    real = os.path.realpath(path)
    installs = {os.path.realpath(p) for p in (sys.prefix, sys.base_prefix, sys.exec_prefix)}
    if any(real.startswith(p + os.sep) for p in installs) or "site-packages" in real or "dist-packages" in real:
        return False
    return real.startswith(os.path.realpath(os.getcwd()) + os.sep) or real.startswith(os.path.expanduser("~") + os.sep)
