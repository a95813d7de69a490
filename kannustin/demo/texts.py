"""Text material for the demo's applications, in Finnish and Swedish.

Placeholders (str.format): {name} the municipality, {region}, {pop} inhabitants, {staff} employees,
{invoices} purchase invoices a year, {reports} reports made by hand a month, {hours} working hours a month,
{pct} a percentage, {points} percentage points, {area} a service area (Finnish: inessive, "varhaiskasvatuksessa"; Swedish: "inom …"),
{months} the project's length, {partners} the co-applicants. The municipality's name is only ever used
in the nominative (Finnish), so that no inflection can go wrong.
"""

# Finnish genitives of the regions (by region code), for "… maakunnassa".
REGION_GENITIVE_FI = {
    "01": "Uudenmaan", "02": "Varsinais-Suomen", "04": "Satakunnan", "05": "Kanta-Hämeen", "06": "Pirkanmaan",
    "07": "Päijät-Hämeen", "08": "Kymenlaakson", "09": "Etelä-Karjalan", "10": "Etelä-Savon",
    "11": "Pohjois-Savon", "12": "Pohjois-Karjalan", "13": "Keski-Suomen", "14": "Etelä-Pohjanmaan",
    "15": "Pohjanmaan", "16": "Keski-Pohjanmaan", "17": "Pohjois-Pohjanmaan", "18": "Kainuun", "19": "Lapin",
    "21": "Ahvenanmaan",
}  # fmt: skip

# Service areas a project may focus on: (Finnish inessive, Swedish phrase).
AREAS = [
    ("varhaiskasvatuksessa", "inom småbarnspedagogiken"),
    ("perusopetuksessa", "inom den grundläggande utbildningen"),
    ("sivistystoimessa", "inom bildningsväsendet"),
    ("teknisessä toimessa", "inom den tekniska sektorn"),
    ("hallinto- ja talouspalveluissa", "inom förvaltnings- och ekonomiservicen"),
    ("kuntakonsernissa", "i kommunkoncernen"),
    ("liikunta- ja kulttuuripalveluissa", "inom idrotts- och kulturtjänsterna"),
    ("ruokapalveluissa", "inom kostservicen"),
    ("tilapalveluissa", "inom lokalservicen"),
    ("koko kunnan toiminnassa", "i hela kommunens verksamhet"),
]

