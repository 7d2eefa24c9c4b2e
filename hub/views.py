"""One function per macro. Each picks data from the Hub and renders one fragment template.

A view takes the loaded :class:`~hub.model.Hub` first; macros.py binds it. Views return Markup
rendered by a template in ``overrides/fragments/`` with the same name as the view.
"""

from __future__ import annotations

from markupsafe import Markup

from hub import actions as actions_logic
from hub import charts, figures, opendata, progress
from hub import reports as reports_logic
from hub.model import Hub
from hub.render import render


def priority_list(hub: Hub) -> Markup:
    """The six strategic priorities, numbered, each linking to its page."""
    return render("priority_list", priorities=hub.priorities)


def help_panel(hub: Hub) -> Markup:
    """ "Worried about a child?": every contact as a tel: link, for the foot of every page.

    Rendered once per build (main.html prints ``config.extra.help_panel``), so it holds no
    link relative to a page: main.html adds the links to Get help and Staying safe online.
    """
    return render("help_panel", contacts=hub.contacts)


def contact_list(hub: Hub) -> Markup:
    """The Get help page's table: who to call, the number, when, the source and its check date."""
    return render("contact_list", contacts=hub.contacts)


def glossary(hub: Hub) -> Markup:
    """Every abbreviation (with its expansion) and term of art, A to Z, each with an anchor."""
    return render("glossary", terms=hub.glossary)


def _known_priority(hub: Hub, priority: str) -> None:
    """Fail the build with words an editor can act on when a page names an unknown priority."""
    ids = [item.id for item in hub.priorities]
    if priority not in ids:
        raise ValueError(f"unknown priority '{priority}'; use one of: " + ", ".join(ids))


def _long_date(day) -> str:
    return f"{day.day} {day:%B %Y}"


