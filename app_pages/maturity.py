from yhdyspinta.ui.views.common import kind_page

kind_page("maturity", "nav.maturity", page="maturity")
