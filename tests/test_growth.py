"""Knowledge that grows with its users: record packs, %errfix new, and local feedback that re-ranks fixes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from IPython.utils.capture import capture_output

from errfix_jupyter import feedback, loader, packs
from testing_shell import run as run_cells

ROOT = Path(__file__).resolve().parents[1]
PACK = ROOT / "examples" / "record-pack"


def run(ip, *cells):
    return run_cells(ip, *cells)[1]


def install_pack(site: Path, *, name: str = "acme", package: str = "acme_errfix_records") -> Path:
    """The example pack as pip would lay it out: its package and a dist-info that declares the entry point."""
    shutil.copytree(PACK / package, site / package)
    info = site / "acme_errfix_records-0.1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: acme-errfix-records\nVersion: 0.1.0\n")
    (info / "entry_points.txt").write_text(f"[errfix_jupyter.records]\n{name} = {package}.records\n")
    return site


def child(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=180,
                          env={**os.environ, **env})


# ---------------------------------------------------------------- packs


def test_a_packs_record_is_found_through_the_entry_point(tmp_path):
    site = install_pack(tmp_path / "site")
    done = child("from errfix_jupyter import lookup_text\n"
                 "m = lookup_text('RuntimeError: batch b-902 has 11 unsettled invoices')[0]\n"
                 "print(m.record.id, m.record.origin, m.groups['batch'], m.groups['count'])",
                 PYTHONPATH=str(site), XDG_CACHE_HOME=str(tmp_path / "cache"))
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["acme/unsettled-invoices", "pack:acme", "b-902", "11"]


def test_a_pack_is_located_without_importing_it(tmp_path, monkeypatch):
    site = install_pack(tmp_path / "site")
    (site / "acme_errfix_records" / "__init__.py").write_text("raise SystemExit('a pack must not be imported')\n")
    monkeypatch.syspath_prepend(str(site))
    assert packs.package_folder("acme_errfix_records.records") == site / "acme_errfix_records" / "records"


def test_a_pack_id_that_collides_with_a_shipped_id_is_reported(tmp_path):
    site = install_pack(tmp_path / "site")
    shipped = json.loads((ROOT / "records" / "pandas" / "column-keyerror.json").read_text())
    target = site / "acme_errfix_records" / "records" / "pandas" / "column-keyerror.json"
    target.parent.mkdir(parents=True)
    target.write_text(json.dumps({**shipped, "root_cause": "the pack's version"}))
    done = child("from errfix_jupyter import knowledge\n"
                 "kb = knowledge.knowledge_base()\n"
                 "print(kb.get('pandas/column-keyerror').root_cause[:20])\n"
                 "print([str(p) for p in kb.collisions()])",
                 PYTHONPATH=str(site), XDG_CACHE_HOME=str(tmp_path / "cache"))
    assert done.returncode == 0, done.stderr[-2000:]
    first, collisions = done.stdout.splitlines()
    assert first != "the pack's version", "a pack adds records, it never overrides a shipped one"
    assert "column-keyerror.json: $.id: id 'pandas/column-keyerror' is already a record of shipped" in collisions


def test_errfix_stats_counts_records_per_pack(tmp_path):
    site = install_pack(tmp_path / "site")
    done = subprocess.run([sys.executable, "-m", "errfix_jupyter", "stats"], capture_output=True, text=True, timeout=180,
                          env={**os.environ, "PYTHONPATH": str(site)})
    assert done.returncode == 0, done.stderr[-1000:]
    origins = done.stdout.split("records per origin:")[1].split("\n\n")[0]
    assert "pack:acme" in origins and " 2" in origins.split("pack:acme")[1].splitlines()[0]


def test_the_example_packs_records_are_lint_clean():
    from errfix_jupyter import lint

    result = loader.load_dirs([PACK / "acme_errfix_records" / "records"])
    assert result.problems == [] and len(result.records) == 2
    assert [str(p) for p in lint.lint(result.records)] == []


# ---------------------------------------------------------------- %errfix new


def test_errfix_new_writes_a_record_that_validates_and_a_new_process_finds_first(errfix_shell, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    run(errfix_shell, "raise RuntimeError('batch b-771 has 3 unsettled invoices')")
    with capture_output() as cap:
        errfix_shell.run_line_magic("errfix", "new acme/unsettled-invoices")
    path = tmp_path / "data" / "errfix_jupyter" / "records" / "acme" / "unsettled-invoices.json"
    assert f"errfix: wrote {path}" in cap.stdout
    data = json.loads(path.read_text())
    assert data["signature"] == "RuntimeError: batch b-771 has 3 unsettled invoices"
    assert data["verification_tier"] == "user"
    assert data["reproduce"]["code"] == "raise RuntimeError('batch b-771 has 3 unsettled invoices')"
    validate = subprocess.run([sys.executable, "-m", "errfix_jupyter", "validate", str(path.parent.parent)],
                              capture_output=True, text=True, timeout=120)
    assert validate.returncode == 0, validate.stdout
    found = child("from errfix_jupyter import lookup_text\n"
                  "print(lookup_text('RuntimeError: batch b-902 has 11 unsettled invoices')[0].record.id)",
                  XDG_DATA_HOME=str(tmp_path / "data"), XDG_CACHE_HOME=str(tmp_path / "cache"))
    assert found.stdout.strip() == "acme/unsettled-invoices", found.stderr[-1500:]


def test_the_new_record_is_found_in_the_same_session_without_a_restart(errfix_shell, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    run(errfix_shell, "raise RuntimeError('batch b-771 has 3 unsettled invoices')")
    with capture_output():
        errfix_shell.run_line_magic("errfix", "new acme/unsettled-invoices")
    run(errfix_shell, "raise RuntimeError('batch b-902 has 11 unsettled invoices')")
    shown = errfix_shell._errfix_jupyter_state.handler.last
    assert shown.matches and shown.matches[0].record.id == "acme/unsettled-invoices"


def test_lint_lists_the_fields_of_a_new_record_still_to_write(tmp_path):
    path = tmp_path / "acme" / "x.json"
    subprocess.run([sys.executable, "-m", "errfix_jupyter", "new", "acme/x", "--folder", str(tmp_path)],
                   input="RuntimeError: batch b-771 has 3 unsettled invoices", text=True, check=True, capture_output=True)
    done = subprocess.run([sys.executable, "-m", "errfix_jupyter", "lint", str(tmp_path)], capture_output=True, text=True)
    assert done.returncode == 1
    for field in ("$.summary", "$.root_cause", "$.summary_zh", "$.root_cause_zh", "$.workarounds_zh[0]"):
        assert f"{path}: {field}: TODO001" in done.stdout
    assert "fields still to write" in done.stdout


def test_the_generalised_regex_matches_errors_of_the_same_shape_only():
    import regex

    from errfix_jupyter import errorinfo, lint, newrecord
    from errfix_jupyter.record import from_dict

    error = errorinfo.from_text("RuntimeError: batch b-771 has 3 unsettled invoices")
    data = newrecord.build(error, "", "acme/unsettled")
    assert regex.search(data["regex"], "RuntimeError: batch b-902 has 11 unsettled invoices")
    assert not regex.search(data["regex"], "RuntimeError: batch b-902 has 11 settled invoices")
    codes = {p.code for p in lint.lint_record(from_dict(data))} - {"TODO001"}
    assert codes == set(), codes


# ---------------------------------------------------------------- feedback


def test_errfix_bad_1_makes_another_fix_first_in_the_next_session(tmp_path):
    code = ("from IPython.core.interactiveshell import InteractiveShell\n"
            "from IPython.utils.capture import capture_output\n"
            "ip = InteractiveShell.instance()\n"
            "ip.run_line_magic('load_ext', 'errfix_jupyter')\n"
            "with capture_output():\n"
            "    ip.run_cell(\"import pandas as pd\\npd.DataFrame({'a': [1]})['price']\", store_history=True)\n"
            "model = ip._errfix_jupyter_state.handler.last.models['en']\n"
            "print(model.fixes[0].key)\n"
            "import sys\n"
            "if sys.argv[1] == 'rate':\n"
            "    ip.run_line_magic('errfix', 'bad 1')\n")
    env = {"XDG_DATA_HOME": str(tmp_path / "data"), "IPYTHONDIR": str(tmp_path / "ipython")}
    first = subprocess.run([sys.executable, "-c", code, "rate"], capture_output=True, text=True, timeout=180, env={**os.environ, **env})
    second = subprocess.run([sys.executable, "-c", code, "look"], capture_output=True, text=True, timeout=180, env={**os.environ, **env})
    assert first.returncode == 0 and second.returncode == 0, first.stderr[-1500:] + second.stderr[-1500:]
    before, after = first.stdout.splitlines()[0], second.stdout.splitlines()[0]
    assert "noted that fix 1" in first.stdout
    assert before != after, "the fix marked bad is no longer first"
    store = feedback.load(tmp_path / "data" / "errfix_jupyter" / "feedback.json")
    assert store.outcomes() == {before: "bad"}


def test_a_fix_marked_good_rises_and_says_it_worked_for_you(errfix_shell, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    cell = "import pandas as pd\npd.DataFrame({'a': [1]})['price']"
    run(errfix_shell, cell)
    third = errfix_shell._errfix_jupyter_state.handler.last.models["en"].fixes[2]
    with capture_output():
        errfix_shell.run_line_magic("errfix", "good 3")
    run(errfix_shell, cell)
    top = errfix_shell._errfix_jupyter_state.handler.last.models["en"].fixes[0]
    assert top.key == third.key and top.outcome == "good"
    from errfix_jupyter import render_text

    assert "worked for you" in render_text.render_text(errfix_shell._errfix_jupyter_state.handler.last.models["en"])


def test_errfix_feedback_lists_and_clears_the_outcomes(errfix_shell, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    run(errfix_shell, "import pandas as pd\npd.DataFrame({'a': [1]})['price']")
    with capture_output() as cap:
        errfix_shell.run_line_magic("errfix", "good 1")
        errfix_shell.run_line_magic("errfix", "feedback")
        errfix_shell.run_line_magic("errfix", "feedback clear")
        errfix_shell.run_line_magic("errfix", "feedback")
    assert "fix 1: 1 good, 0 bad" in cap.stdout
    assert "forgot the outcomes of 1 fixes" in cap.stdout and "no feedback yet" in cap.stdout


@pytest.mark.parametrize("content", [b"{not json", b"\xff\xfe\x00", b'{"format": 99, "outcomes": {}}', b"[1, 2]"])
def test_feedback_files_that_are_corrupt_are_reported_and_ignored(tmp_path, content):
    path = tmp_path / "feedback.json"
    path.write_bytes(content)
    store = feedback.load(path)
    assert store.entries == {} and store.problem.startswith(f"{path}: feedback file ignored")
    store.record("pandas/column-keyerror#0", "good")
    assert feedback.load(path).outcomes() == {"pandas/column-keyerror#0": "good"}
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("feedback.json.corrupt-")], "the bad file is kept aside"


def test_an_unreadable_feedback_file_is_reported_and_ignored(tmp_path):
    path = tmp_path / "feedback.json"
    path.mkdir()  # a folder where the file should be: reading it fails even as root
    store = feedback.load(path)
    assert store.entries == {} and "feedback file ignored" in store.problem


def test_errfix_stats_feedback_summarises_the_outcomes(tmp_path):
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data")}
    store = feedback.load(tmp_path / "data" / "errfix_jupyter" / "feedback.json")
    store.record("pandas/column-keyerror#0", "good")
    store.record("pandas/column-keyerror#1", "bad")
    done = subprocess.run([sys.executable, "-m", "errfix_jupyter", "stats", "--feedback"], capture_output=True, text=True, env=env)
    assert "2 fixes with outcomes, 1 records" in done.stdout
    assert "pandas/column-keyerror: fix 1: 1 good, 0 bad; fix 2: 0 good, 1 bad" in done.stdout


def test_packs_are_looked_for_again_only_when_the_python_path_changes(tmp_path, monkeypatch):
    from importlib import metadata

    calls = []
    real = metadata.entry_points
    monkeypatch.setattr(metadata, "entry_points", lambda **kw: calls.append(1) or real(**kw))
    packs.pack_dirs()
    packs.pack_dirs()
    assert len(calls) <= 1, "the second error of a session reads no distribution metadata"
    site = install_pack(tmp_path / "site")
    monkeypatch.syspath_prepend(str(site))
    assert ("acme", site / "acme_errfix_records" / "records") in packs.pack_dirs(), "a new path entry is looked at"
