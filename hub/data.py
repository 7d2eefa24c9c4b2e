"""Load every data file once per build into a :class:`~hub.model.Hub`.

Readers check each file against its schema; this module checks what spans files
(ids that must exist elsewhere) and builds the model.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime
from pathlib import Path

from hub.model import Hub, Priority
from hub.readers import read_yaml


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
    return Hub(
        priorities=load_priorities(root),
        build_date=today or build_date(),
    )
