"""The hub's vocabulary: plain, immutable records built from the data files."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Priority:
    """One of the strategy's six strategic priorities, in the Board's wording."""

    id: str
    number: int
    title: str
    page: str  # docs-relative path of its page, e.g. "priorities/neglect.md"


@dataclass(frozen=True)
class Hub:
    """Everything the site shows, loaded and validated once per build."""

    priorities: tuple[Priority, ...]
    build_date: date
    extras: dict = field(default_factory=dict)

    def priority(self, priority_id: str) -> Priority:
        for priority in self.priorities:
            if priority.id == priority_id:
                return priority
        raise KeyError(priority_id)
