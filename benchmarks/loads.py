"""How often one build loads the data: counts calls to hub.data.load and reads per data file.

Run as a child (``python -m benchmarks.loads PROJECT SITE``) so the counters see exactly one
build; it prints one JSON object.
"""

from __future__ import annotations

import functools
import importlib
import json
import os
import sys
from collections import Counter
from pathlib import Path

from benchmarks.project import child_json

READERS = ("read_yaml", "read_csv")


def count(project: Path, site: Path) -> dict:
    return child_json("benchmarks.loads", project, str(project), str(site), what="counting build")


def _instrument() -> tuple[Counter, Counter]:
    loads, reads = Counter(), Counter()
    data = importlib.import_module("hub.data")
    readers = importlib.import_module("hub.readers")
    originals = {name: getattr(readers, name) for name in READERS if hasattr(readers, name)}
    originals["load"] = data.load

    def wrap(name, function):
        @functools.wraps(function)
        def counted(*args, **kwargs):
            if name == "load":
                loads["load"] += 1
            elif args:
                reads[str(args[0])] += 1
            return function(*args, **kwargs)

        return counted

    wrapped = {name: wrap(name, function) for name, function in originals.items()}
    for module_name, module in list(sys.modules.items()):
        if module_name == "hub" or module_name.startswith("hub."):
            for name, function in originals.items():
                if getattr(module, name, None) is function:
                    setattr(module, name, wrapped[name])
    return loads, reads


def _main(project: str, site: str) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    for module in ("hub.data", "hub.readers", "hub.views", "hub.model"):
        importlib.import_module(module)
    loads, reads = _instrument()
    os.chdir(project)
    build(load_config(config_file=str(Path(project) / "mkdocs.yml"), site_dir=site, strict=True))
    print(
        json.dumps(
            {
                "load_calls": loads["load"],
                "files_read": len(reads),
                "most_reads_of_one_file": max(reads.values(), default=0),
            }
        )
    )


if __name__ == "__main__":
    _main(*sys.argv[1:3])
