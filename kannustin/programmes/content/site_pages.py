"""Service-wide pages: the accessibility statement (Act 306/2019, following the Finnish model statement) and
the privacy notice (GDPR articles 13 and 14).

Contact addresses on vm.example are placeholders to be replaced with the ministry's real ones before
production use.
"""

from datetime import date

from . import t

STATEMENT_DATE = date(2026, 11, 29)
# Each language has its own address (aliases of one mailbox), so that no Swedish page asks people to write to
# an address in Finnish words.
FEEDBACK_EMAIL = t(
    "saavutettavuus.kannustin@vm.example",
    "tillganglighet.kannustin@vm.example",
    "accessibility.kannustin@vm.example",
)
SERVICE_EMAIL = "kannustin@vm.example"
DPO_EMAIL = t(
    "tietosuojavastaava@vm.example", "dataskyddsombud@vm.example", "data.protection.officer@vm.example"
)
# The supervisory authority's site in each language.
SUPERVISION_SITE = t(
    "[saavutettavuusvaatimukset.fi](https://www.saavutettavuusvaatimukset.fi)",
    "[tillganglighetskrav.fi](https://www.tillganglighetskrav.fi)",
    "[accessibilityrequirements.fi](https://www.accessibilityrequirements.fi)",
)

ACCESSIBILITY_TITLE = t("Saavutettavuusseloste", "Tillgänglighetsutlåtande", "Accessibility statement")

