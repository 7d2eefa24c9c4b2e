"""Every abbreviation expands wherever a reader meets it, and the glossary cannot disagree.

``includes/abbreviations.md`` is the one place an abbreviation is expanded; it is appended to
every page and read by the glossary page (hub/glossary.py). These tests check the built pages,
the strategy's own abbreviations, and the mistakes an editor could make in the two files.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from sitetext import built_pages, page_name, read

from conftest import ROOT
from hub import data, views
from hub.errors import DataError, DataErrors
from hub.glossary import ABBREVIATIONS, abbreviate, load_glossary, read_abbreviations
from hub.render import at_page

EXPANSIONS = read_abbreviations(ROOT)
STRATEGY = ROOT / "strategy" / "bscb-strategic-plan-2018-2019.txt"
# Letterhead text is not the plan's; no abbreviation hides in it, but say so rather than guess.
STRATEGY_ABBREVIATIONS = sorted(
    set(re.findall(r"\b[A-Z]{2,}\b", STRATEGY.read_text(encoding="utf-8")))
)


def word(abbreviation: str) -> re.Pattern[str]:
    """The abbreviation as a whole word, as Python-Markdown's abbr extension matches it."""
    return re.compile(rf"(?<!\w){re.escape(abbreviation)}(?!\w)")


@pytest.fixture(scope="module")
def pages(site):
    # The article, and the help panel that every page carries after it.
    return {page_name(site, page): read(page, also=("hub-help",)) for page in built_pages(site)}


@pytest.mark.parametrize("abbreviation", STRATEGY_ABBREVIATIONS)
def test_every_abbreviation_in_the_strategy_is_in_the_glossary(abbreviation):
    assert abbreviation in EXPANSIONS, f"add '*[{abbreviation}]: …' to {ABBREVIATIONS}"


def test_the_strategy_abbreviations_are_the_known_ones():
    assert {"BSCB", "LSCB", "SEND", "MARAC"} <= set(STRATEGY_ABBREVIATIONS)


@pytest.mark.parametrize("abbreviation", sorted(EXPANSIONS))
def test_abbreviation_expands_on_every_page_that_uses_it(pages, abbreviation):
    pattern, expected = word(abbreviation), EXPANSIONS[abbreviation]
    bare, wrong, used_on = [], [], []
    for name, content in pages.items():
        for segment in content.segments:
            hits = pattern.findall(segment.text)
            if not hits:
                continue
            used_on.append(name)
            if segment.abbr_title is None:
                bare.append(f"{name}: …{segment.text.strip()[:80]}…")
            elif segment.abbr_title != expected:
                wrong.append(f"{name}: title {segment.abbr_title!r}")
    assert not bare, f"{abbreviation} is not inside <abbr title=…> on:\n" + "\n".join(bare)
    assert not wrong, f"{abbreviation} should expand to {expected!r}:\n" + "\n".join(wrong)


@pytest.mark.parametrize("abbreviation", sorted(EXPANSIONS))
def test_glossary_page_lists_it_with_its_expansion(pages, abbreviation):
    glossary = pages["glossary/index.html"]
    anchor = re.sub(r"[^a-z0-9]+", "-", abbreviation.lower()).strip("-")
    assert anchor in glossary.ids
    assert f"{abbreviation} {EXPANSIONS[abbreviation]}" in glossary.text


def test_glossary_page_lists_every_term(pages):
    glossary = pages["glossary/index.html"]
    for term in load_glossary(ROOT):
        assert term.anchor in glossary.ids, term.term
        assert term.definition is None or term.definition in glossary.text, term.term


# ---------------------------------------------------------------- editors' mistakes


def write(root: Path, abbreviations: str, terms: str) -> Path:
    (root / "includes").mkdir(parents=True)
    (root / "includes" / "abbreviations.md").write_text(abbreviations, encoding="utf-8")
    (root / "data" / "schemas").mkdir(parents=True)
    schema = (ROOT / "data" / "schemas" / "glossary.schema.json").read_text(encoding="utf-8")
    (root / "data" / "schemas" / "glossary.schema.json").write_text(schema, encoding="utf-8")
    (root / "data" / "glossary.yml").write_text(terms, encoding="utf-8")
    return root


