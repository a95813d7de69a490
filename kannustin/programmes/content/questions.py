"""Question sets (version 1) of the three calls of 2019.

Each question: key, section, type, label, help, required, max_length, options [(key, label)], criterion
(a criterion code of the same call). Questions answering a criterion take its title and description.
"""

from . import t
from .programme_2019 import CRITERIA, PROPOSAL_CRITERIA, TOPICS

YES_NO = [
    ("yes", t("Kyllä", "Ja", "Yes")),
    ("no", t("Ei", "Nej", "No")),
]

SCORED_SUFFIX = t(
    "Arvioijat pisteyttävät vastauksen kriteerillä {code}.",
    "Bedömarna poängsätter svaret enligt kriterium {code}.",
    "Reviewers score this answer under criterion {code}.",
)
PROPOSAL_SUFFIX = t(
    "Ilmoittautumisessa riittää muutama virke siitä, mitä toisit hankkeeseen.",
    "I en intresseanmälan räcker några meningar om vad du skulle bidra med.",
    "In an expression of interest, a few sentences on what you would bring are enough.",
)


def _criterion_question(criterion: dict, suffix: dict, max_length: int) -> dict:
    code = criterion["code"]
    return {
        "key": criterion["key"],
        "section": "criteria",
        "type": "text",
        "label": {lang: f"{code} {text}" for lang, text in criterion["title"].items()},
        "help": {
            lang: f"{criterion['description'][lang]} {suffix[lang].format(code=code)}"
            for lang in criterion["description"]
        },
        "required": True,
        "max_length": max_length,
        "criterion": code,
    }


BASICS = [
    {
        "key": "project_name",
        "section": "basics",
        "type": "text",
        "max_length": 200,
        "label": t("Hankkeen nimi", "Projektets namn", "Project name"),
        "help": t(
            "Lyhyt ja kuvaava nimi. Nimi näkyy myös julkaistavissa tiedoissa.",
            "Ett kort och beskrivande namn. Namnet syns också i de uppgifter som publiceras.",
            "A short, descriptive name. The name also appears in published information.",
        ),
    },
    {
        "key": "summary",
        "section": "basics",
        "type": "text",
        "max_length": 1500,
        "label": t("Tiivistelmä", "Sammanfattning", "Summary"),
        "help": t(
            "Kerro lyhyesti, mitä hankkeessa tehdään, miksi ja mitä sillä saavutetaan. Tiivistelmä julkaistaan, "
            "jos hanke saa avustuksen.",
            "Beskriv kort vad som görs i projektet, varför och vad det ska uppnå. Sammanfattningen publiceras om "
            "projektet beviljas understöd.",
            "Say briefly what the project does, why, and what it will achieve. The summary is published if the "
            "project receives a grant.",
        ),
    },
    {
        "key": "service_process",
        "section": "basics",
        "type": "text",
        "max_length": 1000,
        "label": t(
            "Uudistettava palveluprosessi", "Serviceprocess som förnyas", "Service process to be renewed"
        ),
        "help": t(
            "Nimeä ja kuvaa palvelu- tai toimintaprosessi, jonka hanke uudistaa. Kypsyysarvio tehdään tästä "
            "prosessista.",
            "Ange och beskriv den service- eller verksamhetsprocess som projektet förnyar. Bedömningen av "
            "mognadsgraden görs för denna process.",
            "Name and describe the service or operational process the project renews. The maturity "
            "self-assessment is made for this process.",
        ),
    },
    {
        "key": "start_date",
        "section": "basics",
        "type": "date",
        "label": t("Hankkeen alkamispäivä", "Projektets startdatum", "Project start date"),
        "help": t(
            "Päivä, jona hankkeen toteutus alkaa.",
            "Den dag då genomförandet av projektet börjar.",
            "The day the project starts.",
        ),
    },
    {
        "key": "end_date",
        "section": "basics",
        "type": "date",
        "label": t("Hankkeen päättymispäivä", "Projektets slutdatum", "Project end date"),
        "help": t(
            "Hankkeen on päätyttävä viimeistään haussa ilmoitettuna päivänä.",
            "Projektet ska avslutas senast den dag som anges i utlysningen.",
            "The project must end by the date given in the call.",
        ),
    },
]

