"""Debian's Chromium, as the tests (tests/conftest.py), the page weight and Lighthouse start it."""

from __future__ import annotations

PATH = "/usr/bin/chromium"
# Chromium as root, offline: no sandbox, and none of its own calls home.
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
