"""abbreviate() gives exactly the bytes of the first, simple version on any input.

The fast version compiles its patterns once per glossary and walks the HTML in one regex pass;
the reference below is the version it replaced (one pattern per call, a loop over every tag).
Random HTML from awkward pieces (unclosed tags, a stray < or >, nested and self-closing
regions, short forms inside longer words and attributes) must give the same output from both.
"""

from __future__ import annotations

import random
import re

import pytest
from markupsafe import Markup

from hub.glossary import abbreviate

_TAG = re.compile(r"(<[^>]*>)")
_SKIP = {"abbr", "code", "pre", "script", "style", "svg", "textarea", "title"}
_ABBR = Markup('<abbr title="{}">{}</abbr>')


def reference(html: str, expansions: dict[str, str]) -> str:
    if not expansions:
        return html
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
    return "".join(parts)


GLOSSARIES = {
    "hub": {
        "BSCB": "Bristol Safeguarding Children Board",
        "DfE": "Department for Education",
        "CSE": "child sexual exploitation",
        "CSA": "child sexual abuse",
        "SCR": "serious case review",
        "LSCB": "Local Safeguarding Children Board",
    },
    "prefixes and punctuation": {"A": "a & b", "AB": "<ab>", "A&E": "accident", "é1": "x"},
    "angle brackets": {"A<B": "a", "B>": "b", "C": "c"},
    "empty": {},
}
PIECES = (
    "<p>", "</p>", "<svg>", "</SVG>", "<svg/>", "<Svg >", "<svgx>", "</svg >", "< /svg>",
    '<abbr title="BSCB">', "</abbr>", "<code>", "</ code>", "<//code>", "</>", "<>", "<",
    ">", "< b", "<title>", "</title>", "<pre\n>", "BSCB", "DfE", "CSE", "CSA", "SCR", "LSCB",
    "A", "AB", "A&E", "A<B", "B>", "C", "é1", "BSCBs", "XBSCB", "_DfE", "DfE_", "é", " ",
    "\n", "&#39;", "-", "1", "x",
)  # fmt: skip


def random_html(rng: random.Random) -> str:
    return "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 30)))


@pytest.mark.parametrize("glossary", GLOSSARIES)
def test_same_bytes_as_the_reference_on_random_html(glossary):
    expansions = GLOSSARIES[glossary]
    rng = random.Random(glossary)
    for _ in range(3000):
        html = random_html(rng)
        assert str(abbreviate(html, expansions)) == reference(html, expansions), html


@pytest.mark.parametrize(
    "html",
    [
        "<BSCB",
        "x <BSCB",
        "<p>x</p><BSCB",
        "<p>x</p> <BSCB",
        "a><BSCB",
        "<svg>BSCB",
        "<p title='a > BSCB'>BSCB</p>",
        "< b <c> BSCB",
        "<svg><svg></svg>BSCB</svg>BSCB",
        "<code><svg></code>BSCB</svg>BSCB",
    ],
)
def test_same_bytes_as_the_reference_on_edge_cases(html):
    expansions = GLOSSARIES["hub"]
    assert str(abbreviate(html, expansions)) == reference(html, expansions)


def test_a_changed_glossary_is_not_served_an_old_pattern():
    assert str(abbreviate("<p>AB</p>", {"AB": "one"})) == '<p><abbr title="one">AB</abbr></p>'
    assert str(abbreviate("<p>AB</p>", {"AB": "two"})) == '<p><abbr title="two">AB</abbr></p>'
