"""What the hub adds to each step of a site build, with plain values.

macros.py (the only Python file that knows MkDocs) starts a :class:`Build` when the config is
loaded and hands it each page and the finished site. Nothing here imports MkDocs, so a move to
another engine keeps all of it.

    config loaded    -> Build.start: the data, loaded and checked once; theme extras; notes
    files collected  -> shipped_assets: the hub's CSS and JS without their comments
    theme ready      -> keep_compiled_templates (under `mkdocs serve`, which rebuilds)
    each serve build -> code_versions, stale_code: Python edited since the server started
    each page        -> Build.page_markdown: review dates, macro calls, a report's footer;
                        after Markdown: Build.fragments.release; the finished page:
                        Build.fragments.release_all
    after the build  -> Build.write_outputs, Build.review_notes
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from contextlib import suppress
from functools import wraps
from pathlib import Path

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket
from markupsafe import Markup

from hub import (
    assets,
    contacts,
    csp,
    data,
    freshness,
    glossary,
    macrocalls,
    opendata,
    readers,
    render,
    reports,
    review,
    search,
    views,
)
from hub.errors import DataError, DataErrors
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


ASSETS = assets.ASSETS  # the hub's own CSS and JS, by their path under docs/ and in the site


def shipped_assets(sources: Mapping[str, str | None]) -> dict[str, str]:
    """The hub's CSS and JS as the site ships them, by path: without their comments, so fewer
    bytes for readers on slow connections. ``sources`` holds each one's text as written, or
    None where docs/ lacks it (a DataError: every page loads them)."""
    missing = [name for name in ASSETS if sources.get(name) is None]
    if missing:
        raise DataError(
            file=f"docs/{missing[0]}",
            message="the file is missing, and every page loads it",
            hint="restore it from git",
        )
    return {name: assets.shipped(name, sources[name]) for name in ASSETS}


class Fragments:
    """Macro HTML held back from Markdown, and put back into the page after conversion.

    Python-Markdown re-parses every raw HTML block it meets, and the fragments (data tables,
    charts) were the largest cost per page: at 100 indicators, a third of the build. So a macro
    leaves a one-line HTML comment in the Markdown, and the finished page gets the HTML.

    Between the two, the site search reads the page: it is shown each searched fragment's index
    view (hub/search.py: the same words and sections with a few of the tags, which it reads in a
    fraction of the time), between markers, and nothing of the views that search leaves out
    (views.UNSEARCHED). The finished page then gets every fragment's real HTML.
    """

    HELD = re.compile(r"<!--hub-fragment-(\d+)-->")
    # A fragment still held, or one shown to search as its index view.
    PLACED = re.compile(
        r"<!--hub-fragment-(\d+)-->|<!--hub-search-(\d+)-->.*?<!--/hub-search-->", re.S
    )

    def __init__(self) -> None:
        self._held: list[str] = []
        self._searched: list[bool] = []

    def hold(self, html: str, *, searched: bool = True) -> Markup:
        self._held.append(html)
        self._searched.append(searched)
        return Markup(f"<!--hub-fragment-{len(self._held) - 1}-->")

    def release(self, page_html: str) -> str:
        """After Markdown, for site search: each searched fragment's index view."""
        return self.HELD.sub(self._index_view, page_html)

    def release_all(self, html: str) -> str:
        """Once the search index has read the page's content: every fragment's HTML. Called
        again on the finished page, for a placeholder in HTML converted elsewhere (Material's
        blog converts a report's excerpt for the reports index from the post's Markdown)."""
        if "<!--hub-" not in html:
            return html  # the finished page, whose content has its fragments already
        return self.PLACED.sub(self._held_html, html)

    def _index_view(self, match: re.Match) -> str:
        number = int(match.group(1))
        if not self._searched[number]:
            return match.group(0)
        view = search.index_view(self._held[number])
        return f"<!--hub-search-{number}-->{view}<!--/hub-search-->"

    def _held_html(self, match: re.Match) -> str:
        return self._held[int(match.group(1) or match.group(2))]


def macros(hub: Hub, fragments: Fragments) -> dict[str, Callable[..., Markup]]:
    """Every view bound to the loaded data, by macro name.

    Each macro returns a placeholder; ``fragments.release`` puts the HTML in after Markdown.
    Links are made relative to the page set by ``render.at_page`` (``Build.page_markdown`` sets
    it around a page's macro calls).
    """
    abbreviations = glossary.expansions(hub.glossary)

    def bind(view: Callable[..., Markup], searched: bool) -> Callable[..., Markup]:
        @wraps(view)
        def macro(*args: object, **kwargs: object) -> Markup:
            # Abbreviations expand in a macro's HTML as they do in the page's Markdown.
            html = glossary.abbreviate(view(hub, *args, **kwargs), abbreviations)
            return fragments.hold(html, searched=searched)

        return macro

    return {
        name: bind(view, searched=name not in views.UNSEARCHED)
        for name, view in views.MACROS.items()
    }


