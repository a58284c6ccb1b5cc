"""Run every record's reproducer and store the real traceback it printed, for the lookup benchmarks.

Usage: .venv/bin/python benchmarks/collect_tracebacks.py   (writes benchmarks/tracebacks.jsonl; a few minutes)
"""

from __future__ import annotations

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
    return {"id": record.id, "traceback": got.traceback} if got.raised else None


def main() -> None:
    records = [r for r in loader.load_dirs([ROOT / "records"]).records if r.reproduce]
    with ThreadPoolExecutor(2) as pool:
        rows = [row for row in pool.map(one, records) if row]
    with open(ROOT / "benchmarks" / "tracebacks.jsonl", "w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} tracebacks written")


if __name__ == "__main__":
    main()
