"""The 2019 round of the incentive programme: programme, tracks, calls, workshop, criteria, scale, costs.

Facts follow the programme's public description of 2019 (see docs/programme-2019.md). Placeholders in
braces are filled by the loader in each language: {appropriation}, {project_ends_by}, {opens}, {closes},
{workshop}, {proposals_close}, {joint_opens}, {joint_closes}.
"""

from datetime import date
from decimal import Decimal

from . import t

SLUG = "kannustin-2019"
YEAR = 2019
BUDGET_ITEM = "28.90.32"
APPROPRIATION = Decimal("30000000.00")
MAX_AID_SHARE = Decimal("0.850")
PROJECT_ENDS_BY = date(2021, 11, 30)
# The ministry granted the 41 track-1 projects on 21 November 2019; for stage 2 no date was announced.
DECISIONS_TRACK_1 = date(2019, 11, 21)
# In a new round, decisions are expected about nine weeks after the call closes, as in 2019.
WEEKS_TO_DECISION = 9

NAME = t(
    "Kuntien digitalisaation kannustinjärjestelmä 2019",
    "Incitamentsystemet för digitalisering i kommunerna 2019",
    "Incentive programme for digitalisation in municipalities 2019",
)
SHORT_NAME = t("Kannustin 2019", "Incitament 2019", "Kannustin 2019")

LEGAL_BASIS = t(
    "Laki valtionavustuksista (valtionavustuslaki, 688/2001) ja valtioneuvoston asetus kuntien "
    "digitalisaation kannustinjärjestelmästä (893/2019). Määräraha on valtion talousarvion momentilla "
    "28.90.32 (siirtomääräraha 3 v).",
    "Statsunderstödslagen (688/2001) och statsrådets förordning om incitamentsystemet för digitalisering i "
    "kommunerna (893/2019). Anslaget finns under moment 28.90.32 i statsbudgeten (reservationsanslag 3 år).",
    "Act on Discretionary Government Transfers (688/2001) and Government Decree on the incentive system for "
    "digitalisation in municipalities (893/2019). The appropriation is on item 28.90.32 of the state budget "
    "(transferable appropriation, 3 years).",
)

SUMMARY = t(
    "Valtiovarainministeriö myöntää kunnille valtionavustusta digitalisaatiota edistäviin hankkeisiin, jotka "
    "uudistavat kuntien toimintatapoja tai palveluprosesseja ja parantavat niiden laatua ja vaikuttavuutta. "
    "Vuoden 2019 talousarviossa tähän on varattu {appropriation}.",
    "Finansministeriet beviljar kommunerna statsunderstöd för projekt som främjar digitalisering, det vill "
    "säga projekt som förnyar kommunernas verksamhetssätt eller serviceprocesser och förbättrar deras kvalitet och "
    "genomslag. I statsbudgeten för 2019 har {appropriation} reserverats för detta.",
    "The Ministry of Finance grants state aid to municipalities for projects that promote digitalisation: "
    "projects that renew the municipalities' ways of working or service processes and improve their quality "
    "and impact. The 2019 state budget set aside {appropriation} for this.",
)

