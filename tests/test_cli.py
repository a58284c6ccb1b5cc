"""The errfix command: lookup (text and JSON), validate, lint and stats, with their exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

TRACEBACKS = Path(__file__).parent / "data" / "tracebacks"
INVALID = Path(__file__).parent / "data" / "records" / "invalid"


def errfix(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "errfix_jupyter", *args], input=stdin, capture_output=True, text=True)


def test_lookup_json_on_a_traceback_pasted_from_a_notebook():
    pasted = (TRACEBACKS / "ipython_sklearn_not_fitted_ansi.txt").read_text()
    done = errfix("lookup", "--json", "--top", "3", "-", stdin=pasted)
    assert done.returncode == 0, done.stderr
    payload = json.loads(done.stdout)
    assert set(payload) == {"matches", "elapsed_ms"} and payload["elapsed_ms"] >= 0
    best = payload["matches"][0]
    assert set(best) == {"id", "score", "match_kind", "origin", "groups", "reasons", "record"}
    assert best["id"] == "sklearn/estimator-not-fitted" and best["match_kind"] == "regex"
    assert best["record"]["id"] == best["id"] and "reproduce" in best["record"]
    assert len(payload["matches"]) <= 3


def test_lookup_prints_the_text_panel_in_chinese():
    done = errfix("lookup", "--lang", "zh", str(TRACEBACKS / "ipython_sklearn_not_fitted_ansi.txt"))
    assert done.returncode == 0 and "修复方法" in done.stdout


def test_lookup_of_a_missing_file_is_a_clear_error():
    done = errfix("lookup", "/no/such/file.txt")
    assert done.returncode == 2 and "cannot read /no/such/file.txt" in done.stderr


def test_validate_and_lint_are_clean_on_the_shipped_knowledge_base():
    for command in ("validate", "lint"):
        done = errfix(command)
        assert done.returncode == 0, done.stdout[-3000:]


def test_validate_reports_every_bad_file_and_exits_non_zero():
    done = errfix("validate", str(INVALID))
    assert done.returncode == 1
    assert f"{INVALID / 'confidence-is-a-string.json'}: $.confidence: " in done.stdout
    assert done.stdout.strip().endswith("problems")


def test_lint_without_the_allowlist_flags_the_seed():
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    done = errfix("lint", "--no-allowlist", str(seeds))
    assert done.returncode == 1 and "ZH001" in done.stdout


def test_stats_counts_records_per_domain_and_type():
    done = errfix("stats")
    assert done.returncode == 0
    assert "records per domain:" in done.stdout and "with a code fix" in done.stdout


def test_a_bad_top_argument_is_rejected():
    done = errfix("lookup", "--top", "0", "-", stdin="KeyError: 'a'")
    assert done.returncode == 2 and "must be 1 or more" in done.stderr


def test_the_console_script_is_installed():
    script = Path(sys.executable).with_name("errfix")
    assert script.exists()
    assert subprocess.run([str(script), "--version"], capture_output=True, text=True).stdout.startswith("errfix_jupyter ")
