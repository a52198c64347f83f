"""Entry point: page config, the shared filters, and the navigation (or presentation mode)."""

from pathlib import Path

import streamlit as st

from yhdyspinta.i18n import t
from yhdyspinta.ui import auth, pages, slideshow, widgets

# A local file: a Material icon as favicon would be fetched from the internet.
ICON = str(Path(__file__).resolve().parent / "yhdyspinta" / "ui" / "assets" / "icon.png")

presenting = slideshow.requested()
st.set_page_config(page_title="Yhdyspinta", page_icon=ICON, layout="wide",
                   initial_sidebar_state="collapsed" if presenting else "auto")
if presenting:
    slideshow.run()
else:
    filters = widgets.sidebar_filters()
    auth.sign_in_widget(filters.lang)
    pages.navigation(filters.lang).run()
    slideshow.start_button(filters.lang)
    st.sidebar.caption(t("app.subtitle", filters.lang))
