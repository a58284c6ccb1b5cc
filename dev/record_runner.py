"""Run a record's reproducer and its fixes' verify programs in a fresh interpreter (used by tests and dev/, not shipped).

One child process per record: the reproducer first, then each fix's verify program, each in a fresh namespace, so
a record's heavy imports are paid once. The child reports one JSON line per program after a marker, so the
programs' own output cannot confuse us.
"""

from __future__ import annotations

import glob
import json
import os
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from packaging.specifiers import InvalidSpecifier, SpecifierSet

ROOT = Path(__file__).resolve().parents[1]
FIX_LINE = "<FIX>"
_MARKER = "@@errfix-reproduce@@"
_RUNNER = r"""
import json, linecache, sys, traceback, warnings
programs = json.loads(sys.stdin.read())
for code in programs:
    result = {"raised": False}
    # As IPython does for a cell: the source is in linecache, so tracebacks show the failing line.
    linecache.cache["<reproduce>"] = (len(code), None, code.splitlines(True), "<reproduce>")
    try:
        exec(compile(code, "<reproduce>", "exec"), {"__name__": "__main__", "__builtins__": __builtins__})
    except BaseException as exc:
        etype = type(exc)
        module = getattr(etype, "__module__", "builtins")
        qual = etype.__qualname__ if module in ("builtins", "__main__") else f"{module}.{etype.__qualname__}"
        result = {
            "raised": True,
            "name": etype.__name__,
            "qualname": qual,
            "message": str(exc),
            "traceback": "".join(traceback.format_exception(etype, exc, exc.__traceback__)),
        }
    sys.stdout.flush()
    print(MARKER + json.dumps(result), flush=True)
""".replace("MARKER", repr(_MARKER))


@dataclass(frozen=True)
class Reproduction:
    """What a program raised: names, message, and the full traceback text (``raised`` False if nothing)."""

    raised: bool
    name: str = ""
    qualname: str = ""
    message: str = ""
    traceback: str = ""

    @property
    def line(self) -> str:
        """``Type: message`` with the qualified type name."""
        return f"{self.qualname}: {self.message}"


def missing_requirements(requires: Mapping[str, str]) -> list[str]:
    """``name spec`` for each requirement not installed in this interpreter at a fitting version."""
    missing = []
    for name, spec in (requires or {}).items():
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            missing.append(f"{name}{spec}")
            continue
        try:
            if spec and not SpecifierSet(spec).contains(version, prereleases=True):
                missing.append(f"{name}{spec} (installed {version})")
        except InvalidSpecifier:
            missing.append(f"{name}{spec} (invalid specifier)")
    return missing


def run(code: str, *, timeout: float = 180.0, python: str | None = None) -> Reproduction:
    """Execute ``code`` in a new interpreter and report the exception it raised, if any."""
    return run_all([code], timeout=timeout, python=python)[0]


def run_all(programs: Sequence[str], *, timeout: float = 180.0, python: str | None = None) -> list[Reproduction]:
    """Execute each program in turn, each in a fresh namespace, in one new interpreter."""
    proc = subprocess.run([python or sys.executable, "-c", _RUNNER], input=json.dumps(list(programs)),
                          capture_output=True, text=True, timeout=timeout * max(len(programs), 1), env=_child_env(),
                          cwd=ROOT)
    results = [Reproduction(**json.loads(line[len(_MARKER):])) for line in proc.stdout.splitlines()
               if line.startswith(_MARKER)]
    if len(results) < len(programs):
        tail = (proc.stderr or proc.stdout)[-2000:]
        raise RuntimeError(f"the interpreter died after {len(results)} of {len(programs)} programs "
                           f"(exit {proc.returncode}): {tail}")
    return results


def verify_program(template: str, code: str) -> str:
    """The verify program with its ``<FIX>`` line(s) replaced by the fix code, at the marker's indentation."""
    out = []
    for line in template.splitlines():
        if line.strip() == FIX_LINE:
            indent = line[: len(line) - len(line.lstrip())]
            out += [indent + part if part.strip() else part for part in _runnable(code).splitlines()]
        else:
            out.append(line)
    return "\n".join(out) + "\n"


