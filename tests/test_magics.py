"""%errfix subcommands and %config options in a real shell."""

from __future__ import annotations

import re

import pytest
from IPython.core.error import UsageError
from IPython.utils.capture import capture_output

from errfix_jupyter.magics import parse


def run(ip, line, cell=None):
    with capture_output() as cap:
        if cell is None:
            ip.run_line_magic("errfix", line)
        else:
            ip.run_cell_magic("errfix", line, cell)
    return cap


@pytest.mark.parametrize("line, message", [
    ("lang fr", "takes 'en' or 'zh'"),
    ("apply x", "takes a fix number"),
    ("apply 0", "takes a fix number"),
    ("on now", "takes no argument"),
])
def test_bad_arguments_raise_a_clear_usage_error(line, message):
    with pytest.raises(UsageError, match=message):
        parse(line)


def test_errfix_with_no_error_yet_says_what_to_do(errfix_shell):
    with pytest.raises(UsageError, match="no error in this session yet"):
        errfix_shell.run_line_magic("errfix", "")


def test_errfix_shows_the_last_error_expanded(errfix_shell):
    with capture_output():
        errfix_shell.run_cell("1/0")
    cap = run(errfix_shell, "")
    assert len(cap.outputs) == 1
    assert re.search(r'<details class="errfix-panel" lang="en" data-record="[^"]*" open', cap.outputs[0].data["text/html"])


def test_errfix_looks_up_pasted_text_on_the_line_and_in_a_cell(errfix_shell):
    assert "division by zero" in run(errfix_shell, "ZeroDivisionError: division by zero").outputs[0].data["text/plain"]
    tb = "Traceback (most recent call last):\n  File \"a.py\", line 1, in <module>\nZeroDivisionError: division by zero\n"
    assert len(run(errfix_shell, "", tb).outputs) == 1


def test_lang_switches_the_panel_language(errfix_shell):
    run(errfix_shell, "lang zh")
    assert "发生了什么" in run(errfix_shell, "ZeroDivisionError: division by zero").outputs[0].data["text/html"]


def test_config_reaches_the_options_and_validates_them(errfix_shell, caplog):
    errfix_shell.run_line_magic("config", "ErrfixMagics.lang = 'zh'")
    magics = errfix_shell._errfix_jupyter_state.magics
    assert magics.lang == "zh"
    errfix_shell.run_line_magic("config", "ErrfixMagics.max_fixes = 0")
    assert magics.max_fixes == 3
    assert "ErrfixMagics.max_fixes must be at least 1, not 0" in caplog.text


def test_config_given_before_loading_is_used(shell):
    shell.config.ErrfixMagics.lang = "zh"
    shell.config.ErrfixMagics.collapsed = False
    shell.run_line_magic("load_ext", "errfix_jupyter")
    magics = shell._errfix_jupyter_state.magics
    assert (magics.lang, magics.collapsed) == ("zh", False)


def test_apply_puts_the_fix_code_into_the_next_cell(errfix_shell):
    with capture_output():
        errfix_shell.run_cell("import json\njson.loads(\"{'a': 1}\")")
    errfix_shell.run_line_magic("errfix", "apply 1")
    assert "ast.literal_eval" in errfix_shell.rl_next_input or "json.loads" in errfix_shell.rl_next_input
    with pytest.raises(UsageError, match="not 9"):
        errfix_shell.run_line_magic("errfix", "apply 9")


def test_on_and_off(errfix_shell):
    run(errfix_shell, "off")
    with capture_output() as cap:
        errfix_shell.run_cell("1/0")
    assert cap.outputs == []
    run(errfix_shell, "on")
    with capture_output() as cap:
        errfix_shell.run_cell("1/0")
    assert len(cap.outputs) == 1


def test_problems_lists_bad_record_files(errfix_shell, tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "broken.json").write_text("{not json")
    errfix_shell.run_line_magic("config", f"ErrfixMagics.records_path = [{str(tmp_path)!r}]")
    cap = run(errfix_shell, "problems")
    assert "broken.json: $: invalid JSON" in cap.stdout


def test_help_is_the_docstring(errfix_shell):
    assert "%errfix apply [N]" in run(errfix_shell, "help").stdout


def test_question_mark_help_shows_every_subcommand(errfix_shell):
    info = errfix_shell.object_inspect("%errfix")
    assert "%errfix apply [N]" in info["docstring"] and "%errfix lang en | zh" in info["docstring"]


def test_xmode_and_pdb_settings_are_honoured(errfix_shell):
    errfix_shell.run_line_magic("xmode", "Minimal")
    with capture_output() as cap:
        errfix_shell.run_cell("def f():\n    1/0\nf()")
    assert cap.stdout.strip() == "ZeroDivisionError: division by zero"
    assert len(cap.outputs) == 1
