"""In a real kernel: control-flow and odd errors behave exactly as without errfix, and 1,000 failing cells neither
leak memory held by errfix nor get slower."""

from __future__ import annotations

import os
import queue
import re
import statistics
import time

import psutil
import pytest
from jupyter_client.manager import start_new_kernel

pytestmark = [pytest.mark.kernel, pytest.mark.slow, pytest.mark.xdist_group("kernel")]
WIDGET = "application/vnd.jupyter.widget-view+json"


class Kernel:
    """A kernel driven message by message, collecting each execution's iopub outputs."""

    def __init__(self, load: bool) -> None:
        self.km, self.kc = start_new_kernel(kernel_name="python3")
        if load:
            self.run("%load_ext errfix_jupyter")

    def run(self, code: str, *, interrupt_after: float | None = None, timeout: float = 60) -> list[dict]:
        msg_id = self.kc.execute(code)
        if interrupt_after is not None:
            time.sleep(interrupt_after)
            self.km.interrupt_kernel()
        outputs = []
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                msg = self.kc.get_iopub_msg(timeout=1)
            except queue.Empty:
                continue
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            kind = msg["msg_type"]
            if kind == "status" and msg["content"]["execution_state"] == "idle":
                break
            if kind in ("error", "stream", "display_data", "execute_result"):
                outputs.append({"type": kind, **msg["content"]})
        self.kc.get_shell_msg(timeout=10)
        return outputs

    @property
    def pid(self) -> int:
        return self.km.provisioner.process.pid

    def close(self) -> None:
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)


@pytest.fixture(scope="module")
def kernels():
    pair = {"errfix": Kernel(load=True), "plain": Kernel(load=False)}
    yield pair
    for k in pair.values():
        k.close()


def normalised(outputs: list[dict]) -> list[tuple]:
    """Error and stream outputs with run-dependent parts (ANSI codes, addresses, cell numbers) masked."""
    def clean(text: str) -> str:
        text = re.sub(r"\x1b\[[0-9;]*m", "", text)
        return re.sub(r"0x[0-9a-f]+|In\[\d+\]|line \d+|/tmp/ipykernel_\d+/\d+\.py|Thread-\d+", "…", text)
    out = []
    for o in outputs:
        if o["type"] == "error":
            out.append(("error", o["ename"], clean(o["evalue"]), tuple(clean(t) for t in o["traceback"])))
        elif o["type"] == "stream" and "errfix" not in o["text"]:
            out.append(("stream", o["name"], clean(o["text"])))
    return out


def panels(outputs: list[dict]) -> int:
    return sum(1 for o in outputs if o["type"] == "display_data" and WIDGET in o["data"])


CASES = {
    "system-exit": ("raise SystemExit(3)", 0),
    "usage-error": ("%this_magic_does_not_exist", 0),
    "keyboard-interrupt-raised": ("raise KeyboardInterrupt", 0),
    "timeit-error": ("%timeit -n1 -r1 1/0", None),
    "capture-error": ("%%capture captured\nprint('inside')\n1/0", None),
    "exception-group": ("raise ExceptionGroup('batch', [ValueError('a'), KeyError('b')])", None),
    "top-level-await": ("import asyncio\nasync def f():\n    raise ValueError('async boom')\nawait f()", 1),
    "thread-error": ("import threading\nt = threading.Thread(target=lambda: 1/0)\nt.start(); t.join()", 0),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_odd_errors_behave_as_without_errfix(kernels, case):
    code, expected_panels = CASES[case]
    ours, plain = kernels["errfix"].run(code), kernels["plain"].run(code)
    assert normalised(ours) == normalised(plain)
    assert not any("errfix failed" in o.get("text", "") for o in ours)
    if expected_panels is not None:
        assert panels(ours) == expected_panels


def test_a_real_sigint_gets_no_panel(kernels):
    outputs = kernels["errfix"].run("import time\ntime.sleep(30)", interrupt_after=1.5)
    assert any(o["type"] == "error" and o["ename"] == "KeyboardInterrupt" for o in outputs)
    assert panels(outputs) == 0
    assert panels(kernels["errfix"].run("1/0")) == 1, "the next error still gets its panel"


def test_a_thousand_failing_cells_do_not_leak_or_slow_down(kernels, capsys):
    kernel = kernels["errfix"]
    kernel.run("import gc")
    process = psutil.Process(kernel.pid)
    timings, rss = [], []
    for i in range(1000):
        started = time.perf_counter()
        outputs = kernel.run(f"raise KeyError('column_{i}')")
        timings.append(time.perf_counter() - started)
        assert panels(outputs) == 1
        if i % 100 == 99:
            kernel.run("gc.collect()")
            rss.append(process.memory_info().rss / 2**20)
    held = kernel.run("import sys, gc\nfrom errfix_jupyter import handler\n"
                      "h = get_ipython()._errfix_jupyter_state.handler\n"
                      "print(h._pending is None, type(h.last_error).__name__, "
                      "sum(isinstance(o, type(sys.exc_info)) for o in ()))")
    first, last = statistics.median(timings[:100]), statistics.median(timings[-100:])
    growth = rss[-1] - rss[0]
    with capsys.disabled():
        print(f"\n[load] 1000 failing cells: median {first * 1000:.1f} ms (first 100) -> {last * 1000:.1f} ms (last 100), "
              f"ratio {last / first:.2f}; RSS {rss[0]:.0f} MiB after 100 -> {rss[-1]:.0f} MiB after 1000 "
              f"(+{growth:.0f} MiB, {growth * 1024 / 900:.1f} KiB per error, ipywidgets models included)")
    assert "True ErrorInfo" in held[0]["text"], "errfix holds no traceback, only the last error's text"
    assert growth < 150, "memory held per error must stay small"
    assert last / first < 2.0, "the cost of a failing cell must not drift"
