"""Where the hub's time goes: the CPU time of each of its hooks in one build, measured in the
build's own process, and the build's CPU time from loading the config to the end.

Run as a child (``python -m benchmarks.hooktimes PROJECT SITE CONFIG``) so that the timers see
exactly one build; it prints one JSON object. Alternating hub and plain builds, the difference
of the two builds' times less the hooks' own is what MkDocs and Material do more for the hub's
pages (site search reading the fragments' text, larger pages, more files).
"""

from __future__ import annotations

import functools
import json
import os
import sys
import time
from pathlib import Path

from benchmarks.project import PLAIN_CONFIG, child_json

IMPORT = "import of macros.py and hub/"


def measure(project: Path, work: Path, runs: int) -> tuple[list[dict], list[dict]]:
    """``runs`` timed hub builds and as many plain ones, alternately: each a dict with the
    seconds of each hook (hub only) and ``"build"``, the whole build's."""
    hub, plain = [], []
    for run in range(runs):
        hub.append(_child(project, work / f"site-hooks-{run}", "mkdocs.yml"))
        plain.append(_child(project, work / f"site-hooks-plain-{run}", PLAIN_CONFIG))
    return hub, plain


def _child(project: Path, site: Path, config: str) -> dict:
    args = (str(project), str(site), config)
    return child_json("benchmarks.hooktimes", project, *args, what="timed build")


def _main(project: str, site: str, config: str) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import config_options, load_config

    times: dict[str, float] = {}
    load_hook = config_options.Hooks._load_hook  # MkDocs' own loader of a hooks file

    def timed(name, function):
        @functools.wraps(function)
        def hook(*args, **kwargs):
            start = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                times[name] = times.get(name, 0.0) + time.process_time() - start

        return hook

    def load_timed(self, name, path):
        module = timed(IMPORT, load_hook)(self, name, path)
        for event in [attribute for attribute in vars(module) if attribute.startswith("on_")]:
            setattr(module, event, timed(event, getattr(module, event)))
        return module

    config_options.Hooks._load_hook = load_timed
    os.chdir(project)
    start = time.process_time()
    build(load_config(config_file=str(Path(project) / config), site_dir=site))
    times["build"] = time.process_time() - start
    print(json.dumps(times))


if __name__ == "__main__":
    _main(*sys.argv[1:4])
