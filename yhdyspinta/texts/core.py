"""Texts shared by the whole app: navigation, filters, banners, imports."""

TEXTS: dict[str, dict[str, str]] = {
    "app.title": {"fi": "Yhdyspintojen tilannekuva", "sv": "Lägesbild över gränsytorna",
                  "en": "Interface collaboration situational picture"},
    "app.subtitle": {
        "fi": "Kuntien ja hyvinvointialueiden yhteistyön tilannekuva",
        "sv": "Lägesbild över samarbetet mellan kommuner och välfärdsområden",
        "en": "Collaboration between municipalities and wellbeing services counties"},
    "nav.home": {"fi": "Tilannekuva", "sv": "Lägesbild", "en": "Overview"},
    "nav.areas": {"fi": "Alueet", "sv": "Områden", "en": "Areas"},
    "nav.municipalities": {"fi": "Kunnat", "sv": "Kommuner", "en": "Municipalities"},
    "nav.agreements": {"fi": "Sopimukset", "sv": "Avtal", "en": "Agreements"},
    "nav.structures": {"fi": "Yhteistyörakenteet", "sv": "Samarbetsstrukturer",
                       "en": "Collaboration structures"},
    "nav.forums": {"fi": "Foorumit", "sv": "Forum", "en": "Forums"},
    "nav.participation": {"fi": "Osallistuminen", "sv": "Deltagande", "en": "Participation"},
    "nav.survey": {"fi": "Kysely", "sv": "Enkät", "en": "Survey"},
    "nav.maturity": {"fi": "Kypsyys", "sv": "Mognad", "en": "Maturity"},
    "nav.pilots": {"fi": "Pilotit", "sv": "Piloter", "en": "Pilots"},
    "nav.history": {"fi": "Muutoshistoria", "sv": "Ändringshistorik", "en": "Change history"},
    "nav.reference": {"fi": "Viitetiedot", "sv": "Referensdata", "en": "Reference data"},
    "nav.map": {"fi": "Kartta", "sv": "Karta", "en": "Map"},
    "nav.profile": {"fi": "Alueprofiili", "sv": "Områdesprofil", "en": "Area profile"},
    "nav.upload": {"fi": "Tuonti", "sv": "Import", "en": "Import"},
    "nav.admin": {"fi": "Käyttäjät ja roolit", "sv": "Användare och roller", "en": "Users and roles"},
    "reference.municipalities": {"fi": "Kuntarajat", "sv": "Kommungränser", "en": "Municipal boundaries"},
    "reference.areas": {"fi": "Aluerajat", "sv": "Områdesgränser", "en": "Area boundaries"},
    "reference.population": {"fi": "Asukasluvut", "sv": "Invånarantal", "en": "Population"},
    "reference.col.dataset": {"fi": "Aineisto", "sv": "Data", "en": "Data set"},
    "reference.col.loaded": {"fi": "Ladattu", "sv": "Laddat", "en": "Loaded"},
    "reference.col.count": {"fi": "Kohteita", "sv": "Objekt", "en": "Features"},
    "reference.col.year": {"fi": "Vuosi", "sv": "År", "en": "Year"},
    "reference.col.source": {"fi": "Lähde", "sv": "Källa", "en": "Source"},
    "reference.col.updated": {"fi": "Päivitetty", "sv": "Uppdaterad", "en": "Updated"},
    "reference.col.licence": {"fi": "Lisenssi", "sv": "Licens", "en": "Licence"},
    "kind.meta": {"fi": "Asetus", "sv": "Inställning", "en": "Setting"},
    "nav.section.picture": {"fi": "Tilannekuva", "sv": "Lägesbild", "en": "Picture"},
    "nav.section.data": {"fi": "Aineistot", "sv": "Data", "en": "Data"},
    "filter.language": {"fi": "Kieli", "sv": "Språk", "en": "Language"},
    "filter.area": {"fi": "Alue", "sv": "Område", "en": "Area"},
    "filter.area.all": {"fi": "Koko maa", "sv": "Hela landet", "en": "Whole country"},
    "filter.municipality": {"fi": "Kunnat", "sv": "Kommuner", "en": "Municipalities"},
    "filter.municipality.all": {"fi": "Kaikki alueen kunnat", "sv": "Alla kommuner i området",
                                "en": "All municipalities of the area"},
    "filter.bad_param": {
        "fi": "Osoitteen parametria {param}={value} ei tunnistettu; näytetään koko maa.",
        "sv": "Adressens parameter {param}={value} kändes inte igen; hela landet visas.",
        "en": "The address parameter {param}={value} was not recognised; showing the whole country."},
    "filter.bad_language": {
        "fi": "Osoitteen parametria {param}={value} ei tunnistettu; näytetään suomeksi.",
        "sv": "Adressens parameter {param}={value} kändes inte igen; sidan visas på finska.",
        "en": "The address parameter {param}={value} was not recognised; showing the page in Finnish."},
    "banner.example": {
        "fi": "Esimerkkiaineisto: luvut ovat keksittyjä esimerkkejä, eivät todellisia tuloksia.",
        "sv": "Exempeldata: siffrorna är påhittade exempel, inte verkliga resultat.",
        "en": "Example data: the figures are made-up examples, not real results."},
    "banner.no_boundaries": {
        "fi": "Kuntarajoja ei ole ladattu, joten alueet näytetään ruutukarttana. Lataa rajat "
              "komennolla `python -m yhdyspinta reference fetch` tai omasta tiedostosta "
              "komennolla `python -m yhdyspinta reference import TIEDOSTO`.",
        "sv": "Kommungränserna har inte laddats, så områdena visas som rutkarta. Ladda gränserna "
              "med `python -m yhdyspinta reference fetch` eller från en egen fil med "
              "`python -m yhdyspinta reference import FIL`.",
        "en": "Boundaries are not loaded, so areas show as a tile grid. Load them with "
              "`python -m yhdyspinta reference fetch` or from your own file with "
              "`python -m yhdyspinta reference import FILE`."},
    "banner.read_only": {
        "fi": "Tämä näkymä on vain luku -tilassa.",
        "sv": "Vyn är skrivskyddad.", "en": "This view is read-only."},
    "common.rows": {"fi": "{n} riviä", "sv": "{n} rader", "en": "{n} rows"},
    "common.no_rows": {"fi": "Ei tietoja valinnalla.", "sv": "Inga uppgifter för urvalet.",
                       "en": "No data for this selection."},
    "common.download_csv": {"fi": "Lataa CSV", "sv": "Ladda ner CSV", "en": "Download CSV"},
    "common.download_xlsx": {"fi": "Lataa Excel", "sv": "Ladda ner Excel", "en": "Download Excel"},
    "common.out_of_scope": {"fi": "Ei uudistuksen piirissä", "sv": "Utanför reformen",
                            "en": "Not in scope"},
    "agreements.approvals": {
        "fi": "Kuntien valtuustojen hyväksynnät", "sv": "Kommunfullmäktiges godkännanden",
        "en": "Municipal councils' approvals"},
    "home.areas": {"fi": "Alueita", "sv": "Områden", "en": "Areas"},
    "home.municipalities": {"fi": "Kuntia", "sv": "Kommuner", "en": "Municipalities"},
    "home.approved_agreements": {
        "fi": "Alueita, sopimus hyväksytty",
        "sv": "Områden med godkänt avtal",
        "en": "Areas, agreement approved"},
    "home.council_approved": {
        "fi": "Kuntia, valtuusto hyväksynyt",
        "sv": "Kommuner som godkänt",
        "en": "Councils that approved"},
    "home.forums": {"fi": "Foorumeita pidetty", "sv": "Forum hållna", "en": "Forums held"},
    "home.participating_municipalities": {
        "fi": "Kuntia osallistunut foorumeihin", "sv": "Kommuner som deltagit i forum",
        "en": "Municipalities at forums"},
    "home.tile_map": {"fi": "Alueet ruutukarttana", "sv": "Områdena som rutkarta",
                      "en": "Areas as a tile grid"},
    "home.intro": {
        "fi": "Yhteinen, ajantasainen kuva kuntien ja hyvinvointialueiden yhteistyöstä: "
              "sopimukset, yhteistyörakenteet, kansalliset yhdyspintafoorumit, kuntapäättäjien "
              "kyselyt ja strategisen yhteistyön kypsyys.",
        "sv": "En gemensam, aktuell bild av samarbetet mellan kommuner och välfärdsområden: "
              "avtal, samarbetsstrukturer, nationella gränsytforum, enkäter till kommunala "
              "beslutsfattare och det strategiska samarbetets mognad.",
        "en": "One up-to-date picture of collaboration between municipalities and wellbeing "
              "services counties: agreements, collaboration structures, national interface "
              "forums, surveys of municipal decision-makers and the maturity of strategic "
              "collaboration."},
    "home.latest_changes": {"fi": "Viimeisimmät muutokset", "sv": "Senaste ändringar",
                            "en": "Latest changes"},
    "reference.status": {"fi": "Viitetietojen tila", "sv": "Referensdatas status",
                         "en": "Reference data status"},
    "reference.boundaries_loaded": {
        "fi": "Rajat ladattu: {municipalities} kuntaa, {areas} aluetta (lähde: {source}, {when}).",
        "sv": "Gränser laddade: {municipalities} kommuner, {areas} områden (källa: {source}, {when}).",
        "en": "Boundaries loaded: {municipalities} municipalities, {areas} areas (source: {source}, {when})."},
    "reference.licence": {
        "fi": "Lähde: Tilastokeskus ja Maanmittauslaitos, CC BY 4.0.",
        "sv": "Källa: Statistikcentralen och Lantmäteriverket, CC BY 4.0.",
        "en": "Source: Statistics Finland and National Land Survey of Finland, CC BY 4.0."},
    "survey.small_n": {"fi": "Pieni vastaajamäärä (N < {n})", "sv": "Litet antal svar (N < {n})",
                       "en": "Small number of respondents (N < {n})"},
    "maturity.level": {"fi": "Kypsyystaso", "sv": "Mognadsnivå", "en": "Maturity level"},
    "history.filter_kind": {"fi": "Tietolaji", "sv": "Datatyp", "en": "Kind"},
}
