from yhdyspinta.ui.pages import kind_page

kind_page("agreements", "nav.agreements", page="agreements",
          also=(("approvals", "agreements.approvals"),))
