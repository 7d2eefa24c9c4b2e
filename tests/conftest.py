"""Shared fixtures: one strict build of the real site per test session, a local server for it,
and headless Chromium (Debian's, through Playwright). A browser that cannot start fails the
test; it never skips."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks.chromium import ARGS as CHROMIUM_ARGS
from benchmarks.chromium import PATH as CHROMIUM

ROOT = Path(__file__).resolve().parent.parent
# "hub" is copied only because mkdocs.yml watches it; the build imports the installed package.
PROJECT_FILES = [
    "mkdocs.yml",
    "macros.py",
    "docs",
    "data",
    "overrides",
    "includes",
    "hub",
]


def mkdocs_build(project: Path, site: Path, env: dict[str, str] | None = None):
    """Build ``project`` strictly into ``site``; return the finished process (never raises)."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        check=False,
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real site, built once with --strict. Fails the session's site tests if it breaks."""
    out = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, out)
    assert result.returncode == 0, f"strict build failed:\n{result.stderr}"
    return out


@pytest.fixture
def project(tmp_path) -> Path:
    """A throwaway copy of the project's source, for tests that break it on purpose."""
    copy = tmp_path / "project"
    copy.mkdir()
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name)
        elif source.exists():
            shutil.copy2(source, copy / name)
    return copy


def built_pages(site: Path) -> list[str]:
    """Every built HTML page of ``site`` as a URL path from the root: "", "about/", "404.html"."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        if relative.endswith("index.html"):
            relative = relative[: -len("index.html")]
        pages.append(relative)
    return pages


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


@pytest.fixture(scope="session")
def base_url(site) -> Iterator[str]:
    """The built site served on 127.0.0.1 on a free port."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), (
        f"{CHROMIUM} is missing: run `make browser` (apt-get install chromium)"
    )
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()
