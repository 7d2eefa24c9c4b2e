"""One function per macro. Each picks data from the Hub and renders one fragment template.

A view takes the loaded :class:`~hub.model.Hub` first; macros.py binds it. Views return Markup
rendered by a template in ``overrides/fragments/`` with the same name as the view.
"""

from __future__ import annotations

from markupsafe import Markup

from hub.model import Hub
from hub.render import render


def priority_list(hub: Hub) -> Markup:
    """The six strategic priorities, numbered, each linking to its page."""
    return render("priority_list", priorities=hub.priorities)


# The macros that pages may call, by name. macros.py registers each one.
MACROS = {
    "priority_list": priority_list,
}
