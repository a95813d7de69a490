"""Texts of the demo's 2019 evaluation: reviewers' justifications and comments, scenario names and reasons,
rejection reasons and the request for rectification, in Finnish and Swedish (`kannustin.demo.evaluation`).

A justification is an opening word for the score and one sentence for the criterion at that level (low 0–1,
middle 2–3, high 4–5). Finnish sentences name no municipality, so no inflection can go wrong.
"""

# The opening word of a justification for each score.
OPENERS = {
    "fi": {
        0: ["Ei esitetty.", "Ei täytä kriteeriä."],
        1: ["Heikko.", "Puutteellinen."],
        2: ["Välttävä.", "Täyttyy osittain."],
        3: ["Hyvä.", "Kriteeri täyttyy."],
        4: ["Erittäin hyvä.", "Vahva."],
        5: ["Erinomainen.", "Esimerkillinen."],
    },
    "sv": {
        0: ["Inte framfört.", "Uppfyller inte kriteriet."],
        1: ["Svag.", "Bristfällig."],
        2: ["Försvarlig.", "Uppfylls delvis."],
        3: ["God.", "Kriteriet uppfylls."],
        4: ["Mycket god.", "Stark."],
        5: ["Utmärkt.", "Föredömlig."],
    },
}

# {language: {criterion code: {band: [sentences]}}}, band "low" (0–1), "mid" (2–3), "high" (4–5).
JUSTIFICATIONS = {
    "fi": {
        "G1": {
            "high": [
                "Hyödyt asukkaille ja kunnalle on kuvattu konkreettisesti, ja säästöpotentiaali on laskettu uskottavasti.",
                "Vaikuttavuus on merkittävä: hanke vapauttaa henkilötyötä ja parantaa päätösten tietopohjaa mitattavasti.",
            ],
            "mid": [
                "Hyödyt on tunnistettu, mutta säästöjen suuruus jää osin arvioiden varaan.",
                "Vaikuttavuus on kohtuullinen; taloudelliset hyödyt esitetään yleisellä tasolla.",
            ],
            "low": [
                "Hyötyjä ei ole eritelty eikä säästöjä arvioitu.",
                "Vaikuttavuus jää epäselväksi: hakemus kuvaa toimenpiteitä, ei niiden tuottamia hyötyjä.",
            ],
        },
        "G2": {
            "high": [
                "Ratkaisu on sovellettavissa useimpiin kuntiin, ja se tukee koko kuntakentän yhteisiä tietomäärittelyjä.",
                "Hankkeella on selvä yleinen merkitys: ongelma on yhteinen lähes kaikille kunnille.",
            ],
            "mid": [
                "Ratkaisu hyödyttää lähinnä samankokoisia kuntia; yleistettävyys edellyttää lisätyötä.",
                "Merkitys muille kunnille on tunnistettu, mutta levittämisen tapa on kuvattu ohuesti.",
            ],
            "low": [
                "Hanke palvelee lähinnä hakijan omia tarpeita.",
                "Yleistä merkitystä kuntakentälle ei ole perusteltu.",
            ],
        },
        "C1": {
            "high": [
                "Tietoa käytetään ennakoivasti: hanke tuo ajantasaisen raportoinnin johdon päätöksenteon tueksi.",
                "Tiedolla johtamisen paraneminen on kuvattu selkeästi ja mitattavasti.",
            ],
            "mid": [
                "Raportoinnin paraneminen on kuvattu, mutta tiedon ennakoiva käyttö jää vähäiseksi.",
                "Tiedolla johtaminen kehittyy, mutta johdon tapaa käyttää tietoa ei ole kuvattu.",
            ],
            "low": [
                "Yhteys tiedolla johtamiseen jää epäselväksi.",
                "Hakemus ei kerro, miten tietoa käytetään päätöksenteossa.",
            ],
        },
        "C2": {
            "high": [
                "Asukkaille tarjottavat palvelut paranevat selvästi, ja muutos näkyy asiakkaalle.",
                "Palveluvaikutukset on kuvattu asiakkaan näkökulmasta, ja ne ovat uskottavia.",
            ],
            "mid": [
                "Vaikutus palveluihin on välillinen mutta todennäköinen.",
                "Palveluiden paraneminen mainitaan, mutta sitä ei ole konkretisoitu.",
            ],
            "low": [
                "Vaikutusta asukkaille tarjottaviin palveluihin ei ole kuvattu.",
                "Hanke on sisäinen, eikä sen vaikutus palveluihin käy ilmi.",
            ],
        },
        "C3": {
            "high": [
                "Tavoitteet ovat konkreettisia, ja niitä verrataan nykytilaan lähtötason mittarein.",
                "Toiminnalliset ja taloudelliset tavoitteet on asetettu mitattaviksi ja aikataulutettu.",
            ],
            "mid": [
                "Tavoitteet on esitetty, mutta osasta mittareita puuttuu lähtötaso.",
                "Nykytila on kuvattu, mutta tavoitteet jäävät osin yleisiksi.",
            ],
            "low": [
                "Tavoitteet ovat yleisiä, eikä nykytilaa ole kuvattu.",
                "Mitattavia tavoitteita ei esitetä.",
            ],
        },
        "C4": {
            "high": [
                "Toimenpiteet ovat johdonmukaisia ja riittäviä tavoitteiden saavuttamiseksi.",
                "Työsuunnitelma on realistinen, ja vastuut sekä aikataulu on kuvattu.",
            ],
            "mid": [
                "Toimenpiteet on lueteltu, mutta niiden riittävyys jää osin avoimeksi.",
                "Toteutussuunnitelma on kohtuullinen; riskien hallinta on kuvattu niukasti.",
            ],
            "low": [
                "Toimenpiteet eivät riitä tavoitteiden saavuttamiseen.",
                "Toteutustapa on kuvattu hyvin yleisellä tasolla.",
            ],
        },
        "C5": {
            "high": [
                "Vaikutukset muille osapuolille, kuten naapurikunnille ja yhteistyökumppaneille, on tunnistettu hyvin.",
                "Muutoksen vaikutukset ulottuvat selvästi hakijaa laajemmalle.",
            ],
            "mid": [
                "Vaikutukset muille osapuolille mainitaan, mutta niitä ei ole arvioitu.",
                "Laajempia vaikutuksia on jonkin verran.",
            ],
            "low": [
                "Vaikutuksia muihin osapuoliin ei ole kuvattu.",
                "Laajat vaikutukset jäävät vähäisiksi.",
            ],
        },
        "C6": {
            "high": [
                "Seuranta on suunniteltu mittareineen ja vastuuhenkilöineen.",
                "Muutoksen seuranta kytkeytyy kunnan vuosittaiseen raportointiin.",
            ],
            "mid": [
                "Seuranta on kuvattu, mutta mittareiden seurantatiheys puuttuu.",
                "Seurantaan on nimetty mittareita, mutta vastuut jäävät avoimiksi.",
            ],
            "low": [
                "Seurantaa ei ole suunniteltu.",
                "Muutoksen seuranta mainitaan vain yleisesti.",
            ],
        },
        "C7": {
            "high": [
                "Hakijat sitoutuvat jakamaan tulokset, ja jakamisen tapa on kuvattu konkreettisesti.",
                "Tulokset ovat hyvin hyödynnettävissä muissa kunnissa, ja avoin julkaiseminen on suunniteltu.",
            ],
            "mid": [
                "Tulosten jakamiseen sitoudutaan, mutta tapa on kuvattu yleisesti.",
                "Tulokset ovat hyödynnettävissä muissa kunnissa, jos ratkaisu dokumentoidaan hyvin.",
            ],
            "low": [
                "Sitoutumista tulosten jakamiseen ei ole esitetty.",
                "Tulokset ovat vaikeasti siirrettävissä muihin kuntiin.",
            ],
        },
        "C8": {
            "high": [
                "Hanke kytkeytyy selvästi kuntastrategiaan ja muuhun kehittämiseen.",
                "Yhteys strategiaan ja digitalisaatio-ohjelmaan on perusteltu hyvin.",
            ],
            "mid": [
                "Strategiayhteys mainitaan, mutta sitä ei ole perusteltu.",
                "Hanke liittyy kunnan kehittämiseen, mutta kytkös muihin hankkeisiin jää epäselväksi.",
            ],
            "low": [
                "Yhteyttä kuntastrategiaan ei ole kuvattu.",
                "Hanke vaikuttaa irralliselta kunnan muusta kehittämisestä.",
            ],
        },
    },
    "sv": {
        "G1": {
            "high": [
                "Nyttan för invånarna och kommunen beskrivs konkret, och besparingspotentialen är trovärdigt beräknad.",
                "Genomslaget är betydande: projektet frigör arbetstid och förbättrar beslutsunderlaget mätbart.",
            ],
            "mid": [
                "Nyttan har identifierats, men besparingarnas storlek bygger delvis på uppskattningar.",
                "Genomslaget är måttligt; de ekonomiska fördelarna beskrivs på en allmän nivå.",
            ],
            "low": [
                "Nyttan har inte specificerats och besparingarna har inte uppskattats.",
                "Genomslaget förblir oklart: ansökan beskriver åtgärder, inte deras nytta.",
            ],
        },
        "G2": {
            "high": [
                "Lösningen kan tillämpas i de flesta kommuner och stöder gemensamma datadefinitioner i hela kommunfältet.",
                "Projektet har en tydlig allmän betydelse: problemet är gemensamt för nästan alla kommuner.",
            ],
            "mid": [
                "Lösningen gagnar främst kommuner av samma storlek; den behöver vidareutvecklas för att kunna generaliseras.",
                "Betydelsen för andra kommuner har identifierats, men spridningen beskrivs knapphändigt.",
            ],
            "low": [
                "Projektet tjänar främst sökandens egna behov.",
                "Den allmänna betydelsen för kommunfältet har inte motiverats.",
            ],
        },
        "C1": {
            "high": [
                "Informationen används proaktivt: projektet ger ledningen aktuell rapportering som beslutsstöd.",
                "Förbättringen av ledningen genom information beskrivs tydligt och mätbart.",
            ],
            "mid": [
                "Bättre rapportering beskrivs, men den proaktiva användningen av information är begränsad.",
                "Ledningen genom information utvecklas, men hur ledningen ska använda informationen beskrivs inte.",
            ],
            "low": [
                "Kopplingen till ledning genom information är oklar.",
                "Ansökan berättar inte hur informationen ska användas i beslutsfattandet.",
            ],
        },
        "C2": {
            "high": [
                "Tjänsterna till invånarna förbättras tydligt, och förändringen syns för kunden.",
                "Effekterna på tjänsterna beskrivs ur kundens perspektiv och är trovärdiga.",
            ],
            "mid": [
                "Effekten på tjänsterna är indirekt men sannolik.",
                "Bättre tjänster nämns, men de har inte konkretiserats.",
            ],
            "low": [
                "Effekten på tjänsterna till invånarna beskrivs inte.",
                "Projektet är internt, och effekten på tjänsterna framgår inte.",
            ],
        },
        "C3": {
            "high": [
                "Målen är konkreta och jämförs med nuläget med hjälp av utgångsvärden.",
                "De operativa och ekonomiska målen är mätbara och tidsatta.",
            ],
            "mid": [
                "Målen presenteras, men en del mätare saknar utgångsvärden.",
                "Nuläget beskrivs, men målen är delvis allmänna.",
            ],
            "low": [
                "Målen är allmänna och nuläget har inte beskrivits.",
                "Inga mätbara mål presenteras.",
            ],
        },
        "C4": {
            "high": [
                "Åtgärderna är konsekventa och tillräckliga för att nå målen.",
                "Arbetsplanen är realistisk, och ansvar och tidtabell beskrivs.",
            ],
            "mid": [
                "Åtgärderna räknas upp, men det är delvis oklart om de räcker.",
                "Genomförandeplanen är rimlig; riskhanteringen beskrivs knapphändigt.",
            ],
            "low": [
                "Åtgärderna räcker inte för att nå målen.",
                "Genomförandet beskrivs på en mycket allmän nivå.",
            ],
        },
        "C5": {
            "high": [
                "Effekterna för andra berörda, såsom grannkommuner och samarbetspartner, har identifierats väl.",
                "Förändringens effekter sträcker sig tydligt utöver sökanden.",
            ],
            "mid": [
                "Effekterna för andra berörda nämns men har inte bedömts.",
                "Förändringen har vissa bredare effekter.",
            ],
            "low": [
                "Effekterna för andra berörda beskrivs inte.",
                "De breda effekterna förblir små.",
            ],
        },
        "C6": {
            "high": [
                "Uppföljningen har planerats med mätare och ansvarspersoner.",
                "Uppföljningen av förändringen är kopplad till kommunens årliga rapportering.",
            ],
            "mid": [
                "Uppföljningen beskrivs, men hur ofta mätarna följs upp saknas.",
                "Mätare har angetts för uppföljningen, men ansvaret är öppet.",
            ],
            "low": [
                "Uppföljningen har inte planerats.",
                "Uppföljningen nämns endast allmänt.",
            ],
        },
        "C7": {
            "high": [
                "Sökandena förbinder sig att dela resultaten, och hur de delas beskrivs konkret.",
                "Resultaten kan väl utnyttjas i andra kommuner, och en öppen publicering har planerats.",
            ],
            "mid": [
                "Sökandena förbinder sig att dela resultaten, men sättet beskrivs allmänt.",
                "Resultaten kan användas i andra kommuner om lösningen dokumenteras väl.",
            ],
            "low": [
                "Någon förbindelse att dela resultaten har inte framförts.",
                "Resultaten är svåra att överföra till andra kommuner.",
            ],
        },
        "C8": {
            "high": [
                "Projektet är tydligt kopplat till kommunstrategin och övrig utveckling.",
                "Kopplingen till strategin och digitaliseringsprogrammet är väl motiverad.",
            ],
            "mid": [
                "Kopplingen till strategin nämns men motiveras inte.",
                "Projektet hör ihop med kommunens utveckling, men kopplingen till andra projekt är oklar.",
            ],
            "low": [
                "Kopplingen till kommunstrategin beskrivs inte.",
                "Projektet verkar fristående från kommunens övriga utveckling.",
            ],
        },
    },
}

