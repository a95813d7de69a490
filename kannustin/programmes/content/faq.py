"""Frequently asked questions of the programme, in the order shown. Written to hold for any round."""

from . import t

FAQ = [
    (
        t("Kuka voi hakea avustusta?", "Vem kan ansöka om understöd?", "Who can apply?"),
        t(
            "Avustusta voivat hakea kunnat. Kohteen 2 ensimmäisessä vaiheessa myös kuntayhtymät, maakuntien "
            "liitot, yritykset ja yhdistykset voivat ilmoittautua mukaan yhteishankkeisiin, mutta avustusta "
            "myönnetään kuntien hankkeille.",
            "Kommuner kan ansöka om understöd. I det första steget av punkt 2 kan även samkommuner, "
            "landskapsförbund, företag och föreningar anmäla sitt intresse av att delta i samprojekt, men "
            "understöd beviljas för kommunernas projekt.",
            "Municipalities may apply. In the first stage of track 2, joint municipal authorities, regional "
            "councils, companies and associations may also register interest in joint projects, but grants are "
            "given to municipalities' projects.",
        ),
    ),
    (
        t(
            "Voivatko useat kunnat hakea yhdessä?",
            "Kan flera kommuner ansöka tillsammans?",
            "Can several municipalities apply together?",
        ),
        t(
            "Kyllä. Kohteessa 1 kunta voi hakea yksin tai yhdessä muiden kanssa. Kohteen 2 yhteishankkeissa on "
            "aina useita kuntia, ja yksi kunta tai kuntayhtymä toimii hankehallinnoijana: se ottaa avustuksen "
            "vastaan ja siirtää sen muille toteuttajille niiden kanssa tehdyn sopimuksen mukaisesti.",
            "Ja. I punkt 1 kan en kommun ansöka ensam eller tillsammans med andra. Samprojekten i punkt 2 har "
            "alltid flera kommuner, och en kommun eller samkommun är projektadministratör: den tar emot understödet "
            "och överför det till de andra genomförarna enligt ett avtal med dem.",
            "Yes. In track 1 a municipality may apply alone or with others. Joint projects in track 2 always "
            "have several municipalities, and one municipality or joint municipal authority is the project "
            "administrator: it receives the grant and passes it on to the other implementers under an agreement "
            "with them.",
        ),
    ),
    (
        t(
            "Kuinka suuren osan kustannuksista avustus kattaa?",
            "Hur stor del av kostnaderna täcker understödet?",
            "How much of the costs does the grant cover?",
        ),
        t(
            "Avustus on enintään 85 prosenttia hankkeen hyväksyttävistä kustannuksista, joten kunnan "
            "omarahoitusosuus on vähintään 15 prosenttia. Arvonlisävero ei ole hyväksyttävä kustannus, joten "
            "laske kustannusarvio ilman arvonlisäveroa.",
            "Understödet uppgår till högst 85 procent av projektets godtagbara kostnader, så kommunens "
            "självfinansieringsandel är minst 15 procent. Mervärdesskatt är inte en godtagbar kostnad, så gör "
            "upp kostnadskalkylen utan mervärdesskatt.",
            "The grant is at most 85 per cent of the project's eligible costs, so the municipality's own "
            "financing share is at least 15 per cent. VAT is not an eligible cost, so draw up the budget "
            "without VAT.",
        ),
    ),
    (
        t(
            "Mitkä kustannukset ovat hyväksyttäviä?",
            "Vilka kostnader är godtagbara?",
            "Which costs are eligible?",
        ),
        t(
            "Hyväksyttäviä ovat hankkeesta aiheutuvat kustannukset: henkilöstö- ja matkakustannukset, "
            "toimitilavuokrat, ostetut tutkimukset ja palvelut, asiantuntijapalkkiot ja lisenssit. Haun "
            "kustannuslajit ja niiden ohjeet näet hakulomakkeella.",
            "Godtagbara är kostnader som orsakas av projektet: personal- och resekostnader, hyror för lokaler, "
            "köpta undersökningar och tjänster, expertarvoden och licenser. Utlysningens kostnadsslag och "
            "anvisningarna för dem ser du i ansökningsblanketten.",
            "Eligible costs are those arising from the project: personnel and travel costs, premises rents, "
            "purchased research and services, expert fees and licences. The call's cost categories and their "
            "guidance are shown on the application form.",
        ),
    ),
    (
        t(
            "Mihin mennessä hakemus on lähetettävä?",
            "När ska ansökan skickas in?",
            "When must the application be submitted?",
        ),
        t(
            "Hakuaika päättyy haussa ilmoitettuna päivänä klo 16.15 Suomen aikaa. Määräaika on kaikille sama: "
            "myöhässä saapuneita hakemuksia ei käsitellä, eikä määräajan jälkeen oteta vastaan lisäaineistoa "
            "muuten kuin ministeriön täydennyspyynnöstä. Lähetä hakemus hyvissä ajoin.",
            "Ansökningstiden går ut den dag som anges i utlysningen kl. 16.15 finsk tid. Tidsfristen är "
            "densamma för alla: ansökningar som kommer in för sent behandlas inte, och efter tidsfristen tas "
            "inget tilläggsmaterial emot annat än på ministeriets begäran om komplettering. Skicka in ansökan i "
            "god tid.",
            "The call closes on the day given in the call at 16:15 Finnish time. The deadline is the same for "
            "everyone: late applications are not considered, and no further material is accepted after the "
            "deadline unless the ministry requests a completion. Submit in good time.",
        ),
    ),
    (
        t(
            "Vaikuttaako kypsyysarvio avustuksen suuruuteen?",
            "Påverkar bedömningen av mognadsgraden understödets storlek?",
            "Does the maturity self-assessment affect the grant?",
        ),
        t(
            "Ei. Kypsyysarvio tehdään ennen hakemista uudistettavasta palveluprosessista, jotta nykytila ja "
            "tavoiteltu muutos hahmottuvat. Kypsyystaso ei vaikuta avustuksen suuruuteen.",
            "Nej. Bedömningen av mognadsgraden görs före ansökan för den serviceprocess som ska förnyas, så att "
            "nuläget och den eftersträvade förändringen blir tydliga. Mognadsgraden påverkar inte understödets "
            "storlek.",
            "No. The self-assessment is made before applying, for the service process to be renewed, so that "
            "the current state and the change sought are clear. The maturity level does not affect the size of "
            "the grant.",
        ),
    ),
    (
        t("Miten hakemukset arvioidaan?", "Hur bedöms ansökningarna?", "How are applications assessed?"),
        t(
            "Arvioijat pisteyttävät hakemukset haun kriteereillä asteikolla 0–5. Hankkeen yhteiskunnallista ja "
            "taloudellista vaikuttavuutta (G1) ja yleistä merkitystä kuntien kannalta (G2) painotetaan "
            "erityisesti. Esteellinen arvioija ei osallistu hakemuksen käsittelyyn.",
            "Bedömarna poängsätter ansökningarna enligt utlysningens kriterier på skalan 0–5. Projektets "
            "samhälleliga och ekonomiska genomslagskraft (G1) och allmänna betydelse för kommunerna (G2) väger "
            "särskilt tungt. En jävig bedömare deltar inte i behandlingen av ansökan.",
            "Reviewers score applications on the call's criteria on a scale of 0–5. The project's societal and "
            "economic impact (G1) and its general significance for municipalities (G2) are weighed especially. "
            "A disqualified reviewer takes no part in handling the application.",
        ),
    ),
    (
        t(
            "Ovatko hakemukset julkisia?",
            "Är ansökningarna offentliga?",
            "Are applications public?",
        ),
        t(
            "Viranomaiselle lähetetyt hakemukset ovat pääsääntöisesti julkisia. Voit merkitä hakemuksesta ja "
            "liitteistä salassa pidettäviksi ne kohdat, jotka sisältävät liikesalaisuuksia tai muita salassa "
            "pidettäviä tietoja, ja perustella merkinnän. Merkityt kohdat jätetään pois julkisista näkymistä ja "
            "aineistoista.",
            "Ansökningar som har skickats in till en myndighet är i regel offentliga. Du kan märka de delar av ansökan "
            "och bilagorna som innehåller affärshemligheter eller andra sekretessbelagda uppgifter som "
            "sekretessbelagda och motivera märkningen. De märkta delarna lämnas bort ur offentliga vyer och "
            "material.",
            "Applications given to an authority are as a rule public. You can mark the parts of the application "
            "and attachments that contain business secrets or other confidential information as confidential, "
            "giving the reason. Marked parts are left out of public views and exports.",
        ),
    ),
    (
        t(
            "Millä kielellä päätös annetaan?",
            "På vilket språk ges beslutet?",
            "In which language is the decision given?",
        ),
        t(
            "Päätös annetaan hakijan kielellä, suomeksi tai ruotsiksi. Palvelua voi käyttää suomeksi, ruotsiksi "
            "ja englanniksi.",
            "Beslutet ges på sökandens språk, finska eller svenska. Tjänsten kan användas på finska, svenska och "
            "engelska.",
            "The decision is given in the applicant's language, Finnish or Swedish. The service can be used in "
            "Finnish, Swedish and English.",
        ),
    ),
    (
        t(
            "Mitä teen, jos olen eri mieltä päätöksestä?",
            "Vad gör jag om jag inte är nöjd med beslutet?",
            "What if we disagree with the decision?",
        ),
        t(
            "Päätökseen ei saa hakea muutosta suoraan valittamalla. Voit tehdä ministeriölle "
            "oikaisuvaatimuksen 30 päivän kuluessa päätöksen tiedoksisaannista. Oikaisuvaatimukseen annettuun "
            "päätökseen voi hakea muutosta valittamalla hallinto-oikeuteen.",
            "Ändring i beslutet får inte sökas direkt genom besvär. Du kan lämna en omprövningsbegäran till "
            "ministeriet inom 30 dagar från delfåendet av beslutet. Ändring i beslutet med anledning av "
            "omprövningsbegäran får sökas genom besvär hos förvaltningsdomstolen.",
            "The decision cannot be appealed directly. You can make a request for rectification to the ministry "
            "within 30 days of being notified of the decision. The decision on that request can be appealed to "
            "the administrative court.",
        ),
    ),
    (
        t(
            "Miten avustus maksetaan ja mitä siitä raportoidaan?",
            "Hur betalas understödet ut och vad ska rapporteras?",
            "How is the grant paid, and what must be reported?",
        ),
        t(
            "Avustus maksetaan hakemuksesta toteutuneiden kustannusten perusteella, yleensä useassa erässä. "
            "Avustuksen saaja raportoi hankkeen etenemisestä ja avustuksen käytöstä päätöksessä mainittuina "
            "määräaikoina. Käyttämätön tai ehtojen vastaisesti käytetty avustus on palautettava, ja se voidaan "
            "periä takaisin.",
            "Understödet betalas ut på ansökan utifrån förverkligade kostnader, i regel i flera poster. "
            "Understödstagaren rapporterar om projektets framsteg och användningen av understödet inom de "
            "tidsfrister som anges i beslutet. Understöd som inte använts eller som använts i strid med villkoren "
            "ska betalas tillbaka och kan återkrävas.",
            "The grant is paid on request against costs actually incurred, usually in several instalments. The "
            "recipient reports on the project's progress and the use of the grant by the deadlines given in the "
            "decision. Unused grant, or grant used against its terms, must be returned and may be recovered.",
        ),
    ),
]
