from yhdyspinta.ui.views.upload import render

render()
