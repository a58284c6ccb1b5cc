"""Terminal IPython in a pseudo-terminal: the text panel follows the traceback, readable at 80 columns, in both languages."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from errfix_jupyter.errorinfo import strip_ansi
from errfix_jupyter.render_text import display_width

pytestmark = pytest.mark.slow
IPYTHON = Path(sys.executable).with_name("ipython")


def run_in_pty(lines: list[str], *args: str, timeout: float = 60) -> str:
    """Type ``lines`` into a real interactive ipython on a pty; return everything it printed."""
    main, child = pty.openpty()
    env = {**os.environ, "TERM": "dumb", "COLUMNS": "80", "LINES": "40"}
    proc = subprocess.Popen([str(IPYTHON), "--simple-prompt", "--no-banner", "--colors=NoColor",
                             "--ext=errfix_jupyter", *args], stdin=child, stdout=child, stderr=child, env=env, close_fds=True)
    os.close(child)
    out = b""
    try:
        for line in lines + ["exit"]:
            out += _read_until_prompt(main, timeout)
            os.write(main, (line + "\n").encode())
        out += _read_until_exit(main, proc, timeout)
    finally:
        proc.kill()
        os.close(main)
    return strip_ansi(out.decode("utf-8", "replace")).replace("\r\n", "\n")


def _read_until_prompt(fd: int, timeout: float) -> bytes:
    data, end = b"", time.time() + timeout
    while time.time() < end and not data.rstrip().endswith(b"]:"):
        if select.select([fd], [], [], 0.2)[0]:
            data += os.read(fd, 65536)
    return data


def _read_until_exit(fd: int, proc: subprocess.Popen, timeout: float) -> bytes:
    data, end = b"", time.time() + timeout
    while time.time() < end and proc.poll() is None:
        if select.select([fd], [], [], 0.2)[0]:
            try:
                data += os.read(fd, 65536)
            except OSError:
                break
    return data


@pytest.mark.parametrize("lang, words", [("en", "fix:"), ("zh", "修复：")])
def test_the_text_panel_follows_the_traceback_at_80_columns(lang, words, tmp_path):
    out = run_in_pty(["import json; json.loads('{')"], f"--ErrfixMagics.lang={lang}", f"--ipython-dir={tmp_path}")
    traceback_at = out.index("JSONDecodeError: Expecting property name")
    panel_at = out.index("● errfix ▸")
    assert traceback_at < panel_at
    panel = out[panel_at:].split("In [")[0].rstrip().splitlines()
    assert any(words in line for line in panel)
    assert all(display_width(line) <= 80 for line in panel), panel
    assert "errfix failed" not in out


def test_the_full_panel_is_one_command_away(tmp_path):
    out = run_in_pty(["1/0", "%errfix"], f"--ipython-dir={tmp_path}")
    assert out.count("ZeroDivisionError: division by zero") >= 2
    assert "Fixes, most likely to work first" in out
