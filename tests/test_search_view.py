"""Site search reads a fragment's index view (hub/search.py) instead of its HTML: for every
fragment on the site, and for awkward HTML, Material's own search parser must make the same
entries from both: the same sections, with the same ids, titles and words."""

from __future__ import annotations

import re

import pytest
from material.plugins.search.plugin import Parser
from mkdocs.utils.meta import get_data

from conftest import ROOT, built_pages
from hub import search
from hub.render import docs_path_to_url
from hub.site import Build, Fragments

# What the index keeps around a fragment on a page: a title, text before and after it.
PAGE = '<h1 id="page">Page</h1>\n<p>Before the fragment.</p>\n{}\n<p>After it.</p>\n'


def entries(fragment: str) -> list[tuple]:
    """The search entries Material's parser makes of a page holding ``fragment``: each section's
    heading, id, title and words (runs of whitespace are not words, and lunr splits at them)."""
    parser = Parser()
    parser.feed(PAGE.format(fragment))
    parser.close()
    return [
        (section.el.tag, section.id, "".join(section.title).strip(), "".join(section.text).split())
        for section in parser.data
    ]


def site_fragments() -> list[tuple[str, str]]:
    """Every searched fragment the real pages make: (page and number on it, HTML)."""
    build = Build.start(ROOT, [])
    held = build.fragments
    named = []
    for path in sorted((ROOT / "docs").rglob("*.md")):
        page = path.relative_to(ROOT / "docs").as_posix()
        before = len(held._held)
        markdown, meta = get_data(path.read_text(encoding="utf-8"))
        build.page_markdown(markdown, page, docs_path_to_url(page), meta, path.read_text)
        named += [f"{page} {n + 1}" for n in range(len(held._held) - before)]
    pairs = zip(named, held._held, held._searched, strict=True)
    return [(name, html) for name, html, searched in pairs if searched]


FRAGMENTS = site_fragments()


def test_the_site_has_searched_fragments_with_and_without_headings():
    assert len(FRAGMENTS) > 30
    assert any(search.HEADING.search(html) for _, html in FRAGMENTS)


@pytest.mark.parametrize(("name", "html"), FRAGMENTS, ids=[name for name, _ in FRAGMENTS])
def test_every_fragment_on_the_site_indexes_the_same_in_its_view(name, html):
    view = search.index_view(html)
    assert entries(view) == entries(html)
    assert len(view) < len(html)


CASES = {
    "table": """<div class="hub-table-wrap" role="region" aria-label="A table" tabindex="0">
<table>
  <caption>Progress, at 1 December 2026</caption>
  <thead><tr><th scope="col">Indicator</th><th scope="col">Latest</th></tr></thead>
  <tbody>
    <tr>
      <th scope="row"><a href="../x/">1. Children&#39;s &amp; young people&rsquo;s</a></th>
      <td>114<abbr title="per 10,000">/10k</abbr></td>
    </tr>
  </tbody>
</table>
</div>""",
    "cells without space glue words, as on the page's index": "<table><tr><td>a</td><td>b</td></tr>"
    "</table>",
    "definition list": "<dl class='x'>\n<dt>Latest</dt>\n<dd>114 <strong>(proxy)</strong></dd>\n"
    "<dt>Change</dt><dd>−9</dd>\n</dl>",
    "kept tags with attributes": '<ul class="a">\n  <li class="b"><p class="c">One\n  two</p>'
    '</li>\n  <li><code class="d">x  y</code><sub>2</sub><sup class="e">3</sup></li>\n</ul>',
    "empty kept element": '<p class="hub-empty"></p><p>Text</p>',
    "void elements": "<p>Line<br>break<img src='a.png' alt='A'><wbr>here</p><hr>",
    "svg icon": '<span class="i"><svg viewBox="0 0 1 1"><path d="M0 0"/></svg> Label</span>',
    "no-break space": "<p>£\u00a0100\u00a0000</p>",
    "leading and trailing text": "\n  text first <em>then</em> more  \n",
    "headings in a wrapper": '<div class="w">\n<p>Intro</p>\n<h2 id="one">One <em>1</em></h2>\n'
    '<ol class="x">\n<li><p><strong>Owner:</strong>\nthe Board.</p></li>\n</ol>\n'
    '<h2 id="two">Two</h2>\n<div><p>Deeper</p></div>\n</div>\n<p>Outside the wrapper</p>',
    "heading at the top": '<h3 id="top">Top</h3><table><tr><td>a</td></tr></table>',
    "nested wrappers around a heading": '<section><div><div><h4 id="n">N</h4></div><p>x</p></div>'
    "<p>y</p></section><p>z</p>",
    "heading without an id": "<div><h3>Untitled</h3><p>Text</p></div>",
}


@pytest.mark.parametrize("html", CASES.values(), ids=CASES.keys())
def test_awkward_html_indexes_the_same_in_its_view(html):
    assert entries(search.index_view(html)) == entries(html)


SHOWN_AS_THEY_ARE = {
    "pre": "<div><pre><code>a\n  b</code></pre></div>",
    "excluded element": '<div><p data-search-exclude="">Hidden</p><p>Shown</p></div>',
    "script": "<div><script>var a = '<p>';</script><p>x</p></div>",
    "tags that do not nest, with a heading": "<div><h2 id='a'>A</h2><p>x</div></p>",
}


@pytest.mark.parametrize("html", SHOWN_AS_THEY_ARE.values(), ids=SHOWN_AS_THEY_ARE.keys())
def test_what_the_parser_reads_specially_is_shown_as_it_is(html):
    assert search.index_view(html) == html


def test_fragment_templates_write_tags_in_lower_case():
    """hub/search.py looks for headings and special tags in lower case only."""
    for template in sorted((ROOT / "overrides" / "fragments").glob("*.html")):
        text = template.read_text(encoding="utf-8")
        upper = re.findall(r"</?[A-Z][A-Za-z0-9]*", text)
        assert not upper, f"{template.name}: write {upper} in lower case"


def test_finished_pages_hold_the_real_fragments(site):
    """The index views and the placeholders never reach a reader: every page has the HTML."""
    for page in built_pages(site):
        path = site / page / "index.html" if not page.endswith(".html") else site / page
        text = path.read_text(encoding="utf-8")
        assert "<!--hub-" not in text, page


def test_release_puts_each_view_in_and_release_all_the_html_back():
    fragments = Fragments()
    searched = fragments.hold('<table><tr><td class="a">x</td></tr></table>')
    unsearched = fragments.hold("<div data-search-exclude>y</div>", searched=False)
    page = f"<p>a</p>\n{searched}\n{unsearched}\n"
    for_search = fragments.release(page)
    assert for_search == "<p>a</p>\n<!--hub-search-0-->x<!--/hub-search-->\n<!--hub-fragment-1-->\n"
    assert fragments.release_all(for_search) == (
        '<p>a</p>\n<table><tr><td class="a">x</td></tr></table>\n<div data-search-exclude>y</div>\n'
    )
