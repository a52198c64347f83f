"""Entry point: page config, the shared filters, and the navigation."""

import streamlit as st

from yhdyspinta.i18n import t
from yhdyspinta.ui import pages, widgets

st.set_page_config(page_title="Yhdyspinta", page_icon=":material/hub:", layout="wide")
filters = widgets.sidebar_filters()
pages.navigation(filters.lang).run()
st.sidebar.caption(t("app.subtitle", filters.lang))
