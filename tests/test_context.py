"""The panel speaks of THIS session's error: its names, columns, modules, shapes and cells, in a real shell."""

from __future__ import annotations

import pytest

from errfix_jupyter import context, errorinfo, history, render_text
from testing_shell import run as run_cells


def run(ip, *cells):
    return run_cells(ip, *cells)[1]


def panel(ip, lang="en"):
    shown = ip._errfix_jupyter_state.handler.last
    assert shown is not None, "no panel was shown"
    return shown.models[lang]


def fixes(ip):
    return [(f.kind, f.action.text, f.code) for f in panel(ip).fixes]


# ---------------------------------------------------------------- names, attributes, imports


def test_did_you_mean_a_name_shows_the_close_name_and_the_one_line_fix(errfix_shell):
    run(errfix_shell, "invoice_total = 120.5", "print(invoice_totl)")
    model = panel(errfix_shell)
    assert model.headline.text == "`invoice_totl` is not defined; did you mean `invoice_total`? (close spelling)"
    assert model.fixes[0].code == "print(invoice_total)" and model.fixes[0].checked
    assert "NameError: name 'df' is not defined" not in render_text.render_text(model), "never another error's example"


def test_did_you_mean_an_attribute_reads_only_the_class_and_the_instance_dict(errfix_shell):
    run(errfix_shell, "class Invoice:\n    def total_amount(self):\n        return 1\ninv = Invoice()", "inv.total_amout()")
    model = panel(errfix_shell)
    assert "did you mean `total_amount`?" in model.headline.text
    assert model.fixes[0].code == "inv.total_amount()"


def test_did_you_mean_a_module_attribute(errfix_shell):
    run(errfix_shell, "import math", "math.sqr(2)")
    model = panel(errfix_shell)
    assert "did you mean `sqrt`?" in model.headline.text
    assert model.fixes[0].code == "math.sqrt(2)"
    assert model.record_id != "python/module-shadowed-by-local-file", "math is the standard library, not a local file"


def test_did_you_mean_an_import(errfix_shell):
    run(errfix_shell, "from collections import OrderDict")
    model = panel(errfix_shell)
    assert "did you mean `OrderedDict`?" in " ".join(model.facts)
    assert any(f.code == "from collections import OrderedDict" for f in model.fixes)


def test_the_pip_name_for_this_module_and_apply_inserts_exactly_that(errfix_shell):
    run(errfix_shell, "import cv2")
    model = panel(errfix_shell)
    assert model.top_fix.code == "%pip install opencv-python"
    assert "The import name `cv2` comes from the distribution `opencv-python`" in " ".join(model.facts)
    errfix_shell.run_line_magic("errfix", "apply 1")
    inserted = errfix_shell.rl_next_input
    assert inserted.splitlines()[-1] == "%pip install opencv-python"
    assert inserted.startswith("# errfix: fix 1, made from this session.")
    assert "scikit-learn" not in inserted and "Pillow" not in inserted


def test_a_module_installed_in_another_environment_is_named(errfix_shell, tmp_path, monkeypatch):
    other = tmp_path / "other-env" / "lib" / "python3.12" / "site-packages"
    (other / "invoicekit").mkdir(parents=True)
    monkeypatch.setattr(context, "other_site_packages", lambda: [str(other)])
    run(errfix_shell, "import invoicekit")
    facts = " ".join(panel(errfix_shell).facts)
    assert f"`invoicekit` is installed in {other}, but this kernel runs" in facts


# ---------------------------------------------------------------- keys and columns


def test_a_column_close_match_calls_out_the_case_difference(errfix_shell):
    run(errfix_shell, "import pandas as pd\nsales = pd.DataFrame({'Revenue_EUR': [1.0], 'units': [3]})", "sales['revenue_eur']")
    model = panel(errfix_shell)
    assert model.headline.text == "`sales` has no column 'revenue_eur'; did you mean 'Revenue_EUR'? (case differs)"
    assert model.fixes[0].code == "sales['Revenue_EUR']" and model.fixes[0].checked
    zh = panel(errfix_shell, "zh")
    assert zh.headline.text == "`sales` 里没有列 'revenue_eur'；你是不是想用 'Revenue_EUR'？（大小写不同）"


