"""Help contacts and the reader-safety settings: read, checked, and how fresh they are.

``data/contacts.yml`` is the one list behind the "Worried about a child?" panel and the Get help
page; ``data/site.yml`` holds the neutral page that "Exit this page" goes to.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from hub.errors import DataError, DataErrors
from hub.model import Contact, Safety
from hub.readers import read_date, read_yaml

# Short codes dialled as they are; every other UK number becomes +44 without its leading 0.
SHORT_CODES = {"999", "101", "111"}


def tel_href(number: str) -> str:
    """``"0117 903 6444"`` -> ``"tel:+441179036444"``; ``"999"`` -> ``"tel:999"`` (E.164)."""
    digits = re.sub(r"\s", "", number)
    if digits in SHORT_CODES:
        return f"tel:{digits}"
    if not re.fullmatch(r"0[1-9][0-9]{6,9}", digits):
        raise ValueError(f"{number!r} is not a UK telephone number")
    return f"tel:+44{digits[1:]}"


def load_contacts(root: Path) -> tuple[Contact, ...]:
    file = "data/contacts.yml"
    raw, lines = read_yaml(root / file, "contacts", root)
    contacts, errors, seen = [], [], set()
    for index, item in enumerate(raw["contacts"]):
        line = lines.get(("contacts", index))
        if item["id"] in seen:
            errors.append(
                DataError(
                    file,
                    f"the id '{item['id']}' is used twice",
                    line,
                    f"contacts.{index}.id",
                    "give each contact its own id",
                )
            )
        seen.add(item["id"])
        try:
            checked = read_date(
                item["last_checked"],
                file,
                lines.get(("contacts", index, "last_checked")),
                f"contacts.{index}.last_checked",
                "write the date you checked the source page as YYYY-MM-DD, such as 2026-11-28",
            )
        except DataError as error:
            errors.append(error)
            continue
        try:
            tel = tel_href(item["number"])
        except ValueError as error:
            errors.append(
                DataError(
                    file,
                    str(error),
                    lines.get(("contacts", index, "number")),
                    f"contacts.{index}.number",
                    "write the number as people dial it in the UK, such as 0117 903 6444",
                )
            )
            continue
        contacts.append(
            Contact(
                id=item["id"],
                name=item["name"],
                number=item["number"],
                tel=tel,
                when=item["when"],
                source_name=item["source_name"],
                source_url=item.get("source_url"),
                last_checked=checked,
            )
        )
    if errors:
        raise DataErrors(errors)
    return tuple(contacts)


def load_safety(root: Path) -> Safety:
    raw, _ = read_yaml(root / "data" / "site.yml", "site", root)
    return Safety(
        exit_url=raw["exit_this_page"]["url"],
        check_every_months=raw["contacts_check_every_months"],
    )


def months_before(day: date, months: int) -> date:
    """The same day ``months`` calendar months earlier (the month's last day if shorter)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    for candidate in range(day.day, 27, -1):
        try:
            return date(year, month + 1, candidate)
        except ValueError:
            continue
    return date(year, month + 1, min(day.day, 28))


def stale(contacts: tuple[Contact, ...], today: date, months: int) -> list[Contact]:
    """Contacts last checked more than ``months`` months before ``today``."""
    cutoff = months_before(today, months)
    return [contact for contact in contacts if contact.last_checked < cutoff]


def stale_warnings(contacts: tuple[Contact, ...], today: date, months: int) -> list[str]:
    """One plain-English line per stale contact, for the build's output."""
    return [
        f"WARNING (not fatal): data/contacts.yml: '{c.id}' ({c.number}) was last checked on "
        f"{c.last_checked.isoformat()}, more than {months} months before {today.isoformat()}. "
        "Compare it with its source page and update last_checked."
        for c in stale(contacts, today, months)
    ]
