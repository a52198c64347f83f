from yhdyspinta.ui.views.common import kind_page

kind_page("participation", "nav.participation", page="participation")