def _runnable(code: str) -> str:
    """IPython-only lines (``%pip``, ``!cmd``) cannot run in a plain interpreter: they become comments."""
    return "\n".join(f"pass  # {line.strip()}" if line.lstrip().startswith(("%", "!")) else line
                     for line in code.splitlines())


@lru_cache(maxsize=1)
def interpreters() -> dict[str, str]:
    """Python version -> interpreter path: this one, plus 3.12 and 3.13 when pyenv (or PATH) has them."""
    found = {f"{sys.version_info.major}.{sys.version_info.minor}": sys.executable}
    roots = [os.environ.get("PYENV_ROOT", ""), str(Path.home() / ".pyenv"), "/root/.pyenv"]
    for minor in ("3.12", "3.13"):
        if minor in found:
            continue
        candidates = [p for r in roots if r for p in sorted(glob.glob(f"{r}/versions/{minor}.*/bin/python{minor}"))]
        candidates += [p for p in (f"/usr/bin/python{minor}", f"/usr/local/bin/python{minor}") if os.path.exists(p)]
        if candidates:
            found[minor] = candidates[-1]
    return found


def python_allows(spec: str, version: str) -> bool:
    """Whether a reproducer's ``python`` specifier admits this ``major.minor`` version."""
    if not spec:
        return True
    try:
        return SpecifierSet(spec).contains(f"{version}.0", prereleases=True) or SpecifierSet(spec).contains(
            f"{version}.99", prereleases=True)
    except InvalidSpecifier:
        return False


def stdlib_only(requires: Mapping[str, str] | None) -> bool:
    """A reproducer that needs nothing but Python runs on every interpreter."""
    return not requires


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    # Quiet, deterministic, offline children: no GPU probing noise, no matplotlib windows.
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    env.setdefault("MPLBACKEND", "Agg")
    env.setdefault("CUDA_VISIBLE_DEVICES", "")
    env.setdefault("HF_HUB_OFFLINE", "1")
    env.setdefault("KERAS_BACKEND", "tensorflow")
    env["PYTHONHASHSEED"] = "0"
    env.pop("PYTHONSTARTUP", None)
    return env


@dataclass
class RecordRun:
    """A record checked against real libraries: what its reproducer raised on each Python, and its fixes' runs."""

    record_id: str
    raised: dict[str, Reproduction]
    fixes: dict[int, Reproduction]
    problems: list[str]


def fix_code_for(record: object, index: int, message_line: str) -> str:
    """Fix ``index``'s code with its placeholders filled from the reproducer's real message."""
    from errfix_jupyter import patterns, placeholders

    fix = record.workarounds[index]  # type: ignore[attr-defined]
    pattern = patterns.compiled(record.regex)  # type: ignore[attr-defined]
    found = pattern.search(message_line, timeout=1) if pattern is not None else None
    values = {k: v for k, v in (found.groupdict() if found else {}).items() if v is not None}
    groups = set(pattern.groupindex) if pattern is not None else set()
    return placeholders.fill_code(fix.code, values, groups)[0]


def verifiable(record: object) -> list[int]:
    """Indexes of the fixes that carry code and a verify program."""
    return [i for i, w in enumerate(record.workarounds) if w.code and w.verify and not w.is_check]  # type: ignore[attr-defined]


