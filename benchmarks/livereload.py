"""An edit to one Markdown page under ``mkdocs serve``: how long until the site is rebuilt.

Starts ``mkdocs serve --strict`` on a free 127.0.0.1 port in a copy of the project, edits a
page a few times, and reads the server's log: "Detected file changes" -> "Reloading browsers"
is the rebuild; from the edit itself adds the file watcher's polling (every 0.5 s in MkDocs 1.6).
"""

from __future__ import annotations

import queue
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.project import ENV

BUILT = re.compile(r"Documentation built in ([\d.]+) seconds")


@dataclass(frozen=True)
class Rebuild:
    page: str
    edits: int
    edit_to_reload: float  # median seconds, from writing the file to "Reloading browsers"
    rebuild: float  # median seconds, "Detected file changes" to "Reloading browsers"
    build_reported: float  # median of MkDocs' own "Documentation built in" figure
    dirty: bool = False


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def measure(
    project: Path, page: str = "docs/vision.md", edits: int = 3, *, dirty: bool = False
) -> Rebuild:
    """``dirty``: ``mkdocs serve --dirty``, which rebuilds only the pages that changed."""
    port = free_port()
    cmd = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"]
    # MkDocs warns that a dirty build is for development, and strict turns that into a failure.
    cmd += ["--dirty", "--no-strict"] if dirty else ["--strict"]
    server = subprocess.Popen(
        cmd,
        cwd=project,
        # As `make serve` runs it: no writes to the watched hub/__pycache__.
        env={**ENV, "PYTHONDONTWRITEBYTECODE": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: queue.Queue[tuple[float, str]] = queue.Queue()

    def pump():
        for line in server.stdout:
            lines.put((time.perf_counter(), line))

    threading.Thread(target=pump, daemon=True).start()
    try:
        _wait_for(lines, "Serving on", 120)
        time.sleep(1.0)
        path = project / page
        original = path.read_text(encoding="utf-8")
        edit_to_reload, rebuild, reported = [], [], []
        for n in range(edits):
            start = time.perf_counter()
            path.write_text(original + f"\n<!-- benchmark edit {n} -->\n", encoding="utf-8")
            # Lines from before the edit (a second rebuild of the last edit, when the watcher
            # saw its file change twice) are passed over: they once gave a negative time.
            detected, _ = _wait_for(lines, "Detected file changes", 30, after=start)
            # MkDocs logs "Documentation built in N seconds" only when that exact line is new
            # to the process (a DuplicateFilter), so two builds of the same length print it
            # once: the rebuild is timed from "Detected" to "Reloading", and the figure is kept
            # when it shows.
            reloaded, seen = _wait_for(lines, "Reloading browsers", 60, keep=True, after=detected)
            edit_to_reload.append(reloaded - start)
            rebuild.append(reloaded - detected)
            if built := BUILT.search(seen):
                reported.append(float(built.group(1)))
            time.sleep(1.0)
        path.write_text(original, encoding="utf-8")
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    med = statistics.median
    shown = med(reported) if reported else float("nan")
    return Rebuild(page, edits, med(edit_to_reload), med(rebuild), shown, dirty)


def _wait_for(
    lines: queue.Queue, text: str, timeout: float, *, keep: bool = False, after: float = 0.0
) -> tuple[float, str]:
    """The time ``text`` was printed, and its line (``keep``: every line read until then);
    a line printed before ``after`` does not count."""
    deadline = time.perf_counter() + timeout
    seen = []
    while True:
        left = deadline - time.perf_counter()
        if left <= 0:
            raise RuntimeError(f"mkdocs serve: no {text!r} within {timeout} s:\n{''.join(seen)}")
        try:
            stamp, line = lines.get(timeout=left)
        except queue.Empty:
            continue
        if "ERROR" in line or "Aborted" in line:
            raise RuntimeError(f"mkdocs serve failed:\n{''.join([*seen, line])}")
        if stamp < after:
            continue
        seen.append(line)
        if text in line:
            return stamp, "".join(seen) if keep else line
