from yhdyspinta.ui.pages import kind_page

kind_page("structures", "nav.structures", page="structures")
