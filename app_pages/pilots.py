from yhdyspinta.ui.pages import kind_page

kind_page("pilots", "nav.pilots", page="pilots")
