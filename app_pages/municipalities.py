from yhdyspinta.ui.views.common import kind_page

kind_page("municipalities", "nav.municipalities", page="municipalities")
