"""The glossary: one list of abbreviations, one list of plain definitions, joined and checked.

``includes/abbreviations.md`` is the only place an abbreviation is expanded (Markdown's
``*[BSCB]: Bristol Safeguarding Children Board``). It is appended to every page, so every use
of an abbreviation in a page's Markdown expands. ``data/glossary.yml`` holds plain-English
definitions: of terms of art, and of abbreviations (by their short form, with no expansion of
its own). The glossary page is built from both, so it can never disagree with the pages.
"""

from __future__ import annotations

import re
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
_TAG = re.compile(r"(<[^>]*>)")
_SKIP = {"abbr", "code", "pre", "script", "style", "svg", "textarea", "title"}
_ABBR = Markup('<abbr title="{}">{}</abbr>')


def expansions(terms: tuple[Term, ...]) -> dict[str, str]:
    """{short form: expansion} for every abbreviation in the glossary."""
    return {term.term: term.expansion for term in terms if term.expansion}


def abbreviate(html: str, expansions: dict[str, str]) -> Markup:
    """Wrap each abbreviation in the text of ``html`` (escaped HTML from a template) in <abbr>.

    Text inside <abbr>, <code>, <pre>, <script>, <style>, <svg> and <textarea> is left alone,
    and so are tag names and attribute values.
    """
    if not expansions:
        return Markup(html)
    words = re.compile(
        r"(?<!\w)("
        + "|".join(re.escape(short) for short in sorted(expansions, key=len)[::-1])
        + r")(?!\w)"
    )
    skipping: list[str] = []
    parts = []
    for part in _TAG.split(str(html)):
        if part.startswith("<"):
            name = re.match(r"</?\s*([a-zA-Z0-9-]+)", part)
            tag = name[1].lower() if name else ""
            if tag in _SKIP and not part.endswith("/>"):
                if part.startswith("</"):
                    if tag in skipping:
                        del skipping[len(skipping) - 1 - skipping[::-1].index(tag) :]
                else:
                    skipping.append(tag)
            parts.append(part)
        elif skipping:
            parts.append(part)
        else:
            parts.append(words.sub(lambda m: _ABBR.format(expansions[m[1]], m[1]), part))
    return Markup("".join(parts))
