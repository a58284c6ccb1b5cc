"""Authoring check for record files: schema, regex, reproducer, Chinese fields.

Usage: .venv/bin/python dev/check_records.py [--no-run] records/pandas/*.json
Prints one line per problem and, for each record, the real message its reproducer raised.
"""

from __future__ import annotations

import json
import pathlib
import re
import sys

import jsonschema
import regex

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from errfix_jupyter import reproduce  # noqa: E402

SCHEMA = json.loads((ROOT / "errfix_jupyter/schemas/record.v1.schema.json").read_text())
CJK = re.compile(r"[\u3400-\u9fff]")
CODE_SPAN = re.compile(r"`([^`]+)`")


def texts(v):
    if isinstance(v, str):
        yield v
    elif isinstance(v, list):
        for x in v:
            yield from texts(x)
    elif isinstance(v, dict):
        for x in v.values():
            yield from texts(x)


def check(path: pathlib.Path, run: bool) -> list[str]:
    out: list[str] = []
    try:
        rec = json.loads(path.read_text(encoding="utf-8"))
    except Exception as e:  # noqa: BLE001
        return [f"{path}: not JSON: {e}"]
    for err in jsonschema.Draft202012Validator(SCHEMA).iter_errors(rec):
        out.append(f"{path}: {err.json_path}: {err.message}")
    rel = path.relative_to(ROOT / "records") if (ROOT / "records") in path.parents else None
    if rel is not None and str(rel.with_suffix("")) != rec.get("id"):
        out.append(f"{path}: $.id: id {rec.get('id')!r} != path {rel.with_suffix('')}")
    try:
        rx = regex.compile(rec.get("regex", ""))
    except regex.error as e:
        return out + [f"{path}: $.regex: does not compile: {e}"]
    if not rx.search(rec.get("signature", ""), timeout=1):
        out.append(f"{path}: $.regex: does not match its own signature")
    for key in ("signature_zh", "root_cause_zh", "summary_zh", "workarounds_zh", "dead_ends_zh"):
        if key not in rec:
            out.append(f"{path}: $.{key}: missing")
            continue
        for t in texts(rec[key]):
            if t.strip() and not CJK.search(t):
                out.append(f"{path}: $.{key}: holds no Chinese: {t[:60]!r}")
    ws, wz = rec.get("workarounds", []), rec.get("workarounds_zh", [])
    if len(ws) != len(wz):
        out.append(f"{path}: $.workarounds_zh: {len(wz)} items for {len(ws)} workarounds")
    if len(rec.get("dead_ends", [])) != len(rec.get("dead_ends_zh", [])):
        out.append(f"{path}: $.dead_ends_zh: item count differs from dead_ends")
    for i, (en, zh) in enumerate(zip(ws, wz)):
        zh_text = " ".join(texts(zh))
        for span in CODE_SPAN.findall(en.get("action", "") + " " + (en.get("condition") or "")):
            if span not in zh_text:
                out.append(f"{path}: $.workarounds_zh[{i}]: code span `{span}` of the English is missing")
    if not rec.get("generic") and len(ws) < 2:
        out.append(f"{path}: $.workarounds: fewer than two")
    if run and "reproduce" in rec:
        out += check_reproducer(path, rec, rx)
    return out


def check_reproducer(path, rec, rx) -> list[str]:
    repro = rec["reproduce"]
    missing = reproduce.missing_requirements(repro.get("requires", {}))
    if missing:
        return [f"{path}: SKIP, not installed: {', '.join(missing)}"]
    try:
        got = reproduce.run(repro["code"], timeout=repro.get("timeout", 180))
    except Exception as e:  # noqa: BLE001
        return [f"{path}: $.reproduce.code: {e}"]
    if not got.raised:
        return [f"{path}: $.reproduce.code: raised nothing"]
    print(f"  {path.name}: raised {got.qualname}: {got.message[:300]!r}")
    candidates = [f"{got.qualname}: {got.message}", f"{got.name}: {got.message}"]
    if not any(rx.search(c, timeout=1) for c in candidates):
        return [f"{path}: $.regex: does not match the real message {candidates[0][:300]!r}"]
    return []


def main(argv: list[str]) -> int:
    run = "--no-run" not in argv
    paths = [pathlib.Path(a).resolve() for a in argv if not a.startswith("--")]
    problems = 0
    for p in paths:
        for line in check(p, run):
            print(line)
            problems += not line.split(": ", 1)[1].startswith("SKIP")
    print(f"{len(paths)} records checked, {problems} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
