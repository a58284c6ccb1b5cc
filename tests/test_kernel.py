"""A real Jupyter kernel through nbclient: the error output is kept, then one display_data with widget, HTML and text."""

from __future__ import annotations

import re

import nbformat
import pytest
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_notebook

pytestmark = [pytest.mark.kernel, pytest.mark.xdist_group("kernel")]
WIDGET = "application/vnd.jupyter.widget-view+json"


def execute(*sources: str, load: bool = True) -> nbformat.NotebookNode:
    # The first cell loads errfix, or does nothing, so execution counts (Cell In[n]) agree between runs.
    cells = [new_code_cell("%load_ext errfix_jupyter" if load else "pass")] + [new_code_cell(s) for s in sources]
    nb = new_notebook(cells=cells, metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
    NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=True).execute()
    return nb


def normalise(outputs):
    """Strip what differs run to run (ANSI codes, widget ids, addresses) for comparisons."""
    text = str([(o.get("output_type"), o.get("ename"), o.get("evalue"), o.get("traceback")) for o in outputs])
    return re.sub(r"0x[0-9a-f]+", "0x…", re.sub(r"\\x1b\[[0-9;]*m", "", text))


def test_an_error_cell_yields_the_error_output_then_one_panel_bundle():
    nb = execute("1/0", "x = 1", "from sklearn.linear_model import LinearRegression\nLinearRegression().predict([[1.0]])")
    error_cell, ok_cell, sk_cell = nb.cells[1:]
    assert [o.output_type for o in error_cell.outputs] == ["error", "display_data"]
    assert error_cell.outputs[0].ename == "ZeroDivisionError"
    data = error_cell.outputs[1].data
    assert set(data) == {WIDGET, "text/html", "text/plain"}
    assert "errfix" in data["text/plain"] and "<details" in data["text/html"]
    assert ok_cell.outputs == []
    assert [o.output_type for o in sk_cell.outputs] == ["error", "display_data"]
    assert "sklearn/estimator-not-fitted" in sk_cell.outputs[1].data["text/html"]
    models = nb.metadata.widgets["application/vnd.jupyter.widget-state+json"]["state"]
    kinds = sorted(m["model_name"] for m in models.values())
    assert kinds == ["AnyModel", "AnyModel", "LayoutModel"], "one model per panel, and one Layout they all share"


def test_the_error_output_is_identical_to_a_kernel_without_errfix():
    cells = ("1/0", "def f(:\n    pass", "exec('1 +')", "return 5", "import json\njson.loads('{')")
    with_errfix = execute(*cells).cells[1:]
    without = execute(*cells, load=False).cells[1:]
    for ours, plain in zip(with_errfix, without):
        assert normalise([o for o in ours.outputs if o.output_type == "error"]) == normalise(plain.outputs)


def test_compile_stage_syntax_errors_get_their_panel_once():
    nb = execute("return 5")
    assert [o.output_type for o in nb.cells[1].outputs] == ["error", "display_data"]


def test_with_the_widget_off_the_panel_is_the_static_html_and_text():
    nb = execute("%config ErrfixMagics.widget = False", "1/0")
    outputs = nb.cells[2].outputs
    assert [o.output_type for o in outputs] == ["error", "display_data"]
    assert set(outputs[1].data) == {"text/html", "text/plain"}
