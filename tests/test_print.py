"""Print: only the content prints, black on white, external links show their address, and the
whole strategy prints from one page (about/whole-plan/), first sentence to last, as a PDF."""

from __future__ import annotations

import re

import pytest

from conftest import built_pages

# The strategy's first and last sentences (strategy/bscb-strategic-plan-2018-2019.txt).
FIRST = "The BSCB is committed to a vision of Bristol where safeguarding children effectively"
LAST = "This will be overseen by the BSCB Executive."
CHROME = [".md-header", ".md-sidebar--primary", ".md-search", ".hub-exit", ".md-footer__inner"]


@pytest.fixture
def printed(browser):
    context = browser.new_context(color_scheme="dark")  # prints black on white all the same
    page = context.new_page()
    page.emulate_media(media="print")
    yield page
    context.close()


@pytest.mark.browser
def test_the_whole_plan_prints_from_first_sentence_to_last(printed, base_url):
    page = printed
    page.goto(base_url + "about/whole-plan/")
    text = page.locator("article").inner_text()
    text = re.sub(r"\s+", " ", text)
    assert FIRST in text and LAST in text
    assert text.index(FIRST) < text.index(LAST)
    for selector in CHROME:
        assert page.locator(selector).first.is_hidden(), f"{selector} prints"
    assert page.locator("article").is_visible()
    colours = page.evaluate(
        "[getComputedStyle(document.querySelector('article')).color,"
        " getComputedStyle(document.body).backgroundColor]"
    )
    assert colours == ["rgb(0, 0, 0)", "rgb(255, 255, 255)"]
    pdf = page.pdf(format="A4", print_background=True)
    assert pdf.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages >= 5, f"the whole plan printed on {pages} pages"


@pytest.mark.browser
def test_external_links_print_their_address(printed, base_url):
    page = printed
    page.goto(base_url + "get-help/")
    link = page.locator("article a[href^='https://']").first
    after = link.evaluate("a => getComputedStyle(a, '::after').content")
    assert link.get_attribute("href") in after


@pytest.mark.browser
def test_charts_print_in_black_and_white(printed, base_url, site):
    with_charts = [
        p for p in built_pages(site) if p.startswith("indicators/") and p.count("/") == 2
    ]
    checked = 0
    for path in with_charts:
        printed.goto(base_url + path)
        for chart in printed.locator("article figure svg").all():
            assert chart.is_visible(), path
            assert "grayscale(1)" in chart.evaluate("svg => getComputedStyle(svg).filter")
            checked += 1
    assert checked, "no chart found to print"
