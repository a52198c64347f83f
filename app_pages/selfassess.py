from yhdyspinta.ui.views.selfassess import render

render()
