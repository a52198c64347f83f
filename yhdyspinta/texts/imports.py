"""Texts of imports (messages about a file, its rows and cells) and of the upload page."""

TEXTS: dict[str, dict[str, str]] = {
    # --- the file as a whole ----------------------------------------------------------------
    "import.empty": {"fi": "Tiedosto {file} on tyhjä.", "sv": "Filen {file} är tom.",
                     "en": "File {file} is empty."},
    "import.no_rows": {
        "fi": "Tiedostossa {file} on otsikkorivi mutta ei yhtään tietoriviä; tuotavaa ei ole.",
        "sv": "Filen {file} har en rubrikrad men inga datarader; inget att importera.",
        "en": "File {file} has a header row but no data rows; nothing to import."},
    "import.too_large": {
        "fi": "Tiedosto {file} on liian suuri ({size}); raja on {limit}. Jaa tiedosto osiin.",
        "sv": "Filen {file} är för stor ({size}); gränsen är {limit}. Dela upp filen.",
        "en": "File {file} is too large ({size}); the limit is {limit}. Split the file."},
    "import.too_many_rows": {
        "fi": "Tiedostossa {file} on yli {limit} riviä, mikä on enimmäismäärä. Jaa tiedosto osiin.",
        "sv": "Filen {file} har fler än {limit} rader, vilket är maximum. Dela upp filen.",
        "en": "File {file} has more than {limit} rows, which is the limit. Split the file."},
    "import.too_many_cells": {
        "fi": "Tiedostossa {file} on yli {limit} solua, mikä on enimmäismäärä (myös tyhjät solut rivin "
              "viimeiseen arvoon asti ja tyhjät rivit lasketaan). Jaa tiedosto osiin tai poista sarakkeet, "
              "joita se ei tarvitse.",
        "sv": "Filen {file} har fler än {limit} celler, vilket är maximum (tomma celler fram till radens "
              "sista värde och tomma rader räknas också). Dela upp filen eller ta bort kolumner som den "
              "inte behöver.",
        "en": "File {file} has more than {limit} cells, which is the limit (empty cells before a row's last "
              "value and empty rows count too). Split the file or remove the columns it does not need."},
    "import.too_large_unpacked": {
        "fi": "Työkirja {file} purkautuu yli {limit}:n kokoiseksi, mikä on enimmäismäärä. Jaa tiedosto "
              "osiin tai tallenna se CSV-muodossa.",
        "sv": "Arbetsboken {file} packas upp till mer än {limit}, vilket är maximum. Dela upp filen eller "
              "spara den som CSV.",
        "en": "Workbook {file} unpacks to more than {limit}, which is the limit. Split the file or save it "
              "as CSV."},
    "import.too_many_strings": {
        "fi": "Työkirjassa {file} on yli {limit} eri tekstiä (jaetut merkkijonot), mikä on enimmäismäärä. "
              "Jaa tiedosto osiin tai tallenna se CSV-muodossa.",
        "sv": "Arbetsboken {file} har fler än {limit} olika texter (delade strängar), vilket är maximum. "
              "Dela upp filen eller spara den som CSV.",
        "en": "Workbook {file} has more than {limit} different texts (shared strings), which is the limit. "
              "Split the file or save it as CSV."},
    "import.too_complex": {
        "fi": "Työkirja {file} on liian monimutkainen luettavaksi: sen osassa {part} on yli {limit} "
              "XML-elementtiä, mikä on enimmäismäärä. Tallenna se CSV-muodossa tai kopioi tiedot uuteen "
              "työkirjaan.",
        "sv": "Arbetsboken {file} är för komplex att läsa: dess del {part} har fler än {limit} "
              "XML-element, vilket är maximum. Spara den som CSV eller kopiera uppgifterna till en ny "
              "arbetsbok.",
        "en": "Workbook {file} is too complex to read: its part {part} has more than {limit} XML elements, "
              "which is the limit. Save it as CSV, or copy the data into a new workbook."},
    "import.too_many_parts": {
        "fi": "Työkirja {file} koostuu yli {limit} osasta, mikä on enimmäismäärä. Tallenna se CSV-muodossa "
              "tai kopioi tiedot uuteen työkirjaan.",
        "sv": "Arbetsboken {file} består av fler än {limit} delar, vilket är maximum. Spara den som CSV "
              "eller kopiera uppgifterna till en ny arbetsbok.",
        "en": "Workbook {file} consists of more than {limit} parts, which is the limit. Save it as CSV, or "
              "copy the data into a new workbook."},
    "import.old_excel": {
        "fi": "Tiedosto {file} on vanhaa Excel-muotoa (.xls). Tallenna se Excelissä muodossa .xlsx "
              "tai CSV ja tuo uudelleen.",
        "sv": "Filen {file} är i det gamla Excel-formatet (.xls). Spara den i Excel som .xlsx eller "
              "CSV och importera igen.",
        "en": "File {file} is in the old Excel format (.xls). Save it in Excel as .xlsx or CSV and "
              "import it again."},
    "import.not_xlsx": {
        "fi": "Tiedostoa {file} ei voi lukea Excel-työkirjana (.xlsx): se on vioittunut tai jotain "
              "muuta. Tallenna se uudelleen muodossa .xlsx tai CSV.",
        "sv": "Filen {file} kan inte läsas som en Excel-arbetsbok (.xlsx): den är skadad eller något "
              "annat. Spara den på nytt som .xlsx eller CSV.",
        "en": "File {file} cannot be read as an Excel workbook (.xlsx): it is damaged or something "
              "else. Save it again as .xlsx or CSV."},
    "import.dtd": {
        "fi": "Työkirjan {file} osassa {part} on dokumenttityypin määrittely (DTD). Excel ei koskaan "
              "kirjoita sellaista, ja sen avulla lukija voisi hakea tai laventaa muuta sisältöä, joten "
              "tiedosto hylätään. Tallenna se uudelleen Excelissä .xlsx- tai CSV-muodossa.",
        "sv": "Arbetsboken {file} innehåller en dokumenttypsdeklaration (DTD) i sin del {part}. Excel "
              "skriver aldrig en sådan, och den kunde få läsaren att hämta eller expandera annat innehåll, "
              "så filen avvisas. Spara den på nytt i Excel som .xlsx eller som CSV.",
        "en": "Workbook {file} contains a document type declaration (DTD) in its part {part}. Excel never "
              "writes one, and it could make the reader fetch or expand other content, so the file is "
              "refused. Save it again in Excel as .xlsx, or as CSV."},
    "import.no_sheet": {
        "fi": "Työkirjassa {file} ei ole välilehteä {sheet}; välilehdet: {sheets}.",
        "sv": "Arbetsboken {file} har inget blad {sheet}; bladen: {sheets}.",
        "en": "Workbook {file} has no sheet {sheet}; its sheets: {sheets}."},
    "import.binary": {
        "fi": "Tiedosto {file} ei ole taulukko: siinä on binäärisisältöä. Tuo CSV- tai .xlsx-tiedosto.",
        "sv": "Filen {file} är ingen tabell: den har binärt innehåll. Importera en CSV- eller .xlsx-fil.",
        "en": "File {file} is not a table: it has binary content. Import a CSV or .xlsx file."},
    "import.encoding": {
        "fi": "Tiedoston {file} merkistöä ei tunnistettu. Tallenna se muodossa UTF-8 (CSV UTF-8).",
        "sv": "Teckenkodningen i filen {file} kändes inte igen. Spara den som UTF-8 (CSV UTF-8).",
        "en": "The text encoding of file {file} was not recognised. Save it as UTF-8 (CSV UTF-8)."},
    "import.mixed_encoding": {
        "fi": "Tiedostossa {file} on sekaisin UTF-8- ja Windows-1252-merkistöä, joten ääkköset "
              "menisivät rikki. Tallenna se kokonaan muodossa UTF-8 (CSV UTF-8).",
        "sv": "Filen {file} blandar teckenkodningarna UTF-8 och Windows-1252, så å, ä och ö skulle "
              "förvanskas. Spara hela filen som UTF-8 (CSV UTF-8).",
        "en": "File {file} mixes the UTF-8 and Windows-1252 encodings, so letters such as ä and ö "
              "would be garbled. Save the whole file as UTF-8 (CSV UTF-8)."},
    "import.csv_error": {
        "fi": "Tiedoston {file} rivi {line} ei ole kelvollista CSV:tä (esim. pariton lainausmerkki "
              "tai liian pitkä solu).",
        "sv": "Rad {line} i filen {file} är inte giltig CSV (t.ex. ett udda citattecken eller en för "
              "lång cell).",
        "en": "Line {line} of file {file} is not valid CSV (e.g. an unmatched quote or an overlong "
              "cell)."},
    "import.unclosed_quote": {
        "fi": "Tiedoston {file} rivillä {row} alkaa lainausmerkki (\"), jota ei suljeta, joten sen jälkeiset "
              "rivit luettaisiin yhteen soluun. Sulje lainausmerkki tai poista se.",
        "sv": "Rad {row} i filen {file} öppnar ett citattecken (\") som aldrig stängs, så raderna efter den "
              "skulle läsas in i en cell. Stäng citattecknet eller ta bort det.",
        "en": "Row {row} of file {file} opens a quote (\") that is never closed, so the rows after it would "
              "be read into one cell. Close the quote or remove it."},
    "import.not_writable": {
        "fi": "Tietolajia {kind} ei voi tuoda: se on viitetieto tai loki.",
        "sv": "Datatypen {kind} kan inte importeras: den är referensdata eller logg.",
        "en": "Kind {kind} cannot be imported: it is reference data or a log."},
    "import.bad_option": {
        "fi": "Valinta {column}: arvo {value} ei kelpaa: {reason}",
        "sv": "Valet {column}: värdet {value} duger inte: {reason}",
        "en": "Option {column}: value {value} is not valid: {reason}"},
    # --- columns --------------------------------------------------------------------------
    "import.missing_column": {
        "fi": "Pakollinen sarake {column} puuttuu tiedostosta {file}.",
        "sv": "Obligatorisk kolumn {column} saknas i filen {file}.",
        "en": "Required column {column} is missing from {file}."},
    "import.columns_found": {
        "fi": "Tiedoston sarakkeet: {found}. Tuonti lukee sarakkeet: {expected}.",
        "sv": "Filens kolumner: {found}. Importen läser kolumnerna: {expected}.",
        "en": "The file's columns: {found}. The import reads the columns: {expected}."},
    "import.other_sheets": {
        "fi": "Luettiin välilehti {sheet}; työkirjassa on myös: {sheets}. Valitse oikea välilehti "
              "(komentorivillä --sheet NIMI).",
        "sv": "Bladet {sheet} lästes; arbetsboken har också: {sheets}. Välj rätt blad "
              "(på kommandoraden --sheet NAMN).",
        "en": "Sheet {sheet} was read; the workbook also has: {sheets}. Choose the right sheet "
              "(on the command line --sheet NAME)."},
    "import.unknown_column": {
        "fi": "Tuntematon sarake {column} ohitettiin.",
        "sv": "Okänd kolumn {column} ignorerades.",
        "en": "Unknown column {column} was ignored."},
    "import.duplicate_column": {
        "fi": "Sarake {column} ohitettiin: sarake {first} antaa jo saman tiedon.",
        "sv": "Kolumnen {column} ignorerades: kolumnen {first} ger redan samma uppgift.",
        "en": "Column {column} was ignored: column {first} already gives the same data."},
    # --- rows and cells ----------------------------------------------------------------------
    "import.invalid": {
        "fi": "rivi {row}, sarake {column}: arvo {value} ei kelpaa: {reason}",
        "sv": "rad {row}, kolumn {column}: värdet {value} duger inte: {reason}",
        "en": "row {row}, column {column}: value {value} is not valid: {reason}"},
    "import.invalid_row": {
        "fi": "rivi {row}: {reason}", "sv": "rad {row}: {reason}", "en": "row {row}: {reason}"},
    "import.control_character": {
        "fi": "rivi {row}, sarake {column}: solussa on ohjausmerkki {char}, joka ei kuulu taulukkoon; "
              "poista se ja tuo tiedosto uudelleen.",
        "sv": "rad {row}, kolumn {column}: cellen innehåller styrtecknet {char}, som inte hör hemma i en "
              "tabell; ta bort det och importera filen igen.",
        "en": "row {row}, column {column}: the cell contains the control character {char}, which has no "
              "place in a table; remove it and import the file again."},
    "import.missing_value": {
        "fi": "rivi {row}, sarake {column}: pakollinen arvo puuttuu",
        "sv": "rad {row}, kolumn {column}: ett obligatoriskt värde saknas",
        "en": "row {row}, column {column}: a required value is missing"},
    "import.extra_cells": {
        "fi": "rivi {row}: rivillä on {cells} solua mutta otsikkorivillä {columns} saraketta "
              "(ylimääräinen arvo {value}); onko arvossa erotinmerkki, esim. desimaalipilkku "
              "pilkuilla erotetussa tiedostossa?",
        "sv": "rad {row}: raden har {cells} celler men rubrikraden {columns} kolumner (extra värde "
              "{value}); finns avgränsaren i ett värde, t.ex. decimalkomma i en kommaseparerad fil?",
        "en": "row {row}: the row has {cells} cells but the header row {columns} columns (extra "
              "value {value}); is the separator inside a value, e.g. a decimal comma in a "
              "comma-separated file?"},
    "import.duplicate": {
        "fi": "rivi {row}: sama avain {key} kuin rivillä {first}",
        "sv": "rad {row}: samma nyckel {key} som på rad {first}",
        "en": "row {row}: same key {key} as row {first}"},
    "import.missing_reference": {
        "fi": "rivi {row}, sarake {column}: arvo {value}: {reason}",
        "sv": "rad {row}, kolumn {column}: värdet {value}: {reason}",
        "en": "row {row}, column {column}: value {value}: {reason}"},
    "import.too_many_problems": {
        "fi": "Ongelmia on yli {limit}; loput jätettiin luettelematta.",
        "sv": "Det finns fler än {limit} problem; resten listades inte.",
        "en": "There are more than {limit} problems; the rest were not listed."},
    "import.merged_municipality": {
        "fi": "rivi {row}: {name} on yhdistynyt kuntaan {successor}; tieto kirjataan sille",
        "sv": "rad {row}: {name} har gått samman med {successor}; uppgiften förs dit",
        "en": "row {row}: {name} has merged into {successor}; recorded for it"},
    "import.org_unmatched_row": {
        "fi": "rivi {row}: organisaatiota {value} ei tunnistettu kunnaksi eikä hyvinvointialueeksi; "
              "se kirjataan muuksi organisaatioksi",
        "sv": "rad {row}: organisationen {value} kändes inte igen som kommun eller välfärdsområde; "
              "den förs in som annan organisation",
        "en": "row {row}: organisation {value} was not recognised as a municipality or a county; "
              "it is recorded as another organisation"},
    # --- attendance lists -----------------------------------------------------------------------
    "import.attendance_no_date": {
        "fi": "Osallistujalistassa {file} ei ole päivämääräsaraketta: anna foorumin päivämäärä "
              "(komentorivillä --forum-date 15.12.2023).",
        "sv": "Deltagarlistan {file} har ingen datumkolumn: ange forumets datum "
              "(på kommandoraden --forum-date 15.12.2023).",
        "en": "Attendance list {file} has no date column: give the forum's date "
              "(on the command line --forum-date 15.12.2023)."},
    "import.org_unmatched": {
        "fi": "Organisaatiota {value} ei tunnistettu kunnaksi eikä hyvinvointialueeksi (osallistujia "
              "{count}); se kirjataan muuksi organisaatioksi.",
        "sv": "Organisationen {value} kändes inte igen som kommun eller välfärdsområde (deltagare: "
              "{count}); den förs in som annan organisation.",
        "en": "Organisation {value} was not recognised as a municipality or a county (participants: "
              "{count}); it is recorded as another organisation."},
    "import.attendance_no_organisation": {
        "fi": "Rivejä ilman organisaatiota (tai joissa sen tilalla on sähköpostiosoite) ei laskettu "
              "({count}): rivit {rows}.",
        "sv": "Rader utan organisation (eller med en e-postadress i stället) räknades inte ({count}): "
              "rader {rows}.",
        "en": "Rows without an organisation (or with an e-mail address instead) were not counted ({count}): "
              "rows {rows}."},
    "import.attendance_repeats": {
        "fi": "Jo lasketun henkilön toistuvia rivejä ({count}) ei laskettu uudelleen; kukin henkilö "
              "lasketaan kerran.",
        "sv": "Upprepade rader för en person som redan räknats ({count}) räknades inte igen; varje "
              "person räknas en gång.",
        "en": "Repeated rows of a person already counted ({count}) were not counted again; each "
              "person counts once."},
    "import.attendance_summary": {
        "fi": "Osallistujalista: {people} henkilöä, {organisations} organisaatiota (sarake "
              "{org_column}). Vain määrät organisaatioittain tallennetaan; nimiä ja "
              "sähköpostiosoitteita ei tallenneta eikä kirjata lokiin.",
        "sv": "Deltagarlista: {people} personer, {organisations} organisationer (kolumnen "
              "{org_column}). Endast antal per organisation sparas; namn och e-postadresser sparas "
              "inte och loggas inte.",
        "en": "Attendance list: {people} people, {organisations} organisations (column {org_column}). "
              "Only counts per organisation are stored; names and e-mail addresses are neither "
              "stored nor logged."},
    # --- what was expected of a value --------------------------------------------------------
    "import.reason.unknown_area": {
        "fi": "tuntematon alue; odotettiin alueen koodia 1–21 tai 90 tai alueen nimeä",
        "sv": "okänt område; förväntade områdets kod 1–21 eller 90 eller dess namn",
        "en": "unknown area; expected an area code 1–21 or 90 or an area's name"},
    "import.reason.unknown_area_code": {
        "fi": "tuntematon aluekoodi {code}; odotettiin 1–21 tai 90",
        "sv": "okänd områdeskod {code}; förväntade 1–21 eller 90",
        "en": "unknown area code {code}; expected 1–21 or 90"},
    "import.reason.area_out_of_scope": {
        "fi": "Ahvenanmaa ei ole uudistuksen piirissä; odotettiin alueen koodia 1–21 tai 90",
        "sv": "Åland omfattas inte av reformen; förväntade områdets kod 1–21 eller 90",
        "en": "Åland is outside the reform; expected an area code 1–21 or 90"},
    "import.reason.unknown_municipality": {
        "fi": "tuntematon kunta; odotettiin kuntakoodia (esim. 091) tai kunnan nimeä suomeksi tai ruotsiksi",
        "sv": "okänd kommun; förväntade kommunkod (t.ex. 091) eller kommunens namn på finska eller svenska",
        "en": "unknown municipality; expected a municipality code (e.g. 091) or its name in Finnish "
              "or Swedish"},
    "import.reason.bad_date": {
        "fi": "odotettiin päivämäärää muodossa 15.12.2023 tai 2023-12-15",
        "sv": "förväntade ett datum som 15.12.2023 eller 2023-12-15",
        "en": "expected a date such as 15.12.2023 or 2023-12-15"},
    "import.reason.no_such_month": {
        "fi": "kuukauden pitää olla 1–12", "sv": "månaden ska vara 1–12", "en": "month must be in 1..12"},
    "import.reason.no_such_day": {
        "fi": "kuukaudessa ei ole näin monta päivää", "sv": "månaden har inte så många dagar",
        "en": "day is out of range for month"},
    "import.reason.date_out_of_range": {
        "fi": "odotettiin päivämäärää vuosilta {low}–{high}",
        "sv": "förväntade ett datum mellan åren {low} och {high}",
        "en": "expected a date in the years {low}–{high}"},
    "import.reason.not_integer": {
        "fi": "odotettiin kokonaislukua", "sv": "förväntade ett heltal", "en": "expected a whole number"},
    "import.reason.not_number": {
        "fi": "odotettiin lukua (desimaalipilkku tai -piste)",
        "sv": "förväntade ett tal (decimalkomma eller -punkt)",
        "en": "expected a number (decimal comma or point)"},
    "import.reason.out_of_range": {
        "fi": "odotettiin arvoa väliltä {low}–{high}", "sv": "förväntade ett värde mellan {low} och {high}",
        "en": "expected a value from {low} to {high}"},
    "import.reason.not_in_list": {
        "fi": "odotettiin yhtä seuraavista: {options}", "sv": "förväntade ett av följande: {options}",
        "en": "expected one of {options}"},
    "import.reason.unknown_theme": {
        "fi": "tuntematon teema {theme}; odotettiin teemakoodeja, esim. {options}",
        "sv": "okänt tema {theme}; förväntade temakoder, t.ex. {options}",
        "en": "unknown theme {theme}; expected theme codes such as {options}"},
    "import.reason.too_long": {
        "fi": "liian pitkä ({length} merkkiä); enintään {max} merkkiä",
        "sv": "för lång ({length} tecken); högst {max} tecken",
        "en": "too long ({length} characters); at most {max} characters"},
    "import.reason.bad_url": {
        "fi": "odotettiin verkko-osoitetta, joka alkaa https://",
        "sv": "förväntade en webbadress som börjar med https://",
        "en": "expected a web address starting with https://"},
    "import.reason.missing": {
        "fi": "pakollinen arvo puuttuu", "sv": "ett obligatoriskt värde saknas",
        "en": "a required value is missing"},
    "import.reason.pattern": {
        "fi": "arvo ei ole odotetun muotoinen", "sv": "värdet har inte den förväntade formen",
        "en": "the value does not have the expected form"},
    "import.reason.other": {
        "fi": "virheellinen arvo ({detail})", "sv": "ogiltigt värde ({detail})",
        "en": "invalid value ({detail})"},
    "import.reason.no_forum": {
        "fi": "foorumia ei ole pidetty {date}; lisää foorumi ensin (tietolaji forums)",
        "sv": "inget forum hölls {date}; lägg först till forumet (datatypen forums)",
        "en": "no forum was held on {date}; add the forum first (kind forums)"},
    "import.reason.no_agreement": {
        "fi": "alueella {area} ei ole sopimusta tyyppiä {kind}; lisää sopimus ensin (tietolaji agreements)",
        "sv": "området {area} har inget avtal av typen {kind}; lägg först till avtalet (datatypen agreements)",
        "en": "area {area} has no agreement of kind {kind}; add the agreement first (kind agreements)"},
    "import.reason.no_agreement_term": {
        "fi": "alueella {area} ei ole sopimusta tyyppiä {kind} kaudelle, joka alkaa {date}; lisää sopimus ensin "
              "(tietolaji agreements) tai jätä kauden alku tyhjäksi, jolloin tieto koskee alueen uusinta sopimusta",
        "sv": "området {area} har inget avtal av typen {kind} för perioden som börjar {date}; lägg först till "
              "avtalet (datatypen agreements) eller lämna periodens början tom, så gäller uppgiften områdets "
              "senaste avtal",
        "en": "area {area} has no agreement of kind {kind} for the term starting {date}; add the agreement first "
              "(kind agreements) or leave the term start empty to mean the area's latest agreement"},
    "import.reason.term_needed": {
        "fi": "alueella {area} on jo sopimus tyyppiä {kind} kausille, jotka alkavat {terms}; anna sopimuskauden "
              "alku: olemassa olevan kauden alku päivittää sen sopimuksen, uusi päivä lisää uuden kauden sopimuksen",
        "sv": "området {area} har redan avtal av typen {kind} för perioder som börjar {terms}; ange när "
              "avtalsperioden börjar: en befintlig periods början uppdaterar det avtalet, ett nytt datum lägger "
              "till ett avtal för en ny period",
        "en": "area {area} already has agreements of kind {kind} for the terms starting {terms}; give the term "
              "start: an existing term's start updates that agreement, a new date adds an agreement for a new term"},
    # --- summaries and tables ---------------------------------------------------------------
    "import.summary": {
        "fi": "{kind}: {added} uutta, {changed} muuttunutta, {unchanged} ennallaan",
        "sv": "{kind}: {added} nya, {changed} ändrade, {unchanged} oförändrade",
        "en": "{kind}: {added} added, {changed} changed, {unchanged} unchanged"},
    "import.dry_run": {"fi": "Koekäyttö (--dry-run): mitään ei tallennettu.",
                       "sv": "Provkörning (--dry-run): inget sparades.",
                       "en": "Dry run (--dry-run): nothing was written."},
    "import.written": {"fi": "Tallennettu yhtenä tapahtumana (erä {batch}).",
                       "sv": "Sparat i en transaktion (parti {batch}).",
                       "en": "Written in one transaction (batch {batch})."},
    "import.nothing_to_write": {"fi": "Tiedosto vastaa jo tallennettuja tietoja; mitään ei tallennettu.",
                                "sv": "Filen motsvarar redan de sparade uppgifterna; inget sparades.",
                                "en": "The file already matches the stored data; nothing was written."},
    "import.more": {"fi": "… ja {n} muuta", "sv": "… och {n} till", "en": "… and {n} more"},
    "import.or": {"fi": "tai", "sv": "eller", "en": "or"},
    "import.yes": {"fi": "kyllä", "sv": "ja", "en": "yes"},
    "import.no": {"fi": "ei", "sv": "nej", "en": "no"},
    "import.col.row": {"fi": "rivi", "sv": "rad", "en": "row"},
    "import.col.column": {"fi": "sarake", "sv": "kolumn", "en": "column"},
    "import.col.value": {"fi": "arvo", "sv": "värde", "en": "value"},
    "import.col.message": {"fi": "viesti", "sv": "meddelande", "en": "message"},
    "import.col.record": {"fi": "tietue", "sv": "post", "en": "record"},
    "import.col.old": {"fi": "vanha arvo", "sv": "gammalt värde", "en": "old value"},
    "import.col.new": {"fi": "uusi arvo", "sv": "nytt värde", "en": "new value"},
    "import.col.also": {"fi": "myös", "sv": "även", "en": "also"},
    "import.col.required": {"fi": "pakollinen", "sv": "obligatorisk", "en": "required"},
    "import.col.accepts": {"fi": "arvot", "sv": "värden", "en": "values"},
    "import.accepts.area": {"fi": "alueen koodi tai nimi", "sv": "områdets kod eller namn",
                            "en": "area code or name"},
    "import.accepts.municipality": {"fi": "kuntakoodi tai kunnan nimi", "sv": "kommunkod eller kommunens namn",
                                    "en": "municipality code or name"},
    "import.accepts.date": {"fi": "15.12.2023 tai 2023-12-15", "sv": "15.12.2023 eller 2023-12-15",
                            "en": "15.12.2023 or 2023-12-15"},
    "import.accepts.int": {"fi": "kokonaisluku", "sv": "heltal", "en": "whole number"},
    "import.accepts.float": {"fi": "luku", "sv": "tal", "en": "number"},
    "import.accepts.enum": {"fi": "koodi", "sv": "kod", "en": "code"},
    "import.accepts.area_list": {"fi": "alueiden koodit tai nimet puolipisteellä eroteltuna",
                                 "sv": "områdenas koder eller namn åtskilda med semikolon",
                                 "en": "area codes or names separated by semicolons"},
    "import.accepts.themes": {"fi": "teemakoodit puolipisteellä eroteltuna",
                              "sv": "temakoder åtskilda med semikolon",
                              "en": "theme codes separated by semicolons"},
    "import.accepts.url": {"fi": "https://…", "sv": "https://…", "en": "https://…"},
    "import.accepts.text": {"fi": "teksti", "sv": "text", "en": "text"},
    # --- the upload page ----------------------------------------------------------------------
    "upload.intro": {
        "fi": "Tuo tiedot Excel- (.xlsx) tai CSV-tiedostosta. Koko tiedosto tarkistetaan ennen "
              "tallennusta; näet ensin, mitä muuttuisi, ja tallennus tapahtuu vasta, kun vahvistat sen.",
        "sv": "Importera uppgifter från en Excel- (.xlsx) eller CSV-fil. Hela filen kontrolleras före "
              "sparandet; du ser först vad som skulle ändras, och inget sparas förrän du bekräftar.",
        "en": "Import data from an Excel (.xlsx) or CSV file. The whole file is checked before "
              "anything is saved; you first see what would change, and nothing is saved until you confirm."},
    "upload.kind": {"fi": "Tietolaji", "sv": "Datatyp", "en": "Kind of data"},
    "upload.kind.approvals": {"fi": "Valtuustojen hyväksynnät", "sv": "Fullmäktiges godkännanden",
                              "en": "Council approvals"},
    "upload.file": {"fi": "Tiedosto (.xlsx tai .csv, enintään {limit} Mt)",
                    "sv": "Fil (.xlsx eller .csv, högst {limit} MB)",
                    "en": "File (.xlsx or .csv, at most {limit} MB)"},
    "upload.sheet": {"fi": "Välilehti", "sv": "Blad", "en": "Sheet"},
    "upload.forum_date": {
        "fi": "Foorumin päivämäärä (osallistujalistalle, jossa ei ole päivämääräsaraketta)",
        "sv": "Forumets datum (för en deltagarlista utan datumkolumn)",
        "en": "Forum date (for an attendance list without a date column)"},
    "upload.template": {"fi": "Lataa tuontipohja (.xlsx)", "sv": "Ladda ner importmallen (.xlsx)",
                        "en": "Download the import template (.xlsx)"},
    "upload.columns": {"fi": "Sarakkeet, jotka tuonti lukee", "sv": "Kolumner som importen läser",
                       "en": "Columns the import reads"},
    "upload.sign_in_needed": {
        "fi": "Tuominen vaatii kirjautumisen alueen muokkaajana tai projektin vetäjänä; ennen sitä "
              "sivu ei ota tiedostoja vastaan. Tuontipohja ja sarakkeiden kuvaus näyttävät, millainen "
              "tiedoston pitää olla.",
        "sv": "För att importera måste du logga in som områdets redaktör eller projektledare; innan "
              "dess tar sidan inte emot filer. Importmallen och kolumnbeskrivningen visar hur filen ska "
              "se ut.",
        "en": "Importing requires signing in as an area editor or a project lead; before that the page "
              "takes no files. The import template and the columns show what a file should look like."},
    "upload.refused": {
        "fi": "Et voi tuoda tätä tietolajia: {reason}. Tiedostoja luetaan vain niille, jotka voivat "
              "tallentaa ne.",
        "sv": "Du kan inte importera den här datatypen: {reason}. Filer läses bara för den som får "
              "spara dem.",
        "en": "You cannot import this kind of data: {reason}. Files are read only for those who may "
              "save them."},
    "upload.not_allowed": {
        "fi": "Sinulla ei ole oikeutta tallentaa näitä rivejä: {reason}",
        "sv": "Du har inte rätt att spara de här raderna: {reason}",
        "en": "You may not save these rows: {reason}"},
    "upload.problems": {
        "fi": "Ongelmia tiedostossa: {n}. Mitään ei tallenneta; korjaa tiedosto ja tuo se uudelleen.",
        "sv": "Problem i filen: {n}. Inget sparas; rätta filen och importera den igen.",
        "en": "Problems in the file: {n}. Nothing is saved; fix the file and import it again."},
    "upload.warnings": {"fi": "Huomautukset", "sv": "Anmärkningar", "en": "Notes"},
    "upload.preview": {"fi": "Mitä tallennus muuttaisi", "sv": "Vad sparandet skulle ändra",
                       "en": "What saving would change"},
    "upload.added": {"fi": "Uusia", "sv": "Nya", "en": "Added"},
    "upload.changed": {"fi": "Muuttuvia", "sv": "Ändrade", "en": "Changed"},
    "upload.unchanged": {"fi": "Ennallaan", "sv": "Oförändrade", "en": "Unchanged"},
    "upload.added_rows": {"fi": "Uudet rivit", "sv": "Nya rader", "en": "Rows added"},
    "upload.changed_rows": {"fi": "Muuttuvat arvot (vanha → uusi)", "sv": "Ändrade värden (gammalt → nytt)",
                            "en": "Changed values (old → new)"},
    "upload.nothing_to_do": {
        "fi": "Tiedosto vastaa jo tallennettuja tietoja; tallennettavaa ei ole.",
        "sv": "Filen motsvarar redan de sparade uppgifterna; inget att spara.",
        "en": "The file already matches the stored data; there is nothing to save."},
    "upload.confirm": {"fi": "Vahvista ja tallenna", "sv": "Bekräfta och spara", "en": "Confirm and save"},
    "upload.saved": {
        "fi": "Tallennettu: {added} uutta, {changed} muuttunutta (erä {batch}). Muutokset näkyvät "
              "muutoshistoriassa, josta projektin vetäjä voi tarvittaessa perua koko tuonnin.",
        "sv": "Sparat: {added} nya, {changed} ändrade (parti {batch}). Ändringarna syns i "
              "ändringshistoriken, där en projektledare vid behov kan ångra hela importen.",
        "en": "Saved: {added} added, {changed} changed (batch {batch}). The changes show in the "
              "change history, where a project lead can undo the whole import if needed."},
    "upload.stale": {
        "fi": "Tiedot muuttuivat esikatselun jälkeen. Tarkista uusi esikatselu ja vahvista uudelleen.",
        "sv": "Uppgifterna ändrades efter förhandsvisningen. Granska den nya förhandsvisningen och "
              "bekräfta igen.",
        "en": "The data changed after the preview. Check the new preview and confirm again."},
}
