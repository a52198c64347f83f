from yhdyspinta.ui.views.maturity import render

render()