BODY = t(
    """## Tavoitteet

Kannustinjärjestelmällä edistetään kuntien digitalisaatiota, joka

- uudistaa toimintatapoja, lisää asiakaslähtöisyyttä ja voi tuottaa kustannussäästöjä,
- toteuttaa kansallisen digitalisaatiostrategian tavoitteita kuntien lähtökohdista ja
- lisää kuntien välistä yhteistyötä.

## Kaksi kohdetta

**Kohde 1: hakemukset.** Avustusta myönnetään tiedolla johtamisen ja tiedon hyödyntämisen sekä niihin
liittyvän tiedonhallinnan ja prosessien kehittämiseen, esimerkiksi kunnan taloushallinnon prosessien
automatisointiin yhteisesti määritellyn tiedon varassa. Kunta voi hakea yksin tai yhdessä muiden kuntien kanssa.

**Kohde 2: useamman kunnan yhteishankkeet kahdessa vaiheessa.** Ensimmäisessä vaiheessa kunnat tekevät
ehdotuksia tai ilmoittautuvat mukaan, ja myös muut kiinnostuneet toimijat voivat ilmoittautua. Yhteisessä
työpajassa ideoista muodostetaan laajempia yhteishankkeita, joille haetaan avustusta toisessa vaiheessa.

## Rahoitusehdot

- Avustus on enintään 85 prosenttia hankkeen hyväksyttävistä kustannuksista, joten omarahoitusosuus on
  vähintään 15 prosenttia.
- Arvonlisävero ei ole hyväksyttävä kustannus.
- Hyväksyttäviä ovat hankkeesta aiheutuvat kustannukset, esimerkiksi henkilöstö- ja matkakustannukset,
  toimitilojen vuokrat sekä ostetut tutkimukset, asiantuntijapalvelut ja lisenssit.
- Hankkeiden on päätyttävä viimeistään {project_ends_by}.
- Avustuksen saajat sitoutuvat jakamaan hankkeen tulokset ja osallistumaan yhteistyöhön niiden
  levittämiseksi ja viestimiseksi.

## Digitalisaation kypsyysarvio

Ennen hakemista kunta arvioi digitalisaationsa tason kypsyysmallilla. Arvio tehdään sille palveluprosessille,
jota hanke uudistaa: se kuvaa nykytilan ja tavoitellun muutoksen seitsemällä osa-alueella. Arvion tarkoitus on
auttaa ymmärtämään lähtötilanne ja tavoiteltu muutos. **Kypsyystaso ei vaikuta avustuksen suuruuteen.**

## Määräraha

Määräraha {appropriation} on valtion talousarvion momentilla 28.90.32 (kolmevuotinen siirtomääräraha).
""",
    """## Mål

Incitamentsystemet främjar sådan digitalisering i kommunerna som

- förnyar verksamhetssätten, ökar kundorienteringen och kan ge kostnadsbesparingar,
- genomför målen i den nationella digitaliseringsstrategin utifrån kommunernas behov och
- ökar samarbetet mellan kommunerna.

## Två punkter

**Punkt 1: ansökningar.** Understöd beviljas för att utveckla ledningen genom information och utnyttjandet
av data samt den informationshantering och de processer som hör till dem, till exempel för att automatisera
kommunens ekonomiförvaltningsprocesser med gemensamt definierade uppgifter. En kommun kan ansöka ensam eller
tillsammans med andra kommuner.

**Punkt 2: samprojekt mellan flera kommuner i två steg.** I det första steget lämnar kommunerna förslag eller
intresseanmälningar, och även andra intresserade aktörer kan anmäla sitt intresse. Vid en gemensam workshop
utvecklas idéerna till större samprojekt, som ansöker om understöd i det andra steget.

## Villkor för finansieringen

- Understödet uppgår till högst 85 procent av projektets godtagbara kostnader, vilket betyder att
  självfinansieringsandelen är minst 15 procent.
- Mervärdesskatt är inte en godtagbar kostnad.
- Godtagbara är kostnader som orsakas av projektet, till exempel personal- och resekostnader, hyror för
  lokaler samt köpta undersökningar, experttjänster och licenser.
- Projekten ska avslutas senast {project_ends_by}.
- Understödstagarna förbinder sig att dela projektets resultat och att delta i samarbetet för att sprida
  och kommunicera dem.

## Bedömning av digitaliseringens mognadsgrad

Innan kommunen ansöker bedömer den digitaliseringens mognadsgrad med mognadsgradsmodellen. Bedömningen görs för den
serviceprocess som projektet förnyar: den beskriver nuläget och den eftersträvade förändringen inom sju
delområden. Syftet är att förstå utgångsläget och den förändring som eftersträvas. **Mognadsgraden påverkar
inte understödets storlek.**

## Anslag

Anslaget på {appropriation} finns under moment 28.90.32 i statsbudgeten (reservationsanslag 3 år).
""",
    """## Aims

The incentive programme promotes digitalisation in municipalities that

- renews ways of working, makes services more customer-oriented and can save costs,
- pursues the goals of the national digital strategy from the municipalities up, and
- increases cooperation between municipalities.

## Two tracks

**Track 1: applications.** Grants are given for better knowledge-based management and data use, and for
the information management and processes around them, for example for automating the municipality's
financial-administration processes on commonly defined data. A municipality may apply alone or with others.

**Track 2: joint projects of several municipalities, in two stages.** In the first stage municipalities make
proposals or register their interest, and other interested actors may register interest too. At a joint
workshop the ideas grow into wider joint projects, which apply for a grant in the second stage.

## Money rules

- The grant is at most 85 per cent of the project's eligible costs, so the own financing share is at least
  15 per cent.
- VAT is not an eligible cost.
- Eligible costs are those arising from the project, for example personnel and travel costs, premises rents
  and purchased research, expert services and licences.
- Projects must end by {project_ends_by}.
- Grant recipients commit to sharing the project's results and to joining the cooperation that spreads and
  communicates them.

## Digitalisation maturity self-assessment

Before applying, the municipality assesses its level of digitalisation with the maturity model. The
assessment is made for the service process the project renews: it describes the current state and the change
sought in seven dimensions. Its purpose is to understand the starting point and the change sought. **The
maturity level does not affect the size of the grant.**

## Appropriation

The appropriation of {appropriation} is on item 28.90.32 of the state budget (three-year transferable
appropriation).
""",
)

HOW_TO_APPLY = t(
    """## Näin haet

1. **Hanki tunnukset.** Tarvitset Kannustimeen tunnukset, jotka on liitetty kuntaasi. Hakemuksen voi
   valmistella kuka tahansa kunnan käyttäjä, mutta sen lähettää kunnan puolesta käyttäjä, jolla on
   allekirjoitusoikeus.
2. **Tee kypsyysarvio.** Arvioi uudistettavan palveluprosessin digitalisaation nykytila ja tavoitetila
   kypsyysmallilla. Arvio ei vaikuta avustuksen suuruuteen.
3. **Täytä hakemus.** Vastaa kysymyksiin, laadi kustannusarvio hyväksyttävien kustannusten lajeittain ja
   nimeä yhteishankkeessa osallistuvat kunnat. Voit tallentaa luonnoksen ja palata siihen.
4. **Merkitse salassa pidettävät tiedot.** Hakemukset ovat julkisia asiakirjoja. Voit merkitä
   liikesalaisuuksia sisältävät kohdat salassa pidettäviksi, ja perustele merkintä.
5. **Lähetä hakemus ajoissa.** Hakuaika päättyy klo 16.15 Suomen aikaa. Myöhässä saapuneita hakemuksia ei
   käsitellä, eikä hakemusta voi täydentää määräajan jälkeen muuten kuin ministeriön pyynnöstä.
6. **Saat kuittauksen.** Lähettämästäsi hakemuksesta tulee vastaanottokuittaus sähköpostiisi.

Päätös annetaan hakijan kielellä, suomeksi tai ruotsiksi.
""",
    """## Så här ansöker du

1. **Skaffa användarnamn.** Du behöver ett användarkonto i Kannustin som är kopplat till din kommun. Vilken
   användare som helst i kommunen kan förbereda ansökan, men den skickas in för kommunens räkning av en
   användare med namnteckningsrätt.
2. **Gör en bedömning av mognadsgraden.** Bedöm nuläget och målläget för digitaliseringen av den
   serviceprocess som ska förnyas med mognadsgradsmodellen. Bedömningen påverkar inte understödets storlek.
3. **Fyll i ansökan.** Svara på frågorna, gör upp en kostnadskalkyl enligt godtagbara
   kostnadsslag och ange de deltagande kommunerna i ett samprojekt. Du kan spara ett utkast och återvända till det.
4. **Märk ut sekretessbelagda uppgifter.** Ansökningarna är offentliga handlingar. Du kan märka delar som
   innehåller affärshemligheter som sekretessbelagda, och motivera märkningen.
5. **Skicka in ansökan i tid.** Ansökningstiden går ut kl. 16.15 finsk tid. Ansökningar som kommer in för
   sent behandlas inte, och ansökan kan inte kompletteras efter tidsfristen annat än på begäran av ministeriet.
6. **Du får en kvittering.** En mottagningskvittering på ansökan som du har skickat in kommer till din e-post.

Beslutet ges på sökandens språk, finska eller svenska.
""",
    """## How to apply

1. **Get an account.** You need a Kannustin account linked to your municipality. Any user of the
   municipality may prepare the application, but it is submitted on the municipality's behalf by a user with
   signing authority.
2. **Make the maturity self-assessment.** Assess the current and target state of digitalisation of the
   service process to be renewed with the maturity model. The assessment does not affect the size of the grant.
3. **Fill in the application.** Answer the questions, draw up a budget by category of eligible costs and, in
   a joint project, name the participating municipalities. You can save a draft and come back to it.
4. **Mark confidential information.** Applications are public documents. You can mark parts that contain
   business secrets as confidential, giving the reason.
5. **Submit in time.** The call closes at 16:15 Finnish time. Late applications are not considered, and an
   application cannot be completed after the deadline except at the ministry's request.
6. **Get a receipt.** A receipt of the submitted application is sent to your email.

The decision is given in the applicant's language, Finnish or Swedish.
""",
)

