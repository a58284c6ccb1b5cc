"""Write examples/*.ipynb (without outputs): the demo story and one notebook per domain.

Failing cells carry the tag `raises-exception` (so JupyterLab's Run All goes on) and `errfix_expect`, the record id
the panel must show first; tests/test_examples.py executes every notebook and checks that.
Usage: .venv/bin/python dev/make_examples.py
"""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "examples"
KERNEL = {"kernelspec": {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}}
AVOID = ("sys.modules", "resource", "seteuid", "subprocess", "socket", "threading", "http.server", "InteractiveShell",
         "multiprocessing", "/dev/full", "ProcessPool", "os.chdir", "sys.path", "asyncio", "compile(", "exec(",
         "warnings.simplefilter", "Kernel(", "tempfile", "open(", "display(", "get_ipython")


def fails(code: str, expect: str) -> nbformat.NotebookNode:
    return new_code_cell(code, metadata={"tags": ["raises-exception"], "errfix_expect": expect})


def fails_with(code: str, fact: str) -> nbformat.NotebookNode:
    """A failing cell whose panel must say something from this session (``errfix_fact``), not from a record."""
    return new_code_cell(code, metadata={"tags": ["raises-exception"], "errfix_fact": fact})


def demo() -> nbformat.NotebookNode:
    cells = [
        new_markdown_cell("# errfix_jupyter demo\n\nA short data-science session in which some cells fail on purpose. "
                          "Under each traceback errfix shows a panel that speaks of *this* session: your names, your "
                          "columns, your shapes, your cells. Click a panel to expand it, switch EN/中文, copy a fix.\n\n"
                          "In your own notebooks, start with `%load_ext errfix_jupyter`."),
        new_code_cell("%reload_ext errfix_jupyter"),
        new_markdown_cell("## 1. Load a CSV with pandas"),
        new_code_cell("import io\nimport pandas as pd\n\ncsv = io.StringIO('Date,Product,Price,Units\\n2024-01-01,tea,3.5,10\\n'\n"
                      "                   '2024-01-02,coffee,4.0,\\n2024-01-03,tea,3.5,7\\n')\nsales = pd.read_csv(csv)\nsales"),
        fails_with("sales['price'].mean()", "did you mean 'Price'? (case differs)"),
        new_markdown_cell("Units should be integers, but one is missing:"),
        fails("sales['Units'].astype(int)", "pandas/astype-int-nan"),
        new_code_cell("total_units = sales['Units'].sum()"),
        fails_with("print(total_unit)", "did you mean `total_units`?"),
        new_markdown_cell("## 2. Code from an old tutorial"),
        fails("sales.append({'Product': 'cake'}, ignore_index=True)", "pandas/dataframe-append-removed"),
        new_markdown_cell("## 3. A cell run twice"),
        new_code_cell("sales = sales.drop(columns=['Date'])"),
        fails_with("sales = sales.drop(columns=['Date'])", "This cell already ran as"),
        new_markdown_cell("## 4. Fit a scikit-learn model"),
        new_code_cell("from sklearn.linear_model import LinearRegression\nmodel = LinearRegression()\n"
                      "X = sales['Price'].to_numpy()\ny = sales['Units'].fillna(0).to_numpy()"),
        fails("model.fit(X, y)", "sklearn/expected-2d-array-got-1d"),
        new_markdown_cell("## 5. Shapes in numpy and torch"),
        new_code_cell("import numpy as np\nweights = np.ones((4, 5))\nfeatures = np.ones((3, 1))"),
        fails_with("weights @ features", "`weights.shape == (4, 5)`"),
        new_code_cell("import torch\nfrom torch import nn\nlayer = nn.Linear(3, 1)"),
        fails("layer(torch.randn(4, 5))", "torch/linear-shape-mismatch"),
        new_markdown_cell("## 6. The `%errfix` magic\n\nA pasted traceback (from a colleague, a log, Stack Overflow):"),
        new_code_cell("%%errfix\nTraceback (most recent call last):\n  File \"train.py\", line 12, in <module>\n"
                      "    model.predict(X_test)\nsklearn.exceptions.NotFittedError: This RandomForestClassifier instance is not "
                      "fitted yet. Call 'fit' with appropriate arguments before using this estimator."),
        new_markdown_cell("Panels in Chinese:"),
        new_code_cell("%errfix lang zh"),
        fails("import cv2", "python/module-pip-name-differs"),
        new_markdown_cell("Put fix 1 of the last panel (`%pip install opencv-python`) into a new cell below:"),
        new_code_cell("%errfix apply 1"),
        new_code_cell("%errfix lang en"),
    ]
    return new_notebook(cells=cells, metadata=KERNEL)


def records_of(domain: str) -> list[dict]:
    found = []
    for path in sorted((ROOT / "records" / domain).glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        code = record.get("reproduce", {}).get("code", "")
        if record.get("generic") or not code or any(a in code for a in AVOID) or len(code) > 400:
            continue
        found.append(record)
    found.sort(key=lambda r: (-(r.get("confidence") or 0), r["id"]))
    return found


def domain_notebook(domain: str, count: int = 3) -> nbformat.NotebookNode:
    cells = [new_markdown_cell(f"# errfix_jupyter: {domain} errors\n\nEach failing cell raises a real {domain} error; "
                               "errfix shows its panel under the traceback."),
             new_code_cell("%reload_ext errfix_jupyter")]
    for record in records_of(domain)[:count]:
        cells.append(new_markdown_cell(f"**{record['id']}**: {record.get('summary') or record['signature'][:120]}"))
        cells.append(fails(record["reproduce"]["code"].rstrip(), record["id"]))
    return new_notebook(cells=cells, metadata=KERNEL)


DOMAINS = ["python", "numpy", "pandas", "sklearn", "scipy", "matplotlib", "seaborn", "torch", "tensorflow", "keras",
           "requests", "jupyter", "environment"]


def main() -> None:
    OUT.mkdir(exist_ok=True)
    nbformat.write(demo(), OUT / "demo.ipynb")
    for domain in DOMAINS:
        if (ROOT / "records" / domain).is_dir():
            nbformat.write(domain_notebook(domain), OUT / f"{domain}.ipynb")


if __name__ == "__main__":
    main()
