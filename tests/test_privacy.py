"""Privacy: no page asks any host but the site's own for anything; no cookies; no analytics; no
web fonts from elsewhere. Requests to other hosts are recorded and aborted, so none leaves."""

from __future__ import annotations

import functools
import http.server
import re
import threading
from urllib.parse import urlsplit

import pytest

from conftest import _QuietHandler, built_pages, mkdocs_build

TRACKERS = re.compile(
    r"google-analytics|googletagmanager|gtag\(|plausible|matomo|piwik|hotjar|clarity\.ms|"
    r"fonts\.googleapis|fonts\.gstatic|cdn\.jsdelivr|unpkg\.com|cdnjs",
    re.IGNORECASE,
)


# Anything not on the local server is routed (in Playwright's driver, not in Python) and aborted.
ELSEWHERE = re.compile(r"^(?!https?://127\.0\.0\.1[:/])")


def foreign(urls):
    return sorted({url for url in urls if urlsplit(url).hostname != "127.0.0.1"})


def visit_all(browser, base_url, paths, search=True, **options):
    """Visit each path in one context; return (foreign requests, cookies, storage)."""
    found, cookies, storage = [], [], {}
    context = browser.new_context(**options)
    try:
        seen = []
        context.on("request", lambda request: seen.append(request.url))
        context.route(ELSEWHERE, lambda route: route.abort())
        page = context.new_page()
        for number, path in enumerate(paths):
            seen.clear()
            page.goto(base_url + path)
            if search and number == 0:
                page.keyboard.press("s")
                page.keyboard.type("neglect")
                page.locator(".md-search-result__item").first.wait_for()
            page.wait_for_timeout(150)  # late requests (the search worker's) are seen too
            found += [f"{path}: {url}" for url in foreign(seen)]
            if page.evaluate("document.cookie"):
                cookies.append(f"{path}: {page.evaluate('document.cookie')}")
            storage.update(page.evaluate("Object.assign({}, localStorage, sessionStorage)"))
        cookies += context.cookies()
    finally:
        context.close()
    return found, cookies, storage


@pytest.mark.browser
def test_no_page_requests_another_host_or_sets_a_cookie(browser, base_url, site):
    found, cookies, storage = visit_all(browser, base_url, built_pages(site))
    assert found == []
    assert cookies == []
    # Material keeps small settings in the browser's storage (no cookie, nothing sent anywhere);
    # "Staying safe online" tells readers that clearing their history removes them.
    assert all(key.startswith("/") for key in storage), storage


def test_no_analytics_fonts_or_cdns_in_any_built_file(site):
    offenders = []
    for path in site.rglob("*"):
        if path.suffix in {".html", ".css", ".js"} and "workers" not in path.parts:
            text = path.read_text(encoding="utf-8", errors="replace")
            if path.suffix == ".html" and (hit := TRACKERS.search(text)):
                offenders.append(f"{path.relative_to(site)}: {hit[0]}")
            for url in re.findall(r"@font-face[^}]*url\(([^)]*)\)", text):
                if re.match(r"['\"]?(https?:)?//", url):
                    offenders.append(f"{path.relative_to(site)}: font {url}")
    assert offenders == []


def _serve(directory):
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.mark.browser
@pytest.mark.parametrize("override", [True, False], ids=["our-source-partial", "materials"])
def test_a_repository_link_fetches_nothing(browser, project, override):
    """With repo_url set (for "Edit this page"), Material's own source partial asks
    api.github.com for stars and forks on every page; ours is a plain link."""
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text() + "\nrepo_url: https://github.com/example/example\n"
        "repo_name: example/example\n"
    )
    if not override:
        (project / "overrides" / "partials" / "source.html").unlink()
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    server, base = _serve(project / "site")
    try:
        # bypass_csp: prove the partial itself asks nothing (our CSP would also block it)
        found, _, _ = visit_all(browser, base, ["", "get-help/"], search=False, bypass_csp=True)
    finally:
        server.shutdown()
    if override:
        assert found == []
    else:  # the check is sensitive: Material's partial does call GitHub
        assert any("api.github.com" in line for line in found), found