# Fictional people: the names read "example" and "model" in Finnish and Swedish.
# Placeholders (vm.example, numbers in the ministry's range but not real lines) to be replaced with the
# programme's real contact people before production use. "languages": whom they serve in which language.
CONTACTS = [
    {
        "name": "Aino Esimerkki",
        "email": "aino.esimerkki@vm.example",
        "phone": "0295 530 101",
        "languages": "fi,en",
        "title": t("neuvotteleva virkamies", "konsultativ tjänsteman", "Ministerial Adviser"),
        "topic": t(
            "Kannustinjärjestelmä ja kohde 1", "Incitamentsystemet och punkt 1", "The programme and track 1"
        ),
    },
    {
        "name": "Johan Exempel",
        "email": "johan.exempel@vm.example",
        "phone": "0295 530 102",
        "languages": "sv,fi",
        "title": t("erityisasiantuntija", "specialsakkunnig", "Senior Specialist"),
        "topic": t("Kohde 2 ja yhteishankkeet", "Punkt 2 och samprojekt", "Track 2 and joint projects"),
    },
    {
        "name": "Liisa Malli",
        "email": "liisa.malli@vm.example",
        "phone": "0295 530 103",
        "languages": "fi,sv",
        "title": t("hallitussihteeri", "regeringssekreterare", "Government Secretary"),
        "topic": t(
            "Maksatus, raportointi ja muutokset",
            "Utbetalning, rapportering och ändringar",
            "Payments, reporting and changes",
        ),
    },
]

TRACK_1 = {
    "number": 1,
    "name": t(
        "Kohde 1: Tiedolla johtaminen ja tiedon hyödyntäminen",
        "Punkt 1: Ledning genom information och utnyttjande av data",
        "Track 1: Knowledge-based management and data use",
    ),
    "description": t(
        "Avustusta myönnetään tiedolla johtamisen ja tiedon hyödyntämisen sekä niihin liittyvän "
        "tiedonhallinnan ja prosessien parantamiseen. Kunta hakee yksin tai yhdessä muiden kuntien kanssa.",
        "Understöd beviljas för att förbättra ledningen genom information och utnyttjandet av data samt den "
        "informationshantering och de processer som hör till dem. Kommunen ansöker ensam eller tillsammans "
        "med andra kommuner.",
        "Grants for better knowledge-based management and data use, and for the information management and "
        "processes around them. A municipality applies alone or with others.",
    ),
}

TRACK_2 = {
    "number": 2,
    "name": t(
        "Kohde 2: Useamman kunnan yhteishankkeet",
        "Punkt 2: Samprojekt mellan flera kommuner",
        "Track 2: Joint projects of several municipalities",
    ),
    "description": t(
        "Kaksivaiheinen haku: ensin ehdotukset ja ilmoittautumiset, sitten yhteinen työpaja ja lopuksi "
        "yhteishankkeiden avustushaku.",
        "En ansökan i två steg: först förslag och intresseanmälningar, sedan en gemensam workshop och till sist "
        "ansökan om understöd för samprojekt.",
        "A call in two stages: first proposals and expressions of interest, then a joint workshop, and finally "
        "grant applications for joint projects.",
    ),
}

# The smallest and largest grant of 2019; amounts are written by the loader (core.formats.format_euros).
GRANTS_2019 = (Decimal("11900"), Decimal("2000000"))
DEMAND_HISTORY = t(
    "Vuoden 2019 haussa myönnetyt avustukset olivat {smallest} – {largest}.",
    "I ansökningsomgången 2019 var de beviljade understöden {smallest} – {largest}.",
    "In the 2019 round, grants ranged from {smallest} to {largest}.",
)

