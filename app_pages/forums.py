from yhdyspinta.ui.pages import kind_page

kind_page("forums", "nav.forums", page="forums")