ACCESSIBILITY_BODY = t(
    f"""Tämä saavutettavuusseloste koskee Kannustin-palvelua, jossa kunnat hakevat valtiovarainministeriön
kuntien digitalisaation kannustinjärjestelmän avustuksia. Seloste on laadittu 29.11.2026.

Palvelua koskee laki digitaalisten palvelujen tarjoamisesta (306/2019), jossa edellytetään, että julkisten
verkkopalvelujen on oltava saavutettavia. Tavoitteena on, että palvelu täyttää WCAG 2.1 -ohjeistuksen
AA-tason vaatimukset.

## Miten saavutettavuus on arvioitu

Saavutettavuus on arvioitu palveluntarjoajan omana arviona:

- jokainen palvelun sivu testataan automaattisesti axe-työkalulla selaimessa aina, kun palvelua muutetaan
- palvelun keskeiset asiointipolut on testattu käsin pelkällä näppäimistöllä, ja lisäksi on tarkistettu
  fokuksen näkyvyys, otsikkorakenne, lomakkeiden virheilmoitukset ja sivujen toimivuus ilman JavaScriptiä.

## Saavutettavuuden tila

Palvelu **täyttää saavutettavuusvaatimukset osittain**. Tiedossa olevat puutteet on lueteltu alla.

### Ei-saavutettava sisältö

- **Hakijoiden lataamat liitteet.** Hakijoiden palveluun lataamien liitetiedostojen saavutettavuutta ei
  tarkisteta, eikä niitä voi korjata palvelussa.
- **PDF-asiakirjat.** Palvelun tuottamat PDF-tiedostot, kuten kuittaukset ja päätökset, eivät välttämättä
  täytä kaikkia saavutettavuusvaatimuksia. Samat tiedot näkyvät palvelussa verkkosivuna, ja asiakirjan saa
  pyynnöstä myös muussa muodossa.

## Anna palautetta saavutettavuudesta

Huomasitko saavutettavuuspuutteen? Kerro siitä meille, niin teemme parhaamme puutteen korjaamiseksi.

- [saavutettavuuspalautteen lomakkeella](/accessibility/feedback/)
- sähköpostilla: {FEEDBACK_EMAIL["fi"]}

Vastaamme palautteeseen 14 päivän kuluessa. Voit myös pyytää saavutettavuusvaatimukset täyttämätöntä
sisältöä saavutettavassa muodossa.

## Valvontaviranomainen

Jos huomaat palvelussa saavutettavuusongelmia, anna ensin palautetta meille. Vastauksessa voi mennä 14
päivää. Jos et ole tyytyväinen saamaasi vastaukseen tai et saa vastausta lainkaan kahden viikon aikana, voit
tehdä ilmoituksen valvontaviranomaiselle.

Valvontaviranomainen on 1.1.2026 alkaen **Lupa- ja valvontavirasto**, saavutettavuuden valvonta.
Ohjeet ilmoituksen tekemiseen ja yhteystiedot: {SUPERVISION_SITE["fi"]}.
""",
    f"""Detta tillgänglighetsutlåtande gäller tjänsten Kannustin, där kommunerna ansöker om understöd från
finansministeriets incitamentsystem för digitalisering i kommunerna. Utlåtandet har utarbetats 29.11.2026.

Tjänsten omfattas av lagen om tillhandahållande av digitala tjänster (306/2019), som kräver att offentliga
webbtjänster ska vara tillgängliga. Målet är att tjänsten uppfyller kraven på nivå AA i WCAG 2.1.

## Hur tillgängligheten har bedömts

Tillgängligheten har bedömts av tjänsteleverantören själv:

- varje sida i tjänsten testas automatiskt med verktyget axe i en webbläsare varje gång tjänsten ändras
- tjänstens centrala ärendehanteringsflöden har testats manuellt med enbart tangentbord, och dessutom har
  fokusmarkeringens synlighet, rubrikstrukturen, felmeddelandena i formulären och sidornas funktion utan
  JavaScript kontrollerats.

## Tillgänglighetens status

Tjänsten **uppfyller delvis tillgänglighetskraven**. De kända bristerna förtecknas nedan.

### Innehåll som inte är tillgängligt

- **Bilagor som sökandena laddar upp.** Tillgängligheten i de bilagor som sökandena laddar upp kontrolleras
  inte, och de kan inte korrigeras i tjänsten.
- **PDF-dokument.** PDF-filer som tjänsten skapar, till exempel kvitteringar och beslut, uppfyller kanske
  inte alla tillgänglighetskrav. Samma uppgifter visas som webbsida i tjänsten, och dokumentet kan på begäran
  fås i ett annat format.

## Ge respons om tillgängligheten

Märkte du en brist i tillgängligheten? Berätta det för oss så gör vi vårt bästa för att rätta till den.

- [med responsformuläret för tillgänglighet](/accessibility/feedback/)
- per e-post: {FEEDBACK_EMAIL["sv"]}

Vi svarar på responsen inom 14 dagar. Du kan också begära innehåll som inte uppfyller
tillgänglighetskraven i tillgänglig form.

## Tillsynsmyndighet

Om du märker tillgänglighetsproblem i tjänsten ska du först ge respons till oss. Det kan ta 14 dagar innan du
får svar. Om du inte är nöjd med svaret eller inte får något svar inom två veckor kan du göra en anmälan till
tillsynsmyndigheten.

Tillsynsmyndighet är från och med 1.1.2026 **Tillstånds- och tillsynsverket**, tillsynen över
tillgängligheten. Anvisningar för anmälan och kontaktuppgifter: {SUPERVISION_SITE["sv"]}.
""",
    f"""This accessibility statement applies to Kannustin, the service in which municipalities apply for grants
from the Ministry of Finance's incentive programme for digitalisation in municipalities. The statement was
prepared on 29 November 2026.

The service is subject to the Act on the Provision of Digital Services (306/2019), which requires public
online services to be accessible. The service aims to meet level AA of the WCAG 2.1 guidelines.

## How accessibility was assessed

Accessibility was assessed by the service provider itself:

- every page of the service is tested automatically with the axe tool in a browser whenever the service
  changes
- the main journeys of the service have been tested by hand with a keyboard only; visible focus, heading
  structure, form error messages and the pages working without JavaScript have also been checked.

## Compliance status

The service **partially meets the accessibility requirements**. The known shortcomings are listed below.

### Non-accessible content

- **Attachments uploaded by applicants.** The accessibility of files that applicants upload is not checked,
  and they cannot be corrected in the service.
- **PDF documents.** PDF files produced by the service, such as receipts and decisions, may not meet every
  accessibility requirement. The same information is shown as a web page in the service, and the document is
  available in another format on request.

## Give feedback on accessibility

Did you notice an accessibility shortcoming? Tell us and we will do our best to fix it.

- [with the accessibility feedback form](/accessibility/feedback/)
- by email: {FEEDBACK_EMAIL["en"]}

We answer feedback within 14 days. You can also ask for content that does not meet the accessibility
requirements in an accessible form.

## Supervisory authority

If you notice accessibility problems in the service, first give feedback to us. An answer may take 14 days.
If you are not satisfied with the answer, or get no answer within two weeks, you can report the matter to the
supervisory authority.

From 1 January 2026 the supervisory authority is the **Finnish Permit and Supervisory Authority** (Lupa- ja
valvontavirasto), accessibility supervision. How to report, and contact details:
{SUPERVISION_SITE["en"]}.
""",
)