CALL_TRACK_1 = {
    "slug": "kohde-1",
    "title": t(
        "Kohde 1: Tiedolla johtamisen ja tiedon hyödyntämisen hankkeet",
        "Punkt 1: Projekt för ledning genom information och utnyttjande av data",
        "Track 1: Projects for knowledge-based management and data use",
    ),
    "body": t(
        """## Mihin avustusta voi hakea

Avustusta myönnetään hankkeisiin, jotka parantavat kunnan tiedolla johtamista, tiedon hyödyntämistä sekä
niihin liittyvää tiedonhallintaa ja prosesseja. Esimerkkejä:

- kunnan taloushallinnon prosessien automatisointi yhteisesti määritellyn tiedon varassa: tapahtumatasoinen
  automaatio, kustannuslaskenta, sisäinen ja ulkoinen raportointi sekä automaattiset analyysit
- muut toimet, joilla kunta voi digitalisoida ja hyödyntää toimintaansa, talouttaan ja henkilöstöään
  koskevaa tietoa.

## Hakuaika

Haku on avoinna {opens} – {closes} Suomen aikaa. Myöhässä saapuneita hakemuksia tai liitteitä ei oteta
käsiteltäväksi.

## Rahoitus

- Avustus on enintään 85 prosenttia hyväksyttävistä kustannuksista; omarahoitusosuus on vähintään 15 prosenttia.
- Arvonlisävero ei ole hyväksyttävä kustannus.
- Hankkeen on päätyttävä viimeistään {project_ends_by}.
- Haussa ei ole avustuksen vähimmäis- eikä enimmäismäärää. {demand_history}

## Arviointi

Hakemukset pisteytetään kriteereittäin asteikolla 0–5. Kriteerejä G1 (yhteiskunnallinen ja taloudellinen
vaikuttavuus) ja G2 (yleinen merkitys kuntien kannalta) painotetaan erityisesti.

## Ennen hakemista

Tee uudistettavasta palveluprosessista digitalisaation kypsyysarvio. Kypsyystaso ei vaikuta avustuksen suuruuteen.
""",
        """## Vad kan man ansöka om understöd för

Understöd beviljas för projekt som förbättrar kommunens ledning genom information, utnyttjandet av data samt
den informationshantering och de processer som hör till dem. Exempel:

- automatisering av kommunens ekonomiförvaltningsprocesser med gemensamt definierade uppgifter:
  automatisering på transaktionsnivå, kostnadsberäkning, intern och extern rapportering samt automatiska analyser
- andra åtgärder som gör det möjligt för kommunen att digitalisera och utnyttja uppgifter om sin
  verksamhet, sin ekonomi och sin personal.

## Ansökningstid

Utlysningen är öppen {opens} – {closes} finsk tid. Ansökningar eller bilagor som kommer in för sent tas inte
upp till behandling.

## Finansiering

- Understödet uppgår till högst 85 procent av de godtagbara kostnaderna; självfinansieringsandelen är minst
  15 procent.
- Mervärdesskatt är inte en godtagbar kostnad.
- Projektet ska avslutas senast {project_ends_by}.
- Utlysningen har inget minimi- eller maximibelopp för understödet. {demand_history}

## Bedömning

Ansökningarna poängsätts kriterievis på skalan 0–5. Kriterierna G1 (samhällelig och ekonomisk
genomslagskraft) och G2 (allmän betydelse för kommunerna) väger särskilt tungt.

## Innan du ansöker

Gör en bedömning av digitaliseringens mognadsgrad för den serviceprocess som ska förnyas. Mognadsgraden
påverkar inte understödets storlek.
""",
        """## What the grant is for

Grants are given to projects that improve the municipality's knowledge-based management, its use of data
and the information management and processes around them. Examples:

- automating the municipality's financial-administration processes on commonly defined data:
  transaction-level automation, cost accounting, internal and external reporting and automatic analyses
- other measures that let the municipality digitise and use data on its operations, finances and personnel.

## Application period

The call is open {opens} – {closes} Finnish time. Applications or attachments that arrive late are not
considered.

## Funding

- The grant is at most 85 per cent of the eligible costs; the own financing share is at least 15 per cent.
- VAT is not an eligible cost.
- The project must end by {project_ends_by}.
- The call sets no smallest or largest grant. {demand_history}

## Assessment

Applications are scored criterion by criterion on a scale of 0–5. Criteria G1 (societal and economic impact)
and G2 (general significance for municipalities) are weighed especially.

## Before you apply

Make the digitalisation maturity self-assessment of the service process to be renewed. The maturity level
does not affect the size of the grant.
""",
    ),
    "eligibility": t(
        "Avustusta voivat hakea kunnat. Kunta voi hakea yksin tai yhdessä muiden kuntien kanssa; yhteisessä "
        "hakemuksessa nimetään kaikki osallistuvat kunnat.",
        "Kommuner kan ansöka om understöd. En kommun kan ansöka ensam eller tillsammans med andra kommuner; i "
        "en gemensam ansökan anges alla deltagande kommuner.",
        "Municipalities may apply. A municipality may apply alone or together with other municipalities; a "
        "joint application names all participating municipalities.",
    ),
}

# The example topics of track 2; the proposal form offers them as choices (plus "other").
TOPICS = [
    ("remote_work", t("Ajasta ja paikasta riippumaton työ", "Arbete oberoende av tid och plats",
                      "Work independent of time and place")),
    ("eservices", t("Asukkaiden sähköiset palvelut", "E-tjänster för invånarna", "E-services for residents")),
    ("contract_management", t("Sopimushallinta", "Avtalshantering", "Contract management")),
    ("materials_logistics", t(
        "Materiaalien, logistiikan tai kuljetusten optimointi",
        "Optimering av material, logistik eller transporter",
        "Optimising materials, logistics or transport",
    )),
    ("resident_centred", t("Asukas keskiöön", "Invånaren i centrum", "Putting the resident at the centre")),
]  # fmt: skip

