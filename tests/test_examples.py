"""Every example notebook runs in a real kernel; each failing cell gets its panel with the expected record first."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

pytestmark = [pytest.mark.kernel, pytest.mark.xdist_group("kernel")]
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
TOP_RECORD = re.compile(r'<details class="errfix-panel" lang="[^"]*" data-record="([^"]*)"')
WIDGET = "application/vnd.jupyter.widget-view+json"


def top_record(html: str) -> str:
    found = TOP_RECORD.search(html)
    return found.group(1) if found else ""


def test_examples_are_committed_without_outputs():
    for path in sorted(EXAMPLES.glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        assert all(not c.get("outputs") and not c.get("execution_count") for c in nb.cells if c.cell_type == "code"), path.name


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.ipynb")), ids=lambda p: p.stem)
def test_every_failing_cell_gets_its_panel_with_the_expected_record_first(path, tmp_path):
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=180, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    expected = [c for c in nb.cells if c.get("metadata", {}).get("errfix_expect") or c.get("metadata", {}).get("errfix_fact")]
    assert expected, "the notebook has failing cells to check"
    for cell in expected:
        kinds = [o.output_type for o in cell.outputs]
        assert "error" in kinds, (cell.source, kinds)
        panels = [o for o in cell.outputs if o.output_type == "display_data" and WIDGET in o.get("data", {})]
        assert len(panels) == 1, (cell.source, kinds)
        assert kinds.index("error") < cell.outputs.index(panels[0]), "the traceback comes first"
        if "errfix_expect" in cell.metadata:
            assert top_record(panels[0].data["text/html"]) == cell.metadata["errfix_expect"], cell.source
        else:
            assert cell.metadata["errfix_fact"] in panels[0].data["text/plain"], (cell.source, panels[0].data["text/plain"])


def test_the_demo_shows_the_magic_on_the_last_error_and_on_pasted_text(tmp_path):
    nb = nbformat.read(EXAMPLES / "demo.ipynb", as_version=4)
    NotebookClient(nb, timeout=180, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    by_source = {c.source.splitlines()[0]: c for c in nb.cells if c.cell_type == "code" and c.source}
    assert by_source["%reload_ext errfix_jupyter"].outputs == [], "no 'already loaded' message"
    assert top_record(by_source["%%errfix"].outputs[0].data["text/html"]) == "sklearn/estimator-not-fitted"
    zh_panel = [o for o in by_source["import cv2"].outputs if o.output_type == "display_data"][0]
    assert "发生了什么" in zh_panel.data["text/html"] and "opencv-python" in zh_panel.data["text/plain"]
    assert all(o.output_type != "error" for o in by_source["%errfix apply 1"].outputs)


def test_nbconvert_html_of_the_executed_demo_has_the_static_panel_without_script(tmp_path):
    from nbconvert import HTMLExporter

    # As JupyterLab saves it by default: outputs, but no widget state (nbconvert then renders our text/html).
    nb = nbformat.read(EXAMPLES / "demo.ipynb", as_version=4)
    NotebookClient(nb, timeout=180, kernel_name="python3", allow_errors=True, store_widget_state=False,
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    panels = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs
              if o.output_type == "display_data" and "text/html" in o.get("data", {})]
    html, _ = HTMLExporter().from_notebook_node(nb)
    assert html.count('<details class="errfix-panel"') == len(panels) >= 10
    for fragment in html.split('<details class="errfix-panel"')[1:]:
        assert "<script" not in fragment.split("</details></details>")[0].lower()
    assert "errfix</b>" in html and "KeyError" in html
