"""Every figure on every built indicator page matches its data file, and a missing figure is
shown as words with its meaning. Also: markup in a data file reaches the page as text."""

from __future__ import annotations

import csv
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import ROOT, mkdocs_build
from hub.periods import Period

INDICATORS = sorted(path.stem for path in (ROOT / "data" / "indicators").glob("*.yml"))
MEANINGS = {
    "suppressed": "suppressed (c)",
    "not-collected": "not collected",
    "not-published": "not published (-)",
    "not-available": "not available (x)",
}


class Tables(HTMLParser):
    """The hub's tables on a page: for each, its attributes, header cells and body rows."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[dict] = []
        self._cell: list[str] | None = None
        self._row: list[tuple[dict, str]] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table":
            self.tables.append({"attrs": attrs, "head": [], "rows": []})
        elif tag == "tr" and self.tables:
            self._row = []
        elif tag in ("th", "td") and self._row is not None:
            self._cell, self._attrs = [], attrs

    def handle_endtag(self, tag):
        if tag in ("th", "td") and self._cell is not None:
            self._row.append(({**self._attrs, "tag": tag}, " ".join("".join(self._cell).split())))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            table = self.tables[-1]
            if all(attrs.get("scope") == "col" for attrs, _ in self._row):
                table["head"] = self._row
            else:
                table["rows"].append(self._row)
            self._row = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def tables(html: str) -> list[dict]:
    parser = Tables()
    parser.feed(html)
    return parser.tables


def number(text: str) -> float:
    return float(text.replace(",", "").replace("%", "").replace("−", "-"))


def data_rows(indicator: str) -> list[dict[str, str]]:
    with (ROOT / "data" / "indicators" / f"{indicator}.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("indicator", INDICATORS)
def test_every_figure_on_the_page_matches_its_data_file(site, indicator):
    html = (site / "indicators" / indicator / "index.html").read_text(encoding="utf-8")
    shown: dict[tuple, str] = {}
    for table in tables(html):
        if "hub-data" not in table["attrs"].get("class", ""):
            continue
        assert table["head"], "a data table needs header cells"
        columns = [(a.get("data-area"), a.get("data-release")) for a, _ in table["head"][1:]]
        measure = table["attrs"]["data-measure"]
        for row in table["rows"]:
            (period_attrs, period), *cells = row
            assert period_attrs == {"scope": "row", "tag": "th"}
            for (area, release), (attrs, text) in zip(columns, cells, strict=True):
                assert text, f"an empty cell for {measure}, {period}, {area}"
                if "hub-gap--absent" not in attrs.get("class", ""):
                    shown[(measure, period, area, release)] = text
    expected = data_rows(indicator)
    assert len(shown) == len(expected)
    for row in expected:
        key = (row["measure"], str(Period.parse(row["period"])), row["area"], row["release"])
        text = shown[key]
        if row["status"] == "published":
            assert number(text) == float(row["value"]), key
        else:
            assert text.startswith(MEANINGS[row["status"]] + ":"), key
            assert not re.search(r"\d", text.split(":")[0]), key


@pytest.mark.parametrize("indicator", INDICATORS)
def test_baseline_and_latest_on_the_page_match_the_data(site, indicator):
    html = (site / "indicators" / indicator / "index.html").read_text(encoding="utf-8")
    found = dict(re.findall(r"<dt>(Baseline|Latest)</dt>\s*<dd>([^<]*)</dd>", html))
    rows = {(r["measure"], r["area"], r["period"]): r for r in data_rows(indicator)}
    if not rows:
        assert found == {} and "No figures are published for this indicator" in html
        return
    for label in ("Baseline", "Latest"):
        value, period, _ = re.match(r"(\S+) in (\S+?)\.?(\s|$)", found[label]).groups()
        matching = [
            r
            for (m, a, p), r in rows.items()
            if a == "Bristol"
            and p == period
            and r["status"] == "published"
            and float(r["value"]) == number(value)
        ]
        assert matching, f"{label} {value} in {period} is not in the data"


def test_the_progress_table_shows_the_same_figures(site):
    html = (site / "indicators" / "index.html").read_text(encoding="utf-8")
    progress = next(t for t in tables(html) if "hub-progress" in t["attrs"].get("class", ""))
    assert len(progress["rows"]) == 9
    for row in progress["rows"]:
        baseline, latest = row[2][1], row[3][1]
        for text in (baseline, latest):
            if text != "no figure published":
                assert re.fullmatch(r"[\d,.]+%? in \d{4}[-/]\d{2}", text), text


def test_markup_in_a_data_file_is_text_on_the_page(project, tmp_path):
    case = ROOT / "tests" / "data_corpus" / "script-in-title" / "indicators"
    shutil.copytree(case, project / "data" / "indicators", dirs_exist_ok=True)
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    for page in (Path("indicators/boys-at-risk-of-cse/index.html"), Path("indicators/index.html")):
        html = (site / page).read_text(encoding="utf-8")
        assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in html
        assert "<script>alert(1)" not in html