PARTNERS = [
    {
        "key": "administrator",
        "section": "partners",
        "type": "municipalities",
        "required": False,
        "label": t("Hankehallinnoija", "Projektadministratör", "Project administrator"),
        "help": t(
            "Valitse yksi kunta, joka hallinnoi hanketta: se ottaa avustuksen vastaan ja siirtää sen muille "
            "toteuttajille sopimuksen mukaisesti (valtionavustuslaki 7 § 3 mom.). Jos hankehallinnoija on "
            "kuntayhtymä, jätä kenttä tyhjäksi: hakemuksen lähettävä kuntayhtymä on silloin hankehallinnoija.",
            "Välj en kommun som förvaltar projektet: den tar emot understödet och överför det till de andra "
            "genomförarna enligt ett avtal (statsunderstödslagen 7 § 3 mom.). Om projektadministratören är en "
            "samkommun lämnar du fältet tomt: då är den samkommun som skickar in ansökan projektadministratör.",
            "Choose the one municipality that administers the project: it receives the grant and passes it on "
            "to the other implementers under an agreement (Act on Discretionary Government Transfers, section "
            "7(3)). If a joint municipal authority administers the project, leave this empty: the joint "
            "municipal authority submitting the application is then the administrator.",
        ),
    },
    {
        "key": "participating_municipalities",
        "section": "partners",
        "type": "municipalities",
        "label": t("Osallistuvat kunnat", "Deltagande kommuner", "Participating municipalities"),
        "help": t(
            "Valitse kaikki hankkeeseen osallistuvat kunnat, myös hankehallinnoija. Hankkeessa on oltava mukana "
            "useampi kuin yksi kunta.",
            "Välj alla kommuner som deltar i projektet, också projektadministratören. Fler än en kommun ska delta i "
            "projektet.",
            "Choose every municipality taking part in the project, the administrator included. More than one "
            "municipality must take part.",
        ),
    },
    {
        "key": "agreement",
        "section": "partners",
        "type": "choice",
        "label": t(
            "Onko kuntien välinen sopimus avustuksen hallinnoinnista ja siirtämisestä tehty?",
            "Har avtalet mellan kommunerna om förvaltningen och överföringen av understödet ingåtts?",
            "Has the agreement between the municipalities on administering and passing on the grant been made?",
        ),
        "help": t(
            "Hankehallinnoija siirtää avustuksen muille toteuttajille sopimuksen perusteella. Sopimuksen on "
            "oltava tehty ennen kuin avustusta siirretään.",
            "Projektadministratören överför understödet till de andra genomförarna på grundval av ett avtal. Avtalet "
            "ska ha ingåtts innan understödet överförs.",
            "The project administrator passes the grant on to the other implementers under an agreement. The "
            "agreement must be made before any of the grant is passed on.",
        ),
        "options": [
            ("made", t("Sopimus on tehty", "Avtalet har ingåtts", "The agreement has been made")),
            ("in_preparation", t("Sopimus on valmisteilla", "Avtalet bereds", "The agreement is being made")),
        ],
    },
    {
        "key": "exclusions_confirmed",
        "section": "partners",
        "type": "choice",
        "label": t(
            "Vahvistatko, ettei hanke koske sosiaali- ja terveydenhuoltoa, rakennettua ympäristöä, "
            "asianhallintaa eikä arkistointia?",
            "Bekräftar du att projektet inte gäller social- och hälsovård, den byggda miljön, ärendehantering "
            "eller arkivering?",
            "Do you confirm that the project does not concern social and health care, the built environment, "
            "case management or archiving?",
        ),
        "help": t(
            "Näiden alojen hankkeet eivät ole tässä haussa avustuskelpoisia.",
            "Projekt inom dessa områden kan inte få understöd i denna utlysning.",
            "Projects in these fields are not eligible in this call.",
        ),
        "options": [("yes", t("Vahvistan", "Jag bekräftar", "I confirm"))],
    },
]

