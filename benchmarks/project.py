"""Throwaway copies of the project, the plain-Material variant of its config, and timed builds.

Every build runs in a child process. Its time is the child's CPU time (user + system, from
``os.wait4``): a build is one thread, so on an idle machine that is its wall time, and on a busy
one (other builds running) it is far steadier. Wall time is kept too. Peak memory is the child's
maximum resident set size.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

ROOT = Path(__file__).resolve().parent.parent
# Not needed to build the site, and slow or large to copy.
SKIP_TOP = {"tests", "benchmarks", ".github", ".ci", "site"}
PLAIN_CONFIG = "mkdocs.plain.yml"
# Python may cache the hub's compiled modules in the throwaway copy (__pycache__), as it does on
# an editor's machine and for the installed packages: otherwise every hub build, and no plain
# one, would pay for compiling the hub's source.
ENV = {
    **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    "NO_MKDOCS_2_WARNING": "1",
}


def copy_project(dest: Path, root: Path = ROOT, *, worktree: bool = False) -> Path:
    """Copy the project's source into ``dest``: the last commit, or the work tree as it is.

    The commit is the default, so the figures do not depend on anyone's half-done edits.
    """
    dest.mkdir(parents=True, exist_ok=True)
    if worktree:
        for name in _worktree_files(root):
            source = root / name
            if source.is_file():  # not deleted in the work tree
                target = dest / name
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target)
    else:
        archive = subprocess.run(
            ["git", "archive", "--format=tar", "HEAD"], cwd=root, capture_output=True, check=True
        ).stdout
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            members = [m for m in tar.getmembers() if m.name.split("/", 1)[0] not in SKIP_TOP]
            tar.extractall(dest, members=members, filter="data")
    write_plain_config(dest)
    return dest


def _worktree_files(root: Path) -> list[str]:
    """The work tree's files that git would see (tracked, or new and not ignored)."""
    out = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=root,
        capture_output=True,
        check=True,
    ).stdout.decode()
    return [f for f in out.split("\0") if f and f.split("/", 1)[0] not in SKIP_TOP]


def load_config(project: Path, name: str = "mkdocs.yml") -> dict:
    with open(project / name, "rb") as fd:
        return yaml_load(fd)


def write_plain_config(project: Path) -> Path:
    """``mkdocs.plain.yml``: the same config (INHERIT) with the hub's hooks (macros.py) left out.

    The macro calls then stay in the pages as literal text; the pages, theme, overrides, plugins
    and Markdown extensions are the same, so the difference in build time is what the hub adds:
    its imports, loading the data, the macros and the open-data files.
    """
    path = project / PLAIN_CONFIG
    text = yaml.safe_dump({"INHERIT": "mkdocs.yml", "strict": False, "hooks": []}, sort_keys=False)
    path.write_text(text, encoding="utf-8")
    return path


@dataclass(frozen=True)
class Build:
    seconds: float  # CPU time of the build (user + system): steadier than wall time on a busy box
    wall: float
    max_rss_mib: float
    returncode: int
    log: str
    system: float = 0.0  # the kernel's part of ``seconds`` (file creation, page faults)

    def check(self, what: str) -> Build:
        if self.returncode != 0:
            raise RuntimeError(
                f"{what}: build failed (exit {self.returncode}):\n{self.log[-4000:]}"
            )
        return self


def child_json(module: str, project: Path, *args: str, what: str) -> dict:
    """Run ``python -m <module> <args>`` in ``project`` and read the JSON object it prints last.

    benchmarks/ comes from this repository (the copy has none), hub/ from the copy. ``what``
    names the child in an error.
    """
    cmd = [sys.executable, "-m", module, *args]
    env = {**ENV, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    done = subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{what} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def build(project: Path, site: Path, *, plain: bool = False) -> Build:
    """Build ``project`` into ``site`` in a child process: the hub strictly, plain Material not.

    Plain Material is not strict: links or anchors that only the hub's macros make would warn.
    """
    shutil.rmtree(site, ignore_errors=True)
    cmd = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)]
    cmd += ["--config-file", str(project / (PLAIN_CONFIG if plain else "mkdocs.yml"))]
    if not plain:
        cmd.append("--strict")
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        child = subprocess.Popen(cmd, cwd=project, env=ENV, stdout=log, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        text = log.read().decode(errors="replace")
    cpu = usage.ru_utime + usage.ru_stime
    return Build(
        cpu, seconds, usage.ru_maxrss / 1024, child.returncode, text, system=usage.ru_stime
    )


def instructions(project: Path, work: Path) -> tuple[int, int] | None:
    """Instructions run by one hub build and one plain build of ``project`` (hub, plain).

    Counted by valgrind's callgrind, which gives nearly the same count on every run (within a
    few parts in a thousand), where this shared machine's build times wander by a fifth from one
    minute to the next. It runs a build about 50 times slower, so the two run side by side, one
    per core. None without valgrind.
    """
    if shutil.which("valgrind") is None:
        return None
    children = []
    for name, plain in (("hub", False), ("plain", True)):
        out = work / f"callgrind-{name}.out"
        config = project / (PLAIN_CONFIG if plain else "mkdocs.yml")
        cmd = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable]
        cmd += ["-m", "mkdocs", "build", "--site-dir", str(work / f"site-{name}-counted")]
        cmd += ["--config-file", str(config)] + ([] if plain else ["--strict"])
        child = subprocess.Popen(
            cmd, cwd=project, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        children.append((child, out))
    counts = []
    for child, out in children:
        if child.wait() != 0:
            return None
        totals = [line for line in out.read_text().splitlines() if line.startswith("totals:")]
        counts.append(int(totals[0].split()[1]))
    return counts[0], counts[1]


def tree_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