def test_a_dict_key_close_match_calls_out_stray_spaces(errfix_shell):
    run(errfix_shell, "prices = {'apple ': 1.2, 'pear': 0.8}", "prices['apple']")
    assert "did you mean 'apple '? (spaces differ)" in panel(errfix_shell).headline.text


def test_a_column_that_became_the_index_is_said(errfix_shell):
    run(errfix_shell, "import pandas as pd\ndf = pd.DataFrame({'date': ['x'], 'v': [1]}).set_index('date')", "df['date']")
    assert "'date' is the index of `df` now, not a column" in panel(errfix_shell).headline.text


# ---------------------------------------------------------------- data in the failing line


def test_the_shapes_in_the_failing_line_are_shown(errfix_shell):
    run(errfix_shell, "import numpy as np\nweights = np.ones((4, 5))\nfeatures = np.ones((3, 1))", "weights @ features")
    facts = panel(errfix_shell).facts
    assert "`weights.shape == (4, 5)` (float64)" in facts
    assert "`features.shape == (3, 1)` (float64)" in facts


def test_the_shapes_of_torch_tensors_are_shown(errfix_shell):
    pytest.importorskip("torch")
    run(errfix_shell, "import torch\na = torch.ones(4, 5)\nb = torch.ones(3, 1)", "a @ b")
    facts = panel(errfix_shell).facts
    assert "`a.shape == (4, 5)` (float32)" in facts and "`b.shape == (3, 1)` (float32)" in facts


# ---------------------------------------------------------------- notebook history


def test_an_earlier_failed_cell_is_named_in_its_own_words(errfix_shell):
    cap = run(errfix_shell, "import pandas as pd", "X_train = pd.read_csv('no-such-file.csv')", "X_train.shape")
    model = panel(errfix_shell)
    assert model.headline.text.startswith("`X_train` is assigned in In[2], which failed with FileNotFoundError")
    assert len(cap.outputs) == 1


def test_a_cell_run_twice_is_named_with_what_its_first_run_changed(errfix_shell):
    run(errfix_shell, "import pandas as pd\ndf = pd.DataFrame({'a': [1], 'b': [2]})", "df = df.drop(columns=['b'])",
        "df = df.drop(columns=['b'])")
    model = panel(errfix_shell)
    assert "This cell already ran as In[2] (`drop(['b'])`)" in " ".join(model.facts)
    assert "`df` has no column '['b'] not found in axis'" not in " ".join(model.facts)


def test_a_rebinding_to_another_type_is_named(errfix_shell):
    run(errfix_shell, "import pandas as pd\ndf = pd.DataFrame({'price': [1.0]})", "df = df['price']", "df.columns")
    assert "`df` became a Series in In[2] (`df = df['price']`)." in panel(errfix_shell).facts


def test_a_builtin_rebound_by_a_cell_is_named(errfix_shell):
    run(errfix_shell, "list = [1, 2, 3]", "list('abc')")
    assert panel(errfix_shell).headline.text.startswith("`list` is a Python builtin that In[1] rebound to a list")


def test_a_deleted_name_is_named(errfix_shell):
    run(errfix_shell, "model = object()", "del model", "model")
    assert "`model` was deleted in In[2]." in panel(errfix_shell).facts


# ---------------------------------------------------------------- users' own errors


def test_a_users_own_error_gets_a_short_panel_without_invented_advice(errfix_shell):
    cap = run(errfix_shell, "raise ValueError('invoice total must be positive')")
    model = panel(errfix_shell)
    text = cap.outputs[0].data["text/plain"]
    assert not model.confident and model.fixes == () and model.versions == ()
    assert "works" not in text and "%" not in text.split("%errfix new")[0].replace("%errfix new", "")
    assert "invalid literal" not in text


# ---------------------------------------------------------------- safety


