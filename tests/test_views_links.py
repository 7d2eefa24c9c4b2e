"""Links in fragments: the ``page_url`` filter gives a URL relative to the page being built."""

from __future__ import annotations

import pytest

from hub.render import at_page, page_url


@pytest.mark.parametrize(
    ("here", "path", "expected"),
    [
        ("priorities/neglect/", "priorities/neglect.md#indicators", "#indicators"),
        ("priorities/neglect/", "index.md", "../../"),
        ("priorities/neglect/", "index.md#top", "../../#top"),
        ("", "priorities/neglect.md", "priorities/neglect/"),
        ("", "index.md", "./"),
        ("", "index.md#top", "#top"),
        ("priorities/", "priorities/index.md", "./"),
        ("priorities/", "data/key-indicators.csv", "../data/key-indicators.csv"),
        ("404.html", "priorities/neglect.md", "priorities/neglect/"),
        ("x/y.html", "a/b/c.md#d", "../a/b/c/#d"),
    ],
)
def test_page_url(here, path, expected):
    with at_page(here):
        assert page_url(path) == expected
