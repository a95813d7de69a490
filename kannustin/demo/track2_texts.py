"""Text material for track 2 of the 2019 round in the demo: joint-project proposals, expressions of interest,
the workshop and the joint applications, in Finnish and Swedish.

Each topic of the proposal call (the option keys of its `topics` question) has its own vocabulary: title cores,
summaries, and 4–5 sentence variants for each description (P1–P5), so that proposals of one topic read alike
and text similarity groups them (`jointprojects.matching`). Terms both languages share (Suomi.fi, RPA, GPS,
BI) help a proposal in Swedish find its Finnish neighbours.

Placeholders (str.format): {name} the municipality (Finnish: only ever in the nominative, so that no inflection
can go wrong), {region} the region's name in the text's language, {region_genitive} the Finnish genitive
("Pirkanmaan"), {pop} inhabitants, {staff} employees, {pct} a percentage, {hours} working hours a month,
{savings} euros a year, {transport} the yearly cost of school transport, {count} a small count (3–12). Joint applications add {months}, {pop_total} and
{municipalities} (how many municipalities take part).
"""

# How many proposals have each topic as their primary topic: uneven, like a real round (133 in all).
CLUSTER_SIZES = {
    "eservices": 30,
    "automation": 24,
    "knowledge_management": 22,
    "remote_work": 18,
    "contract_management": 16,
    "resident_centred": 13,
    "materials_logistics": 10,
}

# The national digitalisation goals (option keys of `national_goals`) each topic is most often tied to; the
# first is always chosen.
NATIONAL_GOALS = {
    "eservices": ["digital_first", "customer_oriented", "shared_solutions"],
    "remote_work": ["productivity", "digital_skills", "shared_solutions"],
    "contract_management": ["productivity", "data_use", "shared_solutions"],
    "materials_logistics": ["productivity", "data_use", "shared_solutions"],
    "knowledge_management": ["data_use", "productivity", "shared_solutions"],
    "automation": ["productivity", "digital_skills", "shared_solutions"],
    "resident_centred": ["customer_oriented", "digital_skills", "digital_first"],
}

# Titles of proposals: {core} is one of the topic's title cores, {core_lower} the same with a small initial.
TITLE_PATTERNS = {
    "fi": [
        "{core}",
        "{core} kuntien yhteistyönä",
        "{core} {region_genitive} kunnissa",
        "{core} – ehdotus yhteishankkeeksi",
        "{name}: {core_lower}",
    ],
    "sv": [
        "{core}",
        "{core} i samarbete mellan kommuner",
        "{core} i {region}",
        "{core} – förslag till samprojekt",
        "{name}: {core_lower}",
    ],
}
TITLE_WEIGHTS = [4, 3, 2, 1, 2]

# Titles of joint applications; {count_word} is the number of municipalities taking part, in words.
JOINT_TITLE_PATTERNS = {
    "fi": ["{core}", "{core}: {count_word} kunnan yhteishanke", "{core} {region_genitive} kunnissa"],
    "sv": ["{core}", "{core}: samprojekt mellan {count_word} kommuner", "{core} i {region}"],
}
# Finnish in the genitive ("kolmen kunnan yhteishanke"), Swedish as it is.
COUNT_WORDS = {
    "fi": {2: "kahden", 3: "kolmen", 4: "neljän", 5: "viiden", 6: "kuuden", 7: "seitsemän"},
    "sv": {2: "två", 3: "tre", 4: "fyra", 5: "fem", 6: "sex", 7: "sju"},
}

