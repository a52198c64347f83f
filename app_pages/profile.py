from yhdyspinta.ui.views.profile import render

render()
