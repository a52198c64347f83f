from yhdyspinta.ui.views.front import render

render()
