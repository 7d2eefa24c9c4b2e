"""What the hub adds at each step of a site build, as plain functions.

macros.py (the only file that knows mkdocs-macros) calls these with plain values: the loaded
Hub, paths, page addresses and front matter. Nothing here imports MkDocs, so a move to another
engine keeps all of it.

    define_env       -> theme_extras, build_notes, macros
    each page        -> page_review, report_footer; after Markdown: FRAGMENTS.release
    after the build  -> write_outputs, review_notes
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import wraps
from pathlib import Path

from markupsafe import Markup

from hub import assets, contacts, csp, freshness, glossary, opendata, render, reports, review, views
from hub.model import Hub


def theme_extras(hub: Hub, theme_dirs: Iterable[Path]) -> dict[str, object]:
    """What overrides/main.html prints on every page: help panel, exit target and the CSP."""
    return {
        # Its abbreviations (NSPCC) expand like those in the pages' text.
        "help_panel": glossary.abbreviate(views.help_panel(hub), glossary.expansions(hub.glossary)),
        "exit_url": hub.safety.exit_url,
        "csp": csp.policy(csp.theme_script_hashes(theme_dirs)),
    }


def build_notes(hub: Hub) -> list[str]:
    """Lines for the build log that never fail it: contacts due a check, data due a release."""
    return [
        *contacts.stale_warnings(hub.contacts, hub.build_date, hub.safety.check_every_months),
        *freshness.report(hub.indicators, hub.build_date),
    ]


class Fragments:
    """Macro HTML held back from Markdown, and put back into the page after conversion.

    Python-Markdown re-parses every raw HTML block it meets, and the fragments (data tables,
    charts) were the largest cost per page: at 100 indicators, a third of the build. So a macro
    leaves a one-line HTML comment in the Markdown, and the finished HTML replaces it.
    """

    PLACEHOLDER = re.compile(r"<!--hub-fragment-(\d+)-->")

    def __init__(self) -> None:
        self._held: list[str] = []

    def hold(self, html: str) -> Markup:
        self._held.append(html)
        return Markup(f"<!--hub-fragment-{len(self._held) - 1}-->")

    def release(self, page_html: str) -> str:
        return self.PLACEHOLDER.sub(lambda match: self._held[int(match.group(1))], page_html)


# One per build: macros.py starts it, hooks.py releases each page's fragments after Markdown.
FRAGMENTS = Fragments()


def macros(hub: Hub, current_url: Callable[[], str]) -> dict[str, Callable[..., Markup]]:
    """Every view bound to the loaded data and to the page being built, by macro name.

    Each macro returns a placeholder; FRAGMENTS.release puts the HTML in after Markdown.
    """
    global FRAGMENTS
    FRAGMENTS = Fragments()
    abbreviations = glossary.expansions(hub.glossary)

    def bind(view: Callable[..., Markup]) -> Callable[..., Markup]:
        @wraps(view)
        def macro(*args: object, **kwargs: object) -> Markup:
            with render.at_page(current_url()):
                # Abbreviations expand in a macro's HTML as they do in the page's Markdown.
                html = glossary.abbreviate(view(hub, *args, **kwargs), abbreviations)
            return FRAGMENTS.hold(html)

        return macro

    return {name: bind(view) for name, view in views.MACROS.items()}


def page_review(hub: Hub, page: str, meta: dict) -> review.Review | None:
    """A page's review dates as main.html shows them (``page`` is its path under docs/)."""
    return review.describe(page, meta, hub.build_date)


def report_footer(hub: Hub, page: str, url: str) -> str | None:
    """For a highlight report's page: who published it, when, where and its priorities."""
    folder, _, name = page.rpartition("/")
    report_id = name.removesuffix(".md")
    if folder != reports.POSTS_DIR or report_id not in {report.id for report in hub.reports}:
        return None
    with render.at_page(url):
        return str(views.report_details(hub, report_id))


def write_outputs(hub: Hub, site_dir: Path, site_url: str) -> None:
    """Files that exist only in the built site: nothing generated is committed."""
    # Open data: each indicator as CSV and JSON, all of them, and datapackage.json.
    opendata.write(hub, site_dir)
    # The highlight reports' Atom feed, with absolute addresses from site_url (SITE_URL in CI).
    reports.write_feed(hub.reports, hub.priorities, site_dir, site_url, hub.build_date)
    # The hub's CSS and JS without their comments: fewer bytes for readers on slow connections.
    assets.strip_comments(site_dir)


def review_notes(hub: Hub, pages: dict[str, dict]) -> list[str]:
    """Pages without review dates, and pages overdue for review (never fails the build)."""
    return review.report(pages, hub.build_date)