GOOD_TERMS = "terms:\n  - term: BSCB\n    definition: The Board.\n"


@pytest.mark.parametrize(
    ("abbreviations", "terms", "message"),
    [
        pytest.param(
            "*[BSCB]: Bristol Safeguarding Children Board\nBSCB = the Board\n",
            GOOD_TERMS,
            "includes/abbreviations.md, line 2: 'BSCB = the Board' is not an abbreviation line",
            id="malformed line",
        ),
        pytest.param(
            "*[BSCB]: Bristol Safeguarding Children Board\n*[BSCB]: The Board\n",
            GOOD_TERMS,
            "includes/abbreviations.md, line 2: 'BSCB' is expanded twice",
            id="expanded twice",
        ),
        pytest.param(
            "*[BSCB]: Bristol Safeguarding Children Board\n",
            "terms:\n  - term: MARAC\n    definition: A meeting.\n",
            "data/glossary.yml, line 2, field 'terms.0.term': 'MARAC' looks like an "
            "abbreviation, but includes/abbreviations.md does not expand it",
            id="definition without expansion",
        ),
        pytest.param(
            "*[BSCB]: Bristol Safeguarding Children Board\n",
            GOOD_TERMS + "  - term: BSCB\n    definition: Again.\n",
            "data/glossary.yml, line 4, field 'terms.1.term': 'BSCB' is defined twice",
            id="defined twice",
        ),
        pytest.param(
            "*[BSCB]: Bristol Safeguarding Children Board\n",
            "terms:\n  - term: BSCB\n    definition: The Board.\n    expansion: Board\n",
            "data/glossary.yml, line 2, field 'terms.0': unknown key 'expansion'",
            id="expansion written twice",
        ),
    ],
)
def test_a_mistake_names_the_file_the_line_and_what_to_do(tmp_path, abbreviations, terms, message):
    root = write(tmp_path, abbreviations, terms)
    with pytest.raises((DataError, DataErrors)) as raised:
        load_glossary(root)
    assert message in str(raised.value)
    assert "What to do:" in str(raised.value)


def test_abbreviations_and_definitions_join():
    root_terms = {term.term: term for term in load_glossary(ROOT)}
    assert root_terms["BSCB"].expansion == "Bristol Safeguarding Children Board"
    assert root_terms["BSCB"].definition
    assert root_terms["Signs of Safety"].expansion is None


# ---------------------------------------------------------------- the view and the expander

GOLDEN = ROOT / "tests" / "golden" / "views" / "glossary.html"
EXAMPLE = {"BSCB": "Bristol Safeguarding Children Board", "DfE": "Department for Education"}


def test_glossary_view_matches_its_golden_html():
    """Regenerate with UPDATE_GOLDEN=1, then read the diff before committing."""
    hub = data.load(ROOT)
    with at_page("glossary/"):
        html = str(views.glossary(hub)) + "\n"
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(html, encoding="utf-8")
    assert html == GOLDEN.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        pytest.param(
            "<p>The BSCB met.</p>",
            '<p>The <abbr title="Bristol Safeguarding Children Board">BSCB</abbr> met.</p>',
            id="text",
        ),
        pytest.param(
            "<td>DfE&#39;s data</td>",
            '<td><abbr title="Department for Education">DfE</abbr>&#39;s data</td>',
            id="before an entity",
        ),
        pytest.param('<a title="BSCB" href="BSCB/">x</a>', None, id="attributes untouched"),
        pytest.param('<abbr title="Board">BSCB</abbr>', None, id="already expanded"),
        pytest.param("<svg><text>DfE</text></svg>", None, id="svg text untouched"),
        pytest.param("<code>BSCB</code> BSCBs XBSCB", None, id="code and longer words untouched"),
    ],
)
def test_abbreviate_wraps_only_visible_whole_words(html, expected):
    assert str(abbreviate(html, EXAMPLE)) == (html if expected is None else expected)


def test_abbreviate_escapes_the_expansion():
    assert 'title="A &amp; B"' in str(abbreviate("<p>AB</p>", {"AB": "A & B"}))
