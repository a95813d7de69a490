"""The default digitalisation maturity model: seven dimensions, five levels, a descriptor for each.

The programme's own published model text is not available; these descriptors are written for Kannustin and
describe the service process the project renews. Officials edit each call's copy as needed.
"""

from . import t

NAME = t(
    "Kuntien digitalisaation kypsyysmalli",
    "Mognadsgradsmodell för digitalisering i kommunerna",
    "Digitalisation maturity model for municipalities",
)

INTRO = t(
    """Arvioi sen palveluprosessin digitalisaatiota, jota hanke uudistaa. Valitse kullakin seitsemällä
osa-alueella taso, joka kuvaa parhaiten **nykytilaa**, ja taso, joka on **tavoitteena hankkeen jälkeen**.

Arvion tarkoitus on auttaa ymmärtämään digitalisaation nykytila ja tavoiteltu muutos. **Arvio ei vaikuta
avustuksen suuruuteen.** Vertailutiedot näytetään nimettöminä ja vain, jos vertailuryhmässä on vähintään viisi
kuntaa.""",
    """Bedöm digitaliseringen av den serviceprocess som projektet förnyar. Välj för vart och ett av de sju
delområdena den nivå som bäst beskriver **nuläget** och den nivå som är **målet efter projektet**.

Syftet med bedömningen är att förstå digitaliseringens nuläge och den förändring som eftersträvas.
**Bedömningen påverkar inte understödets storlek.** Jämförelsedata visas anonymt och endast om minst fem
kommuner ingår i jämförelsegruppen.""",
    """Assess the digitalisation of the service process the project renews. For each of the seven dimensions
choose the level that best describes **the current state** and the level that is **the target after the
project**.

The assessment helps you understand the current state of digitalisation and the change sought. **It does
not affect the size of the grant.** Comparisons are shown anonymously, and only where at least five
municipalities are in the comparison group.""",
)

LEVELS = [
    (1, t("alkava", "inledande", "initial")),
    (2, t("kehittyvä", "utvecklande", "developing")),
    (3, t("määritelty", "definierad", "defined")),
    (4, t("johdettu", "styrd", "managed")),
    (5, t("uudistava", "förnyande", "renewing")),
]

