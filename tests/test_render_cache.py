"""The fragments' compiled templates are kept in .cache/ (hub/render.py, TemplateFileCache):
never stale, and never an error when the cache cannot be written."""

from __future__ import annotations

import os
from datetime import date

import pytest

from hub import render, reports


def fresh_environment(directory):
    render.environment.cache_clear()
    try:
        return render.environment(directory)
    finally:
        render.environment.cache_clear()


@pytest.fixture
def fragments(tmp_path):
    folder = tmp_path / "overrides" / "fragments"
    folder.mkdir(parents=True)
    return folder


def test_a_compiled_template_is_kept_and_an_edited_one_compiled_again(fragments):
    template = fragments / "hello.html"
    template.write_text("Hello {{ name }}", encoding="utf-8")
    assert fresh_environment(fragments).get_template("hello.html").render(name="<b>") == (
        "Hello &lt;b&gt;"
    )
    cache = fragments.parent.parent / ".cache" / "hub-fragments"
    assert len(list(cache.glob("hub-*.cache"))) == 1

    template.write_text("Goodbye {{ name }}", encoding="utf-8")
    assert fresh_environment(fragments).get_template("hello.html").render(name="x") == "Goodbye x"


def test_a_cache_that_cannot_be_written_is_skipped(fragments):
    (fragments / "hello.html").write_text("Hello", encoding="utf-8")
    cache = fragments.parent.parent / ".cache" / "hub-fragments"
    cache.mkdir(parents=True)
    os.chmod(cache, 0o500)
    try:
        if os.access(cache, os.W_OK):  # root ignores the mode: make the folder a file instead
            cache.rmdir()
            cache.write_text("not a folder", encoding="utf-8")
        assert fresh_environment(fragments).get_template("hello.html").render() == "Hello"
    finally:
        if cache.is_dir():
            os.chmod(cache, 0o700)


def test_an_environment_set_up_elsewhere_has_its_own_fingerprint(fragments, tmp_path):
    """The Atom feed's environment (hub/reports.py) has other options than the fragments':
    its compiled templates are kept under a fingerprint that includes the module setting it up,
    so an edit to that module never meets code compiled for the old options."""
    module = tmp_path / "setup.py"
    module.write_text("options = 1\n", encoding="utf-8")
    plain = render.template_file_cache(fragments)
    first = render.template_file_cache(fragments, module)
    module.write_text("options = 2\n", encoding="utf-8")
    second = render.template_file_cache(fragments, module)
    patterns = {cache.pattern for cache in (plain, first, second)}
    assert len(patterns) == 3


def test_the_feed_is_the_same_compiled_or_kept():
    first = reports.feed_xml((), (), "https://example.org/", date(2026, 11, 28))
    second = reports.feed_xml((), (), "https://example.org/", date(2026, 11, 28))
    assert first == second and first.startswith("<?xml")
