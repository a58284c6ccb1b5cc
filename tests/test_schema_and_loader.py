"""Records load as they are; every bad file is reported as `file: $.json.path: message` and the rest still load."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from errfix_jupyter import loader, schema
from errfix_jupyter.record import from_dict

DATA = Path(__file__).parent / "data" / "records"
ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_f0ad45e7d4f7a515.txt"

# One violation per invalid fixture: the JSON path each must be reported at.
EXPECTED_PATH = {
    "bad-json.json": "$",
    "not-an-object.json": "$",
    "not-utf8.json": "$",
    "id-missing.json": "$",
    "id-not-a-string.json": "$.id",
    "id-bad-pattern.json": "$.id",
    "signature-empty.json": "$.signature",
    "regex-not-a-string.json": "$.regex",
    "domain-missing.json": "$",
    "root-cause-wrong-type.json": "$.root_cause",
    "workarounds-not-a-list.json": "$.workarounds",
    "workaround-without-action.json": "$.workarounds[0]",
    "success-rate-above-one.json": "$.workarounds[1].success_rate",
    "confidence-is-a-string.json": "$.confidence",
    "versions-not-a-list.json": "$.versions",
    "version-entry-without-version.json": "$.versions[0]",
    "dead-ends-item-is-a-string.json": "$.dead_ends[0]",
    "workarounds-zh-item-is-a-number.json": "$.workarounds_zh[0]",
    "evidence-count-negative.json": "$.evidence_count",
    "tags-not-strings.json": "$.tags[1]",
    "schema-version-unknown-major.json": "$.schema_version",
    "reproduce-without-code.json": "$.reproduce",
    "reproduce-requires-not-strings.json": "$.reproduce.requires.pandas",
    "generic-not-boolean.json": "$.generic",
    "transition-graph-not-list.json": "$.transition_graph.frequently_confused_with",
    "confidence-is-nan.json": "$",
    "fail-rate-is-infinity.json": "$",
    "integer-of-5000-digits.json": "$",
    "nested-900-deep.json": "$",
    "nested-5000-deep.json": "$",
    "id-with-trailing-newline.json": "$.id",
    "workaround-kind-unknown.json": "$.workarounds[0].kind",
    "sources-not-strings.json": "$.sources[1]",
}


def test_every_invalid_fixture_has_an_expected_path():
    assert sorted(p.name for p in (DATA / "invalid").iterdir()) == sorted(EXPECTED_PATH)


@pytest.mark.parametrize("name", sorted(EXPECTED_PATH))
def test_an_invalid_record_is_reported_with_its_file_and_json_path(name):
    path = DATA / "invalid" / name
    record, problems = loader.load_file(path)
    assert record is None
    assert len(problems) == 1, [str(p) for p in problems]
    assert problems[0].path == str(path)
    assert problems[0].json_path == EXPECTED_PATH[name]
    assert str(problems[0]).startswith(f"{path}: {EXPECTED_PATH[name]}: ")


@pytest.mark.parametrize("path", sorted((DATA / "valid").iterdir()), ids=lambda p: p.name)
def test_a_valid_record_loads(path):
    record, problems = loader.load_file(path)
    assert problems == []
    assert record is not None and record.signature


def test_the_seed_loads_as_it_is_and_validates_against_schema_1_0():
    data = json.loads(SEED.read_text(encoding="utf-8"))
    assert "schema_version" not in data
    assert schema.validate(data, str(SEED)) == []
    record, problems = loader.load_file(SEED)
    assert problems == [] and record.id == "tensorflow/keras-model-save-h5-weights"
    assert record.verification_tier == "ai_generated"


def test_the_seed_is_copied_byte_for_byte():
    shared = ROOT.parent / "shared" / "seeds" / SEED.name
    if not shared.exists():
        pytest.skip("../shared is not beside this checkout")
    assert SEED.read_bytes() == shared.read_bytes()


def test_good_records_still_load_beside_bad_ones(tmp_path):
    folder = tmp_path / "records"
    (folder / "mine").mkdir(parents=True)
    for source in list((DATA / "invalid").iterdir()) + [DATA / "valid" / "minimal.json"]:
        target = folder / "mine" / source.name
        target.write_bytes(source.read_bytes())
    (folder / "mine" / "huge.json").write_text('{"pad": "' + "x" * 1_100_000 + '"}')
    result = loader.load_dirs([folder])
    assert [r.id for r in result.records] == ["mine/minimal"]
    assert len(result.problems) == len(EXPECTED_PATH) + 1
    assert any("huge.json: $: file is" in str(p) for p in result.problems)


def test_duplicate_ids_across_folders_are_reported_and_the_first_wins(tmp_path):
    for name in ("a", "b"):
        (tmp_path / name / "mine").mkdir(parents=True)
        (tmp_path / name / "mine" / "minimal.json").write_bytes((DATA / "valid" / "minimal.json").read_bytes())
    result = loader.load_dirs([tmp_path / "a", tmp_path / "b"])
    assert len(result.records) == 1 and result.records[0].source.startswith(str(tmp_path / "a"))
    assert [p.json_path for p in result.problems] == ["$.id"]
    assert "duplicate id 'mine/minimal'" in result.problems[0].message


def test_an_id_that_disagrees_with_its_path_is_reported(tmp_path):
    (tmp_path / "other").mkdir()
    target = tmp_path / "other" / "name.json"
    target.write_bytes((DATA / "valid" / "minimal.json").read_bytes())
    record, problems = loader.load_file(target, tmp_path)
    assert record is not None
    assert [(p.code, p.json_path) for p in problems] == [("ID001", "$.id")]


def test_user_folders_come_from_the_option_the_environment_and_the_user_dir(tmp_path, monkeypatch):
    env_dir, user_home = tmp_path / "env", tmp_path / "xdg"
    (user_home / "errfix_jupyter" / "records").mkdir(parents=True)
    monkeypatch.setenv("ERRFIX_RECORDS", str(env_dir))
    monkeypatch.setenv("XDG_DATA_HOME", str(user_home))
    dirs = loader.user_dirs([tmp_path / "opt"])
    assert dirs == [tmp_path / "opt", env_dir, user_home / "errfix_jupyter" / "records"]


def test_a_relative_records_path_is_made_absolute_once(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ERRFIX_RECORDS", ".")
    assert loader.user_dirs()[0] == tmp_path


def test_the_same_folder_listed_twice_is_loaded_once(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    user = tmp_path / "xdg" / "errfix_jupyter" / "records"
    user.mkdir(parents=True)
    folders = loader.folders([user, str(user) + "/", tmp_path / "xdg" / "errfix_jupyter" / ".." / "errfix_jupyter" / "records"],
                             bundled=False, packs=False)
    assert [f.path for f in folders] == [user]


def test_a_missing_record_folder_is_a_problem_not_a_crash(tmp_path):
    result = loader.load_dirs([tmp_path / "nowhere"])
    assert result.records == [] and "record folder does not exist" in result.problems[0].message


def test_from_dict_tolerates_wrong_optional_types():
    record = from_dict({"id": "a/b", "signature": "KeyError: 'x'", "regex": "KeyError", "domain": "a",
                        "root_cause": "r", "workarounds": "not a list", "confidence": "high", "versions": [1, {"version": ""}]})
    assert record.workarounds == () and record.confidence is None and record.versions == ()


def test_the_shipped_knowledge_base_finds_records_and_seeds_in_the_source_tree():
    dirs = loader.bundled_dirs()
    assert [d.name for d in dirs] == ["records", "seeds"]


def test_a_regex_that_does_not_compile_is_reported_and_the_record_still_loads(tmp_path):
    data = json.loads((DATA / "valid" / "minimal.json").read_text())
    data["regex"] = "ValueError: (unclosed"
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "minimal.json").write_text(json.dumps(data))
    result = loader.load_dirs([tmp_path])
    assert [r.id for r in result.records] == ["mine/minimal"]
    assert [(p.json_path, p.code) for p in result.problems] == [("$.regex", "RX001")]
    assert "regex does not compile" in str(result.problems[0])
