"""Load every data file once per build into a :class:`~hub.model.Hub`.

Readers check each file against its schema; this module checks what spans files
(ids that must exist elsewhere) and builds the model.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime
from pathlib import Path

from hub import contacts, glossary, indicators, reports
from hub.errors import DataError, DataErrors
from hub.model import Action, ActionStatus, Evidence, Hub, Priority
from hub.readers import read_date, read_yaml


def build_date() -> date:
    """The date the site is built for: from SOURCE_DATE_EPOCH when set, so builds reproduce."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return date.today()


def load_priorities(root: Path) -> tuple[Priority, ...]:
    raw, _ = read_yaml(root / "data" / "priorities.yml", "priorities", root)
    return tuple(Priority(**item) for item in raw["priorities"])


def load(root: Path, today: date | None = None) -> Hub:
    """Read and check everything under ``root / "data"``; raise DataError(s) on any mistake."""
    priorities = load_priorities(root)
    statuses, actions = load_actions(
        root, {priority.id for priority in priorities}, indicator_ids(root)
    )
    sources, value_statuses = indicators.load_sources(root)
    key_indicators = indicators.load_indicators(
        root, {priority.id for priority in priorities}, sources, value_statuses
    )
    return Hub(
        priorities=priorities,
        build_date=today or build_date(),
        actions=actions,
        action_statuses=statuses,
        reports=reports.load_reports(root, {priority.id for priority in priorities}),
        contacts=contacts.load_contacts(root),
        safety=contacts.load_safety(root),
        glossary=glossary.load_glossary(root),
        indicators=key_indicators,
        sources=tuple(sources.values()),
        statuses=indicators.load_statuses(root),
    )


# ---------------------------------------------------------------- action plan tracker

ACTION_DATE_HINT = "write it as YYYY-MM-DD, such as 2019-06-30"


def indicator_ids(root: Path) -> set[str]:
    """The ids of the key indicators: one ``data/indicators/<id>.yml`` file each."""
    return {path.stem for path in (root / "data" / "indicators").glob("*.yml")}


def load_actions(
    root: Path, priority_ids: set[str], indicator_ids: set[str]
) -> tuple[tuple[ActionStatus, ...], tuple[Action, ...]]:
    """Read data/actions.yml: the status vocabulary and the strategy's own commitments.

    Checks what the schema cannot: ids used once, a known status, priority, indicator and page,
    and evidence for every status that needs it.
    """
    file = "data/actions.yml"
    raw, lines = read_yaml(root / file, "actions", root)
    statuses = {item["id"]: ActionStatus(**item) for item in raw["statuses"]}
    errors: list[DataError] = []
    actions: list[Action] = []
    seen: set[str] = set()

    def problem(index: int, key: str, message: str, hint: str, item: int | None = None) -> None:
        path = ("actions", index, key) if item is None else ("actions", index, key, item)
        line = (
            lines.get(path) or lines.get(("actions", index, key)) or lines.get(("actions", index))
        )
        field = ".".join(str(part) for part in path)
        errors.append(DataError(file=file, line=line, field=field, message=message, hint=hint))

    for index, item in enumerate(raw["actions"]):
        if item["id"] in seen:
            problem(
                index, "id", f"the id '{item['id']}' is used twice", "give each action its own id"
            )
        seen.add(item["id"])
        priority = item.get("priority")
        if priority is not None and priority not in priority_ids:
            problem(
                index,
                "priority",
                f"unknown priority '{priority}'",
                "use one of: "
                + ", ".join(sorted(priority_ids))
                + "; leave 'priority' out for a commitment about the whole strategy",
            )
        for number, indicator in enumerate(item["indicators"]):
            if indicator not in indicator_ids:
                problem(
                    index,
                    "indicators",
                    f"unknown indicator '{indicator}'",
                    "use the id of a file in data/indicators/: " + ", ".join(sorted(indicator_ids)),
                    number,
                )
        if not (root / "docs" / item["stated_in"]).is_file():
            problem(
                index,
                "stated_in",
                f"there is no page docs/{item['stated_in']}",
                "name the page under docs/ that holds the Board's words, such as 'approach.md'",
            )
        status = statuses.get(item["status"])
        if status is None:
            problem(
                index,
                "status",
                f"unknown status '{item['status']}'",
                "use one of the statuses at the top of the file: " + ", ".join(statuses),
            )
            continue
        if status.needs_evidence and not item["evidence"]:
            problem(
                index,
                "evidence",
                f"the status '{status.id}' needs a published source, and 'evidence' is empty",
                "add the published source under 'evidence' (title, url, published), or keep the "
                "status 'no-update-published': never guess a status",
            )
        try:
            evidence = tuple(
                Evidence(
                    title=source["title"],
                    url=source["url"],
                    published=read_date(
                        source["published"],
                        file,
                        lines.get(("actions", index, "evidence", number, "published")),
                        f"actions.{index}.evidence.{number}.published",
                        ACTION_DATE_HINT,
                    ),
                )
                for number, source in enumerate(item["evidence"])
            )
            due = read_date(
                item["due"],
                file,
                lines.get(("actions", index, "due")),
                f"actions.{index}.due",
                ACTION_DATE_HINT,
            )
            status_date = (
                read_date(
                    item["status_date"],
                    file,
                    lines.get(("actions", index, "status_date")),
                    f"actions.{index}.status_date",
                    ACTION_DATE_HINT,
                )
                if "status_date" in item
                else None
            )
        except DataError as error:
            errors.append(error)
            continue
        actions.append(
            Action(
                id=item["id"],
                commitment=" ".join(item["commitment"].split()),
                stated_in=item["stated_in"],
                priority=priority,
                owner=item["owner"],
                due=due,
                due_basis=item["due_basis"],
                status=status,
                status_date=status_date,
                note=item.get("note"),
                evidence=evidence,
                indicators=tuple(item["indicators"]),
            )
        )
    if errors:
        raise DataErrors(errors)
    return tuple(statuses.values()), tuple(actions)
