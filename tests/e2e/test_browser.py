"""The demo notebook in real JupyterLab 4 and Notebook 7 in headless Chromium: traceback kept, widget rendered
(not "Loading widget...", not the fallback as well), sections expand, 中文 toggle, fix code, %errfix apply."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.xdist_group("browser")]
DOCS = Path(__file__).resolve().parents[2] / "docs"
PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden) .errfix-panel-widget"
EXPECTED_PANELS = 9  # seven failing cells, %errfix and %%errfix


def open_and_run_all(page, jupyter) -> None:
    path = "lab/tree/demo.ipynb?reset" if jupyter.app == "lab" else "notebooks/demo.ipynb"
    page.goto(jupyter.url(path))
    # a code cell's editor: a rendered Markdown cell keeps its (hidden) editor too
    page.wait_for_selector(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .cm-content", timeout=90_000)
    jupyter.wait_kernels_idle()
    page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
    page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
    deadline = time.time() + 180
    while time.time() < deadline and page.locator(PANEL).count() < EXPECTED_PANELS:
        page.wait_for_timeout(500)
    jupyter.wait_kernels_idle(timeout=120)
    page.wait_for_timeout(1000)


@pytest.fixture
def page(browser, jupyter):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    open_and_run_all(page, jupyter)
    yield page
    page.close()


def test_the_demo_works_end_to_end_in_the_browser(page, jupyter, tmp_path):
    from playwright.sync_api import expect

    assert page.locator(PANEL).count() >= EXPECTED_PANELS
    assert page.get_by_text("Loading widget").count() == 0
    assert page.get_by_text("Error displaying widget").count() == 0
    assert page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) details.errfix-panel").count() == 0, "fallback shown too"
    stderr = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
    tracebacks = " ".join(stderr.all_text_contents())
    assert "KeyError" in tracebacks and "Traceback (most recent call last)" in tracebacks

    first = page.locator(PANEL).first
    first.locator(".jupyter-widget-Collapse-header").click()
    expect(first.get_by_text("Fixes, most likely to work first")).to_be_visible()
    expect(first.locator("pre.errfix-code").first).to_be_visible()
    assert first.locator("pre.errfix-code").first.inner_text().strip()
    first.scroll_into_view_if_needed()
    _screenshot(page, first, tmp_path, f"{jupyter.app}-en.png")

    first.locator(".errfix-lang-toggle button", has_text="中文").click()
    expect(first.get_by_text("修复方法（按成功率从高到低）")).to_be_visible()
    _screenshot(page, first, tmp_path, f"{jupyter.app}-zh.png")
    first.locator(".errfix-lang-toggle button", has_text="English").click()
    expect(first.get_by_text("Fixes, most likely to work first")).to_be_visible()

    # %errfix apply 2 put the fix's code into a new cell right below it.
    cells = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Cell .cm-content").all_text_contents()
    at = next(i for i, text in enumerate(cells) if text.strip() == "%errfix apply 2")
    assert "pd.concat([df, pd.DataFrame(" in cells[at + 1]


def _screenshot(page, locator, tmp_path: Path, name: str) -> None:
    out = Path(os.environ.get("ERRFIX_TEST_OUTPUT", tmp_path))
    out.mkdir(parents=True, exist_ok=True)
    locator.screenshot(path=str(out / name))
    page.screenshot(path=str(out / f"full-{name}"))
    if os.environ.get("ERRFIX_UPDATE_DOCS") == "1":
        shutil.copy(out / name, DOCS / name)
