"""Content Security Policy: only the site's own origin; inline scripts allowed by hash only.

The policy is a <meta> tag (GitHub Pages cannot send headers), so `frame-ancestors` cannot be
set: browsers ignore it in a meta policy. A host that can send headers should add it.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from conftest import ROOT, built_pages
from hub import csp

MATERIAL = ROOT / ".venv/lib/python3.11/site-packages/material/templates"
JS_TYPES = {None, "", "text/javascript", "module", "application/javascript"}


class _Scripts(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.policies: list[str] = []
        self.inline: list[str] = []
        self.first_script_before_policy = False
        self._in_script = False
        self._buffer: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "meta" and attributes.get("http-equiv") == "Content-Security-Policy":
            self.policies.append(attributes["content"])
        if tag == "script":
            if not self.policies:
                self.first_script_before_policy = True
            self._in_script = "src" not in attributes and attributes.get("type") in JS_TYPES
            self._buffer = []

    def handle_data(self, data):
        if self._in_script:
            self._buffer.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._in_script:
            self.inline.append("".join(self._buffer))
            self._in_script = False


def html_of(site, page):
    return (site / (page if page.endswith(".html") else page + "index.html")).read_text()


def test_every_page_has_one_policy_before_any_script(site):
    for page in built_pages(site):
        scripts = _Scripts()
        scripts.feed(html_of(site, page))
        assert len(scripts.policies) == 1, page
        assert not scripts.first_script_before_policy, page
        policy = scripts.policies[0]
        assert "default-src 'self'" in policy
        assert "object-src 'none'" in policy
        assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
        assert not re.search(r"https?:|\*", policy), policy


def test_every_inline_script_is_allowed_by_a_hash(site):
    uncovered = []
    for page in built_pages(site):
        scripts = _Scripts()
        scripts.feed(html_of(site, page))
        for body in scripts.inline:
            if csp.script_hash(body) not in scripts.policies[0]:
                uncovered.append(f"{page}: {body[:80]}")
    assert uncovered == []


def test_md_scope_js_is_materials_inline_script():
    """If Material changes its inline base script, docs/javascripts/md-scope.js must follow."""
    upstream = (MATERIAL / "partials/javascripts/base.html").read_text()
    inline = re.search(r"<script>(.*)</script>", upstream, re.DOTALL)[1]
    ours = (ROOT / "docs/javascripts/md-scope.js").read_text().splitlines()[-1]
    expected = inline.replace(
        '"{{ config.extra.scope | d(base_url) }}"', "document.currentScript.dataset.mdScope"
    )
    assert ours == expected


@pytest.mark.browser
def test_no_page_reports_a_violation(browser, base_url, site):
    context = browser.new_context()
    context.add_init_script(
        "window.__violations = [];"
        "document.addEventListener('securitypolicyviolation', e => "
        "window.__violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sample));"
    )
    page = context.new_page()
    errors = []
    page.on(
        "console",
        lambda message: (
            errors.append(f"{page.url}: {message.text}")
            if "Content Security Policy" in message.text
            else None
        ),
    )
    try:
        pages = built_pages(site)
        for number, path in enumerate(pages):
            page.goto(base_url + path)
            if number in (0, len(pages) - 1):
                # search: its worker and index load under the policy too (same on every page)
                page.keyboard.press("s")
                page.keyboard.type("child")
                page.locator(".md-search-result__item").first.wait_for()
            found = page.evaluate("window.__violations")
            errors += [f"{path}: {violation}" for violation in found]
    finally:
        context.close()
    assert errors == []
