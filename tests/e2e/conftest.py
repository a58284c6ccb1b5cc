"""JupyterLab / Notebook 7 servers on 127.0.0.1 with isolated config, and headless Debian Chromium via playwright."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parents[2]
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]


def _require_or_skip(reason: str) -> None:
    if os.environ.get("ERRFIX_REQUIRE_BROWSER") == "1":
        pytest.fail(f"browser tests are required here (ERRFIX_REQUIRE_BROWSER=1) but {reason}")
    pytest.skip(reason)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class JupyterServer:
    """One jupyter server process in its own session, with every config and data dir under ``base``."""

    def __init__(self, app: str, root: Path, base: Path) -> None:
        self.app, self.root, self.base = app, root, base
        self.port = free_port()
        self.proc: subprocess.Popen | None = None
        self.children: list[int] = []

    def url(self, path: str = "") -> str:
        return f"http://127.0.0.1:{self.port}/{path}"

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        for var in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR", "JUPYTERLAB_SETTINGS_DIR",
                    "JUPYTERLAB_WORKSPACES_DIR", "IPYTHONDIR"):
            env[var] = str(self.base / var.lower())
        settings = self.base / "jupyterlab_settings_dir" / "@jupyterlab" / "apputils-extension"
        settings.mkdir(parents=True, exist_ok=True)
        (settings / "notification.jupyterlab-settings").write_text(json.dumps({"fetchNews": "false", "checkForUpdates": False}))
        profile = self.base / "ipythondir" / "profile_default"
        profile.mkdir(parents=True, exist_ok=True)
        (profile / "ipython_config.py").write_text('c.InteractiveShellApp.extensions = ["errfix_jupyter"]\n')
        return env

    def __enter__(self) -> JupyterServer:
        module = "jupyterlab" if self.app == "lab" else "notebook"
        flags = ["--no-browser", "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={self.port}", "--ServerApp.port_retries=0",
                 "--IdentityProvider.token=", "--ServerApp.password=", f"--ServerApp.root_dir={self.root}",
                 "--ServerApp.allow_root=True", "--LanguageServerManager.autodetect=False"]
        if self.app == "lab":
            flags.append("--LabApp.news_url=None")
        self.log = open(self.base / "server.log", "w")
        self.proc = subprocess.Popen([sys.executable, "-m", module, *flags], env=self.env(), cwd=self.root,
                                     stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.time() + 90
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"jupyter {self.app} exited: {(self.base / 'server.log').read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(self.url("api/status"), timeout=2):
                    return self
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("jupyter server did not answer in 90 s")

    def kernels(self) -> list[dict]:
        try:
            with urllib.request.urlopen(self.url("api/kernels"), timeout=5) as r:
                return json.load(r)
        except OSError:  # a busy server answers 500 or times out now and then: ask again on the next poll
            return []

    def wait_kernels_idle(self, timeout: float = 90) -> None:
        deadline = time.time() + timeout
        while time.time() < deadline:
            kernels = self.kernels()
            if kernels and all(k["execution_state"] == "idle" for k in kernels):
                return
            time.sleep(0.3)
        raise TimeoutError("kernel did not become idle")

    def __exit__(self, *exc: object) -> None:
        import psutil

        if self.proc is None:
            return
        try:
            self.children = [c.pid for c in psutil.Process(self.proc.pid).children(recursive=True)]
        except psutil.Error:
            self.children = []
        try:
            urllib.request.urlopen(urllib.request.Request(self.url("api/shutdown"), method="POST"), timeout=5)
            self.proc.wait(15)
        except Exception:  # noqa: BLE001
            os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(10)
        for pid in self.children:
            try:
                psutil.Process(pid).terminate()
            except psutil.Error:
                pass
        self.log.close()


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    if not os.path.exists(CHROMIUM):
        _require_or_skip("Debian's chromium is not installed (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _require_or_skip("the playwright package is not installed (pip install playwright)")
    home = tmp_path_factory.mktemp("chromium")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS,
                              env={**os.environ, "XDG_CONFIG_HOME": str(home / "config"), "XDG_CACHE_HOME": str(home / "cache")})
        yield b
        b.close()


@pytest.fixture(scope="session", params=["lab", "notebook"])
def jupyter(request, tmp_path_factory):
    base = tmp_path_factory.mktemp(f"jupyter-{request.param}")
    root = base / "root"
    root.mkdir()
    shutil.copy(ROOT / "examples" / "demo.ipynb", root / "demo.ipynb")
    with JupyterServer(request.param, root, base) as server:
        yield server
