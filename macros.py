"""mkdocs-macros entry point: load the data once, then register each view as a macro.

All logic lives in the ``hub`` package (installed with ``pip install -e .``); this file only
binds each view to the loaded data and to the page being built.
"""

import sys
from functools import wraps
from pathlib import Path

from hub import (
    assets,
    contacts,
    csp,
    data,
    freshness,
    glossary,
    opendata,
    render,
    reports,
    review,
    views,
)


def define_env(env):
    hub = data.load(Path(env.project_dir))
    # "Edit this page" needs the repository's address (REPO_URL, set by CI). Without it MkDocs
    # would warn that edit_uri is not a full address, so the edit link is left out instead.
    if not env.conf.get("repo_url"):
        env.conf["edit_uri"] = None
    env.variables["hub"] = hub
    # Reader safety on every page (overrides/main.html): help panel, exit target, the CSP.
    # Its abbreviations (NSPCC) expand like those in the pages' text.
    env.conf["extra"]["help_panel"] = glossary.abbreviate(
        views.help_panel(hub), glossary.expansions(hub.glossary)
    )
    env.conf["extra"]["exit_url"] = hub.safety.exit_url
    env.conf["extra"]["csp"] = csp.policy(csp.theme_script_hashes(env.conf["theme"].dirs))
    env.variables["review_pages"] = {}
    for line in contacts.stale_warnings(
        hub.contacts, hub.build_date, hub.safety.check_every_months
    ):
        print(line, file=sys.stderr)
    # Indicators whose next release is due: a report, never a failure.
    for line in freshness.report(hub.indicators, hub.build_date):
        print(line, file=sys.stderr)

    abbreviations = glossary.expansions(hub.glossary)

    def bind(view):
        @wraps(view)
        def macro(*args, **kwargs):
            with render.at_page(env.page.url if env.page else ""):
                # Abbreviations expand in a macro's HTML as they do in the page's Markdown.
                return glossary.abbreviate(view(hub, *args, **kwargs), abbreviations)

        return macro

    for name, view in views.MACROS.items():
        env.macro(bind(view), name)


def on_pre_page_macros(env):
    """Each page's review dates (shown by main.html), kept for the build's overdue list."""
    page = env.page
    env.variables["review_pages"][page.file.src_uri] = dict(page.meta)
    page.meta["review"] = review.describe(
        page.file.src_uri, page.meta, env.variables["hub"].build_date
    )


def on_post_page_macros(env):
    """A highlight report's page ends with who published it, when, where, and its priorities."""
    folder, _, name = env.page.file.src_uri.rpartition("/")
    published = {report.id for report in env.variables["hub"].reports}
    if folder == reports.POSTS_DIR and name.removesuffix(".md") in published:
        with render.at_page(env.page.url):
            details = views.report_details(env.variables["hub"], name.removesuffix(".md"))
        env.markdown = f"{env.markdown}\n\n{details}\n"  # str, so Markup escapes nothing


def on_post_build(env):
    """List pages without review dates and pages overdue for review (never fails the build)."""
    # Open data (CSV, JSON, datapackage.json) into the built site: nothing generated is committed.
    opendata.write(env.variables["hub"], Path(env.conf["site_dir"]))
    # The highlight reports' Atom feed, with absolute addresses from site_url (SITE_URL in CI).
    hub = env.variables["hub"]
    reports.write_feed(
        hub.reports,
        hub.priorities,
        Path(env.conf["site_dir"]),
        env.conf["site_url"],
        hub.build_date,
    )
    # The hub's CSS and JS without their comments: fewer bytes for readers on slow connections.
    assets.strip_comments(Path(env.conf["site_dir"]))
    for line in review.report(env.variables["review_pages"], env.variables["hub"].build_date):
        print(line, file=sys.stderr)