DIMENSIONS = [
    {
        "key": "strategy",
        "name": t("Strategia ja johtaminen", "Strategi och ledarskap", "Strategy and leadership"),
        "description": t(
            "Miten prosessin digitalisaatio on kytketty kunnan strategiaan, johtamiseen ja resursseihin.",
            "Hur digitaliseringen av processen är kopplad till kommunens strategi, ledning och resurser.",
            "How the digitalisation of the process is tied to the municipality's strategy, leadership and "
            "resources.",
        ),
        "descriptors": [
            t(
                "Palveluprosessin digitalisaatiota ei mainita strategiassa, ja kehittäminen on yksittäisten "
                "innostuneiden työntekijöiden varassa.",
                "Digitaliseringen av serviceprocessen nämns inte i strategin, och utvecklingen hänger på enskilda "
                "entusiaster.",
                "Digitalisation of the service process is not mentioned in the strategy, and development depends "
                "on a few enthusiastic individuals.",
            ),
            t(
                "Prosessin digitalisaatiotavoitteita on kirjattu paikoin, mutta niillä ei ole omistajaa, "
                "budjettia eikä seurantaa.",
                "Digitaliseringsmål för processen finns nedskrivna här och där, men de saknar ägare, budget och "
                "uppföljning.",
                "Digitalisation goals for the process are written down in places, but they have no owner, budget "
                "or follow-up.",
            ),
            t(
                "Prosessilla on nimetty omistaja ja kuntastrategiaan ja talousarvioon kytketty "
                "digitalisaatiosuunnitelma.",
                "Processen har en utsedd ägare och en digitaliseringsplan som är kopplad till kommunstrategin och "
                "budgeten.",
                "The process has a named owner and a digitalisation plan linked to the municipal strategy and "
                "the budget.",
            ),
            t(
                "Johto ohjaa prosessin kehittämistä mitattavin tavoittein, käy edistymisen säännöllisesti läpi ja "
                "kohdentaa resursseja sen perusteella.",
                "Ledningen styr utvecklingen av processen med mätbara mål, går regelbundet igenom framstegen och "
                "fördelar resurser utifrån dem.",
                "Management steers the development of the process with measurable goals, reviews progress "
                "regularly and allocates resources accordingly.",
            ),
            t(
                "Digitalisaatio on pysyvä osa prosessin johtamista: tavoitteita uudistetaan tulosten ja "
                "ennakoinnin perusteella, ja kunnan käytäntö on esimerkkinä muille.",
                "Digitaliseringen är en fast del av hur processen leds: målen förnyas utifrån resultat och "
                "omvärldsbevakning, och kommunens praxis är ett föredöme för andra.",
                "Digitalisation is a permanent part of how the process is led: goals are renewed from results "
                "and foresight, and the municipality's practice is a model for others.",
            ),
        ],
    },
    {
        "key": "customer",
        "name": t(
            "Asiakaslähtöisyys ja sähköiset palvelut",
            "Kundorientering och e-tjänster",
            "Customer orientation and e-services",
        ),
        "description": t(
            "Miten asukkaat ja muut asiakkaat käyttävät palvelua ja miten heidän tarpeensa ohjaavat sitä.",
            "Hur invånarna och andra kunder använder tjänsten och hur deras behov styr den.",
            "How residents and other customers use the service, and how their needs shape it.",
        ),
        "descriptors": [
            t(
                "Palvelua käytetään asioimalla paikan päällä, paperilla tai puhelimitse, eikä asiakkaiden tarpeita "
                "kerätä järjestelmällisesti.",
                "Tjänsten används genom besök, på papper eller per telefon, och kundernas behov samlas inte in "
                "systematiskt.",
                "The service is used in person, on paper or by phone, and customers' needs are not gathered "
                "systematically.",
            ),
            t(
                "Osan palvelusta voi aloittaa verkossa esimerkiksi täytettävällä lomakkeella, mutta käsittely "
                "jatkuu käsin eikä asiakas voi seurata sitä.",
                "En del av tjänsten kan inledas på nätet, till exempel med en ifyllbar blankett, men handläggningen "
                "fortsätter manuellt och kunden kan inte följa den.",
                "Part of the service can be started online, for example with a fillable form, but handling "
                "continues by hand and the customer cannot follow it.",
            ),
            t(
                "Palvelulla on asiakkaiden kanssa suunniteltu sähköinen asiointipalvelu, jossa on vahva "
                "tunnistautuminen ja jossa asiakas näkee asiansa käsittelyvaiheen.",
                "Tjänsten har en e-tjänst som utformats tillsammans med kunderna, med stark autentisering och där "
                "kunden ser hur långt ärendet har kommit.",
                "The service has an e-service designed with customers, with strong identification, in which the "
                "customer sees how far the matter has progressed.",
            ),
            t(
                "Suurin osa asiakkaista käyttää sähköistä palvelua, ja palautetta ja käyttötietoja mitataan ja "
                "käytetään palvelun jatkuvaan parantamiseen.",
                "De flesta kunder använder e-tjänsten, och respons och användningsdata mäts och används för att "
                "fortlöpande förbättra tjänsten.",
                "Most customers use the e-service, and feedback and usage data are measured and used to improve "
                "the service continuously.",
            ),
            t(
                "Palvelu on ennakoiva: sitä tarjotaan asukkaille elämäntapahtumien ja jo olemassa olevien tietojen "
                "perusteella ilman erillistä hakemusta ja yli organisaatiorajojen.",
                "Tjänsten är proaktiv: den erbjuds invånarna utifrån livshändelser och redan tillgängliga uppgifter, "
                "utan separat ansökan och över organisationsgränserna.",
                "The service is proactive: it is offered to residents on the basis of life events and data already "
                "held, without a separate application and across organisational boundaries.",
            ),
        ],
    },
    {
        "key": "processes",
        "name": t("Prosessit ja automaatio", "Processer och automation", "Processes and automation"),
        "description": t(
            "Miten prosessi on kuvattu ja yhtenäistetty ja kuinka pitkälle sen vaiheet on automatisoitu.",
            "Hur processen är beskriven och standardiserad och hur långt dess steg är automatiserade.",
            "How the process is described and standardised, and how far its steps are automated.",
        ),
        "descriptors": [
            t(
                "Prosessia ei ole kuvattu, työvaiheet vaihtelevat tekijän mukaan ja tietoja kopioidaan käsin "
                "järjestelmästä toiseen.",
                "Processen är inte beskriven, arbetsmomenten varierar mellan personer och uppgifter kopieras "
                "manuellt mellan systemen.",
                "The process is not described, work steps vary from person to person and data are copied by hand "
                "from one system to another.",
            ),
            t(
                "Prosessin päävaiheet on kuvattu ja yksittäisiä vaiheita tuetaan järjestelmillä, mutta käsin "
                "tehtäviä siirtoja on paljon.",
                "Processens huvudsteg är beskrivna och enskilda steg stöds av system, men många överföringar görs "
                "manuellt.",
                "The main steps of the process are described and single steps are supported by systems, but many "
                "hand-offs are still manual.",
            ),
            t(
                "Prosessi on kuvattu päästä päähän ja yhtenäistetty yksiköiden kesken, ja rutiinivaiheet, kuten "
                "laskujen kierrätys, on automatisoitu.",
                "Processen är beskriven från början till slut och enhetlig mellan enheterna, och rutinsteg som "
                "fakturacirkulationen är automatiserade.",
                "The process is described end to end and standardised across units, and routine steps such as "
                "invoice circulation are automated.",
            ),
            t(
                "Valtaosa tapahtumista kulkee prosessin läpi automaattisesti yhteisesti määritellyn tiedon varassa, "
                "ja poikkeukset ohjautuvat ihmisille tarvittavine tietoineen.",
                "Största delen av transaktionerna går automatiskt genom processen med gemensamt definierade "
                "uppgifter, och undantagen går till människor tillsammans med de uppgifter som behövs.",
                "Most transactions pass through the process automatically on commonly defined data, and "
                "exceptions reach people together with the information they need.",
            ),
            t(
                "Prosessi on suunniteltu uudelleen automaation ehdoilla: säännöt, ohjelmistorobotiikka tai "
                "analytiikka hoitavat rutiinit päästä päähän, ja prosessia mitataan ja hiotaan jatkuvasti.",
                "Processen har formats om kring automation: regler, programvarurobotik eller analys sköter "
                "rutinerna från början till slut, och processen mäts och förfinas kontinuerligt.",
                "The process has been redesigned around automation: rules, software robotics or analytics handle "
                "the routine end to end, and the process is measured and refined continuously.",
            ),
        ],
    },
    {
        "key": "data",
        "name": t(
            "Tieto ja tiedolla johtaminen",
            "Data och ledning genom information",
            "Data and knowledge-based management",
        ),
        "description": t(
            "Miten prosessin tietoa kerätään, määritellään ja käytetään päätöksenteossa.",
            "Hur uppgifter om processen samlas in, definieras och används i beslutsfattandet.",
            "How data on the process are gathered, defined and used in decision-making.",
        ),
        "descriptors": [
            t(
                "Prosessin tiedot ovat hajallaan erillisissä tiedostoissa ja järjestelmissä, ja päätökset "
                "perustuvat kokemukseen eivätkä tietoon.",
                "Uppgifterna om processen är utspridda i separata filer och system, och besluten bygger på "
                "erfarenhet snarare än på data.",
                "Data on the process are scattered across separate files and systems, and decisions rest on "
                "experience rather than data.",
            ),
            t(
                "Prosessista kootaan raportteja käsin silloin tällöin, ja niiden lukuja on vaikea verrata tai "
                "luottaa niihin.",
                "Rapporter om processen sammanställs manuellt då och då, och deras siffror är svåra att jämföra "
                "och lita på.",
                "Reports on the process are compiled by hand now and then, and their figures are hard to compare "
                "or trust.",
            ),
            t(
                "Keskeisillä tiedoilla on sovitut määritelmät ja omistajat, ja johto saa säännöllisesti raportit "
                "prosessin kustannuksista, määristä ja laadusta.",
                "Centrala uppgifter har överenskomna definitioner och ägare, och ledningen får regelbundet "
                "rapporter om processens kostnader, volymer och kvalitet.",
                "Key data have agreed definitions and owners, and management receives regular reports on the "
                "costs, volumes and quality of the process.",
            ),
            t(
                "Toiminnan, talouden ja henkilöstön ajantasaiset tiedot yhdistyvät automaattisesti, ja prosessia "
                "koskevat päätökset tehdään ja niiden vaikutuksia seurataan niiden perusteella.",
                "Aktuella uppgifter om verksamhet, ekonomi och personal kombineras automatiskt, och beslut om "
                "processen fattas och följs upp utifrån dem.",
                "Up-to-date data on operations, finances and personnel are combined automatically, and decisions "
                "on the process are made and followed up on that basis.",
            ),
            t(
                "Tietoa hyödynnetään ennakoivasti: analyysit ja ennusteet ohjaavat prosessia ennen kuin ongelmia "
                "syntyy, ja tiedot avataan uudelleenkäyttöön siltä osin kuin laki sallii.",
                "Data används proaktivt: analyser och prognoser styr processen innan problem uppstår, och "
                "uppgifterna öppnas för återanvändning i den mån lagen tillåter.",
                "Data are used proactively: analyses and forecasts steer the process before problems arise, and "
                "the data are opened for reuse as far as the law allows.",
            ),
        ],
    },
    {
        "key": "technology",
        "name": t(
            "Teknologia, arkkitehtuuri ja yhteentoimivuus",
            "Teknik, arkitektur och interoperabilitet",
            "Technology, architecture and interoperability",
        ),
        "description": t(
            "Miten prosessin järjestelmät toimivat yhteen: yhteiset tietomäärittelyt ja kansalliset yhteiset "
            "palvelut.",
            "Hur processens system fungerar tillsammans: gemensamma datadefinitioner och nationella gemensamma "
            "tjänster.",
            "How the systems of the process work together: common data definitions and national shared services.",
        ),
        "descriptors": [
            t(
                "Prosessi nojaa erillisiin järjestelmiin, jotka eivät vaihda tietoja keskenään, eikä kenelläkään "
                "ole niistä kokonaiskuvaa.",
                "Processen bygger på separata system som inte utbyter uppgifter med varandra, och ingen har en "
                "helhetsbild av dem.",
                "The process relies on separate systems that do not exchange data, and no one has an overall "
                "picture of them.",
            ),
            t(
                "Prosessin järjestelmät on luetteloitu, ja osa niistä on kytketty toisiinsa tapauskohtaisesti "
                "rakennetuilla integraatioilla.",
                "Processens system är förtecknade, och en del av dem är sammankopplade med integrationer som "
                "byggts från fall till fall.",
                "The systems of the process are listed, and some of them are connected by integrations built case "
                "by case.",
            ),
            t(
                "Prosessilla on kuvattu arkkitehtuuri, se käyttää yhteisiä tietomäärittelyjä ja standardoituja "
                "rajapintoja, ja uudet järjestelmät hankitaan niihin sopiviksi.",
                "Processen har en beskriven arkitektur, använder gemensamma datadefinitioner och standardiserade "
                "gränssnitt, och nya system anskaffas så att de passar in.",
                "The process has a described architecture, uses common data definitions and standard interfaces, "
                "and new systems are acquired to fit them.",
            ),
            t(
                "Prosessi hyödyntää kansallisia yhteisiä palveluja, kuten Suomi.fi-palveluja ja palveluväylää, ja "
                "tiedot siirtyvät järjestelmien välillä automaattisesti.",
                "Processen använder nationella gemensamma tjänster, som Suomi.fi-tjänsterna och servicekanalen, "
                "och uppgifterna flyttas automatiskt mellan systemen.",
                "The process uses national shared services, such as the Suomi.fi services and the data exchange "
                "layer, and data move between systems automatically.",
            ),
            t(
                "Arkkitehtuuria hallitaan yhdessä muiden kuntien ja kansallisten toimijoiden kanssa, komponentteja "
                "käytetään uudelleen, ja kunta osallistuu yhteisten määrittelyjen kehittämiseen.",
                "Arkitekturen förvaltas tillsammans med andra kommuner och nationella aktörer, komponenter "
                "återanvänds och kommunen deltar i utvecklingen av gemensamma definitioner.",
                "The architecture is managed together with other municipalities and national actors, components "
                "are reused, and the municipality helps develop common definitions.",
            ),
        ],
    },
    {
        "key": "competence",
        "name": t(
            "Osaaminen ja toimintakulttuuri", "Kompetens och verksamhetskultur", "Competence and culture"
        ),
        "description": t(
            "Millaista digitaalista osaamista prosessin henkilöstöllä on ja miten muutoksiin suhtaudutaan.",
            "Vilken digital kompetens personalen i processen har och hur man förhåller sig till förändringar.",
            "What digital competence the staff of the process have, and how change is received.",
        ),
        "descriptors": [
            t(
                "Prosessin henkilöstön digitaalinen osaaminen on vähäistä, ja työtapojen muutoksiin suhtaudutaan "
                "epävarmasti.",
                "Personalen i processen har begränsad digital kompetens, och förändringar i verksamhetssätten möts med "
                "osäkerhet.",
                "Staff of the process have little digital competence, and changes in ways of working are met "
                "with uncertainty.",
            ),
            t(
                "Koulutusta annetaan uuden järjestelmän käyttöönoton yhteydessä, mutta osaamistarpeita ei arvioida "
                "ja kokeiluja tehdään harvoin.",
                "Utbildning ges när ett nytt system införs, men kompetensbehoven bedöms inte och försök görs sällan.",
                "Training is given when a new system is introduced, but competence needs are not assessed and "
                "experiments are rare.",
            ),
            t(
                "Digitaalisen osaamisen tarpeet arvioidaan ja niihin vastataan suunnitelmallisesti, ja henkilöstö "
                "osallistuu työnsä muutosten suunnitteluun.",
                "Behoven av digital kompetens bedöms och tillgodoses planmässigt, och personalen deltar i "
                "planeringen av förändringarna i sitt arbete.",
                "Digital competence needs are assessed and met according to a plan, and staff take part in "
                "designing the changes to their work.",
            ),
            t(
                "Tiimit kehittävät omaa prosessiaan digitaalisin välinein, jakavat osaamistaan sisäisesti ja niitä "
                "kannustetaan kokeilemaan uutta.",
                "Teamen utvecklar sin egen process med digitala verktyg, delar kunnande internt och uppmuntras att "
                "pröva nytt.",
                "Teams improve their own process with digital tools, share know-how internally and are encouraged "
                "to try new things.",
            ),
            t(
                "Jatkuva oppiminen ja kokeilut ovat osa arkea, ja kunnan henkilöstö jakaa osaamistaan kansallisissa "
                "verkostoissa.",
                "Kontinuerligt lärande och försök hör till vardagen, och kommunens personal delar med sig av sitt "
                "kunnande i nationella nätverk.",
                "Continuous learning and experimentation are part of everyday work, and the municipality's staff "
                "share their know-how in national networks.",
            ),
        ],
    },
    {
        "key": "cooperation",
        "name": t("Yhteistyö ja verkostot", "Samarbete och nätverk", "Cooperation and networks"),
        "description": t(
            "Miten prosessia kehitetään yhdessä muiden kuntien ja toimijoiden kanssa.",
            "Hur processen utvecklas tillsammans med andra kommuner och aktörer.",
            "How the process is developed together with other municipalities and actors.",
        ),
        "descriptors": [
            t(
                "Prosessia kehitetään yksin tietämättä, mitä muut kunnat ovat tehneet.",
                "Processen utvecklas på egen hand utan kännedom om vad andra kommuner har gjort.",
                "The process is developed alone, without knowing what other municipalities have done.",
            ),
            t(
                "Kokemuksia vaihdetaan naapurikuntien kanssa epävirallisesti, mutta ratkaisuja ei kehitetä eikä "
                "hankita yhdessä.",
                "Erfarenheter utbyts informellt med grannkommunerna, men lösningar utvecklas eller upphandlas inte "
                "tillsammans.",
                "Experiences are exchanged informally with neighbouring municipalities, but solutions are not "
                "developed or procured together.",
            ),
            t(
                "Kunta osallistuu prosessia koskeviin alueellisiin tai kansallisiin kehittämisverkostoihin ja "
                "hyödyntää muualla tehtyjä ratkaisuja.",
                "Kommunen deltar i regionala eller nationella utvecklingsnätverk för processen och återanvänder "
                "lösningar som tagits fram på annat håll.",
                "The municipality takes part in regional or national development networks for the process and "
                "reuses solutions made elsewhere.",
            ),
            t(
                "Prosessia kehitetään sovituissa yhteishankkeissa muiden kuntien kanssa, ja tavoitteet, "
                "kustannukset ja tulokset jaetaan.",
                "Processen utvecklas i avtalade samprojekt med andra kommuner, med gemensamma mål, kostnader och "
                "resultat.",
                "The process is developed in agreed joint projects with other municipalities, sharing goals, "
                "costs and results.",
            ),
            t(
                "Kunta vetää tai koordinoi verkostoja, julkaisee ratkaisunsa avoimesti ja uudistaa prosessia "
                "yhdessä yritysten, tutkimuksen ja valtion kanssa.",
                "Kommunen leder eller samordnar nätverk, publicerar sina lösningar öppet och förnyar processen "
                "tillsammans med företag, forskning och staten.",
                "The municipality leads or coordinates networks, publishes its solutions openly and renews the "
                "process together with companies, research and the state.",
            ),
        ],
    },
]