TOPICS = {
    "eservices": {
        "fi": {
            "cores": [
                "Sähköisen asioinnin yhteinen alusta",
                "Asukkaan sähköinen asiointitili",
                "Verkkoajanvaraus ja sähköiset lomakkeet",
                "Neuvontabotti asiakaspalveluun",
                "Sähköiset hakemukset ja päätökset asukkaille",
            ],
            "summary": [
                "Ehdotamme kuntien yhteistä sähköisen asioinnin alustaa, jolla asukas hoitaa hakemukset, "
                "ajanvaraukset ja ilmoitukset verkossa yhdellä Suomi.fi-tunnistautumisella. Paperilomakkeet "
                "korvataan saavutettavilla verkkolomakkeilla, ja päätökset toimitetaan Suomi.fi-viesteihin.",
                "Asukkaat haluavat asioida kunnan kanssa verkossa mihin vuorokaudenaikaan tahansa, mutta moni "
                "palvelu edellyttää yhä paperilomaketta tai käyntiä palvelupisteessä. Ehdotuksessa rakennetaan "
                "yhteinen asiointitili, johon kootaan kunnan sähköiset lomakkeet, ajanvaraukset ja päätökset.",
                "Ehdotuksessa kunnat ottavat yhdessä käyttöön verkkoajanvarauksen, sähköiset lomakkeet ja "
                "neuvontabotin. Asukas varaa liikuntavuoron, hakee varhaiskasvatuspaikkaa tai ilmoittautuu "
                "kansalaisopiston kurssille samassa palvelussa mobiililaitteella.",
                "Kuntien sähköiset palvelut ovat hajallaan eri järjestelmissä, ja asukas joutuu kirjautumaan "
                "jokaiseen erikseen. Ehdotamme yhteisesti määriteltyä asiointikokonaisuutta, jossa "
                "tunnistautuminen, lomakkeet, maksut ja viestit toimivat samalla tavalla kaikissa mukana "
                "olevissa kunnissa.",
            ],
            "p1": [
                "Sähköiset lomakkeet tallentavat tiedot suoraan taustajärjestelmiin, joten käsin tehtävä "
                "tietojen siirto paperilta järjestelmään loppuu.",
                "Asiointitili kokoaa asukkaan vireillä olevat asiat, ajanvaraukset ja päätökset yhteen "
                "näkymään, ja asiakaspalvelu näkee saman tilanteen neuvoessaan puhelimessa.",
                "Neuvontabotti vastaa toistuviin kysymyksiin ympäri vuorokauden ja ohjaa vaikeammat asiat "
                "asiakaspalvelun henkilöstölle.",
                "Verkkoajanvaraus vähentää puhelinjonoja, kun asukas näkee vapaat ajat ja varaa ne itse.",
                "Suomi.fi-tunnistus ja Suomi.fi-viestit otetaan käyttöön yhdenmukaisesti, joten päätökset ja "
                "muistutukset kulkevat sähköisesti ilman postikuluja.",
            ],
            "p2": [
                "Tavoitteena on, että vähintään {pct} % kunnan yleisimmistä asioinneista hoidetaan verkossa "
                "hankkeen päättyessä.",
                "Kaikki kunnan lomakkeet ovat saatavilla saavutettavina verkkolomakkeina, ja paperilomakkeita "
                "käytetään vain poikkeustapauksissa.",
                "Asukas saa päätöksen sähköisesti, ja hakemuksen käsittelyn tila näkyy asiointitilillä koko "
                "ajan.",
                "Puhelinneuvonnan ruuhkahuiput tasaantuvat, kun tavallisimpiin kysymyksiin saa vastauksen "
                "verkosta.",
            ],
            "p3": [
                "Jokainen kunta tarjoaa samoja asiointipalveluja, joten yhteisesti määritellyt lomakkeet ja "
                "asiointipolut voidaan ottaa käyttöön missä tahansa kunnassa.",
                "Pienellä kunnalla ei ole varaa rakentaa omaa asiointialustaa, mutta yhteinen ratkaisu jakaa "
                "kehittämisen ja ylläpidon kustannukset.",
                "Yhteinen asiointitili noudattaa kansallisia suosituksia ja hyödyntää Suomi.fi-palveluja, joten "
                "se sopii laajasti kuntakenttään.",
                "Asukkaalle sähköinen asiointi näyttää samalta riippumatta siitä, missä mukana olevista "
                "kunnista hän asuu.",
            ],
            "p4": [
                "Paperilomakkeiden tarkastus ja tallennus vie nyt noin {hours} työtuntia kuukaudessa; sähköinen "
                "lomake poistaa suurimman osan tästä työstä.",
                "Sähköiset päätökset ja muistutukset säästävät postituskuluja arviolta {savings} euroa "
                "vuodessa.",
                "Neuvontabotti ja verkkoajanvaraus vähentävät puheluja asiakaspalveluun arviolta {pct} %.",
                "Yhteinen alusta on halvempi ylläpitää kuin jokaisen kunnan oma asiointijärjestelmä.",
            ],
            "p5": [
                "Riskinä on, että osa asukkaista ei osaa tai voi käyttää sähköisiä palveluja; siksi "
                "palvelupisteissä tarjotaan asiointitukea ja paperilomake säilyy vaihtoehtona.",
                "Taustajärjestelmien rajapinnat vaihtelevat kunnittain, joten integraatiot määritellään ja "
                "testataan ensin kahdessa kunnassa.",
                "Saavutettavuus varmistetaan arvioinnilla ennen käyttöönottoa, jotta palvelu täyttää "
                "saavutettavuusvaatimukset.",
                "Neuvontabotin vastausten laatua seurataan, ja sisältöjä päivitetään asiakaspalvelun palautteen "
                "perusteella.",
            ],
            "partners_wanted": [
                "Etsimme kumppaneiksi kuntia, jotka haluavat luopua paperilomakkeista ja ottaa Suomi.fi-palvelut "
                "laajasti käyttöön.",
                "Toivomme mukaan erikokoisia kuntia sekä kuntien asiakaspalvelun ja tietohallinnon "
                "asiantuntijoita.",
                "Kumppaniksi sopii kunta, jolla on sama asiointijärjestelmä tai joka suunnittelee sen "
                "uusimista.",
            ],
            "process": "Asukkaan asiointi kunnan kanssa: hakemukset, ajanvaraukset, ilmoitukset ja päätösten "
            "tiedoksianto. Nyt suuri osa asioinneista tehdään paperilomakkeella, puhelimitse tai "
            "palvelupisteessä, ja tiedot tallennetaan järjestelmiin käsin.",
            "measures": "Hankkeessa kartoitetaan kuntien yleisimmät asioinnit, määritellään yhteiset lomakkeet "
            "ja asiointipolut, hankitaan asiointialusta yhteishankintana ja otetaan se käyttöön vaiheittain "
            "kaikissa osallistujakunnissa.",
            "indicators": [
                (
                    "Verkossa hoidettujen asiointien osuus",
                    "alle 20 %",
                    "{pct} %",
                    "Asiointialustan raportti neljännesvuosittain",
                ),
                (
                    "Sähköisinä lomakkeina saatavilla olevat lomakkeet",
                    "15 %",
                    "kaikki lomakkeet",
                    "Lomakeluettelon tarkistus puolivuosittain",
                ),
                (
                    "Asiakaspalvelun puhelut kuukaudessa",
                    "mitattu syksyllä 2019",
                    "−{pct} %",
                    "Puhelinjärjestelmän tilastot kuukausittain",
                ),
            ],  # fmt: skip
            "tasks": [
                "lomakkeiden ja asiointipolkujen määrittelystä",
                "Suomi.fi-palvelujen käyttöönotosta ja testauksesta",
                "neuvontabotin sisällöistä ja asiakaspalvelun koulutuksesta",
                "saavutettavuuden arvioinnista ja käyttäjätestauksesta",
            ],
        },
        "sv": {
            "cores": [
                "En gemensam plattform för e-tjänster",
                "Invånarnas e-tjänstekonto",
                "Tidsbokning och e-blanketter på webben",
                "En chattbot för kundtjänsten",
                "Elektroniska ansökningar och beslut för invånarna",
            ],
            "summary": [
                "Vi föreslår en gemensam plattform för kommunernas e-tjänster, där invånaren sköter ansökningar, "
                "tidsbokningar och anmälningar på webben med en enda Suomi.fi-identifikation. Pappersblanketterna "
                "ersätts med tillgängliga e-blanketter, och besluten skickas till Suomi.fi-meddelanden.",
                "Invånarna vill uträtta ärenden med kommunen på webben när som helst på dygnet, men många tjänster "
                "kräver fortfarande en pappersblankett eller ett besök vid ett serviceställe. I förslaget byggs "
                "ett gemensamt e-tjänstekonto där kommunens e-blanketter, tidsbokningar och beslut samlas.",
                "I förslaget tar kommunerna tillsammans i bruk tidsbokning på webben, e-blanketter och en chattbot "
                "för rådgivningen. Invånaren bokar en tid i idrottshallen, ansöker om plats inom "
                "småbarnspedagogiken eller anmäler sig till en kurs vid medborgarinstitutet i samma tjänst med "
                "sin mobil.",
                "Kommunernas e-tjänster är utspridda i olika system, och invånaren måste logga in i vart och ett "
                "för sig. Vi föreslår en gemensamt definierad helhet för e-tjänster, där identifiering, "
                "blanketter, betalningar och meddelanden fungerar på samma sätt i alla kommuner som deltar.",
            ],
            "p1": [
                "E-blanketterna sparar uppgifterna direkt i bakgrundssystemen, så att uppgifter inte längre "
                "behöver föras över för hand från papper till system.",
                "E-tjänstekontot samlar invånarens anhängiga ärenden, tidsbokningar och beslut i en vy, och "
                "kundtjänsten ser samma läge när den ger råd per telefon.",
                "Chattboten svarar på återkommande frågor dygnet runt och styr svårare ärenden vidare till "
                "personalen i kundtjänsten.",
                "Tidsbokningen på webben minskar telefonköerna, när invånaren ser de lediga tiderna och bokar dem "
                "själv.",
                "Suomi.fi-identifikationen och Suomi.fi-meddelanden tas i bruk på ett enhetligt sätt, så att "
                "beslut och påminnelser går elektroniskt utan portokostnader.",
            ],
            "p2": [
                "Målet är att minst {pct} % av de vanligaste ärendena hos kommunen sköts på webben när projektet "
                "avslutas.",
                "Alla kommunens blanketter finns som tillgängliga e-blanketter, och pappersblanketter används "
                "bara i undantagsfall.",
                "Invånaren får beslutet elektroniskt, och läget i behandlingen av ansökan syns hela tiden på "
                "e-tjänstekontot.",
                "Rusningstopparna i telefonrådgivningen jämnas ut, när invånarna får svar på de vanligaste "
                "frågorna på webben.",
            ],
            "p3": [
                "Varje kommun erbjuder samma e-tjänster, så gemensamt definierade blanketter och serviceflöden "
                "kan tas i bruk i vilken kommun som helst.",
                "En liten kommun har inte råd att bygga en egen plattform för e-tjänster, men en gemensam lösning "
                "delar kostnaderna för utveckling och underhåll.",
                "Det gemensamma e-tjänstekontot följer de nationella rekommendationerna och utnyttjar "
                "Suomi.fi-tjänsterna, så det passar brett för kommunerna.",
                "För invånaren ser e-tjänsterna likadana ut, oavsett i vilken av de deltagande kommunerna hen "
                "bor.",
            ],
            "p4": [
                "Granskningen och registreringen av pappersblanketter tar i dag cirka {hours} arbetstimmar i "
                "månaden; en e-blankett tar bort största delen av det arbetet.",
                "Elektroniska beslut och påminnelser sparar portokostnader på uppskattningsvis {savings} euro om "
                "året.",
                "Chattboten och tidsbokningen på webben minskar samtalen till kundtjänsten med uppskattningsvis "
                "{pct} %.",
                "En gemensam plattform är billigare att underhålla än ett eget system för e-tjänster i varje "
                "kommun.",
            ],
            "p5": [
                "En risk är att en del av invånarna inte kan eller har möjlighet att använda e-tjänster; därför "
                "erbjuds stöd vid servicepunkterna och pappersblanketten finns kvar som alternativ.",
                "Bakgrundssystemens gränssnitt varierar mellan kommunerna, så integrationerna specificeras och "
                "testas först i två kommuner.",
                "Tillgängligheten säkerställs med en utvärdering före införandet, så att tjänsten uppfyller "
                "tillgänglighetskraven.",
                "Kvaliteten på chattbotens svar följs upp, och innehållet uppdateras utgående från kundtjänstens "
                "respons.",
            ],
            "partners_wanted": [
                "Vi söker kommuner som vill avstå från pappersblanketter och ta i bruk Suomi.fi-tjänsterna i stor "
                "omfattning.",
                "Vi hoppas få med kommuner av olika storlek och experter från kommunernas kundtjänst och "
                "IT-förvaltning.",
                "En lämplig partner är en kommun som har samma system för e-tjänster eller planerar att förnya "
                "det.",
            ],
            "process": "Invånarnas ärenden hos kommunen: ansökningar, tidsbokningar, anmälningar och delgivning av "
            "beslut. I dag görs en stor del av ärendena med pappersblankett, per telefon eller vid ett "
            "serviceställe, och uppgifterna förs in i systemen för hand.",
            "measures": "I projektet kartläggs kommunernas vanligaste ärenden, gemensamma blanketter och "
            "serviceflöden definieras, plattformen för e-tjänster upphandlas som en samupphandling och tas i "
            "bruk stegvis i alla deltagande kommuner.",
            "indicators": [
                (
                    "Andel ärenden som sköts på webben",
                    "under 20 %",
                    "{pct} %",
                    "Rapport ur plattformen varje kvartal",
                ),
                (
                    "Blanketter som finns som e-blanketter",
                    "15 %",
                    "alla blanketter",
                    "Genomgång av blankettförteckningen varje halvår",
                ),
                (
                    "Samtal till kundtjänsten i månaden",
                    "mätt hösten 2019",
                    "−{pct} %",
                    "Statistik ur telefonsystemet varje månad",
                ),
            ],  # fmt: skip
            "tasks": [
                "specificeringen av blanketterna och serviceflödena",
                "införandet och testningen av Suomi.fi-tjänsterna",
                "chattbotens innehåll och utbildningen av kundtjänsten",
                "utvärderingen av tillgängligheten och användartesterna",
            ],
        },
    },
    "remote_work": {
        "fi": {
            "cores": [
                "Monipaikkaisen työn malli",
                "Digitaaliset työvälineet etätyöhön",
                "Etäkokoukset ja sähköinen allekirjoitus",
                "Pilvipalvelut ja mobiilityö kunnan henkilöstölle",
                "Ajasta ja paikasta riippumaton työ",
            ],
            "summary": [
                "Ehdotamme kunnille yhteistä mallia monipaikkaiseen työhön: henkilöstö voi tehdä työtään kotoa, "
                "toimipisteestä tai liikkuessaan turvallisilla pilvipalveluilla ja mobiililaitteilla. Samalla "
                "kokouskäytännöt uudistetaan niin, että etäosallistuminen on yhtä sujuvaa kuin paikan päällä.",
                "Kunnan henkilöstö ajaa päivittäin toimipisteiden välillä, ja monet tehtävät onnistuvat vain "
                "työpaikan koneella. Ehdotuksessa otetaan käyttöön digitaaliset työvälineet, videoneuvottelut "
                "ja sähköinen allekirjoitus, jotta työ ei ole sidottu aikaan tai paikkaan.",
                "Ehdotus uudistaa kunnan työn tekemisen tavat: asiakirjat ja työtilat siirretään "
                "pilvipalveluun, kokoukset pidetään tarvittaessa etänä ja päätökset allekirjoitetaan "
                "sähköisesti. Etätyön periaatteet, tietoturva ja esihenkilötyö sovitaan yhdessä.",
                "Kuntien on vaikea kilpailla osaajista, jos työ on sidottu yhteen toimipisteeseen. Ehdotamme "
                "yhteistä monipaikkaisen työn mallia, joka sisältää työvälineet, tietoturvaohjeet, etäjohtamisen "
                "koulutuksen ja yhteiset työtilat kuntien välillä.",
            ],
            "p1": [
                "Asiakirjat tallennetaan yhteiseen pilvipalveluun, jolloin samaa asiakirjaa voi muokata "
                "useampi henkilö yhtä aikaa paikasta riippumatta.",
                "Videoneuvottelut korvaavat osan kuntien välisistä kokousmatkoista, ja kokouksiin voi osallistua "
                "myös etänä.",
                "Sähköinen allekirjoitus nopeuttaa sopimusten ja päätösten allekirjoittamista, kun asiakirjaa ei "
                "tarvitse kierrättää paperisena.",
                "Mobiilityön välineet antavat kentällä työskentelevälle henkilöstölle pääsyn tarvittaviin "
                "tietoihin ilman käyntiä toimistolla.",
                "Kuntien toimipisteisiin varataan yhteisiä monitoimitiloja, joita minkä tahansa mukana olevan "
                "kunnan työntekijä voi käyttää.",
            ],
            "p2": [
                "Tavoitteena on, että vähintään {pct} % henkilöstöstä, jonka tehtävät sen sallivat, tekee osan "
                "työstään etänä.",
                "Kuntien väliset kokousmatkat vähenevät puoleen, ja kokousten etäosallistuminen on vakiintunut "
                "käytäntö.",
                "Kaikki sopimukset ja viranhaltijapäätökset allekirjoitetaan sähköisesti hankkeen päättyessä.",
                "Esihenkilöt on koulutettu johtamaan hajautettua tiimiä, ja etätyön pelisäännöt on kirjattu.",
            ],
            "p3": [
                "Kaikki kunnat kilpailevat samoista osaajista, ja monipaikkaisen työn malli parantaa erityisesti "
                "pienten kuntien mahdollisuuksia rekrytoida.",
                "Yhteiset tietoturvaohjeet ja etätyön periaatteet ovat sellaisenaan muiden kuntien "
                "käytettävissä.",
                "Kun kuntien työntekijät voivat käyttää toistensa toimitiloja, seudullinen yhteistyö helpottuu "
                "ja tilojen käyttöaste nousee.",
                "Malli tukee kansallista tavoitetta työn tuottavuuden ja henkilöstön digitaitojen "
                "parantamisesta.",
            ],
            "p4": [
                "Matkakustannukset ja matkoihin kuluva työaika vähenevät arviolta {savings} euroa vuodessa.",
                "Toimitilatarve pienenee, kun monitoimitiloja käytetään vuorotellen; säästö on arviolta {pct} % "
                "toimistotilojen kustannuksista.",
                "Sähköinen allekirjoitus säästää tulostus- ja postituskuluja sekä noin {hours} työtuntia "
                "kuukaudessa.",
                "Sairauspoissaolot ja vaihtuvuus vähenevät, kun työn joustavuus paranee.",
            ],
            "p5": [
                "Tietoturva on keskeinen riski: etäyhteydet, laitteiden hallinta ja käyttäjien tunnistaminen "
                "toteutetaan yhteisen tietoturvasuunnitelman mukaan.",
                "Kaikki tehtävät eivät sovellu etätyöhön, joten malli tehdään tehtäväkohtaisesti yhdessä "
                "esihenkilöiden kanssa.",
                "Riskinä on työyhteisön hajoaminen; siksi yhteisiä lähipäiviä ja etäjohtamisen koulutusta "
                "järjestetään säännöllisesti.",
                "Yhteyksien laatu vaihtelee haja-asutusalueilla, mikä otetaan huomioon laitteiden ja palvelujen "
                "valinnassa.",
            ],
            "partners_wanted": [
                "Etsimme kuntia, jotka haluavat kehittää monipaikkaista työtä ja jakaa toimitiloja "
                "naapurikuntien kanssa.",
                "Kumppaniksi sopii kunta, joka on jo ottanut käyttöön pilvipalveluja tai sähköisen "
                "allekirjoituksen.",
                "Toivomme mukaan myös henkilöstöhallinnon ja tietoturvan asiantuntijoita.",
            ],
            "process": "Kunnan henkilöstön työn tekeminen ja kokoukset: asiakirjojen käsittely, yhteistyö "
            "toimipisteiden ja kuntien välillä, kokoukset ja allekirjoitukset. Nyt suuri osa työstä edellyttää "
            "läsnäoloa toimipisteessä ja paperisia asiakirjoja.",
            "measures": "Hankkeessa sovitaan monipaikkaisen työn periaatteet, hankitaan pilvipalvelut ja "
            "sähköisen allekirjoituksen palvelu yhteishankintana, koulutetaan esihenkilöt etäjohtamiseen ja "
            "avataan kuntien yhteiset monitoimitilat.",
            "indicators": [
                (
                    "Osan työstään etänä tekevien osuus",
                    "alle 10 %",
                    "{pct} %",
                    "Henkilöstökysely puolivuosittain",
                ),
                (
                    "Sähköisesti allekirjoitetut sopimukset ja päätökset",
                    "0 %",
                    "100 %",
                    "Allekirjoituspalvelun raportti neljännesvuosittain",
                ),
                (
                    "Kuntien väliset kokousmatkat (km/kk)",
                    "mitattu syksyllä 2019",
                    "−50 %",
                    "Matkalaskujen seuranta kuukausittain",
                ),
            ],  # fmt: skip
            "tasks": [
                "etätyön periaatteiden ja tietoturvaohjeiden laatimisesta",
                "pilvipalvelujen käyttöönotosta ja henkilöstön koulutuksesta",
                "sähköisen allekirjoituksen pilotoinnista",
                "monitoimitilojen järjestämisestä ja niiden varausjärjestelmästä",
            ],
        },
        "sv": {
            "cores": [
                "En modell för flerplatsarbete",
                "Digitala arbetsverktyg för distansarbete",
                "Distansmöten och elektronisk underskrift",
                "Molntjänster och mobilt arbete för kommunens personal",
                "Arbete oberoende av tid och plats",
            ],
            "summary": [
                "Vi föreslår en gemensam modell för flerplatsarbete i kommunerna: personalen kan arbeta hemifrån, "
                "på arbetsplatsen eller på resande fot med säkra molntjänster och mobila enheter. Samtidigt "
                "förnyas mötespraxisen så att det är lika smidigt att delta på distans som på plats.",
                "Kommunens personal kör dagligen mellan verksamhetsställena, och många uppgifter kan bara skötas "
                "på arbetsplatsens dator. I förslaget tas digitala arbetsverktyg, videokonferenser och "
                "elektronisk underskrift i bruk, så att arbetet inte är bundet till tid eller plats.",
                "Förslaget förnyar kommunens verksamhetssätt: dokument och arbetsrum flyttas till en molntjänst, "
                "mötena hålls vid behov på distans och besluten undertecknas elektroniskt. Principerna för "
                "distansarbete, datasäkerheten och chefsarbetet avtalas gemensamt.",
                "Det är svårt för kommunerna att konkurrera om kunnig personal om arbetet är bundet till ett "
                "verksamhetsställe. Vi föreslår en gemensam modell för flerplatsarbete med arbetsverktyg, "
                "anvisningar om datasäkerhet, utbildning i distansledning och gemensamma arbetsplatser mellan "
                "kommunerna.",
            ],
            "p1": [
                "Dokumenten sparas i en gemensam molntjänst, så att flera personer kan redigera samma dokument "
                "samtidigt oberoende av plats.",
                "Videokonferenser ersätter en del av mötesresorna mellan kommunerna, och det går att delta i "
                "mötena på distans.",
                "Elektronisk underskrift påskyndar undertecknandet av avtal och beslut, när dokumentet inte "
                "behöver skickas runt på papper.",
                "Verktygen för mobilt arbete ger personalen som arbetar ute på fältet tillgång till de uppgifter "
                "som behövs utan att besöka kontoret.",
                "I kommunernas verksamhetsställen reserveras gemensamma multifunktionslokaler som arbetstagare "
                "från vilken som helst av de deltagande kommunerna kan använda.",
            ],
            "p2": [
                "Målet är att minst {pct} % av den personal vars uppgifter tillåter det arbetar en del av tiden "
                "på distans.",
                "Mötesresorna mellan kommunerna halveras, och att delta i möten på distans har blivit etablerad "
                "praxis.",
                "Alla avtal och tjänsteinnehavarbeslut undertecknas elektroniskt när projektet avslutas.",
                "Cheferna har utbildats i att leda ett distribuerat team, och spelreglerna för distansarbete har "
                "skrivits ned.",
            ],
            "p3": [
                "Alla kommuner konkurrerar om samma kunniga personal, och modellen för flerplatsarbete förbättrar "
                "särskilt små kommuners möjligheter att rekrytera.",
                "De gemensamma anvisningarna om datasäkerhet och principerna för distansarbete kan användas som "
                "sådana i andra kommuner.",
                "När kommunernas anställda kan använda varandras lokaler blir det regionala samarbetet lättare "
                "och lokalerna används effektivare.",
                "Modellen stöder det nationella målet att förbättra arbetets produktivitet och personalens "
                "digitala färdigheter.",
            ],
            "p4": [
                "Resekostnaderna och arbetstiden som går åt till resor minskar med uppskattningsvis {savings} "
                "euro om året.",
                "Behovet av kontorslokaler minskar när multifunktionslokalerna används växelvis; besparingen är "
                "uppskattningsvis {pct} % av kostnaderna för kontorslokaler.",
                "Den elektroniska underskriften sparar utskrifts- och portokostnader samt cirka {hours} "
                "arbetstimmar i månaden.",
                "Sjukfrånvaron och personalomsättningen minskar när arbetet blir flexiblare.",
            ],
            "p5": [
                "Datasäkerheten är en central risk: distansförbindelserna, hanteringen av enheterna och "
                "identifieringen av användarna genomförs enligt en gemensam plan för datasäkerhet.",
                "Alla uppgifter lämpar sig inte för distansarbete, så modellen görs upp uppgift för uppgift "
                "tillsammans med cheferna.",
                "En risk är att arbetsgemenskapen splittras; därför ordnas regelbundet gemensamma närdagar och "
                "utbildning i distansledning.",
                "Förbindelsernas kvalitet varierar på glesbygden, vilket beaktas när enheter och tjänster väljs.",
            ],
            "partners_wanted": [
                "Vi söker kommuner som vill utveckla flerplatsarbete och dela lokaler med grannkommunerna.",
                "En lämplig partner är en kommun som redan har tagit i bruk molntjänster eller elektronisk "
                "underskrift.",
                "Vi hoppas också få med experter på personalförvaltning och datasäkerhet.",
            ],
            "process": "Hur kommunens personal arbetar och håller möten: hanteringen av dokument, samarbetet "
            "mellan verksamhetsställen och kommuner, möten och underskrifter. I dag kräver en stor del av "
            "arbetet närvaro på arbetsplatsen och dokument på papper.",
            "measures": "I projektet avtalas principerna för flerplatsarbete, molntjänsterna och tjänsten för "
            "elektronisk underskrift upphandlas som en samupphandling, cheferna utbildas i distansledning och "
            "kommunernas gemensamma multifunktionslokaler öppnas.",
            "indicators": [
                (
                    "Andel anställda som arbetar en del av tiden på distans",
                    "under 10 %",
                    "{pct} %",
                    "Personalenkät varje halvår",
                ),
                (
                    "Avtal och beslut som undertecknas elektroniskt",
                    "0 %",
                    "100 %",
                    "Rapport ur underskriftstjänsten varje kvartal",
                ),
                (
                    "Mötesresor mellan kommunerna (km/mån.)",
                    "mätt hösten 2019",
                    "−50 %",
                    "Uppföljning av reseräkningarna varje månad",
                ),
            ],  # fmt: skip
            "tasks": [
                "utarbetandet av principerna för distansarbete och anvisningarna om datasäkerhet",
                "införandet av molntjänsterna och utbildningen av personalen",
                "pilotförsöket med elektronisk underskrift",
                "ordnandet av multifunktionslokalerna och bokningssystemet för dem",
            ],
        },
    },
    "contract_management": {
        "fi": {
            "cores": [
                "Yhteinen sopimusrekisteri",
                "Sopimushallinnan digitalisointi",
                "Sopimusten elinkaaren hallinta",
                "Sopimusvalvonta ja toimittajayhteistyö",
                "Hankinta- ja sopimustiedon yhdistäminen",
            ],
            "summary": [
                "Kunnan sopimukset ovat hajallaan yksiköiden kansioissa ja sähköposteissa, eikä kukaan tiedä "
                "tarkasti, mitä on sovittu ja milloin sopimukset päättyvät. Ehdotamme yhteistä sähköistä "
                "sopimusrekisteriä, johon kaikki sopimukset, optiot ja irtisanomisajat kirjataan "
                "yhdenmukaisesti.",
                "Ehdotuksessa kunnat ottavat käyttöön sopimushallinnan järjestelmän, joka kattaa sopimusten koko "
                "elinkaaren hankinnasta sopimuskauden päättymiseen. Järjestelmä muistuttaa optioista ja "
                "irtisanomisajoista ja kokoaa toimittajien suoriutumisen seurannan.",
                "Sopimusvalvonta jää kunnissa usein tekemättä, koska sopimusehtoja ja laskutusta ei voi helposti "
                "verrata. Ehdotamme yhteistä toimintamallia ja sopimusrekisteriä, joka yhdistää hankinta-, "
                "sopimus- ja laskutustiedot.",
                "Ehdotamme sopimushallinnan yhteistä mallia: sopimusten luokittelu, vastuuhenkilöt, "
                "sopimuskauden seuranta ja muistutukset määritellään kuntien kesken, ja sopimukset tallennetaan "
                "yhteen rekisteriin.",
            ],
            "p1": [
                "Jokaiselle sopimukselle nimetään vastuuhenkilö, ja sopimusrekisteri muistuttaa häntä optioista "
                "ja irtisanomisajoista hyvissä ajoin.",
                "Sopimusrekisteri yhdistetään hankintojen ja ostolaskujen tietoihin, jolloin laskutusta voidaan "
                "verrata sopimushintoihin.",
                "Sopimusten luokittelu ja metatiedot määritellään yhdessä, joten sopimuksia voidaan hakea ja "
                "raportoida yhdenmukaisesti.",
                "Toimittajien suoriutumista arvioidaan sopimuskauden aikana yhteisillä kriteereillä, ja arviot "
                "tallennetaan rekisteriin.",
            ],
            "p2": [
                "Tavoitteena on, että kaikki voimassa olevat sopimukset ovat rekisterissä hankkeen päättyessä ja "
                "jokaisella on vastuuhenkilö.",
                "Yksikään sopimus ei jatku vahingossa irtisanomisajan umpeuduttua, ja optioiden käytöstä "
                "päätetään ajoissa.",
                "Sopimushintojen ja laskutuksen poikkeamat havaitaan kuukausittain eikä vasta "
                "tilintarkastuksessa.",
                "Sopimustiedot ovat hankintojen suunnittelun käytössä, ja kilpailutukset ajoitetaan "
                "sopimuskausien mukaan.",
            ],
            "p3": [
                "Kaikilla kunnilla on satoja sopimuksia ja samat ongelmat niiden seurannassa, joten yhteinen "
                "malli on laajasti hyödynnettävissä.",
                "Yhteiset sopimusten metatiedot mahdollistavat kuntien välisen vertailun ja yhteishankintojen "
                "suunnittelun.",
                "Pienissä kunnissa sopimushallinta on yhden tai kahden henkilön varassa, ja valmis malli "
                "vähentää haavoittuvuutta.",
                "Malli noudattaa julkisten hankintojen tiedonhallinnan kansallisia linjauksia.",
            ],
            "p4": [
                "Sopimusvalvonnalla arvioidaan saatavan {pct} % säästöt niissä sopimuksissa, joissa laskutus "
                "poikkeaa sopimushinnoista.",
                "Tarpeettomien sopimusten irtisanominen ja optioiden harkittu käyttö säästävät arviolta "
                "{savings} euroa vuodessa.",
                "Sopimusten etsimiseen ja tarkistamiseen kuluu nyt noin {hours} työtuntia kuukaudessa; rekisteri "
                "puolittaa tämän ajan.",
                "Ajoitetut kilpailutukset parantavat hintoja, kun sopimuksia ei jatketa pakon edessä.",
            ],
            "p5": [
                "Riskinä on, että vanhoja sopimuksia ei saada kattavasti rekisteriin; siksi niiden kirjaamiseen "
                "varataan erillinen resurssi.",
                "Sopimusrekisterin käyttö edellyttää, että yksiköt sitoutuvat kirjaamaan uudet sopimukset heti; "
                "tämä kirjataan hankintaohjeeseen.",
                "Liikesalaisuuksia sisältävien sopimusten käyttöoikeudet määritellään huolellisesti.",
                "Järjestelmien väliset integraatiot voivat viivästyä, joten rekisteri otetaan käyttöön ensin "
                "ilman niitä.",
            ],
            "partners_wanted": [
                "Etsimme kuntia, joiden hankintatoimi haluaa yhtenäistää sopimushallinnan käytännöt.",
                "Kumppaniksi sopii kunta tai kuntayhtymä, jolla on paljon palvelusopimuksia ja tarve niiden "
                "valvontaan.",
                "Toivomme mukaan hankinta- ja talousasiantuntijoita sekä juristeja.",
            ],
            "process": "Sopimusten hallinta hankinnasta sopimuskauden loppuun: sopimusten tallennus, "
            "vastuuhenkilöt, optioiden ja irtisanomisaikojen seuranta sekä laskutuksen vertaaminen "
            "sopimushintoihin. Nyt sopimukset ovat hajallaan yksiköissä, eikä niiden seurantaan ole yhteistä "
            "tapaa.",
            "measures": "Hankkeessa kartoitetaan osallistujien voimassa olevat sopimukset, määritellään yhteiset "
            "metatiedot ja vastuut, hankitaan sopimushallinnan järjestelmä yhteishankintana, kirjataan "
            "sopimukset rekisteriin ja liitetään se hankinta- ja laskutustietoihin.",
            "indicators": [
                (
                    "Rekisteriin kirjattujen voimassa olevien sopimusten osuus",
                    "alle 30 %",
                    "100 %",
                    "Sopimusrekisterin raportti neljännesvuosittain",
                ),
                (
                    "Sopimukset, joilla on nimetty vastuuhenkilö",
                    "noin puolet",
                    "kaikki",
                    "Sopimusrekisterin raportti neljännesvuosittain",
                ),
                (
                    "Laskutuksen ja sopimushinnan poikkeamat",
                    "ei seurata",
                    "seurataan kuukausittain",
                    "Talouspalvelujen raportti kuukausittain",
                ),
            ],  # fmt: skip
            "tasks": [
                "sopimusten metatietojen ja luokittelun määrittelystä",
                "vanhojen sopimusten kirjaamisesta rekisteriin",
                "rekisterin liittämisestä hankinta- ja laskutustietoihin",
                "sopimusvalvonnan toimintamallista ja koulutuksesta",
            ],
        },
        "sv": {
            "cores": [
                "Ett gemensamt avtalsregister",
                "Digitalisering av avtalshanteringen",
                "Hantering av avtalens livscykel",
                "Avtalsuppföljning och samarbete med leverantörer",
                "Sammanförande av upphandlings- och avtalsdata",
            ],
            "summary": [
                "Kommunens avtal är utspridda i enheternas mappar och e-post, och ingen vet exakt vad som har "
                "avtalats och när avtalen löper ut. Vi föreslår ett gemensamt elektroniskt avtalsregister där "
                "alla avtal, optioner och uppsägningstider registreras på ett enhetligt sätt.",
                "I förslaget tar kommunerna i bruk ett system för avtalshantering som täcker avtalens hela "
                "livscykel från upphandlingen till att avtalsperioden löper ut. Systemet påminner om optioner "
                "och uppsägningstider och samlar uppföljningen av leverantörernas prestationer.",
                "Avtalsuppföljningen blir ofta ogjord i kommunerna, eftersom avtalsvillkoren och faktureringen "
                "inte enkelt kan jämföras. Vi föreslår en gemensam verksamhetsmodell och ett avtalsregister som "
                "förenar upphandlings-, avtals- och faktureringsdata.",
                "Vi föreslår en gemensam modell för avtalshantering: klassificeringen av avtalen, "
                "ansvarspersonerna, uppföljningen av avtalsperioden och påminnelserna definieras mellan "
                "kommunerna, och avtalen sparas i ett register.",
            ],
            "p1": [
                "Varje avtal får en ansvarsperson, och avtalsregistret påminner hen om optioner och "
                "uppsägningstider i god tid.",
                "Avtalsregistret kopplas till uppgifterna om upphandlingar och inköpsfakturor, så att "
                "faktureringen kan jämföras med avtalspriserna.",
                "Klassificeringen av avtalen och metadata definieras gemensamt, så att avtalen kan sökas och "
                "rapporteras på ett enhetligt sätt.",
                "Leverantörernas prestationer bedöms under avtalsperioden med gemensamma kriterier, och "
                "bedömningarna sparas i registret.",
            ],
            "p2": [
                "Målet är att alla gällande avtal finns i registret när projektet avslutas och att vart och ett "
                "har en ansvarsperson.",
                "Inget avtal förlängs av misstag efter att uppsägningstiden har gått ut, och beslut om optioner "
                "fattas i tid.",
                "Avvikelser mellan avtalspriser och fakturering upptäcks varje månad och inte först vid "
                "revisionen.",
                "Avtalsuppgifterna används när upphandlingarna planeras, och konkurrensutsättningarna tidsätts "
                "enligt avtalsperioderna.",
            ],
            "p3": [
                "Alla kommuner har hundratals avtal och samma problem med att följa upp dem, så en gemensam modell "
                "kan användas brett.",
                "Gemensam metadata för avtalen gör det möjligt att jämföra kommunerna och planera "
                "samupphandlingar.",
                "I små kommuner hänger avtalshanteringen på en eller två personer, och en färdig modell minskar "
                "sårbarheten.",
                "Modellen följer de nationella riktlinjerna för informationshanteringen inom offentlig "
                "upphandling.",
            ],
            "p4": [
                "Genom avtalsuppföljning beräknas besparingar på {pct} % i de avtal där faktureringen avviker "
                "från avtalspriserna.",
                "Att säga upp onödiga avtal och använda optioner med eftertanke sparar uppskattningsvis "
                "{savings} euro om året.",
                "Att söka och kontrollera avtal tar i dag cirka {hours} arbetstimmar i månaden; registret "
                "halverar den tiden.",
                "Väl tidsatta konkurrensutsättningar förbättrar priserna, när avtal inte förlängs i brist på "
                "alternativ.",
            ],
            "p5": [
                "En risk är att äldre avtal inte förs in i registret heltäckande; därför reserveras en separat "
                "resurs för att registrera dem.",
                "Användningen av avtalsregistret förutsätter att enheterna förbinder sig att registrera nya avtal "
                "genast; detta skrivs in i upphandlingsanvisningen.",
                "Behörigheterna till avtal som innehåller affärshemligheter definieras omsorgsfullt.",
                "Integrationerna mellan systemen kan bli försenade, så registret tas först i bruk utan dem.",
            ],
            "partners_wanted": [
                "Vi söker kommuner vars upphandlingsenhet vill förenhetliga praxisen för avtalshantering.",
                "En lämplig partner är en kommun eller samkommun med många serviceavtal och behov av att följa "
                "upp dem.",
                "Vi hoppas få med experter på upphandling och ekonomi samt jurister.",
            ],
            "process": "Hanteringen av avtal från upphandlingen till avtalsperiodens slut: lagring av avtalen, "
            "ansvarspersoner, uppföljning av optioner och uppsägningstider samt jämförelse av faktureringen med "
            "avtalspriserna. I dag är avtalen utspridda i enheterna, och det finns inget gemensamt sätt att följa "
            "upp dem.",
            "measures": "I projektet kartläggs deltagarnas gällande avtal, gemensam metadata och gemensamma "
            "ansvar definieras, ett system för avtalshantering upphandlas som en samupphandling, avtalen förs "
            "in i registret och registret kopplas till upphandlings- och faktureringsdata.",
            "indicators": [
                (
                    "Andel gällande avtal som förts in i registret",
                    "under 30 %",
                    "100 %",
                    "Rapport ur avtalsregistret varje kvartal",
                ),
                (
                    "Avtal med en utsedd ansvarsperson",
                    "cirka hälften",
                    "alla",
                    "Rapport ur avtalsregistret varje kvartal",
                ),
                (
                    "Avvikelser mellan fakturering och avtalspris",
                    "följs inte upp",
                    "följs upp varje månad",
                    "Ekonomiservicens rapport varje månad",
                ),
            ],  # fmt: skip
            "tasks": [
                "definitionen av avtalens metadata och klassificering",
                "registreringen av äldre avtal i registret",
                "kopplingen av registret till upphandlings- och faktureringsdata",
                "verksamhetsmodellen för avtalsuppföljning och utbildningen",
            ],
        },
    },
    "materials_logistics": {
        "fi": {
            "cores": [
                "Koulukuljetusten reittioptimointi",
                "Sisäisen logistiikan ja varastojen optimointi",
                "Ruokakuljetusten ja materiaalivirtojen optimointi",
                "Kuljetusten yhdistely ja älykäs reititys",
                "Kaluston ja ajoneuvojen käytön optimointi",
            ],
            "summary": [
                "Kunnat järjestävät koulukuljetukset, ruokakuljetukset ja sisäisen postin erikseen, ja ajoneuvot "
                "kulkevat usein vajaalla kuormalla. Ehdotamme yhteistä reittioptimointia, joka yhdistää "
                "kuljetukset ja suunnittelee reitit ajantasaisen tiedon perusteella.",
                "Ehdotuksessa kunnat optimoivat materiaalivirtansa: varastot, tilaukset ja toimitukset kootaan "
                "yhteen järjestelmään, ja toimipisteisiin tehtävät kuljetukset yhdistellään. Hävikki ja "
                "kuljetuskilometrit vähenevät.",
                "Koulukuljetusten suunnittelu tehdään monessa kunnassa käsin taulukoilla. Ehdotamme kuntien "
                "yhteistä reittioptimoinnin palvelua, joka laskee reitit oppilaiden osoitteiden, koulujen "
                "aikataulujen ja kaluston perusteella.",
                "Ehdotamme kuntien kaluston ja ajoneuvojen yhteiskäyttöä: ajoneuvojen GPS-tiedot ja varaukset "
                "kootaan yhteen näkymään, jolloin kalustoa tarvitaan vähemmän ja ajot voidaan yhdistellä.",
            ],
            "p1": [
                "Reittioptimointi laskee koulukuljetusten reitit uudelleen aina, kun oppilasmäärät tai koulujen "
                "aikataulut muuttuvat.",
                "Ruokakuljetukset, sisäinen posti ja materiaalitoimitukset yhdistellään samoihin ajoihin, "
                "jolloin ajoneuvojen kuormitus paranee.",
                "Varastojen saldot ja tilaukset näkyvät yhdessä järjestelmässä, joten toimipisteet eivät tilaa "
                "samaa tavaraa päällekkäin.",
                "Ajoneuvojen GPS-tiedoista nähdään ajantasainen tilannekuva, ja poikkeamiin voidaan reagoida "
                "heti.",
            ],
            "p2": [
                "Tavoitteena on vähentää kuljetuskilometrejä vähintään {pct} % hankkeen aikana.",
                "Koulukuljetusten reitit suunnitellaan optimoinnilla, ja suunnitteluun kuluva aika puolittuu.",
                "Ruokapalvelujen hävikki ja varastojen ylimääräiset saldot pienenevät selvästi.",
                "Kuljetusten päästöt pienenevät, kun ajoja yhdistellään ja tyhjänä ajo vähenee.",
            ],
            "p3": [
                "Jokainen kunta järjestää koulukuljetuksia, joten optimoinnin malli ja tietomääritykset ovat "
                "suoraan muiden kuntien hyödynnettävissä.",
                "Naapurikuntien kuljetuksia voidaan yhdistellä kuntarajojen yli, mikä hyödyttää erityisesti "
                "harvaan asuttuja alueita.",
                "Yhteinen logistiikan tietomalli helpottaa kuljetusten yhteishankintoja.",
                "Hanke tukee kansallisia ilmastotavoitteita vähentämällä kuljetusten päästöjä.",
            ],
            "p4": [
                "Koulukuljetusten kustannukset ovat noin {transport} euroa vuodessa, ja optimoinnilla niistä "
                "arvioidaan säästettävän {pct} %.",
                "Kuljetusten yhdistely vähentää tarvittavien ajoneuvojen määrää ja niiden ylläpitokuluja.",
                "Reittien suunnitteluun kuluu nyt noin {hours} työtuntia kuukaudessa; optimointi vapauttaa "
                "suurimman osan tästä.",
                "Hävikin väheneminen ruokapalveluissa tuo suoria säästöjä raaka-ainekustannuksiin.",
            ],
            "p5": [
                "Oppilaiden osoitetietoja käsitellään tietosuojan mukaisesti, ja käyttöoikeudet rajataan "
                "kuljetusten suunnittelijoihin.",
                "Kuljetussopimukset ovat voimassa vielä osan hankkeen ajasta, joten optimoidut reitit otetaan "
                "käyttöön sopimuskausien mukaan.",
                "Optimointi ei saa pidentää oppilaiden matka-aikoja kohtuuttomasti; enimmäisajat kirjataan "
                "reunaehdoiksi.",
                "Järjestelmien yhteensopivuus on riski, joten tiedonsiirrot testataan ensin yhdessä kunnassa.",
            ],
            "partners_wanted": [
                "Etsimme naapurikuntia, joiden kanssa koulu- ja ruokakuljetuksia voidaan yhdistellä.",
                "Kumppaniksi sopii kunta, joka suunnittelee kuljetusten kilpailutusta lähivuosina.",
                "Toivomme mukaan myös logistiikan ja reittioptimoinnin asiantuntijoita.",
            ],
            "process": "Kuntien kuljetukset ja materiaalivirrat: koulukuljetusten suunnittelu, ruoka- ja "
            "materiaalikuljetukset sekä varastojen hallinta. Nyt kuljetukset suunnitellaan kunnittain ja osin "
            "käsin, eikä niitä yhdistellä.",
            "measures": "Hankkeessa kootaan kuljetusten ja varastojen lähtötiedot, hankitaan reittioptimoinnin "
            "palvelu yhteishankintana, suunnitellaan reitit uudelleen ja yhdistellään kuljetuksia kuntarajojen "
            "yli pilottialueella ennen laajentamista.",
            "indicators": [
                (
                    "Kuljetuskilometrit vuodessa",
                    "mitataan lukuvuonna 2019–2020",
                    "−{pct} %",
                    "Kuljetusten seurantaraportti neljännesvuosittain",
                ),
                (
                    "Reittisuunnitteluun käytetty työaika (h/kk)",
                    "{hours} h",
                    "puolet lähtötasosta",
                    "Työajanseuranta puolivuosittain",
                ),
                (
                    "Ruokapalvelujen hävikki",
                    "mitattu syksyllä 2019",
                    "−20 %",
                    "Hävikkiseuranta kuukausittain",
                ),
            ],  # fmt: skip
            "tasks": [
                "kuljetusten lähtötietojen kokoamisesta",
                "koulukuljetusten reittien optimoinnista",
                "ruoka- ja materiaalikuljetusten yhdistelystä",
                "varastojen ja tilausten yhteisestä tietomallista",
            ],
        },
        "sv": {
            "cores": [
                "Ruttoptimering av skolskjutsarna",
                "Optimering av den interna logistiken och lagren",
                "Optimering av mattransporter och materialflöden",
                "Samordning av transporter och smart ruttplanering",
                "Optimering av fordonsflottan och användningen av fordon",
            ],
            "summary": [
                "Kommunerna ordnar skolskjutsarna, mattransporterna och den interna posten var för sig, och "
                "fordonen kör ofta med halvtom last. Vi föreslår en gemensam ruttoptimering som samordnar "
                "transporterna och planerar rutterna utgående från aktuell information.",
                "I förslaget optimerar kommunerna sina materialflöden: lager, beställningar och leveranser samlas "
                "i ett system, och transporterna till verksamhetsställena samordnas. Svinnet och "
                "transportkilometrarna minskar.",
                "Skolskjutsarna planeras i många kommuner för hand i kalkylark. Vi föreslår en gemensam tjänst "
                "för ruttoptimering som beräknar rutterna utgående från elevernas adresser, skolornas tidtabeller "
                "och fordonsflottan.",
                "Vi föreslår att kommunerna använder fordonsflottan gemensamt: fordonens GPS-uppgifter och "
                "bokningar samlas i en vy, så att färre fordon behövs och körningarna kan samordnas.",
            ],
            "p1": [
                "Ruttoptimeringen beräknar skolskjutsarnas rutter på nytt varje gång elevantalet eller skolornas "
                "tidtabeller ändras.",
                "Mattransporter, intern post och materialleveranser samordnas i samma körningar, så att fordonen "
                "utnyttjas bättre.",
                "Lagrens saldon och beställningarna syns i ett system, så att verksamhetsställena inte beställer "
                "samma varor överlappande.",
                "Fordonens GPS-uppgifter ger en aktuell lägesbild, och avvikelser kan åtgärdas genast.",
            ],
            "p2": [
                "Målet är att minska transportkilometrarna med minst {pct} % under projektet.",
                "Skolskjutsarnas rutter planeras med optimering, och tiden som går åt till planeringen halveras.",
                "Svinnet inom kostservicen och överskottssaldona i lagren minskar tydligt.",
                "Transporternas utsläpp minskar när körningar samordnas och fordonen kör tomma mer sällan.",
            ],
            "p3": [
                "Varje kommun ordnar skolskjutsar, så optimeringsmodellen och datadefinitionerna kan användas "
                "direkt i andra kommuner.",
                "Grannkommunernas transporter kan samordnas över kommungränserna, vilket gagnar särskilt glest "
                "bebodda områden.",
                "En gemensam datamodell för logistiken gör det lättare att samupphandla transporter.",
                "Projektet stöder de nationella klimatmålen genom att minska transporternas utsläpp.",
            ],
            "p4": [
                "Skolskjutsarna kostar cirka {transport} euro om året, och med optimering beräknas {pct} % av "
                "kostnaderna kunna sparas.",
                "Samordningen av transporterna minskar antalet fordon som behövs och kostnaderna för att "
                "underhålla dem.",
                "Planeringen av rutterna tar i dag cirka {hours} arbetstimmar i månaden; optimeringen frigör "
                "största delen av den tiden.",
                "När svinnet inom kostservicen minskar uppstår direkta besparingar i råvarukostnaderna.",
            ],
            "p5": [
                "Elevernas adressuppgifter behandlas enligt dataskyddet, och behörigheterna begränsas till dem som "
                "planerar transporterna.",
                "Transportavtalen gäller ännu en del av projekttiden, så de optimerade rutterna tas i bruk enligt "
                "avtalsperioderna.",
                "Optimeringen får inte förlänga elevernas restider oskäligt; de längsta tillåtna tiderna skrivs "
                "in som randvillkor.",
                "Systemens kompatibilitet är en risk, så dataöverföringarna testas först i en kommun.",
            ],
            "partners_wanted": [
                "Vi söker grannkommuner med vilka skol- och mattransporterna kan samordnas.",
                "En lämplig partner är en kommun som planerar att konkurrensutsätta sina transporter de närmaste "
                "åren.",
                "Vi hoppas också få med experter på logistik och ruttoptimering.",
            ],
            "process": "Kommunernas transporter och materialflöden: planeringen av skolskjutsarna, mat- och "
            "materialtransporterna samt hanteringen av lagren. I dag planeras transporterna kommunvis och "
            "delvis för hand, och de samordnas inte.",
            "measures": "I projektet samlas utgångsuppgifterna om transporter och lager, en tjänst för "
            "ruttoptimering upphandlas som en samupphandling, rutterna planeras om och transporterna samordnas "
            "över kommungränserna i ett pilotområde innan modellen utvidgas.",
            "indicators": [
                (
                    "Transportkilometer om året",
                    "mäts läsåret 2019–2020",
                    "−{pct} %",
                    "Uppföljningsrapport om transporterna varje kvartal",
                ),
                (
                    "Arbetstid för ruttplanering (h/mån.)",
                    "{hours} h",
                    "hälften av utgångsnivån",
                    "Uppföljning av arbetstiden varje halvår",
                ),
                (
                    "Svinnet inom kostservicen",
                    "mätt hösten 2019",
                    "−20 %",
                    "Uppföljning av svinnet varje månad",
                ),
            ],  # fmt: skip
            "tasks": [
                "insamlingen av utgångsuppgifterna om transporterna",
                "optimeringen av skolskjutsarnas rutter",
                "samordningen av mat- och materialtransporterna",
                "den gemensamma datamodellen för lager och beställningar",
            ],
        },
    },
    "knowledge_management": {
        "fi": {
            "cores": [
                "Yhteinen tietoallas ja johdon näkymät",
                "Tiedolla johtamisen yhteinen malli",
                "Talous- ja toimintatiedon yhdistäminen",
                "Yhteinen raportointi ja analytiikka",
                "Ennakoiva tilannekuva johdolle",
            ],
            "summary": [
                "Kunnan talous-, henkilöstö- ja palvelutiedot ovat eri järjestelmissä, ja raportit kootaan käsin "
                "taulukoihin. Ehdotamme yhteistä tietoallasta ja johdon näkymiä, joissa tieto päivittyy "
                "automaattisesti ja on vertailukelpoista kuntien kesken.",
                "Ehdotuksessa kunnat rakentavat yhteisen tiedolla johtamisen mallin: yhteiset mittarit, "
                "tietomäärittelyt ja raportointialusta, jolla johto ja luottamushenkilöt näkevät talouden ja "
                "toiminnan tilannekuvan.",
                "Päätöksiä tehdään usein vanhentuneen tiedon pohjalta, koska tietojen kokoaminen eri "
                "järjestelmistä on hidasta. Ehdotamme kuntien yhteistä analytiikkaa, joka yhdistää talous- ja "
                "toimintatiedon ja tuottaa ennusteita.",
                "Ehdotamme yhteistä tietovarastoa ja BI-ratkaisua, jonka avulla kunnat vertailevat palvelujensa "
                "kustannuksia, suoritteita ja vaikuttavuutta yhteisillä mittareilla.",
            ],
            "p1": [
                "Tiedot siirtyvät lähdejärjestelmistä tietoaltaaseen automaattisesti, joten raporttien kokoaminen "
                "käsin loppuu.",
                "Johdon näkymät näyttävät talouden, henkilöstön ja palvelujen tilannekuvan samasta lähteestä ja "
                "samoilla määritelmillä.",
                "Mittarit ja tietomäärittelyt sovitaan yhdessä, joten kuntien luvut ovat vertailukelpoisia.",
                "Ennusteet päivittyvät kuukausittain, ja poikkeamat tunnistetaan ennen kuin niistä tulee "
                "ongelmia.",
            ],
            "p2": [
                "Tavoitteena on, että kunnan johto ja luottamushenkilöt käyttävät samoja ajantasaisia mittareita "
                "talousarvion valmistelussa ja seurannassa.",
                "Vähintään {pct} % nykyisistä käsin tehdyistä raporteista korvautuu automaattisilla näkymillä.",
                "Palvelujen kustannukset ja suoritteet ovat vertailtavissa mukana olevien kuntien kesken.",
                "Tiedolla johtamisen käytännöt ja vastuut on kirjattu kunnan johtamisjärjestelmään.",
            ],
            "p3": [
                "Yhteiset mittarit ja tietomäärittelyt hyödyttävät kaikkia kuntia, koska ne tekevät vertailusta "
                "luotettavaa.",
                "Tietoaltaan rakenne ja raporttipohjat voidaan ottaa käyttöön muissa kunnissa pienin muutoksin.",
                "Hanke tukee kuntien talous- ja toimintatiedon kansallista yhtenäistämistä.",
                "Pienet kunnat saavat käyttöönsä analytiikan, jota niiden ei kannattaisi rakentaa yksin.",
            ],
            "p4": [
                "Raporttien kokoamiseen kuluu nyt noin {hours} työtuntia kuukaudessa; automaatio vapauttaa "
                "suurimman osan tästä ajasta analyysiin.",
                "Kun resurssit kohdennetaan tiedon perusteella, palvelujen kustannuksista arvioidaan "
                "säästettävän {pct} %.",
                "Yhteinen alusta on edullisempi kuin jokaisen kunnan oma raportointiratkaisu, ja lisenssit "
                "hankitaan yhdessä.",
                "Ennakointi vähentää kalliita äkillisiä korjausliikkeitä talouden hoidossa.",
            ],
            "p5": [
                "Tiedon laatu on suurin riski; lähdejärjestelmien tiedot tarkistetaan ja puutteet korjataan ennen "
                "näkymien käyttöönottoa.",
                "Mittareista sopiminen kuntien kesken vie aikaa, joten mittaristo rakennetaan vaiheittain.",
                "Johdon sitoutuminen varmistetaan ottamalla näkymät käyttöön johtoryhmän kokouksissa heti alusta "
                "alkaen.",
                "Henkilötietoja sisältävät tiedot käsitellään tietosuojan mukaisesti, ja raportit tehdään "
                "koostetasolla.",
            ],
            "partners_wanted": [
                "Etsimme kuntia, jotka haluavat sopia yhteisistä mittareista ja vertailla palvelujensa "
                "kustannuksia.",
                "Kumppaniksi sopii kunta, jolla on sama talousjärjestelmä tai tietovarasto suunnitteilla.",
                "Toivomme mukaan talousjohdon, controllereiden ja tietoasiantuntijoiden osaamista.",
            ],
            "process": "Tiedon kokoaminen johtamisen ja päätöksenteon tueksi: talous-, henkilöstö- ja "
            "palvelutietojen yhdistäminen, raportointi johdolle ja luottamushenkilöille sekä talouden ennusteet. "
            "Nyt raportit kootaan käsin eri järjestelmistä.",
            "measures": "Hankkeessa sovitaan yhteiset mittarit ja tietomäärittelyt, rakennetaan tietoallas ja "
            "tiedonsiirrot lähdejärjestelmistä, toteutetaan johdon näkymät ja koulutetaan johto ja "
            "luottamushenkilöt niiden käyttöön.",
            "indicators": [
                (
                    "Automaattisesti päivittyvien johdon raporttien osuus",
                    "alle 10 %",
                    "{pct} %",
                    "Raportointialustan käyttötilastot neljännesvuosittain",
                ),
                (
                    "Raporttien kokoamiseen käytetty työaika (h/kk)",
                    "{hours} h",
                    "alle 20 h",
                    "Työajanseuranta puolivuosittain",
                ),
                (
                    "Yhteisesti määriteltyjen mittarien määrä",
                    "0",
                    "vähintään 20",
                    "Ohjausryhmän seuranta puolivuosittain",
                ),
            ],  # fmt: skip
            "tasks": [
                "yhteisten mittarien ja tietomäärittelyjen valmistelusta",
                "tietoaltaan ja tiedonsiirtojen toteutuksesta",
                "johdon näkymien suunnittelusta ja käyttäjien koulutuksesta",
                "tiedon laadun tarkistuksesta lähdejärjestelmissä",
            ],
        },
        "sv": {
            "cores": [
                "En gemensam datasjö och översikter för ledningen",
                "En gemensam modell för ledning genom information",
                "Sammanförande av ekonomi- och verksamhetsdata",
                "Gemensam rapportering och analys",
                "En förutseende lägesbild för ledningen",
            ],
            "summary": [
                "Kommunens ekonomi-, personal- och servicedata finns i olika system, och rapporterna sammanställs "
                "för hand i kalkylark. Vi föreslår en gemensam datasjö och översikter för ledningen, där "
                "informationen uppdateras automatiskt och är jämförbar mellan kommunerna.",
                "I förslaget bygger kommunerna en gemensam modell för ledning genom information: gemensamma "
                "indikatorer, datadefinitioner och en rapporteringsplattform där ledningen och de förtroendevalda "
                "ser en lägesbild av ekonomin och verksamheten.",
                "Beslut fattas ofta på basis av föråldrad information, eftersom det går långsamt att samla "
                "uppgifterna ur olika system. Vi föreslår gemensam analys för kommunerna som förenar ekonomi- och "
                "verksamhetsdata och tar fram prognoser.",
                "Vi föreslår ett gemensamt datalager och en BI-lösning med vilka kommunerna jämför sina tjänsters "
                "kostnader, prestationer och effekter med gemensamma indikatorer.",
            ],
            "p1": [
                "Uppgifterna förs automatiskt från källsystemen till datasjön, så att rapporter inte längre "
                "behöver sammanställas för hand.",
                "Ledningens översikter visar en lägesbild av ekonomin, personalen och tjänsterna ur samma källa "
                "och med samma definitioner.",
                "Indikatorerna och datadefinitionerna avtalas gemensamt, så att kommunernas siffror är "
                "jämförbara.",
                "Prognoserna uppdateras varje månad, och avvikelser upptäcks innan de blir problem.",
            ],
            "p2": [
                "Målet är att kommunens ledning och förtroendevalda använder samma aktuella indikatorer när "
                "budgeten bereds och följs upp.",
                "Minst {pct} % av de rapporter som i dag görs för hand ersätts med automatiska översikter.",
                "Tjänsternas kostnader och prestationer kan jämföras mellan de deltagande kommunerna.",
                "Praxisen och ansvaret för ledning genom information har skrivits in i kommunens "
                "ledningssystem.",
            ],
            "p3": [
                "Gemensamma indikatorer och datadefinitioner gagnar alla kommuner, eftersom de gör jämförelserna "
                "tillförlitliga.",
                "Datasjöns struktur och rapportmallarna kan tas i bruk i andra kommuner med små ändringar.",
                "Projektet stöder den nationella harmoniseringen av kommunernas ekonomi- och verksamhetsdata.",
                "Små kommuner får tillgång till analys som det inte skulle löna sig för dem att bygga ensamma.",
            ],
            "p4": [
                "Att sammanställa rapporter tar i dag cirka {hours} arbetstimmar i månaden; automationen frigör "
                "största delen av den tiden till analys.",
                "När resurserna riktas utgående från information beräknas {pct} % av tjänsternas kostnader kunna "
                "sparas.",
                "En gemensam plattform är förmånligare än en egen rapporteringslösning i varje kommun, och "
                "licenserna upphandlas gemensamt.",
                "Förutseende minskar dyra plötsliga kurskorrigeringar i skötseln av ekonomin.",
            ],
            "p5": [
                "Informationens kvalitet är den största risken; källsystemens uppgifter kontrolleras och "
                "bristerna rättas innan översikterna tas i bruk.",
                "Det tar tid för kommunerna att komma överens om indikatorerna, så indikatorerna byggs upp "
                "stegvis.",
                "Ledningens engagemang säkerställs genom att översikterna används i ledningsgruppens möten redan "
                "från början.",
                "Uppgifter som innehåller personuppgifter behandlas enligt dataskyddet, och rapporterna görs på "
                "aggregerad nivå.",
            ],
            "partners_wanted": [
                "Vi söker kommuner som vill komma överens om gemensamma indikatorer och jämföra sina tjänsters "
                "kostnader.",
                "En lämplig partner är en kommun som har samma ekonomisystem eller planerar ett datalager.",
                "Vi hoppas få med kunnande från ekonomiledningen, controllers och dataexperter.",
            ],
            "process": "Sammanställningen av information som stöd för ledningen och beslutsfattandet: att förena "
            "ekonomi-, personal- och servicedata, rapporteringen till ledningen och de förtroendevalda samt "
            "ekonomiska prognoser. I dag sammanställs rapporterna för hand ur olika system.",
            "measures": "I projektet avtalas gemensamma indikatorer och datadefinitioner, datasjön och "
            "dataöverföringarna från källsystemen byggs, översikterna för ledningen genomförs och ledningen och "
            "de förtroendevalda utbildas i att använda dem.",
            "indicators": [
                (
                    "Andel rapporter för ledningen som uppdateras automatiskt",
                    "under 10 %",
                    "{pct} %",
                    "Användningsstatistik ur plattformen varje kvartal",
                ),
                (
                    "Arbetstid för att sammanställa rapporter (h/mån.)",
                    "{hours} h",
                    "under 20 h",
                    "Uppföljning av arbetstiden varje halvår",
                ),
                (
                    "Antal gemensamt definierade indikatorer",
                    "0",
                    "minst 20",
                    "Styrgruppens uppföljning varje halvår",
                ),
            ],  # fmt: skip
            "tasks": [
                "beredningen av de gemensamma indikatorerna och datadefinitionerna",
                "genomförandet av datasjön och dataöverföringarna",
                "utformningen av ledningens översikter och utbildningen av användarna",
                "kontrollen av informationens kvalitet i källsystemen",
            ],
        },
    },
    "automation": {
        "fi": {
            "cores": [
                "Ohjelmistorobotiikan yhteinen osaamiskeskus",
                "Tekoäly ja automaatio rutiinitehtäviin",
                "Robotisoitavien prosessien yhteinen kehittäminen",
                "Ohjelmistorobotit talous- ja henkilöstöhallintoon",
                "Tekstintunnistus ja koneoppiminen lomakkeiden käsittelyyn",
            ],
            "summary": [
                "Ehdotamme kuntien yhteistä ohjelmistorobotiikan osaamiskeskusta, joka tunnistaa robotisoitavat "
                "prosessit, rakentaa ohjelmistorobotit ja ylläpitää niitä kaikkien mukana olevien kuntien "
                "puolesta. Sama robotti voidaan ottaa käyttöön usealla kunnalla.",
                "Kunnan henkilöstö tekee paljon toistuvia rutiinitehtäviä, kuten tietojen siirtoa järjestelmästä "
                "toiseen. Ehdotuksessa nämä tehtävät automatisoidaan ohjelmistorobotiikalla ja tekoälyllä, "
                "jolloin henkilöstön aika vapautuu asiantuntijatyöhön.",
                "Ehdotamme tekoälyn ja koneoppimisen kokeiluja kunnan prosesseissa: tekstintunnistus lukee "
                "saapuvat lomakkeet ja laskut, ja RPA-robotti vie tiedot järjestelmiin. Kokeilujen tulokset ja "
                "robottien kuvaukset jaetaan kuntien kesken.",
                "Ehdotuksessa kunnat kartoittavat yhdessä automatisoitavat prosessit, valitsevat niistä "
                "hyödyllisimmät ja toteuttavat ohjelmistorobotit yhteisellä alustalla. Robotiikan hallintamalli "
                "ja jatkuvuus sovitaan yhdessä.",
            ],
            "p1": [
                "Ohjelmistorobotti siirtää tiedot järjestelmästä toiseen virheettömästi ja vuorokauden ympäri, ja "
                "ihminen käsittelee vain poikkeukset.",
                "Tekstintunnistus lukee saapuvat lomakkeet ja laskut, ja koneoppiminen luokittelee ne oikeaan "
                "käsittelyyn.",
                "Robotisoitavat prosessit valitaan yhteisellä arviointimallilla, joka huomioi työmäärän, "
                "säännönmukaisuuden ja hyödyn.",
                "Osaamiskeskus ylläpitää robotteja keskitetysti, joten yksittäisen kunnan ei tarvitse palkata "
                "omaa robotiikka-asiantuntijaa.",
            ],
            "p2": [
                "Tavoitteena on ottaa käyttöön vähintään {count} ohjelmistorobottia kuntien yhteisiin "
                "prosesseihin hankkeen aikana.",
                "Automatisoitujen tehtävien virheet vähenevät, ja käsittelyajat lyhenevät vähintään {pct} %.",
                "Robotiikan hallintamalli, ylläpito ja jatkuvuus on sovittu kuntien kesken.",
                "Henkilöstö on koulutettu tunnistamaan automatisoitavia tehtäviä omassa työssään.",
            ],
            "p3": [
                "Kunnissa on samoja prosesseja ja samoja järjestelmiä, joten kerran rakennettu robotti voidaan "
                "monistaa muihin kuntiin.",
                "Yhteinen osaamiskeskus tuo robotiikan myös pienille kunnille, joilla ei ole omaa "
                "kehittämisresurssia.",
                "Robottien kuvaukset ja arviointimalli julkaistaan kaikkien kuntien käyttöön.",
                "Hanke kokoaa kokemuksia tekoälyn käytöstä kunnissa ja tukee kansallista tekoälyohjelmaa.",
            ],
            "p4": [
                "Robotit vapauttavat arviolta {hours} työtuntia kuukaudessa rutiinitehtävistä.",
                "Yhden robotin kehityskustannus jaetaan mukana olevien kuntien kesken, jolloin se maksaa itsensä "
                "takaisin alle vuodessa.",
                "Virheiden korjaamiseen kuluva työ vähenee arviolta {pct} %.",
                "Yhteiset lisenssit ja keskitetty ylläpito ovat edullisempia kuin kunnittaiset ratkaisut; säästö "
                "on arviolta {savings} euroa vuodessa.",
            ],
            "p5": [
                "Robotti pysähtyy, jos järjestelmän käyttöliittymä muuttuu; siksi ylläpito ja valvonta "
                "keskitetään osaamiskeskukseen.",
                "Tekoälyn tuottamia tuloksia ei käytetä asukkaita koskevassa päätöksenteossa ilman ihmisen "
                "tarkistusta.",
                "Henkilöstön huoli työn muuttumisesta otetaan vakavasti: muutosta tuetaan koulutuksella ja "
                "avoimella viestinnällä.",
                "Prosessit kuvataan ja yhtenäistetään ennen robotisointia, jotta huonoa prosessia ei "
                "automatisoida.",
            ],
            "partners_wanted": [
                "Etsimme kuntia, jotka haluavat jakaa ohjelmistorobottien kehittämisen ja ylläpidon kustannukset.",
                "Kumppaniksi sopii kunta, jolla on sama talous- tai henkilöstöjärjestelmä, jotta robotit voidaan "
                "monistaa.",
                "Toivomme mukaan myös tekoälyn ja robotiikan asiantuntijoita.",
            ],
            "process": "Toistuvat rutiinitehtävät kunnan talous- ja henkilöstöhallinnossa sekä palveluissa: "
            "tietojen siirto järjestelmien välillä, saapuvien lomakkeiden ja laskujen käsittely sekä "
            "täsmäytykset. Nyt tehtävät tehdään käsin.",
            "measures": "Hankkeessa perustetaan kuntien yhteinen robotiikan osaamiskeskus, kartoitetaan ja "
            "arvioidaan automatisoitavat prosessit, hankitaan robotiikka-alusta yhteishankintana, toteutetaan "
            "ensimmäiset robotit ja monistetaan ne kaikkiin osallistujakuntiin.",
            "indicators": [
                (
                    "Tuotannossa olevat ohjelmistorobotit",
                    "0",
                    "vähintään {count}",
                    "Osaamiskeskuksen raportti neljännesvuosittain",
                ),
                (
                    "Roboteilla vapautunut työaika (h/kk)",
                    "0",
                    "{hours} h",
                    "Robotiikka-alustan lokitiedot kuukausittain",
                ),
                (
                    "Automatisoitujen tehtävien virheprosentti",
                    "mitattu syksyllä 2019",
                    "−{pct} %",
                    "Prosessien laatuseuranta neljännesvuosittain",
                ),
            ],  # fmt: skip
            "tasks": [
                "robotisoitavien prosessien kartoituksesta ja arvioinnista",
                "ohjelmistorobottien toteutuksesta ja testauksesta",
                "tekstintunnistuksen ja koneoppimisen kokeiluista",
                "robotiikan hallintamallista ja henkilöstön muutostuesta",
            ],
        },
        "sv": {
            "cores": [
                "Ett gemensamt kompetenscenter för programvarurobotik",
                "Artificiell intelligens och automation för rutinuppgifterna",
                "Gemensam utveckling av processer för robotisering",
                "Programvarurobotar för ekonomi- och personalförvaltningen",
                "Textigenkänning och maskininlärning för hanteringen av blanketter",
            ],
            "summary": [
                "Vi föreslår ett gemensamt kompetenscenter för programvarurobotik som identifierar processer som "
                "kan robotiseras, bygger programvarurobotarna och underhåller dem för alla deltagande kommuner. "
                "En och samma robot kan tas i bruk i flera kommuner.",
                "Kommunens personal utför många återkommande rutinuppgifter, till exempel att föra över uppgifter "
                "från ett system till ett annat. I förslaget automatiseras dessa uppgifter med programvarurobotik "
                "och artificiell intelligens, så att personalens tid frigörs för expertarbete.",
                "Vi föreslår försök med artificiell intelligens och maskininlärning i kommunens processer: "
                "textigenkänning läser inkommande blanketter och fakturor, och en RPA-robot för in uppgifterna i "
                "systemen. Resultaten av försöken och beskrivningarna av robotarna delas mellan kommunerna.",
                "I förslaget kartlägger kommunerna tillsammans de processer som kan automatiseras, väljer de mest "
                "nyttiga och genomför programvarurobotarna på en gemensam plattform. Förvaltningsmodellen och "
                "kontinuiteten för robotiken avtalas gemensamt.",
            ],
            "p1": [
                "Programvaruroboten för över uppgifterna från ett system till ett annat utan fel och dygnet runt, "
                "och människan hanterar bara undantagen.",
                "Textigenkänningen läser inkommande blanketter och fakturor, och maskininlärningen klassificerar "
                "dem för rätt hantering.",
                "Processerna som robotiseras väljs med en gemensam bedömningsmodell som beaktar arbetsmängd, "
                "regelbundenhet och nytta.",
                "Kompetenscentret underhåller robotarna centraliserat, så att en enskild kommun inte behöver "
                "anställa en egen expert på robotik.",
            ],
            "p2": [
                "Målet är att ta i bruk minst {count} programvarurobotar i kommunernas gemensamma processer under "
                "projektet.",
                "Felen i de automatiserade uppgifterna minskar, och behandlingstiderna förkortas med minst {pct} %.",
                "Förvaltningsmodellen, underhållet och kontinuiteten för robotiken har avtalats mellan kommunerna.",
                "Personalen har utbildats i att identifiera uppgifter som kan automatiseras i det egna arbetet.",
            ],
            "p3": [
                "Kommunerna har samma processer och samma system, så en robot som byggts en gång kan kopieras till "
                "andra kommuner.",
                "Ett gemensamt kompetenscenter ger också små kommuner utan egna utvecklingsresurser tillgång till "
                "robotik.",
                "Beskrivningarna av robotarna och bedömningsmodellen publiceras för alla kommuner.",
                "Projektet samlar erfarenheter av användningen av artificiell intelligens i kommunerna och stöder "
                "det nationella AI-programmet.",
            ],
            "p4": [
                "Robotarna frigör uppskattningsvis {hours} arbetstimmar i månaden från rutinuppgifter.",
                "Utvecklingskostnaden för en robot delas mellan de deltagande kommunerna, så att den betalar sig "
                "tillbaka på mindre än ett år.",
                "Arbetet med att rätta fel minskar med uppskattningsvis {pct} %.",
                "Gemensamma licenser och centraliserat underhåll är förmånligare än lösningar för varje kommun; "
                "besparingen är uppskattningsvis {savings} euro om året.",
            ],
            "p5": [
                "Roboten stannar om systemets användargränssnitt ändras; därför centraliseras underhållet och "
                "övervakningen till kompetenscentret.",
                "Resultat som artificiell intelligens tar fram används inte i beslutsfattande som gäller "
                "invånarna utan att en människa kontrollerar dem.",
                "Personalens oro för att arbetet förändras tas på allvar: förändringen stöds med utbildning och "
                "öppen kommunikation.",
                "Processerna beskrivs och förenhetligas före robotiseringen, så att en dålig process inte "
                "automatiseras.",
            ],
            "partners_wanted": [
                "Vi söker kommuner som vill dela kostnaderna för att utveckla och underhålla programvarurobotar.",
                "En lämplig partner är en kommun som har samma ekonomi- eller personalsystem, så att robotarna "
                "kan kopieras.",
                "Vi hoppas också få med experter på artificiell intelligens och robotik.",
            ],
            "process": "Återkommande rutinuppgifter inom kommunens ekonomi- och personalförvaltning och tjänster: "
            "överföring av uppgifter mellan system, hanteringen av inkommande blanketter och fakturor samt "
            "avstämningar. I dag görs uppgifterna för hand.",
            "measures": "I projektet grundas ett gemensamt kompetenscenter för robotik, processerna som kan "
            "automatiseras kartläggs och bedöms, en robotikplattform upphandlas som en samupphandling, och de "
            "första robotarna genomförs och kopieras till alla deltagande kommuner.",
            "indicators": [
                (
                    "Programvarurobotar i produktion",
                    "0",
                    "minst {count}",
                    "Kompetenscentrets rapport varje kvartal",
                ),
                (
                    "Arbetstid som robotarna frigjort (h/mån.)",
                    "0",
                    "{hours} h",
                    "Loggdata ur robotikplattformen varje månad",
                ),
                (
                    "Felprocent i de automatiserade uppgifterna",
                    "mätt hösten 2019",
                    "−{pct} %",
                    "Kvalitetsuppföljning av processerna varje kvartal",
                ),
            ],  # fmt: skip
            "tasks": [
                "kartläggningen och bedömningen av processer som kan robotiseras",
                "genomförandet och testningen av programvarurobotarna",
                "försöken med textigenkänning och maskininlärning",
                "förvaltningsmodellen för robotiken och förändringsstödet för personalen",
            ],
        },
    },
    "resident_centred": {
        "fi": {
            "cores": [
                "Asukas keskiöön: palvelut elämäntapahtumien mukaan",
                "Asukasosallisuuden digitaalinen alusta",
                "Palvelumuotoilu ja asiakaskokemuksen mittaaminen",
                "Osallistuva budjetointi verkossa",
                "Asukaspalautteen yhteinen malli",
            ],
            "summary": [
                "Ehdotamme, että kuntien palvelut kootaan asukkaan elämäntapahtumien mukaan, kuten muutto kuntaan, "
                "lapsen koulun alku tai eläköityminen. Palvelut suunnitellaan palvelumuotoilun keinoin yhdessä "
                "asukkaiden kanssa, ja asiakaskokemusta mitataan yhteisillä mittareilla.",
                "Asukkaiden osallistuminen rajoittuu nyt yleensä lausuntoihin ja kuulemistilaisuuksiin. "
                "Ehdotuksessa otetaan käyttöön digitaalinen osallisuuden alusta, jolla asukkaat tekevät "
                "aloitteita, kommentoivat valmistelua ja osallistuvat budjetointiin.",
                "Ehdotamme kuntien yhteistä mallia asukaspalautteen keräämiseen ja hyödyntämiseen: palaute "
                "kerätään kaikista kanavista samalla tavalla, analysoidaan ja kytketään palvelujen kehittämiseen. "
                "Asukas näkee, mitä hänen palautteensa perusteella on tehty.",
                "Ehdotuksessa kunnat kokeilevat osallistuvaa budjetointia verkossa: asukkaat ideoivat ja "
                "äänestävät, mihin osa määrärahoista käytetään. Samalla kehitetään asukasraatien ja "
                "palvelumuotoilun yhteiset toimintatavat.",
            ],
            "p1": [
                "Palvelut kuvataan asiakaspolkuina asukkaan näkökulmasta, ja turhat asiointikerrat poistetaan.",
                "Asukaspalaute kerätään kaikista kanavista yhteen järjestelmään, ja palvelujen vastuuhenkilöt "
                "käsittelevät sen säännöllisesti.",
                "Osallisuuden alustalla asukas voi tehdä aloitteen, kommentoida valmisteilla olevia asioita ja "
                "seurata niiden etenemistä.",
                "Palvelumuotoilun työpajoissa asukkaat, henkilöstö ja luottamushenkilöt suunnittelevat palvelut "
                "yhdessä.",
            ],
            "p2": [
                "Tavoitteena on, että asiakaskokemusta mitataan kaikissa keskeisissä palveluissa yhteisillä "
                "mittareilla ja että tulokset julkaistaan.",
                "Vähintään {pct} % asukkaista kokee voivansa vaikuttaa kunnan palveluihin, kun nyt osuus on "
                "selvästi pienempi.",
                "Vähintään {count} palvelua on suunniteltu uudelleen elämäntapahtumien mukaan.",
                "Osallistuvan budjetoinnin kierros toteutetaan vuosittain, ja siihen osallistuu kaikenikäisiä "
                "asukkaita.",
            ],
            "p3": [
                "Elämäntapahtumat ovat samat kaikissa kunnissa, joten asiakaspolut ja palvelukuvaukset ovat "
                "suoraan muiden kuntien hyödynnettävissä.",
                "Yhteiset asiakaskokemuksen mittarit mahdollistavat kuntien välisen vertailun ja oppimisen.",
                "Osallisuuden alusta ja sen toimintamalli voidaan ottaa käyttöön missä tahansa kunnassa.",
                "Hanke toteuttaa kansallista tavoitetta asiakaslähtöisistä julkisista palveluista.",
            ],
            "p4": [
                "Kun palvelut suunnitellaan asiakaspolkujen mukaan, turhat yhteydenotot vähenevät arviolta "
                "{pct} %.",
                "Palautteen perusteella tehtävät korjaukset kohdistuvat oikeisiin asioihin, mikä vähentää "
                "kalliita uudistuksia, jotka eivät vastaa tarpeita.",
                "Asiointikertojen väheneminen säästää asukkaiden ja henkilöstön aikaa; henkilöstöltä vapautuu "
                "arviolta {hours} työtuntia kuukaudessa.",
                "Yhteinen alusta on edullisempi kuin kunnittaiset osallisuuden ratkaisut; säästö on arviolta "
                "{savings} euroa vuodessa.",
            ],
            "p5": [
                "Riskinä on, että osallistujat edustavat vain osaa asukkaista; siksi alustaa täydennetään "
                "kohdennetuilla kutsuilla ja kasvokkaisilla tilaisuuksilla.",
                "Palautteen käsittely voi jäädä kesken, jos vastuista ei sovita; jokaiselle palvelulle nimetään "
                "palautteen omistaja.",
                "Asukkaiden odotukset vaikuttamisesta pidetään realistisina kertomalla avoimesti, miten "
                "ehdotuksia käsitellään.",
                "Henkilöstön aika palvelumuotoiluun on rajallinen, joten työpajat ajoitetaan palvelujen arkeen "
                "sopiviksi.",
            ],
            "partners_wanted": [
                "Etsimme kuntia, jotka haluavat kehittää palveluja yhdessä asukkaiden kanssa ja mitata "
                "asiakaskokemusta.",
                "Kumppaniksi sopii kunta, jolla on kokemusta osallistuvasta budjetoinnista tai asukasraadeista.",
                "Toivomme mukaan myös palvelumuotoilun asiantuntijoita ja asukasjärjestöjä.",
            ],
            "process": "Asukkaan kohtaaminen kunnan palveluissa: palvelujen suunnittelu, asukaspalautteen "
            "käsittely ja asukkaiden osallistuminen valmisteluun. Nyt palvelut on järjestetty hallinnon "
            "rakenteen mukaan, ja palaute jää usein hyödyntämättä.",
            "measures": "Hankkeessa kuvataan keskeisimmät elämäntapahtumat asiakaspolkuina, järjestetään "
            "palvelumuotoilun työpajat asukkaiden kanssa, otetaan käyttöön osallisuuden alusta ja palautteen "
            "yhteinen malli sekä sovitaan asiakaskokemuksen mittarit.",
            "indicators": [
                (
                    "Palvelut, joissa asiakaskokemusta mitataan",
                    "2",
                    "kaikki keskeiset palvelut",
                    "Palautejärjestelmän raportti neljännesvuosittain",
                ),
                (
                    "Asukkaat, jotka kokevat voivansa vaikuttaa (%)",
                    "mitattu kyselyllä syksyllä 2019",
                    "{pct} %",
                    "Asukaskysely vuosittain",
                ),
                (
                    "Elämäntapahtumien mukaan uudistetut palvelut",
                    "0",
                    "{count}",
                    "Ohjausryhmän seuranta puolivuosittain",
                ),
            ],  # fmt: skip
            "tasks": [
                "elämäntapahtumien asiakaspolkujen kuvaamisesta",
                "palvelumuotoilun työpajojen järjestämisestä",
                "osallisuuden alustan käyttöönotosta",
                "asiakaskokemuksen mittareista ja palautteen käsittelyn mallista",
            ],
        },
        "sv": {
            "cores": [
                "Invånaren i centrum: tjänster enligt livshändelser",
                "En digital plattform för invånarnas delaktighet",
                "Tjänstedesign och mätning av kundupplevelsen",
                "Deltagande budgetering på webben",
                "En gemensam modell för invånarrespons",
            ],
            "summary": [
                "Vi föreslår att kommunernas tjänster samlas enligt invånarens livshändelser, till exempel flytt "
                "till kommunen, när ett barn börjar skolan eller pensionering. Tjänsterna planeras med "
                "tjänstedesign tillsammans med invånarna, och kundupplevelsen mäts med gemensamma indikatorer.",
                "Invånarnas delaktighet begränsar sig i dag oftast till utlåtanden och hörandetillfällen. I "
                "förslaget tas en digital plattform för delaktighet i bruk, där invånarna väcker initiativ, "
                "kommenterar beredningen och deltar i budgeteringen.",
                "Vi föreslår en gemensam modell för kommunerna att samla in och utnyttja invånarrespons: "
                "responsen samlas in på samma sätt i alla kanaler, analyseras och kopplas till utvecklingen av "
                "tjänsterna. Invånaren ser vad som har gjorts utgående från hens respons.",
                "I förslaget prövar kommunerna deltagande budgetering på webben: invånarna kommer med idéer och "
                "röstar om vad en del av anslagen ska användas till. Samtidigt utvecklas gemensamma "
                "verksamhetssätt för invånarpaneler och tjänstedesign.",
            ],
            "p1": [
                "Tjänsterna beskrivs som kundresor ur invånarens perspektiv, och onödiga besök och kontakter tas "
                "bort.",
                "Invånarrespons samlas in från alla kanaler i ett system, och de ansvariga för tjänsterna "
                "behandlar den regelbundet.",
                "På plattformen för delaktighet kan invånaren väcka initiativ, kommentera ärenden under beredning "
                "och följa hur de framskrider.",
                "I workshopar för tjänstedesign planerar invånare, personal och förtroendevalda tjänsterna "
                "tillsammans.",
            ],
            "p2": [
                "Målet är att kundupplevelsen mäts med gemensamma indikatorer i alla centrala tjänster och att "
                "resultaten publiceras.",
                "Minst {pct} % av invånarna upplever att de kan påverka kommunens tjänster, medan andelen i dag "
                "är klart mindre.",
                "Minst {count} tjänster har planerats om enligt livshändelser.",
                "En omgång deltagande budgetering genomförs varje år, och invånare i alla åldrar deltar i den.",
            ],
            "p3": [
                "Livshändelserna är desamma i alla kommuner, så kundresorna och tjänstebeskrivningarna kan "
                "användas direkt i andra kommuner.",
                "Gemensamma indikatorer för kundupplevelsen gör det möjligt för kommunerna att jämföra sig med "
                "och lära av varandra.",
                "Plattformen för delaktighet och verksamhetsmodellen för den kan tas i bruk i vilken kommun som "
                "helst.",
                "Projektet genomför det nationella målet om kundorienterade offentliga tjänster.",
            ],
            "p4": [
                "När tjänsterna planeras enligt kundresorna minskar onödiga kontakter med uppskattningsvis "
                "{pct} %.",
                "Korrigeringar som görs utgående från responsen riktas till rätt saker, vilket minskar dyra "
                "reformer som inte motsvarar behoven.",
                "Färre kontakter sparar både invånarnas och personalens tid; för personalen uppskattningsvis "
                "{hours} arbetstimmar i månaden.",
                "En gemensam plattform är förmånligare än lösningar för delaktighet i varje kommun; besparingen "
                "är uppskattningsvis {savings} euro om året.",
            ],
            "p5": [
                "En risk är att deltagarna bara representerar en del av invånarna; därför kompletteras "
                "plattformen med riktade inbjudningar och möten ansikte mot ansikte.",
                "Hanteringen av responsen kan bli ofullständig om ansvaret inte avtalas; varje tjänst får en "
                "ägare för responsen.",
                "Invånarnas förväntningar på att kunna påverka hålls realistiska genom att det öppet berättas hur "
                "förslagen behandlas.",
                "Personalens tid för tjänstedesign är begränsad, så workshoparna tidsätts så att de passar "
                "tjänsternas vardag.",
            ],
            "partners_wanted": [
                "Vi söker kommuner som vill utveckla tjänsterna tillsammans med invånarna och mäta "
                "kundupplevelsen.",
                "En lämplig partner är en kommun med erfarenhet av deltagande budgetering eller invånarpaneler.",
                "Vi hoppas också få med experter på tjänstedesign och invånarorganisationer.",
            ],
            "process": "Hur kommunens tjänster möter invånaren: planeringen av tjänsterna, behandlingen av "
            "invånarrespons och invånarnas deltagande i beredningen. I dag är tjänsterna ordnade enligt "
            "förvaltningens struktur, och responsen blir ofta outnyttjad.",
            "measures": "I projektet beskrivs de viktigaste livshändelserna som kundresor, workshopar för "
            "tjänstedesign ordnas med invånarna, en plattform för delaktighet och en gemensam modell för respons "
            "tas i bruk och indikatorerna för kundupplevelsen avtalas.",
            "indicators": [
                (
                    "Tjänster där kundupplevelsen mäts",
                    "2",
                    "alla centrala tjänster",
                    "Rapport ur responssystemet varje kvartal",
                ),
                (
                    "Invånare som upplever att de kan påverka (%)",
                    "mätt med en enkät hösten 2019",
                    "{pct} %",
                    "Invånarenkät varje år",
                ),
                (
                    "Tjänster som förnyats enligt livshändelser",
                    "0",
                    "{count}",
                    "Styrgruppens uppföljning varje halvår",
                ),
            ],  # fmt: skip
            "tasks": [
                "beskrivningen av kundresorna för livshändelserna",
                "ordnandet av workshoparna för tjänstedesign",
                "införandet av plattformen för delaktighet",
                "indikatorerna för kundupplevelsen och modellen för behandling av respons",
            ],
        },
    },
}