CRITERIA_QUESTIONS = [
    _criterion_question(criterion, SCORED_SUFFIX, 4000 if criterion.get("emphasised") else 3000)
    for criterion in CRITERIA
]

GOALS_AND_AFTER = [
    {
        "key": "goals",
        "section": "goals",
        "type": "text",
        "max_length": 3000,
        "label": t("Hankkeen tavoitteet", "Projektets mål", "Project goals"),
        "help": t(
            "Kuvaa hankkeen tavoitteet ja odotetut tulokset. Kerro, mitä on valmiina hankkeen päättyessä.",
            "Beskriv projektets mål och förväntade resultat. Berätta vad som är klart när projektet avslutas.",
            "Describe the project's goals and expected results. Say what will be ready when the project ends.",
        ),
    },
    {
        "key": "indicators",
        "section": "goals",
        "type": "text",
        "max_length": 2000,
        "label": t("Mittarit ja seuranta", "Indikatorer och uppföljning", "Indicators and follow-up"),
        "help": t(
            "Anna kullekin tavoitteelle mittari, sen lähtötaso, tavoitetaso ja tapa, jolla toteutumista seurataan.",
            "Ange för varje mål en indikator, dess utgångsnivå, målnivå och hur måluppfyllelsen följs upp.",
            "For each goal give an indicator, its baseline, its target and how progress is followed up.",
        ),
    },
    {
        "key": "share_results",
        "section": "sharing",
        "type": "choice",
        "label": t(
            "Sitoudutko jakamaan hankkeen tulokset ja osallistumaan yhteistyöhön niiden levittämiseksi ja "
            "viestimiseksi?",
            "Förbinder du dig att dela projektets resultat och att delta i samarbetet för att sprida och "
            "kommunicera dem?",
            "Do you commit to sharing the project's results and to joining the cooperation that spreads and "
            "communicates them?",
        ),
        "help": t(
            "Avustuksen saajien edellytetään jakavan tuloksensa muille kunnille ja osallistuvan yhteistyöhön.",
            "Understödstagarna förutsätts dela sina resultat med andra kommuner och delta i samarbetet.",
            "Grant recipients are expected to share their results with other municipalities and join the "
            "cooperation.",
        ),
        "options": YES_NO,
    },
    {
        "key": "sharing_plan",
        "section": "sharing",
        "type": "text",
        "max_length": 2000,
        "label": t(
            "Tulosten jakamisen suunnitelma", "Plan för att dela resultaten", "Plan for sharing the results"
        ),
        "help": t(
            "Kerro, mitä tuloksia jaetaan (esimerkiksi määrittelyt, ohjeet tai lähdekoodi), kenelle ja miten.",
            "Berätta vilka resultat som delas (till exempel specifikationer, anvisningar eller källkod), med vem "
            "och hur.",
            "Say which results are shared (for example specifications, guidance or source code), with whom and how.",
        ),
    },
    {
        "key": "other_funding",
        "section": "other",
        "type": "text",
        "max_length": 1500,
        "required": False,
        "label": t("Muu rahoitus", "Övrig finansiering", "Other funding"),
        "help": t(
            "Kerro, onko hankkeelle haettu tai saatu muuta julkista rahoitusta. Samoihin kustannuksiin ei voi "
            "saada päällekkäistä rahoitusta.",
            "Berätta om annan offentlig finansiering har sökts eller beviljats för projektet. Samma kostnader "
            "kan inte finansieras två gånger.",
            "Say whether other public funding has been applied for or received for the project. The same costs "
            "cannot be funded twice.",
        ),
    },
    {
        "key": "attachments_note",
        "section": "other",
        "type": "file",
        "required": False,
        "label": t("Liitteet", "Bilagor", "Attachments"),
        "help": t(
            "Voit liittää esimerkiksi hankesuunnitelman tai kustannusarvion erittelyn. Merkitse liikesalaisuuksia "
            "sisältävät liitteet salassa pidettäviksi.",
            "Du kan bifoga till exempel en projektplan eller en specificerad kostnadskalkyl. Märk bilagor som "
            "innehåller affärshemligheter som sekretessbelagda.",
            "You may attach, for example, a project plan or a breakdown of the budget. Mark attachments that "
            "contain business secrets as confidential.",
        ),
    },
]

