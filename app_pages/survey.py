from yhdyspinta.ui.views.survey import render

render()