# Sentences any proposal may add to a description, whatever its topic.
GENERIC = {
    "fi": {
        "intro": "{name} on {pop} asukkaan kunta {region_genitive} maakunnassa, ja sen palveluksessa on noin "
        "{staff} henkilöä.",
        "p2": [
            "Tavoitteet tarkennetaan yhdessä kumppanien kanssa ennen kuin yhteishankkeelle haetaan avustusta.",
            "Hankkeen tulokset ovat käytössä viimeistään vuoden 2021 lopussa.",
        ],
        "p3": [
            "{name} on valmis toimimaan yhteishankkeen hankehallinnoijana.",
            "Ratkaisu kuvataan niin, että kunnat voivat liittyä siihen myös hankkeen jälkeen.",
        ],
        "p4": [
            "Säästölaskelma tarkennetaan esiselvityksessä.",
            "Säästöt kasvavat, mitä useampi kunta ottaa ratkaisun käyttöön.",
        ],
        "p5": [
            "Hankkeelle perustetaan ohjausryhmä, jossa jokainen osallistuja on edustettuna, ja riskit käydään "
            "läpi sen jokaisessa kokouksessa.",
            "Aikatauluriskiä pienennetään jakamalla hanke vaiheisiin, joista jokainen tuottaa käyttökelpoisen "
            "tuloksen.",
        ],
    },
    "sv": {
        "intro": "{name} är en kommun med {pop} invånare i landskapet {region}, och kommunen har cirka {staff} "
        "anställda.",
        "p2": [
            "Målen preciseras tillsammans med partnerna innan understöd söks för samprojektet.",
            "Projektets resultat används senast i slutet av 2021.",
        ],
        "p3": [
            "{name} är beredd att vara projektadministratör för samprojektet.",
            "Lösningen beskrivs så att kommunerna kan ansluta sig till den också efter projektet.",
        ],
        "p4": [
            "Besparingskalkylen preciseras i förstudien.",
            "Besparingarna blir större ju fler kommuner som tar lösningen i bruk.",
        ],
        "p5": [
            "En styrgrupp där varje deltagare är företrädd tillsätts för projektet, och riskerna gås igenom vid "
            "varje möte.",
            "Risken för förseningar minskas genom att projektet delas in i faser som var och en ger ett "
            "användbart resultat.",
        ],
    },
}

