"""The Jinja environment for fragments: autoescape on, undefined names are errors.

Links in fragments are raw HTML, which MkDocs does not rewrite, so the ``page_url`` filter turns
a docs path (``priorities/neglect.md#indicators``) into a URL relative to the page being built.
The page is set by :func:`at_page` (hub/site.py's ``Build.page_markdown`` does it around a
page's macro calls).
"""

from __future__ import annotations

import io
import marshal
import pickle
import posixpath
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from contextvars import ContextVar
from functools import cache
from hashlib import sha1
from pathlib import Path

import jinja2
from jinja2 import (
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
    pass_context,
    select_autoescape,
)
from jinja2.bccache import Bucket, bc_magic
from markupsafe import Markup

FRAGMENTS = Path(__file__).resolve().parent.parent / "overrides" / "fragments"

_current_url: ContextVar[str] = ContextVar("current_url", default="")


@contextmanager
def at_page(url: str) -> Iterator[None]:
    """Render links relative to the page at ``url`` (a site URL such as ``priorities/neglect/``)."""
    token = _current_url.set(url)
    try:
        yield
    finally:
        _current_url.reset(token)


def docs_path_to_url(docs_path: str) -> str:
    """``a/b.md`` -> ``a/b/``; ``a/index.md`` -> ``a/``; ``index.md`` -> ``""`` (directory URLs)."""
    path, _, anchor = docs_path.partition("#")
    if path.endswith(".md"):
        path = path[: -len(".md")]
        if path == "index" or path.endswith("/index"):
            path = path[: -len("index")]
        else:
            path += "/"
    return path + (f"#{anchor}" if anchor else "")


def page_url(docs_path: str) -> str:
    """The URL of a docs page (or any site file), relative to the page being built."""
    target = docs_path_to_url(docs_path)
    path, _, anchor = target.partition("#")
    here = _current_url.get()
    base = here if here.endswith("/") or not here else posixpath.dirname(here) + "/"
    relative = _relative(path, base) if path or base else "."
    if (not path or path.endswith("/")) and not relative.endswith("/"):
        relative += "/"
    if relative == "./" and anchor:
        relative = ""
    return relative + (f"#{anchor}" if anchor else "")


def _relative(path: str, base: str) -> str:
    """``posixpath.relpath("/" + path, "/" + base)``, without its normalising for the usual
    paths (plain names between slashes): links are made thousands of times a build."""
    target = [part for part in path.split("/") if part]
    start = [part for part in base.split("/") if part]
    if "." in target or ".." in target or "." in start or ".." in start:
        return posixpath.relpath("/" + path, "/" + base)
    common = 0
    for here, there in zip(start, target, strict=False):
        if here != there:
            break
        common += 1
    parts = [".."] * (len(start) - common) + target[common:]
    return "/".join(parts) if parts else "."


class TemplateFileCache(FileSystemBytecodeCache):
    """Templates compiled once and kept in ``.cache/`` as Python keeps modules.

    Compiling the 23 fragment templates was the largest fixed cost the hub added to a build
    (about a tenth of a plain Material build). Jinja keys each entry by the template and checks
    a checksum of its source, so an edited template is compiled afresh; the file names also hold
    a fingerprint of the modules that set up the environment (this one and any named, such as
    hub/reports.py for the Atom feed) and of Jinja's version, so a change to an environment (its
    options, its filters) never meets code compiled for the old one. A cache that cannot be
    written is skipped, never an error.
    """

    def __init__(self, directory: Path, *sources: Path) -> None:
        version = getattr(jinja2, "__version__", "")
        code = b"".join(source.read_bytes() for source in (Path(__file__), *sources))
        fingerprint = sha1(code + version.encode()).hexdigest()[:12]
        super().__init__(str(directory), pattern=f"hub-{fingerprint}-%s.cache")

    def dump_bytecode(self, bucket) -> None:
        with suppress(OSError):  # read-only or full: the next build compiles again
            super().dump_bytecode(bucket)

    def load_bytecode(self, bucket: Bucket) -> None:
        """Jinja's own reading, with the file read whole: Bucket.load_bytecode unmarshals the
        code from the open file, which marshal reads a few bytes at a time (three times slower
        than from the file's bytes; a millisecond a build for the fragments)."""
        try:
            with open(self._get_cache_filename(bucket), "rb") as file:
                data = file.read()
        except OSError:
            return
        # The file is Jinja's bc_magic, the pickled checksum of the source, then the code.
        header = io.BytesIO(data)
        if header.read(len(bc_magic)) != bc_magic or pickle.load(header) != bucket.checksum:
            return  # another Jinja's, or the source changed: compiled again
        try:
            bucket.code = marshal.loads(data[header.tell() :])
        except (EOFError, ValueError, TypeError):
            bucket.reset()


def template_file_cache(templates: Path, *sources: Path) -> TemplateFileCache | None:
    """The cache for the templates in ``templates`` (``<project>/<a>/<b>``), in the project's
    ``.cache/hub-fragments/``; ``sources`` are the Python files that set up their environment."""
    folder = templates.parent.parent / ".cache" / "hub-fragments"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return TemplateFileCache(folder, *sources)


@cache
def environment(directory: Path = FRAGMENTS) -> Environment:
    env = Environment(
        loader=FileSystemLoader(directory),
        bytecode_cache=template_file_cache(directory),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        # A template is read once a build: Build.start begins each build with a new environment
        # (so `mkdocs serve` sees an edited fragment), and Jinja need not look at the file's date
        # again at each of the thousands of renders.
        auto_reload=False,
        # Jinja's optimizer folds constant expressions; the fragments have next to none, so it
        # only adds a pass to each template's compile (about 10 % of it, every build), and the
        # output is the same.
        optimized=False,
    )
    # pass_context stops Jinja from folding {{ 'a.md' | page_url }} into a constant when the
    # template is compiled: the result depends on the page being built, not only on the path.
    env.filters["page_url"] = pass_context(lambda _context, docs_path: page_url(docs_path))
    return env


def render(template: str, **context: object) -> Markup:
    """Render ``overrides/fragments/<template>.html`` with plain data, as one HTML block."""
    html = environment().get_template(f"{template}.html").render(**context)
    # Markdown ends an HTML block at a blank line and treats indented lines as code:
    # drop blank lines so the fragment stays one block.
    return Markup("\n".join(filter(str.strip, html.splitlines())))
