"""Open data in the built site: the Data Package validates with Frictionless, every download
link on every page resolves to a file, and the files hold the data files' figures."""

from __future__ import annotations

import csv
import json
import re
from urllib.parse import unquote, urljoin

import pytest

from conftest import ROOT

INDICATORS = sorted(path.stem for path in (ROOT / "data" / "indicators").glob("*.yml"))
ATTRIBUTION = "Contains public sector information licensed under the Open Government Licence v3.0."


def test_the_data_package_validates(site):
    from frictionless import validate

    report = validate(str(site / "data" / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_the_data_package_lists_every_indicator_and_the_licence(site):
    package = json.loads((site / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert {r["name"] for r in package["resources"]} == {"key-indicators", *INDICATORS}
    assert package["licenses"][0]["name"] == "OGL-UK-3.0"
    assert ATTRIBUTION in package["description"]


@pytest.mark.parametrize("indicator", INDICATORS)
def test_each_download_holds_the_data_file(site, indicator):
    with (ROOT / "data" / "indicators" / f"{indicator}.csv").open(encoding="utf-8") as handle:
        source = list(csv.DictReader(handle))
    with (site / "data" / "indicators" / f"{indicator}.csv").open(encoding="utf-8") as handle:
        published = list(csv.DictReader(handle))
    keep = ("period", "area", "measure", "value", "status", "source", "release")
    assert [{k: r[k] for k in keep} for r in published] == source
    document = json.loads(
        (site / "data" / "indicators" / f"{indicator}.json").read_text(encoding="utf-8")
    )
    assert document["id"] == indicator and len(document["data"]) == len(source)
    assert document["licence"] == ATTRIBUTION


def download_links(site):
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for href in re.findall(r'href="([^"#?]+\.(?:csv|json))"', html):
            yield page, href


def test_every_download_link_resolves_to_a_file(site):
    links = list(download_links(site))
    pages = {page.relative_to(site).as_posix() for page, _ in links}
    assert "about/data-and-sources/index.html" in pages
    assert all(f"indicators/{i}/index.html" in pages for i in INDICATORS)
    for page, href in links:
        base = page.relative_to(site).as_posix()
        target = unquote(urljoin("/" + base, href)).lstrip("/")
        assert (site / target).is_file(), f"{base}: {href} does not resolve"


@pytest.mark.parametrize(
    "page",
    [f"indicators/{i}/index.html" for i in INDICATORS] + ["about/data-and-sources/index.html"],
)
def test_the_licence_is_beside_the_data(site, page):
    assert ATTRIBUTION in (site / page).read_text(encoding="utf-8")
