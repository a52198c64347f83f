from yhdyspinta.ui.pages import kind_page

kind_page("participation", "nav.participation", page="participation")
