"""Load, unload, reload, and living with a neighbour's handler in IPython's single custom-exception slot."""

from __future__ import annotations

from testing_shell import run


def _run(ip, code):
    return run(ip, code, store_history=False)


def test_unload_restores_the_exact_previous_pair(shell):
    def neighbour(self, etype, value, tb, tb_offset=None):
        self.showtraceback((etype, value, tb), tb_offset=tb_offset)

    shell.set_custom_exc((KeyError,), neighbour)
    before = (shell.custom_exceptions, shell.CustomTB)
    shell.run_line_magic("load_ext", "errfix_jupyter")
    assert shell.custom_exceptions == (BaseException,)
    shell.run_line_magic("unload_ext", "errfix_jupyter")
    assert shell.custom_exceptions == before[0]
    assert shell.CustomTB == before[1]
    assert shell.find_line_magic("errfix") is None
    assert shell.find_cell_magic("errfix") is None
    assert "ErrfixMagics" not in shell.magics_manager.registry
    assert not any(type(c).__name__ == "ErrfixMagics" for c in shell.configurables)


def test_ten_reloads_leave_one_handler_one_hook_and_one_magic(errfix_shell):
    for _ in range(10):
        errfix_shell.run_line_magic("reload_ext", "errfix_jupyter")
    hooks = [cb for cb in errfix_shell.events.callbacks["post_run_cell"] if getattr(cb, "__qualname__", "").startswith("Handler.")]
    assert len(hooks) == 1
    assert errfix_shell.custom_exceptions == (BaseException,)
    assert sum(type(c).__name__ == "ErrfixMagics" for c in errfix_shell.configurables) == 1
    _, cap = _run(errfix_shell, "1/0")
    assert cap.stdout.count("ZeroDivisionError: division by zero") == 1
    assert len(cap.outputs) == 1


def test_a_jupyter_ai_shaped_neighbour_keeps_working_and_the_traceback_appears_once(shell):
    seen = []

    def store_exception(self, etype, value, tb, tb_offset=None):  # what jupyter-ai-magics registers
        self.showtraceback((etype, value, tb), tb_offset=tb_offset)
        seen.append(value)

    shell.set_custom_exc((BaseException,), store_exception)
    shell.run_line_magic("load_ext", "errfix_jupyter")
    result, cap = _run(shell, "1/0")
    assert seen == [result.error_in_exec]
    assert cap.stdout.count("ZeroDivisionError: division by zero") == 1
    assert len(cap.outputs) == 1


def test_a_colab_shaped_neighbour_owns_its_types_and_errfix_the_rest(shell):
    class DisabledFunctionError(Exception):
        pass

    handled = []

    def colab_handler(self, etype, value, tb, tb_offset=None):
        handled.append(etype.__name__)
        self.showtraceback((etype, value, tb), tb_offset=tb_offset)

    shell.set_custom_exc((ImportError, DisabledFunctionError), colab_handler)
    shell.run_line_magic("load_ext", "errfix_jupyter")
    _, cap = _run(shell, "import no_such_module_xyz")
    assert handled == ["ModuleNotFoundError"]
    assert cap.stdout.count("ModuleNotFoundError: No module named") == 1
    _, cap = _run(shell, "1/0")
    assert handled == ["ModuleNotFoundError"]
    assert cap.stdout.count("ZeroDivisionError: division by zero") == 1


def test_errfix_survives_a_neighbour_that_raises(shell):
    def broken(self, etype, value, tb, tb_offset=None):
        raise RuntimeError("neighbour is broken")

    shell.set_custom_exc((BaseException,), broken)
    shell.run_line_magic("load_ext", "errfix_jupyter")
    _, cap = _run(shell, "1/0")
    assert cap.stdout.count("ZeroDivisionError: division by zero") == 1
    assert "neighbour is broken" in cap.stderr
    assert shell.custom_exceptions == (BaseException,)
    _, cap = _run(shell, "1/0")
    assert cap.stdout.count("ZeroDivisionError: division by zero") == 1
    assert len(cap.outputs) == 1


def test_errfix_comes_back_when_ipython_empties_the_slot(errfix_shell):
    errfix_shell.set_custom_exc((), None)  # what IPython does after any handler fails
    _, cap = _run(errfix_shell, "1/0")
    assert "ZeroDivisionError" in cap.stdout
    assert len(cap.outputs) == 1, "post_run_cell showed the panel for the error the handler missed"
    assert errfix_shell.custom_exceptions == (BaseException,)


def test_a_handler_registered_after_errfix_is_left_in_charge(errfix_shell):
    def later(self, etype, value, tb, tb_offset=None):
        self.showtraceback((etype, value, tb), tb_offset=tb_offset)

    errfix_shell.set_custom_exc((ZeroDivisionError,), later)
    _, cap = _run(errfix_shell, "1/0")
    assert cap.stdout.count("ZeroDivisionError: division by zero") == 1
    assert len(cap.outputs) == 1
    assert errfix_shell.custom_exceptions == (ZeroDivisionError,)
    errfix_shell.run_line_magic("unload_ext", "errfix_jupyter")
    assert errfix_shell.custom_exceptions == (ZeroDivisionError,), "unload leaves a slot that is not ours alone"


def test_loading_imports_no_widgets_and_reads_no_records():
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from IPython.core.interactiveshell import InteractiveShell\n"
        "ip = InteractiveShell.instance()\n"
        "ip.run_line_magic('load_ext', 'errfix_jupyter')\n"
        "ip.run_cell('x = 1')\n"
        "heavy = ('ipywidgets', 'jsonschema', 'rapidfuzz', 'regex', 'errfix_jupyter.loader', 'errfix_jupyter.matcher')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]", "no widgets, no record loading until the first error"
