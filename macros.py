"""The hub's MkDocs hooks (``hooks:`` in mkdocs.yml): load the data, expand the macros, write
the outputs. The only Python file that knows MkDocs; each event hands plain values to
hub/site.py, where the logic is, so a move to another engine rewrites this file alone.

    on_startup       whether this is `mkdocs serve`, which rebuilds (and the Python files then)
    on_config        under serve, whether Python files changed since; load and check the data
                     once; the theme's extras; the build's notes
    on_files         the hub's CSS and JS, written once by MkDocs without their comments
    on_env           under `mkdocs serve`, the theme's compiled templates are kept for the next
                     rebuild
    on_page_markdown a page's review dates; its macro calls (hub/macrocalls.py); a report's footer
    on_page_content  after Markdown, what site search is to read of the macros' HTML (hub/site.py,
                     Fragments; hub/search.py)
    on_page_context  once the search index has read the page, the macros' HTML itself
    on_post_page     the same in any report's excerpt on the reports index
    on_post_build    open data, the Atom feed; pages due for review
    on_build_error   (and on_post_build) the heap goes back to Python's usual collection
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from hub import site
from hub.errors import DataError, DataErrors

_build: site.Build | None = None
_serving = False  # set once per run of MkDocs; this module lives across serve's rebuilds
_code: dict[str, int] | None = None  # under serve: the Python files as the server loaded them


def on_startup(command, dirty):
    global _serving, _code
    _serving = command == "serve"
    if _serving:
        _code = site.code_versions(Path(__file__))


def on_config(config):
    global _build
    if _code is not None:  # a rebuild under serve runs the code the server started with
        _log(site.stale_code(_code, site.code_versions(Path(__file__))))
    # What the data load makes lives until the build ends (and is frozen below): Python's
    # collector, which would look at it a dozen times while it is made, is paused meanwhile.
    gc.disable()
    try:
        _build = site.Build.start(Path(config.config_file_path).parent, config.theme.dirs)
    except (DataError, DataErrors) as error:
        raise PluginError(str(error)) from None
    finally:
        gc.enable()
    # "Edit this page" needs the repository's address (REPO_URL, set by CI). Without it MkDocs
    # would warn that edit_uri is not a full address, so the edit link is left out instead.
    if not config.repo_url:
        config.edit_uri = None
    config.extra.update(_build.theme_extras)
    _log(_build.notes)
    # Everything alive now (MkDocs, the theme, the loaded data) lives until the build ends, and
    # the pages' work would otherwise make Python's collector walk all of it once more: that
    # full collection, which a plain Material build never reaches, cost 15-20 ms of a one-second
    # build. Frozen objects are left out of collections until the build ends (gc.freeze).
    gc.freeze()
    return config


def on_files(files, config):
    found = {name: files.get_file_from_path(name) for name in site.ASSETS}
    try:
        shipped = site.shipped_assets(
            {name: None if file is None else file.content_string for name, file in found.items()}
        )
    except DataError as error:
        raise PluginError(str(error)) from None
    for name, text in shipped.items():  # MkDocs writes this text in place of copying the file
        found[name].content_string = text
    return files


def on_env(env, config, files):
    if _serving:  # a one-off build compiles each template once anyway: nothing to keep
        site.keep_compiled_templates(env)
    return env


def on_page_markdown(markdown, page, config, files):
    try:
        # The page's file is read again only to number the lines of an error.
        return _build.page_markdown(
            markdown, page.file.src_uri, page.url, page.meta, lambda: page.file.content_string
        )
    except (DataError, DataErrors) as error:
        raise PluginError(str(error)) from None


def on_page_content(html, page, config, files):
    return _build.fragments.release(html)


@event_priority(-100)  # after the search plugin's own on_page_context, which reads the page
def on_page_context(context, page, config, nav):
    page.content = _build.fragments.release_all(page.content)
    return context


def on_post_page(output, page, config):
    return _build.fragments.release_all(output)


def on_post_build(config):
    global _build
    _build.write_outputs(Path(config.site_dir), config.site_url or "")
    _log(_build.review_notes())
    # The build's data and fragments go now, not when Python walks the heap at exit (or at
    # serve's next build): nothing after this event uses them.
    _build = None
    gc.unfreeze()  # under `mkdocs serve`, this build's objects may go before the next one's


def on_build_error(error):
    gc.unfreeze()


def _log(lines):
    # Never fatal, so not MkDocs warnings (strict mode would fail the build): plain stderr.
    for line in lines:
        print(line, file=sys.stderr)
