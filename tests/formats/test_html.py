"""The HTML report in a real browser: Debian's Chromium, driven by Playwright.

`.ci/run` installs Chromium (apt-get install chromium). On a machine without it these
tests are skipped with the command that installs it, except in CI, where a missing
browser is a failure.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from ..export_helpers import AWKWARD, awkward_map, exported

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


@pytest.fixture(scope="module")
def browser():
    executable = chromium_path()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - playwright is in the test extra
        executable = None
    if executable is None:
        message = "Chromium and Playwright are needed: apt-get install chromium; pip install -e '.[test]'"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def open_page(browser, path: Path):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
    page.on("request", lambda r: problems.append(f"request: {r.url}") if not r.url.startswith("file:") else None)
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, problems


def in_view(page, selector: str) -> bool:
    return page.eval_on_selector(
        selector,
        """el => { const r = el.getBoundingClientRect();
        return r.bottom > 0 && r.top < window.innerHeight && r.right > 0 && r.left < window.innerWidth; }""",
    )


def active_text(page) -> str:
    return page.eval_on_selector_all("mark.active", "marks => marks.map(m => m.textContent).join('')")


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_text(exported(None, "html", output=path), encoding="utf-8")
    return path


def test_report_loads_offline_with_no_console_errors(browser, report):
    page, problems = open_page(browser, report)
    assert page.title() == "The Shanghai Cooperation Organization in the War on Terror"
    assert page.locator("#diagram svg g.node").count() > 46
    assert page.locator("#statements tbody tr").count() == 46
    assert page.locator("#source mark").count() > 50
    page.wait_for_timeout(300)
    assert problems == []  # no errors, no warnings, no request leaving the file


def test_clicking_a_node_highlights_and_shows_its_quote(browser, report):
    page, problems = open_page(browser, report)
    page.click("#diagram g#n-prop-china-ready")
    page.wait_for_timeout(900)  # the smooth scroll
    assert active_text(page).startswith(
        "the Chinese side is ready and willing to facilitate continued development in "
        "this direction, working in cooperation with other member countries"
    )
    assert active_text(page).endswith(
        "cope with the ability to counter other new threats and new challenges that may arise"
    )
    assert in_view(page, "mark.active")
    assert page.get_attribute("#row-prop-china-ready", "class") == "active"
    assert page.locator("#diagram g.node.active").count() == 1
    assert problems == []


def test_clicking_a_row_shows_the_passage_and_the_passage_finds_the_box(browser, report):
    page, problems = open_page(browser, report)
    page.click("#row-sixn-framework-issues td:nth-child(2)")
    page.wait_for_timeout(900)
    assert active_text(page).startswith("This would provide the framework for handling a variety of issues")
    assert in_view(page, "mark.active")
    # back from a passage to its box in the diagram
    page.click("#q-prop-deepen-ct")
    page.wait_for_timeout(900)
    assert page.get_attribute("#n-prop-deepen-ct", "class") == "node active"
    assert in_view(page, "#n-prop-deepen-ct")
    assert page.locator("#row-sixn-framework-issues.active").count() == 0  # the old selection is gone
    assert problems == []


def test_zoom_buttons_scale_the_diagram(browser, report):
    page, problems = open_page(browser, report)
    width = page.eval_on_selector("#diagram svg", "svg => svg.getBoundingClientRect().width")
    page.click("#zoom-in")
    wider = page.eval_on_selector("#diagram svg", "svg => svg.getBoundingClientRect().width")
    assert wider == pytest.approx(width * 1.25, rel=0.01)
    page.click("#zoom-fit")
    fitted = page.eval_on_selector("#diagram svg", "svg => svg.getBoundingClientRect().width")
    canvas = page.eval_on_selector("#diagram .canvas", "c => c.clientWidth")
    assert fitted <= canvas
    assert problems == []


def test_awkward_texts_show_as_typed_and_run_no_script(browser, tmp_path):
    source = awkward_map(tmp_path)
    path = tmp_path / "awkward.html"
    path.write_text(exported(source, "html", output=path), encoding="utf-8")
    page, problems = open_page(browser, path)
    page.wait_for_timeout(300)
    assert problems == []  # the </script><script>alert(1)</script> text ran nothing
    assert page.evaluate("document.scripts.length") == 1
    for i, text in enumerate(AWKWARD):
        shown = page.eval_on_selector(f"#row-s{i} td:nth-child(2)", "td => td.firstChild.textContent")
        expected = " ".join(text.replace("\x07", "\ufffd").replace("\x0b", "\ufffd").split())
        assert shown == expected, i
    page.click("#diagram g#n-s0")
    page.wait_for_timeout(600)
    assert active_text(page) == 'He said "<b>stop</b> & go" \\ then {left|right}'


def test_a_map_without_source_text_still_works(browser, tiny, tmp_path):
    path = tmp_path / "tiny.html"
    path.write_text(exported(tiny, "html", output=path), encoding="utf-8")
    page, problems = open_page(browser, path)
    assert page.locator("#source").count() == 0
    page.click("#diagram g#n-wet")
    page.wait_for_timeout(300)
    assert page.get_attribute("#row-wet", "class") == "active"
    assert problems == []