# Each topic: title cores, the service process renewed, summary, goals, topic-specific sentences for some
# criteria (by criterion code), indicators (name, baseline, target, follow-up) and budget line descriptions.
TOPICS = [
    {
        "key": "finance_automation",
        "fi": {
            "titles": [
                "Taloushallinnon prosessien automatisointi",
                "Ostolaskujen käsittely automaattiseksi",
                "Tapahtumatason automaatio taloushallintoon",
                "Talouden rutiinit automaatiolle",
            ],
            "process": "Ostolaskujen vastaanotto, tarkastus, hyväksyntä ja kirjanpitoon vienti sekä kuukausittainen "
            "kirjanpidon täsmäytys. Kunta käsittelee vuosittain noin {invoices} ostolaskua, ja suuri osa "
            "tiliöinnistä ja täsmäytyksestä tehdään nyt käsin.",
            "summary": "{name} automatisoi taloushallinnon toistuvat tehtävät yhteisesti määritellyn tiedon "
            "pohjalta: ostolaskujen tiliöinti, täsmäytykset ja kuukausiraportit syntyvät jatkossa "
            "tapahtumatasolta ilman käsityötä. Hankkeessa kuvataan nykyiset prosessit, yhtenäistetään "
            "tietomääritykset ja otetaan käyttöön automaattiset tarkistukset.",
            "goals": "Hankkeen päättyessä ostolaskuista vähintään {pct} % käsitellään ilman manuaalista "
            "tiliöintiä, kuukausikatkot valmistuvat viidessä työpäivässä ja talouden toteumatieto on "
            "johdon käytössä viikoittain. Prosessikuvaukset ja tietomääritykset on dokumentoitu niin, että "
            "muut kunnat voivat hyödyntää niitä.",
            "G1": "Automaatio vapauttaa arviolta {hours} työtuntia kuukaudessa rutiinitehtävistä analyysiin ja "
            "palvelujen kehittämiseen, ja virheiden korjaamiseen kuluva aika vähenee selvästi.",
            "C1": "Kun kirjaukset syntyvät tapahtumatasolta yhtenäisin määrityksin, toteumatieto on ajantasaista "
            "ja ennusteet voidaan päivittää kuukausittain eikä vain osavuosikatsauksissa.",
            "C2": "Toimittajille maksetaan ajallaan, ja palvelujen esihenkilöt saavat talouden tiedon "
            "nopeammin, jolloin resurssit voidaan kohdentaa asukkaiden tarpeisiin oikea-aikaisesti.",
            "C3": "Ostolaskun keskimääräinen käsittelyaika lyhenee noin kahdestatoista päivästä neljään, ja "
            "kuukausikatko nopeutuu kymmenestä työpäivästä viiteen.",
            "C4": "Hankkeessa kuvataan nykyprosessit, määritellään tiliöintisäännöt ja tarkistukset, "
            "pilotoidaan automaatio kahdella tulosyksiköllä ja laajennetaan se koko organisaatioon.",
            "indicators": [
                (
                    "Automaattisesti tiliöityjen ostolaskujen osuus",
                    "alle 10 %",
                    "{pct} %",
                    "Taloushallinnon järjestelmän raportti kuukausittain",
                ),
                (
                    "Ostolaskun käsittelyaika (pv)",
                    "12 päivää",
                    "4 päivää",
                    "Järjestelmän aikaleimoista laskettu mediaani neljännesvuosittain",
                ),
                ("Kuukausikatkon kesto (työpäivää)", "10", "5", "Talouspalvelujen seuranta kuukausittain"),
            ],
        },
        "sv": {
            "titles": [
                "Automatisering av ekonomiförvaltningens processer",
                "Automatisk hantering av inköpsfakturor",
                "Automatisering på transaktionsnivå i ekonomiförvaltningen",
                "Ekonomins rutiner till automation",
            ],
            "process": "Mottagning, granskning, godkännande och bokföring av inköpsfakturor samt den månatliga "
            "avstämningen av bokföringen. Kommunen hanterar cirka {invoices} inköpsfakturor om året, och en "
            "stor del av konteringen och avstämningen görs för hand.",
            "summary": "{name} automatiserar ekonomiförvaltningens återkommande uppgifter utgående från "
            "gemensamt definierade uppgifter: konteringen av inköpsfakturor, avstämningar och "
            "månadsrapporter uppstår i fortsättningen på transaktionsnivå utan handarbete. I projektet "
            "beskrivs processerna, datadefinitionerna förenhetligas och automatiska kontroller tas i bruk.",
            "goals": "När projektet avslutas hanteras minst {pct} % av inköpsfakturorna utan manuell kontering, "
            "månadsbrytningen är klar på fem arbetsdagar och utfallet av ekonomin finns tillgängligt för "
            "ledningen varje vecka. Processbeskrivningarna och datadefinitionerna är dokumenterade så att "
            "andra kommuner kan använda dem.",
            "G1": "Automationen frigör uppskattningsvis {hours} arbetstimmar i månaden från rutinuppgifter till "
            "analys och utveckling av tjänsterna, och tiden som går åt till att rätta fel minskar tydligt.",
            "C1": "När bokföringen uppstår på transaktionsnivå med enhetliga definitioner är utfallet aktuellt och "
            "prognoserna kan uppdateras varje månad och inte bara i delårsrapporterna.",
            "C2": "Leverantörerna får betalt i tid, och förmännen inom tjänsterna får uppgifterna om ekonomin "
            "snabbare, så att resurserna kan riktas till invånarnas behov i rätt tid.",
            "C3": "Den genomsnittliga hanteringstiden för en inköpsfaktura förkortas från cirka tolv dagar till "
            "fyra, och månadsbrytningen från tio arbetsdagar till fem.",
            "C4": "I projektet beskrivs nuvarande processer, konteringsregler och kontroller definieras, "
            "automationen pilottestas i två resultatenheter och utvidgas sedan till hela organisationen.",
            "indicators": [
                (
                    "Andel automatiskt konterade inköpsfakturor",
                    "under 10 %",
                    "{pct} %",
                    "Rapport ur ekonomisystemet varje månad",
                ),
                (
                    "Hanteringstid för en inköpsfaktura (dagar)",
                    "12 dagar",
                    "4 dagar",
                    "Median beräknad ur systemets tidsstämplar varje kvartal",
                ),
                (
                    "Månadsbrytningens längd (arbetsdagar)",
                    "10",
                    "5",
                    "Ekonomiservicens uppföljning varje månad",
                ),
            ],
        },
    },
    {
        "key": "cost_accounting",
        "fi": {
            "titles": [
                "Palvelukohtainen kustannuslaskenta",
                "Palvelujen kustannukset näkyviksi",
                "Kustannuslaskennan uudistus",
                "Suoritehinnoittelu ja kustannuslaskenta",
            ],
            "process": "Palvelujen kustannusten ja suoritteiden laskenta {area}: tällä hetkellä kustannukset "
            "kohdistetaan palveluille kerran vuodessa taulukkolaskennalla, eikä yksikkökustannuksia voida "
            "verrata luotettavasti muihin kuntiin.",
            "summary": "{name} ottaa käyttöön palvelukohtaisen kustannuslaskennan, jossa kustannukset ja "
            "suoritteet kohdistetaan palveluille yhteisin periaattein kuukausittain. Yksikkökustannukset "
            "saadaan vertailukelpoisiksi muiden kuntien kanssa ja päätöksenteon tueksi.",
            "goals": "Tavoitteena on, että kaikkien pääpalvelujen yksikkökustannukset lasketaan kuukausittain "
            "yhteisten määritysten mukaan ja että talousarvion valmistelussa käytetään palvelujen "
            "todellisia kustannuksia. Kustannuslaskennan mallit julkaistaan muiden kuntien käyttöön.",
            "G1": "Kun palvelujen todelliset kustannukset tunnetaan, resursseja voidaan kohdentaa vaikuttavimpiin "
            "palveluihin ja tehottomat toimintatavat tunnistetaan ajoissa.",
            "C1": "Johto ja luottamushenkilöt saavat palvelukohtaiset kustannukset ja suoritteet samasta "
            "lähteestä, mikä tekee vaihtoehtojen vertailusta ja vaikutusten arvioinnista mahdollista.",
            "C2": "Palvelutasosta ja palveluverkosta voidaan päättää tiedon pohjalta, ja asukkaille voidaan "
            "kertoa avoimesti, mitä palvelut maksavat.",
            "C3": "Yksikkökustannukset lasketaan nykyisen kerran vuodessa sijaan kuukausittain, ja "
            "kustannuslaskennan käsityö vähenee noin {hours} tunnilla kuukaudessa.",
            "C4": "Hankkeessa sovitaan kohdistusperiaatteet, liitetään suoritetiedot järjestelmistä, rakennetaan "
            "laskentamalli ja koulutetaan palvelujen vastuuhenkilöt käyttämään sitä.",
            "indicators": [
                (
                    "Palvelut, joiden yksikkökustannus lasketaan kuukausittain",
                    "0",
                    "kaikki pääpalvelut",
                    "Controller-toiminnon seuranta neljännesvuosittain",
                ),
                (
                    "Kustannuslaskentaan käytetty työaika (h/kk)",
                    "{hours} h",
                    "alle 20 h",
                    "Työajanseuranta puolivuosittain",
                ),
                (
                    "Talousarvion perusteluissa käytetyt palvelukohtaiset kustannukset",
                    "ei käytössä",
                    "käytössä kaikilla toimialoilla",
                    "Talousarvioprosessin arviointi vuosittain",
                ),
            ],
        },
        "sv": {
            "titles": [
                "Tjänstespecifik kostnadsberäkning",
                "Tjänsternas kostnader synliga",
                "Förnyad kostnadsberäkning",
                "Prestationsprissättning och kostnadsberäkning",
            ],
            "process": "Beräkningen av tjänsternas kostnader och prestationer {area}: i dag fördelas kostnaderna "
            "på tjänsterna en gång om året i kalkylprogram, och styckkostnaderna kan inte jämföras "
            "tillförlitligt med andra kommuner.",
            "summary": "{name} inför en tjänstespecifik kostnadsberäkning där kostnader och prestationer "
            "fördelas på tjänsterna enligt gemensamma principer varje månad. Styckkostnaderna blir "
            "jämförbara med andra kommuners och stöder beslutsfattandet.",
            "goals": "Målet är att styckkostnaderna för alla huvudtjänster beräknas varje månad enligt gemensamma "
            "definitioner och att tjänsternas verkliga kostnader används när budgeten bereds. "
            "Beräkningsmodellerna publiceras för andra kommuner.",
            "G1": "När tjänsternas verkliga kostnader är kända kan resurserna riktas till de mest verkningsfulla "
            "tjänsterna och ineffektiva verksamhetssätt upptäckas i tid.",
            "C1": "Ledningen och förtroendevalda får tjänsternas kostnader och prestationer ur samma källa, vilket "
            "gör det möjligt att jämföra alternativ och bedöma konsekvenser.",
            "C2": "Servicenivån och servicenätet kan avgöras på basis av information, och invånarna kan få veta "
            "öppet vad tjänsterna kostar.",
            "C3": "Styckkostnaderna beräknas varje månad i stället för en gång om året, och handarbetet med "
            "kostnadsberäkningen minskar med cirka {hours} timmar i månaden.",
            "C4": "I projektet kommer man överens om fördelningsprinciperna, kopplar prestationsuppgifterna från "
            "systemen, bygger en beräkningsmodell och utbildar tjänsternas ansvarspersoner i att använda den.",
            "indicators": [
                (
                    "Tjänster vars styckkostnad beräknas varje månad",
                    "0",
                    "alla huvudtjänster",
                    "Controllerfunktionens uppföljning varje kvartal",
                ),
                (
                    "Arbetstid för kostnadsberäkningen (h/mån)",
                    "{hours} h",
                    "under 20 h",
                    "Arbetstidsuppföljning varje halvår",
                ),
                (
                    "Tjänstespecifika kostnader i budgetens motiveringar",
                    "används inte",
                    "används i alla sektorer",
                    "Utvärdering av budgetprocessen varje år",
                ),
            ],
        },
    },
    {
        "key": "reporting",
        "fi": {
            "titles": [
                "Johdon tilannekuva reaaliaikaiseksi",
                "Talouden ja toiminnan raportoinnin uudistus",
                "Sisäisen ja ulkoisen raportoinnin automatisointi",
                "Yhteinen raportointialusta ja johdon näkymät",
            ],
            "process": "Talouden ja toiminnan kuukausiraportointi johdolle, lautakunnille ja valtuustolle sekä "
            "ulkoinen raportointi viranomaisille. Raportit kootaan nyt käsin useista järjestelmistä; "
            "joka kuukausi tehdään noin {reports} raporttia.",
            "summary": "{name} rakentaa yhteisen raportointialustan, joka kokoaa talouden, henkilöstön ja "
            "toiminnan tiedot johdon näkymiksi ja automatisoi sisäisen ja ulkoisen raportoinnin. Raportit "
            "päivittyvät automaattisesti, ja luvut ovat kaikille samat.",
            "goals": "Hankkeen päättyessä johdolla ja lautakunnilla on käytössään ajantasaiset näkymät "
            "talouteen ja toimintaan, kuukausiraportit syntyvät automaattisesti ja ulkoinen raportointi "
            "tehdään suoraan yhteisistä tiedoista.",
            "G1": "Raporttien kokoamiseen kuluu nyt noin {hours} työtuntia kuukaudessa; automaation jälkeen aika "
            "käytetään tiedon tulkintaan ja toiminnan ohjaukseen.",
            "C1": "Kun talouden, henkilöstön ja toiminnan tiedot ovat samassa näkymässä, poikkeamat huomataan "
            "viikkoja aiemmin ja korjaavat päätökset voidaan tehdä ajoissa.",
            "C2": "Palvelujen esihenkilöt näkevät oman yksikkönsä tilanteen päivittäin, mikä auttaa mitoittamaan "
            "henkilöstön ja palvelut asukkaiden kysynnän mukaan.",
            "C3": "Käsin koottavien raporttien määrä vähenee {reports} raportista alle viiteen kuukaudessa, ja "
            "talouden toteuma on johdon käytössä viiden päivän kuluessa kuukauden päättymisestä.",
            "C4": "Hankkeessa määritellään yhteiset tunnusluvut, liitetään lähdejärjestelmät alustaan, "
            "toteutetaan johdon näkymät käyttäjien kanssa ja poistetaan päällekkäiset raportit.",
            "indicators": [
                (
                    "Käsin koottavat raportit kuukaudessa",
                    "{reports}",
                    "alle 5",
                    "Raporttiluettelon läpikäynti neljännesvuosittain",
                ),
                (
                    "Johdon näkymien aktiiviset käyttäjät",
                    "0",
                    "kaikki esihenkilöt",
                    "Alustan käyttötilastot kuukausittain",
                ),
                (
                    "Kuukausiraportin valmistumisaika (pv kuun päättymisestä)",
                    "15",
                    "5",
                    "Talouspalvelujen seuranta kuukausittain",
                ),
            ],
        },
        "sv": {
            "titles": [
                "Realtidslägesbild för ledningen",
                "Förnyad rapportering av ekonomi och verksamhet",
                "Automatiserad intern och extern rapportering",
                "Gemensam rapporteringsplattform och ledningens vyer",
            ],
            "process": "Den månatliga rapporteringen av ekonomi och verksamhet till ledningen, nämnderna och "
            "fullmäktige samt den externa rapporteringen till myndigheter. Rapporterna sammanställs nu för "
            "hand ur flera system; varje månad görs cirka {reports} rapporter.",
            "summary": "{name} bygger en gemensam rapporteringsplattform som samlar uppgifterna om ekonomi, "
            "personal och verksamhet i vyer för ledningen och automatiserar den interna och externa "
            "rapporteringen. Rapporterna uppdateras automatiskt, och siffrorna är desamma för alla.",
            "goals": "När projektet avslutas har ledningen och nämnderna aktuella vyer över ekonomi och "
            "verksamhet, månadsrapporterna uppstår automatiskt och den externa rapporteringen görs direkt ur "
            "gemensamma uppgifter.",
            "G1": "Att sammanställa rapporter tar i dag cirka {hours} arbetstimmar i månaden; efter "
            "automatiseringen används tiden till att tolka informationen och styra verksamheten.",
            "C1": "När uppgifterna om ekonomi, personal och verksamhet finns i samma vy upptäcks avvikelser veckor "
            "tidigare och korrigerande beslut kan fattas i tid.",
            "C2": "Förmännen inom tjänsterna ser läget i sin enhet varje dag, vilket hjälper att dimensionera "
            "personalen och tjänsterna efter invånarnas efterfrågan.",
            "C3": "Antalet rapporter som sammanställs för hand minskar från {reports} till under fem i månaden, "
            "och ekonomins utfall finns hos ledningen inom fem dagar från månadens slut.",
            "C4": "I projektet definieras gemensamma nyckeltal, källsystemen kopplas till plattformen, ledningens "
            "vyer byggs tillsammans med användarna och överlappande rapporter slopas.",
            "indicators": [
                (
                    "Rapporter som sammanställs för hand per månad",
                    "{reports}",
                    "under 5",
                    "Genomgång av rapportförteckningen varje kvartal",
                ),
                (
                    "Aktiva användare av ledningens vyer",
                    "0",
                    "alla förmän",
                    "Plattformens användningsstatistik varje månad",
                ),
                (
                    "Månadsrapportens färdigställande (dagar efter månadens slut)",
                    "15",
                    "5",
                    "Ekonomiservicens uppföljning varje månad",
                ),
            ],
        },
    },
    {
        "key": "data_warehouse",
        "fi": {
            "titles": [
                "Kunnan tietovarasto ja tietoalusta",
                "Yhteinen tietoalusta tiedolla johtamiseen",
                "Tietovaraston rakentaminen ja tietojen yhdistäminen",
                "Tietoaltaasta johtamisen työkaluksi",
            ],
            "process": "Tietojen kokoaminen talouden, henkilöstön ja palvelujen järjestelmistä analyyseja ja "
            "päätöksentekoa varten. Tiedot haetaan nyt erikseen jokaisesta järjestelmästä, eikä niitä voida "
            "yhdistää luotettavasti.",
            "summary": "{name} rakentaa tietovaraston, johon talouden, henkilöstön ja palvelujen tiedot "
            "kootaan yhteisin määrityksin. Tietovarasto on tiedolla johtamisen perusta: analyysit, "
            "raportit ja ennusteet tehdään samasta, laadultaan tunnetusta tiedosta.",
            "goals": "Hankkeen päättyessä vähintään kahdeksan keskeisen järjestelmän tiedot päivittyvät "
            "tietovarastoon automaattisesti, tietomääritykset on kuvattu ja julkaistu ja tietovaraston "
            "päälle on toteutettu ensimmäiset analyysit.",
            "G1": "Kun tiedot ovat yhdessä paikassa, analyysien tekemiseen kuluva aika lyhenee viikoista päiviin ja "
            "päällekkäinen tiedonkeruu loppuu.",
            "C1": "Tietovaraston avulla voidaan yhdistää esimerkiksi palvelujen käyttö, kustannukset ja henkilöstö, "
            "ja ennakoida palvelutarpeen muutoksia väestöennusteen perusteella.",
            "C2": "Palveluja voidaan suunnitella asukkaiden todellisen käytön perusteella, ja palveluverkkoa "
            "koskevat päätökset perustuvat yhdistettyyn tietoon.",
            "C3": "Tavoitteena on, että tiedonhakuun käytetty aika vähenee noin {hours} tunnilla kuukaudessa ja "
            "että kaikki johdon tunnusluvut lasketaan tietovarastosta.",
            "C4": "Hankkeessa valitaan ja otetaan käyttöön tietovarastoratkaisu, kuvataan tietomallit, "
            "rakennetaan tiedonsiirrot ja koulutetaan tiedon käyttäjät.",
            "indicators": [
                (
                    "Tietovarastoon automaattisesti päivittyvät lähdejärjestelmät",
                    "0",
                    "vähintään 8",
                    "Tietovaraston ylläpitoraportti neljännesvuosittain",
                ),
                (
                    "Tietovarastosta lasketut johdon tunnusluvut",
                    "0 %",
                    "100 %",
                    "Tunnuslukuluettelon tarkistus puolivuosittain",
                ),
                (
                    "Tiedonhakuun käytetty työaika (h/kk)",
                    "{hours} h",
                    "alle 30 h",
                    "Kysely tiedon käyttäjille hankkeen alussa ja lopussa",
                ),
            ],
        },
        "sv": {
            "titles": [
                "Kommunens datalager och dataplattform",
                "Gemensam dataplattform för ledning genom information",
                "Datalager och sammanförande av uppgifter",
                "Från datasjö till ledningsverktyg",
            ],
            "process": "Sammanställningen av uppgifter ur systemen för ekonomi, personal och tjänster för analys "
            "och beslutsfattande. Uppgifterna hämtas nu separat ur varje system och kan inte kombineras "
            "tillförlitligt.",
            "summary": "{name} bygger ett datalager där uppgifterna om ekonomi, personal och tjänster samlas "
            "med gemensamma definitioner. Datalagret är grunden för ledningen genom information: analyser, "
            "rapporter och prognoser görs ur samma uppgifter med känd kvalitet.",
            "goals": "När projektet avslutas uppdateras uppgifterna ur minst åtta centrala system automatiskt i "
            "datalagret, datadefinitionerna är beskrivna och publicerade och de första analyserna är byggda "
            "på datalagret.",
            "G1": "När uppgifterna finns på ett ställe förkortas tiden för analyser från veckor till dagar och den "
            "överlappande datainsamlingen upphör.",
            "C1": "Med datalagret kan till exempel användningen av tjänsterna, kostnaderna och personalen "
            "kombineras, och förändringar i servicebehovet förutses utgående från befolkningsprognosen.",
            "C2": "Tjänsterna kan planeras utgående från invånarnas verkliga användning, och besluten om "
            "servicenätet grundar sig på kombinerade uppgifter.",
            "C3": "Målet är att tiden för att söka uppgifter minskar med cirka {hours} timmar i månaden och att "
            "alla ledningens nyckeltal beräknas ur datalagret.",
            "C4": "I projektet väljs och införs en datalagerlösning, datamodellerna beskrivs, dataöverföringarna "
            "byggs och användarna av uppgifterna utbildas.",
            "indicators": [
                (
                    "Källsystem som uppdateras automatiskt i datalagret",
                    "0",
                    "minst 8",
                    "Datalagrets underhållsrapport varje kvartal",
                ),
                (
                    "Ledningens nyckeltal som beräknas ur datalagret",
                    "0 %",
                    "100 %",
                    "Granskning av nyckeltalsförteckningen varje halvår",
                ),
                (
                    "Arbetstid för att söka uppgifter (h/mån)",
                    "{hours} h",
                    "under 30 h",
                    "Enkät till användarna i början och slutet av projektet",
                ),
            ],
        },
    },
    {
        "key": "hr_data",
        "fi": {
            "titles": [
                "Henkilöstötiedon hyödyntäminen johtamisessa",
                "Henkilöstöjohtamisen tilannekuva",
                "Työvoiman suunnittelu tiedon avulla",
                "Henkilöstöraportoinnin automatisointi",
            ],
            "process": "Henkilöstösuunnittelu ja henkilöstöraportointi {area}: sijaisten tarve, sairauspoissaolot, "
            "työaika ja henkilöstökustannukset seurataan nyt erillisistä järjestelmistä käsin koottuina "
            "taulukoina. Kunnassa työskentelee noin {staff} henkilöä.",
            "summary": "{name} kokoaa henkilöstötiedot (vakanssit, työajat, poissaolot, osaaminen ja kustannukset) "
            "yhteiseen näkymään esihenkilöiden ja johdon käyttöön. Tiedon avulla ennakoidaan sijaistarvetta, "
            "tuetaan työhyvinvointia ja suunnitellaan työvoimaa.",
            "goals": "Tavoitteena on, että jokainen esihenkilö näkee yksikkönsä henkilöstötiedot ajantasaisina, "
            "sijaistarve ennustetaan viikoittain ja henkilöstöraportti syntyy automaattisesti.",
            "G1": "Henkilöstömenot ovat kunnan suurin kustannuserä; jo muutaman prosentin tarkempi mitoitus ja "
            "sairauspoissaolojen vähentäminen tuovat merkittävät säästöt.",
            "C1": "Esihenkilöt näkevät poissaolojen, ylitöiden ja sijaisten käytön kehityksen ja voivat puuttua "
            "kuormitukseen ennen kuin se näkyy poissaoloina.",
            "C2": "Kun sijaistarve ennakoidaan, palvelut toimivat katkotta ja asukkaat kohtaavat tutut työntekijät.",
            "C3": "Sairauspoissaolojen tavoitteena on laskea {pct} prosenttia, ja sijaisten hankintaan kuluva työaika "
            "puolittuu.",
            "C4": "Hankkeessa yhdistetään henkilöstö- ja työvuorojärjestelmien tiedot, määritellään tunnusluvut, "
            "rakennetaan esihenkilöiden näkymä ja koulutetaan esihenkilöt.",
            "indicators": [
                ("Sairauspoissaolot (pv/henkilötyövuosi)", "17", "14", "Henkilöstöraportti puolivuosittain"),
                (
                    "Esihenkilöt, jotka käyttävät henkilöstönäkymää kuukausittain",
                    "0 %",
                    "90 %",
                    "Käyttötilastot kuukausittain",
                ),
                (
                    "Sijaisten hankintaan käytetty työaika (h/kk)",
                    "{hours} h",
                    "puolet lähtötasosta",
                    "Työajanseuranta neljännesvuosittain",
                ),
            ],
        },
        "sv": {
            "titles": [
                "Personaldata i ledningen",
                "Lägesbild för personalledningen",
                "Personalplanering med hjälp av information",
                "Automatiserad personalrapportering",
            ],
            "process": "Personalplaneringen och personalrapporteringen {area}: behovet av vikarier, "
            "sjukfrånvaron, arbetstiden och personalkostnaderna följs nu upp i tabeller som sammanställs för "
            "hand ur separata system. I kommunen arbetar cirka {staff} personer.",
            "summary": "{name} samlar personaluppgifterna (befattningar, arbetstider, frånvaro, kompetens och "
            "kostnader) i en gemensam vy för förmännen och ledningen. Med hjälp av uppgifterna förutses "
            "vikariebehovet, välbefinnandet i arbetet stöds och arbetskraften planeras.",
            "goals": "Målet är att varje förman ser sin enhets personaluppgifter aktuellt, att vikariebehovet "
            "förutses varje vecka och att personalrapporten uppstår automatiskt.",
            "G1": "Personalutgifterna är kommunens största kostnadspost; redan några procent noggrannare "
            "dimensionering och minskad sjukfrånvaro ger betydande besparingar.",
            "C1": "Förmännen ser utvecklingen av frånvaro, övertid och användningen av vikarier och kan ingripa i "
            "belastningen innan den syns som frånvaro.",
            "C2": "När vikariebehovet förutses fungerar tjänsterna utan avbrott och invånarna möter bekanta "
            "anställda.",
            "C3": "Målet är att sjukfrånvaron minskar med {pct} procent och att arbetstiden för att skaffa "
            "vikarier halveras.",
            "C4": "I projektet kombineras uppgifterna ur personal- och arbetsturssystemen, nyckeltal definieras, "
            "en vy för förmännen byggs och förmännen utbildas.",
            "indicators": [
                ("Sjukfrånvaro (dagar/årsverke)", "17", "14", "Personalrapport varje halvår"),
                (
                    "Förmän som använder personalvyn varje månad",
                    "0 %",
                    "90 %",
                    "Användningsstatistik varje månad",
                ),
                (
                    "Arbetstid för att skaffa vikarier (h/mån)",
                    "{hours} h",
                    "hälften av utgångsnivån",
                    "Arbetstidsuppföljning varje kvartal",
                ),
            ],
        },
    },
    {
        "key": "procurement",
        "fi": {
            "titles": [
                "Hankinta-analytiikka ja hankintojen tiedolla johtaminen",
                "Hankintojen tilannekuva ja sopimusten seuranta",
                "Hankintadatan hyödyntäminen",
                "Ostojen analytiikka ja hankintaprosessin uudistus",
            ],
            "process": "Hankintojen suunnittelu, kilpailutus ja ostojen seuranta. Kunnan ulkoiset ostot jakautuvat "
            "noin {invoices} laskuun vuodessa, eikä ostojen kohdistumista sopimuksiin seurata järjestelmällisesti.",
            "summary": "{name} yhdistää ostolasku-, sopimus- ja hankintatiedot hankinta-analytiikaksi, joka näyttää "
            "mitä ostetaan, keneltä ja minkä sopimuksen perusteella. Tiedon avulla hankinnat suunnitellaan "
            "paremmin ja sopimuksen ulkopuoliset ostot vähenevät.",
            "goals": "Hankkeen päättyessä kaikki ostot luokitellaan yhteisen luokituksen mukaan, sopimusten "
            "ulkopuolisten ostojen osuus tunnetaan ja se on laskenut, ja hankintasuunnitelma laaditaan "
            "ostodatan pohjalta.",
            "G1": "Jo muutaman prosentin säästö ulkoisissa ostoissa vastaa kunnan kokoluokassa merkittävää summaa, "
            "ja paikallisten yritysten mahdollisuudet osallistua kilpailutuksiin paranevat.",
            "C1": "Ostodata näyttää hankintojen todellisen rakenteen ja kehityksen, jolloin hankintastrategia ja "
            "kilpailutusten ajoitus perustuvat tietoon.",
            "C2": "Kun hankinnat osuvat oikeisiin sopimuksiin, palvelujen tarvikkeet ja palvelut ovat laadultaan "
            "tasaisia ja saatavilla ajallaan.",
            "C3": "Sopimusten ulkopuolisten ostojen osuutta tavoitellaan laskettavaksi {points} prosenttiyksikköä, "
            "ja hankintojen suunnitteluun kuluva aika lyhenee.",
            "C4": "Hankkeessa luokitellaan ostot, yhdistetään sopimusrekisteri ja ostolaskut, rakennetaan "
            "analyysinäkymät ja sovitaan, miten tietoa käytetään hankintojen suunnittelussa.",
            "indicators": [
                (
                    "Sopimusten ulkopuolisten ostojen osuus",
                    "tuntematon",
                    "alle 10 %",
                    "Hankinta-analytiikan raportti neljännesvuosittain",
                ),
                ("Luokiteltujen ostojen osuus", "0 %", "100 %", "Ostodatan tarkistus kuukausittain"),
                (
                    "Ostodatan perusteella laadittu hankintasuunnitelma",
                    "ei",
                    "kyllä, vuosittain",
                    "Hankintatoimen vuosiraportti",
                ),
            ],
        },
        "sv": {
            "titles": [
                "Upphandlingsanalys och ledning av upphandlingar genom information",
                "Lägesbild över upphandlingar och uppföljning av avtal",
                "Användning av upphandlingsdata",
                "Inköpsanalys och förnyad upphandlingsprocess",
            ],
            "process": "Planeringen och konkurrensutsättningen av upphandlingar samt uppföljningen av inköpen. "
            "Kommunens externa inköp fördelas på cirka {invoices} fakturor om året, och det följs inte "
            "systematiskt upp vilka avtal inköpen hänför sig till.",
            "summary": "{name} kombinerar uppgifterna om inköpsfakturor, avtal och upphandlingar till en "
            "upphandlingsanalys som visar vad som köps, av vem och med stöd av vilket avtal. Med hjälp av "
            "uppgifterna planeras upphandlingarna bättre och inköpen utanför avtal minskar.",
            "goals": "När projektet avslutas klassificeras alla inköp enligt en gemensam klassificering, andelen "
            "inköp utanför avtal är känd och har minskat, och upphandlingsplanen utarbetas utgående från "
            "inköpsdata.",
            "G1": "Redan några procents besparing i de externa inköpen motsvarar en betydande summa i en kommun av "
            "denna storlek, och de lokala företagens möjligheter att delta i upphandlingarna förbättras.",
            "C1": "Inköpsdata visar upphandlingarnas verkliga struktur och utveckling, så att "
            "upphandlingsstrategin och tidpunkten för upphandlingarna grundar sig på information.",
            "C2": "När inköpen görs enligt rätt avtal är förnödenheterna och tjänsterna av jämn kvalitet och "
            "finns tillgängliga i tid.",
            "C3": "Målet är att andelen inköp utanför avtal sjunker med {points} procentenheter och att tiden för "
            "att planera upphandlingarna förkortas.",
            "C4": "I projektet klassificeras inköpen, avtalsregistret och inköpsfakturorna kombineras, "
            "analysvyerna byggs och man kommer överens om hur uppgifterna används i planeringen.",
            "indicators": [
                (
                    "Andel inköp utanför avtal",
                    "okänd",
                    "under 10 %",
                    "Upphandlingsanalysens rapport varje kvartal",
                ),
                ("Andel klassificerade inköp", "0 %", "100 %", "Granskning av inköpsdata varje månad"),
                (
                    "Upphandlingsplan utgående från inköpsdata",
                    "nej",
                    "ja, varje år",
                    "Upphandlingsfunktionens årsrapport",
                ),
            ],
        },
    },
    {
        "key": "service_management",
        "fi": {
            "titles": [
                "Palvelujen tiedolla johtaminen",
                "Palvelutarpeen ennakointi tiedon avulla",
                "Palveluverkon suunnittelu tiedolla",
                "Tiedolla johtamisen malli",
            ],
            "process": "Palvelujen suunnittelu ja ohjaus {area}: palvelutarpeen arviointi, palvelujen mitoitus ja "
            "tulosten seuranta. Tieto palvelujen käytöstä, kustannuksista ja vaikuttavuudesta on hajallaan, "
            "ja suunnittelu perustuu pitkälti kokemukseen.",
            "summary": "{name} kehittää mallin, jolla palveluja johdetaan tiedolla {area}: palvelujen käyttö, "
            "kustannukset, henkilöstö ja väestöennuste yhdistetään, ja niistä johdetaan mittarit, joilla "
            "palvelujen mitoitusta ja tuloksia seurataan.",
            "goals": "Tavoitteena on, että palvelujen mitoitus perustuu ennusteeseen, palvelujen tuloksia "
            "seurataan sovituilla mittareilla ja tiedolla johtamisen malli on kuvattu ja muiden kuntien "
            "hyödynnettävissä.",
            "G1": "Palvelujen mitoittaminen ennusteen mukaan vähentää sekä ylikapasiteettia että jonoja; kunnan "
            "väestö ({pop} asukasta) muuttuu, ja palvelujen on muututtava sen mukana.",
            "C1": "Malli tuo palvelujen käyttö- ja kustannustiedon säännölliseen johtoryhmäkäsittelyyn, ja "
            "ennusteet päivitetään vuosittain talousarvion valmistelun yhteydessä.",
            "C2": "Asukkaat saavat palvelun lähempää ja nopeammin, kun palveluverkko ja henkilöstö mitoitetaan "
            "todellisen tarpeen mukaan.",
            "C3": "Tavoitteena on, että palvelujen käyttöaste paranee {pct} prosenttia ja että mitoitusta "
            "koskevat päätökset tehdään ennusteen pohjalta.",
            "C4": "Hankkeessa kootaan tietolähteet, laaditaan palvelutarpeen ennustemalli, sovitaan mittarit ja "
            "vakiinnutetaan niiden käsittely johtoryhmissä.",
            "indicators": [
                ("Palvelujen käyttöaste", "tuntematon", "+{pct} %", "Palvelujen tilastot kuukausittain"),
                (
                    "Ennusteeseen perustuvat mitoituspäätökset",
                    "0",
                    "kaikki",
                    "Johtoryhmän pöytäkirjojen läpikäynti vuosittain",
                ),
                (
                    "Palvelujen mittarit johtoryhmän käsittelyssä",
                    "ei säännöllisesti",
                    "kuukausittain",
                    "Johtoryhmän asialistat",
                ),
            ],
        },
        "sv": {
            "titles": [
                "Ledning av tjänsterna genom information",
                "Förutse servicebehovet med hjälp av information",
                "Planering av servicenätet med information",
                "Modell för ledning genom information",
            ],
            "process": "Planeringen och styrningen av tjänsterna {area}: bedömningen av servicebehovet, "
            "dimensioneringen av tjänsterna och uppföljningen av resultaten. Uppgifterna om användningen av "
            "tjänsterna, kostnaderna och effekterna är spridda, och planeringen grundar sig i hög grad på "
            "erfarenhet.",
            "summary": "{name} utvecklar en modell för att leda tjänsterna genom information {area}: "
            "användningen av tjänsterna, kostnaderna, personalen och befolkningsprognosen kombineras, och "
            "utgående från dem tas indikatorer fram för att följa upp dimensioneringen och resultaten.",
            "goals": "Målet är att dimensioneringen av tjänsterna grundar sig på prognoser, att tjänsternas "
            "resultat följs upp med överenskomna indikatorer och att modellen för ledning genom information "
            "är beskriven och kan användas av andra kommuner.",
            "G1": "När tjänsterna dimensioneras enligt prognosen minskar både överkapacitet och köer; kommunens "
            "befolkning ({pop} invånare) förändras, och tjänsterna måste förändras med den.",
            "C1": "Modellen gör uppgifterna om tjänsternas användning och kostnader till ett stående ärende i "
            "ledningsgruppen, och prognoserna uppdateras årligen när budgeten bereds.",
            "C2": "Invånarna får tjänsten närmare och snabbare när servicenätet och personalen dimensioneras "
            "enligt det verkliga behovet.",
            "C3": "Målet är att tjänsternas användningsgrad förbättras med {pct} procent och att besluten om "
            "dimensioneringen fattas utgående från prognosen.",
            "C4": "I projektet samlas datakällorna, en prognosmodell för servicebehovet tas fram, indikatorerna "
            "fastställs och behandlingen av dem etableras i ledningsgrupperna.",
            "indicators": [
                ("Tjänsternas användningsgrad", "okänd", "+{pct} %", "Tjänsternas statistik varje månad"),
                (
                    "Dimensioneringsbeslut som grundar sig på prognos",
                    "0",
                    "alla",
                    "Genomgång av ledningsgruppens protokoll varje år",
                ),
                (
                    "Tjänsternas indikatorer i ledningsgruppens behandling",
                    "inte regelbundet",
                    "varje månad",
                    "Ledningsgruppens föredragningslistor",
                ),
            ],
        },
    },
    {
        "key": "data_quality",
        "fi": {
            "titles": [
                "Tiedon laadun ja yhteisten tietomääritysten kehittäminen",
                "Tiedonhallintamalli ja tiedon laatu",
                "Yhteiset tietomääritykset talous- ja toimintatiedolle",
                "Tiedon laatu kuntoon",
            ],
            "process": "Talous- ja toimintatiedon tuottaminen ja ylläpito: tietojen kirjaaminen järjestelmiin, "
            "niiden tarkistaminen ja korjaaminen sekä tiedon luovuttaminen raportointiin. Samat käsitteet "
            "määritellään nyt eri järjestelmissä eri tavoin.",
            "summary": "{name} laatii tiedonhallintamallin ja yhteiset tietomääritykset talous- ja "
            "toimintatiedolle, ottaa käyttöön tiedon laadun mittarit ja nimeää tiedon omistajat. Hanke "
            "luo edellytykset luotettavalle raportoinnille ja automaatiolle.",
            "goals": "Hankkeen päättyessä keskeisten tietojen määritykset on kuvattu ja otettu käyttöön, tiedon "
            "laatua mitataan automaattisesti ja jokaisella tietoaineistolla on nimetty omistaja.",
            "G1": "Virheellisen tiedon korjaaminen ja täsmäyttäminen vie nyt arviolta {hours} työtuntia "
            "kuukaudessa; laadukas tieto vapauttaa tämän ajan ja vähentää virheellisiä päätöksiä.",
            "C1": "Kun käsitteet ovat yhteisiä, eri järjestelmien luvut ovat vertailukelpoisia ja johdolle "
            "esitetyt tunnusluvut luotettavia.",
            "C2": "Asukkaiden tiedot ovat oikein kaikissa palveluissa, ja virheistä johtuvat selvittelyt ja "
            "laskujen oikaisut vähenevät.",
            "C3": "Tavoitteena on, että tiedon laatumittarien mukainen virheiden määrä laskee {pct} prosenttia ja "
            "että raporttien täsmäytykseen kuluva aika puolittuu.",
            "C4": "Hankkeessa inventoidaan tietovarannot, laaditaan käsitemalli ja tietomääritykset, otetaan "
            "käyttöön automaattiset laatutarkistukset ja sovitaan tiedon omistajuudesta.",
            "indicators": [
                (
                    "Virheelliset tietueet laatutarkistuksissa",
                    "tuntematon",
                    "-{pct} %",
                    "Automaattinen laatuseuranta kuukausittain",
                ),
                (
                    "Kuvatut ja käyttöön otetut tietomääritykset",
                    "0",
                    "vähintään 40",
                    "Tietomäärityskirjaston tilanne neljännesvuosittain",
                ),
                (
                    "Tietoaineistot, joilla on nimetty omistaja",
                    "0 %",
                    "100 %",
                    "Tiedonhallintamallin katselmointi",
                ),
            ],
        },
        "sv": {
            "titles": [
                "Utveckling av datakvaliteten och gemensamma datadefinitioner",
                "Informationshanteringsmodell och datakvalitet",
                "Gemensamma datadefinitioner för ekonomi- och verksamhetsdata",
                "Datakvaliteten i skick",
            ],
            "process": "Produktionen och underhållet av ekonomi- och verksamhetsdata: registreringen i systemen, "
            "granskningen och rättelsen av uppgifterna samt utlämnandet av dem till rapporteringen. Samma "
            "begrepp definieras nu på olika sätt i olika system.",
            "summary": "{name} utarbetar en informationshanteringsmodell och gemensamma datadefinitioner för "
            "ekonomi- och verksamhetsdata, inför indikatorer för datakvaliteten och utser ägare för "
            "uppgifterna. Projektet skapar förutsättningar för tillförlitlig rapportering och automation.",
            "goals": "När projektet avslutas är definitionerna av de centrala uppgifterna beskrivna och i bruk, "
            "datakvaliteten mäts automatiskt och varje datamaterial har en utsedd ägare.",
            "G1": "Att rätta och stämma av felaktiga uppgifter tar nu uppskattningsvis {hours} arbetstimmar i "
            "månaden; data av god kvalitet frigör denna tid och minskar felaktiga beslut.",
            "C1": "När begreppen är gemensamma är siffrorna ur olika system jämförbara och de nyckeltal som "
            "presenteras för ledningen tillförlitliga.",
            "C2": "Invånarnas uppgifter är korrekta i alla tjänster, och utredningar och rättelser av fakturor "
            "som beror på fel minskar.",
            "C3": "Målet är att antalet fel enligt kvalitetsindikatorerna minskar med {pct} procent och att tiden "
            "för att stämma av rapporter halveras.",
            "C4": "I projektet inventeras informationsresurserna, en begreppsmodell och datadefinitioner tas "
            "fram, automatiska kvalitetskontroller införs och ägarskapet för uppgifterna fastställs.",
            "indicators": [
                (
                    "Felaktiga poster i kvalitetskontrollerna",
                    "okänd",
                    "-{pct} %",
                    "Automatisk kvalitetsuppföljning varje månad",
                ),
                (
                    "Beskrivna och införda datadefinitioner",
                    "0",
                    "minst 40",
                    "Läget i definitionsbiblioteket varje kvartal",
                ),
                (
                    "Datamaterial med utsedd ägare",
                    "0 %",
                    "100 %",
                    "Granskning av informationshanteringsmodellen",
                ),
            ],
        },
    },
    {
        "key": "open_data",
        "fi": {
            "titles": [
                "Talous- ja toimintatiedot avoimeksi dataksi",
                "Avoin data kuntalaisille ja päätöksentekoon",
                "Ostolaskudatan ja talousarvion avaaminen",
                "Avoimen datan palvelu",
            ],
            "process": "Talous- ja toimintatiedon julkaiseminen asukkaille, yrityksille ja tutkijoille. Tietoja "
            "julkaistaan nyt PDF-muotoisina raportteina, ja tietopyyntöihin vastataan käsin.",
            "summary": "{name} avaa talousarvion, tilinpäätöksen, ostolaskut ja keskeiset toimintatiedot "
            "koneluettavaksi avoimeksi dataksi, joka päivittyy automaattisesti. Avoin data tukee "
            "läpinäkyvyyttä, asukkaiden osallistumista ja kuntien välistä vertailua.",
            "goals": "Tavoitteena on, että talous- ja ostotiedot julkaistaan avoimena datana kuukausittain "
            "yhteisten määritysten mukaisesti, tietopyyntöjen määrä vähenee ja dataa hyödynnetään myös kunnan "
            "omassa raportoinnissa.",
            "G1": "Avoin data vähentää tietopyyntöihin vastaamiseen kuluvaa työtä ja antaa yrityksille ja "
            "tutkijoille mahdollisuuden tuottaa palveluja ja analyyseja kunnan tiedoista.",
            "C1": "Kun samaa dataa käytetään julkaisuun ja sisäiseen raportointiin, tiedon laatu paranee ja "
            "vertailu muihin kuntiin helpottuu.",
            "C2": "Asukkaat näkevät, mihin verorahat käytetään, ja voivat osallistua talousarvion valmisteluun "
            "tiedon pohjalta.",
            "C3": "Tietopyyntöihin kuluvaa työaikaa tavoitellaan vähennettäväksi {pct} prosenttia, ja vähintään "
            "kymmenen tietoaineistoa julkaistaan avoimena datana.",
            "C4": "Hankkeessa valitaan julkaistavat aineistot, poistetaan niistä henkilötiedot, rakennetaan "
            "automaattinen julkaisu ja kerrotaan datasta asukkaille ja yrityksille.",
            "indicators": [
                (
                    "Avoimena datana julkaistut tietoaineistot",
                    "0",
                    "vähintään 10",
                    "Avoimen datan portaalin luettelo neljännesvuosittain",
                ),
                (
                    "Tietopyyntöihin käytetty työaika (h/kk)",
                    "{hours} h",
                    "-{pct} %",
                    "Työajanseuranta puolivuosittain",
                ),
                (
                    "Avoimen datan lataukset",
                    "0",
                    "vähintään 500 vuodessa",
                    "Portaalin tilastot kuukausittain",
                ),
            ],
        },
        "sv": {
            "titles": [
                "Ekonomi- och verksamhetsdata som öppna data",
                "Öppna data för invånarna och beslutsfattandet",
                "Öppna data om inköpsfakturor och budget",
                "Tjänst för öppna data",
            ],
            "process": "Publiceringen av ekonomi- och verksamhetsdata för invånare, företag och forskare. "
            "Uppgifterna publiceras nu som rapporter i PDF-format, och begäranden om uppgifter besvaras för hand.",
            "summary": "{name} öppnar budgeten, bokslutet, inköpsfakturorna och centrala verksamhetsuppgifter "
            "som maskinläsbara öppna data som uppdateras automatiskt. Öppna data stöder öppenheten, "
            "invånarnas delaktighet och jämförelser mellan kommuner.",
            "goals": "Målet är att ekonomi- och inköpsuppgifterna publiceras som öppna data varje månad enligt "
            "gemensamma definitioner, att begärandena om uppgifter minskar och att uppgifterna också används "
            "i kommunens egen rapportering.",
            "G1": "Öppna data minskar arbetet med att besvara begäranden om uppgifter och gör det möjligt för "
            "företag och forskare att ta fram tjänster och analyser av kommunens uppgifter.",
            "C1": "När samma data används för publicering och intern rapportering förbättras kvaliteten och "
            "jämförelsen med andra kommuner blir lättare.",
            "C2": "Invånarna ser vad skattepengarna används till och kan delta i beredningen av budgeten på basis "
            "av information.",
            "C3": "Målet är att arbetstiden för begäranden om uppgifter minskar med {pct} procent och att minst "
            "tio datamaterial publiceras som öppna data.",
            "C4": "I projektet väljs de material som publiceras, personuppgifterna avlägsnas, en automatisk "
            "publicering byggs och invånarna och företagen informeras om uppgifterna.",
            "indicators": [
                (
                    "Datamaterial som publicerats som öppna data",
                    "0",
                    "minst 10",
                    "Förteckningen i portalen för öppna data varje kvartal",
                ),
                (
                    "Arbetstid för begäranden om uppgifter (h/mån)",
                    "{hours} h",
                    "-{pct} %",
                    "Arbetstidsuppföljning varje halvår",
                ),
                ("Nedladdningar av öppna data", "0", "minst 500 om året", "Portalens statistik varje månad"),
            ],
        },
    },
    {
        "key": "rpa",
        "fi": {
            "titles": [
                "Ohjelmistorobotiikka taloushallintoon",
                "Ohjelmistorobotit rutiinitehtäviin",
                "Robotiikkakokeilusta pysyväksi toimintatavaksi",
                "Ohjelmistorobotiikan käyttöönotto",
            ],
            "process": "Toistuvat, sääntöihin perustuvat tehtävät {area}: tietojen siirto järjestelmästä toiseen, "
            "laskujen ja maksujen täsmäytys sekä vakioraporttien kokoaminen. Tehtäviin kuluu nyt noin {hours} "
            "työtuntia kuukaudessa.",
            "summary": "{name} ottaa käyttöön ohjelmistorobotiikan toistuvissa, sääntöihin perustuvissa "
            "tehtävissä {area}. Hankkeessa tunnistetaan automatisoitavat prosessit, toteutetaan ensimmäiset "
            "robotit ja luodaan malli, jolla robotiikkaa ylläpidetään ja laajennetaan.",
            "goals": "Hankkeen päättyessä vähintään kahdeksan prosessia on automatisoitu ohjelmistorobotiikalla, "
            "robottien ylläpidon malli on vakiintunut ja henkilöstö on koulutettu tunnistamaan uusia "
            "automaatiokohteita.",
            "G1": "Robotit tekevät rutiinitehtävät virheettä myös iltaisin ja viikonloppuisin; vapautuva työaika, "
            "arviolta {hours} tuntia kuukaudessa, ohjataan asiakastyöhön ja kehittämiseen.",
            "C1": "Robotit kirjaavat jokaisen suorituksen, joten prosessien läpimenoajoista ja poikkeamista syntyy "
            "tietoa, jota ei nyt ole.",
            "C2": "Asiakkaiden asiat käsitellään nopeammin, kun henkilöstön aika ei kulu tietojen siirtelyyn "
            "järjestelmästä toiseen.",
            "C3": "Automatisoitujen tehtävien käsittelyaika lyhenee {pct} prosenttia, ja virheiden korjaamiseen "
            "kuluva aika vähenee.",
            "C4": "Hankkeessa kartoitetaan prosessit, valitaan ensimmäiset automaatiokohteet hyötyjen perusteella, "
            "toteutetaan robotit vaiheittain ja sovitaan ylläpidon vastuut.",
            "indicators": [
                (
                    "Ohjelmistorobotiikalla automatisoidut prosessit",
                    "0",
                    "vähintään 8",
                    "Robotiikkaluettelo neljännesvuosittain",
                ),
                ("Roboteille siirtynyt työaika (h/kk)", "0 h", "{hours} h", "Robottien lokit kuukausittain"),
                (
                    "Automatisoitujen tehtävien virheprosentti",
                    "3 %",
                    "alle 0,5 %",
                    "Robottien lokit ja tarkastukset",
                ),
            ],
        },
        "sv": {
            "titles": [
                "Programvarurobotik i ekonomiförvaltningen",
                "Programvarurobotar för rutinuppgifter",
                "Från robotikförsök till bestående verksamhetssätt",
                "Införande av programvarurobotik",
            ],
            "process": "Återkommande, regelbaserade uppgifter {area}: överföring av uppgifter från ett system till "
            "ett annat, avstämning av fakturor och betalningar samt sammanställning av standardrapporter. "
            "Uppgifterna tar nu cirka {hours} arbetstimmar i månaden.",
            "summary": "{name} inför programvarurobotik i återkommande, regelbaserade uppgifter {area}. I "
            "projektet identifieras de processer som kan automatiseras, de första robotarna byggs och en "
            "modell skapas för att underhålla och utvidga robotiken.",
            "goals": "När projektet avslutas är minst åtta processer automatiserade med programvarurobotik, "
            "modellen för underhållet av robotarna är etablerad och personalen är utbildad att identifiera "
            "nya objekt för automation.",
            "G1": "Robotarna utför rutinuppgifterna felfritt också kvällar och veckoslut; den arbetstid som "
            "frigörs, uppskattningsvis {hours} timmar i månaden, styrs till kundarbete och utveckling.",
            "C1": "Robotarna loggar varje körning, så det uppstår information om processernas genomloppstider "
            "och avvikelser som inte finns i dag.",
            "C2": "Kundernas ärenden behandlas snabbare när personalens tid inte går åt till att flytta uppgifter "
            "från ett system till ett annat.",
            "C3": "Hanteringstiden för de automatiserade uppgifterna förkortas med {pct} procent, och tiden för "
            "att rätta fel minskar.",
            "C4": "I projektet kartläggs processerna, de första objekten för automation väljs utgående från "
            "nyttan, robotarna byggs stegvis och ansvaret för underhållet fastställs.",
            "indicators": [
                (
                    "Processer som automatiserats med programvarurobotik",
                    "0",
                    "minst 8",
                    "Robotikförteckningen varje kvartal",
                ),
                (
                    "Arbetstid som övergått till robotar (h/mån)",
                    "0 h",
                    "{hours} h",
                    "Robotarnas loggar varje månad",
                ),
                (
                    "Felprocent i automatiserade uppgifter",
                    "3 %",
                    "under 0,5 %",
                    "Robotarnas loggar och granskningar",
                ),
            ],
        },
    },
    {
        "key": "feedback",
        "fi": {
            "titles": [
                "Asiakaspalautteen analytiikka",
                "Asukkaiden palaute johtamisen tueksi",
                "Palautetieto ja palvelujen kehittäminen",
                "Asiakaskokemuksen mittaaminen",
            ],
            "process": "Asiakaspalautteen vastaanotto, käsittely ja hyödyntäminen {area}. Palautetta tulee "
            "sähköpostilla, lomakkeilla, puhelimitse ja sosiaalisen median kautta, eikä sitä koota yhteen "
            "eikä analysoida järjestelmällisesti.",
            "summary": "{name} kokoaa asiakaspalautteen kaikista kanavista yhteen ja analysoi sen teemoittain. "
            "Palautteesta syntyy säännöllinen tilannekuva palvelujen laadusta, ja palautteeseen vastataan "
            "nopeammin.",
            "goals": "Tavoitteena on, että kaikki palaute käsitellään yhdessä järjestelmässä, palautteen teemat ja "
            "trendit raportoidaan johdolle kuukausittain ja palautteeseen vastataan viiden työpäivän "
            "kuluessa.",
            "G1": "Kun toistuvat ongelmat tunnistetaan palautteesta ajoissa, niihin puututaan ennen kuin ne "
            "aiheuttavat lisäkustannuksia tai heikentävät luottamusta kunnan palveluihin.",
            "C1": "Palautteen analyysi tuo asukkaiden kokemuksen talous- ja toimintatiedon rinnalle johdon "
            "tilannekuvaan.",
            "C2": "Asukkaat saavat vastauksen nopeammin ja näkevät, miten heidän palautteensa on vaikuttanut "
            "palveluihin.",
            "C3": "Palautteeseen vastaamisen mediaaniaika lyhenee noin kolmesta viikosta viiteen työpäivään, ja "
            "palautteen määrästä {pct} % luokitellaan automaattisesti.",
            "C4": "Hankkeessa yhdistetään palautekanavat, määritellään luokittelu, otetaan käyttöön "
            "tekstianalytiikka ja sovitaan, miten palaute käsitellään johtoryhmissä.",
            "indicators": [
                (
                    "Palautteeseen vastaamisen mediaaniaika",
                    "3 viikkoa",
                    "5 työpäivää",
                    "Palautejärjestelmän raportti kuukausittain",
                ),
                (
                    "Automaattisesti luokitellun palautteen osuus",
                    "0 %",
                    "{pct} %",
                    "Palautejärjestelmän raportti kuukausittain",
                ),
                ("Asiakastyytyväisyys (asteikko 1–5)", "3,4", "3,9", "Asiakaskysely vuosittain"),
            ],
        },
        "sv": {
            "titles": [
                "Analys av kundresponsen",
                "Invånarnas respons som stöd för ledningen",
                "Respons och utveckling av tjänsterna",
                "Mätning av kundupplevelsen",
            ],
            "process": "Mottagningen, behandlingen och användningen av kundresponsen {area}. Respons kommer per "
            "e-post, via blanketter, per telefon och via sociala medier, och den samlas inte och analyseras "
            "inte systematiskt.",
            "summary": "{name} samlar kundresponsen från alla kanaler och analyserar den tematiskt. Responsen "
            "ger en regelbunden lägesbild av tjänsternas kvalitet, och responsen besvaras snabbare.",
            "goals": "Målet är att all respons behandlas i ett system, att responsens teman och trender "
            "rapporteras till ledningen varje månad och att responsen besvaras inom fem arbetsdagar.",
            "G1": "När återkommande problem upptäcks i responsen i tid kan man ingripa innan de orsakar "
            "extra kostnader eller försvagar förtroendet för kommunens tjänster.",
            "C1": "Analysen av responsen för in invånarnas upplevelse i ledningens lägesbild vid sidan av "
            "uppgifterna om ekonomi och verksamhet.",
            "C2": "Invånarna får svar snabbare och ser hur deras respons har påverkat tjänsterna.",
            "C3": "Mediantiden för att besvara respons förkortas från cirka tre veckor till fem arbetsdagar, och "
            "{pct} % av responsen klassificeras automatiskt.",
            "C4": "I projektet sammanförs responskanalerna, klassificeringen definieras, textanalys tas i bruk och "
            "man kommer överens om hur responsen behandlas i ledningsgrupperna.",
            "indicators": [
                (
                    "Mediantid för att besvara respons",
                    "3 veckor",
                    "5 arbetsdagar",
                    "Responssystemets rapport varje månad",
                ),
                (
                    "Andel automatiskt klassificerad respons",
                    "0 %",
                    "{pct} %",
                    "Responssystemets rapport varje månad",
                ),
                ("Kundnöjdhet (skala 1–5)", "3,4", "3,9", "Kundenkät varje år"),
            ],
        },
    },
]

