from yhdyspinta.ui.pages import home_page

home_page()
