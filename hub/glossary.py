"""The glossary: one list of abbreviations, one list of plain definitions, joined and checked.

``includes/abbreviations.md`` is the only place an abbreviation is expanded (Markdown's
``*[BSCB]: Bristol Safeguarding Children Board``). It is appended to every page, so every use
of an abbreviation in a page's Markdown expands. ``data/glossary.yml`` holds plain-English
definitions: of terms of art, and of abbreviations (by their short form, with no expansion of
its own). The glossary page is built from both, so it can never disagree with the pages.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Mapping
from functools import lru_cache
from pathlib import Path

from markupsafe import Markup

from hub.errors import DataError, DataErrors
from hub.model import Term
from hub.readers import read_yaml

ABBREVIATIONS = "includes/abbreviations.md"
GLOSSARY = "data/glossary.yml"
_LINE = re.compile(r"^\*\[(?P<short>[^\]]+)\]:[ \t]*(?P<long>\S.*?)\s*$")


def read_abbreviations(root: Path) -> dict[str, str]:
    """``includes/abbreviations.md`` as {short form: expansion}, in file order."""
    path = root / ABBREVIATIONS
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(ABBREVIATIONS, "the file is missing", hint="create it") from None
    found: dict[str, str] = {}
    errors = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = _LINE.match(line)
        if not match:
            errors.append(
                DataError(
                    ABBREVIATIONS,
                    f"{line.strip()!r} is not an abbreviation line",
                    number,
                    hint="write each one as *[BSCB]: Bristol Safeguarding Children Board",
                )
            )
        elif match["short"] in found:
            errors.append(
                DataError(
                    ABBREVIATIONS,
                    f"'{match['short']}' is expanded twice",
                    number,
                    hint="keep one line for it",
                )
            )
        else:
            found[match["short"]] = match["long"]
    if errors:
        raise DataErrors(errors)
    return found


def load_glossary(root: Path) -> tuple[Term, ...]:
    """Every abbreviation and defined term, sorted A to Z; each abbreviation once."""
    abbreviations = read_abbreviations(root)
    raw, lines = read_yaml(root / GLOSSARY, "glossary", root)
    definitions: dict[str, tuple[str, str | None]] = {}
    errors = []
    for index, item in enumerate(raw["terms"]):
        term = item["term"]
        line = lines.get(("terms", index))
        if term in definitions:
            errors.append(
                DataError(
                    GLOSSARY,
                    f"'{term}' is defined twice",
                    line,
                    f"terms.{index}.term",
                    "keep one definition",
                )
            )
        elif term.isupper() and term not in abbreviations:
            errors.append(
                DataError(
                    GLOSSARY,
                    f"'{term}' looks like an abbreviation, but {ABBREVIATIONS} does not expand it",
                    line,
                    f"terms.{index}.term",
                    f"add a line '*[{term}]: …' to {ABBREVIATIONS}",
                )
            )
        definitions[term] = (item["definition"], item.get("see"))
    if errors:
        raise DataErrors(errors)
    terms = [
        Term(short, expansion, *definitions.get(short, (None, None)))
        for short, expansion in abbreviations.items()
    ]
    terms += [
        Term(term, None, definition, see)
        for term, (definition, see) in definitions.items()
        if term not in abbreviations
    ]
    return tuple(sorted(terms, key=lambda t: t.term.casefold()))


# ---------------------------------------------------------------- expanding macro output

# Markdown expands abbreviations in a page's text, but not inside the HTML a macro returns.
# abbreviate() does the same for that HTML, so an abbreviation expands wherever it appears.
_SKIP = frozenset({"abbr", "code", "pre", "script", "style", "svg", "textarea", "title"})
_ABBR = Markup('<abbr title="{}">{}</abbr>')


def expansions(terms: tuple[Term, ...]) -> dict[str, str]:
    """{short form: expansion} for every abbreviation in the glossary."""
    return {term.term: term.expansion for term in terms if term.expansion}


class _Expander:
    """One glossary's abbreviations as a pattern compiled once (see :func:`_expander`).

    ``words`` finds a short form as a whole word (no word character either side), longest
    first. It looks behind a match after its first letter, not before it, so that every
    branch starts with a letter and the regex engine skips ahead to the next possible first
    letter instead of trying every branch at every position.
    """

    def __init__(self, items: tuple[tuple[str, str], ...]) -> None:
        # Each short form's <abbr>, escaped once.
        self.wrapped = {short: str(_ABBR.format(long, short)) for short, long in items}
        shorts = sorted(self.wrapped, key=len)[::-1]
        branches = "|".join(re.escape(s[0]) + r"(?<!\w[\s\S])" + re.escape(s[1:]) for s in shorts)
        self.words = re.compile(rf"(?:{branches})(?!\w)")
        # A short form holding < or > could reach into a tag: such a glossary goes tag by tag.
        self.plain = not any("<" in short or ">" in short for short in shorts)

    def wrap(self, match: re.Match[str]) -> str:
        return self.wrapped[match[0]]

    def abbreviate(self, html: str) -> str:
        matches = list(self.words.finditer(html))
        if not matches:
            return html  # the common case: no abbreviation anywhere in the fragment
        if not self.plain or html.rfind("<") > html.rfind(">"):
            return _abbreviate_by_parts(html, self.words, self.wrap)
        # Every < now opens a tag or sits inside one, so a tag runs from a < to the next >.
        # Only the few short forms found, and the tags that open or close a skipped region,
        # are looked at; the many other tags are never visited one by one.
        starts, ends = _skipped(html)
        parts, done = [], 0
        for match in matches:
            at = match.start()
            if _in_tag(html, at) or bisect_right(starts, at) > bisect_right(ends, at):
                continue
            parts += (html[done:at], self.wrap(match))
            done = match.end()
        return "".join(parts) + html[done:]


def _in_tag(html: str, at: int) -> bool:
    """Whether ``at`` is inside a tag, in HTML where every < has a > after it."""
    opening = html.rfind("<", 0, at)
    return opening >= 0 and html.find(">", opening) > at


# A skipped element's name in either case, letter by letter ([aA][bB][bB][rR]): faster than
# IGNORECASE, and no lower-cased copy of the fragment to make.
_SKIP_NAME = "|".join("".join(f"[{c}{c.upper()}]" for c in name) for name in sorted(_SKIP))
_SKIP_TAG = re.compile(rf"<(/?)\s*({_SKIP_NAME})(?![a-zA-Z0-9-])[^>]*>")
# Whether a skipped element opens anywhere: one scan, from one < to the next.
_ANY_SKIPPED = re.compile(rf"<\s*(?:{_SKIP_NAME})(?![a-zA-Z0-9-])")


def _skipped(html: str) -> tuple[list[int], list[int]]:
    """Where text is left alone: the starts and ends of the regions inside skipped elements."""
    if not _ANY_SKIPPED.search(html):
        return [], []  # no skipped element at all (the usual case): one quick scan tells
    skipping: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for tag in _SKIP_TAG.finditer(html):
        if _in_tag(html, tag.start()):
            continue  # a "<svg" inside an attribute or another tag is no tag
        was = bool(skipping)
        _track(skipping, tag[0], tag[2].lower())
        if skipping and not was:
            starts.append(tag.end())
        elif was and not skipping:
            ends.append(tag.end())
    return starts, ends


def _track(skipping: list[str], tag: str, name: str) -> None:
    """Open or close a region whose text is left alone (self-closing tags open none)."""
    if tag.endswith("/>"):
        return
    if tag.startswith("</"):
        if name in skipping:
            del skipping[len(skipping) - 1 - skipping[::-1].index(name) :]
    else:
        skipping.append(name)


_TAG = re.compile(r"(<[^>]*>)")
_TAG_NAME = re.compile(r"</?\s*([a-zA-Z0-9-]+)")


def _abbreviate_by_parts(
    html: str, words: re.Pattern[str], wrap: Callable[[re.Match[str]], str]
) -> str:
    """Tag by tag, text part by text part: for short forms that hold < or >."""
    skipping: list[str] = []
    parts = []
    for part in _TAG.split(html):
        if part.startswith("<"):
            name = _TAG_NAME.match(part)
            tag = name[1].lower() if name else ""
            if tag in _SKIP:
                _track(skipping, part, tag)
            parts.append(part)
        else:
            parts.append(part if skipping else words.sub(wrap, part))
    return "".join(parts)


@lru_cache(maxsize=8)
def _expander(items: tuple[tuple[str, str], ...]) -> _Expander:
    return _Expander(items)


def abbreviate(html: str, expansions: Mapping[str, str]) -> Markup:
    """Wrap each abbreviation in the text of ``html`` (escaped HTML from a template) in <abbr>.

    Text inside <abbr>, <code>, <pre>, <script>, <style>, <svg>, <textarea> and <title> is left
    alone, and so are tag names and attribute values. The patterns are built once per glossary.
    """
    if not expansions:
        return Markup(html)
    return Markup(_expander(tuple(expansions.items())).abbreviate(str(html)))
