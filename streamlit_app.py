"""Entry point: page config, the shared filters, and the navigation (or presentation mode)."""

import streamlit as st

from yhdyspinta.gc_tuning import PROCESS_POLICY
from yhdyspinta.i18n import t
from yhdyspinta.ui import auth, charting, faults, pages, respondent, slideshow, widgets

responding = respondent.requested()  # ?arvio=TOKEN: a self-assessment link, only its form
presenting = slideshow.requested() and not responding
st.set_page_config(page_title="Yhdyspinta", page_icon=widgets.page_icon(), layout="wide",
                   initial_sidebar_state="collapsed" if presenting or responding else "auto")
# A half-configured [auth] section: every page stops here with an error naming the missing keys.
auth.require_valid_sign_in(widgets.current_filters().lang)


def main() -> str:
    """Draw the page asked for; its name (for the process's garbage-collector tuning)."""
    if responding:
        respondent.run()
        return "arvio"
    if presenting:
        slideshow.run()
        return "esitys"
    filters = widgets.sidebar_filters()
    auth.sign_in_widget(filters.lang)
    navigation = pages.navigation(filters, auth.current_principal())
    # The page in its own guard, so the menu and sidebar stay when a page fails.
    charting.begin_page()
    faults.guarded(navigation.run)
    charting.images_button(filters.lang)
    slideshow.start_button(filters.lang)
    st.sidebar.caption(t("app.subtitle", filters.lang))
    return navigation.url_path


# Any exception: a message in the user's language with an id the server log has, no traceback.
shown = faults.guarded(main)
if shown is not None:
    PROCESS_POLICY.after_run(shown)