PROBES = '''
touched = []
class Probe:
    def __repr__(self):
        touched.append("repr"); return "Probe()"
    def __str__(self):
        touched.append("str"); return "probe"
    def __len__(self):
        touched.append("len"); return 1
    def __getattr__(self, name):
        touched.append("getattr " + name); raise AttributeError(name)
    def __dir__(self):
        touched.append("dir"); return []
    def __eq__(self, other):
        touched.append("eq"); return False
    __hash__ = object.__hash__
    @property
    def columns(self):
        touched.append("columns"); return []
    @property
    def shape(self):
        touched.append("shape"); return (1,)
    @property
    def dtype(self):
        touched.append("dtype"); return "x"
class Frame(dict):
    @property
    def columns(self):
        touched.append("frame columns"); return ["a"]
probe = Probe()
frame = Frame(a=1)
'''


@pytest.mark.parametrize("cell", [
    "probe; frame; raise ValueError('shapes (4,5) and (3,1) not aligned: dimension 5 != 3')",
    "probe['revenue']",
    "frame['revenue']",
    "probe.totl",
    "probe.no_such_attribute",
    "prob",
    "import no_such_module_xyz",
])
def test_gathering_context_runs_no_property_and_no_repr_of_a_user_object(errfix_shell, cell):
    run(errfix_shell, PROBES)
    errfix_shell.user_ns["touched"].clear()
    run(errfix_shell, cell)
    touched = [t for t in errfix_shell.user_ns["touched"] if t != "getattr " + cell.split(".")[-1].split("(")[0]]
    assert touched == [] or touched == ["getattr totl"] or touched == ["getattr no_such_attribute"], touched
    assert errfix_shell._errfix_jupyter_state.handler.last is not None


def test_context_can_be_switched_off(errfix_shell):
    errfix_shell.run_line_magic("config", "ErrfixMagics.context = False")
    run(errfix_shell, "invoice_total = 1", "invoice_totl")
    model = panel(errfix_shell)
    assert "did you mean" not in model.headline.text and model.facts == ()


def test_context_never_raises_on_hostile_exceptions():
    class Hostile(KeyError):
        @property
        def args(self):  # type: ignore[override]
            raise RuntimeError("no")

    try:
        raise Hostile("x")
    except Hostile as exc:
        found = context.gather(exc, errorinfo.from_exception(exc), {"x": object()})
    assert isinstance(found, context.Context)


def test_history_reads_cells_without_running_them():
    cells = history.cells(["", "import os\nos.remove('x')", "%matplotlib inline\nX_train = load()", "print(X_train)"],
                          {2: "NameError: name 'load' is not defined"}, 3)
    facts = history.facts("NameError", "name 'X_train' is not defined", "print(X_train)", current=history.Cell(3, "print(X_train)"),
                          earlier=cells, types_now={})
    assert [f.code for f in facts] == ["history_failed"] and facts[0].params["cell"] == "In[2]"


GOLDEN_CASES = {
    "name": ("invoice_total = 120.5", "print(invoice_totl)"),
    "column": ("import pandas as pd\nsales = pd.DataFrame({'Revenue_EUR': [1.0], 'units': [3]})", "sales['revenue_eur']"),
    "module": ("import cv2",),
    "shapes": ("import numpy as np\nweights = np.ones((4, 5))\nfeatures = np.ones((3, 1))", "weights @ features"),
    "failed-cell": ("import pandas as pd", "X_train = pd.read_csv('no-such-file.csv')", "X_train.shape"),
    "ran-twice": ("import pandas as pd\ndf = pd.DataFrame({'a': [1], 'b': [2]})", "df = df.drop(columns=['b'])",
                  "df = df.drop(columns=['b'])"),
    "rebound": ("import pandas as pd\ndf = pd.DataFrame({'price': [1.0]})", "df = df['price']", "df.columns"),
    "own-error": ("raise ValueError('invoice total must be positive')",),
}


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("case", sorted(GOLDEN_CASES))
def test_personalised_panels_match_their_golden_files(errfix_shell, case, lang, golden):
    run(errfix_shell, *GOLDEN_CASES[case])
    golden(f"context_{case}_{lang}.txt", render_text.render_text(panel(errfix_shell, lang)) + "\n")


