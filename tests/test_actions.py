"""The action plan tracker: counts by status and overdue flags against fixture data on a fixed
date; the loader's errors name the file, line and field; the real file keeps the Board's words."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from conftest import ROOT
from hub import actions, data, render, views
from hub.errors import DataErrors
from hub.model import Hub

FIXTURE = Path(__file__).parent / "fixtures" / "actions" / "actions.yml"
INDICATORS = ["school-attendance", "repeat-cp-plans"]
REAL = data.load(ROOT)


@pytest.fixture
def root(tmp_path) -> Path:
    """A minimal project: the real schemas and priorities, two indicator ids, the fixture."""
    shutil.copytree(ROOT / "data" / "schemas", tmp_path / "data" / "schemas")
    shutil.copy2(ROOT / "data" / "priorities.yml", tmp_path / "data" / "priorities.yml")
    (tmp_path / "data" / "indicators").mkdir()
    for indicator in INDICATORS:
        (tmp_path / "data" / "indicators" / f"{indicator}.yml").write_text("id: x\n")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "action-plan.md").write_text("# Action plan\n")
    shutil.copy2(FIXTURE, tmp_path / "data" / "actions.yml")
    return tmp_path


def load(root: Path):
    priorities = data.load_priorities(root)
    return data.load_actions(root, {p.id for p in priorities}, data.indicator_ids(root))


def test_counts_by_status_follow_the_vocabulary_and_keep_zeros(root):
    statuses, loaded = load(root)
    counts = {item.status.id: item.count for item in actions.counts_by_status(loaded, statuses)}
    assert counts == {"no-update-published": 2, "in-progress": 1, "completed": 1}
    no_actions = actions.counts_by_status((), statuses)
    assert [item.count for item in no_actions] == [0, 0, 0]


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2019, 6, 30), []),  # due today is not yet overdue
        (date(2019, 7, 1), ["test-no-update", "test-in-progress"]),
        (date(2026, 11, 28), ["test-no-update", "test-in-progress"]),  # completed never overdue
        (date(2030, 1, 2), ["test-no-update", "test-in-progress", "test-future"]),
    ],
)
def test_overdue_is_relative_to_the_given_date(root, today, expected):
    _, loaded = load(root)
    assert [action.id for action in actions.overdue(loaded, today)] == expected


def test_for_priority_and_the_whole_strategy(root):
    _, loaded = load(root)
    assert [a.id for a in actions.for_priority(loaded, "neglect")] == [
        "test-no-update",
        "test-in-progress",
    ]
    assert [a.id for a in actions.for_priority(loaded, None)] == ["test-future"]


def _render_tracker(root, today):
    statuses, loaded = load(root)
    hub = Hub(
        priorities=data.load_priorities(root),
        build_date=today,
        actions=loaded,
        action_statuses=statuses,
        indicators=REAL.indicators,
    )
    with render.at_page("action-plan/"):
        return str(views.action_tracker(hub))


def test_tracker_flags_overdue_honestly(root):
    html = _render_tracker(root, date(2026, 11, 28))
    assert "Due date passed</strong> (end of plan, 30 June 2019); no update published." in html
    assert "latest published update: in progress (published update)" in html
    assert html.count("Due date passed</strong>") == 2
    assert "The due date has passed for 2 of the 4 commitments" in html
    # actions link to the indicators they are meant to move, in the strategy's words
    assert '<a href="../indicators/school-attendance/">Increase in attendance by school-age' in html
    # a status table with a caption and header cells
    assert "<caption>" in html and '<th scope="row">Completed (published update)</th>' in html
    for word in ("failed", "missed", "late"):
        assert not re.search(rf"\b{word}\b", html, re.IGNORECASE)


def test_tracker_before_the_due_date_flags_nothing(root):
    html = _render_tracker(root, date(2019, 1, 1))
    assert "Due date passed</strong>" not in html
    assert "The due date has passed for 0 of the 4 commitments" in html


def _break(root: Path, old: str, new: str) -> None:
    path = root / "data" / "actions.yml"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "priority: assessments",
            "priority: assesments",
            "data/actions.yml, line 50, field 'actions.2.priority': unknown priority 'assesments'",
        ),
        (
            "indicators: [repeat-cp-plans]",
            "indicators: [repeat-plans]",
            "data/actions.yml, line 59, field 'actions.2.indicators.0': unknown indicator "
            "'repeat-plans'",
        ),
        (
            "status: completed\n    evidence:\n      - title: Fictional test report\n"
            "        url: https://example.org/test-fixture-only\n        published: 2019-05-01",
            "status: completed\n    evidence: []",
            "data/actions.yml, line 55, field 'actions.2.evidence': the status 'completed' "
            "needs a published source, and 'evidence' is empty",
        ),
        (
            "status: in-progress",
            "status: started",
            "data/actions.yml, line 39, field 'actions.1.status': unknown status 'started'",
        ),
        (
            "stated_in: action-plan.md\n    priority: assessments",
            "stated_in: actions.md\n    priority: assessments",
            "data/actions.yml, line 49, field 'actions.2.stated_in': there is no page "
            "docs/actions.md",
        ),
        (
            "due: 2030-01-01",
            "due: 1 January 2030",
            "data/actions.yml, line 65, field 'actions.3.due': '1 January 2030' is not in the "
            "expected form",
        ),
    ],
)
def test_loader_names_file_line_and_field(root, old, new, expected):
    _break(root, old, new)
    with pytest.raises(DataErrors) as caught:
        load(root)
    assert any(str(error).startswith(expected) for error in caught.value.errors), str(caught.value)


def test_every_real_action_quotes_the_strategy_exactly():
    """Each commitment is in the Board's text, word for word (spacing aside)."""
    text = " ".join((ROOT / "strategy" / "bscb-strategic-plan-2018-2019.txt").read_text().split())
    priorities = data.load_priorities(ROOT)
    _, real = data.load_actions(ROOT, {p.id for p in priorities}, data.indicator_ids(ROOT))
    assert len(real) >= 10
    missing = [action.id for action in real if action.commitment not in text]
    assert missing == []
    # a status other than "no update published" needs evidence; none is published yet
    assert {action.status.id for action in real} == {"no-update-published"}
