from yhdyspinta.ui.pages import kind_page

kind_page("municipalities", "nav.municipalities", page="municipalities")
