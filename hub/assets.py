"""Ship the site's own stylesheet and scripts without their comments.

The sources in docs/ keep their comments for the people who maintain them; readers, who may be
on a slow or metered connection, download only the rules. Only whole comments are removed:
``/* … */`` blocks in CSS, and in JavaScript ``/* … */`` blocks and ``//`` comments that start
a line. Nothing else changes, so the result behaves exactly as the source does.
"""

from __future__ import annotations

import re

# The hub's own assets, relative to the built site.
ASSETS = ("stylesheets/hub.css", "javascripts/exit-this-page.js", "javascripts/md-scope.js")

_BLOCK = re.compile(r"/\*.*?\*/\n?", re.S)
_LINE = re.compile(r"^[ \t]*//[^\n]*\n", re.M)


def without_comments(text: str, *, javascript: bool = False) -> str:
    """The text without its comments, and without the blank lines they leave."""
    text = _BLOCK.sub("", text)
    if javascript:
        text = _LINE.sub("", text)
    return "\n".join(line for line in text.splitlines() if line.strip()) + "\n"


def shipped(name: str, source: str) -> str:
    """What the built site gets for one of the hub's assets (``name`` as in ASSETS): its source
    without comments. MkDocs writes it once, in place of copying the file (macros.py)."""
    return without_comments(source, javascript=name.endswith(".js"))
