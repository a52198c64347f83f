from yhdyspinta.ui.views.map import render

render()
