"""Run a record's ``reproduce.code`` in a fresh interpreter and capture the error it raises (pure, no IPython)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from importlib import metadata

from packaging.specifiers import InvalidSpecifier, SpecifierSet

# The child prints one JSON line after this marker, so output of the snippet itself cannot confuse us.
_MARKER = "@@errfix-reproduce@@"
_RUNNER = r"""
import json, sys, traceback, warnings
code = sys.stdin.read()
result = {"raised": False}
try:
    exec(compile(code, "<reproduce>", "exec"), {"__name__": "__main__"})
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
print(MARKER + json.dumps(result))
""".replace("MARKER", repr(_MARKER))


@dataclass(frozen=True)
class Reproduction:
    """What a reproducer raised: names, message, and the full traceback text."""

    raised: bool
    name: str = ""
    qualname: str = ""
    message: str = ""
    traceback: str = ""


def missing_requirements(requires: dict[str, str]) -> list[str]:
    """Return ``name spec`` for each requirement not installed in this interpreter at a fitting version."""
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


def run(code: str, *, timeout: float = 120.0, python: str | None = None) -> Reproduction:
    """Execute ``code`` in a new interpreter and report the exception it raised, if any."""
    proc = subprocess.run(
        [python or sys.executable, "-c", _RUNNER],
        input=code,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=_child_env(),
    )
    for line in reversed(proc.stdout.splitlines()):
        if line.startswith(_MARKER):
            return Reproduction(**json.loads(line[len(_MARKER):]))
    tail = (proc.stderr or proc.stdout)[-2000:]
    raise RuntimeError(f"reproducer crashed the interpreter (exit {proc.returncode}): {tail}")


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    # Quiet, deterministic, offline children: no GPU probing noise, no matplotlib windows.
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    env.setdefault("MPLBACKEND", "Agg")
    env.setdefault("CUDA_VISIBLE_DEVICES", "")
    env.setdefault("HF_HUB_OFFLINE", "1")
    env["PYTHONHASHSEED"] = "0"
    return env