# --- expressions of interest ------------------------------------------------------------------------------------

INTEREST_NOTES = {
    "fi": {
        "partner": [
            "Meillä on sama haaste, ja haluamme olla mukana kehittämässä yhteistä ratkaisua.",
            "Voimme tuoda hankkeeseen kokemuksia omasta pilotistamme ja osallistua määrittelyyn.",
            "Olemme kiinnostuneita kumppanuudesta ja voimme varata hankkeeseen asiantuntijan työaikaa.",
            "Tavoitteemme ovat hyvin samanlaiset. Osallistumme mielellämme työpajaan ja yhteiseen hakemukseen.",
            "Seudullinen yhteistyö on meille tärkeää, ja haluamme olla mukana alusta asti.",
        ],
        "observer": [
            "Seuraamme hankkeen etenemistä ja harkitsemme ratkaisun käyttöönottoa myöhemmin.",
            "Haluamme tutustua tuloksiin, mutta resurssimme eivät nyt riitä kumppanuuteen.",
            "Aihe kiinnostaa meitä. Toivomme, että tulokset jaetaan avoimesti.",
        ],
        "company": [
            "Toimitamme vastaavia ratkaisuja kunnille ja seuraamme hanketta mielellämme. Emme osallistu hankkeen "
            "rahoitukseen.",
            "Voimme esitellä kokemuksiamme työpajassa; mahdolliset hankinnat kilpailutetaan normaalisti.",
        ],
        "actor": [
            "Voimme koordinoida alueen kuntien yhteistyötä ja tarjota hankkeelle asiantuntijatukea.",
            "Kokoamme jäsentemme kokemuksia ja levitämme tuloksia verkostoissamme.",
        ],
        "topic": [
            "Olemme kiinnostuneita kaikista tämän aihealueen yhteishankkeista.",
            "Etsimme tähän aiheeseen sopivaa yhteishanketta, johon voisimme liittyä kumppaniksi.",
            "Haluamme seurata aihealueen hankkeita ja niiden tuloksia.",
        ],
    },
    "sv": {
        "partner": [
            "Vi har samma utmaning och vill vara med och utveckla en gemensam lösning.",
            "Vi kan bidra med erfarenheter från vårt eget pilotförsök och delta i specificeringen.",
            "Vi är intresserade av ett partnerskap och kan reservera arbetstid för en expert i projektet.",
            "Våra mål är mycket lika. Vi deltar gärna i workshopen och i den gemensamma ansökan.",
            "Det regionala samarbetet är viktigt för oss, och vi vill vara med från början.",
        ],
        "observer": [
            "Vi följer hur projektet framskrider och överväger att ta lösningen i bruk senare.",
            "Vi vill bekanta oss med resultaten, men våra resurser räcker inte för ett partnerskap just nu.",
            "Temat intresserar oss. Vi hoppas att resultaten delas öppet.",
        ],
        "company": [
            "Vi levererar liknande lösningar till kommuner och följer gärna projektet. Vi deltar inte i "
            "finansieringen av projektet.",
            "Vi kan presentera våra erfarenheter vid workshopen; eventuella upphandlingar konkurrensutsätts på "
            "normalt sätt.",
        ],
        "actor": [
            "Vi kan samordna samarbetet mellan kommunerna i regionen och erbjuda projektet expertstöd.",
            "Vi samlar våra medlemmars erfarenheter och sprider resultaten i våra nätverk.",
        ],
        "topic": [
            "Vi är intresserade av alla samprojekt inom detta tema.",
            "Vi söker ett samprojekt inom detta tema som vi kunde ansluta oss till som partner.",
            "Vi vill följa projekten inom temat och deras resultat.",
        ],
    },
}

