"""Help on every page: the contacts file, number formats, the panel, the stale-check warning."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest
import yaml

from conftest import ROOT, built_pages, mkdocs_build
from hub import contacts
from hub.errors import DataErrors

CONTACTS = yaml.safe_load((ROOT / "data" / "contacts.yml").read_text())["contacts"]
# As people read them (UK spacing): a short code, or 0 + area/service code + number.
DISPLAY = re.compile(r"^(999|101|0\d{3} \d{3} \d{4}|0\d{3} \d{4})$")
E164 = re.compile(r"^tel:(999|101|\+44[1-9]\d{6,9})$")


@pytest.mark.parametrize("contact", CONTACTS, ids=[c["id"] for c in CONTACTS])
def test_every_number_is_well_formed(contact):
    assert DISPLAY.match(contact["number"]), contact["number"]
    href = contacts.tel_href(contact["number"])
    assert E164.match(href), href
    assert href.removeprefix("tel:").removeprefix("+44") in (
        contact["number"].replace(" ", "").removeprefix("0"),
        contact["number"],
    )
    assert contact.get("source_url", "https://").startswith("https://")
    assert isinstance(contact["last_checked"], date)


@pytest.mark.parametrize(
    ("number", "href"),
    [
        ("999", "tel:999"),
        ("101", "tel:101"),
        ("0117 903 6444", "tel:+441179036444"),
        ("0808 800 5000", "tel:+448088005000"),
        ("0800 1111", "tel:+448001111"),
    ],
)
def test_tel_links_are_e164(number, href):
    assert contacts.tel_href(number) == href


def test_the_contacts_are_the_verified_ones():
    """Only the numbers in the verified sources list; a new one needs its source first."""
    assert {c["number"] for c in CONTACTS} == {
        "999",
        "101",
        "0117 903 6444",
        "0808 800 5000",
        "0800 1111",
    }


@pytest.mark.parametrize(
    ("checked", "today", "is_stale"),
    [
        (date(2026, 11, 28), date(2027, 11, 28), False),  # exactly 12 months: still fresh
        (date(2026, 11, 27), date(2027, 11, 28), True),
        (date(2026, 2, 28), date(2027, 2, 28), False),
        (date(2025, 12, 31), date(2026, 12, 31), False),
        (date(2026, 3, 31), date(2027, 3, 30), False),
    ],
)
def test_a_check_older_than_twelve_months_is_stale(checked, today, is_stale):
    contact = contacts.Contact("x", "X", "101", "tel:101", "when", "src", None, checked)
    assert bool(contacts.stale((contact,), today, 12)) is is_stale


def test_the_build_warns_but_does_not_fail_on_a_stale_check(project):
    # 2028-12-31: every check is then more than 12 months old
    later = str(int(datetime(2028, 12, 31, tzinfo=UTC).timestamp()))
    result = mkdocs_build(project, project / "site", env={"SOURCE_DATE_EPOCH": later})
    assert result.returncode == 0, result.stderr
    assert (
        "WARNING (not fatal): data/contacts.yml: 'nspcc' (0808 800 5000) was last checked on "
        "2026-11-28, more than 12 months before 2028-12-31." in result.stderr
    )


def test_a_bad_number_names_the_file_and_line(project):
    path = project / "data" / "contacts.yml"
    path.write_text(path.read_text().replace('"0808 800 5000"', '"0808 800 500"'))
    with pytest.raises(DataErrors) as caught:
        contacts.load_contacts(project)
    assert "data/contacts.yml, line " in str(caught.value)
    assert "field 'contacts.3.number'" in str(caught.value)


def test_every_page_has_the_help_panel(site):
    for page in built_pages(site):
        html = (site / (page if page.endswith(".html") else page + "index.html")).read_text()
        panel = html.partition('<aside class="hub-help')[2].partition("</aside>")[0]
        assert panel, f"{page}: no help panel"
        assert "Worried about a child?" in panel, page
        for contact in CONTACTS:
            assert f'href="{contacts.tel_href(contact["number"])}"' in panel, (page, contact)
        assert "<button" not in panel, f"{page}: the help panel must not be dismissible"


def test_get_help_lists_every_contact_with_when_and_source(site):
    html = (site / "get-help" / "index.html").read_text()
    table = html.partition('<table class="hub-contacts">')[2].partition("</table>")[0]
    table = re.sub(r"</?abbr[^>]*>", "", table)  # abbreviations are marked up on every page
    assert "<caption>" in table
    for contact in CONTACTS:
        assert contact["number"] in table
        assert contact["when"].split(".")[0].replace("'", "&#39;") in table
        if "source_url" in contact:
            assert contact["source_url"] in table
        assert f'datetime="{contact["last_checked"].isoformat()}"' in table