# Sentences common to all topics, by criterion code; two or three are picked for each answer.
GENERIC = {
    "fi": {
        "G1": [
            "{name} on {pop} asukkaan kunta {region_genitive} maakunnassa, ja kunnan palveluksessa on noin "
            "{staff} henkilöä.",
            "Säästöt syntyvät työajan vapautumisesta, virheiden vähenemisestä ja siitä, että päätökset "
            "perustuvat ajantasaiseen tietoon.",
            "Hankkeen hyödyt kohdistuvat koko kuntaan, eivät vain yhteen yksikköön.",
            "Investointi maksaa itsensä takaisin arviolta kolmessa vuodessa.",
            "Laskelma on tehty varovaisesti; todellinen vaikutus voi olla suurempi, kun uusi toimintatapa "
            "laajennetaan muihin prosesseihin.",
        ],
        "G2": [
            "Lähes kaikki kunnat tekevät samoja tehtäviä samankaltaisilla järjestelmillä, joten ratkaisu on "
            "siirrettävissä sellaisenaan.",
            "Hanke käyttää yhteisiä tietomäärityksiä ja kansallisia suosituksia, jotta tulokset ovat "
            "vertailukelpoisia muiden kuntien kanssa.",
            "Erityisesti pienet ja keskisuuret kunnat hyötyvät valmiista mallista, koska niillä ei ole "
            "resursseja kehittää vastaavaa itse.",
            "Tulokset tukevat kuntien talousdatan kansallista yhtenäistämistä.",
            "Hankkeessa syntyvät kuvaukset, ohjeet ja koulutusmateriaalit julkaistaan kaikkien kuntien käyttöön.",
        ],
        "C1": [
            "Tieto on johdon käytössä silloin, kun päätöksiä tehdään, eikä vasta jälkikäteen.",
            "Ennakointi korvaa jälkikäteisen raportoinnin: poikkeamat tunnistetaan kuukausittain.",
            "Luottamushenkilöt saavat saman tiedon kuin viranhaltijat, mikä parantaa päätöksenteon laatua.",
            "Tiedolla johtamisen käytännöt kirjataan kunnan johtamisjärjestelmään.",
        ],
        "C2": [
            "Asukkaat hyötyvät välillisesti: henkilöstön aika siirtyy hallinnosta palveluihin.",
            "Palvelujen saatavuus ja laatu paranevat, kun resurssit kohdennetaan tiedon perusteella.",
            "Hanke ei muuta asukkaiden asiointia, mutta nopeuttaa asioiden käsittelyä taustalla.",
            "Asukkailta kerätään palautetta muutoksen vaikutuksista hankkeen aikana.",
        ],
        "C3": [
            "Lähtötaso on mitattu keväällä 2019, ja tavoitteet on asetettu sen perusteella.",
            "Taloudellinen tavoite on vapauttaa noin {hours} työtuntia kuukaudessa muuhun työhön.",
            "Tavoitteet on hyväksytty kunnan johtoryhmässä.",
            "Tavoitteet on asetettu niin, että niiden toteutumista voidaan seurata olemassa olevista "
            "järjestelmistä.",
        ],
        "C4": [
            "Hanke etenee kolmessa vaiheessa: esiselvitys, toteutus ja käyttöönotto sekä vakiinnuttaminen.",
            "Hankkeelle palkataan projektipäällikkö, ja sen ohjausryhmää johtaa kunnanjohtaja tai hänen "
            "nimeämänsä johtaja.",
            "Hankinnat kilpailutetaan hankintalain mukaisesti, ja hankinnoissa hyödynnetään yhteishankintoja.",
            "Henkilöstö osallistuu muutokseen alusta alkaen, ja jokainen vaihe päättyy käyttäjien arviointiin.",
            "Hankkeen kesto on noin {months} kuukautta.",
        ],
        "C5": [
            "Muutos vaikuttaa talous- ja henkilöstöhallinnon henkilöstöön, esihenkilöihin ja "
            "luottamushenkilöihin, jotka saavat tiedon nopeammin ja luotettavammin.",
            "Toimittajat ja yritykset hyötyvät nopeammista ja ennustettavammista prosesseista.",
            "Tilintarkastus ja valtion viranomaiset saavat tiedot yhtenäisessä muodossa.",
            "Henkilöstön työnkuvat muuttuvat rutiineista kohti analyysia; muutos tuetaan koulutuksella.",
            "Muutos tukee myös kuntakonsernin yhtiöitä, jotka käyttävät samoja tietoja.",
        ],
        "C6": [
            "Ohjausryhmä seuraa mittareita neljännesvuosittain, ja tulokset raportoidaan kunnanhallitukselle.",
            "Lähtötaso mitataan ennen hankkeen alkua ja tulokset hankkeen lopussa sekä vuosi sen jälkeen.",
            "Seuranta tehdään pääosin järjestelmistä automaattisesti, joten se ei lisää käsityötä.",
            "Seurannan tulokset julkaistaan kunnan verkkosivuilla.",
        ],
        "C7": [
            "{name} sitoutuu jakamaan hankkeen tulokset ja osallistumaan valtiovarainministeriön järjestämään "
            "yhteistyöhön.",
            "Kuvaukset, määritykset ja mahdollinen lähdekoodi julkaistaan avoimella lisenssillä.",
            "Tuloksia esitellään maakunnan kuntien verkostossa ja kuntien yhteisissä tilaisuuksissa.",
            "Ratkaisu on rakennettu niin, että muut kunnat voivat ottaa sen käyttöön ilman "
            "järjestelmätoimittajan vaihtoa.",
        ],
        "C8": [
            "Hanke toteuttaa kuntastrategian tavoitetta tiedolla johdetusta ja kestävästi taloudellisesta kunnasta.",
            "Hanke on osa kunnan digitalisaatio-ohjelmaa, ja se tukee talouden tasapainottamisohjelmaa.",
            "Hanke liittyy kunnan tietohallinnon kehittämissuunnitelmaan ja kokonaisarkkitehtuuriin.",
            "Kunnan valtuusto on linjannut, että päätöksenteon on perustuttava ajantasaiseen tietoon; hanke "
            "toteuttaa tätä linjausta.",
        ],
    },
    "sv": {
        "G1": [
            "{name} är en kommun med {pop} invånare i landskapet {region}, och kommunen har cirka {staff} "
            "anställda.",
            "Besparingarna uppstår genom att arbetstid frigörs, fel minskar och besluten grundar sig på "
            "aktuell information.",
            "Projektets nytta gäller hela kommunen, inte bara en enhet.",
            "Investeringen betalar sig enligt beräkningarna tillbaka på cirka tre år.",
            "Kalkylen är försiktig; den verkliga effekten kan bli större när verksamhetssättet utvidgas till andra "
            "processer.",
        ],
        "G2": [
            "Nästan alla kommuner utför samma uppgifter med liknande system, så lösningen kan överföras som "
            "sådan.",
            "Projektet använder gemensamma datadefinitioner och nationella rekommendationer, så att resultaten "
            "är jämförbara med andra kommuners.",
            "Särskilt små och medelstora kommuner har nytta av en färdig modell, eftersom de inte har resurser "
            "att utveckla en motsvarande själva.",
            "Resultaten stöder den nationella harmoniseringen av kommunernas ekonomidata.",
            "De beskrivningar, anvisningar och utbildningsmaterial som tas fram publiceras för alla kommuner.",
        ],
        "C1": [
            "Informationen finns hos ledningen när besluten fattas, inte först i efterhand.",
            "Förutseende ersätter rapportering i efterhand: avvikelser upptäcks varje månad.",
            "De förtroendevalda får samma information som tjänsteinnehavarna, vilket förbättrar "
            "beslutsfattandets kvalitet.",
            "Praxisen för ledning genom information skrivs in i kommunens ledningssystem.",
        ],
        "C2": [
            "Invånarna har indirekt nytta: personalens tid flyttas från administration till tjänster.",
            "Tjänsternas tillgänglighet och kvalitet förbättras när resurserna riktas utgående från information.",
            "Projektet ändrar inte invånarnas sätt att uträtta ärenden, men påskyndar behandlingen i bakgrunden.",
            "Under projektet samlas respons från invånarna om förändringens effekter.",
        ],
        "C3": [
            "Utgångsnivån mättes våren 2019, och målen har ställts upp utgående från den.",
            "Det ekonomiska målet är att frigöra cirka {hours} arbetstimmar i månaden till annat arbete.",
            "Målen har godkänts i kommunens ledningsgrupp.",
            "Målen är uppställda så att de kan följas upp ur befintliga system.",
        ],
        "C4": [
            "Projektet framskrider i tre faser: förstudie, genomförande och införande samt etablering.",
            "En projektledare anställs för projektet, och styrgruppen leds av kommundirektören eller en "
            "direktör som hen utser.",
            "Upphandlingarna konkurrensutsätts enligt upphandlingslagen, och samupphandlingar utnyttjas.",
            "Personalen deltar i förändringen från början, och varje fas avslutas med en utvärdering av "
            "användarna.",
            "Projektet pågår i cirka {months} månader.",
        ],
        "C5": [
            "Förändringen påverkar personalen inom ekonomi- och personalförvaltningen, förmännen och de "
            "förtroendevalda, som får informationen snabbare och mer tillförlitligt.",
            "Leverantörerna och företagen har nytta av snabbare och mer förutsägbara processer.",
            "Revisionen och de statliga myndigheterna får uppgifterna i enhetlig form.",
            "Personalens arbetsuppgifter förändras från rutiner mot analys; förändringen stöds med utbildning.",
            "Förändringen stöder också kommunkoncernens bolag, som använder samma uppgifter.",
        ],
        "C6": [
            "Styrgruppen följer upp indikatorerna varje kvartal, och resultaten rapporteras till kommunstyrelsen.",
            "Utgångsnivån mäts innan projektet inleds och resultaten när projektet avslutas samt ett år senare.",
            "Uppföljningen görs i huvudsak automatiskt ur systemen, så den ökar inte handarbetet.",
            "Resultaten av uppföljningen publiceras på kommunens webbplats.",
        ],
        "C7": [
            "{name} förbinder sig att dela projektets resultat och att delta i det samarbete som "
            "finansministeriet ordnar.",
            "Beskrivningar, definitioner och eventuell källkod publiceras med öppen licens.",
            "Resultaten presenteras i nätverket av kommunerna i landskapet och vid kommunernas gemensamma "
            "evenemang.",
            "Lösningen är byggd så att andra kommuner kan ta den i bruk utan att byta systemleverantör.",
        ],
        "C8": [
            "Projektet genomför kommunstrategins mål om en kommun som leds genom information och har en "
            "hållbar ekonomi.",
            "Projektet ingår i kommunens digitaliseringsprogram och stöder programmet för att balansera "
            "ekonomin.",
            "Projektet anknyter till kommunens utvecklingsplan för informationsförvaltningen och till "
            "helhetsarkitekturen.",
            "Fullmäktige har slagit fast att besluten ska grunda sig på aktuell information; projektet "
            "genomför denna riktlinje.",
        ],
    },
}

