from yhdyspinta.ui.views.common import kind_page

kind_page("agreements", "nav.agreements", page="agreements",
          also=(("approvals", "agreements.approvals"),))
