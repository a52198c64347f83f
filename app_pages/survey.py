from yhdyspinta.ui.pages import kind_page

kind_page("survey", "nav.survey", page="survey")
