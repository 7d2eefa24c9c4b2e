"""Page weight in headless Chromium: requests, bytes transferred (compressed) and HTML size."""

from __future__ import annotations

from dataclasses import dataclass

from benchmarks import chromium


@dataclass(frozen=True)
class Weight:
    url: str
    requests: int
    transferred: int  # bytes on the wire: headers + bodies as sent (gzip where accepted)
    html_transferred: int  # the document alone, compressed
    html_bytes: int  # the document, uncompressed
    third_party: int  # requests to any host but the local server


def measure(urls: list[str]) -> list[Weight]:
    from playwright.sync_api import sync_playwright

    results = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium.PATH, args=chromium.ARGS)
        try:
            for url in urls:
                results.append(_one(browser, url))
        finally:
            browser.close()
    return results


def _one(browser, url: str) -> Weight:
    context = browser.new_context()  # empty cache: a first visit
    page = context.new_page()
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    response = page.goto(url, wait_until="networkidle")
    html_bytes = len(response.body())
    origin = url.split("/", 3)[:3]
    total = html_transferred = third_party = 0
    for request in finished:
        sizes = request.sizes()
        size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
        total += size
        if request.url == response.url:
            html_transferred = size
        if request.url.split("/", 3)[:3] != origin:
            third_party += 1
    context.close()
    return Weight(url, len(finished), total, html_transferred, html_bytes, third_party)
