"""Highlight reports: front matter checked against the priorities with file and line, honest
empty states, and fictional fixture posts (tests/fixtures/updates/) listed where they belong
in a throwaway copy of the project."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from conftest import ROOT, mkdocs_build
from hub import data, render, reports, views
from hub.errors import DataErrors
from hub.model import Hub

FIXTURES = Path(__file__).parent / "fixtures" / "updates" / "posts"
PRIORITY_IDS = {p.id for p in data.load_priorities(ROOT)}


@pytest.fixture
def root(tmp_path) -> Path:
    shutil.copytree(ROOT / "data" / "schemas", tmp_path / "data" / "schemas")
    shutil.copytree(FIXTURES, tmp_path / "docs" / "updates" / "posts")
    return tmp_path


def test_fixture_posts_load_newest_first_without_drafts(root):
    loaded = reports.load_reports(root, PRIORITY_IDS)
    assert [r.id for r in loaded] == [
        "2019-05-20-test-escaping-report",
        "2019-02-01-test-neglect-report",
    ]
    first = loaded[1]
    assert first.date == date(2019, 2, 1)
    assert first.priorities == ("neglect", "assessments")
    assert first.address == "updates/2019-02-01-test-neglect-report/"
    assert [r.id for r in reports.for_priority(loaded, "assessments")] == [first.id]


def test_the_real_site_has_no_post_yet():
    """No report is written in the Board's name: posts arrive only when one is published."""
    assert list((ROOT / "docs" / "updates" / "posts").glob("*.md")) == []


def _break(root: Path, name: str, old: str, new: str) -> None:
    path = root / "docs" / "updates" / "posts" / name
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "priorities: [neglect, assessments]",
            "priorities: [neglect, assesments]",
            "docs/updates/posts/2019-02-01-test-neglect-report.md, line 5, field "
            "'priorities.1': unknown priority 'assesments'",
        ),
        (
            "priorities: [neglect, assessments]",
            "priority: [neglect]",
            "docs/updates/posts/2019-02-01-test-neglect-report.md, line 2: unknown key 'priority'",
        ),
        (
            "date: 2019-02-01",
            "date: 1 February 2019",
            "docs/updates/posts/2019-02-01-test-neglect-report.md, line 3, field 'date': "
            "'1 February 2019' is not in the expected form",
        ),
        (
            'title: "TEST FIXTURE: fictional neglect highlight report"',
            'title: "<script>alert(1)</script>"',
            "docs/updates/posts/2019-02-01-test-neglect-report.md, line 2, field 'title': "
            "'<script>alert(1)</script>' is not in the expected form",
        ),
        (
            "summary: A fictional post used only by the hub's tests. It reports nothing real.\n",
            "",
            "docs/updates/posts/2019-02-01-test-neglect-report.md, line 2: missing key 'summary'",
        ),
    ],
)
def test_front_matter_mistakes_name_file_and_line(root, old, new, expected):
    _break(root, "2019-02-01-test-neglect-report.md", old, new)
    with pytest.raises(DataErrors) as caught:
        reports.load_reports(root, PRIORITY_IDS)
    assert any(str(e).startswith(expected) for e in caught.value.errors), str(caught.value)


def _hub(found=()) -> Hub:
    return Hub(priorities=data.load_priorities(ROOT), build_date=date(2026, 11, 28), reports=found)


@pytest.mark.parametrize(
    ("view", "kwargs", "expected"),
    [
        ("latest_updates", {}, "No highlight reports have been published here yet."),
        (
            "priority_updates",
            {"priority": "neglect"},
            "No highlight report on this priority has been published here yet.",
        ),
        ("updates_summary", {}, "No highlight reports have been published here yet."),
    ],
)
def test_empty_states_are_honest(view, kwargs, expected):
    with render.at_page(""):
        html = str(views.MACROS[view](_hub(), **kwargs))
    assert expected in html
    assert "<li" not in html


def test_lists_escape_editor_text(root):
    loaded = reports.load_reports(root, PRIORITY_IDS)
    with render.at_page("priorities/domestic-abuse/"):
        html = str(views.priority_updates(_hub(loaded), priority="domestic-abuse"))
    assert "&lt;b&gt;(fictional)&lt;/b&gt; &amp; co" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; and &amp;" in html
    assert "<b>" not in html and "<script>" not in html
    assert 'href="../../updates/2019-05-20-test-escaping-report/"' in html


def test_fixture_posts_build_and_are_listed_where_they_belong(project, tmp_path):
    shutil.copytree(FIXTURES, project / "docs" / "updates" / "posts", dirs_exist_ok=True)
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    post = site / "updates" / "2019-02-01-test-neglect-report" / "index.html"
    assert post.is_file()
    post_html = post.read_text()
    assert "&lt;!--" not in post_html  # the page's own Markdown is not escaped
    assert "About this report" in post_html
    assert "Published by Test sub group (fictional) on" in post_html
    assert 'href="../../priorities/assessments/">Improving Assessments</a>' in post_html
    assert "First published on this hub." in post_html
    assert not (site / "updates" / "2019-06-01-test-draft-report").exists()  # a draft
    home = (site / "index.html").read_text()
    assert "TEST FIXTURE: fictional neglect highlight report" in home
    assert "No highlight reports have been published here yet." not in home
    neglect = (site / "priorities" / "neglect" / "index.html").read_text()
    assert 'href="../../updates/2019-02-01-test-neglect-report/"' in neglect
    domestic = (site / "priorities" / "domestic-abuse" / "index.html").read_text()
    assert "2019-02-01-test-neglect-report" not in domestic
    index = (site / "updates" / "index.html").read_text()
    assert "2 highlight reports published here" in index


def test_a_macro_in_a_report_shows_in_its_excerpt_too(project, tmp_path):
    """Material's blog converts each report's excerpt from its Markdown on its own: the macro's
    HTML must reach the reports index as well as the report's page."""
    posts = project / "docs" / "updates" / "posts"
    shutil.copytree(FIXTURES, posts, dirs_exist_ok=True)
    report = posts / "2019-02-01-test-neglect-report.md"
    text = report.read_text(encoding="utf-8")
    report.write_text(text.replace("<!-- more -->", "{{ status_key() }}\n\n<!-- more -->"))
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    for page in (site / "updates" / "index.html", site / "updates" / report.stem / "index.html"):
        html = page.read_text(encoding="utf-8")
        assert "hub-fragment" not in html, page
        assert "hub-status hub-status--" in html, page  # the key's rows
