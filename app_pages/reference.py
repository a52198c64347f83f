from yhdyspinta.ui.views.reference import render

render()
