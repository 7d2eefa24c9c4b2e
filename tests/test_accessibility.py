"""WCAG 2.2 AA, proved in Chromium: axe-core over every built page in the light scheme, the dark
scheme and a 320 px wide window (no sideways scrolling); tables have captions and header cells;
charts have accessible names. One browser; one context per mode, reused for every page."""

from __future__ import annotations

import pytest
from axe_playwright_python.base import AXE_SCRIPT as AXE_SOURCE

from conftest import built_pages

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
MODES = {
    "light": {"color_scheme": "light", "viewport": {"width": 1280, "height": 900}},
    "dark": {"color_scheme": "dark", "viewport": {"width": 1280, "height": 900}},
    "320px": {"color_scheme": "light", "viewport": {"width": 320, "height": 640}},
}
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations"]}
# At 320 px the colours are the light scheme's, checked for contrast on every page in "light";
# colour-contrast is axe's slowest rule by far (about 80% of its time), so it runs there only.
AXE_OPTIONS_BY_MODE = {
    "light": AXE_OPTIONS,
    "dark": AXE_OPTIONS,
    "320px": {**AXE_OPTIONS, "rules": {"color-contrast": {"enabled": False}}},
}
SCHEME = {"light": "default", "dark": "slate", "320px": "default"}

# Tables in the content without a caption or without header cells; charts (SVG in a figure,
# or role="img") without an accessible name. Material's own icons are aria-hidden or labelled.
STRUCTURE = """() => {
  const problems = [];
  for (const table of document.querySelectorAll("article table")) {
    if (!table.querySelector("caption") || !table.caption.textContent.trim())
      problems.push("table without a caption: " + table.outerHTML.slice(0, 80));
    if (!table.querySelector("th")) problems.push("table without header cells");
  }
  for (const svg of document.querySelectorAll("article figure svg, article svg[role=img]")) {
    if (svg.closest("[aria-hidden=true]")) continue;
    const labelled = svg.getAttribute("aria-labelledby");
    const named = svg.getAttribute("aria-label") ||
      (labelled && labelled.split(/\\s+/).every(id => document.getElementById(id))) ||
      svg.querySelector(":scope > title");
    if (svg.getAttribute("role") !== "img" || !named)
      problems.push("chart without role=img and an accessible name: " + (svg.id || ""));
  }
  return problems;
}"""


def describe(violations) -> list[str]:
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in violations
    ]


TABS = 2  # pages checked at once, each in its own renderer process: both cores work


def start_axe(page, options) -> None:
    """Start axe-core in the page without waiting for it (collect with ``finish_axe``)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_SOURCE)
    page.evaluate(
        "options => { window.__axe = axe.run(document, options).then(r => r.violations); }",
        options,
    )


def finish_axe(page) -> list[dict]:
    return page.evaluate("window.__axe")


@pytest.mark.browser
@pytest.mark.parametrize("mode", list(MODES))
def test_axe_finds_nothing_on_any_page(browser, base_url, site, mode):
    context = browser.new_context(**MODES[mode])
    tabs = [context.new_page() for _ in range(TABS)]
    paths = built_pages(site)
    problems = []
    try:
        for start in range(0, len(paths), TABS):
            batch = list(zip(tabs, paths[start : start + TABS], strict=False))
            for page, path in batch:
                page.goto(base_url + path)
                scheme = page.get_attribute("body", "data-md-color-scheme")
                assert scheme == SCHEME[mode], f"{path}: palette {scheme} in {mode} mode"
                start_axe(page, AXE_OPTIONS_BY_MODE[mode])
            for page, path in batch:
                problems += [f"{path}: {line}" for line in describe(finish_axe(page))]
                if mode == "320px":
                    width = page.evaluate("document.documentElement.scrollWidth")
                    if width > 320:
                        problems.append(f"{path}: scrolls sideways ({width} px wide at 320 px)")
                if mode == "light":
                    problems += [f"{path}: {p}" for p in page.evaluate(STRUCTURE)]
    finally:
        context.close()
    assert problems == []


@pytest.mark.browser
def test_focus_is_visible(browser, base_url):
    """Every focused control shows an outline of at least 2 px (3 px yellow in a dark ring)."""
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(base_url + "get-help/")
        thin = []
        for _ in range(25):
            page.keyboard.press("Tab")
            style = page.evaluate(
                """() => { const e = document.activeElement, s = getComputedStyle(e);
                return [e.tagName + '.' + e.className, s.outlineStyle, parseFloat(s.outlineWidth)];
                }"""
            )
            if style[1] == "none" or style[2] < 2:
                thin.append(style)
        assert thin == []
    finally:
        context.close()


@pytest.mark.browser
def test_the_axe_check_sees_a_violation(page):
    page.set_content('<html lang="en"><title>t</title><main><img src="data:,"></main></html>')
    start_axe(page, AXE_OPTIONS)
    assert "image-alt" in {violation["id"] for violation in finish_axe(page)}
