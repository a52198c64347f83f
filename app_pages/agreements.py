from yhdyspinta.ui.views.agreements import render

render()
