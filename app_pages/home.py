from yhdyspinta.ui.views.home import render

render()
