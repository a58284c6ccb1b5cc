"""The built wheel holds every record, every seed and the schema, and its loader finds them."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_the_wheel_contains_every_record_seed_and_the_schema(tmp_path):
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(tmp_path), str(ROOT)],
                   check=True, capture_output=True)
    wheel = next(tmp_path.glob("errfix_jupyter-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    records = {f"errfix_jupyter/_records/{p.relative_to(ROOT / 'records').as_posix()}" for p in (ROOT / "records").rglob("*.json")}
    seeds = {f"errfix_jupyter/_seeds/{p.name}" for p in (ROOT / "seeds").iterdir()}
    assert records and records <= names, sorted(records - names)[:5]
    assert seeds <= names
    tables = {f"errfix_jupyter/_migrations/{p.name}" for p in (ROOT / "migrations").glob("*.json")}
    assert tables and tables <= names
    assert {"errfix_jupyter/schemas/record.v1.schema.json", "errfix_jupyter/lint_allowlist.json",
            "errfix_jupyter/py.typed", "errfix_jupyter/static/panel.js", "errfix_jupyter/static/panel.css",
            "errfix_jupyter/data/pip_names.json"} <= names
    assert not any(n.startswith("errfix_jupyter/reproduce") for n in names), "the reproducer runner is a dev tool"
    assert any(n.endswith("entry_points.txt") for n in names)


@pytest.mark.slow
def test_an_installed_wheel_loads_its_bundled_records(tmp_path):
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(tmp_path / "dist"), str(ROOT)],
                   check=True, capture_output=True)
    wheel = next((tmp_path / "dist").glob("errfix_jupyter-*.whl"))
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    code = ("import errfix_jupyter.loader as l\nd = l.bundled_dirs()\n"
            "print([p.name for p in d], len(l.load_dirs(d).records))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"}, cwd=tmp_path).stdout
    names, count = out.strip().split("] ")
    assert names == "['_records', '_seeds'"
    assert int(count) == len(list((ROOT / "records").rglob("*.json"))) + len(list((ROOT / "seeds").iterdir()))