TRACK_1 = [*BASICS, *CRITERIA_QUESTIONS, *GOALS_AND_AFTER]

JOINT_APPLICATION = [*BASICS, *PARTNERS, *CRITERIA_QUESTIONS, *GOALS_AND_AFTER]

PROPOSAL = [
    {
        "key": "kind",
        "section": "proposal",
        "type": "choice",
        "label": t("Mitä lähetät?", "Vad skickar du in?", "What are you submitting?"),
        "help": t(
            "Kunta voi tehdä ehdotuksen tai ilmoittautua mukaan. Kuntayhtymät, maakuntien liitot, yritykset ja "
            "yhdistykset voivat ilmoittautua mukaan.",
            "En kommun kan lämna ett förslag eller en intresseanmälan. Samkommuner, landskapsförbund, företag och "
            "föreningar kan lämna en intresseanmälan.",
            "A municipality may make a proposal or register interest. Joint municipal authorities, regional "
            "councils, companies and associations may register interest.",
        ),
        "options": [
            ("proposal", t("Yhteishanke-ehdotus", "Förslag till samprojekt", "A joint-project proposal")),
            (
                "interest",
                t(
                    "Ilmoittautuminen mukaan yhteishankkeeseen",
                    "Intresseanmälan om att delta i ett samprojekt",
                    "An expression of interest in taking part in a joint project",
                ),
            ),
        ],  # fmt: skip
    },
    {
        "key": "title",
        "section": "proposal",
        "type": "text",
        "max_length": 200,
        "label": t("Ehdotuksen nimi", "Förslagets namn", "Title"),
        "help": t(
            "Ilmoittautumisessa: aihe, jonka hankkeeseen haluat mukaan.",
            "I en intresseanmälan: temat för det projekt du vill delta i.",
            "For an expression of interest: the topic of the project you want to join.",
        ),
    },
    {
        "key": "topic",
        "section": "proposal",
        "type": "choice",
        "label": t("Aihealue", "Tema", "Topic"),
        "help": t(
            "Aiheet ovat vapaat, mutta niiden on liityttävä kansallisiin digitalisaatiotavoitteisiin.",
            "Temana är fria men ska anknyta till de nationella digitaliseringsmålen.",
            "Topics are free but must be tied to the national digitalisation goals.",
        ),
        "options": [
            *TOPICS,
            (
                "other",
                t(
                    "Muu kansallisiin digitalisaatiotavoitteisiin liittyvä aihe",
                    "Annat tema som anknyter till de nationella digitaliseringsmålen",
                    "Another topic tied to the national digitalisation goals",
                ),
            ),
        ],  # fmt: skip
    },
    *[
        {**_criterion_question(criterion, PROPOSAL_SUFFIX, 2000), "section": "description"}
        for criterion in PROPOSAL_CRITERIA
    ],
    {
        "key": "interested_municipalities",
        "section": "partners",
        "type": "municipalities",
        "required": False,
        "label": t(
            "Kiinnostuneet tai mukana olevat kunnat",
            "Intresserade eller deltagande kommuner",
            "Municipalities interested or already involved",
        ),
        "help": t(
            "Valitse kunnat, joiden kanssa ehdotusta on jo valmisteltu tai jotka ovat kertoneet kiinnostuksestaan.",
            "Välj de kommuner som förslaget redan har beretts med eller som har visat intresse.",
            "Choose the municipalities with which the proposal has been prepared or that have shown interest.",
        ),
    },
    {
        "key": "contact_note",
        "section": "partners",
        "type": "text",
        "max_length": 1000,
        "required": False,
        "label": t(
            "Viesti mahdollisille kumppaneille",
            "Meddelande till möjliga partner",
            "Note for possible partners",
        ),
        "help": t(
            "Millaisia kumppaneita etsit ja kuka on yhteyshenkilö? Tieto voidaan välittää työpajan osallistujille.",
            "Vilka slags partner söker du och vem är kontaktperson? Uppgiften kan förmedlas till deltagarna i "
            "workshopen.",
            "What kind of partners are you looking for, and who is the contact person? This may be passed on to "
            "the workshop participants.",
        ),
    },
]


