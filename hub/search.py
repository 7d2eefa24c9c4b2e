"""What site search reads of a macro's HTML: the same words and sections, with few of the tags.

Material's search plugin reads each page with Python's ``html.parser`` (its ``Parser`` in
material/plugins/search/plugin.py). For every tag and every run of text it walks the list of
open elements, calling Python methods on each, so its cost grows with how many tags a page has
and how deeply they nest. The hub's fragments are tables, definition lists and nested lists:
reading them was the largest single cost the hub added to a build (issue 6). Of all that markup,
the index keeps only

- the text, with each line break read as a space and a run of blank text as one space;
- a few tags, written bare as markup in the index (:data:`KEPT`: ``<p>``, ``<li>`` …);
- headings with an ``id``, each of which starts a new entry (a section), and the elements that
  enclose a heading, since leaving one closes the section (its text goes back to the one before).

So the search plugin is shown a fragment's :func:`index_view`: the same HTML with every other tag
taken out and each run of whitespace made one space, which gives an index with the same entries,
titles and words; ``tests/test_search_view.py`` compares the two on every fragment of the site.
The page itself gets the real HTML back once the index has read it (:class:`hub.site.Fragments`).

Nothing here imports MkDocs or Material, but it follows what Material's search parser keeps: a
move to another engine or search drops this module, and the fragments' HTML is then read as is.

A fragment with anything the parser treats specially inside (``<pre>``, whose whitespace it
keeps; a script, style or object, which it skips; an element marked ``data-search-exclude``) is
shown to it as it is, and so is one whose tags do not nest.
"""

from __future__ import annotations

import re

# The tags Material's index keeps as markup (Parser.keep), and headings (which start a section).
KEPT = ("p", "code", "pre", "li", "ol", "ul", "sub", "sup")
HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
# Elements the parser has no end for (its ``void``): they never enclose anything.
VOID = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
     "track", "wbr"]
)  # fmt: skip

# Markup the parser reads in a way a view does not reproduce: the fragment is shown as it is. Plain
# text searches (a tag name found as the start of a longer one only makes the check safer). The
# fragments' templates write their tags in lower case (tests/test_search_view.py).
SPECIAL = ("<pre", "<script", "<style", "<object", "data-search-exclude", "linenodiv")
HEADING = re.compile(r"<h[1-6][\s>]")
# A tag's attributes never hold a ">": the fragments are autoescaped, which writes it "&gt;".
_ATTRIBUTES = "[^>]*"
# A tag (with its attributes), a comment or a declaration, split out of the text around it.
_TAG_SPLIT = re.compile(r"(<[^>]*>)")
# A tag other than a kept one, or a comment: taken out; a kept one's attributes: taken out.
OTHER_TAG = re.compile(rf"<(?!/?(?:{'|'.join(KEPT)})[\s/>]){_ATTRIBUTES}>")
KEPT_ATTRIBUTES = re.compile(rf"<(/?(?:{'|'.join(KEPT)}))[\s/]{_ATTRIBUTES}>")


def index_view(html: str) -> str:
    """``html`` as the search index reads it, with the tags it does not keep taken out."""
    if any(special in html for special in SPECIAL):
        return html
    if HEADING.search(html):
        return _with_headings(html)
    return _fold(KEPT_ATTRIBUTES.sub(r"<\1>", OTHER_TAG.sub("", html)))


def _with_headings(html: str) -> str:
    """The view of a fragment with headings: each heading as written, each element that
    encloses a heading (as a bare tag), the kept tags, and the text between them."""
    parts = _TAG_SPLIT.split(html)  # text, tag, text, tag, ..., text
    tags = parts[1::2]
    names = [_name(tag) for tag in tags]
    # Whether each tag is kept for enclosing a heading: every element open when a heading
    # starts is, and its end tag with it.
    encloses = [False] * len(tags)
    open_: list[int] = []
    for index, (tag, name) in enumerate(zip(tags, names, strict=True)):
        if name is None or name in VOID or tag.endswith("/>"):
            continue
        if tag[1] == "/":
            if not open_ or names[open_[-1]] != name:
                return html  # tags that do not nest: only the parser's own reading is safe
            encloses[index] = encloses[open_.pop()]
        else:
            if name in HEADINGS:
                for enclosing in open_:
                    encloses[enclosing] = True
            open_.append(index)
    if open_:
        return html

    # The text between tags that are dropped is one run of text for the parser: its whitespace
    # is folded when the next tag that is kept (or the end) is reached. Inside a heading,
    # everything stays as written.
    out: list[str] = []
    text = [parts[0]]
    in_heading = False
    for index, (tag, name) in enumerate(zip(tags, names, strict=True)):
        if in_heading:
            out += [*text, tag]
            in_heading = not (name in HEADINGS and tag[1] == "/")
        elif name in HEADINGS:
            out += [_fold("".join(text)), tag]
            in_heading = tag[1] != "/"
        elif encloses[index] or name in KEPT:
            out += [_fold("".join(text)), f"</{name}>" if tag[1] == "/" else f"<{name}>"]
        else:
            text.append(parts[2 * index + 2])
            continue
        text = [parts[2 * index + 2]]
    out.append(_fold("".join(text)))
    return "".join(out)


def _name(tag: str) -> str | None:
    """A tag's element name in lower case (None for a comment or declaration)."""
    if tag[1] == "!":
        return None
    return tag[2 if tag[1] == "/" else 1 :].split(None, 1)[0].rstrip("/>").lower() or None


def _fold(text: str) -> str:
    """Each run of whitespace as one space, as the parser reads it (one space at each end too:
    the words around the fragment stay apart). Words, not spaces, are what the index holds: a
    no-break space reads as a space (lunr, the search client, splits words at it too)."""
    words = " ".join(text.split())
    if not words:
        return " " if text else ""
    return f"{' ' if text[0].isspace() else ''}{words}{' ' if text[-1].isspace() else ''}"
