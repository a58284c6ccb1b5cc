"""Authoring check for record files: schema and lint (as `errfix lint`), then the reproducer, printing the real message.

Usage: .venv/bin/python dev/check_records.py [--no-run] records/pandas/*.json
`tests/test_reproducers.py` is the full check (it also asserts the real traceback ranks the record first).
"""

from __future__ import annotations

import sys
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from errfix_jupyter import lint, loader, reproduce  # noqa: E402


def check(path: Path, run: bool) -> list[str]:
    record, problems = loader.load_file(path, ROOT / "records")
    found = [str(p) for p in problems]
    if record is None:
        return found
    found += [str(p) for p in lint.lint_record(record)]
    if run and record.reproduce:
        found += check_reproducer(path, record)
    return found


def check_reproducer(path: Path, record) -> list[str]:  # type: ignore[no-untyped-def]
    missing = reproduce.missing_requirements(dict(record.reproduce.get("requires") or {}))
    if missing:
        return [f"{path}: SKIP, not installed: {', '.join(missing)}"]
    got = reproduce.run(record.reproduce["code"], timeout=float(record.reproduce.get("timeout", 180)))
    if not got.raised:
        return [f"{path}: $.reproduce.code: raised nothing"]
    print(f"  {path.name}: raised {got.qualname}: {got.message[:300]!r}")
    texts = [f"{got.qualname}: {got.message}", f"{got.name}: {got.message}"]
    if not any(regex.search(record.regex, t, timeout=1) for t in texts):
        return [f"{path}: $.regex: does not match the real message {texts[0][:300]!r}"]
    return []


def main(argv: list[str]) -> int:
    run = "--no-run" not in argv
    paths = [Path(a).resolve() for a in argv if not a.startswith("--")]
    problems = 0
    for path in paths:
        for line in check(path, run):
            print(line)
            problems += "SKIP, not installed" not in line
    print(f"{len(paths)} records checked, {problems} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
