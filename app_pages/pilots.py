from yhdyspinta.ui.views.common import kind_page

kind_page("pilots", "nav.pilots", page="pilots")