PARTNERS_SENTENCE = {
    "fi": "Hankkeeseen {partners_verb} myös {partners}, ja kunnat jakavat määritykset ja kokemukset keskenään.",
    "sv": "I projektet deltar också {partners}, och kommunerna delar definitionerna och erfarenheterna "
    "sinsemellan.",
}
ALONE_SENTENCE = {
    "fi": "{name} toteuttaa hankkeen yksin, mutta tulokset kuvataan niin, että naapurikunnat voivat ottaa ne "
    "käyttöön.",
    "sv": "{name} genomför projektet ensam, men resultaten beskrivs så att grannkommunerna kan ta dem i bruk.",
}

SHARING_PLAN = {
    "fi": [
        "Jaamme prosessikuvaukset, tietomääritykset ja käyttöönoton ohjeet avoimesti kuntien yhteisessä "
        "työtilassa ja esittelemme tulokset valtiovarainministeriön kannustinverkoston tilaisuuksissa.",
        "Julkaisemme hankkeen loppuraportin, määritykset ja mahdollisen lähdekoodin avoimella lisenssillä. "
        "Järjestämme hankkeen lopussa avoimen webinaarin muille kunnille.",
        "Tulokset jaetaan maakunnan kuntien talous- ja tietohallintoverkostoissa, ja {name} tarjoaa "
        "kiinnostuneille kunnille mahdollisuuden tutustua ratkaisuun käytännössä.",
    ],
    "sv": [
        "Vi delar processbeskrivningarna, datadefinitionerna och anvisningarna för införandet öppet i "
        "kommunernas gemensamma arbetsrum och presenterar resultaten vid evenemangen i finansministeriets "
        "nätverk för incitamentsystemet.",
        "Vi publicerar projektets slutrapport, definitionerna och eventuell källkod med öppen licens. I slutet "
        "av projektet ordnar vi ett öppet webbinarium för andra kommuner.",
        "Resultaten delas i nätverken för ekonomi- och informationsförvaltning bland kommunerna i landskapet, "
        "och {name} erbjuder intresserade kommuner möjlighet att bekanta sig med lösningen i praktiken.",
    ],
}

