"""mkdocs-macros entry point: load the data once, then register each view as a macro.

All logic lives in the ``hub`` package (installed with ``pip install -e .``); hub/site.py says
what the hub adds at each step. This file only hands it MkDocs' values and registers the macros.
"""

import sys
from pathlib import Path

from hub import data, site


def define_env(env):
    hub = data.load(Path(env.project_dir))
    env.variables["hub"] = hub
    env.variables["review_pages"] = {}
    # "Edit this page" needs the repository's address (REPO_URL, set by CI). Without it MkDocs
    # would warn that edit_uri is not a full address, so the edit link is left out instead.
    if not env.conf.get("repo_url"):
        env.conf["edit_uri"] = None
    env.conf["extra"].update(site.theme_extras(hub, env.conf["theme"].dirs))
    _log(site.build_notes(hub))
    for name, macro in site.macros(hub, lambda: env.page.url if env.page else "").items():
        env.macro(macro, name)


def on_pre_page_macros(env):
    page = env.page
    env.variables["review_pages"][page.file.src_uri] = dict(page.meta)
    page.meta["review"] = site.page_review(env.variables["hub"], page.file.src_uri, page.meta)


def on_post_page_macros(env):
    footer = site.report_footer(env.variables["hub"], env.page.file.src_uri, env.page.url)
    if footer:
        env.markdown = f"{env.markdown}\n\n{footer}\n"


def on_post_build(env):
    hub = env.variables["hub"]
    site.write_outputs(hub, Path(env.conf["site_dir"]), env.conf["site_url"])
    _log(site.review_notes(hub, env.variables["review_pages"]))


def _log(lines):
    # Never fatal, so not MkDocs warnings (strict mode would fail the build): plain stderr.
    for line in lines:
        print(line, file=sys.stderr)
