"""The fragments' compiled templates are kept in .cache/ (hub/render.py, CompiledFragments):
never stale, and never an error when the cache cannot be written."""

from __future__ import annotations

import os

import pytest

from hub import render


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