OTHER_FUNDING = {
    "fi": [
        "Hankkeelle ei ole haettu eikä saatu muuta julkista rahoitusta. Omarahoitusosuus katetaan kunnan "
        "talousarviosta.",
        "Hankkeelle ei ole muuta rahoitusta. Kunnan omarahoitusosuus on varattu vuosien 2020 ja 2021 "
        "talousarvioihin.",
        "Muuta julkista rahoitusta ei ole haettu. Samoihin kustannuksiin ei haeta päällekkäistä rahoitusta.",
    ],
    "sv": [
        "Ingen annan offentlig finansiering har sökts eller beviljats för projektet. Självfinansieringsandelen "
        "täcks ur kommunens budget.",
        "Projektet har ingen annan finansiering. Kommunens självfinansieringsandel har reserverats i "
        "budgetarna för 2020 och 2021.",
        "Ingen annan offentlig finansiering har sökts. Ingen överlappande finansiering söks för samma kostnader.",
    ],
}

INDICATORS_INTRO = {"fi": "Mittarit:", "sv": "Indikatorer:"}
INDICATOR_LINE = {
    "fi": "- {name}: lähtötaso {baseline}, tavoite {target}. Seuranta: {follow_up}.",
    "sv": "- {name}: utgångsnivå {baseline}, mål {target}. Uppföljning: {follow_up}.",
}

