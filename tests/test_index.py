"""The knowledge index: SQLite per folder, re-read per changed file, never trusted blindly, usable without a home (pure)."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from errfix_jupyter import index, knowledge
from errfix_jupyter.index import FolderIndex
from errfix_jupyter.loader import Folder

DATA = Path(__file__).parent / "data" / "records"
MINIMAL = json.loads((DATA / "valid" / "minimal.json").read_text())
ROOT = Path(__file__).resolve().parents[1]


def write(folder: Path, slug: str, **changes) -> Path:
    data = {**MINIMAL, "id": f"mine/{slug}", **changes}
    path = folder / "mine" / f"{slug}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data))
    return path


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "records"
    for slug in ("a", "b", "c"):
        write(root, slug, root_cause=f"cause {slug}")
    return root


@pytest.fixture
def cache(tmp_path):
    path = tmp_path / "cache"
    path.mkdir(mode=0o700)
    return path


def opened(folder: Path, cache: Path) -> FolderIndex:
    found = FolderIndex.open(Folder(folder, "user"), cache)
    found.refresh()
    return found


def test_the_index_holds_no_pickle_and_no_code():
    for path in (ROOT / "errfix_jupyter").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "import pickle" not in text and "pickle." not in text, path


def test_the_index_is_rebuilt_for_exactly_the_changed_file(folder, cache):
    first = opened(folder, cache)
    assert first.count() == 3
    write(folder, "b", root_cause="changed")
    stats = first.refresh()
    assert (stats.files, stats.read, stats.removed) == (3, 1, 0)
    summary = first.get("mine/b")
    assert first.load(summary).root_cause == "changed"


def test_an_index_opened_again_reads_nothing_when_nothing_changed(folder, cache):
    opened(folder, cache).close()
    again = FolderIndex.open(Folder(folder, "user"), cache)
    assert again.count() == 3 and again.refresh().read == 0


def test_a_same_size_same_mtime_edit_is_seen(folder, cache):
    found = opened(folder, cache)
    path = folder / "mine" / "a.json"
    before = path.stat()
    text = path.read_text().replace("cause a", "cause z")
    assert len(text) == len(path.read_text())
    path.write_text(text)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # as cp -p, rsync -a and tar keep it
    assert path.stat().st_size == before.st_size and path.stat().st_mtime_ns == before.st_mtime_ns
    assert found.refresh().read == 1
    assert found.load(found.get("mine/a")).root_cause == "cause z"


def test_a_touch_that_changes_nothing_costs_a_hash_not_a_parse(folder, cache):
    found = opened(folder, cache)
    os.utime(folder / "mine" / "a.json", ns=(1, 2))
    assert found.refresh().read == 0


def test_an_index_of_another_format_version_is_rebuilt_never_trusted(folder, cache):
    opened(folder, cache).close()
    location = index.index_path(folder, cache)
    with sqlite3.connect(location) as db:
        db.execute("UPDATE meta SET value = '0' WHERE key = 'format'")
        db.execute("UPDATE records SET summary = '{\"id\": \"evil\"}'")
    again = FolderIndex.open(Folder(folder, "user"), cache)
    assert again.count() == 0, "nothing of the old index is read"
    again.refresh()
    assert sorted(again.ids()) == ["mine/a", "mine/b", "mine/c"]


def test_a_file_that_is_not_a_database_is_replaced(folder, cache):
    index.index_path(folder, cache).write_bytes(b"not a database" * 100)
    again = opened(folder, cache)
    assert again.location == str(index.index_path(folder, cache)) and again.count() == 3


def test_an_index_file_planted_by_someone_else_is_not_read(folder, cache):
    opened(folder, cache).close()
    location = index.index_path(folder, cache)
    location.chmod(0o666)  # writable by others: anyone could have put anything in it
    again = FolderIndex.open(Folder(folder, "user"), cache)
    assert again.location == ":memory:"


def test_a_cache_folder_writable_by_others_is_not_used(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    assert not index.safe_dir(shared)
    mine = tmp_path / "mine"
    old = os.umask(0)
    try:
        assert index.safe_dir(mine)
    finally:
        os.umask(old)
    assert stat.S_IMODE(mine.stat().st_mode) == 0o700, "created private even with umask 000"


def test_a_directory_where_the_index_file_should_be_falls_back_to_memory_and_leaves_no_temp_file(folder, cache):
    index.index_path(folder, cache).mkdir()
    found = opened(folder, cache)
    assert found.location == ":memory:" and found.count() == 3
    assert [p.name for p in cache.iterdir()] == [index.index_path(folder, cache).name]


def test_a_file_that_fails_validation_is_reported_and_the_rest_stays_usable(folder, cache):
    (folder / "mine" / "broken.json").write_text('{"id": "mine/broken", "signature": 3}')
    found = opened(folder, cache)
    assert found.count() == 3
    problems = [str(p) for p in found.problems()]
    assert any("broken.json: $.signature:" in p for p in problems) or any("broken.json: $:" in p for p in problems)
    (folder / "mine" / "broken.json").unlink()
    found.refresh()
    assert found.problems() == []


def test_a_removed_file_leaves_the_index(folder, cache):
    found = opened(folder, cache)
    (folder / "mine" / "c.json").unlink()
    assert found.refresh().removed == 1 and found.get("mine/c") is None


def test_a_shown_record_whose_file_changed_since_indexing_is_never_shown_stale(folder, cache):
    found = opened(folder, cache)
    summary = found.get("mine/a")
    write(folder, "a", root_cause="newer")
    assert found.load(summary) is None, "the stale summary is refused and the index brought up to date"
    assert found.load(found.get("mine/a")).root_cause == "newer"


def test_candidates_need_every_word_the_regex_requires(cache, tmp_path):
    root = tmp_path / "words"
    write(root, "x", signature="ValueError: invoice total is negative", regex="ValueError: invoice total is negative")
    found = opened(root, cache)
    assert [s.id for s in found.regex_candidates(["ValueError"], {"invoice", "total", "negative"})] == ["mine/x"]
    assert found.regex_candidates(["ValueError"], {"invoice"}) == [], "a record whose required word is absent is not tried"


def test_an_id_an_earlier_folder_has_is_reported_and_not_used(tmp_path, cache):
    first, second = tmp_path / "first", tmp_path / "second"
    write(first, "same", root_cause="first one")
    write(second, "same", root_cause="second one")
    kb = knowledge.KnowledgeBase(indexes=[opened(first, cache), opened(second, cache)])
    assert kb.get("mine/same").root_cause == "first one"
    assert [p.message for p in kb.collisions()][0].startswith("id 'mine/same' is already a record of user")


def test_a_large_folder_answers_from_its_index_and_refreshes_in_the_background(folder, cache, monkeypatch):
    opened(folder, cache).close()
    monkeypatch.setattr(knowledge, "SYNC_FILES", 1)
    kb = knowledge.open_knowledge_base([Folder(folder, "user")])
    write(folder, "d")
    kb._checked = 0
    kb.refresh()
    if kb._background is not None:
        kb._background.join(10)
    assert kb.summary("mine/d") is not None, "the background refresh wrote the new file into the index"
    knowledge.forget_open()


def _readonly_install() -> Path:
    """A copy of the package as a wheel lays it out, in a folder that anyone may read and nobody may write."""
    import shutil
    import tempfile

    install = Path(tempfile.mkdtemp(prefix="errfix-ro-", dir="/tmp"))
    shutil.copytree(ROOT / "errfix_jupyter", install / "errfix_jupyter", ignore=shutil.ignore_patterns("__pycache__"))
    for inside, beside in (("_records", "records"), ("_seeds", "seeds"), ("_migrations", "migrations")):
        shutil.copytree(ROOT / beside, install / "errfix_jupyter" / inside)
    for path in [install, *install.rglob("*")]:
        path.chmod(0o555 if path.is_dir() else 0o444)
    return install


def test_a_read_only_install_with_no_home_and_no_passwd_entry_still_gives_panels(tmp_path):
    """As under docker --user 12345: no HOME, no passwd entry, no writable cache; the shipped records still answer.

    The child sees what such a user sees: ``HOME`` unset, ``pwd`` knowing no entry for it (so ``~`` cannot be
    expanded), and a cache location that cannot be created. The install folder is left exactly as it was.
    """
    import shutil

    install = _readonly_install()
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would go")
    code = (
        "import os, pwd, sys\n"
        "def no_entry(*args):\n    raise KeyError('getpwuid(): uid not found: 12345')\n"
        "pwd.getpwuid = pwd.getpwnam = no_entry\n"
        f"sys.path.insert(0, {str(install)!r})\n"
        "import errfix_jupyter\n"
        "from errfix_jupyter import knowledge, loader, lookup_text\n"
        "assert errfix_jupyter.__file__.startswith(sys.path[0]), errfix_jupyter.__file__\n"
        "matches = lookup_text(\"KeyError: 'price'\")\n"
        "print(knowledge.cache_dir(), loader.user_data_dir(), len(matches), matches[0].record.id)\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "HOME", "IPYTHONDIR", "JUPYTER"))}
    env["XDG_CACHE_HOME"] = str(blocker / "cache")
    before = sorted(str(p) for p in install.rglob("*"))
    try:
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=180, cwd="/")
        after = sorted(str(p) for p in install.rglob("*"))
    finally:
        for path in [install, *install.rglob("*")]:
            path.chmod(0o755)
        shutil.rmtree(install)
    assert done.returncode == 0, done.stderr[-2000:]
    cache_dir, user_dir, count, first = done.stdout.split()
    assert (cache_dir, user_dir) == ("None", "None"), "no home and no cache: the index lives in memory"
    assert int(count) >= 1 and "keyerror" in first
    assert after == before, "nothing was written into the install"


def test_a_long_first_build_shows_progress_under_the_traceback(errfix_shell, tmp_path):
    from testing_shell import run

    folder = tmp_path / "many"
    for i in range(2500):
        write(folder, f"r{i}", regex=f"ValueError: invoice batch q{i}x is negative", signature=f"ValueError: invoice batch q{i}x is negative")
    errfix_shell.run_line_magic("config", f"ErrfixMagics.records_path = [{str(folder)!r}]")
    _, cap = run(errfix_shell, "raise ValueError('invoice batch q7x is negative')")
    assert "ValueError" in cap.stdout, "the traceback comes first, as always"
    assert "errfix: indexing record files 2,500/2,500" in cap.stderr
    assert errfix_shell._errfix_jupyter_state.handler.last.matches[0].record.id == "mine/r7"


# ---------------------------------------------------------------- several processes, one cache

_BUILD_CHILD = """
import sys, time
from pathlib import Path
from errfix_jupyter.index import FolderIndex
from errfix_jupyter.loader import Folder
folder, cache, start = Path(sys.argv[1]), Path(sys.argv[2]), float(sys.argv[3])
while time.time() < start:
    time.sleep(0.001)
