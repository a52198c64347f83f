from yhdyspinta.ui.pages import kind_page

kind_page("changelog", "nav.history", page="history")
