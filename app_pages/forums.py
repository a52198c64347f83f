from yhdyspinta.ui.views.forums import render

render()