# Other actors of track 2: (kind, Business ID base of seven digits starting with 9, names fi/sv/en, region code,
# Swedish-speaking, the topics it is interested in). Fictional; the Business IDs get their check digit when
# created and are unlikely to be real.
ACTORS = [
    ("joint_authority", "9140101", {"fi": "Järvi-Suomen tietopalvelujen kuntayhtymä",
     "sv": "Samkommunen för informationstjänster i Insjöfinland", "en": "Lakeland Information Services Joint Authority"},
     "10", False, ["knowledge_management", "automation", "eservices"]),
    ("joint_authority", "9140202", {"fi": "Länsirannikon digipalvelujen kuntayhtymä",
     "sv": "Västkustens samkommun för digitala tjänster", "en": "West Coast Digital Services Joint Authority"},
     "15", True, ["eservices", "automation", "remote_work"]),
    ("joint_authority", "9140303", {"fi": "Revontulen hankintapalvelujen kuntayhtymä",
     "sv": "Samkommunen för upphandlingstjänster Revontuli", "en": "Revontuli Procurement Services Joint Authority"},
     "19", False, ["contract_management", "materials_logistics"]),
    ("regional_council", "9140404", {"fi": "Keskiylängön liitto", "sv": "Förbundet för Mellersta höglandet",
     "en": "Central Uplands Regional Council"}, "13", False, ["knowledge_management", "resident_centred", "remote_work"]),
    ("regional_council", "9140505", {"fi": "Rannikkoseudun liitto", "sv": "Kustregionens förbund",
     "en": "Coastal Region Council"}, "02", False, ["materials_logistics", "remote_work", "eservices"]),
    ("company", "9140606", {"fi": "Kuntadata Malli Oy", "sv": "Kuntadata Malli Ab", "en": "Kuntadata Malli Ltd"},
     "01", False, ["knowledge_management", "automation"]),
    ("company", "9140707", {"fi": "Reittiverso Oy", "sv": "Reittiverso Ab", "en": "Reittiverso Ltd"},
     "06", False, ["materials_logistics"]),
    ("company", "9140808", {"fi": "Asiointipaja Esimerkki Oy", "sv": "Asiointipaja Esimerkki Ab",
     "en": "Asiointipaja Esimerkki Ltd"}, "11", False, ["eservices", "resident_centred"]),
    ("company", "9140909", {"fi": "Sopimustalo Malli Oy", "sv": "Sopimustalo Malli Ab", "en": "Sopimustalo Malli Ltd"},
     "17", False, ["contract_management", "remote_work"]),
    ("association", "9141001", {"fi": "Kuntien digikehittäjät ry", "sv": "Kommunernas digitala utvecklare rf",
     "en": "Municipal Digital Developers Association"}, "01", False,
     ["automation", "eservices", "knowledge_management", "remote_work"]),
    ("association", "9141102", {"fi": "Asukasosallisuuden verkosto ry", "sv": "Nätverket för invånardelaktighet rf",
     "en": "Resident Participation Network"}, "07", False, ["resident_centred", "eservices"]),
    ("association", "9141203", {"fi": "Ruotsinkielisen Suomen kunnallinen kehittämisverkosto ry",
     "sv": "Svenskfinlands kommunala utvecklingsnätverk rf", "en": "Swedish-speaking Finland Municipal Development Network"},
     "15", True, ["eservices", "knowledge_management", "resident_centred"]),
]  # fmt: skip

