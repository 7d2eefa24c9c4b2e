"""The Content Security Policy, as a <meta> tag in every page (GitHub Pages sets no headers).

Only the site's own origin is allowed. Material's theme puts a few short scripts inline; the
policy allows exactly those by their SHA-256 hash, read from the theme's templates at build time
so an upgrade of Material cannot silently break the page (tests/test_csp.py checks every inline
script of every built page against the policy, and the browser reports no violation).

Material's one inline script whose text changes from page to page (``__md_scope``, it holds the
page's base URL) is replaced by ``javascripts/md-scope.js`` in
``overrides/partials/javascripts/base.html``, so it needs no hash.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

# Inline scripts with no template expression inside: their text is the same on every page.
_SCRIPT = re.compile(r"<script>(?P<body>.*?)</script>", re.DOTALL)


def script_hash(body: str) -> str:
    """``'sha256-…'`` for the exact text between <script> and </script>."""
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def theme_script_hashes(theme_dirs: Iterable[Path]) -> list[str]:
    """Hashes of the constant inline scripts in the theme's ``partials/javascripts/``.

    A template in an earlier directory (our overrides) hides the same-named one after it.
    """
    seen: dict[str, Path] = {}
    for directory in theme_dirs:
        folder = Path(directory) / "partials" / "javascripts"
        for path in sorted(folder.glob("*.html")) if folder.is_dir() else []:
            seen.setdefault(path.name, path)
    hashes = []
    for path in seen.values():
        for match in _SCRIPT.finditer(path.read_text(encoding="utf-8")):
            body = match["body"]
            if "{{" not in body and "{%" not in body:
                hashes.append(script_hash(body))
    return sorted(set(hashes))


def policy(script_hashes: Iterable[str]) -> str:
    """The policy: the site's own origin only; inline scripts by hash; no plugins, no framing
    of forms elsewhere. ``frame-ancestors`` cannot be set from a <meta> tag (browsers ignore it
    there), so it is absent: a host that can send headers should add it."""
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'", *script_hashes],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "worker-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())
