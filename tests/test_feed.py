"""The Atom feed of highlight reports is built offline, validates as XML, has one entry per
published fixture post with absolute addresses from SITE_URL, and is empty on the real site."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest

from conftest import ROOT, mkdocs_build
from hub import data, reports

ATOM = "{http://www.w3.org/2005/Atom}"
FIXTURES = Path(__file__).parent / "fixtures" / "updates" / "posts"
SITE_URL = "https://hub.example.org/bristol/"


def published_fixtures() -> list[str]:
    return [path.stem for path in FIXTURES.glob("*.md") if "draft: true" not in path.read_text()]


@pytest.fixture
def built(project, tmp_path) -> Path:
    shutil.copytree(FIXTURES, project / "docs" / "updates" / "posts", dirs_exist_ok=True)
    site = tmp_path / "site"
    result = mkdocs_build(project, site, env={"SITE_URL": SITE_URL})
    assert result.returncode == 0, result.stderr
    return site


def test_feed_has_one_entry_per_fixture_post(built):
    feed = ET.parse(built / "updates" / "feed.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    expected = sorted(published_fixtures())
    assert len(entries) == len(expected) == 2
    links = sorted(entry.find(f"{ATOM}link").get("href") for entry in entries)
    assert links == [f"{SITE_URL}updates/{stem}/" for stem in expected]
    for link in links:  # every entry's page was built
        assert (built / link.removeprefix(SITE_URL) / "index.html").is_file()
    self_link = feed.find(f"{ATOM}link[@rel='self']").get("href")
    assert self_link == f"{SITE_URL}updates/feed.xml"
    titles = {entry.find(f"{ATOM}title").text for entry in entries}
    assert "TEST FIXTURE: fictional escaping report & co" in titles  # text, not markup
    summaries = {entry.find(f"{ATOM}summary").text for entry in entries}
    assert any("<script>alert(1)</script> and &" in text for text in summaries)
    raw = (built / "updates" / "feed.xml").read_text()
    assert "<script>" not in raw and "&lt;script&gt;" in raw
    assert feed.find(f"{ATOM}updated").text == "2019-05-20T00:00:00Z"  # the newest post


def test_real_site_feed_is_valid_and_empty(site):
    feed = ET.parse(site / "updates" / "feed.xml").getroot()
    assert feed.findall(f"{ATOM}entry") == []
    assert feed.find(f"{ATOM}title").text.startswith("Highlight reports")


def test_feed_is_the_same_bytes_for_the_same_data():
    priorities = data.load_priorities(ROOT)
    loaded = reports.load_reports(FIXTURES.parent.parent.parent.parent, set())  # no posts here
    assert loaded == ()
    first = reports.feed_xml(loaded, priorities, SITE_URL, date(2026, 11, 28))
    again = reports.feed_xml(loaded, priorities, SITE_URL.rstrip("/"), date(2026, 11, 28))
    assert first == again
    assert "<updated>2026-11-28T00:00:00Z</updated>" in first
