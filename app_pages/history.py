from yhdyspinta.ui.views.common import kind_page

kind_page("changelog", "nav.history", page="history")
