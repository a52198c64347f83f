from yhdyspinta.ui.views.common import kind_page

kind_page("structures", "nav.structures", page="structures")
