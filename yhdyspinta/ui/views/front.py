"""The app's root: the national overview, or with an area chosen (`?alue=N`) that area's own
front page, its scorecard (the area profile under the area's name)."""

from __future__ import annotations

from yhdyspinta.ui import widgets
from yhdyspinta.ui.views import home, profile


def render() -> None:
    if widgets.current_filters().area is None:
        profile.forget_section()
        home.render()
    else:
        profile.render(front=True)