# Budget line descriptions by cost category.
BUDGET_DESCRIPTIONS = {
    "fi": {
        "personnel": [
            "Projektipäällikkö",
            "Projektipäällikön palkka sivukuluineen",
            "Tietoasiantuntija (50 %)",
            "Controller, hankkeeseen käytetty työaika",
            "Prosessiasiantuntija",
        ],
        "travel": ["Matkat verkostotapaamisiin", "Vierailut vertaiskuntiin", "Koulutusmatkat"],
        "premises": ["Projektitilan vuokra", "Työpajatilojen vuokrat"],
        "purchased_services": [
            "Järjestelmäintegraatiot",
            "Määrittely- ja toteutustyö",
            "Raportointialustan toteutus",
            "Tiedonsiirtojen rakentaminen",
            "Esiselvitys",
        ],
        "expertise": [
            "Muutostuki ja koulutus",
            "Asiantuntijapalkkiot",
            "Tietoarkkitehtuurin konsultointi",
            "Käyttäjätutkimus",
        ],
        "licences": [
            "Analytiikkaohjelmiston lisenssit",
            "Ohjelmistorobotiikan lisenssit",
            "Pilvipalvelun käyttömaksut",
            "Raportointityökalun lisenssit",
        ],
    },
    "sv": {
        "personnel": [
            "Projektledare",
            "Projektledarens lön med bikostnader",
            "Dataexpert (50 %)",
            "Controller, arbetstid för projektet",
            "Processexpert",
        ],
        "travel": ["Resor till nätverksmöten", "Besök i andra kommuner", "Utbildningsresor"],
        "premises": ["Hyra för projektlokal", "Hyror för workshoplokaler"],
        "purchased_services": [
            "Systemintegrationer",
            "Specificerings- och genomförandearbete",
            "Rapporteringsplattform",
            "Dataöverföringar",
            "Förstudie",
        ],
        "expertise": [
            "Förändringsstöd och utbildning",
            "Expertarvoden",
            "Konsultation i dataarkitektur",
            "Användarundersökning",
        ],
        "licences": [
            "Licenser för analysprogram",
            "Licenser för programvarurobotik",
            "Avgifter för molntjänst",
            "Licenser för rapporteringsverktyg",
        ],
    },
}

