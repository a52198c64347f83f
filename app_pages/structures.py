from yhdyspinta.ui import forms
from yhdyspinta.ui.views.common import kind_page

kind_page("structures", "nav.structures", page="structures")
forms.edit_section("structures", forms.structure_form)