class Build:
    """One build: the data, loaded and checked once, and what the pages told it.

    (A plain class: a dataclass costs a third of a millisecond to define on every import.)
    """

    def __init__(self, hub: Hub, theme_extras: dict[str, object], notes: list[str]) -> None:
        self.hub = hub
        self.theme_extras = theme_extras
        self.notes = notes
        self.fragments = Fragments()
        # Each page's front matter as written, for the review report after the build.
        self.pages_meta: dict[str, dict] = {}
        self.macros = macros(hub, self.fragments)

    @classmethod
    def start(cls, root: Path, theme_dirs: Iterable[Path]) -> Build:
        # Under `mkdocs serve`, each build sees the fragment templates and schemas as they are now.
        render.environment.cache_clear()
        readers.forget_schemas()
        hub = data.load(root)
        return cls(hub, theme_extras(hub, theme_dirs), build_notes(hub))

    def page_markdown(
        self, markdown: str, page: str, url: str, meta: dict, source: Callable[[], str]
    ) -> str:
        """A page's Markdown with its macros expanded; its review dates go into ``meta``.

        ``page`` is its path under docs/, ``url`` its site URL, ``source`` reads the whole file
        (front matter included), only to number the lines of an error.
        """
        self.pages_meta[page] = dict(meta)
        meta["review"] = review.describe(page, meta, self.hub.build_date)  # main.html shows it
        with render.at_page(url):  # links in the macros' HTML and the footer are relative to it
            try:
                markdown = macrocalls.expand(markdown, self.macros, file=f"docs/{page}")
            except (DataError, DataErrors) as error:
                raise _moved(error, _front_matter_lines(source(), markdown)) from None
            footer = self._report_footer(page)
        return f"{markdown}\n\n{footer}\n" if footer else markdown

    def _report_footer(self, page: str) -> str | None:
        """For a highlight report's page: who published it, when, where and its priorities."""
        folder, _, name = page.rpartition("/")
        report_id = name.removesuffix(".md")
        if folder != reports.POSTS_DIR or report_id not in {r.id for r in self.hub.reports}:
            return None
        return str(views.report_details(self.hub, report_id))

    def write_outputs(self, site_dir: Path, site_url: str) -> None:
        """Files that exist only in the built site: nothing generated is committed."""
        hub = self.hub
        # Open data: each indicator as CSV and JSON, all of them, and datapackage.json.
        opendata.write(hub, site_dir)
        # The highlight reports' Atom feed, with absolute addresses from site_url (SITE_URL in CI).
        reports.write_feed(hub.reports, hub.priorities, site_dir, site_url, hub.build_date)

    def review_notes(self) -> list[str]:
        """Pages without review dates, and pages overdue for review (never fails the build)."""
        return review.report(self.pages_meta, self.hub.build_date)


def _front_matter_lines(source: str, markdown: str) -> int:
    """How many lines of the file come before its Markdown (the front matter, if any)."""
    if not markdown or not source.endswith(markdown):
        return 0
    return source[: len(source) - len(markdown)].count("\n")


def _moved(error: DataError | DataErrors, lines: int) -> DataError | DataErrors:
    """The same error, with its line numbers counted from the top of the file."""
    if isinstance(error, DataErrors):
        return type(error)([_moved(each, lines) for each in error.errors])
    if error.line is None or not lines:
        return error
    return error.at_line(error.line + lines)


def code_versions(hooks_file: Path) -> dict[str, int]:
    """The hub's Python files (``hooks_file``, macros.py, and hub/*.py), each with when it last
    changed, named from the project's folder."""
    root = hooks_file.parent
    versions = {}
    for path in [hooks_file, *sorted(Path(__file__).resolve().parent.glob("*.py"))]:
        with suppress(FileNotFoundError):  # deleted since it was listed: reported as gone
            versions[_named(path, root)] = path.stat().st_mtime_ns
    return versions


def stale_code(loaded: Mapping[str, int], now: Mapping[str, int]) -> list[str]:
    """Lines for the log when Python files changed after the server loaded them.

    Python loads the hub's code once a process, and `mkdocs serve` rebuilds in the same
    process: pages, data, schemas and templates are read afresh, the code is not.
    """
    changed = sorted(
        name for name in loaded.keys() | now.keys() if loaded.get(name) != now.get(name)
    )
    if not changed:
        return []
    return [
        f"Python code changed since this server started ({', '.join(changed)}): the site is "
        "still built with the code it started with. Stop it (Ctrl+C) and run make serve again."
    ]


def _named(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:  # the hub installed outside the project
        return str(path)


class _CompiledTemplates(BytecodeCache):
    """The theme's compiled templates, kept in memory for the life of the process.

    MkDocs makes a new Jinja environment for every build, so `mkdocs serve` compiled all of
    Material's templates again on every edit (a third of a second here). Each entry is keyed by
    the template's name and a checksum of its source, so an edited template is compiled afresh.
    """

    def __init__(self) -> None:
        self._code: dict[tuple[str, str], object] = {}

    def get_bucket(self, environment, name, filename, source) -> Bucket:
        key = self.get_cache_key(name, filename)
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        bucket.code = self._code.get((key, bucket.checksum))
        return bucket

    def set_bucket(self, bucket: Bucket) -> None:
        self._code[(bucket.key, bucket.checksum)] = bucket.code


COMPILED_TEMPLATES = _CompiledTemplates()


def keep_compiled_templates(environment) -> None:
    """Let the theme's Jinja environment reuse templates compiled by an earlier build."""
    environment.bytecode_cache = COMPILED_TEMPLATES
