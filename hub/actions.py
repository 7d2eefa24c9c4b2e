"""The action plan tracker's logic: pure functions over :class:`~hub.model.Action` records.

No files, no Jinja, no MkDocs. "Overdue" is always relative to a date the caller gives (the
build date on the site, a fixed date in the tests), and it says only that the due date has
passed without a published update that closes the action: never that the action failed.
"""

from collections.abc import Iterable
from datetime import date
from typing import NamedTuple

from hub.model import Action, ActionStatus


class StatusCount(NamedTuple):
    status: ActionStatus
    count: int


def counts_by_status(
    actions: Iterable[Action], statuses: Iterable[ActionStatus]
) -> tuple[StatusCount, ...]:
    """How many actions have each status, in the vocabulary's order, zeros included."""
    actions = tuple(actions)
    return tuple(
        StatusCount(status, sum(1 for action in actions if action.status.id == status.id))
        for status in statuses
    )


def is_overdue(action: Action, today: date) -> bool:
    """The due date has passed and no published update says the action is finished."""
    return action.due < today and not action.status.closes


def overdue(actions: Iterable[Action], today: date) -> tuple[Action, ...]:
    return tuple(action for action in actions if is_overdue(action, today))


def for_priority(actions: Iterable[Action], priority_id: str | None) -> tuple[Action, ...]:
    """The actions of one priority; ``None`` gives the commitments about the whole strategy."""
    return tuple(action for action in actions if action.priority == priority_id)
