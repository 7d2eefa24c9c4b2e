"""One function per macro. Each picks data from the Hub and renders one fragment template.

A view takes the loaded :class:`~hub.model.Hub` first; macros.py binds it. Views return Markup
rendered by a template in ``overrides/fragments/`` with the same name as the view.
"""

from __future__ import annotations

from markupsafe import Markup

from hub import actions as actions_logic
from hub.model import Hub
from hub.render import render


def priority_list(hub: Hub) -> Markup:
    """The six strategic priorities, numbered, each linking to its page."""
    return render("priority_list", priorities=hub.priorities)


def _long_date(day) -> str:
    return f"{day.day} {day:%B %Y}"


def _action_rows(hub: Hub, actions) -> list[dict]:
    """Plain data for each action: its words, facts, overdue flag and indicator links."""
    known = {indicator.id: indicator for indicator in getattr(hub, "indicators", ())}
    return [
        {
            "action": action,
            "due": _long_date(action.due),
            "overdue": actions_logic.is_overdue(action, hub.build_date),
            "indicators": [
                {
                    "id": indicator_id,
                    "title": getattr(known.get(indicator_id), "strategy_wording", indicator_id),
                    "page": f"indicators/{indicator_id}.md" if indicator_id in known else None,
                }
                for indicator_id in action.indicators
            ],
        }
        for action in actions
    ]


def action_tracker(hub: Hub, heading_level: int = 2) -> Markup:
    """The whole action plan: counts by status, then every commitment, priority by priority."""
    groups = [
        {
            "priority": priority,
            "rows": _action_rows(hub, actions_logic.for_priority(hub.actions, priority.id)),
        }
        for priority in hub.priorities
    ]
    groups.append(
        {"priority": None, "rows": _action_rows(hub, actions_logic.for_priority(hub.actions, None))}
    )
    return render(
        "action_tracker",
        counts=actions_logic.counts_by_status(hub.actions, hub.action_statuses),
        total=len(hub.actions),
        overdue=len(actions_logic.overdue(hub.actions, hub.build_date)),
        build_date=_long_date(hub.build_date),
        groups=[group for group in groups if group["rows"]],
        heading=f"h{heading_level}",
    )


def priority_actions(hub: Hub, priority: str) -> Markup:
    """One priority's commitments, as the tracker shows them, for the priority's own page."""
    hub.priority(priority)  # an unknown id fails the build here, naming it
    rows = _action_rows(hub, actions_logic.for_priority(hub.actions, priority))
    return render("priority_actions", rows=rows, build_date=_long_date(hub.build_date))


# The macros that pages may call, by name. macros.py registers each one.
MACROS = {
    "action_tracker": action_tracker,
    "priority_actions": priority_actions,
    "priority_list": priority_list,
}
