"""Texts of the map pages (fi, sv, en)."""

TEXTS: dict[str, dict[str, str]] = {
    # --- controls
    "map.indicator": {"fi": "Väritys", "sv": "Färgläggning", "en": "Colour by"},
    "map.level": {"fi": "Taso", "sv": "Nivå", "en": "Level"},
    "map.level.areas": {"fi": "Alueet", "sv": "Områden", "en": "Areas"},
    "map.level.municipalities": {"fi": "Kunnat", "sv": "Kommuner", "en": "Municipalities"},
    "map.statement": {"fi": "Kyselyn väittämä", "sv": "Enkätens påstående", "en": "Survey statement"},
    "map.option.agreement_status": {"fi": "Yhteistyösopimuksen tila", "sv": "Samarbetsavtalets status",
                                    "en": "Collaboration agreement status"},
    "map.option.council_approval": {"fi": "Valtuustojen hyväksyntä", "sv": "Fullmäktiges godkännande",
                                    "en": "Council approval"},
    "map.option.forum_participation": {"fi": "Foorumiosallistuminen (määrä)", "sv": "Forumdeltagande (antal)",
                                       "en": "Forum participation (count)"},
    "map.option.forum_coverage": {"fi": "Foorumien kattavuus", "sv": "Forumens täckning",
                                  "en": "Forum coverage"},
    "map.option.survey_value": {"fi": "Kyselytulos", "sv": "Enkätresultat", "en": "Survey result"},
    "map.option.maturity_level": {"fi": "Kypsyystaso", "sv": "Mognadsnivå", "en": "Maturity level"},
    "map.option.pilot": {"fi": "Pilottialueet", "sv": "Pilotområden", "en": "Pilot areas"},
    # --- indicator titles (legend, tooltip, table), per level
    "map.ind.agreement_status.areas": {
        "fi": "Strategisen yhteistyösopimuksen tila", "sv": "Det strategiska samarbetsavtalets status",
        "en": "Status of the strategic collaboration agreement"},
    "map.ind.agreement_status.municipalities": {
        "fi": "Alueen strategisen yhteistyösopimuksen tila",
        "sv": "Status för områdets strategiska samarbetsavtal",
        "en": "Status of the area's strategic collaboration agreement"},
    "map.ind.council_approval.areas": {
        "fi": "Sopimuksen hyväksyneet valtuustot (osuus kunnista)",
        "sv": "Fullmäktige som godkänt avtalet (andel av kommunerna)",
        "en": "Councils that approved the agreement (share of municipalities)"},
    "map.ind.council_approval.municipalities": {
        "fi": "Valtuuston päätös alueen yhteistyösopimuksesta",
        "sv": "Fullmäktiges beslut om områdets samarbetsavtal",
        "en": "Council's decision on the area's collaboration agreement"},
    "map.ind.forum_participation.areas": {
        "fi": "Foorumit, joihin alue osallistui", "sv": "Forum där området deltog",
        "en": "Forums the area took part in"},
    "map.ind.forum_participation.municipalities": {
        "fi": "Foorumit, joihin kunta osallistui", "sv": "Forum där kommunen deltog",
        "en": "Forums the municipality took part in"},
    "map.ind.forum_coverage.areas": {
        "fi": "Foorumeihin osallistuneiden kuntien osuus", "sv": "Andel kommuner som deltagit i forum",
        "en": "Share of municipalities that took part in a forum"},
    "map.ind.forum_coverage.municipalities": {
        "fi": "Osallistuminen foorumeihin", "sv": "Deltagande i forum", "en": "Took part in forums"},
    "map.ind.survey_value.areas": {
        "fi": "Toteutunut hyvin (%), kaikki vastanneet", "sv": "Väl förverkligat (%), alla svarande",
        "en": "Realised well (%), all respondents"},
    "map.ind.survey_value.municipalities": {
        "fi": "Alueen tulos: toteutunut hyvin (%)", "sv": "Områdets resultat: väl förverkligat (%)",
        "en": "Area's result: realised well (%)"},
    "map.ind.maturity_level.areas": {
        "fi": "Kypsyystaso (viimeisin arvio)", "sv": "Mognadsnivå (senaste bedömning)",
        "en": "Maturity level (latest assessment)"},
    "map.ind.maturity_level.municipalities": {
        "fi": "Alueen kypsyystaso (viimeisin arvio)", "sv": "Områdets mognadsnivå (senaste bedömning)",
        "en": "Area's maturity level (latest assessment)"},
    "map.ind.pilot.areas": {"fi": "Strategisen yhteistyön pilotti", "sv": "Pilot för strategiskt samarbete",
                            "en": "Strategic collaboration pilot"},
    "map.ind.pilot.municipalities": {
        "fi": "Alue on strategisen yhteistyön pilotti", "sv": "Området är pilot för strategiskt samarbete",
        "en": "The area pilots strategic collaboration"},
    # --- class labels
    "map.no_data": {"fi": "Ei tietoa", "sv": "Uppgift saknas", "en": "No data"},
    "map.expired": {"fi": "Vanhentunut, uusittava", "sv": "Utgånget, ska förnyas", "en": "Expired, needs renewal"},
    "map.detail.expired": {"fi": "Voimassa {day} asti", "sv": "Giltigt till {day}", "en": "Valid until {day}"},
    "map.no_agreement": {"fi": "Ei sopimusta kirjattu", "sv": "Inget avtal registrerat",
                         "en": "No agreement recorded"},
    "map.no_decision": {"fi": "Ei päätöstä kirjattu", "sv": "Inget beslut registrerat",
                        "en": "No decision recorded"},
    "map.no_assessment": {"fi": "Ei arviota", "sv": "Ingen bedömning", "en": "Not assessed"},
    "map.attended": {"fi": "Osallistui", "sv": "Deltog", "en": "Took part"},
    "map.not_attended": {"fi": "Ei osallistunut", "sv": "Deltog inte", "en": "Did not take part"},
    "map.pilot_yes": {"fi": "Pilottialue", "sv": "Pilotområde", "en": "Pilot area"},
    "map.pilot_no": {"fi": "Ei pilotti", "sv": "Inte pilot", "en": "Not a pilot"},
    # --- details beside a value
    "map.detail.approved": {"fi": "{n}/{total} kuntaa", "sv": "{n}/{total} kommuner",
                            "en": "{n}/{total} municipalities"},
    "map.detail.reached": {"fi": "{n}/{total} kuntaa", "sv": "{n}/{total} kommuner",
                           "en": "{n}/{total} municipalities"},
    "map.detail.of_held": {"fi": "{n}/{total} pidetystä foorumista", "sv": "{n}/{total} av de hållna forumen",
                           "en": "{n}/{total} of the forums held"},
    "map.of_held": {"fi": "{share} pidetyistä", "sv": "{share} av de hållna", "en": "{share} of those held"},
    "map.detail.forums": {"fi": "{n} foorumia", "sv": "{n} forum", "en": "{n} forums"},
    "map.detail.n": {"fi": "N = {n}", "sv": "N = {n}", "en": "N = {n}"},
    "map.detail.small_n": {"fi": "N = {n}, pieni vastaajamäärä (alle {limit})",
                           "sv": "N = {n}, litet antal svar (under {limit})",
                           "en": "N = {n}, small number of respondents (under {limit})"},
    "map.detail.maturity": {"fi": "keskiarvo {mean}, {day}, {n} vastaajaa",
                            "sv": "medelvärde {mean}, {day}, {n} svarande",
                            "en": "mean {mean}, {day}, {n} respondents"},
    # --- legend and table
    "map.legend.colour": {"fi": "Väri", "sv": "Färg", "en": "Colour"},
    "map.legend.class": {"fi": "Luokka", "sv": "Klass", "en": "Class"},
    # The map shows every area even when zoomed to one, so the counts are the whole country's.
    "map.legend.count.areas": {"fi": "Alueita koko maassa", "sv": "Områden i hela landet",
                               "en": "Areas in the whole country"},
    "map.legend.count.municipalities": {"fi": "Kuntia koko maassa", "sv": "Kommuner i hela landet",
                                        "en": "Municipalities in the whole country"},
    "map.table": {"fi": "Kartan tiedot taulukkona", "sv": "Kartans uppgifter som tabell",
                  "en": "The map's data as a table"},
    "map.col.area": {"fi": "Alue", "sv": "Område", "en": "Area"},
    "map.col.municipality": {"fi": "Kunta", "sv": "Kommun", "en": "Municipality"},
    "map.col.code": {"fi": "Koodi", "sv": "Kod", "en": "Code"},
    "map.col.value": {"fi": "Arvo", "sv": "Värde", "en": "Value"},
    "map.col.class": {"fi": "Luokka", "sv": "Klass", "en": "Class"},
    "map.col.detail": {"fi": "Lisätieto", "sv": "Tilläggsuppgift", "en": "Detail"},
    # --- notes
    "map.inherited": {
        "fi": "Tieto on aluetasoinen: jokainen kunta näytetään alueensa arvolla.",
        "sv": "Uppgiften gäller området: varje kommun visas med sitt områdes värde.",
        "en": "This is an area-level figure: each municipality shows its area's value."},
    "map.tiles_note": {
        "fi": "Ruutukartta näyttää aluetason arvot; taulukko näyttää valitun tason.",
        "sv": "Rutkartan visar områdesnivåns värden; tabellen visar den valda nivån.",
        "en": "The tile grid shows area-level values; the table shows the chosen level."},
    "map.survey_wave": {
        "fi": "{survey} {wave}, kaikki vastanneet, aluetaso. Pieni vastaajamäärä (N < {n}) on merkitty.",
        "sv": "{survey} {wave}, alla svarande, områdesnivå. Litet antal svar (N < {n}) är markerat.",
        "en": "{survey} {wave}, all respondents, area level. Small numbers of respondents (N < {n}) are marked."},
    "map.no_statements": {
        "fi": "Kyselystä ei ole aluetason tuloksia.", "sv": "Enkäten har inga resultat på områdesnivå.",
        "en": "The survey has no area-level results."},
    "map.alt": {
        "fi": "Kartta: {title}. Samat tiedot ovat taulukkona kartan alla.",
        "sv": "Karta: {title}. Samma uppgifter finns som tabell under kartan.",
        "en": "Map: {title}. The same data is in a table below the map."},
    "map.source": {
        "fi": "Rajat: Tilastokeskus ja Maanmittauslaitos, CC BY 4.0. Karttaan ei ladata taustakarttaa verkosta.",
        "sv": "Gränser: Statistikcentralen och Lantmäteriverket, CC BY 4.0. Ingen bakgrundskarta hämtas från nätet.",
        "en": "Boundaries: Statistics Finland and National Land Survey of Finland, CC BY 4.0. "
              "No background map is loaded from the internet."},
}
