"""The handler in a real InteractiveShell: IPython's traceback untouched, then one panel; never breaks the shell."""

from __future__ import annotations

import sys

import pytest
from IPython.core.interactiveshell import InteractiveShell
from IPython.utils.capture import capture_output

from testing_shell import fresh_shell as _fresh_shell
from testing_shell import run

CASES = {
    "runtime": "def f():\n    return {}['price']\nf()",
    "library": "import json\njson.loads('{')",
    "compile_syntax": "def f(:\n    pass",
    "compile_indentation": "if True:\nx = 1",
    "runtime_syntax": "exec('1 +')",
    "symtable_syntax": "return 5",
    "name": "undefined_name_xyz",
}


def _run(ip: InteractiveShell, code: str):
    return run(ip, code, store_history=False)


@pytest.mark.parametrize("case", sorted(CASES))
def test_traceback_is_byte_identical_to_a_shell_without_errfix(case):
    plain = _fresh_shell()
    _, without = _run(plain, CASES[case])
    ours = _fresh_shell()
    ours.run_line_magic("load_ext", "errfix_jupyter")
    _, with_errfix = _run(ours, CASES[case])
    ours.run_line_magic("unload_ext", "errfix_jupyter")
    InteractiveShell.clear_instance()
    assert without.stdout.strip(), "the plain shell printed a traceback"
    assert with_errfix.stdout == without.stdout
    assert "errfix failed" not in with_errfix.stderr


def test_a_failing_cell_gets_exactly_one_panel_after_the_traceback(errfix_shell):
    result, cap = _run(errfix_shell, "1/0")
    assert isinstance(result.error_in_exec, ZeroDivisionError)
    assert "ZeroDivisionError" in cap.stdout
    assert len(cap.outputs) == 1
    bundle = cap.outputs[0].data
    assert set(bundle) == {"text/html", "text/plain"}
    assert "errfix" in bundle["text/plain"]
    assert '<details class="errfix-panel"' in bundle["text/html"]


def test_sys_last_value_and_tb_are_what_ipython_sets(errfix_shell):
    result, _ = _run(errfix_shell, "1/0")
    assert sys.last_value is result.error_in_exec
    with capture_output() as cap:
        errfix_shell.run_line_magic("tb", "")
    assert "ZeroDivisionError" in cap.stdout
    assert cap.outputs == [], "%tb re-prints the traceback without a second panel"


def test_compile_stage_syntax_errors_get_one_panel_through_post_run_cell(errfix_shell):
    result, cap = _run(errfix_shell, "return 5")
    assert isinstance(result.error_before_exec, SyntaxError)
    assert "'return' outside function" in cap.stdout
    assert len(cap.outputs) == 1, "the panel comes through post_run_cell"
    assert "errfix" in cap.outputs[0].data["text/plain"]


def test_parser_syntax_errors_reach_the_handler_once(errfix_shell):
    result, cap = _run(errfix_shell, "print \"hello\"")
    assert isinstance(result.error_before_exec, SyntaxError)
    assert cap.stdout.count("SyntaxError") == 1
    assert len(cap.outputs) == 1


@pytest.mark.parametrize("code", ["raise KeyboardInterrupt", "raise SystemExit(3)", "raise GeneratorExit",
                                  "%this_magic_does_not_exist"])
@pytest.mark.filterwarnings("ignore:To exit. use 'exit', 'quit', or Ctrl-D.:UserWarning")  # IPython's own, for SystemExit
def test_control_flow_exceptions_get_no_panel(errfix_shell, code):
    plain = _fresh_shell()
    _, without = _run(plain, code)
    ours = errfix_shell
    InteractiveShell._instance = ours
    _, with_errfix = _run(ours, code)
    assert with_errfix.outputs == []
    assert with_errfix.stdout == without.stdout


def test_a_failure_inside_errfix_prints_one_line_and_keeps_the_handler(errfix_shell, monkeypatch):
    from errfix_jupyter import matcher

    def broken(*args, **kwargs):
        raise RuntimeError("injected")

    monkeypatch.setattr(matcher, "match", broken)
    result, cap = _run(errfix_shell, "1/0")
    assert "ZeroDivisionError" in cap.stdout
    assert cap.stderr.strip().splitlines() == [
        "errfix failed: RuntimeError: injected (the traceback above is complete; errfix stays on)"]
    assert errfix_shell.custom_exceptions == (BaseException,)
    monkeypatch.undo()
    _, cap = _run(errfix_shell, "1/0")
    assert len(cap.outputs) == 1, "the next error gets its panel again"


def test_successful_cells_show_nothing_and_leave_no_state(errfix_shell):
    _, cap = _run(errfix_shell, "x = 1\nx + 1")
    assert "errfix" not in cap.stdout + cap.stderr
    handler = errfix_shell._errfix_jupyter_state.handler
    assert handler._handled_this_cell is False and handler.last is None and handler.failures == {}


def test_auto_off_keeps_the_traceback_and_shows_no_panel(errfix_shell):
    errfix_shell.run_line_magic("errfix", "off")
    _, cap = _run(errfix_shell, "1/0")
    assert "ZeroDivisionError" in cap.stdout
    assert cap.outputs == []


TRACKED = ("import weakref, sys\nclass Payload: pass\nrefs = []\n"
           "def fail():\n    payload = Payload()\n    refs.append(weakref.ref(payload))\n    1/0\n")


@pytest.mark.parametrize("loaded", [False, True], ids=["without-errfix", "with-errfix"])
def test_the_handler_keeps_neither_the_traceback_nor_its_frames_alive(shell, loaded):
    import gc
    import sys

    if loaded:
        shell.run_line_magic("load_ext", "errfix_jupyter")
    _run(shell, TRACKED)
    _run(shell, "fail()")
    assert shell.user_ns["refs"][0]() is not None, "IPython keeps the last traceback in sys.last_traceback"
    _run(shell, "pass")  # a new last_execution_result lets go of the failed one
    shell.InteractiveTB.tb = None  # IPython's formatter keeps the last traceback too
    sys.last_type = sys.last_value = sys.last_traceback = None
    if hasattr(sys, "last_exc"):
        sys.last_exc = None
    gc.collect()
    assert shell.user_ns["refs"][0]() is None, "once IPython lets go, nothing of errfix holds the failing frame"
    if loaded:
        assert "ZeroDivisionError" in shell._errfix_jupyter_state.handler.last.line
