from yhdyspinta.ui.pages import kind_page

kind_page("areas", "nav.areas", page="areas")
