"""Version migrations as data: found through the shape of the message, checked against the installed version (pure)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from errfix_jupyter import errorinfo, lookup, migrations, render_text, view
from errfix_jupyter.knowledge import KnowledgeBase
from errfix_jupyter.matcher import match

TABLE = {
    "library": "pandas", "module": "pandas", "domain": "pandas", "doc_url": "https://pandas.pydata.org/docs/whatsnew/",
    "entries": [
        {"id": "pandas/DataFrame.iteritems", "kind": "attribute", "owner": ["DataFrame", "Series"], "name": "iteritems",
         "deprecated": "1.5.0", "removed": "2.0.0", "replacement": "items()", "action": "Use `.items()`.",
         "action_zh": "改用 `.items()`。", "code": "for name, col in df.items():\n    pass", "sources": ["https://x.org/a"]},
        {"id": "pandas/read_csv.error_bad_lines", "kind": "keyword", "owner": "read_csv", "name": "error_bad_lines",
         "removed": "2.0.0", "replacement": "on_bad_lines='skip'", "action": "Use `on_bad_lines='skip'`.",
         "sources": ["https://x.org/b"]},
        {"id": "pandas/pandas.util.testing", "kind": "module", "owner": "", "name": "pandas.util.testing", "removed": "2.0.0",
         "replacement": "pandas.testing", "action": "Import from `pandas.testing`.", "sources": ["https://x.org/c"]},
        {"id": "pandas/datetime", "kind": "import", "owner": "pandas", "name": "datetime", "removed": "2.0.0",
         "replacement": "datetime", "action": "Import datetime from the standard library.", "sources": ["https://x.org/d"]},
    ],
}


@pytest.fixture
def index(tmp_path) -> migrations.MigrationIndex:
    (tmp_path / "pandas.json").write_text(json.dumps(TABLE))
    return migrations.load_tables([tmp_path])


@pytest.mark.parametrize("type_name, message, entry", [
    ("AttributeError", "'DataFrame' object has no attribute 'iteritems'", "pandas/DataFrame.iteritems"),
    ("AttributeError", "'Series' object has no attribute 'iteritems'. Did you mean: 'items'?", "pandas/DataFrame.iteritems"),
    ("TypeError", "read_csv() got an unexpected keyword argument 'error_bad_lines'", "pandas/read_csv.error_bad_lines"),
    ("ModuleNotFoundError", "No module named 'pandas.util.testing'", "pandas/pandas.util.testing"),
    ("ModuleNotFoundError", "No module named 'pandas.util.testing.extra'", "pandas/pandas.util.testing"),
    ("ImportError", "cannot import name 'datetime' from 'pandas' (/x/pandas/__init__.py)", "pandas/datetime"),
    ("AttributeError", "module 'pandas' has no attribute 'datetime'", "pandas/datetime"),
])
def test_an_entry_is_found_through_the_shape_of_its_message(index, type_name, message, entry):
    assert [h.entry.id for h in index.lookup((type_name,), message)] == [entry]


def test_an_unrelated_message_of_the_same_shape_finds_nothing(index):
    assert index.lookup(("AttributeError",), "'DataFrame' object has no attribute 'revenue'") == []
    assert index.lookup(("KeyError",), "'DataFrame' object has no attribute 'iteritems'") == [], "the type must fit the shape"


def test_the_panel_says_what_was_removed_when_and_what_you_have(index):
    error = errorinfo.from_text("AttributeError: 'DataFrame' object has no attribute 'iteritems'")
    found = match(error, KnowledgeBase([]), installed={"pandas": "3.1.1"}, migrations=index)
    assert found[0].match_kind == "migration" and found[0].score >= 0.9
    panel = view.build(found, error, "en")
    assert panel.versions == ("you have pandas 3.1.1; `DataFrame.iteritems` was removed in 2.0.0: use `items()`",)
    assert panel.fixes[0].code.startswith("for name, col in df.items():")
    zh = view.build(found, error, "zh")
    assert zh.versions == ("你装的是 pandas 3.1.1，`DataFrame.iteritems` 在 2.0.0 中已移除：请改用 `items()`",)


def test_an_older_installed_version_makes_the_entry_unlikely(index):
    error = errorinfo.from_text("AttributeError: 'DataFrame' object has no attribute 'iteritems'")
    newer = match(error, KnowledgeBase([]), installed={"pandas": "3.1.1"}, migrations=index)[0].score
    older = match(error, KnowledgeBase([]), installed={"pandas": "1.5.3"}, migrations=index)[0].score
    assert older < newer, "on 1.5 the name still exists, so this is probably another error"


def test_a_removed_name_called_from_another_library_says_upgrade_that_library(index):
    text = ("Traceback (most recent call last):\n"
            '  File "/home/u/nb.py", line 3, in <module>\n    import skimpy\n'
            '  File "/venv/lib/python3.11/site-packages/skimpy/core.py", line 9, in summarise\n    for c, s in df.iteritems():\n'
            "AttributeError: 'DataFrame' object has no attribute 'iteritems'\n")
    found = match(errorinfo.from_text(text), KnowledgeBase([]), installed={"pandas": "3.1.1"}, migrations=index)
    first = found[0].record.workarounds[0]
    assert first.code == "%pip install -U skimpy" and first.action.startswith("Upgrade skimpy")


def test_a_malformed_entry_is_reported_and_the_rest_of_the_table_loads(tmp_path):
    bad = {**TABLE, "entries": [*TABLE["entries"], {"id": "pandas/x", "kind": "nonsense", "name": "x"},
                                {"id": "pandas/y", "kind": "message", "name": "y", "removed": "1", "action": "a",
                                 "message_regex": "a{4294967294}"}]}
    (tmp_path / "pandas.json").write_text(json.dumps(bad))
    index = migrations.load_tables([tmp_path])
    assert len(index) == len(TABLE["entries"])
    assert {p.json_path for p in index.problems} >= {"$.entries[4].kind", "$.entries[5].message_regex"}


def test_an_entry_that_points_to_a_record_gives_way_to_it():
    tables = lookup.migration_index()
    pointed = [e for t in tables.tables for e in t.entries if e.record]
    assert pointed, "some entries name the full record that covers them"


def test_the_shipped_tables_cover_every_library_of_the_issue():
    libraries = {t.library for t in lookup.migration_index().tables}
    assert {"pandas", "numpy", "scikit-learn", "scipy", "matplotlib", "seaborn", "keras", "tensorflow", "torch",
            "python"} <= libraries
    assert len(lookup.migration_index()) >= 400


def test_a_migration_panel_renders_in_the_terminal_without_example_messages():
    error = errorinfo.from_text("AttributeError: module 'numpy' has no attribute 'float'")
    panel = view.build(lookup.lookup_error(error), error, "en")
    text = render_text.render_text(panel)
    assert "numpy" in text and "removed" in text


def test_table_files_are_valid_json_with_the_documented_fields():
    for path in sorted((Path(__file__).resolve().parents[1] / "migrations").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert {"library", "module", "domain", "entries"} <= set(data), path.name
