"""The strategy's pages are organised as promised: stable principle anchors, every principle
linked from every priority, commitments quoted exactly, plain facts about the plan's period,
and the review dates and description on every content page."""

from __future__ import annotations

import re

import pytest
import yaml
from sitetext import fold, read
from test_fidelity import UNITS

from conftest import ROOT
from hub.glossary import load_glossary

PRINCIPLES = [
    "child-focused-practice",
    "voice-of-the-child",
    "participation-of-parents-and-carers",
    "effective-support-early",
    "think-family",
    "culture-of-challenge-and-escalation",
]
PRIORITIES = yaml.safe_load((ROOT / "data" / "priorities.yml").read_text(encoding="utf-8"))[
    "priorities"
]
CONTENT_PAGES = [
    "index.md",
    "young-people.md",
    "vision.md",
    "principles.md",
    "approach.md",
    "governance.md",
    "action-plan.md",
    "glossary.md",
    "about/index.md",
    "about/data-and-sources.md",
    "about/whole-plan.md",
    "priorities/index.md",
    *(priority["page"] for priority in PRIORITIES),
]
OGL = "Contains public sector information licensed under the Open Government Licence v3.0."
STRATEGY_TEXT = " ".join(text for _, text in UNITS)


def built(site, docs_path: str):
    stem = docs_path.removesuffix(".md")
    stem = stem.removesuffix("index") if stem == "index" or stem.endswith("/index") else stem + "/"
    return site / stem / "index.html"


def front_matter(docs_path: str) -> dict:
    text = (ROOT / "docs" / docs_path).read_text(encoding="utf-8")
    match = re.match(r"---\n(.*?)\n---\n", text, re.DOTALL)
    assert match, f"docs/{docs_path} has no front matter"
    return yaml.safe_load(match[1])


@pytest.mark.parametrize("anchor", PRINCIPLES)
def test_each_principle_has_its_anchor(site, anchor):
    assert anchor in read(built(site, "principles.md")).ids


@pytest.mark.parametrize("priority", PRIORITIES, ids=lambda priority: priority["id"])
def test_each_priority_page_links_all_six_principles(site, priority):
    links = read(built(site, priority["page"])).links
    for anchor in PRINCIPLES:
        assert f"../../principles/#{anchor}" in links, anchor


@pytest.mark.parametrize("priority", PRIORITIES, ids=lambda priority: priority["id"])
def test_each_priority_page_says_no_mapping_is_invented(site, priority):
    text = read(built(site, priority["page"])).text
    assert "does not link particular principles to particular priorities" in text
    assert "“will adhere to the following principles”" in text


@pytest.mark.parametrize("priority", PRIORITIES, ids=lambda priority: priority["id"])
def test_each_priority_page_has_its_sections(site, priority):
    page = read(built(site, priority["page"]))
    assert {"what-the-strategy-says", "commitments", "principles", "key-indicators", "updates"} <= (
        page.ids
    )
    assert page.text.startswith(f"{priority['number']}. {priority['title']}")


@pytest.mark.parametrize("priority", PRIORITIES, ids=lambda priority: priority["id"])
def test_commitments_are_quoted_exactly(priority):
    source = (ROOT / "docs" / priority["page"]).read_text(encoding="utf-8")
    quotes = re.findall(r"^- “(.+)”$", source, re.MULTILINE)
    assert quotes, "each priority page quotes at least one commitment"
    for quote in quotes:
        assert fold(quote) in STRATEGY_TEXT, quote


def test_about_page_says_the_period_has_ended(site):
    text = read(built(site, "about/index.md")).text
    assert "The plan’s period has ended" in text
    assert "April 2018 to June 2019" in text
    assert "Keeping Bristol Safe Partnership in 2019" in text
    assert "Children and Social Work Act 2017" in text


def test_data_page_carries_the_licence_attribution(site):
    text = read(built(site, "about/data-and-sources.md")).text
    assert OGL in text


def test_young_people_page_gives_only_verified_numbers(site):
    text = read(built(site, "young-people.md")).text
    contacts = yaml.safe_load((ROOT / "data" / "contacts.yml").read_text(encoding="utf-8"))
    verified = {contact["number"] for contact in contacts["contacts"]}
    numbers = set(re.findall(r"\b0\d{3} ?\d{3,4}(?: ?\d{3,4})?\b|\b999\b", text))
    assert numbers == {"999", "0800 1111"}
    assert numbers <= verified


def test_home_page_has_a_way_in_for_each_audience(site):
    links = read(built(site, "index.md")).links
    for target in ("get-help/", "young-people/", "priorities/", "principles/"):
        assert target in links, target


@pytest.mark.parametrize("docs_path", CONTENT_PAGES)
def test_page_has_review_dates_and_a_description(docs_path):
    meta = front_matter(docs_path)
    assert str(meta.get("reviewed")) == "2026-11-28"
    assert str(meta.get("review_due")) == "2027-11-28"
    assert isinstance(meta.get("description"), str) and 20 < len(meta["description"]) < 200


@pytest.mark.parametrize(
    "term", [term for term in load_glossary(ROOT) if term.see], ids=lambda term: term.anchor
)
def test_glossary_links_lead_somewhere(site, term):
    page, _, anchor = term.see.partition("#")
    target = built(site, page)
    assert target.is_file(), term.see
    assert not anchor or anchor in read(target).ids, term.see