# Overall comments by how the reviewer saw the application as a whole.
COMMENTS = {
    "fi": {
        "high": [
            "Hyvin valmisteltu hakemus, jonka tavoitteet ja toimenpiteet ovat linjassa. Suosittelen rahoitettavaksi.",
            "Vahva kokonaisuus; erityisesti vaikuttavuus ja yleinen merkitys kunnille ovat hyviä.",
            "Selkeä ja realistinen hanke, jonka tulokset ovat muiden kuntien hyödynnettävissä.",
        ],
        "mid": [
            "Kohtuullinen hakemus. Tavoitteiden mitattavuutta ja tulosten jakamista olisi pitänyt konkretisoida.",
            "Hanke on tarpeellinen hakijalle, mutta sen yleinen merkitys jää rajalliseksi.",
            "Hyviä aineksia, mutta vaikuttavuuden perustelut jäävät ohuiksi.",
        ],
        "low": [
            "Hakemus on keskeneräinen: tavoitteet, mittarit ja seuranta puuttuvat osin.",
            "Hanke on lähinnä järjestelmähankinta, ei toimintatapojen uudistus.",
            "Vaikuttavuutta ja yleistä merkitystä ei ole perusteltu riittävästi.",
        ],
    },
    "sv": {
        "high": [
            "En väl förberedd ansökan där mål och åtgärder hänger ihop. Jag rekommenderar finansiering.",
            "En stark helhet; särskilt genomslaget och den allmänna betydelsen för kommunerna är goda.",
            "Ett tydligt och realistiskt projekt vars resultat kan utnyttjas av andra kommuner.",
        ],
        "mid": [
            "En rimlig ansökan. Målens mätbarhet och spridningen av resultaten borde ha konkretiserats.",
            "Projektet behövs för sökanden, men dess allmänna betydelse är begränsad.",
            "Goda ansatser, men motiveringen av genomslaget är tunn.",
        ],
        "low": [
            "Ansökan är ofullständig: mål, mätare och uppföljning saknas delvis.",
            "Projektet är närmast en systemanskaffning, inte en förnyelse av arbetssätten.",
            "Genomslaget och den allmänna betydelsen har inte motiverats tillräckligt.",
        ],
    },
}

