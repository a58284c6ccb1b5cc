"""The core (records, matching, rendering) imports neither IPython nor ipywidgets."""

from __future__ import annotations

import subprocess
import sys

CORE = ["record", "schema", "loader", "knowledge", "literals", "errorinfo", "matcher", "versions", "lint",
        "i18n", "view", "render_text", "render_html", "lookup", "cli", "patterns", "placeholders", "migrations", "imports"]


def test_the_core_modules_and_a_lookup_load_no_ipython_and_no_widgets():
    code = ("import sys\n" + "".join(f"import errfix_jupyter.{m}\n" for m in CORE)
            + "import errfix_jupyter\nerrfix_jupyter.lookup_text('ZeroDivisionError: division by zero')\n"
            + "print(sorted(m for m in sys.modules if m.split('.')[0] in ('IPython', 'ipywidgets', 'traitlets')))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_importing_the_package_loads_nothing_heavy():
    code = ("import sys, errfix_jupyter\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('IPython', 'ipywidgets', 'jsonschema', 'regex', 'rapidfuzz')))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