# What a municipal partner does when the topic's own tasks are taken (after "… vastaa" / "… ansvarar för").
PARTNER_TASKS = {
    "fi": ["ratkaisun pilotoinnista omassa organisaatiossaan", "käyttäjien koulutuksesta ja kokemusten kokoamisesta",
           "vertailutietojen kokoamisesta osallistujien kesken"],
    "sv": ["pilotförsöket med lösningen i den egna organisationen", "utbildningen av användarna och insamlingen av "
           "erfarenheter", "insamlingen av jämförelsedata mellan deltagarna"],
}  # fmt: skip

# What a non-municipal partner does in a joint project (after "… vastaa" / "… ansvarar för").
ACTOR_TASKS = {
    "fi": ["alueellisesta koordinoinnista ja tulosten levittämisestä", "vertaisoppimisen verkoston ylläpidosta"],
    "sv": ["den regionala samordningen och spridningen av resultaten", "upprätthållandet av nätverket för "
           "kollegialt lärande"],
}  # fmt: skip

# --- the workshop -----------------------------------------------------------------------------------------------

DIETARY = {
    "fi": ["Laktoositon", "Kasvisruoka", "Gluteeniton", "Vegaaninen"],
    "sv": ["Laktosfri kost", "Vegetarisk kost", "Glutenfri kost", "Vegansk kost"],
}
ACCESSIBILITY = {
    "fi": ["Liikun pyörätuolilla.", "Tarvitsen induktiosilmukan."],
    "sv": ["Jag använder rullstol.", "Jag behöver hörslinga."],
}

