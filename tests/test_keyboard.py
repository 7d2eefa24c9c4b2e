"""Keyboard only: skip links -> navigation -> search -> a page -> exit, with no mouse."""

from __future__ import annotations

import pytest
import yaml

from conftest import ROOT

EXIT_URL = yaml.safe_load((ROOT / "data" / "site.yml").read_text())["exit_this_page"]["url"]
FOCUSED = """() => { const e = document.activeElement;
  return {text: (e.innerText || e.value || '').trim().replace(/\\s+/g, ' '),
          href: e.getAttribute('href') || '', cls: e.className || '', tag: e.tagName}; }"""


def tab_to(page, match, limit=60):
    """Press Tab until the focused element matches; return what was passed on the way."""
    passed = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        passed.append(focused)
        if match(focused):
            return passed
    raise AssertionError(f"not reached in {limit} Tab presses: {[p['text'] for p in passed]}")


@pytest.mark.browser
def test_keyboard_walk_from_skip_links_to_exit(browser, base_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    neutral = []
    context.route(
        EXIT_URL + "*",
        lambda route: (
            neutral.append(route.request.url),
            route.fulfill(status=200, content_type="text/html", body="<title>Neutral</title>"),
        ),
    )
    page = context.new_page()
    try:
        page.goto(base_url)
        # 1. The skip links come first: Exit this page, then Skip to content.
        page.keyboard.press("Tab")
        assert page.evaluate(FOCUSED)["text"] == "Exit this page"
        page.keyboard.press("Tab")
        assert page.evaluate(FOCUSED)["text"] == "Skip to content"
        page.keyboard.press("Enter")
        assert "#" in page.url

        # 2. Navigation: Tab along to "Get help" in the site navigation and follow it.
        page.goto(base_url)
        passed = tab_to(page, lambda f: "md-nav__link" in f["cls"] and f["text"] == "Get help")
        assert any("hub-exit__button" in p["cls"] for p in passed), "the exit button is reachable"
        page.keyboard.press("Enter")
        page.wait_for_url(base_url + "get-help/")

        # 3. Search: open it with the keyboard, type, move to a result, follow it.
        page.keyboard.press("/")
        assert "md-search__input" in page.evaluate(FOCUSED)["cls"]
        page.keyboard.type("neglect")
        page.locator(".md-search-result__item").first.wait_for()
        page.keyboard.press("ArrowDown")
        result = page.evaluate(FOCUSED)
        assert result["tag"] == "A" and result["href"], result
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.url.split("#")[0] == result["href"].split("#")[0]  # Material's are absolute
        assert "/priorities/neglect/" in page.url

        # 4. On that page the first Tab reaches Exit this page; Enter leaves at once.
        page.keyboard.press("Tab")
        assert page.evaluate(FOCUSED)["text"] == "Exit this page"
        with page.expect_navigation(url=EXIT_URL):
            page.keyboard.press("Enter")
        assert neutral == [EXIT_URL]
    finally:
        context.close()
