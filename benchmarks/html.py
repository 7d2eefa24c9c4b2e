"""What a built page is made of: its size and the bytes of its primary navigation."""

from __future__ import annotations

import re
from pathlib import Path

NAV_START = '<nav class="md-nav md-nav--primary"'
TAG = re.compile(r"<(/?)nav\b")


def nav_bytes(html: str) -> int:
    """Bytes of Material's primary navigation (the site's nav, repeated on every page)."""
    start = html.find(NAV_START)
    if start < 0:
        return 0
    depth = 0
    for match in TAG.finditer(html, start):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return len(html[start : match.end() + 1].encode())
    return len(html[start:].encode())


def page_html(site: Path, docs_path: str) -> str:
    """The built HTML of a docs page (directory URLs: a/b.md -> a/b/index.html)."""
    stem = docs_path.removesuffix(".md")
    target = site / (stem.removesuffix("index") if stem.endswith("index") else stem + "/")
    return (target / "index.html").read_text(encoding="utf-8")