# The parts of each form, in order: pages of questions (their questions name them by key) and structured
# parts (key = kind). `required` says whether the part must be complete before the form can be sent.
def _page(key: str, title: dict, required: bool = True) -> dict:
    return {"key": key, "kind": "questions", "title": title, "required": required}


def _part(kind: str, title: dict, required: bool = True, **options) -> dict:
    return {"key": kind, "kind": kind, "title": title, "required": required, "options": options}


PAGE_TITLES = {
    "basics": t("Hankkeen perustiedot", "Grunduppgifter om projektet", "Project basics"),
    "criteria": t("Hanke suhteessa arviointikriteereihin", "Projektet i förhållande till kriterierna",
                  "The project against the criteria"),
    "goals": t("Tavoitteet", "Mål", "Goals"),
    "sharing": t("Tulosten jakaminen", "Spridning av resultaten", "Sharing the results"),
    "other": t("Muut tiedot", "Övriga uppgifter", "Other information"),
    "proposal": t("Ehdotus", "Förslaget", "The proposal"),
    "description": t("Ehdotuksen kuvaus", "Beskrivning av förslaget", "Description of the proposal"),
    "partners": t("Yhteistyökumppanit", "Samarbetsparter", "Partners"),
}  # fmt: skip
INDICATORS = _part("indicators", t("Mittarit", "Indikatorer", "Indicators"))
CO_APPLICANTS = _part("participants", t("Kanssahakijat", "Medsökande", "Co-applicants"))
JOINT_PARTICIPANTS = _part(
    "participants",
    t("Osallistuvat organisaatiot", "Deltagande organisationer", "Participating organisations"),
    lead_role="administrator",
    min_municipalities=2,
    partners_must_confirm=True,
)
CONTACTS = _part("contacts", t("Yhteyshenkilöt", "Kontaktpersoner", "Contact people"))
BUDGET = _part("budget", t("Budjetti", "Budget", "Budget"))
ATTACHMENTS = _part("attachments", t("Liitteet", "Bilagor", "Attachments"), required=False)
CONFIDENTIALITY = _part(
    "confidentiality", t("Liikesalaisuudet", "Affärshemligheter", "Business secrets"), required=False
)
MATURITY = _part(
    "maturity", t("Kypsyysmallin itsearvio", "Självbedömning av mognadsgrad", "Maturity self-assessment")
)

SECTIONS_TRACK_1 = [
    *(_page(key, PAGE_TITLES[key]) for key in ("basics", "criteria", "goals", "sharing", "other")),
    INDICATORS, CO_APPLICANTS, CONTACTS, BUDGET, ATTACHMENTS, CONFIDENTIALITY, MATURITY,
]  # fmt: skip
SECTIONS_JOINT_APPLICATION = [
    *(_page(key, PAGE_TITLES[key]) for key in ("basics", "partners", "criteria", "goals", "sharing", "other")),
    INDICATORS, JOINT_PARTICIPANTS, CONTACTS, BUDGET, ATTACHMENTS, CONFIDENTIALITY, MATURITY,
]  # fmt: skip
# A proposal describes the idea: no budget, indicators or self-assessment.
SECTIONS_PROPOSAL = [
    *(_page(key, PAGE_TITLES[key]) for key in ("proposal", "description", "partners")),
    CONTACTS, ATTACHMENTS, CONFIDENTIALITY,
]  # fmt: skip