CALL_PROPOSALS = {
    "slug": "kohde-2-ehdotukset",
    "title": t(
        "Kohde 2, vaihe 1: Yhteishanke-ehdotukset ja ilmoittautumiset",
        "Punkt 2, steg 1: Förslag till samprojekt och intresseanmälningar",
        "Track 2, stage 1: Joint-project proposals and expressions of interest",
    ),
    "body": t(
        """## Ehdotukset ja ilmoittautumiset

Kohteen 2 ensimmäisessä vaiheessa kunnat tekevät ehdotuksia useamman kunnan yhteishankkeiksi tai
ilmoittautuvat mukaan yhteishankkeisiin. Ehdotuksessa kuvataan:

- miten se parantaa kuntien toimintatapoja tai palveluprosesseja sekä niiden laatua ja vaikuttavuutta (P1)
- sen tavoitteet ja haluttu lopputulos (P2)
- kehittämiskohteen merkitys kuntakentälle ja tulosten hyödynnettävyys (P3)
- sen kustannussäästöpotentiaali (P4)
- jatkokehittämisen ja toteutuksen riskit (P5).

Ehdotuksia ei pisteytetä, eikä tässä vaiheessa myönnetä avustusta.

## Aiheet

Aiheet ovat vapaat, mutta niiden tulee liittyä kansallisiin digitalisaatiotavoitteisiin. Esimerkkejä: ajasta
ja paikasta riippumaton työ, asukkaiden sähköiset palvelut, sopimushallinta, materiaalien, logistiikan tai
kuljetusten optimointi sekä asukkaan asettaminen keskiöön.

## Aikataulu

- Ehdotukset ja ilmoittautumiset {opens} – {closes} Suomen aikaa.
- Yhteinen työpaja {workshop}.
- Yhteishankkeiden avustushaku (vaihe 2) {joint_opens} – {joint_closes}.
""",
        """## Förslag och intresseanmälningar

I det första steget av punkt 2 lämnar kommunerna förslag till samprojekt mellan flera kommuner eller anmäler
sitt intresse av att delta i samprojekt. Ett förslag beskriver:

- hur det förbättrar kommunernas verksamhetssätt eller serviceprocesser samt deras kvalitet och genomslag (P1)
- dess mål och önskade slutresultat (P2)
- utvecklingsobjektets betydelse för kommunfältet och hur användbara resultaten är (P3)
- dess potential att minska kostnaderna (P4)
- riskerna i vidareutvecklingen och genomförandet (P5).

Förslagen poängsätts inte, och i detta steg beviljas inget understöd.

## Teman

Temana är fria men ska anknyta till de nationella digitaliseringsmålen. Exempel: arbete oberoende av tid och
plats, e-tjänster för invånarna, avtalshantering, optimering av material, logistik eller transporter samt att
sätta invånaren i centrum.

## Tidtabell

- Förslag och intresseanmälningar {opens} – {closes} finsk tid.
- Gemensam workshop {workshop}.
- Ansökan om understöd för samprojekt (steg 2) {joint_opens} – {joint_closes}.
""",
        """## Proposals and expressions of interest

In the first stage of track 2, municipalities propose joint projects of several municipalities or register
their interest in taking part in joint projects. A proposal describes:

- how it improves the municipalities' ways of working or service processes, and their quality and impact (P1)
- its goals and the desired end result (P2)
- the significance of the development target for the municipal field, and how usable the results are (P3)
- its potential to reduce costs (P4)
- the risks in developing it further and carrying it out (P5).

Proposals are not scored, and no grants are given at this stage.

## Topics

Topics are free but must be tied to the national digitalisation goals. Examples: work independent of time
and place, e-services for residents, contract management, optimising materials, logistics or transport, and
putting the resident at the centre.

## Timetable

- Proposals and expressions of interest {opens} – {closes} Finnish time.
- Joint workshop {workshop}.
- Grant applications for joint projects (stage 2) {joint_opens} – {joint_closes}.
""",
    ),
    "eligibility": t(
        "Kunnat voivat tehdä ehdotuksia ja ilmoittautua mukaan yhteishankkeisiin. Myös muut kiinnostuneet "
        "toimijat – kuntayhtymät, maakuntien liitot, yritykset ja yhdistykset – voivat ilmoittautua mukaan. "
        "Aiheen on liityttävä kansallisiin digitalisaatiotavoitteisiin.",
        "Kommuner kan lämna förslag och anmäla sitt intresse av att delta i samprojekt. Även andra intresserade "
        "aktörer – samkommuner, landskapsförbund, företag och föreningar – kan göra en intresseanmälan. Temat "
        "ska anknyta till de nationella digitaliseringsmålen.",
        "Municipalities may make proposals and register interest in joint projects. Other interested actors – "
        "joint municipal authorities, regional councils, companies and associations – may register interest "
        "too. The topic must be tied to the national digitalisation goals.",
    ),
}

WORKSHOP = {
    "title": t("Kohteen 2 yhteinen työpaja", "Gemensam workshop för punkt 2", "Joint workshop for track 2"),
    "place": t("Helsinki", "Helsingfors", "Helsinki"),
    "body": t(
        "Työpaja on tarkoitettu kaikille, jotka tekivät ehdotuksen tai ilmoittautuivat mukaan. Työpajassa "
        "verkostoidutaan, etsitään kumppanikuntia ja kehitetään ideoista laajempia yhteishankkeita. Esitykset "
        "julkaistaan tilaisuuden jälkeen.",
        "Workshopen är avsedd för alla som lämnade ett förslag eller en intresseanmälan. Där knyter deltagarna "
        "kontakter, hittar partnerkommuner och utvecklar idéerna till större samprojekt. Presentationerna "
        "publiceras efter evenemanget.",
        "The workshop is for everyone who made a proposal or registered interest. Participants network, find "
        "partner municipalities and develop ideas into wider joint projects. The presentations are published "
        "afterwards.",
    ),
}

