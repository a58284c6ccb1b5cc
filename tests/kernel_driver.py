"""A Jupyter kernel driven message by message (jupyter_client), for kernel tests and benchmarks."""

from __future__ import annotations

import queue
import time

from jupyter_client.manager import start_new_kernel

WIDGET = "application/vnd.jupyter.widget-view+json"


class Kernel:
    """Start a python3 kernel (optionally with errfix loaded) and run cells, collecting their iopub outputs."""

    def __init__(self, load: bool) -> None:
        self.km, self.kc = start_new_kernel(kernel_name="python3")
        if load:
            self.run("%load_ext errfix_jupyter")

    def run(self, code: str, *, interrupt_after: float | None = None, timeout: float = 60) -> list[dict]:
        """Execute ``code``; return its outputs once the kernel is idle again."""
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
            if kind in ("error", "stream", "display_data", "execute_result", "update_display_data"):
                outputs.append({"type": kind, **msg["content"]})
            elif kind in ("comm_open", "comm_close"):
                outputs.append({"type": kind, "target_name": msg["content"].get("target_name", "")})
        self.kc.get_shell_msg(timeout=10)
        return outputs

    def timed(self, code: str) -> tuple[float, list[dict]]:
        """Seconds from the execute request to the kernel going idle, and the outputs."""
        started = time.perf_counter()
        outputs = self.run(code)
        return time.perf_counter() - started, outputs

    @property
    def pid(self) -> int:
        return self.km.provisioner.process.pid

    def close(self) -> None:
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)


def comm_opens(outputs: list[dict]) -> int:
    """How many widget models the kernel opened while the cell ran."""
    return sum(1 for o in outputs if o["type"] == "comm_open")


def panels(outputs: list[dict]) -> int:
    """How many errfix widget panels the outputs hold."""
    return sum(1 for o in outputs if o["type"] == "display_data" and WIDGET in o["data"])
