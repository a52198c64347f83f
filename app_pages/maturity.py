from yhdyspinta.ui.pages import kind_page

kind_page("maturity", "nav.maturity", page="maturity")