ATTACHMENTS = {
    "fi": [("hankesuunnitelma.pdf", "Hankesuunnitelma", "Hankesuunnitelma"),
           ("kustannusarvio.pdf", "Kustannusarvion erittely", "Kustannusarvion erittely"),
           ("kunnanhallituksen-paatos.pdf", "Kunnanhallituksen päätös hakemuksesta", "Ote pöytäkirjasta")],
    "sv": [("projektplan.pdf", "Projektplan", "Projektplan"),
           ("kostnadskalkyl.pdf", "Specificerad kostnadskalkyl", "Specificerad kostnadskalkyl"),
           ("kommunstyrelsens-beslut.pdf", "Kommunstyrelsens beslut om ansökan", "Protokollsutdrag")],
}  # fmt: skip

CONTACT_TITLES = {
    "fi": ["talousjohtaja", "tietohallintopäällikkö", "kehittämispäällikkö", "controller", "hallintojohtaja",
           "digitalisaatiokoordinaattori", "henkilöstöjohtaja", "hankintapäällikkö", "talouspäällikkö"],
    "sv": ["ekonomidirektör", "IT-chef", "utvecklingschef", "controller", "förvaltningsdirektör",
           "digitaliseringskoordinator", "personaldirektör", "upphandlingschef", "ekonomichef"],
}  # fmt: skip
CONTACT_ROLES = {
    "fi": ["Hankkeen vastuuhenkilö", "Projektipäällikkö", "Talousasiat"],
    "sv": ["Ansvarsperson för projektet", "Projektledare", "Ekonomiska frågor"],
}