# The reviewer who declares themselves disqualified on one application (Administrative Procedure Act § 28).
DISQUALIFICATION = (
    "Olen hakijakunnan kunnanhallituksen varajäsen. Olen ilmoittanut asiasta esihenkilölleni enkä osallistu "
    "hakemuksen arviointiin."
)

# Allocation scenarios of a call (officials write in Finnish).
SCENARIO_RANK = "Sijoitusjärjestys, haetut määrät, koko osuus"
SCENARIO_OPTIMISER = "Optimointi: suurin pistesumma koko osuudella"
SCENARIO_PROPOSAL = "Päätösesitys: painotettu keskiarvo vähintään {threshold}"
OVERRIDE_REASON = "Painotettu keskiarvo {score} on vähintään {threshold}: myönnetään haettu määrä."
CHOICE_REASON = (
    "Esitetään rahoitettavaksi kaikki {funded} hakemusta, joiden painotettu pistekeskiarvo on vähintään "
    "{threshold}, haetun suuruisina (yhteensä {used}). Sijoitusjärjestykseen perustuva vaihtoehto rahoittaisi "
    "{rank_funded} ja optimointi {optimiser_funded} hanketta, myös heikosti arvioituja, joiden vaikuttavuus ja "
    "yleinen merkitys kunnille eivät riitä avustuksen myöntämiseen. Käyttämättä jäävä osa siirtomäärärahasta "
    "(28.90.32) on käytettävissä myöhemmissä hauissa."
)

