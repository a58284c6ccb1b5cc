"""A failure in any stage of errfix: the traceback is intact, one line says errfix failed, the handler stays, and
the next error gets its panel. Hostile exceptions and bad or catastrophic records do not hurt the session."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from IPython.utils.capture import capture_output

from testing_shell import run

DATA = Path(__file__).parent / "data" / "records"


def boom(*args, **kwargs):
    raise RuntimeError("injected")


STAGES = {
    "parsing": ("errfix_jupyter.errorinfo", "from_exception"),
    "loading": ("errfix_jupyter.knowledge", "knowledge_base"),
    "matching": ("errfix_jupyter.matcher", "match"),
    "view": ("errfix_jupyter.view", "build"),
    "rendering-html": ("errfix_jupyter.render_html", "render_html"),
    "rendering-text": ("errfix_jupyter.render_text", "render_text"),
    "widget": ("errfix_jupyter.widget", "make_widget"),
    "context": ("errfix_jupyter.context", "gather"),
    "history": ("errfix_jupyter.history", "facts"),
    "display": ("IPython.display", "display"),
}




def shipped_problem_files() -> int:
    from errfix_jupyter import knowledge

    return len({p.path for p in knowledge.knowledge_base().problems})


@pytest.mark.parametrize("stage", sorted(STAGES))
def test_a_failure_in_any_stage_keeps_the_traceback_and_the_handler(errfix_shell, monkeypatch, stage):
    import importlib

    from errfix_jupyter import display

    module, name = STAGES[stage]
    monkeypatch.setattr(display, "has_widget_frontend", lambda shell: True)  # exercise the widget path too
    monkeypatch.setattr(importlib.import_module(module), name, boom)
    result, cap = run(errfix_shell, "1/0")
    assert "ZeroDivisionError: division by zero" in cap.stdout
    assert [line for line in cap.stderr.strip().splitlines() if "errfix failed" in line] == [
        "errfix failed: RuntimeError: injected (the traceback above is complete; errfix stays on)"]
    assert isinstance(result.error_in_exec, ZeroDivisionError)
    assert errfix_shell.custom_exceptions == (BaseException,)
    monkeypatch.undo()
    _, cap = run(errfix_shell, "1/0")
    assert len(cap.outputs) == 1 and "errfix failed" not in cap.stderr


HOSTILE = {
    "str-raises": "class E(Exception):\n    def __str__(self): raise RuntimeError('x')\n    def __repr__(self): raise RuntimeError('y')\nraise E()",
    "odd-module": "E = type('E', (Exception,), {'__module__': None})\nraise E('boom')",
    "context-cycle": "a, b = ValueError('a'), KeyError('b')\na.__context__ = b\nb.__context__ = a\nraise a",
    "huge-message": "raise ValueError('x' * 2_000_000)",
    "html-message": "raise ValueError('<script>alert(1)</script>')",
    "surrogates": "raise ValueError('\\udc80 lone')",
    "exception-group": "raise ExceptionGroup('g', [ValueError('a'), KeyError('b')])",
    "deep-chain": "def f(n):\n    try:\n        raise ValueError(n)\n    except ValueError:\n        if n: f(n - 1)\n        else: raise\nf(300)",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_exceptions_never_break_errfix(errfix_shell, name):
    result, cap = run(errfix_shell, HOSTILE[name])
    assert result.error_in_exec is not None
    assert "errfix failed" not in cap.stderr
    assert "Custom TB Handler failed" not in cap.stdout + cap.stderr
    assert errfix_shell.custom_exceptions == (BaseException,)
    for output in cap.outputs:
        assert "<script>" not in output.data.get("text/html", "")


def test_bad_record_files_are_reported_and_the_panel_still_works(errfix_shell, tmp_path):
    files = len(list((DATA / "invalid").iterdir())) + shipped_problem_files()
    folder = tmp_path / "mine"
    shutil.copytree(DATA / "invalid", folder)
    errfix_shell.run_line_magic("config", f"ErrfixMagics.records_path = [{str(tmp_path)!r}]")
    _, cap = run(errfix_shell, "1/0")
    assert len(cap.outputs) == 1
    assert f"errfix: {files} record file(s) have problems and were skipped or partly used; %errfix problems lists them" in cap.stderr
    _, cap = run(errfix_shell, "1/0")
    assert len(cap.outputs) == 1 and "record file(s)" not in cap.stderr, "said once per knowledge base"
    with capture_output() as cap:
        errfix_shell.run_line_magic("errfix", "problems")
    assert "confidence-is-a-string.json: $.confidence:" in cap.stdout


def test_a_catastrophic_user_record_times_out_and_the_other_matches_still_show(errfix_shell, tmp_path):
    (tmp_path / "mine").mkdir()
    evil = {"id": "mine/evil", "signature": "ValueError: aaaa", "regex": "ValueError: (?:(?:a|aa)+)+b", "domain": "mine",
            "root_cause": "never", "workarounds": [{"action": "none"}]}
    (tmp_path / "mine" / "evil.json").write_text(json.dumps(evil))
    errfix_shell.run_line_magic("config", f"ErrfixMagics.records_path = [{str(tmp_path)!r}]")
    _, cap = run(errfix_shell, "raise ValueError('a' * 40)")
    assert len(cap.outputs) == 1 and "errfix failed" not in cap.stderr
    assert "mine/evil" not in cap.outputs[0].data["text/html"]


def test_lint_flags_the_catastrophic_pattern(tmp_path):
    from errfix_jupyter import lint
    from errfix_jupyter.record import from_dict

    record = from_dict({"id": "mine/evil", "signature": "ValueError: aaaa", "regex": "ValueError: (?:(?:a|aa)+)+b",
                        "domain": "mine", "root_cause": "r", "workarounds": [{"action": "a"}, {"action": "b"}]})
    assert "RX003" in {p.code for p in lint.lint_record(record)}


def test_without_anywidget_the_static_panel_is_shown_and_said_once(errfix_shell, monkeypatch):
    import sys

    from errfix_jupyter import display

    monkeypatch.setattr(display, "has_widget_frontend", lambda shell: True)
    monkeypatch.setattr(display, "_WARNED", set())
    monkeypatch.delitem(sys.modules, "errfix_jupyter.widget", raising=False)
    monkeypatch.setitem(sys.modules, "anywidget", None)  # what a kernel without the package sees
    _, first = run(errfix_shell, "1/0")
    _, second = run(errfix_shell, "1/0")
    assert [set(o.data) for o in first.outputs + second.outputs] == [{"text/html", "text/plain"}] * 2
    assert first.stderr.count("the interactive panel needs anywidget") == 1 and "errfix failed" not in first.stderr
    assert "anywidget" not in second.stderr
