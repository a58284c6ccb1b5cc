"""In a real kernel (nbclient): a message the front end cannot carry, and records that would exhaust memory, never
hang or kill the kernel. Bounds are asserted with wide margins: an RSS cap set with ``resource``, a cell timeout."""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

pytestmark = [pytest.mark.kernel, pytest.mark.xdist_group("kernel")]


def execute(cells: list[str], tmp_path: Path, timeout: int = 60) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
    nb.cells = [nbformat.v4.new_code_cell(c) for c in cells]
    NotebookClient(nb, timeout=timeout, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    return nb


def outputs(cell: nbformat.NotebookNode, kind: str) -> list[dict]:
    return [o for o in cell.outputs if o.output_type == kind]


def test_a_lone_surrogate_in_the_message_never_hangs_the_notebook(tmp_path):
    nb = execute(["%load_ext errfix_jupyter",
                  'import json\nname = json.loads(chr(34) + "caf\\\\u00e9 \\\\ud83d" + chr(34))\nraise ValueError(f"unknown product {name}")',
                  "print('after')"], tmp_path, timeout=60)
    failing, after = nb.cells[1], nb.cells[2]
    error = outputs(failing, "error")[0]
    assert error["ename"] == "ValueError"
    assert error["evalue"] == "unknown product café \\ud83d", "the surrogate is escaped as Python's stderr prints it"
    assert "unknown product" in re.sub(r"\x1b\[[0-9;]*m", "", "\n".join(error["traceback"])), "IPython's traceback is kept"
    assert outputs(failing, "display_data"), "the panel is shown under the traceback"
    assert outputs(after, "stream")[0]["text"] == "after\n", "the kernel answered the next cell"


HOSTILE = [
    ("mine/huge-repeat", "ValueError: invoice total", "ValueError: invoice total a{4294967294}", ""),
    ("mine/nested-repeats", "ValueError: invoice total", "ValueError: invoice total (?:(?:(?:(?:a{100}){100}){100}){100})", ""),
    ("mine/source", "ValueError: invoice total", "ValueError: invoice total", "(?:(?:(?:(?:a{100}){100}){100}){100})"),
    ("mine/deep", "ValueError: invoice total", "ValueError: invoice total" + "(" * 200 + "x" + ")" * 200, ""),
]


def test_records_whose_patterns_would_exhaust_memory_leave_the_kernel_alive_under_an_rss_cap(tmp_path):
    folder = tmp_path / "records"
    for rid, signature, regex, source in HOSTILE:
        data = {"id": rid, "signature": signature, "regex": regex, "domain": "mine", "root_cause": "r",
                "workarounds": [{"action": "a"}, {"action": "b"}], **({"source_regex": source} if source else {})}
        path = folder / f"{rid}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(data))
    cap = ("import resource, psutil\n"
           "rss = psutil.Process().memory_info().rss\n"
           "limit = rss + 1536 * 2**20\n"  # 1.5 GiB above what the kernel has now: compiling a{4294967294} needs far more
           "resource.setrlimit(resource.RLIMIT_AS, (psutil.Process().memory_info().vms + 3 * 2**30, resource.RLIM_INFINITY))")
    nb = execute([cap, "%load_ext errfix_jupyter", f"%config ErrfixMagics.records_path = [{str(folder)!r}]",
                  "raise ValueError('invoice total is negative' + 'a' * 50)",
                  "import psutil\nprint(round(psutil.Process().memory_info().rss / 2**20))",
                  "%errfix problems"], tmp_path, timeout=120)
    failing = nb.cells[3]
    assert outputs(failing, "error")[0]["ename"] == "ValueError"
    assert not any("errfix failed" in o.get("text", "") for o in outputs(failing, "stream"))
    rss_mib = int(outputs(nb.cells[4], "stream")[0]["text"])
    assert rss_mib < 2000, f"{rss_mib} MiB: nothing was compiled from the hostile patterns"
    problems = "".join(o["text"] for o in outputs(nb.cells[5], "stream"))
    for rid, *_ in HOSTILE:
        assert f"{rid}.json" in problems, problems
