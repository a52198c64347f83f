from yhdyspinta.ui.views.admin import render

render()
