"""Exit this page behaves as the GOV.UK component does, in headless Chromium.

No request leaves the machine: the neutral page (data/site.yml) is intercepted with page.route
and answered locally. Time-outs run on Playwright's fake clock, not on real time.
"""

from __future__ import annotations

import re

import pytest
import yaml

from conftest import ROOT, built_pages

EXIT_URL = yaml.safe_load((ROOT / "data" / "site.yml").read_text())["exit_this_page"]["url"]
NEUTRAL = "<!doctype html><title>Neutral page</title><p>Weather"
STATUS = "[data-hub-exit-status]"
PAGE = "priorities/neglect/"


def test_every_page_has_the_button_and_the_skip_link(site):
    pattern = re.compile(
        r'<a href="(?P<href>[^"]+)" role="button"[^>]*class="hub-exit__button"[^>]*>'
        r'<span class="hub-visually-hidden">Emergency</span> Exit this page</a>'
    )
    for page in built_pages(site):
        html = (site / (page + "index.html" if not page.endswith(".html") else page)).read_text()
        button = pattern.search(html)
        assert button, f"{page}: no Exit this page button"
        assert button["href"] == EXIT_URL
        assert f'<a href="{EXIT_URL}" class="md-skip hub-exit-skip"' in html, page
        assert "exit-this-page.js" in html, page


@pytest.fixture
def neutral(page):
    """Answer the neutral page locally and count how often it was asked for."""
    hits = []

    def fulfil(route):
        hits.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body=NEUTRAL)

    page.route(EXIT_URL + "*", fulfil)
    return hits


def status(page) -> str:
    return page.locator(STATUS).text_content().strip()


def shift(page, times=1):
    for _ in range(times):
        page.keyboard.press("Shift")


@pytest.mark.browser
def test_the_button_goes_to_the_neutral_page(page, base_url, neutral):
    page.goto(base_url + PAGE)
    page.get_by_role("button", name="Emergency Exit this page").click()
    page.wait_for_url(EXIT_URL)
    assert neutral == [EXIT_URL]
    assert page.title() == "Neutral page"


@pytest.mark.browser
def test_three_shift_presses_exit_with_announcements(page, base_url, neutral):
    page.goto(base_url + PAGE)
    shift(page)
    assert status(page) == "Shift, press 2 more times to exit."
    shift(page)
    assert status(page) == "Shift, press 1 more time to exit."
    with page.expect_navigation(url=EXIT_URL):
        shift(page)
    assert neutral == [EXIT_URL]


@pytest.mark.browser
def test_the_page_is_hidden_at_once_under_a_loading_overlay(page, base_url):
    # 204 No Content cancels the navigation, so the page stays and the overlay can be seen.
    page.route(EXIT_URL + "*", lambda route: route.fulfill(status=204))
    page.goto(base_url + PAGE)
    shift(page, 3)
    overlay = page.locator(".hub-exit-overlay")
    overlay.wait_for()
    assert overlay.get_by_role("status").text_content() == "Loading."
    assert page.locator("article").is_hidden()
    assert page.evaluate("document.documentElement.classList.contains('hub-exit-active')")


@pytest.mark.browser
def test_any_other_key_resets_the_count(page, base_url, neutral):
    page.goto(base_url + PAGE)
    shift(page, 2)
    page.keyboard.press("a")
    assert status(page) == ""
    shift(page, 2)
    assert status(page) == "Shift, press 1 more time to exit."
    assert neutral == []


@pytest.mark.browser
def test_shift_used_as_a_modifier_does_not_count(page, base_url, neutral):
    page.goto(base_url + PAGE)
    page.keyboard.down("Shift")
    page.keyboard.press("A")
    page.keyboard.up("Shift")
    shift(page, 2)
    assert status(page) == "Shift, press 1 more time to exit."
    assert neutral == []


@pytest.mark.browser
def test_the_window_is_five_seconds_from_the_last_press(page, base_url, neutral):
    page.clock.install()
    page.goto(base_url + PAGE)
    shift(page)
    page.clock.run_for(4000)
    shift(page)  # restarts the window
    page.clock.run_for(4000)
    assert status(page) == "Shift, press 1 more time to exit."
    page.clock.run_for(1100)
    assert status(page) == "Exit this page expired."
    shift(page, 2)  # counting starts again from nothing
    assert status(page) == "Shift, press 1 more time to exit."
    assert neutral == []


@pytest.mark.browser
def test_back_removes_the_overlay(page, base_url, neutral):
    page.goto(base_url + PAGE)
    with page.expect_navigation(url=EXIT_URL):
        shift(page, 3)
    page.go_back()
    page.wait_for_url(base_url + PAGE)
    assert page.locator(".hub-exit-overlay").count() == 0
    assert page.locator("article").is_visible()
    assert not page.evaluate("document.documentElement.classList.contains('hub-exit-active')")
    # and it works again
    with page.expect_navigation(url=EXIT_URL):
        shift(page, 3)


@pytest.mark.browser
def test_works_without_materials_javascript(page, base_url, neutral):
    page.route(re.compile(r".*/assets/javascripts/.*"), lambda route: route.abort())
    page.goto(base_url + PAGE)
    shift(page)
    assert status(page) == "Shift, press 2 more times to exit."
    with page.expect_navigation(url=EXIT_URL):
        shift(page, 2)


@pytest.mark.browser
def test_the_exit_skip_link_comes_first(page, base_url):
    page.goto(base_url + PAGE)
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "[document.activeElement.textContent.trim(), document.activeElement.href]"
    )
    assert focused == ["Exit this page", EXIT_URL]
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to content"


@pytest.mark.browser
def test_space_on_the_button_exits(page, base_url, neutral):
    page.goto(base_url + PAGE)
    page.get_by_role("button", name="Emergency Exit this page").focus()
    with page.expect_navigation(url=EXIT_URL):
        page.keyboard.press(" ")