# The presentations of the workshop: titles in fi/sv/en and the lines of the (one-page) PDF.
PRESENTATIONS = [
    (
        {"fi": "Avaus: kannustinjärjestelmä ja kohteen 2 haku",
         "sv": "Öppning: incitamentsystemet och ansökan inom punkt 2",
         "en": "Opening: the incentive programme and the call of track 2"},
        ["Kuntien digitalisaation kannustinjärjestelmä 2019", "Kohde 2: useamman kunnan yhteishankkeet",
         "Vaihe 1: ehdotukset ja ilmoittautumiset 1.8.–5.9.2019", "Työpaja 27.9.2019",
         "Vaihe 2: yhteishankkeiden avustushaku 13.11.–19.12.2019"],
    ),
    (
        {"fi": "Ehdotukset teemoittain", "sv": "Förslagen per tema", "en": "The proposals by theme"},
        ["Ehdotuksia yhteensä {proposals}, ilmoittautumisia {interests}", "Seitsemän teemaa, yksi pöytä kullekin",
         "Suurimmat teemat: sähköinen asiointi, ohjelmistorobotiikka, tiedolla johtaminen"],
    ),
    (
        {"fi": "Kokemuksia: ohjelmistorobotiikka kuntien yhteistyönä",
         "sv": "Erfarenheter: programvarurobotik i samarbete mellan kommuner",
         "en": "Experiences: RPA in cooperation between municipalities"},
        ["Yhteinen osaamiskeskus ja robottien monistaminen", "Mitä kannattaa automatisoida ensin",
         "Hallintamalli, ylläpito ja jatkuvuus"],
    ),
    (
        {"fi": "Tiedolla johtaminen ja yhteiset tietomäärittelyt",
         "sv": "Ledning genom information och gemensamma datadefinitioner",
         "en": "Knowledge-based management and shared data definitions"},
        ["Yhteiset mittarit tekevät vertailusta luotettavaa", "Tietoallas, johdon näkymät ja tiedon laatu"],
    ),
    (
        {"fi": "Haun seuraavat vaiheet", "sv": "Ansökans följande steg", "en": "The next stages of the call"},
        ["Yhteishankkeiden avustushaku avautuu 13.11.2019 ja päättyy 19.12.2019 klo 16.15",
         "Hankehallinnoija ja osallistujat, budjettiosuudet",
         "Liite: sopimus hankkeen hallinnoinnista ja avustuksen siirtämisestä"],
    ),
]  # fmt: skip
PRESENTATION_FOOTER = "Kohteen 2 yhteinen työpaja 27.9.2019, Helsinki. Valtiovarainministeriö."

