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


def demo() -> nbformat.NotebookNode:
    cells = [
        new_markdown_cell("# errfix_jupyter demo\n\nA short data-science session in which some cells fail on purpose. "
                          "Under each traceback errfix shows a panel: click it to expand, switch English/中文, copy a fix."),
        new_code_cell("%load_ext errfix_jupyter"),
        new_markdown_cell("## 1. Load a CSV with pandas"),
        new_code_cell("import io\nimport pandas as pd\n\ncsv = io.StringIO('Date,Product,Price,Units\\n2024-01-01,tea,3.5,10\\n'\n"
                      "                   '2024-01-02,coffee,4.0,\\n2024-01-03,tea,3.5,7\\n')\ndf = pd.read_csv(csv)\ndf"),
        fails("df['price'].mean()", "pandas/column-keyerror"),
        new_markdown_cell("The column is `Price`, not `price`. Next, units should be integers, but one is missing:"),
        fails("df['Units'].astype(int)", "pandas/astype-int-nan"),
        new_markdown_cell("## 2. Plot it"),
        new_code_cell("%matplotlib inline\nimport matplotlib.pyplot as plt\nimport numpy as np"),
        fails("plt.plot(np.arange(4), df['Price'])", "matplotlib/x-and-y-must-have-same-first-dimension"),
        new_markdown_cell("## 3. Fit a scikit-learn model"),
        new_code_cell("from sklearn.linear_model import LinearRegression\nmodel = LinearRegression()\n"
                      "X = df['Price'].to_numpy()\ny = df['Units'].fillna(0).to_numpy()"),
        fails("model.fit(X, y)", "sklearn/expected-2d-array-got-1d"),
        fails("LinearRegression().predict(X.reshape(-1, 1))", "sklearn/estimator-not-fitted"),
        new_markdown_cell("## 4. A small torch model"),
        new_code_cell("import torch\nfrom torch import nn\nlayer = nn.Linear(3, 1)"),
        fails("layer(torch.randn(4, 5))", "torch/linear-shape-mismatch"),
        new_markdown_cell("## 5. The `%errfix` magic\n\nThe last error's panel, expanded:"),
        new_code_cell("%errfix"),
        new_markdown_cell("A pasted traceback (from a colleague, a log, Stack Overflow):"),
        new_code_cell("%%errfix\nTraceback (most recent call last):\n  File \"train.py\", line 12, in <module>\n"
                      "    model.predict(X_test)\nsklearn.exceptions.NotFittedError: This RandomForestClassifier instance is not "
                      "fitted yet. Call 'fit' with appropriate arguments before using this estimator."),
        new_markdown_cell("Panels in Chinese, and at most two fixes:"),
        new_code_cell("%errfix lang zh\n%config ErrfixMagics.max_fixes = 2"),
        fails("df.append({'Product': 'cake'}, ignore_index=True)", "pandas/dataframe-append-removed"),
        new_markdown_cell("Put fix 2 of the last panel (`pd.concat`) into a new cell below:"),
        new_code_cell("%errfix apply 2"),
        new_markdown_cell("A SyntaxError is explained too:"),
        fails("print 'hello'", "python/syntax-print-missing-parentheses"),
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
             new_code_cell("%load_ext errfix_jupyter")]
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
