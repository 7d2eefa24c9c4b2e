"""Every sentence of the Board's strategy is on the built site, in the Board's words.

The source is ``strategy/bscb-strategic-plan-2018-2019.txt``, the Board's text as it came out of
the PDF, kept unchanged. Before it is split into sentences and headings, these normalisations
are applied, and no others; the comparison itself is exact after folding whitespace:

1. Letterhead. "Bristol Safeguarding", "Children Board" and "making safeguarding everybody's
   business" repeat at the top of the second page. They are page furniture, not the plan's text.
2. Conversion artefacts. Stray ``**`` bold markers are dropped.
3. List markers. A leading "- " (bullet) and a leading "1. " (number) are the list's or the
   heading's marker, not its words: the site shows them as list or heading numbers.
4. Page breaks. Two sentences run over a page break; the paragraph ending "We will" and the one
   ending "whether our work" are joined to the paragraph after them.
5. Whitespace. Runs of spaces and new lines count as one space, in the text and in the pages.

Every sentence and heading must be on the whole-plan page (the strategy in order, to print).
Every sentence must also be on at least one topic page; the Key Indicators section is exempt
there, because its page belongs to the data part of the hub.
"""

from __future__ import annotations

import hashlib
import re

import pytest
from sitetext import built_pages, fold, page_name, read

from conftest import ROOT

STRATEGY = ROOT / "strategy" / "bscb-strategic-plan-2018-2019.txt"
ORIGINAL_SHA256 = "fbcf67cd13e6a7e36f00d0cd5f650ba8317a028d5fc18190c96200744b19d6f1"
LETTERHEAD = {"Bristol Safeguarding", "Children Board", "making safeguarding everybody's business"}
RUNS_OVER_A_PAGE_BREAK = ("We will", "whether our work")
LIST_MARKER = re.compile(r"^(?:- )?(?:\d+\. )?")
SENTENCE_END = re.compile(r"(?<=[.;:])\s+(?=[A-Z0-9“])")
WHOLE_PLAN = "about/whole-plan/index.html"
KEY_INDICATORS = "Key Indicators of Effectiveness"


def paragraphs() -> list[tuple[str, str]]:
    """(section heading, paragraph) for every paragraph and list item, normalised."""
    text = STRATEGY.read_text(encoding="utf-8").replace("**", "")
    kept = [line for line in text.splitlines() if line.strip() not in LETTERHEAD]
    blocks = [block for block in "\n".join(kept).split("\n\n") if block.strip()]
    joined: list[str] = []
    for block in blocks:
        if joined and fold(joined[-1]).endswith(RUNS_OVER_A_PAGE_BREAK):
            joined[-1] = joined[-1] + " " + block
        else:
            joined.append(block)
    found, section = [], ""
    for index, block in enumerate(joined):
        lines = block.strip().splitlines()
        if index == 0:  # the title, set over three lines
            found.append(("", fold(block)))
            continue
        for line in lines if all(line.startswith("- ") for line in lines) else [block]:
            item = fold(LIST_MARKER.sub("", fold(line)))
            if is_heading(item) and index != 0 and item in TOP_LEVEL_HEADINGS:
                section = item
            found.append((section, item))
    return found


TOP_LEVEL_HEADINGS = {
    "Vision",
    "Guiding principles",
    "Strategic Priorities April 2018-June 2019",
    "Approach",
    "Governance and Accountability",
    KEY_INDICATORS,
    "Action Plan",
}


def is_heading(item: str) -> bool:
    return not item.endswith((".", ";", ":"))


def units() -> list[tuple[str, str]]:
    """(section, sentence or heading): headings whole, paragraphs split after . ; or :"""
    found = []
    for section, item in paragraphs():
        if is_heading(item):
            found.append((section, item))
        else:
            found.extend((section, sentence) for sentence in SENTENCE_END.split(item))
    return found


UNITS = units()
SENTENCES = [
    sentence
    for section, sentence in UNITS
    if not is_heading(sentence) and section != KEY_INDICATORS
]


def short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "..."


TITLE = "Bristol Safeguarding Children Board Strategic Plan April 2018 – June 2019"
OVER_A_PAGE_BREAK = (
    "We will See it, Name it and ensure that professionals and the public across the city's "
    "workforce have the tools and information they need to identify and respond to abuse, "
    "learn from cases, and hear what our priorities are to define their focus."
)


def test_the_original_text_is_unchanged():
    """strategy/README.md: never edit the Board's text; if a page disagrees, fix the page."""
    assert hashlib.sha256(STRATEGY.read_bytes()).hexdigest() == ORIGINAL_SHA256


def test_the_text_is_split_as_expected():
    """Guards the normalisations: a change to the text or the rules shows up here first."""
    texts = [text for _, text in UNITS]
    assert UNITS[0] == ("", TITLE)
    assert not any("everybody's business" in text for text in texts)
    assert not any("**" in text or text.startswith(("- ", "1. ")) for text in texts)
    assert OVER_A_PAGE_BREAK in texts
    assert sum(section == KEY_INDICATORS for section, _ in UNITS) == 1 + 1 + 9
    assert len(UNITS) == 94


@pytest.fixture(scope="module")
def page_texts(site) -> dict[str, str]:
    return {page_name(site, page): read(page).text for page in built_pages(site)}


@pytest.mark.parametrize("unit", [text for _, text in UNITS], ids=short)
def test_whole_plan_page_holds_it(page_texts, unit):
    assert unit in page_texts[WHOLE_PLAN], f"missing from the whole-plan page: {unit!r}"


@pytest.mark.parametrize("sentence", SENTENCES, ids=short)
def test_a_topic_page_holds_it(page_texts, sentence):
    pages = [name for name, text in page_texts.items() if name != WHOLE_PLAN and sentence in text]
    assert pages, f"no topic page holds: {sentence!r}"
