from yhdyspinta.ui.views.history import render

render()