CALL_JOINT = {
    "slug": "kohde-2-yhteishankkeet",
    "title": t(
        "Kohde 2, vaihe 2: Yhteishankkeiden avustushaku",
        "Punkt 2, steg 2: Ansökan om understöd för samprojekt",
        "Track 2, stage 2: Grant applications for joint projects",
    ),
    "body": t(
        """## Yhteishankkeiden avustushaku

Kohteen 2 toisessa vaiheessa haetaan avustusta useamman kunnan yhteishankkeille. Hankkeet ovat voineet
syntyä ensimmäisen vaiheen ehdotuksista ja työpajasta, mutta aiempi osallistuminen ei ole edellytys.

## Hakuaika

Haku on avoinna {opens} – {closes} Suomen aikaa. Myöhässä saapuneita hakemuksia tai liitteitä ei oteta
käsiteltäväksi.

## Rahoitus

- Avustus on enintään 85 prosenttia hyväksyttävistä kustannuksista; omarahoitusosuus on vähintään 15 prosenttia.
- Arvonlisävero ei ole hyväksyttävä kustannus.
- Hankkeen on päätyttävä viimeistään {project_ends_by}.
- Avustus maksetaan hankehallinnoijalle, joka siirtää sen muille toteuttajille sopimuksen mukaisesti.

## Arviointi

Hakemukset pisteytetään samoilla kriteereillä kuin kohteessa 1 asteikolla 0–5; kriteerejä G1 ja G2
painotetaan erityisesti.

## Ennen hakemista

Tee uudistettavasta palveluprosessista digitalisaation kypsyysarvio. Kypsyystaso ei vaikuta avustuksen suuruuteen.
""",
        """## Ansökan om understöd för samprojekt

I det andra steget av punkt 2 söks understöd för samprojekt mellan flera kommuner. Projekten kan ha vuxit
fram ur förslagen i det första steget och workshopen, men tidigare deltagande är inget villkor.

## Ansökningstid

Utlysningen är öppen {opens} – {closes} finsk tid. Ansökningar eller bilagor som kommer in för sent tas inte
upp till behandling.

## Finansiering

- Understödet uppgår till högst 85 procent av de godtagbara kostnaderna; självfinansieringsandelen är minst
  15 procent.
- Mervärdesskatt är inte en godtagbar kostnad.
- Projektet ska avslutas senast {project_ends_by}.
- Understödet betalas till projektadministratören, som överför det till de andra genomförarna enligt ett avtal.

## Bedömning

Ansökningarna poängsätts med samma kriterier som i punkt 1 på skalan 0–5; kriterierna G1 och G2 väger
särskilt tungt.

## Innan du ansöker

Gör en bedömning av digitaliseringens mognadsgrad för den serviceprocess som ska förnyas. Mognadsgraden
påverkar inte understödets storlek.
""",
        """## Grant applications for joint projects

In the second stage of track 2, grants are applied for joint projects of several municipalities. The projects
may have grown out of the first-stage proposals and the workshop, but earlier participation is not required.

## Application period

The call is open {opens} – {closes} Finnish time. Applications or attachments that arrive late are not
considered.

## Funding

- The grant is at most 85 per cent of the eligible costs; the own financing share is at least 15 per cent.
- VAT is not an eligible cost.
- The project must end by {project_ends_by}.
- The grant is paid to the project administrator, who passes it on to the other implementers under an agreement.

## Assessment

Applications are scored on the same criteria as in track 1, on a scale of 0–5; criteria G1 and G2 are weighed
especially.

## Before you apply

Make the digitalisation maturity self-assessment of the service process to be renewed. The maturity level
does not affect the size of the grant.
""",
    ),
    "eligibility": t(
        """Avustusta myönnetään vain hankkeisiin, joita toteuttaa useampi kunta. Yksi kunnista tai kuntayhtymä
toimii **hankehallinnoijana**, joka ottaa avustuksen vastaan ja siirtää sen muille toteuttajille niiden
kanssa tehdyn sopimuksen mukaisesti (valtionavustuslaki 7 § 3 mom.).

Tässä haussa avustusta ei myönnetä hankkeisiin, jotka koskevat

- sosiaali- ja terveydenhuoltoa,
- rakennettua ympäristöä,
- asianhallintaa tai
- arkistointia.
""",
        """Understöd beviljas endast för projekt som genomförs av flera kommuner. En av kommunerna eller en
samkommun är **projektadministratör**, som tar emot understödet och överför det till de andra genomförarna
enligt ett avtal med dem (statsunderstödslagen 7 § 3 mom.).

I denna utlysning beviljas inget understöd för projekt som gäller

- social- och hälsovård,
- den byggda miljön,
- ärendehantering eller
- arkivering.
""",
        """Grants are given only to projects carried out by several municipalities. One of the municipalities, or
a joint municipal authority, is the **project administrator**, who receives the grant and passes it on to the
other implementers under an agreement with them (Act on Discretionary Government Transfers, section 7(3)).

In this call no grants are given to projects concerning

- social and health care,
- the built environment,
- case management, or
- archiving.
""",
    ),
}

