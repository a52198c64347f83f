from yhdyspinta.ui.pages import reference_page

reference_page()