FIRST_NAMES = {
    "fi": ["Anna", "Antti", "Elina", "Heikki", "Hanna", "Jari", "Johanna", "Juha", "Kaisa", "Kari", "Katja",
           "Markku", "Minna", "Mikko", "Niina", "Pekka", "Riikka", "Sami", "Satu", "Timo", "Tiina", "Tuomas",
           "Ville", "Laura", "Marko", "Petri", "Sari", "Jukka", "Päivi", "Teemu", "Outi", "Janne"],
    "sv": ["Anders", "Annika", "Birgitta", "Camilla", "Christer", "Elin", "Fredrik", "Gunilla", "Henrik", "Ida",
           "Johan", "Karin", "Lars", "Linda", "Mats", "Maria", "Mikael", "Nina", "Patrik", "Sofia", "Stefan",
           "Susanne", "Tomas", "Ulrika", "Jonas"],
}  # fmt: skip
LAST_NAMES = {
    "fi": ["Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Mäkelä", "Hämäläinen", "Laine", "Heikkinen",
           "Koskinen", "Järvinen", "Lehtonen", "Lehtinen", "Saarinen", "Salminen", "Heinonen", "Niemi",
           "Heikkilä", "Kinnunen", "Salonen", "Turunen", "Salo", "Laitinen", "Tuominen", "Rantanen",
           "Karjalainen", "Jokinen", "Mattila", "Savolainen", "Lahtinen", "Ahonen"],
    "sv": ["Andersson", "Björkqvist", "Ek", "Forsman", "Granholm", "Holmström", "Lindqvist", "Lindholm",
           "Nyman", "Sjöberg", "Strand", "Westerlund", "Wikström", "Åström", "Backman", "Berg", "Enlund",
           "Hägglund", "Karlsson", "Nordström"],
}  # fmt: skip

# A short paragraph in the attachment PDF.
PDF_LINES = {
    "fi": ["Hakija: {name}", "Hanke: {title}", "Hakemuksen liite. Kannustinjärjestelmä 2019, kohde 1."],
    "sv": ["Sökande: {name}", "Projekt: {title}", "Bilaga till ansökan. Incitamentsystemet 2019, punkt 1."],
}

# Words for the one-line generic answer to a text question this module knows nothing about.
FALLBACK = {
    "fi": "{name}: vastaus on kuvattu hankesuunnitelmassa; keskeiset tiedot ovat tämän hakemuksen muissa kohdissa.",
    "sv": "{name}: svaret beskrivs i projektplanen; de centrala uppgifterna finns i ansökans övriga delar.",
}
