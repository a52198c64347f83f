"""Texts of the analysis pages (fi, sv, en): agreements, forums, survey and maturity."""

TEXTS: dict[str, dict[str, str]] = {
    # shared
    "analysis.as_table": {"fi": "Taulukkona: {title}", "sv": "Som tabell: {title}", "en": "As a table: {title}"},
    "analysis.rows_heading": {"fi": "Aineiston rivit ja lataukset", "sv": "Datarader och nedladdningar",
                              "en": "Rows of the data and downloads"},
    "analysis.national_beside": {"fi": "Koko maa: {value}", "sv": "Hela landet: {value}",
                                 "en": "Whole country: {value}"},
    "analysis.municipalities_not_applicable": {
        "fi": "Kuntavalinta ei rajaa tätä sivua: tiedot ovat alue- tai koko maan tasolla.",
        "sv": "Kommunurvalet avgränsar inte denna sida: uppgifterna gäller område eller hela landet.",
        "en": "The municipality selection does not narrow this page: the figures are by area or national."},
    # column headers
    "analysis.col.areas": {"fi": "alueita", "sv": "områden", "en": "areas"},
    "analysis.col.municipalities": {"fi": "kuntia", "sv": "kommuner", "en": "municipalities"},
    "analysis.col.approved_pct": {"fi": "hyväksyneitä %", "sv": "godkänt %", "en": "approved %"},
    "analysis.col.participants": {"fi": "osallistujia", "sv": "deltagare", "en": "participants"},
    "analysis.col.organisations": {"fi": "organisaatioita", "sv": "organisationer", "en": "organisations"},
    "analysis.col.forums": {"fi": "foorumeita", "sv": "forum", "en": "forums"},
    "analysis.col.area_participants": {"fi": "hyvinvointialueen osallistujia", "sv": "välfärdsområdets deltagare",
                                       "en": "county's participants"},
    "analysis.col.municipality_participants": {"fi": "kuntien osallistujia", "sv": "kommunernas deltagare",
                                               "en": "municipalities' participants"},
    "analysis.col.participated": {"fi": "osallistuneita kuntia", "sv": "kommuner som deltagit",
                                  "en": "municipalities that took part"},
    "analysis.col.coverage": {"fi": "osuus alueen kunnista", "sv": "andel av områdets kommuner",
                              "en": "share of the area's municipalities"},
    "analysis.col.coverage_pct": {"fi": "osallistuneita %", "sv": "deltagit %", "en": "took part %"},
    "analysis.col.small_n": {"fi": "pieni N (< {n})", "sv": "litet N (< {n})", "en": "small N (< {n})"},
    "analysis.col.difference_pp": {"fi": "ero %-yks.", "sv": "skillnad %-enh.", "en": "difference (points)"},
    "analysis.col.respondents": {"fi": "vastaajia", "sv": "svarande", "en": "respondents"},
    # agreements
    "analysis.agreements.intro": {
        "fi": "Jokaisen alueen sopimukset elinkaaren vaiheittain ja kuntien valtuustojen hyväksynnät. "
              "Valittu alue on merkitty ▶-merkillä ja kehyksellä koko maan joukossa.",
        "sv": "Varje områdes avtal enligt skede i livscykeln och kommunfullmäktiges godkännanden. "
              "Det valda området är märkt med ▶ och en ram bland hela landet.",
        "en": "Every area's agreements by lifecycle stage, and municipal councils' approvals. "
              "The chosen area is marked with ▶ and a frame among the whole country."},
    "analysis.agreements.table_heading": {"fi": "Sopimusten tila", "sv": "Avtalens status",
                                          "en": "Status of the agreements"},
    "analysis.agreements.status": {"fi": "Sopimuksen vaihe", "sv": "Avtalets skede", "en": "Agreement stage"},
    "analysis.agreements.grid_title": {"fi": "Sopimusten vaihe alueittain", "sv": "Avtalens skede per område",
                                       "en": "Stage of the agreements by area"},
    "analysis.agreements.grid_subtitle": {
        "fi": "Rivit järjestetty strategisen yhteistyösopimuksen vaiheen mukaan; – = ei sopimusta.",
        "sv": "Raderna ordnade efter det strategiska samarbetsavtalets skede; – = inget avtal.",
        "en": "Rows ordered by the stage of the strategic collaboration agreement; – = no agreement."},
    "analysis.agreements.lifecycle_table": {
        "fi": "Strategiset yhteistyösopimukset vaiheittain (alueiden määrä)",
        "sv": "Strategiska samarbetsavtal per skede (antal områden)",
        "en": "Strategic collaboration agreements by stage (number of areas)"},
    "analysis.agreements.no_agreement": {"fi": "Ei sopimusta", "sv": "Inget avtal", "en": "No agreement"},
    "analysis.agreements.area_status": {"fi": "Strateginen sopimus: {area}", "sv": "Strategiskt avtal: {area}",
                                        "en": "Strategic agreement: {area}"},
    "analysis.agreements.choose_kind": {"fi": "Sopimus", "sv": "Avtal", "en": "Agreement"},
    "analysis.agreements.council_decision": {"fi": "Valtuuston päätös", "sv": "Fullmäktiges beslut",
                                             "en": "Council's decision"},
    "analysis.agreements.not_submitted": {"fi": "Ei käsittelyssä", "sv": "Inte till behandling",
                                          "en": "Not submitted"},
    "analysis.agreements.share_of_municipalities": {"fi": "Osuus alueen kunnista",
                                                    "sv": "Andel av områdets kommuner",
                                                    "en": "Share of the area's municipalities"},
    "analysis.agreements.approval_title": {
        "fi": "Valtuustojen päätökset alueittain: {kind}", "sv": "Fullmäktiges beslut per område: {kind}",
        "en": "Councils' decisions by area: {kind}"},
    "analysis.agreements.approval_subtitle": {
        "fi": "Luku palkissa = kuntien määrä; prosentti nimen perässä = hyväksyneiden osuus.",
        "sv": "Talet i stapeln = antal kommuner; procenten efter namnet = andel som godkänt.",
        "en": "Number in a bar = municipalities; percentage after the name = share that approved."},
    "analysis.agreements.municipality_table": {
        "fi": "Kuntien päätökset", "sv": "Kommunernas beslut", "en": "Municipalities' decisions"},
    "analysis.agreements.raw_approvals": {
        "fi": "Hyväksyntärivit ja lataukset", "sv": "Godkännanderader och nedladdningar",
        "en": "Approval rows and downloads"},
    # forums
    "analysis.forums.intro": {
        "fi": "Kansalliset yhdyspintafoorumit: ajankohdat ja teemat, osallistuminen alueittain ja "
              "organisaatiotyypeittäin sekä teemat, joihin kukin alue on osallistunut.",
        "sv": "De nationella gränsytforumen: datum och teman, deltagande per område och organisationstyp "
              "samt de teman varje område deltagit i.",
        "en": "The national interface forums: dates and themes, participation by area and organisation type, "
              "and the themes each area has taken part in."},
    "analysis.forums.calendar": {"fi": "Foorumikalenteri", "sv": "Forumkalender", "en": "Forum calendar"},
    "analysis.forums.timeline_title": {"fi": "Foorumit aikajanalla teemoittain", "sv": "Forumen på tidslinje per tema",
                                       "en": "Forums on a timeline by theme"},
    "analysis.forums.timeline_subtitle": {
        "fi": "Pallon koko ja luku: osallistujia ({who}); avoin pallo = tuleva foorumi.",
        "sv": "Punktens storlek och talet: deltagare ({who}); öppen punkt = kommande forum.",
        "en": "Dot size and number: participants ({who}); open dot = forum still to come."},
    "analysis.forums.everyone": {"fi": "kaikki", "sv": "alla", "en": "everyone"},
    "analysis.forums.upcoming": {"fi": "(tulossa)", "sv": "(kommande)", "en": "(to come)"},
    "analysis.forums.recording": {"fi": "Tallenne", "sv": "Inspelning", "en": "Recording"},
    "analysis.forums.area_participants": {"fi": "Osallistujia: {area}", "sv": "Deltagare: {area}",
                                          "en": "Participants: {area}"},
    "analysis.forums.coverage_heading": {"fi": "Kuntien kattavuus", "sv": "Kommunernas täckning",
                                         "en": "Coverage of municipalities"},
    "analysis.forums.coverage_title": {
        "fi": "Foorumeihin osallistuneet kunnat alueittain", "sv": "Kommuner som deltagit i forum per område",
        "en": "Municipalities that took part in forums, by area"},
    "analysis.forums.coverage_subtitle": {
        "fi": "Osallistuneet / kaikki alueen kunnat; vähintään yksi foorumi.",
        "sv": "Deltagande / alla kommuner i området; minst ett forum.",
        "en": "Took part / all the area's municipalities; at least one forum."},
    "analysis.forums.participation_heading": {"fi": "Osallistuminen alueittain", "sv": "Deltagande per område",
                                              "en": "Participation by area"},
    "analysis.forums.by_area_participants": {"fi": "Osallistujat alueittain", "sv": "Deltagare per område",
                                             "en": "Participants by area"},
    "analysis.forums.by_area_organisations": {"fi": "Organisaatiot alueittain", "sv": "Organisationer per område",
                                              "en": "Organisations by area"},
    "analysis.forums.by_area_subtitle": {
        "fi": "Hyvinvointialue ja sen kunnat, kaikki foorumit yhteensä.",
        "sv": "Välfärdsområdet och dess kommuner, alla forum sammanlagt.",
        "en": "The county and its municipalities, all forums together."},
    "analysis.forums.by_org_type": {"fi": "Osallistuminen organisaatiotyypeittäin",
                                    "sv": "Deltagande per organisationstyp",
                                    "en": "Participation by organisation type"},
    "analysis.forums.by_org_type_subtitle": {
        "fi": "Koko maa, kaikki foorumit; luku: osallistujat (organisaatiot).",
        "sv": "Hela landet, alla forum; talet: deltagare (organisationer).",
        "en": "Whole country, all forums; number: participants (organisations)."},
    "analysis.forums.org_type_text": {"fi": "{participants} ({organisations} org.)",
                                      "sv": "{participants} ({organisations} org.)",
                                      "en": "{participants} ({organisations} org.)"},
    "analysis.forums.theme_heading": {"fi": "Teemat alueittain", "sv": "Teman per område", "en": "Themes by area"},
    "analysis.forums.theme_title": {
        "fi": "Osallistujat foorumien teemoihin alueittain", "sv": "Deltagare i forumens teman per område",
        "en": "Participants in the forums' themes by area"},
    "analysis.forums.theme_subtitle": {
        "fi": "Solun luku: alueen ja sen kuntien osallistujat teeman foorumeissa; – = ei osallistujia.",
        "sv": "Talet i cellen: områdets och dess kommuners deltagare i temats forum; – = inga deltagare.",
        "en": "Number in a cell: the area's and its municipalities' participants at the theme's forums; "
              "– = none."},
    # survey
    "analysis.survey.intro": {
        "fi": "Kuntapäättäjien arviot yhteistyön toteutumisesta: osuus, joka arvioi asian toteutuneen "
              "melko tai erittäin hyvin, väittämittäin, vastaajaryhmittäin ja kierroksittain. Väittämät ja "
              "vastaajaryhmät ovat kyselyn omia (suomeksi).",
        "sv": "Kommunala beslutsfattares bedömning av samarbetet: andelen som anser att det förverkligats "
              "ganska eller mycket väl, per påstående, svarsgrupp och omgång. Påståendena och svarsgrupperna "
              "är enkätens egna (på finska).",
        "en": "Municipal decision-makers' view of the collaboration: the share rating it fairly or very well "
              "realised, by statement, respondent group and wave. Statements and groups are the survey's own "
              "(in Finnish)."},
    "analysis.survey.choose_wave": {"fi": "Kyselykierros", "sv": "Enkätomgång", "en": "Survey wave"},
    "analysis.survey.small_n_note": {
        "fi": "⚠ N=… merkitsee arvoa, jonka vastaajamäärä on alle {n}: se on epävarma. Palkki on myös vaaleampi.",
        "sv": "⚠ N=… markerar ett värde med färre än {n} svarande: det är osäkert. Stapeln är också ljusare.",
        "en": "⚠ N=… marks a value from fewer than {n} respondents: it is uncertain. Its bar is also paler."},
    "analysis.survey.value": {"fi": "Toteutunut hyvin (%)", "sv": "Förverkligats väl (%)",
                              "en": "Realised well (%)"},
    "analysis.survey.groups_title": {"fi": "Väittämät vastaajaryhmittäin, kierros {wave}",
                                     "sv": "Påståenden per svarsgrupp, omgång {wave}",
                                     "en": "Statements by respondent group, wave {wave}"},
    "analysis.survey.groups_subtitle": {
        "fi": "Koko maa: osuus vastaajista, joiden mielestä asia on toteutunut melko tai erittäin hyvin.",
        "sv": "Hela landet: andelen svarande som anser att det förverkligats ganska eller mycket väl.",
        "en": "Whole country: share of respondents rating it fairly or very well realised."},
    "analysis.survey.waves_title": {"fi": "Muutos kierrosten välillä", "sv": "Förändring mellan omgångarna",
                                    "en": "Change between waves"},
    "analysis.survey.waves_subtitle": {
        "fi": "Koko maa; jokaisella vastaajaryhmällä oma väri ja merkin muoto.",
        "sv": "Hela landet; varje svarsgrupp har egen färg och markörform.",
        "en": "Whole country; each respondent group has its own colour and marker shape."},
    "analysis.survey.national": {"fi": "Koko maa", "sv": "Hela landet", "en": "Whole country"},
    "analysis.survey.area_title": {"fi": "{area} ja koko maa, kierros {wave}",
                                   "sv": "{area} och hela landet, omgång {wave}",
                                   "en": "{area} and the whole country, wave {wave}"},
    "analysis.survey.area_subtitle": {
        "fi": "Kaikki vastanneet: alueen arvo (neliö, luku alla) ja koko maan arvo (ympyrä, luku yllä).",
        "sv": "Alla svarande: områdets värde (kvadrat, tal under) och hela landets (cirkel, tal ovan).",
        "en": "All respondents: the area's value (square, number below) and the whole country's "
              "(circle, number above)."},
    "analysis.survey.no_area_values": {
        "fi": "Alueelle ei ole tämän kierroksen tuloksia.", "sv": "Området har inga resultat för denna omgång.",
        "en": "The area has no results for this wave."},
    # maturity
    "analysis.maturity.intro": {
        "fi": "Strategisen yhteistyön kypsyys Keastin ja Mandellin (2014) jatkumolla: kahdeksan ulottuvuutta, "
              "pisteet 1–3 (yhteistyö, koordinaatio, strateginen yhteistyö ja kumppanuus).",
        "sv": "Det strategiska samarbetets mognad på Keasts och Mandells (2014) kontinuum: åtta dimensioner, "
              "poäng 1–3 (samarbete, koordinering, strategiskt samarbete och partnerskap).",
        "en": "Maturity of strategic collaboration on Keast & Mandell's (2014) continuum: eight dimensions, "
              "scores 1–3 (cooperation, coordination, strategic collaboration and partnership)."},
    "analysis.maturity.areas_assessed": {"fi": "Arvioituja alueita", "sv": "Bedömda områden",
                                         "en": "Areas assessed"},
    "analysis.maturity.national_level": {"fi": "Koko maan taso", "sv": "Hela landets nivå",
                                         "en": "National level"},
    "analysis.maturity.area_level": {"fi": "Taso: {area}", "sv": "Nivå: {area}", "en": "Level: {area}"},
    "analysis.maturity.mean_is": {"fi": "Keskiarvo {mean}", "sv": "Medelvärde {mean}", "en": "Mean {mean}"},
    "analysis.maturity.heat_title": {"fi": "Kypsyys alueittain ja ulottuvuuksittain",
                                     "sv": "Mognad per område och dimension",
                                     "en": "Maturity by area and dimension"},
    "analysis.maturity.heat_subtitle": {
        "fi": "Viimeisimmän arvion vastaajien keskiarvo (1–3); tummempi = kypsempi.",
        "sv": "Medelvärdet av de svarande i den senaste bedömningen (1–3); mörkare = mognare.",
        "en": "Mean of the respondents in the latest assessment (1–3); darker = more mature."},
    "analysis.maturity.mean": {"fi": "Keskiarvo (1–3)", "sv": "Medelvärde (1–3)", "en": "Mean score (1–3)"},
    "analysis.maturity.mean_overall": {"fi": "Kaikkien ulottuvuuksien keskiarvo (1–3)",
                                       "sv": "Medelvärde över alla dimensioner (1–3)",
                                       "en": "Mean over all dimensions (1–3)"},
    "analysis.maturity.overall": {"fi": "Kaikki", "sv": "Alla", "en": "All"},
    "analysis.maturity.dimension": {"fi": "Ulottuvuus", "sv": "Dimension", "en": "Dimension"},
    "analysis.maturity.not_assessed": {
        "fi": "Ei arvioita ({n} aluetta): {areas}.", "sv": "Inga bedömningar ({n} områden): {areas}.",
        "en": "Not assessed ({n} areas): {areas}."},
    "analysis.maturity.level_rule": {
        "fi": "Tasosääntö: keskiarvo pyöristetään lähimpään tasoon, puolikkaat ylöspäin (≥ 1,5 = koordinaatio, "
              "≥ 2,5 = strateginen yhteistyö ja kumppanuus). Koko maan arvo on alueiden keskiarvojen keskiarvo.",
        "sv": "Nivåregel: medelvärdet avrundas till närmaste nivå, halvor uppåt (≥ 1,5 = koordinering, "
              "≥ 2,5 = strategiskt samarbete och partnerskap). Hela landets värde är medeltalet av områdenas "
              "medelvärden.",
        "en": "Level rule: the mean is rounded to the nearest level, halves up (≥ 1.5 = coordination, "
              "≥ 2.5 = strategic collaboration and partnership). The national value is the mean of the areas' "
              "means."},
    "analysis.maturity.area_not_assessed": {
        "fi": "Alueelta {area} ei ole kypsyysarvioita; alla koko maan arvot.",
        "sv": "Det finns inga mognadsbedömningar för {area}; nedan hela landets värden.",
        "en": "{area} has no maturity assessments; below are the national values."},
    "analysis.maturity.profile_heading": {"fi": "Profiili ja koko maan keskiarvo",
                                          "sv": "Profil och hela landets medelvärde",
                                          "en": "Profile and the national mean"},
    "analysis.maturity.profile_title": {"fi": "{area} ja koko maan keskiarvo",
                                        "sv": "{area} och hela landets medelvärde",
                                        "en": "{area} and the national mean"},
    "analysis.maturity.profile_title_national": {"fi": "Koko maan keskiarvo ulottuvuuksittain",
                                                 "sv": "Hela landets medelvärde per dimension",
                                                 "en": "National mean by dimension"},
    "analysis.maturity.profile_subtitle": {
        "fi": "Taustan vyöhykkeet: taso, jonka keskiarvo saavuttaa.",
        "sv": "Banden i bakgrunden: den nivå medelvärdet når.",
        "en": "Background bands: the level a mean reaches."},
    "analysis.maturity.national_mean": {"fi": "Koko maan keskiarvo", "sv": "Hela landets medelvärde",
                                        "en": "National mean"},
    "analysis.maturity.change_heading": {"fi": "Muutos arvioiden välillä", "sv": "Förändring mellan bedömningarna",
                                         "en": "Change between assessments"},
    "analysis.maturity.change_title": {"fi": "Ensimmäinen ja viimeisin arvio alueittain",
                                       "sv": "Första och senaste bedömningen per område",
                                       "en": "First and latest assessment by area"},
    "analysis.maturity.change_title_area": {"fi": "{area}: ensimmäinen ja viimeisin arvio",
                                            "sv": "{area}: första och senaste bedömningen",
                                            "en": "{area}: first and latest assessment"},
    "analysis.maturity.change_subtitle": {
        "fi": "Ympyrä ja luku yllä = ensimmäinen, neliö ja luku alla = viimeisin; vain alueet, joilla on "
              "vähintään kaksi arviota.",
        "sv": "Cirkel och tal ovan = första, kvadrat och tal under = senaste; bara områden med minst två "
              "bedömningar.",
        "en": "Circle and number above = first, square and number below = latest; only areas assessed at "
              "least twice."},
    "analysis.maturity.no_change": {
        "fi": "Valinnalla ei ole kahta arviota, joita verrata.", "sv": "Urvalet har inte två bedömningar att jämföra.",
        "en": "The selection has no two assessments to compare."},
    "analysis.maturity.first": {"fi": "Ensimmäinen arvio", "sv": "Första bedömningen", "en": "First assessment"},
    "analysis.maturity.latest": {"fi": "Viimeisin arvio", "sv": "Senaste bedömningen", "en": "Latest assessment"},
    "analysis.maturity.first_mean": {"fi": "Ensimmäinen keskiarvo", "sv": "Första medelvärdet", "en": "First mean"},
    "analysis.maturity.latest_mean": {"fi": "Viimeisin keskiarvo", "sv": "Senaste medelvärdet", "en": "Latest mean"},
    "analysis.maturity.change": {"fi": "Muutos", "sv": "Förändring", "en": "Change"},
    "analysis.maturity.roles_heading": {"fi": "Kuntien ja hyvinvointialueen vastaajien erot",
                                        "sv": "Skillnader mellan kommunernas och välfärdsområdets svarande",
                                        "en": "Municipal and county respondents compared"},
    "analysis.maturity.roles_title": {"fi": "Vastaajaroolien keskiarvot: {where}",
                                      "sv": "Medelvärden per svarandens roll: {where}",
                                      "en": "Means by respondent role: {where}"},
    "analysis.maturity.roles_subtitle": {
        "fi": "Viimeisimmät arviot; ympyrä ja luku yllä = kunnan vastaajat, neliö ja luku alla = "
              "hyvinvointialueen vastaajat.",
        "sv": "Senaste bedömningarna; cirkel och tal ovan = kommunens svarande, kvadrat och tal under = "
              "välfärdsområdets svarande.",
        "en": "Latest assessments; circle and number above = municipal respondents, square and number below = "
              "county respondents."},
    "analysis.maturity.gap": {"fi": "Ero (hyvinvointialue − kunta)", "sv": "Skillnad (välfärdsområde − kommun)",
                              "en": "Gap (county − municipality)"},
    "analysis.maturity.continuum_heading": {"fi": "Kypsyysjatkumo", "sv": "Mognadskontinuumet",
                                            "en": "The maturity continuum"},
    "analysis.maturity.continuum_source": {
        "fi": "Keast & Mandell (2014): mitä kukin taso tarkoittaa kullakin ulottuvuudella.",
        "sv": "Keast & Mandell (2014): vad varje nivå betyder på varje dimension.",
        "en": "Keast & Mandell (2014): what each level means on each dimension."},
    # the continuum (DOMAIN.md), dimension × level
    "analysis.continuum.trust.1": {"fi": "Vähäinen, epävakaat suhteet", "sv": "Lågt, instabila relationer",
                                   "en": "Low, unstable relations"},
    "analysis.continuum.trust.2": {"fi": "Kohtalainen, olemassa olevissa suhteissa",
                                   "sv": "Måttligt, inom befintliga relationer",
                                   "en": "Moderate, within existing relations"},
    "analysis.continuum.trust.3": {"fi": "Korkea, pitkäaikaiset suhteet", "sv": "Högt, långvariga relationer",
                                   "en": "High, long-term relations"},
    "analysis.continuum.communication.1": {"fi": "Ei säännöllistä viestintää", "sv": "Ingen regelbunden kommunikation",
                                           "en": "No regular communication"},
    "analysis.continuum.communication.2": {"fi": "Jäsennelty", "sv": "Strukturerad", "en": "Structured"},
    "analysis.continuum.communication.3": {"fi": "Jatkuva", "sv": "Kontinuerlig", "en": "Continuous"},
    "analysis.continuum.information_sharing.1": {"fi": "Rajallinen", "sv": "Begränsad", "en": "Limited"},
    "analysis.continuum.information_sharing.2": {"fi": "Sidottu hankkeisiin", "sv": "Knuten till projekt",
                                                 "en": "Tied to projects"},
    "analysis.continuum.information_sharing.3": {"fi": "Myös hiljainen tieto jaetaan",
                                                 "sv": "Även tyst kunskap delas", "en": "Tacit knowledge shared too"},
    "analysis.continuum.goals.1": {"fi": "Kunkin toimijan omat", "sv": "Varje aktörs egna", "en": "Each actor's own"},
    "analysis.continuum.goals.2": {"fi": "Osittain omat", "sv": "Delvis egna", "en": "Partly own"},
    "analysis.continuum.goals.3": {"fi": "Yhteiset", "sv": "Gemensamma", "en": "Shared"},
    "analysis.continuum.power.1": {"fi": "Kullakin itsellään", "sv": "Behålls av var och en", "en": "Kept by each"},
    "analysis.continuum.power.2": {"fi": "Kullakin itsellään", "sv": "Behålls av var och en", "en": "Kept by each"},
    "analysis.continuum.power.3": {"fi": "Jaettu toimijoiden kesken", "sv": "Delad mellan aktörerna",
                                   "en": "Shared among actors"},
    "analysis.continuum.resources.1": {"fi": "Oman organisaation", "sv": "Den egna organisationens",
                                       "en": "Own organisation's"},
    "analysis.continuum.resources.2": {"fi": "Hankkeen", "sv": "Projektets", "en": "The project's"},
    "analysis.continuum.resources.3": {"fi": "Yhdistetyt", "sv": "Sammanslagna", "en": "Pooled"},
    "analysis.continuum.accountability.1": {"fi": "Omalle organisaatiolle", "sv": "Inför den egna organisationen",
                                            "en": "To own organisation"},
    "analysis.continuum.accountability.2": {"fi": "Omalle organisaatiolle tai hankkeelle",
                                            "sv": "Inför den egna organisationen eller projektet",
                                            "en": "To own organisation or the project"},
    "analysis.continuum.accountability.3": {"fi": "Koko verkostolle", "sv": "Inför hela nätverket",
                                            "en": "To the whole network"},
    "analysis.continuum.commitment.1": {"fi": "Lyhytaikainen", "sv": "Kortsiktigt", "en": "Short-term"},
    "analysis.continuum.commitment.2": {"fi": "Keskipitkä, sidottu hankkeeseen",
                                        "sv": "Medellångt, knutet till ett projekt",
                                        "en": "Medium, tied to a project"},
    "analysis.continuum.commitment.3": {"fi": "Pitkäaikainen", "sv": "Långsiktigt", "en": "Long-term"},
}
