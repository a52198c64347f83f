"""Texts of the indicator catalogue: each indicator's label and its definition for people."""

_DIMENSIONS = {
    "trust": ("luottamus", "förtroende", "trust"),
    "communication": ("kommunikaatio", "kommunikation", "communication"),
    "information_sharing": ("tiedon jakaminen", "informationsdelning", "information sharing"),
    "goals": ("tavoitteet", "mål", "goals"),
    "power": ("valta", "makt", "power"),
    "resources": ("resurssit", "resurser", "resources"),
    "accountability": ("tilivelvollisuus", "ansvarsskyldighet", "accountability"),
    "commitment": ("sitoutuminen", "engagemang", "commitment"),
}

TEXTS: dict[str, dict[str, str]] = {
    "indicator.agreements_in_force.label": {
        "fi": "Sopimus voimassa", "sv": "Avtal i kraft", "en": "Agreement in force"},
    "indicator.agreements_in_force.definition": {
        "fi": "Hyvinvointialueet (21, ei Helsinkiä), joiden strateginen yhteistyösopimus on hyväksytty, "
              "toimeenpanossa tai päivitettävänä ja päivä on sen voimassaoloajan sisällä (tyhjä raja on avoin).",
        "sv": "Välfärdsområden (21, inte Helsingfors) vars strategiska samarbetsavtal är godkänt, verkställs "
              "eller revideras och dagen ligger inom dess giltighetstid (en tom gräns är öppen).",
        "en": "Wellbeing services counties (21, not Helsinki) whose strategic collaboration agreement is "
              "approved, in implementation or under revision, with the day within its validity (an empty "
              "bound is open)."},
    "indicator.agreements_expired.label": {
        "fi": "Sopimus vanhentunut", "sv": "Avtal utgånget", "en": "Agreement expired"},
    "indicator.agreements_expired.definition": {
        "fi": "Hyvinvointialueet, joiden viimeksi hyväksytyn strategisen sopimuksen voimassaolo on päättynyt: "
              "sopimus on uusittava, eikä sitä lasketa hyväksytyksi.",
        "sv": "Välfärdsområden vars senast godkända strategiska avtal har gått ut: avtalet ska förnyas och "
              "räknas inte som godkänt.",
        "en": "Counties whose latest approved strategic agreement's validity has ended: it needs renewal and "
              "does not count as approved."},
    "indicator.council_approved_municipalities.label": {
        "fi": "Valtuusto hyväksynyt", "sv": "Fullmäktige godkänt", "en": "Council approved"},
    "indicator.council_approved_municipalities.definition": {
        "fi": "Manner-Suomen kunnat Helsinkiä lukuun ottamatta (291), joiden valtuusto on hyväksynyt alueensa "
              "strategisen sopimuksen (päätöspäivä tyhjä tai viimeistään kyseisenä päivänä).",
        "sv": "Kommuner på fastlandet utom Helsingfors (291) vars fullmäktige har godkänt områdets strategiska "
              "avtal (beslutsdatum tomt eller senast den dagen).",
        "en": "Mainland municipalities other than Helsinki (291) whose council approved their area's strategic "
              "agreement (decision date empty or on or before the day)."},
    "indicator.council_approved_population_share.label": {
        "fi": "Väestöosuus, hyväksytty", "sv": "Befolkningsandel, godkänt", "en": "Population share approved"},
    "indicator.council_approved_population_share.definition": {
        "fi": "Niiden kuntien asukkaat, joiden valtuusto on hyväksynyt sopimuksen, osuutena samojen 291 kunnan "
              "asukkaista. Näytetään vain, kun jokaisen kunnan asukasluku on ladattu.",
        "sv": "Invånarna i kommuner vars fullmäktige har godkänt avtalet, som andel av invånarna i samma 291 "
              "kommuner. Visas bara när varje kommuns invånarantal är inläst.",
        "en": "People living in municipalities whose council approved the agreement, as a share of the people "
              "of the same 291 municipalities. Shown only when every population is loaded."},
    "indicator.forums_held.label": {
        "fi": "Foorumeita pidetty", "sv": "Forum hållna", "en": "Forums held"},
    "indicator.forums_held.definition": {
        "fi": "Valtakunnalliset yhdyspintafoorumit, joiden päivä on viimeistään kyseisenä päivänä.",
        "sv": "Nationella gränsytforum vars datum är senast den dagen.",
        "en": "National interface forums dated on or before the day."},
    "indicator.forums_attended.label": {
        "fi": "Foorumeita, joilla osallistujia", "sv": "Forum med deltagare", "en": "Forums with participants"},
    "indicator.forums_attended.definition": {
        "fi": "Pidetyt foorumit, joilla oli vähintään yksi osallistuja rajauksen organisaatioista (alueella: "
              "hyvinvointialue ja sen kunnat).",
        "sv": "Hållna forum med minst en deltagare från urvalets organisationer (i ett område: "
              "välfärdsområdet och dess kommuner).",
        "en": "Forums held with at least one participant from the organisations in scope (in an area: the "
              "county and its municipalities)."},
    "indicator.area_forums_attended.label": {
        "fi": "Alueen foorumeita", "sv": "Områdets forum", "en": "Forums the county attended"},
    "indicator.area_forums_attended.definition": {
        "fi": "Pidetyt foorumit, joille hyvinvointialue (tai Helsinki) itse osallistui; koko maassa alueiden "
              "keskiarvo.",
        "sv": "Hållna forum där välfärdsområdet (eller Helsingfors) självt deltog; i hela landet områdenas "
              "medelvärde.",
        "en": "Forums held that the county (or Helsinki) itself attended; for the whole country the mean over "
              "the areas."},
    "indicator.organisations_reached.label": {
        "fi": "Organisaatioita tavoitettu", "sv": "Organisationer nådda", "en": "Organisations reached"},
    "indicator.organisations_reached.definition": {
        "fi": "Eri organisaatiot, joilla oli yli 0 osallistujaa pidetyillä foorumeilla (alueella: "
              "hyvinvointialue ja sen kunnat).",
        "sv": "Olika organisationer med fler än 0 deltagare vid hållna forum (i ett område: välfärdsområdet "
              "och dess kommuner).",
        "en": "Distinct organisations with more than 0 participants at forums held (in an area: the county "
              "and its municipalities)."},
    "indicator.municipalities_participated.label": {
        "fi": "Kuntia foorumeilla", "sv": "Kommuner vid forum", "en": "Municipalities at forums"},
    "indicator.municipalities_participated.definition": {
        "fi": "Manner-Suomen kunnat (292, tai alueen kunnat), joilla oli yli 0 osallistujaa jollakin pidetyllä "
              "foorumilla.",
        "sv": "Kommuner på fastlandet (292, eller områdets kommuner) med fler än 0 deltagare vid något hållet "
              "forum.",
        "en": "Mainland municipalities (292, or the area's) with more than 0 participants at some forum held."},
    "indicator.survey_mean.label": {
        "fi": "Yhteistyö toteutunut hyvin", "sv": "Samarbetet har fungerat väl",
        "en": "Collaboration realised well"},
    "indicator.survey_mean.definition": {
        "fi": "Viimeisimmän julkaistun kyselykierroksen väittämien keskiarvo: kaikista vastanneista osuus, "
              "jonka mielestä yhteistyö on toteutunut melko tai erittäin hyvin (alueella alueen vastaajat). "
              "N on pienin väittämäkohtainen vastaajamäärä; alle 30 vastaajan luku on epävarma.",
        "sv": "Medelvärdet av påståendena i den senast publicerade enkätomgången: andelen av alla svarande "
              "som anser att samarbetet har fungerat ganska eller mycket väl (i ett område områdets svarande). "
              "N är det minsta antalet svarande per påstående; under 30 svarande är värdet osäkert.",
        "en": "The mean over the statements of the latest published survey wave: the share of all respondents "
              "rating collaboration fairly or very well realised (in an area, its respondents). N is the "
              "smallest number of respondents of a statement; below 30 the value is uncertain."},
    "indicator.maturity_mean.label": {
        "fi": "Kypsyys (keskiarvo 1–3)", "sv": "Mognad (medelvärde 1–3)", "en": "Maturity (mean 1–3)"},
    "indicator.maturity_mean.definition": {
        "fi": "Alueen viimeisimmän arviointikierroksen kaikkien kahdeksan ulottuvuuden pisteiden keskiarvo; "
              "koko maassa arvioitujen alueiden keskiarvojen keskiarvo (jokainen alue painaa saman verran).",
        "sv": "Medelvärdet av alla åtta dimensioners poäng i områdets senaste bedömningsomgång; i hela landet "
              "medelvärdet av de bedömda områdenas medelvärden (varje område väger lika).",
        "en": "The mean of all eight dimension scores in an area's latest assessment round; for the whole "
              "country the mean of the assessed areas' means (each area weighs the same)."},
    "indicator.maturity_level.label": {
        "fi": "Kypsyystaso", "sv": "Mognadsnivå", "en": "Maturity level"},
    "indicator.maturity_level.definition": {
        "fi": "Kypsyyden keskiarvo pyöristettynä puolikkaat ylöspäin asteikolle 1 yhteistyö, 2 koordinaatio, "
              "3 strateginen yhteistyö ja kumppanuus (Keast & Mandell 2014).",
        "sv": "Mognadens medelvärde avrundat med halvor uppåt till skalan 1 samarbete, 2 koordinering, "
              "3 strategiskt samarbete och partnerskap (Keast & Mandell 2014).",
        "en": "The maturity mean rounded half up to the scale 1 cooperation, 2 coordination, 3 strategic "
              "collaboration and partnership (Keast & Mandell 2014)."},
    "indicator.pilot_areas.label": {
        "fi": "Pilottialueet", "sv": "Pilotområden", "en": "Pilot areas"},
    "indicator.pilot_areas.definition": {
        "fi": "Alueet, joilla on strategisen yhteistyön pilotti, joka on alkanut viimeistään kyseisenä päivänä.",
        "sv": "Områden med en pilot för strategiskt samarbete som har börjat senast den dagen.",
        "en": "Areas with a strategic collaboration pilot started on or before the day."},
    **{key: value for column, (fi, sv, en) in _DIMENSIONS.items() for key, value in (
        (f"indicator.maturity_{column}.label", {"fi": f"Kypsyys: {fi}", "sv": f"Mognad: {sv}",
                                                 "en": f"Maturity: {en}"}),
        (f"indicator.maturity_{column}.definition", {
            "fi": f"Ulottuvuuden {fi} pisteiden keskiarvo (1–3) samoin kuin kypsyyden keskiarvo.",
            "sv": f"Medelvärdet av poängen för dimensionen {sv} (1–3), på samma sätt som mognadens medelvärde.",
            "en": f"The mean score (1–3) of the dimension {en}, taken as the maturity mean is."}),
    )},
    # How a value is shown and explained.
    "indicator.not_applicable": {"fi": "Ei sovellu", "sv": "Ej tillämpligt", "en": "Not applicable"},
    "indicator.not_applicable_helsinki": {
        "fi": "Ei sovellu: Helsinki järjestää palvelunsa itse, eikä sillä ole kunnan ja alueen välistä sopimusta.",
        "sv": "Ej tillämpligt: Helsingfors ordnar sina tjänster självt och har inget avtal mellan kommun och "
              "område.",
        "en": "Not applicable: Helsinki organises its services itself and has no municipality–county agreement."},
    "indicator.no_data": {"fi": "Ei tietoa", "sv": "Inga uppgifter", "en": "No data"},
    "indicator.of": {"fi": "{n} / {total}", "sv": "{n} / {total}", "en": "{n} / {total}"},
    "indicator.help": {
        "fi": "{definition}\n\nLähde: {sources}. Päivitetty {updated}. N = {n}.",
        "sv": "{definition}\n\nKälla: {sources}. Uppdaterad {updated}. N = {n}.",
        "en": "{definition}\n\nSource: {sources}. Updated {updated}. N = {n}."},
    "indicator.small_n": {
        "fi": "Alle {limit} vastaajaa: epävarma", "sv": "Under {limit} svarande: osäkert",
        "en": "Fewer than {limit} respondents: uncertain"},
    "indicator.col.id": {"fi": "Tunnus", "sv": "Id", "en": "Id"},
    "indicator.col.label": {"fi": "Tunnusluku", "sv": "Nyckeltal", "en": "Indicator"},
    "indicator.col.value": {"fi": "Arvo", "sv": "Värde", "en": "Value"},
    "indicator.col.country": {"fi": "Koko maa", "sv": "Hela landet", "en": "Whole country"},
    "indicator.col.day": {"fi": "Päivä", "sv": "Dag", "en": "Day"},
    "indicator.series_title": {"fi": "Tunnusluvut vuosineljänneksittäin", "sv": "Nyckeltalen kvartalsvis",
                               "en": "The indicators quarter by quarter"},
    "indicator.col.definition": {"fi": "Määritelmä", "sv": "Definition", "en": "Definition"},
    "indicator.col.updated": {"fi": "Päivitetty", "sv": "Uppdaterad", "en": "Updated"},
    "indicator.col.sources": {"fi": "Lähde", "sv": "Källa", "en": "Source"},
    "indicator.series_note": {
        "fi": "Käyrä näyttää luvun kunkin vuosineljänneksen lopussa vuodesta 2023; muutos on edellisen "
              "neljänneksen lopusta.",
        "sv": "Kurvan visar talet i slutet av varje kvartal sedan 2023; förändringen är från slutet av "
              "föregående kvartal.",
        "en": "The line shows the figure at the end of each quarter since 2023; the change is since the end of "
              "the previous quarter."},
    "indicator.since_quarter": {"fi": "edellisestä neljänneksestä", "sv": "sedan förra kvartalet",
                                "en": "since last quarter"},
    "indicator.download": {"fi": "Lataa tunnusluvut (CSV)", "sv": "Ladda ned nyckeltalen (CSV)",
                           "en": "Download the indicators (CSV)"},
    "indicator.table": {"fi": "Tunnusluvut ja niiden määritelmät", "sv": "Nyckeltalen och deras definitioner",
                        "en": "The indicators and their definitions"},
}
