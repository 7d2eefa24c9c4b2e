"""mkdocs-macros entry point: load the data once, then register each view as a macro.

All logic lives in the ``hub`` package (installed with ``pip install -e .``); this file only
binds each view to the loaded data and to the page being built.
"""

from functools import wraps
from pathlib import Path

from hub import data, render, views


def define_env(env):
    hub = data.load(Path(env.project_dir))
    env.variables["hub"] = hub

    def bind(view):
        @wraps(view)
        def macro(*args, **kwargs):
            with render.at_page(env.page.url if env.page else ""):
                return view(hub, *args, **kwargs)

        return macro

    for name, view in views.MACROS.items():
        env.macro(bind(view), name)
