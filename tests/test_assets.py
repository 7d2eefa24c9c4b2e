"""The hub's own CSS and JS are published without comments, and nothing else changes."""

from __future__ import annotations

import pytest

from conftest import ROOT
from hub.assets import ASSETS, without_comments
from hub.errors import DataError
from hub.site import shipped_assets


@pytest.mark.parametrize(
    ("source", "javascript", "expected"),
    [
        ("/* a\n   b */\na { color: red; }\n", False, "a { color: red; }\n"),
        (
            'a::after { content: " (" attr(href) ")"; }\n',
            False,
            'a::after { content: " (" attr(href) ")"; }\n',
        ),
        (
            "// why\nlet a = 1;\n  // indented why\nlet b = 'http://x';\n",
            True,
            "let a = 1;\nlet b = 'http://x';\n",
        ),
        (
            "let url = 'http://x'; // kept: not a whole line\n",
            True,
            "let url = 'http://x'; // kept: not a whole line\n",
        ),
        ("// a\n", False, "// a\n"),  # CSS has no line comments
    ],
    ids=["css-block", "css-string", "js-lines", "js-trailing", "css-slashes"],
)
def test_without_comments(source, javascript, expected):
    assert without_comments(source, javascript=javascript) == expected


@pytest.mark.parametrize("name", ASSETS)
def test_published_assets_are_the_sources_without_comments(site, name):
    source = (ROOT / "docs" / name).read_text(encoding="utf-8")
    published = (site / name).read_text(encoding="utf-8")
    assert published == without_comments(source, javascript=name.endswith(".js"))
    assert "/*" not in published
    assert len(published) < len(source)


def test_a_missing_asset_fails_the_build_naming_the_file():
    sources = {name: "a { color: red; }\n" for name in ASSETS}
    sources[ASSETS[1]] = None
    with pytest.raises(DataError) as caught:
        shipped_assets(sources)
    assert caught.value.file == f"docs/{ASSETS[1]}"
    assert "restore it" in str(caught.value)


def test_every_asset_is_shipped_without_comments():
    sources = {name: "/* why */\na { color: red; }\n" for name in ASSETS}
    assert shipped_assets(sources) == dict.fromkeys(ASSETS, "a { color: red; }\n")
