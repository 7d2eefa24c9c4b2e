""" "Edit this page": with REPO_URL (set by CI) every page links to its source on the
repository's editor; without it no edit link and no invented address; never a request to
another host from the page (the repository link carries no script hook)."""

from __future__ import annotations

import pytest

from conftest import mkdocs_build

REPO = "https://github.com/example-owner/example-repo"


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    from conftest import ROOT

    out = {}
    for name, value in (("with", REPO), ("without", "")):
        site = tmp_path_factory.mktemp(f"site-{name}")
        result = mkdocs_build(ROOT, site, env={"REPO_URL": value})
        assert result.returncode == 0, result.stderr
        out[name] = site
    return out


@pytest.mark.parametrize(
    ("page", "source"),
    [
        ("index.html", "index.md"),
        ("priorities/neglect/index.html", "priorities/neglect.md"),
        ("updates/index.html", "updates/index.md"),
        ("action-plan/index.html", "action-plan.md"),
    ],
)
def test_every_page_links_to_its_source_in_the_repository_editor(builds, page, source):
    html = (builds["with"] / page).read_text()
    assert f'<a href="{REPO}/edit/main/docs/{source}" title="Edit this page"' in html
    assert 'data-md-component="source"' not in html  # no fetch of repository facts
    assert "api.github.com" not in html


def test_every_built_page_has_one_edit_link(builds):
    pages = [p for p in builds["with"].rglob("*.html") if p.name != "404.html"]
    missing = [str(p) for p in pages if p.read_text().count('rel="edit"') != 1]
    assert pages and missing == []


def test_without_repo_url_there_is_no_edit_link_and_no_invented_address(builds):
    for path in builds["without"].rglob("*.html"):
        html = path.read_text()
        assert 'rel="edit"' not in html, path
        assert "github.com" not in html, path
