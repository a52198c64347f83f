from yhdyspinta.ui.views.common import kind_page

kind_page("survey", "nav.survey", page="survey")
