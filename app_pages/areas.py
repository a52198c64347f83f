from yhdyspinta.ui.views.common import kind_page

kind_page("areas", "nav.areas", page="areas")