# Evaluation criteria of track 1 (and of the joint-project applications). G1 and G2 are weighed especially.
CRITERIA = [
    {
        "code": "G1",
        "key": "g1_societal_economic_impact",
        "weight": Decimal("2.00"),
        "emphasised": True,
        "title": t(
            "Hankkeen yhteiskunnallinen ja taloudellinen vaikuttavuus",
            "Projektets samhälleliga och ekonomiska genomslagskraft",
            "Societal and economic impact of the project",
        ),
        "description": t(
            "Kuinka merkittäviä hyötyjä hanke tuottaa asukkaille, kunnalle ja yhteiskunnalle ja kuinka paljon "
            "se voi säästää kustannuksia tai parantaa tuottavuutta. Tätä kriteeriä painotetaan erityisesti.",
            "Hur betydande nytta projektet ger invånarna, kommunen och samhället och hur mycket det kan spara "
            "kostnader eller förbättra produktiviteten. Detta kriterium väger särskilt tungt.",
            "How significant the benefits of the project are for residents, the municipality and society, and "
            "how much it can save costs or improve productivity. This criterion is weighed especially.",
        ),
    },
    {
        "code": "G2",
        "key": "g2_significance_for_municipalities",
        "weight": Decimal("2.00"),
        "emphasised": True,
        "title": t(
            "Hankkeen yleinen merkitys kuntien kannalta",
            "Projektets allmänna betydelse för kommunerna",
            "General significance of the project for municipalities",
        ),
        "description": t(
            "Kuinka laajasti hankkeen ratkaisut ja tulokset hyödyttävät kuntia ja edistävätkö ne koko "
            "kuntakentän digitalisaatiota. Tätä kriteeriä painotetaan erityisesti.",
            "Hur brett projektets lösningar och resultat gagnar kommunerna och om de främjar digitaliseringen "
            "inom hela kommunfältet. Detta kriterium väger särskilt tungt.",
            "How widely the project's solutions and results benefit municipalities, and whether they advance "
            "digitalisation across the municipal field. This criterion is weighed especially.",
        ),
    },
    {
        "code": "C1",
        "key": "c1_knowledge_management",
        "title": t(
            "Tiedolla johtamisen ja tiedon ennakoivan hyödyntämisen paraneminen",
            "Bättre ledning genom information och proaktivt utnyttjande av information",
            "Better knowledge-based management and proactive use of information",
        ),
        "description": t(
            "Miten hanke parantaa kunnan tiedolla johtamista ja tiedon ennakoivaa hyödyntämistä toiminnan, "
            "talouden ja henkilöstön ohjauksessa.",
            "Hur projektet förbättrar kommunens ledning genom information och det proaktiva utnyttjandet av "
            "information i styrningen av verksamhet, ekonomi och personal.",
            "How the project improves the municipality's knowledge-based management and its proactive use of "
            "information in steering operations, finances and personnel.",
        ),
    },
    {
        "code": "C2",
        "key": "c2_services_for_residents",
        "title": t(
            "Asukkaille tarjottavien palvelujen paraneminen",
            "Bättre tjänster för invånarna",
            "Better services for residents",
        ),
        "description": t(
            "Miten toiminta parantaa asukkaille tarjottavia palveluja, esimerkiksi niiden saatavuutta, laatua tai "
            "sujuvuutta.",
            "Hur verksamheten förbättrar de tjänster som erbjuds invånarna, till exempel deras tillgänglighet, "
            "kvalitet eller smidighet.",
            "How the activity improves the services offered to residents, for example their availability, "
            "quality or ease of use.",
        ),
    },
    {
        "code": "C3",
        "key": "c3_goals_compared_with_now",
        "title": t(
            "Konkreettiset toiminnalliset ja taloudelliset tavoitteet",
            "Konkreta verksamhetsmässiga och ekonomiska mål",
            "Concrete operational and financial goals",
        ),
        "description": t(
            "Mitä konkreettisia toiminnallisia ja taloudellisia tavoitteita hankkeella tavoitellaan verrattuna "
            "nykytilaan.",
            "Vilka konkreta verksamhetsmässiga och ekonomiska mål projektet eftersträvar jämfört med nuläget.",
            "Which concrete operational and financial goals the project pursues compared with the current state.",
        ),
    },
    {
        "code": "C4",
        "key": "c4_measures",
        "title": t(
            "Tavoitteiden saavuttamiseksi tarvittavat toimenpiteet",
            "Åtgärder som behövs för att nå målen",
            "Measures needed to reach the goals",
        ),
        "description": t(
            "Mitä toimenpiteitä tavoitteiden ja laajojen vaikutusten saavuttaminen edellyttää ja miten ne "
            "toteutetaan hankkeen aikana.",
            "Vilka åtgärder som krävs för att nå målen och de breda effekterna och hur de genomförs under projektet.",
            "Which measures are needed to reach the goals and wide effects, and how they are carried out during "
            "the project.",
        ),
    },
    {
        "code": "C5",
        "key": "c5_wide_effects",
        "title": t(
            "Muutoksen laajat vaikutukset muihin osapuoliin",
            "Förändringens breda effekter på andra berörda",
            "Wide effects of the change on others concerned",
        ),
        "description": t(
            "Millaisia laajoja vaikutuksia muutoksella on muihin osapuoliin, kuten asukkaisiin, yrityksiin, "
            "henkilöstöön ja muihin viranomaisiin.",
            "Vilka breda effekter förändringen har på andra berörda, såsom invånare, företag, personal och andra "
            "myndigheter.",
            "What wide effects the change has on others concerned, such as residents, companies, staff and "
            "other authorities.",
        ),
    },
    {
        "code": "C6",
        "key": "c6_follow_up",
        "title": t("Muutoksen seuranta", "Uppföljning av förändringen", "Follow-up of the change"),
        "description": t(
            "Miten kunta seuraa muutoksen toteutumista: millä mittareilla, mistä lähtötasosta ja millä "
            "aikataululla.",
            "Hur kommunen följer upp förändringen: med vilka indikatorer, från vilken utgångsnivå och enligt "
            "vilken tidtabell.",
            "How the municipality follows up the change: with which indicators, from which baseline and on "
            "which schedule.",
        ),
    },
    {
        "code": "C7",
        "key": "c7_sharing_results",
        "title": t(
            "Tulosten hyödynnettävyys muissa kunnissa ja sitoutuminen niiden jakamiseen",
            "Resultatens användbarhet i andra kommuner och åtagandet att dela dem",
            "Usability of the results in other municipalities and commitment to share them",
        ),
        "description": t(
            "Kuinka laajasti tuloksia voidaan hyödyntää muissa kunnissa ja sitoutuvatko hakijat jakamaan tulokset "
            "ja osallistumaan niiden levittämiseen.",
            "I vilken utsträckning resultaten kan användas i andra kommuner och om sökandena förbinder sig att "
            "dela resultaten och delta i spridningen av dem.",
            "How far the results can be used in other municipalities, and whether the applicants commit to "
            "sharing them and taking part in spreading them.",
        ),
    },
    {
        "code": "C8",
        "key": "c8_strategy",
        "title": t(
            "Kytkös kuntastrategiaan ja muuhun kehittämiseen",
            "Koppling till kommunstrategin och annan utveckling",
            "Link to the municipal strategy and other development",
        ),
        "description": t(
            "Miten hanke liittyy kuntastrategiaan ja kunnan muuhun kehittämistoimintaan.",
            "Hur projektet anknyter till kommunstrategin och kommunens övriga utvecklingsarbete.",
            "How the project links to the municipal strategy and the municipality's other development work.",
        ),
    },
]

