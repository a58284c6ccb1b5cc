"""Shared fixtures: a fresh IPython shell per test, a small knowledge base, golden files, hermetic homes."""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data"
GOLDEN = Path(__file__).parent / "golden"
sys.path.insert(0, str(ROOT / "dev"))  # record_runner: reproducers and verify programs (not shipped)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files from the current output")


def _hermetic_home() -> Path:
    """Kernels, IPython and Jupyter write nothing into the real home; the user record folder is empty.

    Set when this file is imported, before any test module: a module that opens the knowledge base while it is
    collected (and every worker of ``pytest -n`` collects at once) uses this process's own cache, never the real
    home's, which two workers would otherwise build at the same moment.
    """
    home = Path(tempfile.mkdtemp(prefix="errfix-test-home-"))
    atexit.register(shutil.rmtree, home, ignore_errors=True)
    for var, sub in (("IPYTHONDIR", "ipython"), ("JUPYTER_CONFIG_DIR", "jconfig"), ("JUPYTER_DATA_DIR", "jdata"),
                     ("JUPYTER_RUNTIME_DIR", "jruntime"), ("XDG_DATA_HOME", "xdgdata"), ("XDG_CACHE_HOME", "xdgcache"),
                     ("XDG_CONFIG_HOME", "xdgconfig")):
        os.environ[var] = str(home / sub)
    os.environ.pop("ERRFIX_RECORDS", None)
    os.environ["LANG"] = "C.UTF-8"
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        os.environ.pop(var, None)
    return home


HOME = _hermetic_home()


@pytest.fixture
def golden(request: pytest.FixtureRequest):
    """Compare text with tests/golden/<name>; --update-golden rewrites it; a missing file fails."""
    update = request.config.getoption("--update-golden")

    def check(name: str, actual: str) -> None:
        path = GOLDEN / name
        if update:
            path.write_text(actual, encoding="utf-8")
            return
        assert path.exists(), f"golden file {path} is missing: run pytest --update-golden and review it"
        assert actual == path.read_text(encoding="utf-8"), f"output differs from {path}"

    return check


@pytest.fixture
def shell():
    """A fresh, history-less InteractiveShell with plain colours; errfix not loaded."""
    from IPython.core.interactiveshell import InteractiveShell
    from traitlets.config import Config

    cfg = Config()
    cfg.HistoryManager.enabled = False
    cfg.InteractiveShell.colors = "nocolor"
    InteractiveShell.clear_instance()
    ip = InteractiveShell.instance(config=cfg)
    saved = (getattr(sys, "last_value", None),)
    yield ip
    if getattr(ip, "_errfix_jupyter_state", None) is not None:
        ip.run_line_magic("unload_ext", "errfix_jupyter")
    InteractiveShell.clear_instance()
    del saved


@pytest.fixture
def errfix_shell(shell):
    """A fresh shell with errfix loaded."""
    shell.run_line_magic("load_ext", "errfix_jupyter")
    return shell