found = FolderIndex.open(Folder(folder, "user"), cache)
found.refresh()
print(found.location != ":memory:", found.count())
"""


def test_two_kernels_that_build_a_new_index_at_once_both_answer_from_all_of_it(tmp_path, cache):
    import time

    folder = tmp_path / "many"
    for i in range(400):
        write(folder, f"r{i}", regex=f"ValueError: invoice batch q{i}x is negative")
    start = f"{time.time() + 2:.3f}"
    children = [subprocess.Popen([sys.executable, "-c", _BUILD_CHILD, str(folder), str(cache), start],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [child.communicate(timeout=180) for child in children]
    assert all(child.returncode == 0 for child in children), [err[-2000:] for _, err in results]
    assert [out.split()[-1] for out, _ in results] == ["400", "400"], results
    again = FolderIndex.open(Folder(folder, "user"), cache)
    assert again.count() == 400 and again.file_count() == 400, "nothing was dropped or indexed twice"


def test_a_busy_index_sits_out_one_query_and_stays_in_the_knowledge_base(folder, cache, monkeypatch):
    found = opened(folder, cache)
    kb = knowledge.KnowledgeBase(indexes=[found])
    calls = []

    def locked_once(self, *args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise sqlite3.OperationalError("database is locked")
        return original(self, *args, **kwargs)

    original = FolderIndex.regex_candidates
    monkeypatch.setattr(FolderIndex, "regex_candidates", locked_once)
    assert kb.regex_candidates(["ValueError"], {"x"}) == []
    assert kb.indexes == [found], "a lock held by another process is no reason to drop the folder"
    assert [n for n in kb.notes if "busy" in n]
    assert kb.get("mine/a") is not None


def test_a_knowledge_base_is_opened_again_when_the_cache_folder_changes(tmp_path, monkeypatch):
    first = knowledge.knowledge_base()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "elsewhere"))
    try:
        second = knowledge.knowledge_base()
        assert second is not first
        assert all(str(tmp_path / "elsewhere") in i.location for i in second.indexes if i.location != ":memory:")
    finally:
        knowledge.forget_open()


def test_a_record_another_connection_indexed_is_a_candidate_at_once(folder, cache):
    """A large folder is refreshed by a background thread on its own connection: the main index sees its records."""
    main = opened(folder, cache)
    words = {"invoice", "total", "negative"}
    assert main.regex_candidates(["ValueError"], words) == []
    write(folder, "x", signature="ValueError: invoice total is negative", regex="ValueError: invoice total is negative")
    other = FolderIndex.open(Folder(folder, "user"), cache)
    assert other.refresh().read == 1
    assert [s.id for s in main.regex_candidates(["ValueError"], words)] == ["mine/x"]


def test_after_a_large_build_each_record_is_keyed_on_its_rarest_word(tmp_path, cache):
    root = tmp_path / "many"
    for i in range(60):
        write(root, f"r{i}", signature=f"ValueError: invoice total q{i}x is negative", regex=f"ValueError: invoice total q{i}x is negative")
    found = opened(root, cache)
    keys = dict(found._db.execute("SELECT word, COUNT(*) FROM keys GROUP BY word"))
    assert keys == {f"q{i}x": 1 for i in range(60)}, "not the word every record shares"
    assert [s.id for s in found.regex_candidates(["ValueError"], {"invoice", "total", "q7x", "negative"})] == ["mine/r7"]
