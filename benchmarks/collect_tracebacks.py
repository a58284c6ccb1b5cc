"""Run every record's reproducer and store the real traceback it printed, for the lookup benchmarks.

Usage: .venv/bin/python benchmarks/collect_tracebacks.py [--missing]   (writes benchmarks/tracebacks.jsonl)

Each row keeps a hash of the reproducer it came from; --missing reruns only records whose reproducer is new or changed
(a full run takes about a quarter of an hour on 2 cores).
"""

from __future__ import annotations

import hashlib
import json
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "dev")]
import record_runner as reproduce  # noqa: E402
from errfix_jupyter import loader  # noqa: E402


def one(record):
    if reproduce.missing_requirements(dict(record.reproduce.get("requires") or {})):
        return None
    try:
        got = reproduce.run(record.reproduce["code"], timeout=180)
    except Exception:  # noqa: BLE001
        return None
    return {"id": record.id, "code_sha": code_sha(record), "traceback": got.traceback} if got.raised else None


def code_sha(record) -> str:
    return hashlib.sha256(record.reproduce["code"].encode("utf-8")).hexdigest()[:16]


def main() -> None:
    records = [r for r in loader.load_dirs([ROOT / "records"]).records if r.reproduce]
    path = ROOT / "benchmarks" / "tracebacks.jsonl"
    kept: dict[str, dict] = {}
    if "--missing" in sys.argv and path.exists():
        old = {row["id"]: row for row in map(json.loads, path.read_text(encoding="utf-8").splitlines())}
        kept = {r.id: old[r.id] for r in records if r.id in old and old[r.id].get("code_sha") == code_sha(r)}
    with ThreadPoolExecutor(2) as pool:
        fresh = {row["id"]: row for row in pool.map(one, [r for r in records if r.id not in kept]) if row}
    rows = [kept.get(r.id) or fresh[r.id] for r in records if r.id in kept or r.id in fresh]
    with open(path, "w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} tracebacks written")


if __name__ == "__main__":
    main()