# ---------------------------------------------------------------- what a new user's first session showed (QA)


def test_a_plain_dict_keyerror_gets_no_pandas_advice(errfix_shell):
    run(errfix_shell, "d = {'alpha': 1, 'beta': 2}", "d['gamma']")
    model = panel(errfix_shell)
    assert "DataFrame" not in model.headline.text
    assert model.headline.text.startswith("`d` has no key 'gamma'; it has 'alpha', 'beta'")


def test_setting_a_column_is_not_rebinding_the_frame(errfix_shell):
    run(errfix_shell, "import pandas as pd\nsales = pd.DataFrame({'a': [1]})", "sales['b'] = 5",
        "sales.append({'a': 3}, ignore_index=True)")
    assert not any("became a" in f for f in panel(errfix_shell).facts)


def test_a_name_a_failed_cell_would_have_assigned_is_not_mistaken_for_a_builtin(errfix_shell):
    run(errfix_shell, "summary = 1\nboom = 1 / 0", "print(boom)")
    model = panel(errfix_shell)
    assert model.headline.text.startswith("`boom` is assigned in In[1], which failed with ZeroDivisionError")
    assert "bool" not in " ".join(f.action.text + f.code for f in model.fixes)
    assert model.fixes[0].action.text.startswith("Fix the error in In[1] and run it again")


def test_a_very_short_attribute_gets_no_spelling_guess(errfix_shell):
    run(errfix_shell, "import pandas as pd\ns = pd.Series(['2024-01-01'])", "s.dt.month")
    assert "did you mean `dot`" not in panel(errfix_shell).headline.text


def test_a_column_an_earlier_cell_removed_is_named_with_that_cell(errfix_shell):
    run(errfix_shell, "import pandas as pd\nsales = pd.DataFrame({'qty': [1], 'unit_price': [2.0]})",
        "sales = sales.drop(columns=['qty'])", "sales['revenue'] = sales['unit_price'] * sales['qty']")
    assert panel(errfix_shell).headline.text.startswith("'qty' was removed from `sales` by In[2]")


def test_a_rebound_builtin_gets_del_of_that_builtin_as_its_fix(errfix_shell):
    run(errfix_shell, "list = [1, 2, 3]", "list(range(5))")
    assert panel(errfix_shell).fixes[0].code == "del list"


def test_a_variable_an_earlier_cell_overwrote_leads_the_panel_and_gets_its_own_name_as_a_fix(errfix_shell):
    run(errfix_shell, *GOLDEN_CASES["rebound"])
    shown = panel(errfix_shell)
    assert shown.headline.text == "`df` became a Series in In[2] (`df = df['price']`)."
    assert shown.fixes[0].code == "price = df['price']"


def test_a_cell_run_twice_gets_its_own_line_made_safe_to_run_again_as_the_first_fix(errfix_shell):
    run(errfix_shell, *GOLDEN_CASES["ran-twice"])
    assert panel(errfix_shell).fixes[0].code == "df = df.drop(columns=['b'], errors='ignore')"


def test_apply_speaks_chinese_in_chinese_mode(errfix_shell):
    errfix_shell.run_line_magic("errfix", "lang zh")
    run(errfix_shell, "import cv2")
    errfix_shell.run_line_magic("errfix", "apply 1")
    assert errfix_shell.rl_next_input.splitlines()[0].startswith("# errfix：第 1 个修复，根据当前会话生成。")


def test_a_record_that_needs_a_local_module_is_not_shown_for_a_library(errfix_shell):
    run(errfix_shell, "import json", "json.loadz('{}')")
    assert panel(errfix_shell).record_id not in ("python/module-has-no-attribute", "python/module-shadowed-by-local-file")


def test_a_local_file_shadowing_a_library_is_said(errfix_shell, tmp_path, monkeypatch):
    (tmp_path / "requests.py").write_text("x = 1\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(__import__("sys").modules, "requests", raising=False)
    run(errfix_shell, "import requests", "requests.get('http://127.0.0.1:9')")
    assert f"`requests` here is your own file {tmp_path / 'requests.py'}" in panel(errfix_shell).headline.text
