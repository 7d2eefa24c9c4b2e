"""Smoke test: the home page opens in headless Chromium and shows the vision and six priorities."""

from __future__ import annotations

import pytest
import yaml

from conftest import ROOT

PRIORITIES = yaml.safe_load((ROOT / "data" / "priorities.yml").read_text(encoding="utf-8"))[
    "priorities"
]
VISION = "safeguarding children effectively is “Everybody’s Business”"


@pytest.mark.browser
def test_home_page_shows_the_vision_and_the_six_priorities(page, base_url):
    response = page.goto(base_url)
    assert response is not None and response.ok
    main = page.locator("article").first
    text = " ".join(main.inner_text().split())
    assert VISION in text
    for priority in PRIORITIES:
        link = main.get_by_role("link", name=priority["title"], exact=True)
        assert link.count() >= 1, priority["title"]
        assert link.first.is_visible(), priority["title"]
    assert len(PRIORITIES) == 6


@pytest.mark.browser
def test_a_priority_link_opens_its_page(page, base_url):
    page.goto(base_url)
    first = PRIORITIES[0]
    page.locator("article").get_by_role("link", name=first["title"], exact=True).first.click()
    page.wait_for_load_state()
    heading = page.locator("article h1").first.inner_text()
    assert heading.startswith(f"{first['number']}. {first['title']}")