# --- joint applications ---------------------------------------------------------------------------------------

JOINT_GENERIC = {
    "fi": {
        "G1": [
            "Hyödyt moninkertaistuvat, kun sama ratkaisu otetaan käyttöön kaikissa osallistujakunnissa yhdellä "
            "kehitystyöllä.",
            "Osallistujakunnissa asuu yhteensä noin {pop_total} asukasta, joihin muutos vaikuttaa suoraan.",
            "Laskelma on tehty varovaisesti; vaikutus kasvaa, kun ratkaisu laajenee muihin kuntiin.",
        ],
        "G2": [
            "Hankkeessa on mukana erikokoisia kuntia, joten ratkaisu testataan erilaisissa olosuhteissa ennen "
            "sen levittämistä.",
            "Hanke käyttää yhteisiä tietomäärityksiä ja kansallisia suosituksia, jotta tulokset ovat "
            "siirrettävissä muihin kuntiin.",
            "Yhteishanke kokoaa kuntien osaamisen ja välttää päällekkäisen kehittämisen.",
        ],
        "C1": [
            "Hankkeessa syntyvä tieto on osallistujien johdon käytössä yhteisillä määritelmillä, mikä tekee "
            "kuntien välisestä vertailusta mahdollista.",
            "Ohjausryhmä seuraa toteumaa ajantasaisesta tiedosta eikä vasta jälkikäteen kootuista raporteista.",
            "Tiedon avulla osallistujat ennakoivat palvelujen kysyntää ja resurssitarpeita.",
        ],
        "C2": [
            "Asukkaat saavat saman palvelutason kaikissa osallistujakunnissa.",
            "Palvelujen saatavuus paranee erityisesti pienissä kunnissa, joilla ei yksin olisi resursseja "
            "vastaavaan.",
            "Asukkailta kerätään palautetta muutoksen vaikutuksista hankkeen aikana.",
        ],
        "C3": [
            "Lähtötaso on mitattu kaikissa osallistujakunnissa syksyllä 2019 samoilla mittareilla.",
            "Tavoitteet on käsitelty kaikkien osallistujien johtoryhmissä.",
            "Taloudellinen tavoite on vapauttaa yhteensä noin {hours} työtuntia kuukaudessa muuhun työhön.",
        ],
        "C4": [
            "Hanke etenee kolmessa vaiheessa: yhteinen määrittely, pilotointi kahdessa kunnassa sekä "
            "käyttöönotto kaikissa osallistujakunnissa.",
            "Hankinnat kilpailutetaan hankintalain mukaisesti yhteishankintana, jota hankehallinnoija johtaa.",
            "Hankkeen kesto on noin {months} kuukautta.",
        ],
        "C5": [
            "Muutos vaikuttaa osallistujien henkilöstöön, esihenkilöihin ja luottamushenkilöihin; muutosta "
            "tuetaan koulutuksella.",
            "Yritykset ja muut viranomaiset hyötyvät yhtenäisistä käytännöistä kuntien välillä.",
            "Yhteistyö vahvistaa seudun kuntien välistä luottamusta ja helpottaa myöhempiä yhteishankkeita.",
        ],
        "C6": [
            "Ohjausryhmä seuraa mittareita neljännesvuosittain, ja tulokset raportoidaan kunkin osallistujan "
            "johdolle.",
            "Lähtötaso mitataan ennen hankkeen alkua ja tulokset hankkeen lopussa sekä vuosi sen jälkeen.",
            "Seuranta tehdään samoilla mittareilla kaikissa osallistujakunnissa, joten tulokset ovat "
            "vertailukelpoisia.",
        ],
        "C7": [
            "Kaikki osallistujat sitoutuvat jakamaan hankkeen tulokset ja osallistumaan valtiovarainministeriön "
            "järjestämään yhteistyöhön.",
            "Kuvaukset, määritykset ja mahdollinen lähdekoodi julkaistaan avoimella lisenssillä.",
            "Tulokset esitellään maakuntien kuntaverkostoissa ja kuntien yhteisissä tilaisuuksissa.",
        ],
        "C8": [
            "Hanke toteuttaa osallistujakuntien strategioiden digitalisaatiota ja palvelujen uudistamista "
            "koskevia tavoitteita.",
            "Hanke on kirjattu osallistujien digitalisaatio-ohjelmiin tai tietohallinnon "
            "kehittämissuunnitelmiin.",
            "Hanke tukee seudun kuntien yhteistä kehittämissuunnitelmaa.",
        ],
    },
    "sv": {
        "G1": [
            "Nyttan mångdubblas när samma lösning tas i bruk i alla deltagande kommuner med ett och samma "
            "utvecklingsarbete.",
            "I de deltagande kommunerna bor sammanlagt cirka {pop_total} invånare, som förändringen påverkar "
            "direkt.",
            "Kalkylen är försiktig; effekten blir större när lösningen sprids till andra kommuner.",
        ],
        "G2": [
            "I projektet deltar kommuner av olika storlek, så lösningen testas under olika förhållanden innan den "
            "sprids.",
            "Projektet använder gemensamma datadefinitioner och nationella rekommendationer, så att resultaten "
            "kan överföras till andra kommuner.",
            "Samprojektet samlar kommunernas kunnande och undviker överlappande utveckling.",
        ],
        "C1": [
            "Informationen som projektet ger finns hos deltagarnas ledning med gemensamma definitioner, vilket "
            "gör det möjligt att jämföra kommunerna.",
            "Styrgruppen följer utfallet utgående från aktuell information och inte från rapporter som "
            "sammanställs i efterhand.",
            "Med hjälp av informationen förutser deltagarna efterfrågan på tjänster och behovet av resurser.",
        ],
        "C2": [
            "Invånarna får samma servicenivå i alla deltagande kommuner.",
            "Tjänsternas tillgänglighet förbättras särskilt i små kommuner, som ensamma inte skulle ha resurser "
            "till något motsvarande.",
            "Under projektet samlas respons från invånarna om förändringens effekter.",
        ],
        "C3": [
            "Utgångsnivån mättes i alla deltagande kommuner hösten 2019 med samma indikatorer.",
            "Målen har behandlats i alla deltagares ledningsgrupper.",
            "Det ekonomiska målet är att frigöra sammanlagt cirka {hours} arbetstimmar i månaden till annat "
            "arbete.",
        ],
        "C4": [
            "Projektet framskrider i tre faser: gemensam specificering, pilotförsök i två kommuner samt införande "
            "i alla deltagande kommuner.",
            "Upphandlingarna konkurrensutsätts enligt upphandlingslagen som en samupphandling som leds av "
            "projektadministratören.",
            "Projektet pågår i cirka {months} månader.",
        ],
        "C5": [
            "Förändringen påverkar deltagarnas personal, chefer och förtroendevalda; förändringen stöds med "
            "utbildning.",
            "Företag och andra myndigheter har nytta av enhetlig praxis mellan kommunerna.",
            "Samarbetet stärker förtroendet mellan kommunerna i regionen och gör senare samprojekt lättare.",
        ],
        "C6": [
            "Styrgruppen följer upp indikatorerna varje kvartal, och resultaten rapporteras till varje deltagares "
            "ledning.",
            "Utgångsnivån mäts innan projektet inleds och resultaten när projektet avslutas samt ett år senare.",
            "Uppföljningen görs med samma indikatorer i alla deltagande kommuner, så resultaten är jämförbara.",
        ],
        "C7": [
            "Alla deltagare förbinder sig att dela projektets resultat och att delta i det samarbete som "
            "finansministeriet ordnar.",
            "Beskrivningar, definitioner och eventuell källkod publiceras med öppen licens.",
            "Resultaten presenteras i landskapens kommunnätverk och vid kommunernas gemensamma evenemang.",
        ],
        "C8": [
            "Projektet genomför de mål för digitalisering och förnyelse av tjänsterna som finns i de deltagande "
            "kommunernas strategier.",
            "Projektet har skrivits in i deltagarnas digitaliseringsprogram eller utvecklingsplaner för "
            "informationsförvaltningen.",
            "Projektet stöder den gemensamma utvecklingsplanen för kommunerna i regionen.",
        ],
    },
}

# {participants}: everyone taking part, {name}: the project administrator, {municipalities}: how many.
JOINT_SENTENCES = {
    "fi": {
        "participants": "Yhteishankkeeseen osallistuvat {participants}; hankehallinnoijana toimii {name}.",
        "grown_many": "Hanke sai alkunsa kohteen 2 työpajassa syyskuussa 2019, jossa samaa aihetta koskevat "
        "ehdotukset yhdistettiin.",
        "grown_one": "Hanke kasvoi ehdotuksesta, johon kumppanit ilmoittautuivat ennen kohteen 2 työpajaa.",
        "municipalities": "Hankkeessa on mukana {municipalities} kuntaa.",
        "administrator": "{name} on hankehallinnoija: se vastaa hankkeen johtamisesta, yhteisistä hankinnoista, "
        "raportoinnista valtiovarainministeriölle ja avustuksen siirtämisestä osallistujille sopimuksen "
        "mukaisesti.",
        "partner": "{name} vastaa {task}.",
        "steering": "Ohjausryhmään kuuluu edustaja jokaisesta osallistujasta, ja se kokoontuu vähintään kerran "
        "kuukaudessa.",
        "manager": "Hankkeella on yhteinen projektipäällikkö, jonka hankehallinnoija palkkaa.",
        "goals_tail": "Hankkeen päättyessä ratkaisu on käytössä kaikissa osallistujakunnissa, ja sen "
        "ylläpidosta on sovittu.",
        "other_funding": "Hankkeelle ei ole haettu eikä saatu muuta julkista rahoitusta. Omarahoitusosuudet "
        "katetaan osallistujien talousarvioista budjettiosuuksien suhteessa.",
    },
    "sv": {
        "participants": "I samprojektet deltar {participants}, och {name} är projektadministratör.",
        "grown_many": "Projektet tog form vid workshopen för punkt 2 i september 2019, där förslag om samma tema "
        "sammanfördes.",
        "grown_one": "Projektet växte fram ur ett förslag som partnerna anmälde sitt intresse för före "
        "workshopen för punkt 2.",
        "municipalities": "I projektet deltar {municipalities} kommuner.",
        "administrator": "{name} är projektadministratör och ansvarar för ledningen av projektet, de gemensamma "
        "upphandlingarna, rapporteringen till finansministeriet och överföringen av understödet till "
        "deltagarna enligt avtalet.",
        "partner": "{name} ansvarar för {task}.",
        "steering": "I styrgruppen finns en företrädare för varje deltagare, och den sammanträder minst en gång "
        "i månaden.",
        "manager": "Projektet har en gemensam projektledare som anställs av projektadministratören.",
        "goals_tail": "När projektet avslutas används lösningen i alla deltagande kommuner, och underhållet av "
        "den har avtalats.",
        "other_funding": "Ingen annan offentlig finansiering har sökts eller beviljats för projektet. "
        "Självfinansieringsandelarna täcks ur deltagarnas budgetar i proportion till deras andelar av "
        "budgeten.",
    },
}

# The required attachment of a joint application (document "agreement").
AGREEMENT = {
    "fi": {
        "name": "sopimus-hankkeen-hallinnoinnista.pdf",
        "title": "Sopimus hankkeen hallinnoinnista ja avustuksen siirtämisestä",
        "lines": ["Hanke: {title}", "Hankehallinnoija: {name}", "Osallistujat: {participants}",
                  "Sopimus valtionavustuslain (688/2001) 7 §:n 3 momentin mukaisesti. Kannustinjärjestelmä 2019, "
                  "kohde 2."],
    },
    "sv": {
        "name": "avtal-om-forvaltningen-av-projektet.pdf",
        "title": "Avtal om förvaltningen av projektet och överföringen av understödet",
        "lines": ["Projekt: {title}", "Projektadministratör: {name}", "Deltagare: {participants}",
                  "Avtal enligt 7 § 3 mom. i statsunderstödslagen (688/2001). Incitamentsystemet 2019, punkt 2."],
    },
}  # fmt: skip
