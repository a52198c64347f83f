from yhdyspinta.ui.views.common import kind_page

kind_page("forums", "nav.forums", page="forums")