PRIVACY_TITLE = t("Tietosuojaseloste", "Dataskyddsbeskrivning", "Privacy notice")

PRIVACY_BODY = t(
    f"""Tämä seloste kertoo, miten Kannustin-palvelussa käsitellään henkilötietoja (EU:n yleinen
tietosuoja-asetus, artiklat 13 ja 14).

## Rekisterinpitäjä

Valtiovarainministeriö, PL 28, 00023 Valtioneuvosto. Yhteydenotot palvelua koskevissa asioissa:
{SERVICE_EMAIL}.

## Tietosuojavastaava

Valtiovarainministeriön tietosuojavastaava: {DPO_EMAIL["fi"]}.

## Käsittelyn tarkoitukset

- valtionavustusten hakeminen, käsittely, arviointi ja päätöksenteko
- avustusten maksatus, käytön seuranta, raportointi ja tarvittaessa takaisinperintä
- yhteydenpito hakijoihin, avustuksen saajiin ja arvioijiin
- käyttäjätunnusten hallinta, palvelun tietoturva ja käsittelyn jäljitettävyys
- saavutettavuuspalautteen käsittely.

## Käsittelyn oikeusperuste

- rekisterinpitäjän lakisääteisen velvoitteen noudattaminen (tietosuoja-asetus 6 artiklan 1 kohdan c alakohta)
- yleisen edun mukaisen tehtävän suorittaminen ja julkisen vallan käyttäminen (6 artiklan 1 kohdan e alakohta).

Tehtävä perustuu valtionavustuslakiin (688/2001) ja valtioneuvoston asetukseen kuntien digitalisaation
kannustinjärjestelmästä (893/2019). Lisäksi sovelletaan hallintolakia (434/2003), lakia viranomaisten
toiminnan julkisuudesta (621/1999) ja arkistolakia (831/1994).

## Käsiteltävät henkilötiedot

- hakijaorganisaatioiden yhteyshenkilöiden nimet, sähköpostiosoitteet, puhelinnumerot ja tehtävänimikkeet
- käyttäjätunnusten tiedot: nimi, sähköpostiosoite, organisaatio ja rooli, kirjautumistiedot ja
  kaksivaiheisen tunnistautumisen tiedot
- ministeriön virkailijoiden ja arvioijien nimet, roolit ja esteellisyysilmoitukset
- tapahtumaloki: kuka on tehnyt palvelussa minkäkin muutoksen ja milloin
- saavutettavuuspalautteen antajan nimi ja sähköpostiosoite, jos hän on ne antanut.

## Tietolähteet

Tiedot saadaan rekisteröidyltä itseltään, hakijaorganisaatiolta (esimerkiksi kunnan käyttäjä ilmoittaa
hankkeen yhteyshenkilöt), ministeriön virkailijoilta sekä palvelun omista lokeista.

## Tietojen vastaanottajat

- Hakemukset ja päätökset ovat viranomaisen asiakirjoina lähtökohtaisesti julkisia, ja niistä voidaan
  luovuttaa tietoja julkisuuslain mukaisesti. Salassa pidettävät tiedot, kuten liikesalaisuudet, jätetään pois.
- Ulkopuoliset asiantuntija-arvioijat näkevät vain heille osoitetut hakemukset.
- Palvelun ylläpitäjä käsittelee tietoja henkilötietojen käsittelijänä rekisterinpitäjän lukuun
  käsittelysopimuksen perusteella.
- Tarkastusviranomaiset saavat tietoja lain perusteella.

Tietoja ei luovuteta markkinointiin.

## Siirrot EU:n ja ETA:n ulkopuolelle

Tietoja ei siirretä EU:n tai Euroopan talousalueen ulkopuolelle.

## Säilytysajat

- Avustusasiakirjat ja niihin liittyvät henkilötiedot säilytetään ministeriön tiedonohjaussuunnitelman
  mukaisesti, vähintään kymmenen vuotta avustuksen viimeisen erän maksamisesta, koska avustus voidaan periä
  takaisin tämän ajan kuluessa.
- Tapahtumalokia säilytetään yhtä kauan kuin niitä asiakirjoja, joita se koskee.
- Käyttäjätunnus suljetaan, kun käyttöoikeus päättyy, ja kirjautumistiedot poistetaan kahden vuoden kuluessa.
- Saavutettavuuspalaute poistetaan kahden vuoden kuluttua sen käsittelystä.

## Rekisteröidyn oikeudet

Sinulla on oikeus saada pääsy tietoihisi, oikeus tietojen oikaisemiseen, oikeus käsittelyn rajoittamiseen ja
oikeus vastustaa käsittelyä. Koska käsittely perustuu lakiin ja yleisen edun mukaiseen tehtävään, oikeus
tietojen poistamiseen ja siirtämiseen järjestelmästä toiseen ei koske näitä tietoja. Palvelussa ei tehdä
automaattisia päätöksiä eikä profilointia.

Pyynnöt lähetetään osoitteeseen {SERVICE_EMAIL}.

## Oikeus valittaa valvontaviranomaiselle

Jos katsot, että henkilötietojesi käsittely rikkoo tietosuojalainsäädäntöä, voit tehdä valituksen
tietosuojavaltuutetun toimistolle: [tietosuoja.fi](https://tietosuoja.fi).

## Evästeet

Palvelu käyttää vain toiminnan kannalta välttämättömiä evästeitä: istunto, kielivalinta ja lomakkeiden
suojaus.
""",
    f"""Denna beskrivning berättar hur personuppgifter behandlas i tjänsten Kannustin (EU:s allmänna
dataskyddsförordning, artiklarna 13 och 14).

## Personuppgiftsansvarig

Finansministeriet, PB 28, 00023 Statsrådet. Kontakt i ärenden som gäller tjänsten: {SERVICE_EMAIL}.

## Dataskyddsombud

Finansministeriets dataskyddsombud: {DPO_EMAIL["sv"]}.

## Ändamål med behandlingen

- ansökan om, handläggning och bedömning av samt beslut om statsunderstöd
- utbetalning av understöd, uppföljning av användningen, rapportering och vid behov återkrav
- kontakter med sökande, understödstagare och bedömare
- förvaltning av användarkonton, informationssäkerhet och spårbarhet i behandlingen
- behandling av respons om tillgängligheten.

## Rättslig grund för behandlingen

- fullgörande av en rättslig förpliktelse som åvilar den personuppgiftsansvarige (artikel 6.1 c i
  dataskyddsförordningen)
- utförande av en uppgift av allmänt intresse och myndighetsutövning (artikel 6.1 e).

Uppgiften grundar sig på statsunderstödslagen (688/2001) och statsrådets förordning om incitamentsystemet för
digitalisering i kommunerna (893/2019). Dessutom tillämpas förvaltningslagen (434/2003), lagen om
offentlighet i myndigheternas verksamhet (621/1999) och arkivlagen (831/1994).

## Personuppgifter som behandlas

- namn, e-postadresser, telefonnummer och titlar för kontaktpersoner hos de sökande organisationerna
- uppgifter om användarkonton: namn, e-postadress, organisation och roll, inloggningsuppgifter och
  uppgifter om tvåstegsverifiering
- namn, roller och jävsanmälningar för ministeriets tjänstemän och bedömare
- händelselogg: vem som har gjort vilken ändring i tjänsten och när
- namn och e-postadress för den som ger respons om tillgängligheten, om personen har uppgett dem.

## Uppgiftskällor

Uppgifterna fås av den registrerade själv, av den sökande organisationen (till exempel anger en användare i
kommunen projektets kontaktpersoner), av ministeriets tjänstemän och ur tjänstens egna loggar.

## Mottagare av uppgifterna

- Ansökningar och beslut är som myndighetshandlingar i regel offentliga, och uppgifter ur dem kan lämnas ut
  enligt offentlighetslagen. Sekretessbelagda uppgifter, såsom affärshemligheter, lämnas bort.
- Utomstående sakkunniga bedömare ser endast de ansökningar som tilldelats dem.
- Den som driftar tjänsten behandlar uppgifterna som personuppgiftsbiträde för den personuppgiftsansvariges
  räkning på grundval av ett biträdesavtal.
- Granskningsmyndigheter får uppgifter med stöd av lag.

Uppgifterna lämnas inte ut för marknadsföring.

## Överföringar utanför EU och EES

Uppgifterna överförs inte utanför EU eller Europeiska ekonomiska samarbetsområdet.

## Lagringstider

- Handlingar om understöd och personuppgifter i dem bevaras enligt ministeriets
  informationsstyrningsplan, minst tio år efter att den sista posten av understödet betalats ut, eftersom
  understödet kan återkrävas inom denna tid.
- Händelseloggen bevaras lika länge som de handlingar den gäller.
- Ett användarkonto stängs när användarrätten upphör, och inloggningsuppgifterna raderas inom två år.
- Respons om tillgängligheten raderas två år efter att den behandlats.

## Den registrerades rättigheter

Du har rätt att få tillgång till dina uppgifter, rätt till rättelse av uppgifterna, rätt till begränsning av
behandlingen och rätt att invända mot behandlingen. Eftersom behandlingen grundar sig på lag och en uppgift
av allmänt intresse gäller rätten till radering och rätten att flytta uppgifter från ett system till ett
annat inte dessa uppgifter. I tjänsten fattas inga automatiserade beslut och ingen profilering görs.

Skicka begäranden till {SERVICE_EMAIL}.

## Rätt att lämna klagomål till tillsynsmyndigheten

Om du anser att behandlingen av dina personuppgifter strider mot dataskyddslagstiftningen kan du lämna ett
klagomål till dataombudsmannens byrå: [tietosuoja.fi/sv](https://tietosuoja.fi/sv).

## Kakor

Tjänsten använder endast kakor som är nödvändiga för att den ska fungera: session, språkval och skydd av
formulär.
""",
    f"""This notice explains how personal data are processed in the Kannustin service (EU General Data
Protection Regulation, Articles 13 and 14).

## Controller

Ministry of Finance, PO Box 28, FI-00023 Government, Finland. Contact about the service: {SERVICE_EMAIL}.

## Data protection officer

The Ministry of Finance's data protection officer: {DPO_EMAIL["en"]}.

## Purposes of processing

- applying for, handling, assessing and deciding on government grants
- paying grants, following up their use, reporting and, where needed, recovery
- contacting applicants, grant recipients and reviewers
- managing user accounts, keeping the service secure and keeping processing traceable
- handling accessibility feedback.

## Legal basis

- compliance with a legal obligation of the controller (GDPR Article 6(1)(c))
- performance of a task carried out in the public interest and in the exercise of official authority
  (Article 6(1)(e)).

The task is based on the Act on Discretionary Government Transfers (688/2001) and the Government Decree on
the incentive system for digitalisation in municipalities (893/2019). The Administrative Procedure Act
(434/2003), the Act on the Openness of Government Activities (621/1999) and the Archives Act (831/1994) also
apply.

## Personal data processed

- names, email addresses, phone numbers and titles of contact persons of applicant organisations
- user account data: name, email address, organisation and role, sign-in data and two-step verification data
- names, roles and disqualification declarations of ministry officials and reviewers
- audit log: who made which change in the service, and when
- the name and email address of a person giving accessibility feedback, if they gave them.

## Sources

The data come from the data subjects themselves, from the applicant organisation (for example, a user of
the municipality names the project's contact persons), from ministry officials and from the service's own
logs.

## Recipients

- Applications and decisions are official documents and as a rule public; information from them may be
  disclosed under the Act on the Openness of Government Activities. Confidential information, such as
  business secrets, is left out.
- External expert reviewers see only the applications assigned to them.
- The operator of the service processes the data as a processor on the controller's behalf under a data
  processing agreement.
- Audit authorities receive data as provided by law.

The data are not disclosed for marketing.

## Transfers outside the EU and EEA

The data are not transferred outside the EU or the European Economic Area.

## Retention

- Grant documents and the personal data in them are kept under the ministry's records management plan, for at
  least ten years after the last instalment of the grant is paid, because the grant may be recovered within
  that time.
- The audit log is kept as long as the documents it concerns.
- A user account is closed when the right of use ends, and its sign-in data are deleted within two years.
- Accessibility feedback is deleted two years after it was handled.

## Your rights

You have the right of access to your data, the right to rectification, the right to restriction of
processing and the right to object to processing. Because processing is based on law and a task in the public
interest, the right to erasure and the right to data portability do not apply to these data. The service
makes no automated decisions and does no profiling.

Send requests to {SERVICE_EMAIL}.

## Right to lodge a complaint

If you consider that the processing of your personal data infringes data protection law, you may lodge a
complaint with the Office of the Data Protection Ombudsman: [tietosuoja.fi/en](https://tietosuoja.fi/en).

## Cookies

The service uses only cookies that it needs to work: the session, the language choice and form protection.
""",
)
