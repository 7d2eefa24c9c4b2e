"""MkDocs hook: put the macros' HTML into each page after Markdown conversion (hub/site.py,
Fragments). Registered under `hooks:` in mkdocs.yml; MkDocs-specific, like macros.py."""

from hub import site


def on_page_content(html, page, config, files):
    return site.FRAGMENTS.release(html)