# Reasons of a rejection, in the decision's language.
REJECTION_REASONS = {
    "fi": (
        "Hakemukset arvioitiin haun ilmoituksessa julkaistujen arviointiperusteiden mukaan; perusteita G1 ja G2 "
        "painotettiin kaksinkertaisesti. Kunkin hakemuksen pisteet perustuvat kahden arvioijan toisistaan "
        "riippumatta antamiin pisteisiin asteikolla 0–5. Avustusta myönnetään hakemuksille, joiden painotettu "
        "pistekeskiarvo on vähintään {threshold}.\n\n"
        "Hakemuksen painotettu pistekeskiarvo on {score}, ja se sijoittui arvioinnissa sijalle {rank} "
        "({count} hakemusta). Heikoimmat arviot saivat perusteet {weakest}."
    ),
    "sv": (
        "Ansökningarna bedömdes enligt de bedömningsgrunder som publicerades i utlysningen; grunderna G1 och G2 "
        "vägdes dubbelt. Varje ansökans poäng bygger på de poäng som två bedömare gav oberoende av varandra på "
        "skalan 0–5. Understöd beviljas ansökningar vars vägda medelpoäng är minst {threshold}.\n\n"
        "Ansökans vägda medelpoäng är {score}, och den placerade sig på plats {rank} ({count} ansökningar) i "
        "bedömningen. De svagaste bedömningarna gällde grunderna {weakest}."
    ),
}
AND = {"fi": "ja", "sv": "och"}