def _action_rows(hub: Hub, actions) -> list[dict]:
    """Plain data for each action: its words, facts, overdue flag and indicator links."""
    known = {indicator.id: indicator for indicator in hub.indicators}
    return [
        {
            "action": action,
            "due": _long_date(action.due),
            "overdue": actions_logic.is_overdue(action, hub.build_date),
            "indicators": [
                {
                    "id": indicator_id,
                    "title": known[indicator_id].strategy_wording,
                    "page": known[indicator_id].page,
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
    _known_priority(hub, priority)
    rows = _action_rows(hub, actions_logic.for_priority(hub.actions, priority))
    return render("priority_actions", rows=rows, build_date=_long_date(hub.build_date))


# ---------------------------------------------------------------- key indicators (issue 3)


def _indicator(hub: Hub, indicator_id: str):
    """The indicator with this id; a page naming an unknown one fails the build, saying why."""
    try:
        return hub.indicator(indicator_id)
    except KeyError:
        ids = ", ".join(item.id for item in hub.indicators)
        raise ValueError(f"unknown indicator '{indicator_id}'; use one of: {ids}") from None


def progress_table(hub: Hub, priority: str | None = None) -> Markup:
    """Every key indicator's progress (or those the hub reads as evidence for one priority):
    the strategy's wording, what is measured, baseline, latest, change and status, linked."""
    if priority is not None and priority not in {item.id for item in hub.priorities}:
        ids = ", ".join(item.id for item in hub.priorities)
        raise ValueError(f"progress_table: unknown priority '{priority}'; use one of: {ids}")
    chosen = hub.indicators if priority is None else hub.indicators_for(priority)
    return render(
        "progress_table",
        rows=[figures.headline(hub, item) for item in chosen],
        priority=hub.priority(priority) if priority else None,
    )


def status_key(hub: Hub) -> Markup:
    """Every progress status with its symbol, label and meaning, from data/statuses.yml."""
    return render("status_key", statuses=list(hub.statuses.values()))


def method_table(hub: Hub) -> Markup:
    """How each key indicator is judged: its baseline, method, good direction and tolerance."""
    rows = []
    for item in hub.indicators:
        measure = item.headline
        unit = measure.unit if measure else ""
        rows.append(
            {
                "number": item.number,
                "title": item.title,
                "page": item.page,
                "baseline": str(item.method.baseline) if item.method.baseline else "none",
                "method": progress.method_words(
                    item.method, unit, measure.decimals if measure else None
                ),
            }
        )
    return render("method_table", rows=rows)


def indicator_summary(hub: Hub) -> Markup:
    """For the home page: how many indicators have each status, linking to the progress table."""
    counts: dict[str, list] = {}
    for item in hub.indicators:
        counts.setdefault(item.assessment.status, []).append(item)
    return render(
        "indicator_summary",
        groups=[(figures.status_view(hub, item[0].assessment), item) for item in counts.values()],
        total=len(hub.indicators),
        latest=max((i.data_as_at for i in hub.indicators if i.data_as_at), default=None),
    )


def indicator_definition(hub: Hub, indicator: str) -> Markup:
    """What is measured (and whether it is a proxy), its definition, unit, direction, the
    priorities it evidences, its source with a link, release, frequency and dates."""
    item = _indicator(hub, indicator)
    licence = item.source.licence if item.source else None
    used = {row.source for row in item.rows} | ({item.source.id} if item.source else set())
    return render(
        "indicator_definition",
        indicator=item,
        priorities=[hub.priority(pid) for pid in item.priorities],
        sources=[source for source in hub.sources if source.id in used],
        licence=licence,
    )


def indicator_status(hub: Hub, indicator: str) -> Markup:
    """The headline status and how it was derived: baseline, latest, change, method, threshold."""
    item = _indicator(hub, indicator)
    return render("indicator_status", h=figures.headline(hub, item), indicator=item)


AREAS = (("Bristol", "main"), ("England", "comparator"), ("South West", "comparator"))


def indicator_chart(hub: Hub, indicator: str, measure: str | None = None) -> Markup:
    """One measure's figures as an inline SVG line chart: Bristol, then England and South West."""
    item = _indicator(hub, indicator)
    ids = [m.id for m in item.measures]
    if (measure or item.headline_measure) not in ids:
        raise ValueError(
            f"indicator_chart: '{indicator}' has no measure {measure!r} to chart; its measures "
            "are: " + (", ".join(ids) or "none (nothing is published)")
        )
    chosen = item.measure(measure or item.headline_measure)
    # Counts from areas of very different size are not comparable (England's thousands would
    # flatten Bristol's line), so comparators are drawn only for percentages.
    areas = AREAS if chosen.unit == "percent" else AREAS[:1]
    series = [
        charts.Series(area, [figures.observation(row) for row in rows], role)
        for area, role in areas
        if (rows := item.series(chosen.id, area))
    ]
    compared = " and comparators" if len(series) > 1 else ""
    chart = charts.line_chart(
        series,
        unit="percent" if chosen.unit == "percent" else item.unit,
        title=f"{chosen.label}: Bristol{compared}, by period",
        decimals=chosen.decimals,
    )
    return render("indicator_chart", chart=chart, id=f"chart-{chosen.id}")


def indicator_data(hub: Hub, indicator: str) -> Markup:
    """Every figure of the indicator, one table per measure, comparators as columns."""
    item = _indicator(hub, indicator)
    return render(
        "indicator_data",
        indicator=item,
        tables=figures.data_tables(item),
        sources={s.id: s for s in hub.sources},
    )


def indicator_caveats(hub: Hub, indicator: str) -> Markup:
    """What a reader must know to read the figures, and for no data what would be needed."""
    return render("indicator_caveats", indicator=_indicator(hub, indicator))


def indicator_downloads(hub: Hub, indicator: str) -> Markup:
    """Links to the indicator's CSV and JSON, the all-data file, with the licence beside them."""
    return render(
        "indicator_downloads",
        indicator=_indicator(hub, indicator),
        paths=opendata.PATHS,
        licence=opendata.licence(hub),
    )


def data_as_at(hub: Hub, indicator: str | None = None) -> Markup:
    """ "Data as at 31 March 2025; next release: not announced." for one indicator or all."""
    chosen = [_indicator(hub, indicator)] if indicator else list(hub.indicators)
    dates = [item.data_as_at for item in chosen if item.data_as_at]
    due = [item.next_release_due for item in chosen if item.next_release_due]
    return render(
        "data_as_at",
        as_at=max(dates) if dates else None,
        due=min(due) if due else None,
        single=indicator is not None,
        long_date=_long_date,
    )


def data_downloads(hub: Hub) -> Markup:
    """Every download on the site: each indicator's CSV and JSON, all data, the Data Package."""
    return render(
        "data_downloads",
        indicators=hub.indicators,
        paths=opendata.PATHS,
        licence=opendata.licence(hub),
    )


def _report_context(hub: Hub) -> dict:
    return {
        "titles": {priority.id: priority.title for priority in hub.priorities},
        "pages": {priority.id: priority.page for priority in hub.priorities},
        "feed": reports_logic.FEED,
    }


def latest_updates(hub: Hub, limit: int = 3) -> Markup:
    """The newest highlight reports, for the home page; an honest empty state when none."""
    return render("latest_updates", reports=hub.reports[:limit], **_report_context(hub))


def priority_updates(hub: Hub, priority: str) -> Markup:
    """The highlight reports tagged with one priority, for the priority's page."""
    _known_priority(hub, priority)
    found = reports_logic.for_priority(hub.reports, priority)
    return render("priority_updates", reports=found, **_report_context(hub))


def report_details(hub: Hub, report_id: str) -> Markup:
    """Who published a highlight report, when, where, and on which priorities: added by
    macros.py at the foot of the report's own page (not a macro pages call)."""
    (report,) = [report for report in hub.reports if report.id == report_id]
    return render("report_details", report=report, **_report_context(hub))


def updates_summary(hub: Hub) -> Markup:
    """The highlight reports page's opening: how many there are, or that there are none yet."""
    return render("updates_summary", count=len(hub.reports), **_report_context(hub))


# Views whose HTML site search leaves out (its root element carries data-search-exclude): the
# data tables, the charts (tick labels and coordinates), a priority's commitments (the action
# plan page lists each one). Their HTML goes into the page after the search index has read it,
# so the index is the same and the search plugin does not parse half the tags of every
# indicator page only to skip them. A test keeps this list and the templates in step.
# Left out of search on purpose, as alike on every indicator page: its download links, and its
# status box (figures and the method's boilerplate; the indicators page's progress table, which
# search reads, gives every indicator's status in words).
UNSEARCHED = frozenset(
    {
        "indicator_data",
        "indicator_chart",
        "indicator_downloads",
        "indicator_status",
        "priority_actions",
    }
)

# The macros that pages may call, by name. macros.py registers each one.
MACROS = {
    "progress_table": progress_table,
    "indicator_summary": indicator_summary,
    "status_key": status_key,
    "method_table": method_table,
    "indicator_definition": indicator_definition,
    "indicator_status": indicator_status,
    "indicator_chart": indicator_chart,
    "indicator_data": indicator_data,
    "indicator_caveats": indicator_caveats,
    "indicator_downloads": indicator_downloads,
    "data_as_at": data_as_at,
    "data_downloads": data_downloads,
    "action_tracker": action_tracker,
    "priority_actions": priority_actions,
    "latest_updates": latest_updates,
    "priority_updates": priority_updates,
    "updates_summary": updates_summary,
    "priority_list": priority_list,
    "glossary": glossary,
    "contact_list": contact_list,
}