def run_record(record: object, *, pythons: Sequence[str] | None = None) -> RecordRun:
    """Raise the record's error on every applicable Python and run each verifiable fix on this one."""
    from errfix_jupyter import patterns

    repro = dict(record.reproduce or {})  # type: ignore[attr-defined]
    code, spec = repro.get("code", ""), str(repro.get("python", "") or "")
    timeout = float(repro.get("timeout", 180))
    here = f"{sys.version_info.major}.{sys.version_info.minor}"
    versions = list(pythons) if pythons is not None else (
        [v for v in interpreters() if python_allows(spec, v)] if stdlib_only(repro.get("requires")) else [here])
    run = RecordRun(record.id, {}, {}, [])  # type: ignore[attr-defined]
    pattern = patterns.compiled(record.regex)  # type: ignore[attr-defined]
    for version in versions:
        python = interpreters().get(version)
        if python is None:
            run.problems.append(f"Python {version} is not installed here")
            continue
        got = run_all([code], timeout=timeout, python=python)[0] if version != here else None
        if got is None:
            first = run_all([code], timeout=timeout)[0]
            got = first
            if first.raised:
                fixes = verifiable(record)
                programs = [verify_program(record.workarounds[i].verify, fix_code_for(record, i, first.line))  # type: ignore[attr-defined]
                            for i in fixes]
                for i, result in zip(fixes, run_all(programs, timeout=timeout) if programs else [], strict=True):
                    run.fixes[i] = result
        run.raised[version] = got
        if not got.raised:
            run.problems.append(f"Python {version}: the reproducer raised nothing")
        elif pattern is None or not any(pattern.search(t, timeout=1) for t in (got.line, f"{got.name}: {got.message}")):
            run.problems.append(f"Python {version}: regex does not match the real message {got.line[:300]!r}")
    for i, result in run.fixes.items():
        if result.raised:
            run.problems.append(f"fix {i + 1}: verify raised {result.line[:300]!r}")
    return run


@dataclass
class EntryRun:
    """A migration entry checked on a real interpreter: the message its use raised, and whether its fix ran clean."""

    entry_id: str
    python: str
    raised: Reproduction | None
    fixed: Reproduction | None
    problems: list[str]


def entry_python(entry: object) -> str | None:
    """The newest installed interpreter that the entry's ``python`` specifier admits (this one when it has none)."""
    spec = getattr(entry, "python", "")
    here = f"{sys.version_info.major}.{sys.version_info.minor}"
    if not spec:
        return here
    fits = [v for v in interpreters() if python_allows(spec, v)]
    return sorted(fits, key=lambda v: tuple(map(int, v.split("."))))[-1] if fits else None


def run_entries(entries: Sequence[object], index: object) -> list[EntryRun]:
    """Raise each entry's error, check that its message finds the entry, and run its fix; one process per Python."""
    by_python: dict[str, list[object]] = {}
    runs: list[EntryRun] = []
    for entry in entries:
        version = entry_python(entry)
        if version is None:
            runs.append(EntryRun(entry.id, "", None, None, [f"no installed Python fits {entry.python!r}"]))  # type: ignore[attr-defined]
        elif getattr(entry, "reproduce", ""):
            by_python.setdefault(version, []).append(entry)
    for version, group in by_python.items():
        python = interpreters()[version]
        raised = run_all([e.reproduce for e in group], python=python, timeout=120)  # type: ignore[attr-defined]
        fixable = [e for e in group if e.code and e.verify]  # type: ignore[attr-defined]
        programs = [verify_program(e.verify, e.code) for e in fixable]  # type: ignore[attr-defined]
        results = run_all(programs, python=python, timeout=120) if programs else []
        fixed = dict(zip([e.id for e in fixable], results, strict=True))  # type: ignore[attr-defined]
        for entry, got in zip(group, raised, strict=True):
            runs.append(_entry_run(entry, version, got, fixed.get(entry.id), index))  # type: ignore[attr-defined]
    return runs


def _entry_run(entry: object, version: str, got: Reproduction, fixed: Reproduction | None, index: object) -> EntryRun:
    problems = []
    if not got.raised:
        problems.append("the reproducer raised nothing")
    else:
        ids = [h.entry.id for h in index.lookup((got.name,), got.message)]  # type: ignore[attr-defined]
        if entry.id not in ids:  # type: ignore[attr-defined]
            problems.append(f"the real message {got.line[:200]!r} does not find this entry (found: {ids})")
    if getattr(entry, "code", "") and getattr(entry, "verify", "") and (fixed is None or fixed.raised):
        problems.append(f"verify raised {fixed.line[:200] if fixed else 'nothing recorded'!r}")
    return EntryRun(entry.id, version, got, fixed, problems)  # type: ignore[attr-defined]