# The request for rectification of Hämeenlinna's rejected application, and the ministry's answer.
RECTIFICATION_REQUEST = (
    "Vaadimme päätöksen oikaisemista ja avustuksen myöntämistä haetun suuruisena.\n\n"
    "Arvioinnissa ei mielestämme ole otettu huomioon hankkeen tulosten hyödynnettävyyttä muissa kunnissa "
    "(peruste C7): olemme sitoutuneet julkaisemaan tietomäärittelyt ja raportointimallin avoimesti kaikkien "
    "kuntien käyttöön. Lisäksi hankkeen kustannussäästöt (peruste G1) on esitetty hakemuksessa euromääräisinä."
)
RECTIFICATION_REASONS = (
    "Hakemus on arvioitu haun ilmoituksessa julkaistujen arviointiperusteiden mukaan, samalla tavalla kuin "
    "muut hakemukset. Kaksi arvioijaa pisteytti sen toisistaan riippumatta, ja arvioinnissa otettiin huomioon "
    "myös hakijan sitoumus tulosten jakamisesta (C7) ja esitetyt kustannussäästöt (G1). Oikaisuvaatimuksessa "
    "ei esitetä uutta selvitystä, joka muuttaisi hakemuksen arviota. Hakemuksen painotettu pistekeskiarvo "
    "{score} jäi alle rahoitettujen hakemusten vähimmäistason {threshold}, joten päätöstä ei ole syytä oikaista."
)
