"""Texts of the overview (Tilannekuva), the area profile and presentation mode (fi, sv, en)."""

TEXTS: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------------ overview
    "overview.since": {"fi": "Muutos alkaen", "sv": "Förändring sedan", "en": "Change since"},
    "overview.since_note": {"fi": "Muutos {day} alkaen näkyy kunkin luvun alla.",
                            "sv": "Förändringen sedan {day} visas under varje siffra.",
                            "en": "The change since {day} shows under each figure."},
    "overview.help.since": {
        "fi": "Muutos lasketaan tämän päivän tiedoista: luvusta jätetään pois kaikki, mikä on tapahtunut "
              "valitun päivän jälkeen (hyväksymis-, päätös- ja pitopäivien mukaan).",
        "sv": "Förändringen räknas ur dagens uppgifter: allt som hänt efter den valda dagen lämnas bort "
              "(enligt datum för godkännande, beslut och forum).",
        "en": "The change is computed from today's data, leaving out everything that happened after the "
              "chosen day (by the dates of approvals, decisions and forums)."},
    "overview.rule": {
        "fi": "Päivän luku on paras nykytieto tilanteesta sinä päivänä: sopimus lasketaan hyväksymispäivästä, "
              "valtuuston hyväksyntä päätöspäivästä ja foorumi pitopäivästä. Jos päivä puuttuu tai on "
              "tulevaisuudessa, käytetään päivää, jolloin tieto kirjattiin järjestelmään. Myöhemmät korjaukset "
              "näkyvät myös menneissä luvuissa.",
        "sv": "Dagens siffra är den bästa nuvarande kunskapen om läget den dagen: ett avtal räknas från "
              "godkännandet, ett fullmäktigebeslut från beslutsdagen och ett forum från dagen då det hölls. "
              "Saknas datumet eller ligger det i framtiden används dagen då uppgiften registrerades. Senare "
              "rättelser syns också i tidigare siffror.",
        "en": "A day's figure is the best present knowledge of the situation on that day: an agreement counts "
              "from its approval, a council approval from its decision day and a forum from the day it was "
              "held. A missing or future date is replaced by the day the record was entered. Later corrections "
              "show in past figures too."},
    "overview.points": {"fi": "%-yks.", "sv": "procentenheter", "en": "pp"},
    "overview.population": {"fi": "Väestöosuus hyväksyneissä", "sv": "Befolkningsandel, godkänt",
                            "en": "Population share, approved"},
    "overview.population_missing": {"fi": "Väkilukua ei ladattu", "sv": "Invånartal inte laddat",
                                    "en": "Population not loaded"},
    "overview.help.population": {
        "fi": "Osuus {people} asukkaasta (kuntien virallinen väkiluku) asuu kunnissa, joiden valtuusto on "
              "hyväksynyt alueensa strategisen yhteistyösopimuksen.",
        "sv": "Andel av {people} invånare (kommunernas officiella invånartal) som bor i kommuner vars "
              "fullmäktige godkänt områdets strategiska samarbetsavtal.",
        "en": "Share of the {people} inhabitants (official municipal population) living in municipalities "
              "whose council has approved its area's strategic collaboration agreement."},
    "overview.help.population_missing": {
        "fi": "Kuntien väkilukua ei ole vielä tuotu. Tuo se komennolla `python -m yhdyspinta reference fetch` "
              "tai `python -m yhdyspinta reference import TIEDOSTO`.",
        "sv": "Kommunernas invånartal har inte importerats. Importera det med `python -m yhdyspinta reference "
              "fetch` eller `python -m yhdyspinta reference import FIL`.",
        "en": "Municipal population has not been imported yet. Import it with `python -m yhdyspinta reference "
              "fetch` or `python -m yhdyspinta reference import FILE`."},
    "overview.help.approved": {
        "fi": "Alueet (21 hyvinvointialuetta ja Helsinki), joiden strateginen yhteistyösopimus on tilassa: "
              "{statuses}.",
        "sv": "Områden (21 välfärdsområden och Helsingfors) vars strategiska samarbetsavtal har status: "
              "{statuses}.",
        "en": "Areas (21 wellbeing services counties and Helsinki) whose strategic collaboration agreement is: "
              "{statuses}."},
    "overview.help.council": {
        "fi": "Manner-Suomen 292 kuntaa ovat uudistuksen piirissä; Ahvenanmaan 16 kuntaa eivät ole. "
              "Lasketaan kunnat, joiden valtuusto on hyväksynyt alueensa strategisen yhteistyösopimuksen.",
        "sv": "Fastlandets 292 kommuner omfattas av reformen; Ålands 16 kommuner gör det inte. Räknas "
              "kommuner vars fullmäktige godkänt områdets strategiska samarbetsavtal.",
        "en": "The 292 mainland municipalities are in scope; Åland's 16 are outside the reform. Counts the "
              "municipalities whose council has approved their area's strategic collaboration agreement."},
    "overview.organisations": {"fi": "Organisaatioita tavoitettu", "sv": "Organisationer som nåtts",
                               "en": "Organisations reached"},
    "overview.help.organisations": {
        "fi": "Eri organisaatiot (kunnat, hyvinvointialueet, muut), jotka ovat osallistuneet vähintään yhteen "
              "pidettyyn foorumiin.",
        "sv": "Olika organisationer (kommuner, välfärdsområden, andra) som deltagit i minst ett hållet forum.",
        "en": "Distinct organisations (municipalities, counties, others) that took part in at least one forum "
              "held."},
    "overview.pilots": {"fi": "Pilottialueita", "sv": "Pilotområden", "en": "Pilot areas"},
    "overview.survey": {"fi": "Hyvä yhteistyö, koko maa",
                        "sv": "Gott samarbete, hela landet",
                        "en": "Good collaboration (country)"},
    "overview.survey_area": {"fi": "Hyvä yhteistyö, alue", "sv": "Gott samarbete, området",
                             "en": "Good collaboration (area)"},
    "overview.help.survey": {
        "fi": "{survey}: uusimman kyselykierroksen {n} väittämän keskiarvo: kuinka suuri osa kaikista "
              "vastanneista arvioi yhteistyön toteutuneen melko tai erittäin hyvin. Koko maa: {national}.",
        "sv": "{survey}: medeltalet för den senaste omgångens {n} påståenden: hur stor andel av alla svarande "
              "som anser att samarbetet lyckats ganska eller mycket väl. Hela landet: {national}.",
        "en": "{survey}: mean over the latest wave's {n} statements of the share of all respondents rating "
              "collaboration fairly or very well realised. Whole country: {national}."},
    "overview.help.survey_missing": {"fi": "Kyselytuloksia ei ole vielä tuotu.",
                                     "sv": "Inga enkätresultat har importerats.",
                                     "en": "No survey results have been imported."},
    "overview.table": {"fi": "Luvut taulukkona", "sv": "Siffrorna som tabell", "en": "The figures as a table"},
    "overview.col.figure": {"fi": "Luku", "sv": "Siffra", "en": "Figure"},
    "overview.col.change": {"fi": "Muutos", "sv": "Förändring", "en": "Change"},
    "overview.no_changes": {"fi": "Ei muutoksia esimerkkiaineiston latauksen jälkeen.",
                            "sv": "Inga ändringar sedan exempeldata laddades.",
                            "en": "No changes since the example data was loaded."},
    "overview.changes_note": {
        "fi": "Tuonnit näkyvät yhtenä rivinä. Koko historia: Muutoshistoria-sivu.",
        "sv": "En import visas som en rad. Hela historiken: sidan Ändringshistorik.",
        "en": "An import shows as one line. The full history: the Change history page."},
    "overview.change.one": {"fi": "{kind} {action}: {record}", "sv": "{kind} {action}: {record}",
                            "en": "{kind} {action}: {record}"},
    "overview.change.batch": {"fi": "{n} muutosta kerralla: {kinds}", "sv": "{n} ändringar på en gång: {kinds}",
                              "en": "{n} changes at once: {kinds}"},
    "overview.action.insert": {"fi": "lisätty", "sv": "tillagd", "en": "added"},
    "overview.action.update": {"fi": "muutettu", "sv": "ändrad", "en": "changed"},
    "overview.action.delete": {"fi": "poistettu", "sv": "borttagen", "en": "removed"},
    "overview.action.seed": {"fi": "luotu perustiedoista", "sv": "skapad från grunddata", "en": "seeded"},
    "overview.action.restore": {"fi": "palautettu", "sv": "återställd", "en": "restored"},
    "overview.action.denied": {"fi": "estetty", "sv": "nekad", "en": "refused"},
    "overview.action.undo": {"fi": "peruttu", "sv": "ångrad", "en": "undone"},
    "overview.change.bare": {"fi": "{kind} {action}", "sv": "{kind} {action}", "en": "{kind} {action}"},
    "overview.kind.roles": {"fi": "Käyttöoikeus", "sv": "Behörighet", "en": "Role"},
    "overview.kind.facts": {"fi": "Perustiedot", "sv": "Grunddata", "en": "Base data"},
    "overview.kind.meta": {"fi": "Asetus", "sv": "Inställning", "en": "Setting"},
    "overview.kind.backup": {"fi": "Varmuuskopio", "sv": "Säkerhetskopia", "en": "Backup"},
    "overview.kind.areas": {"fi": "Alue", "sv": "Område", "en": "Area"},
    "overview.kind.municipalities": {"fi": "Kunta", "sv": "Kommun", "en": "Municipality"},
    "overview.kind.agreements": {"fi": "Sopimus", "sv": "Avtal", "en": "Agreement"},
    "overview.kind.approvals": {"fi": "Valtuuston hyväksyntä", "sv": "Fullmäktiges godkännande",
                                "en": "Council approval"},
    "overview.kind.structures": {"fi": "Yhteistyörakenne", "sv": "Samarbetsstruktur",
                                 "en": "Collaboration structure"},
    "overview.kind.forums": {"fi": "Foorumi", "sv": "Forum", "en": "Forum"},
    "overview.kind.participation": {"fi": "Osallistuminen", "sv": "Deltagande", "en": "Participation"},
    "overview.kind.survey": {"fi": "Kyselytulos", "sv": "Enkätresultat", "en": "Survey result"},
    "overview.kind.maturity": {"fi": "Kypsyysarvio", "sv": "Mognadsbedömning", "en": "Maturity assessment"},
    "overview.kind.pilots": {"fi": "Pilotti", "sv": "Pilot", "en": "Pilot"},
    # ------------------------------------------------------------------ area profile
    "profile.choose": {
        "fi": "Valitse alue: tästä tai sivupalkin Alue-valinnasta. Valinta kulkee mukana muille sivuille ja "
              "osoitteeseen (?alue=…), joten profiilin voi jakaa linkkinä.",
        "sv": "Välj ett område: här eller i sidofältets val Område. Valet följer med till de andra sidorna och "
              "adressen (?alue=…), så profilen kan delas som länk.",
        "en": "Choose an area: here or with Area in the sidebar. The choice carries over to the other pages and "
              "the address (?alue=…), so the profile can be shared as a link."},
    "profile.area": {"fi": "Alue", "sv": "Område", "en": "Area"},
    "profile.area_placeholder": {"fi": "Valitse alue", "sv": "Välj område", "en": "Choose an area"},
    "profile.all_areas": {"fi": "Alueet lyhyesti", "sv": "Områdena i korthet", "en": "The areas at a glance"},
    "profile.members": {"fi": "Kuntia", "sv": "Kommuner", "en": "Municipalities"},
    "profile.council_approved": {"fi": "Valtuustot hyväksyneet", "sv": "Fullmäktige har godkänt",
                                 "en": "Councils approved"},
    "profile.area_forums": {"fi": "Foorumeita, joihin alue osallistui", "sv": "Forum där området deltog",
                            "en": "Forums the county attended"},
    "profile.structures_count": {"fi": "Yhteistyörakenteita", "sv": "Samarbetsstrukturer",
                                 "en": "Collaboration structures"},
    "profile.municipalities": {"fi": "Alueen kunnat", "sv": "Områdets kommuner", "en": "The area's municipalities"},
    "profile.agreements": {"fi": "Sopimukset ja hyväksymisen aikajana", "sv": "Avtal och godkännandets tidslinje",
                           "en": "Agreements and their approval timeline"},
    "profile.timeline": {"fi": "Sopimusten aikajana", "sv": "Avtalens tidslinje", "en": "Timeline of the agreements"},
    "profile.timeline_table": {"fi": "Aikajana taulukkona", "sv": "Tidslinjen som tabell",
                               "en": "The timeline as a table"},
    "profile.no_events": {"fi": "Sopimuksilla ei ole päivättyjä vaiheita.", "sv": "Avtalen har inga daterade skeden.",
                          "en": "The agreements have no dated steps."},
    "profile.event.preparation": {"fi": "Valmistelu alkoi", "sv": "Beredningen började",
                                  "en": "Preparation started"},
    "profile.event.approved": {"fi": "Alue hyväksyi", "sv": "Området godkände", "en": "Approved by the area"},
    "profile.event.council_approved": {"fi": "Valtuusto hyväksyi", "sv": "Fullmäktige godkände",
                                       "en": "Council approved"},
    "profile.event.council_rejected": {"fi": "Valtuusto hylkäsi", "sv": "Fullmäktige förkastade",
                                       "en": "Council rejected"},
    "profile.structures": {"fi": "Yhteistyörakenteet", "sv": "Samarbetsstrukturer", "en": "Collaboration structures"},
    "profile.participation": {"fi": "Foorumeihin osallistuminen kunnittain", "sv": "Deltagande i forum per kommun",
                              "en": "Forum participation by municipality"},
    "profile.participation_table": {"fi": "Osallistuminen taulukkona", "sv": "Deltagandet som tabell",
                                    "en": "Participation as a table"},
    "profile.survey": {"fi": "Kysely: alue ja koko maa", "sv": "Enkät: området och hela landet",
                       "en": "Survey: the area and the whole country"},
    "profile.survey_title": {"fi": "{survey} {wave}: toteutunut melko tai erittäin hyvin",
                             "sv": "{survey} {wave}: har lyckats ganska eller mycket väl",
                             "en": "{survey} {wave}: realised fairly or very well"},
    "profile.survey_axis": {"fi": "Osuus vastanneista, %", "sv": "Andel av de svarande, %",
                            "en": "Share of respondents, %"},
    "profile.survey_table": {"fi": "Kyselytulokset taulukkona", "sv": "Enkätresultaten som tabell",
                             "en": "Survey results as a table"},
    "profile.survey_note": {
        "fi": "Kaikki vastanneet; julkaistu {day}. Alueen luvut perustuvat pieneen vastaajamäärään: katso N.",
        "sv": "Alla svarande; publicerat {day}. Områdets siffror bygger på få svar: se N.",
        "en": "All respondents; published {day}. The area's figures rest on few respondents: see N."},
    "profile.maturity": {"fi": "Strategisen yhteistyön kypsyys", "sv": "Det strategiska samarbetets mognad",
                         "en": "Maturity of strategic collaboration"},
    "profile.maturity_title": {"fi": "Keskiarvo ulottuvuuksittain (1 yhteistyö – 3 strateginen kumppanuus)",
                               "sv": "Medeltal per dimension (1 samarbete – 3 strategiskt partnerskap)",
                               "en": "Mean by dimension (1 cooperation – 3 strategic partnership)"},
    "profile.maturity_axis": {"fi": "Kypsyys (1–3)", "sv": "Mognad (1–3)", "en": "Maturity (1–3)"},
    "profile.maturity_table": {"fi": "Kypsyysarviot taulukkona", "sv": "Mognadsbedömningarna som tabell",
                               "en": "Maturity as a table"},
    "profile.maturity_note": {
        "fi": "Alueen viimeisin arvio {day}, {n} vastaajaa. Koko maa: {areas} alueen viimeisimmät arviot, "
              "{people} vastaajaa.",
        "sv": "Områdets senaste bedömning {day}, {n} svarande. Hela landet: de senaste bedömningarna i {areas} "
              "områden, {people} svarande.",
        "en": "The area's latest assessment {day}, {n} respondents. Whole country: the latest assessments of "
              "{areas} areas, {people} respondents."},
    "profile.no_maturity": {"fi": "Alueen kypsyyttä ei ole vielä arvioitu; alla koko maa.",
                            "sv": "Områdets mognad har inte bedömts ännu; nedan hela landet.",
                            "en": "The area's maturity has not been assessed yet; the whole country below."},
    "profile.series.national": {"fi": "Koko maa", "sv": "Hela landet", "en": "Whole country"},
    "profile.no_decision": {"fi": "Ei päätöstä kirjattu", "sv": "Inget beslut registrerat",
                            "en": "No decision recorded"},
    "profile.no_agreement": {"fi": "Alueella ei sopimusta", "sv": "Området har inget avtal",
                             "en": "The area has no agreement"},
    "profile.col.municipality": {"fi": "Kunta", "sv": "Kommun", "en": "Municipality"},
    "profile.col.council": {"fi": "Valtuuston päätös strategisesta sopimuksesta",
                            "sv": "Fullmäktiges beslut om det strategiska avtalet",
                            "en": "Council decision on the strategic agreement"},
    "profile.col.council_approved": {"fi": "Valtuustot hyväksyneet", "sv": "Fullmäktige godkänt",
                                     "en": "Councils approved"},
    "profile.col.forums": {"fi": "Foorumeita", "sv": "Forum", "en": "Forums attended"},
    "profile.col.day": {"fi": "Päivä", "sv": "Dag", "en": "Day"},
    "profile.col.event": {"fi": "Vaihe", "sv": "Skede", "en": "Step"},
    "profile.col.who": {"fi": "Kuka", "sv": "Vem", "en": "Who"},
    "profile.col.series": {"fi": "Vertailu", "sv": "Jämförelse", "en": "Series"},
    "profile.col.note": {"fi": "Huomio", "sv": "Obs", "en": "Note"},
    "profile.col.dimension": {"fi": "Ulottuvuus", "sv": "Dimension", "en": "Dimension"},
    "profile.col.mean": {"fi": "Keskiarvo", "sv": "Medeltal", "en": "Mean"},
    # ------------------------------------------------------------------ presentation mode
    "present.start": {"fi": "Esitystila", "sv": "Presentationsläge", "en": "Presentation mode"},
    "present.start_help": {
        "fi": "Yksi näkymä kerrallaan isolla tekstillä, ilman sivupalkkia. Osoite: ?esitys=1.",
        "sv": "En vy i taget med stor text, utan sidofält. Adress: ?esitys=1.",
        "en": "One view at a time in large type, without the sidebar. Address: ?esitys=1."},
    "present.prev": {"fi": "Edellinen", "sv": "Föregående", "en": "Previous"},
    "present.next": {"fi": "Seuraava", "sv": "Nästa", "en": "Next"},
    "present.exit": {"fi": "Lopeta esitys", "sv": "Avsluta", "en": "Exit"},
    "present.table": {"fi": "Näytä taulukkona", "sv": "Visa som tabell", "en": "Show as a table"},
    "present.view.figures": {"fi": "Tilannekuva", "sv": "Lägesbild", "en": "The picture"},
    "present.view.map": {"fi": "Strategiset yhteistyösopimukset kartalla", "sv": "Strategiska samarbetsavtal på kartan",
                         "en": "Strategic collaboration agreements on the map"},
    "present.view.status": {"fi": "Sopimusten tila alueittain", "sv": "Avtalens status per område",
                            "en": "Agreement status by area"},
    "present.view.forums": {"fi": "Osallistuminen yhdyspintafoorumeihin", "sv": "Deltagande i gränsytforumen",
                            "en": "Participation in the interface forums"},
    "present.view.survey": {"fi": "Kuntapäättäjien arvio yhteistyöstä", "sv": "Kommunala beslutsfattares bedömning",
                            "en": "Municipal decision-makers' view of collaboration"},
    "present.view.maturity": {"fi": "Strategisen yhteistyön kypsyys", "sv": "Det strategiska samarbetets mognad",
                              "en": "Maturity of strategic collaboration"},
    "present.map_title": {"fi": "Alueen strategisen yhteistyösopimuksen tila",
                          "sv": "Status för områdets strategiska samarbetsavtal",
                          "en": "Status of each area's strategic collaboration agreement"},
    "present.status_title": {"fi": "Kuntien valtuustojen hyväksynnät ja sopimuksen tila",
                             "sv": "Fullmäktiges godkännanden och avtalets status",
                             "en": "Council approvals and the agreement's status"},
    "present.status_axis": {"fi": "Valtuustoista hyväksynyt, %", "sv": "Fullmäktige som godkänt, %",
                            "en": "Councils approved, %"},
    "present.col.approved": {"fi": "Valtuustot hyväksyneet", "sv": "Fullmäktige godkänt", "en": "Councils approved"},
    "present.forums_title": {"fi": "Osallistuneet organisaatiot foorumeittain",
                             "sv": "Deltagande organisationer per forum",
                             "en": "Organisations taking part, by forum"},
    "present.forums_axis": {"fi": "Organisaatioita", "sv": "Organisationer", "en": "Organisations"},
    "present.maturity_title": {"fi": "Keskiarvo alueen viimeisimmässä arviossa (1–3)",
                               "sv": "Medeltal i områdets senaste bedömning (1–3)",
                               "en": "Mean in each area's latest assessment (1–3)"},
}
