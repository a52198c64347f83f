"""Texts of sign-in, roles, the editing forms, the history page and undo (fi, sv, en)."""

TEXTS: dict[str, dict[str, str]] = {
    # --- sign-in ---
    "access.sign_in": {"fi": "Kirjaudu sisään", "sv": "Logga in", "en": "Sign in"},
    "access.sign_out": {"fi": "Kirjaudu ulos", "sv": "Logga ut", "en": "Sign out"},
    "access.signed_in_as": {"fi": "Kirjautunut: {subject} ({role})", "sv": "Inloggad: {subject} ({role})",
                            "en": "Signed in: {subject} ({role})"},
    "access.dev_mode": {
        "fi": "Kehitystila: {subject} on projektin vetäjä (vain tällä koneella, 127.0.0.1).",
        "sv": "Utvecklingsläge: {subject} är projektledare (endast på denna dator, 127.0.0.1).",
        "en": "Development mode: {subject} is a project lead (this machine only, 127.0.0.1)."},
    "access.note.read_only": {
        "fi": "Vain luku: kirjautumista ei ole otettu käyttöön, joten tietoja ei voi muokata sovelluksessa.",
        "sv": "Endast läsning: inloggning är inte aktiverad, så uppgifterna kan inte redigeras i appen.",
        "en": "Read-only: sign-in is not configured, so the data cannot be edited in the app."},
    "access.note.sign_in": {
        "fi": "Kirjaudu sisään muokataksesi oman alueesi tietoja.",
        "sv": "Logga in för att redigera ditt områdes uppgifter.",
        "en": "Sign in to edit your area's records."},
    "access.note.viewer": {
        "fi": "Sinulla on lukuoikeus. Muokkausoikeuden antaa projektin vetäjä (Käyttäjät ja roolit).",
        "sv": "Du har läsrätt. Redigeringsrätt ges av en projektledare (Användare och roller).",
        "en": "You can read. A project lead grants editing rights (Users and roles)."},
    "access.note.help": {
        "fi": "Muokkaus otetaan käyttöön määrittämällä OIDC-kirjautuminen tiedostoon .streamlit/secrets.toml "
              "ja ensimmäinen projektin vetäjä ympäristömuuttujalla YHDYSPINTA_FIRST_LEAD. Ohje: docs/sign-in.md.",
        "sv": "Redigering aktiveras genom att konfigurera OIDC-inloggning i .streamlit/secrets.toml och den första "
              "projektledaren med miljövariabeln YHDYSPINTA_FIRST_LEAD. Anvisning: docs/sign-in.md.",
        "en": "Enable editing by configuring OIDC sign-in in .streamlit/secrets.toml and the first project lead "
              "with the environment variable YHDYSPINTA_FIRST_LEAD. See docs/sign-in.md."},
    # --- roles ---
    "access.role.viewer": {"fi": "Katselija", "sv": "Läsare", "en": "Viewer"},
    "access.role.area_editor": {"fi": "Alueen muokkaaja", "sv": "Områdesredaktör", "en": "Area editor"},
    "access.role.project_lead": {"fi": "Projektin vetäjä", "sv": "Projektledare", "en": "Project lead"},
    "access.role.viewer.may": {
        "fi": "Lukee kaikkia tietoja (myös kirjautumatta, jos palvelu on julkinen).",
        "sv": "Läser alla uppgifter (även utan inloggning om tjänsten är offentlig).",
        "en": "Reads everything (also without signing in when the service is public)."},
    "access.role.area_editor.may": {
        "fi": "Muokkaa omien alueidensa ja niiden kuntien tietoja.",
        "sv": "Redigerar sina egna områdens och deras kommuners uppgifter.",
        "en": "Edits the records of their own areas and those areas' municipalities."},
    "access.role.project_lead.may": {
        "fi": "Muokkaa kaikkia tietoja, tuo tiedostoja, kumoaa muutoksia ja hallitsee rooleja.",
        "sv": "Redigerar alla uppgifter, importerar filer, ångrar ändringar och hanterar roller.",
        "en": "Edits everything, imports files, undoes changes and manages roles."},
    # --- kinds and actions in the change log ---
    "access.kind.agreements": {"fi": "Sopimukset", "sv": "Avtal", "en": "Agreements"},
    "access.kind.approvals": {"fi": "Valtuustojen hyväksynnät", "sv": "Fullmäktiges godkännanden",
                              "en": "Council approvals"},
    "access.kind.structures": {"fi": "Yhteistyörakenteet", "sv": "Samarbetsstrukturer",
                               "en": "Collaboration structures"},
    "access.kind.forums": {"fi": "Foorumit", "sv": "Forum", "en": "Forums"},
    "access.kind.participation": {"fi": "Osallistuminen", "sv": "Deltagande", "en": "Participation"},
    "access.kind.survey": {"fi": "Kyselytulokset", "sv": "Enkätresultat", "en": "Survey results"},
    "access.kind.maturity": {"fi": "Kypsyysarviot", "sv": "Mognadsbedömningar", "en": "Maturity assessments"},
    "access.kind.pilots": {"fi": "Pilotit", "sv": "Piloter", "en": "Pilots"},
    "access.kind.roles": {"fi": "Roolit", "sv": "Roller", "en": "Roles"},
    "access.kind.municipalities": {"fi": "Kunnat", "sv": "Kommuner", "en": "Municipalities"},
    "access.kind.meta": {"fi": "Asetukset", "sv": "Inställningar", "en": "Settings"},
    "access.action.insert": {"fi": "lisäys", "sv": "tillägg", "en": "added"},
    "access.action.update": {"fi": "muutos", "sv": "ändring", "en": "changed"},
    "access.action.delete": {"fi": "poisto", "sv": "borttagning", "en": "removed"},
    "access.action.undo": {"fi": "kumoaminen", "sv": "ångrande", "en": "undone"},
    "access.action.denied": {"fi": "estetty", "sv": "nekad", "en": "refused"},
    # --- forms ---
    "access.form.save": {"fi": "Tallenna", "sv": "Spara", "en": "Save"},
    "access.form.saved": {"fi": "Tallennettu. Muutos näkyy muutoshistoriassa.",
                          "sv": "Sparat. Ändringen syns i ändringshistoriken.",
                          "en": "Saved. The change shows in the change history."},
    "access.form.unchanged": {"fi": "Ei muutoksia tallennettavaksi.", "sv": "Inga ändringar att spara.",
                              "en": "Nothing changed, nothing saved."},
    "access.form.conflict": {
        "fi": "Joku muu tallensi tämän tietueen sen jälkeen, kun avasit lomakkeen. Tallennustasi ei tehty, "
              "jotta hänen muutoksensa ei katoa. Lomakkeella ovat nyt tallennetut tiedot: "
              "tarkista ja tallenna uudelleen.",
        "sv": "Någon annan sparade den här posten efter att du öppnade formuläret. Din ändring sparades inte, så "
              "att deras ändring inte går förlorad. Formuläret visar nu de sparade uppgifterna: "
              "kontrollera och spara igen.",
        "en": "Someone else saved this record after you opened the form. Your change was not saved, so theirs is not "
              "lost. The form now shows the saved values: check them and save again."},
    "access.refused.viewer": {
        "fi": "katselijana et voi tallentaa tietoja", "sv": "som läsare kan du inte spara uppgifter",
        "en": "viewers cannot save data"},
    "access.refused.national": {
        "fi": "valtakunnallisia tietoja tallentavat vain projektin vetäjät",
        "sv": "nationella uppgifter sparas endast av projektledare",
        "en": "national records are saved by project leads only"},
    "access.refused.other_area": {
        "fi": "{area} ei kuulu alueisiin, joiden tietoja voit muokata",
        "sv": "{area} hör inte till de områden vars uppgifter du får redigera",
        "en": "{area} is not one of the areas whose records you may edit"},
    "access.refused.undo": {
        "fi": "vain projektin vetäjät voivat perua muutoksia", "sv": "endast projektledare kan ångra ändringar",
        "en": "only project leads may undo changes"},
    "access.form.denied": {
        "fi": "Sinulla ei ole oikeutta muokata tätä tietuetta. Yritys kirjattiin muutoshistoriaan.",
        "sv": "Du har inte rätt att redigera den här posten. Försöket loggades i ändringshistoriken.",
        "en": "You may not edit this record. The attempt was logged in the change history."},
    "access.form.not_saved": {"fi": "Ei tallennettu:", "sv": "Inte sparat:", "en": "Not saved:"},
    "access.form.invalid": {"fi": "{field}: {reason}", "sv": "{field}: {reason}", "en": "{field}: {reason}"},
    "access.form.reason.missing": {"fi": "arvo puuttuu", "sv": "värde saknas", "en": "a value is required"},
    "access.form.reason.too_long": {"fi": "enintään {max} merkkiä", "sv": "högst {max} tecken",
                                    "en": "at most {max} characters"},
    "access.form.reason.pattern": {"fi": "odotettiin osoitetta, joka alkaa https://",
                                   "sv": "förväntade en adress som börjar med https://",
                                   "en": "expected an address starting with https://"},
    "access.form.reason.range": {"fi": "odotettiin arvoa {low}–{high}", "sv": "förväntade ett värde {low}–{high}",
                                 "en": "expected a value {low}–{high}"},
    "access.form.reason.other": {"fi": "ei kelpaa ({detail})", "sv": "duger inte ({detail})",
                                 "en": "not valid ({detail})"},
    "access.form.other_area": {
        "fi": "Voit muokata vain näiden alueiden tietoja: {areas}. Valitse alue sivupalkista ({area} on valittuna).",
        "sv": "Du kan redigera endast dessa områdens uppgifter: {areas}. Välj område i sidofältet ({area} är valt).",
        "en": "You can edit only these areas' records: {areas}. Choose the area in the sidebar ({area} is chosen)."},
    "access.form.agreement.title": {"fi": "Muokkaa sopimusta", "sv": "Redigera avtal", "en": "Edit an agreement"},
    "access.form.agreement.new": {
        "fi": "Alueella ei ole vielä tämän tyyppistä sopimusta: tallentaminen lisää sen.",
        "sv": "Området har ännu inget avtal av denna typ: att spara lägger till det.",
        "en": "The area has no agreement of this kind yet: saving adds it."},
    "access.form.agreement.term": {"fi": "Sopimuskausi", "sv": "Avtalsperiod", "en": "Term"},
    "access.form.agreement.new_term": {"fi": "Uusi sopimuskausi", "sv": "Ny avtalsperiod", "en": "New term"},
    "access.form.agreement.renewal": {
        "fi": "Tallentaminen lisää uuden kauden sopimuksen aiempien rinnalle; aiemmat sopimukset ja niiden "
              "valtuustopäätökset säilyvät ennallaan.",
        "sv": "Att spara lägger till ett avtal för en ny period bredvid de tidigare; de tidigare avtalen och "
              "fullmäktiges beslut om dem förblir som de är.",
        "en": "Saving adds an agreement for a new term beside the earlier ones; they and their councils' decisions "
              "stay as they are."},
    "access.form.agreement.term_needed": {
        "fi": "Anna sopimuskauden ensimmäinen päivä.", "sv": "Ange avtalsperiodens första dag.",
        "en": "Give the first day of the agreement's term."},
    "access.form.agreement.exists": {
        "fi": "Alueella on jo tämän tyyppinen sopimus tälle kaudelle. Valitse se listasta muokataksesi sitä.",
        "sv": "Området har redan ett avtal av denna typ för perioden. Välj det i listan för att redigera det.",
        "en": "The area already has an agreement of this kind for that term. Choose it from the list to edit it."},
    "access.form.approval.title": {"fi": "Kirjaa valtuuston päätös", "sv": "Registrera fullmäktiges beslut",
                                   "en": "Record a council's decision"},
    "access.form.approval.no_agreement": {
        "fi": "Alueella {area} ei ole vielä sopimusta, jonka kunnat voisivat hyväksyä. Lisää ensin sopimus.",
        "sv": "Området {area} har ännu inget avtal som kommunerna kan godkänna. Lägg först till ett avtal.",
        "en": "{area} has no agreement for the councils to approve yet. Add the agreement first."},
    "access.form.structure.title": {"fi": "Lisää tai muokkaa yhteistyörakennetta",
                                    "sv": "Lägg till eller redigera samarbetsstruktur",
                                    "en": "Add or edit a collaboration structure"},
    "access.form.structure.which": {"fi": "Rakenne", "sv": "Struktur", "en": "Structure"},
    "access.form.structure.new": {"fi": "Uusi rakenne", "sv": "Ny struktur", "en": "New structure"},
    "access.form.structure.exists": {
        "fi": "Alueella on jo tämän niminen ja tyyppinen rakenne. Valitse se listasta muokataksesi sitä.",
        "sv": "Området har redan en struktur med detta namn och denna typ. Välj den i listan för att redigera den.",
        "en": "The area already has a structure of this kind and name. Choose it from the list to edit it."},
    "access.form.maturity.title": {"fi": "Kirjaa kypsyyden itsearvio", "sv": "Registrera en självbedömning av mognad",
                                   "en": "Enter a maturity self-assessment"},
    "access.form.maturity.intro": {
        "fi": "Yhden vastaajan arvio alueen strategisesta yhteistyöstä kahdeksalla ulottuvuudella (1 yhteistyö, "
              "2 koordinaatio, 3 strateginen yhteistyö ja kumppanuus). Vastaaja on nimetön: tallennetaan vain rooli.",
        "sv": "En svarandes bedömning av områdets strategiska samarbete på åtta dimensioner (1 samarbete, "
              "2 koordinering, 3 strategiskt samarbete och partnerskap). Svaranden är anonym: endast rollen sparas.",
        "en": "One respondent's rating of the area's strategic collaboration on eight dimensions (1 cooperation, "
              "2 coordination, 3 strategic collaboration and partnership). Anonymous: only the role is stored."},
    # --- history ---
    "access.history.intro": {
        "fi": "Kaikki tietoihin tehdyt muutokset uusimmasta alkaen: kuka, milloin, mitä, vanha ja uusi arvo. "
              "Alueen valinta sivupalkissa rajaa muutokset alueen tietoihin.",
        "sv": "Alla ändringar i uppgifterna med de senaste först: vem, när, vad, gammalt och nytt värde. "
              "Områdesvalet i sidofältet begränsar till områdets uppgifter.",
        "en": "Every change to the data, newest first: who, when, what, old and new value. "
              "The area chosen in the sidebar narrows it to that area's records."},
    "access.history.change": {"fi": "muutos (vanha → uusi)", "sv": "ändring (gammalt → nytt)",
                              "en": "change (old → new)"},
    "access.history.kind": {"fi": "tietolaji", "sv": "datatyp", "en": "kind of data"},
    "access.field.subject": {"fi": "sähköposti", "sv": "e-post", "en": "e-mail"},
    "access.field.role": {"fi": "rooli", "sv": "roll", "en": "role"},
    "access.field.area_codes": {"fi": "alueet", "sv": "områden", "en": "areas"},
    "access.history.filter_actor": {"fi": "Tekijä", "sv": "Utförare", "en": "Person"},
    "access.history.shown": {"fi": "Näytetään {shown} uusinta {n} muutoksesta.",
                             "sv": "Visar de {shown} senaste av {n} ändringar.",
                             "en": "Showing the newest {shown} of {n} changes."},
    "access.history.actors_masked": {
        "fi": "Sähköpostiosoitteista näytetään vain organisaation verkkotunnus; projektin vetäjät näkevät osoitteet.",
        "sv": "Av e-postadresser visas endast organisationens domän; projektledare ser adresserna.",
        "en": "E-mail addresses show only the organisation's domain; project leads see the addresses."},
    # --- undo ---
    "access.undo.title": {"fi": "Kumoa muutoksia", "sv": "Ångra ändringar", "en": "Undo changes"},
    "access.undo.intro": {
        "fi": "Kumoaminen palauttaa vanhat arvot ja kirjataan itsekin historiaan. Se estetään, jos tietuetta on "
              "muutettu kumottavan muutoksen jälkeen.",
        "sv": "Ångrandet återställer de gamla värdena och loggas självt i historiken. Det nekas om posten har "
              "ändrats efter ändringen som ångras.",
        "en": "Undoing restores the old values and is itself logged. It is refused if the record changed after "
              "the change being undone."},
    "access.undo.leads_only": {"fi": "Vain projektin vetäjä voi kumota muutoksia.",
                               "sv": "Endast en projektledare kan ångra ändringar.",
                               "en": "Only a project lead can undo changes."},
    "access.undo.change": {"fi": "Yksittäinen muutos", "sv": "En enskild ändring", "en": "A single change"},
    "access.undo.batch": {"fi": "Koko erä (tuonti tai tallennus)", "sv": "Ett helt parti (import eller sparande)",
                          "en": "A whole batch (an import or a save)"},
    "access.undo.choose": {"fi": "Valitse…", "sv": "Välj…", "en": "Choose…"},
    "access.undo.change_button": {"fi": "Kumoa muutos", "sv": "Ångra ändringen", "en": "Undo the change"},
    "access.undo.batch_button": {"fi": "Kumoa koko erä", "sv": "Ångra hela partiet", "en": "Undo the whole batch"},
    "access.undo.batch_label": {"fi": "{at} · {actor} · {n} muutosta · {kinds}",
                                "sv": "{at} · {actor} · {n} ändringar · {kinds}",
                                "en": "{at} · {actor} · {n} changes · {kinds}"},
    "access.undo.nothing_chosen": {"fi": "Valitse ensin kumottava muutos.", "sv": "Välj först vad som ska ångras.",
                                   "en": "Choose what to undo first."},
    "access.undo.done": {"fi": "Kumottu. Kumoaminen näkyy historiassa ja on itsekin kumottavissa.",
                         "sv": "Ångrat. Ångrandet syns i historiken och kan självt ångras.",
                         "en": "Undone. The undo shows in the history and can itself be undone."},
    "access.undo.conflict": {
        "fi": "Ei kumottu: tietuetta on muutettu sen jälkeen, joten kumoaminen hävittäisi uudemman muutoksen. "
              "Mitään ei kirjoitettu. ({detail})",
        "sv": "Inte ångrat: posten har ändrats sedan dess, så ångrandet skulle radera en senare ändring. "
              "Inget skrevs. ({detail})",
        "en": "Not undone: the record changed since, so undoing would destroy a later change. Nothing was "
              "written. ({detail})"},
    "access.undo.impossible": {"fi": "Ei voi kumota: {detail}", "sv": "Kan inte ångras: {detail}",
                               "en": "Cannot be undone: {detail}"},
    # --- admin ---
    "access.admin.intro": {
        "fi": "Roolit määräävät, kuka voi muokata mitäkin. Oikeudet tarkistetaan jokaisessa tallennuksessa.",
        "sv": "Rollerna bestämmer vem som får redigera vad. Rättigheterna kontrolleras vid varje sparande.",
        "en": "Roles decide who may edit what. Rights are checked on every write."},
    "access.admin.role": {"fi": "Rooli", "sv": "Roll", "en": "Role"},
    "access.admin.may": {"fi": "Oikeudet", "sv": "Rättigheter", "en": "May"},
    "access.admin.count": {"fi": "Henkilöitä", "sv": "Personer", "en": "People"},
    "access.admin.leads_only": {"fi": "Vain projektin vetäjä näkee ja hallitsee roolit.",
                                "sv": "Endast en projektledare ser och hanterar roller.",
                                "en": "Only a project lead sees and manages roles."},
    "access.admin.list_title": {"fi": "Roolit", "sv": "Roller", "en": "Role assignments"},
    "access.admin.first_lead": {
        "fi": "Ensimmäinen projektin vetäjä asetuksista ({env}): {subject}.",
        "sv": "Den första projektledaren från konfigurationen ({env}): {subject}.",
        "en": "First project lead from configuration ({env}): {subject}."},
    "access.admin.subject": {"fi": "Sähköpostiosoite", "sv": "E-postadress", "en": "E-mail address"},
    "access.admin.subject_help": {
        "fi": "Henkilö tunnistetaan sähköpostiosoitteesta, jonka kirjautumispalvelu ilmoittaa.",
        "sv": "Personen identifieras med den e-postadress som inloggningstjänsten uppger.",
        "en": "A person is identified by the e-mail address the sign-in provider reports."},
    "access.admin.areas": {"fi": "Alueet", "sv": "Områden", "en": "Areas"},
    "access.admin.areas_help": {"fi": "Vain alueen muokkaajalle.", "sv": "Endast för områdesredaktör.",
                                "en": "For area editors only."},
    "access.admin.areas_required": {"fi": "Valitse alueen muokkaajalle vähintään yksi alue.",
                                    "sv": "Välj minst ett område för en områdesredaktör.",
                                    "en": "Choose at least one area for an area editor."},
    "access.admin.add_title": {"fi": "Lisää tai muuta rooli", "sv": "Lägg till eller ändra roll",
                               "en": "Add or change a role"},
    "access.admin.which": {"fi": "Henkilö", "sv": "Person", "en": "Person"},
    "access.admin.new": {"fi": "Uusi henkilö", "sv": "Ny person", "en": "New person"},
    "access.admin.exists": {
        "fi": "Tällä osoitteella on jo rooli. Valitse henkilö listasta muuttaaksesi sitä.",
        "sv": "Adressen har redan en roll. Välj personen i listan för att ändra den.",
        "en": "This address already has a role. Choose the person from the list to change it."},
    "access.admin.remove_title": {"fi": "Poista rooli", "sv": "Ta bort roll", "en": "Remove a role"},
    "access.admin.remove_confirm": {"fi": "Poista henkilön {subject} rooli", "sv": "Ta bort rollen för {subject}",
                                    "en": "Remove the role of {subject}"},
    "access.admin.remove_confirm_needed": {"fi": "Vahvista poisto valintaruudulla.",
                                           "sv": "Bekräfta borttagningen med kryssrutan.",
                                           "en": "Confirm the removal with the checkbox."},
    "access.admin.remove": {"fi": "Poista", "sv": "Ta bort", "en": "Remove"},
    "access.admin.removed": {"fi": "Henkilön {subject} rooli poistettu.", "sv": "Rollen för {subject} togs bort.",
                             "en": "The role of {subject} was removed."},
    "access.admin.none": {"fi": "Rooleja ei ole vielä annettu.", "sv": "Inga roller har getts ännu.",
                          "en": "No roles have been assigned yet."},
}