# What a track-2 proposal describes (stage 1); not scored.
PROPOSAL_CRITERIA = [
    {
        "code": "P1",
        "key": "p1_ways_of_working",
        "title": t(
            "Toimintatapojen ja palveluprosessien paraneminen",
            "Förbättrade verksamhetssätt och serviceprocesser",
            "Better ways of working and service processes",
        ),
        "description": t(
            "Miten ehdotus parantaa kuntien toimintatapoja tai palveluprosesseja sekä niiden laatua ja "
            "vaikuttavuutta.",
            "Hur förslaget förbättrar kommunernas verksamhetssätt eller serviceprocesser samt deras kvalitet och "
            "genomslag.",
            "How the proposal improves the municipalities' ways of working or service processes, and their "
            "quality and impact.",
        ),
    },
    {
        "code": "P2",
        "key": "p2_goals",
        "title": t(
            "Tavoitteet ja haluttu lopputulos", "Mål och önskat slutresultat", "Goals and desired end result"
        ),
        "description": t(
            "Mitkä ovat ehdotuksen tavoitteet ja millaiseen lopputulokseen sillä pyritään.",
            "Vilka förslagets mål är och vilket slutresultat det eftersträvar.",
            "What the goals of the proposal are and what end result it seeks.",
        ),
    },
    {
        "code": "P3",
        "key": "p3_significance",
        "title": t(
            "Merkitys kuntakentälle ja tulosten hyödynnettävyys",
            "Betydelse för kommunfältet och resultatens användbarhet",
            "Significance for the municipal field and usability of the results",
        ),
        "description": t(
            "Mikä on kehittämiskohteen merkitys kuntakentälle ja kuinka laajasti tuloksia voidaan hyödyntää.",
            "Vilken betydelse utvecklingsobjektet har för kommunfältet och hur brett resultaten kan användas.",
            "What the significance of the development target is for the municipal field, and how widely the "
            "results can be used.",
        ),
    },
    {
        "code": "P4",
        "key": "p4_cost_savings",
        "title": t(
            "Kustannussäästöpotentiaali", "Potential att minska kostnaderna", "Potential to reduce costs"
        ),
        "description": t(
            "Millainen mahdollisuus ehdotuksella on vähentää kustannuksia ja millä perusteella.",
            "Vilken potential förslaget har att minska kostnaderna och på vilka grunder.",
            "What potential the proposal has to reduce costs, and on what grounds.",
        ),
    },
    {
        "code": "P5",
        "key": "p5_risks",
        "title": t(
            "Jatkokehittämisen ja toteutuksen riskit",
            "Risker i vidareutvecklingen och genomförandet",
            "Risks in further development and implementation",
        ),
        "description": t(
            "Mitä riskejä ehdotuksen jatkokehittämiseen ja toteutukseen liittyy ja miten niihin varaudutaan.",
            "Vilka risker som hänger samman med vidareutvecklingen och genomförandet av förslaget och hur man "
            "förbereder sig för dem.",
            "What risks there are in developing the proposal further and carrying it out, and how they are "
            "prepared for.",
        ),
    },
]

SCALE = [
    (0, t("Ei esitetty tai ei täytä kriteeriä", "Inte framfört eller uppfyller inte kriteriet",
          "Not addressed or does not meet the criterion")),
    (1, t("Heikko – kriteeriin vastataan puutteellisesti", "Svag – kriteriet besvaras bristfälligt",
          "Weak – the criterion is answered inadequately")),
    (2, t("Välttävä – kriteeri täyttyy osittain", "Försvarlig – kriteriet uppfylls delvis",
          "Fair – the criterion is partly met")),
    (3, t("Hyvä – kriteeri täyttyy", "God – kriteriet uppfylls", "Good – the criterion is met")),
    (4, t("Erittäin hyvä – kriteeri täyttyy selvästi ja perustellusti",
          "Mycket god – kriteriet uppfylls tydligt och välmotiverat",
          "Very good – the criterion is clearly met and well argued")),
    (5, t("Erinomainen – esimerkillinen ja laajasti hyödynnettävä",
          "Utmärkt – föredömligt och brett användbart",
          "Excellent – exemplary and widely usable")),
]  # fmt: skip

COST_CATEGORIES = [
    {
        "key": "personnel",
        "name": t("Henkilöstökustannukset", "Personalkostnader", "Personnel costs"),
        "help": t(
            "Hankkeeseen palkattavan tai siihen osoitetun henkilöstön palkat sivukuluineen siltä osin kuin työ "
            "kohdistuu hankkeeseen. Kirjaa hankkeeseen käytetty työaika niin, että sitä voidaan seurata.",
            "Löner med lönebikostnader för personal som anställs för eller anvisas till projektet, till den del "
            "arbetet hänför sig till projektet. Registrera arbetstiden för projektet så att den kan följas upp.",
            "Salaries with social security costs of staff hired for or assigned to the project, to the extent "
            "their work is for the project. Record the working time spent on the project so it can be followed up.",
        ),
    },
    {
        "key": "travel",
        "name": t("Matkakustannukset", "Resekostnader", "Travel costs"),
        "help": t(
            "Hankkeen toteuttamiseksi tarpeelliset matkat kunnan omien matkustusohjeiden mukaisesti.",
            "Resor som behövs för att genomföra projektet, enligt kommunens egna reseanvisningar.",
            "Travel needed to carry out the project, under the municipality's own travel rules.",
        ),
    },
    {
        "key": "premises",
        "name": t("Toimitilavuokrat", "Hyror för lokaler", "Premises rents"),
        "help": t(
            "Hankkeen käyttöön vuokrattujen tilojen vuokrat siltä osin kuin tilat ovat hankkeen käytössä.",
            "Hyror för lokaler som hyrs för projektets bruk, till den del lokalerna används av projektet.",
            "Rents for premises rented for the project, to the extent the project uses them.",
        ),
    },
    {
        "key": "purchased_services",
        "name": t("Ostetut tutkimukset ja palvelut", "Köpta undersökningar och tjänster",
                  "Purchased research and services"),
        "help": t(
            "Hankkeeseen ostetut tutkimukset, selvitykset ja palvelut, esimerkiksi määrittely- tai "
            "järjestelmäkehitystyö. Noudata julkisia hankintoja koskevaa lainsäädäntöä.",
            "Undersökningar, utredningar och tjänster som köps in för projektet, till exempel specificerings- "
            "eller systemutvecklingsarbete. Följ lagstiftningen om offentlig upphandling.",
            "Research, studies and services bought for the project, for example specification or system "
            "development work. Follow the law on public procurement.",
        ),
    },
    {
        "key": "expertise",
        "name": t("Asiantuntijapalkkiot", "Expertarvoden", "Expert fees"),
        "help": t(
            "Ulkopuolisten asiantuntijoiden palkkiot, esimerkiksi konsultointi, koulutus tai muutostuki hankkeen "
            "tarpeisiin.",
            "Arvoden till utomstående experter, till exempel konsultation, utbildning eller förändringsstöd för "
            "projektets behov.",
            "Fees of outside experts, for example consulting, training or change support for the project.",
        ),
    },
    {
        "key": "licences",
        "name": t("Lisenssit", "Licenser", "Licences"),
        "help": t(
            "Hankkeessa tarvittavien ohjelmistojen ja palvelujen lisenssimaksut hankkeen ajalta.",
            "Licensavgifter för programvara och tjänster som behövs i projektet, för projekttiden.",
            "Licence fees for software and services the project needs, for the duration of the project.",
        ),
    },
]  # fmt: skip
